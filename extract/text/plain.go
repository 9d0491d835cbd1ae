package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanPlain fills a from plain text: it splits the text into blocks (one
// per line, or one per blank-line paragraph when the text is hard-wrapped)
// and keeps the article's blocks.
func cleanPlain(s string, a *Article) {
	cleanLines(splitBlocks(s), a)
}

// splitBlocks returns the non-blank lines of s with white space collapsed,
// joining the lines of each paragraph when s is hard-wrapped.
func splitBlocks(s string) []string {
	raw := strings.Split(s, "\n")
	if !hardWrapped(raw) {
		var out []string
		for _, l := range raw {
			if l = collapseSpace(l); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, collapseSpace(strings.Join(cur, " ")))
			cur = cur[:0]
		}
	}
	for _, l := range raw {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// hardWrapped reports whether most of lines were broken at a fixed width
// (as in e-mail and wire copy) rather than one line per paragraph.
func hardWrapped(lines []string) bool {
	n, mid, long := 0, 0, 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		n++
		switch c := utf8.RuneCountInString(l); {
		case c >= 50 && c <= 90:
			mid++
		case c > 100:
			long++
		}
	}
	return n >= 8 && mid*10 >= n*6 && long*20 <= n
}

// Block classes, as in jusText.
type class int

const (
	bad class = iota
	short
	nearGood
	good
)

// block is one candidate paragraph and what the classifier learned of it.
type block struct {
	text      string
	words     int
	chars     int
	stopDens  float64 // share of words that are function words
	furniture bool    // reads as page interface: share prompts, bylines, dates, links, copyright
	terminal  bool    // furniture that closes an article: a copyright line, a comments heading
	final     bool    // ends with sentence punctuation
	cls       class
}

// Classifier thresholds (jusText's defaults, tuned for a smaller stop list).
const (
	lengthLow    = 70
	lengthMid    = 100 // a sentence this long, ending in a full stop, can be good
	lengthHigh   = 200
	stopLow      = 0.25
	stopHigh     = 0.30
	maxGap       = 5  // bad blocks in a row that separate two clusters of text
	maxHeadWords = 30 // longest line taken as a headline or standfirst above the body
	headLookback = 12 // lines above the body searched for the headline
)

// cleanLines keeps the article among blocks and fills a's Body, Title and Date.
func cleanLines(lines []string, a *Article) {
	blocks := make([]block, len(lines))
	for i, l := range lines {
		blocks[i] = measure(l)
	}
	classify(blocks)
	revise(blocks)
	first, last := mainCluster(blocks)
	if first < 0 {
		// Too little text for context to decide (a note, a one-paragraph
		// page): keep whatever is not furniture.
		for i := range blocks {
			if !blocks[i].furniture && (blocks[i].words >= 4 || blocks[i].final) {
				blocks[i].cls = good
			}
		}
		if len(blocks) == 1 && !blocks[0].furniture && nameLine(blocks[0].text) {
			// A document that is one short line of names: a wire
			// dateline ("BANGKOK, Thailand (AP)"), a source line
			// ("Moscow ITAR-TASS") or a place ("Kings Bay, Ga.").
			blocks[0].cls = good
		}
		if first, last = mainCluster(blocks); first < 0 {
			return
		}
	}
	keep := make([]bool, len(blocks))
	for i := first; i <= last; i++ {
		keep[i] = blocks[i].cls == good
	}
	headStart := headline(blocks, first, keep)
	var paras []string
	for i, b := range blocks {
		if !keep[i] {
			continue
		}
		if n := len(paras); n > 0 && paras[n-1] == b.text {
			continue // a headline printed twice
		}
		paras = append(paras, b.text)
	}
	a.Body = joinParagraphs(paras)
	if a.Title == "" {
		a.Title = pickTitle(blocks, headStart, first, keep)
	}
	if a.Date == "" {
		a.Date = topDate(lines, first)
	}
}

// pickTitle returns the first kept head line above the body, passing over
// a kicker that ends in a colon when a headline follows it.
func pickTitle(blocks []block, headStart, first int, keep []bool) string {
	title := ""
	for i := headStart; i < first; i++ {
		if !keep[i] || blocks[i].words > maxHeadWords {
			continue
		}
		if title == "" {
			title = blocks[i].text
		}
		if !strings.HasSuffix(blocks[i].text, ":") {
			return blocks[i].text
		}
	}
	return title
}

// measure computes a block's features.
func measure(text string) block {
	b := block{text: text, chars: utf8.RuneCountInString(text)}
	stops, weak, strong, numeric, comments := 0, 0, 0, 0, 0
	prev := ""
	forEachWord(text, func(w string) {
		b.words++
		lw := strings.ToLower(w)
		if stopWords[lw] {
			stops++
		}
		if interfaceWords[lw] && w != "US" {
			weak++
		}
		if strongInterface[lw] || strongPairs[prev][lw] {
			strong++
		}
		if c := w[0]; '0' <= c && c <= '9' {
			numeric++
		}
		if lw == "comment" || lw == "comments" || lw == "responses" || lw == "replies" {
			comments++
		}
		prev = lw
	})
	if b.words > 0 {
		b.stopDens = float64(stops) / float64(b.words)
	}
	b.final = endsWithStop(text)
	switch {
	case strings.Contains(text, "©") || strings.HasPrefix(strings.ToLower(text), "copyright"):
		b.furniture, b.terminal = true, true
	case b.words <= 6 && comments > 0 && weak*2 >= b.words:
		b.furniture, b.terminal = true, true // "Comments (12)", "Leave a comment"
	case hasLink(text):
		b.furniture = true
	case b.words < 25 && strong > 0:
		b.furniture = true
	case b.words < 20 && weak*10 >= b.words*3:
		b.furniture = true
	case b.words > 0 && b.words <= 12 && numeric*2 >= b.words:
		b.furniture = true // dates, times, prices, counters
	case b.words <= 8 && isDateLine(text):
		b.furniture = true
	case isByline(text):
		b.furniture = true
	}
	return b
}

// classify gives each block its context-free class (jusText's first pass).
func classify(blocks []block) {
	for i := range blocks {
		b := &blocks[i]
		switch {
		case b.furniture:
			b.cls = bad
		case b.chars < lengthLow:
			b.cls = short
		case b.stopDens >= stopHigh && (b.chars > lengthHigh || b.final && b.chars >= lengthMid):
			b.cls = good
		case b.stopDens >= stopLow:
			b.cls = nearGood
		case b.final && b.words >= 6:
			b.cls = short // a sentence dense with names: its neighbours decide
		default:
			b.cls = bad
		}
	}
}

// revise reclassifies short and near-good blocks by their neighbours
// (jusText's context-sensitive pass): text between good blocks is good,
// text between bad blocks is bad.
func revise(blocks []block) {
	orig := make([]class, len(blocks))
	for i, b := range blocks {
		orig[i] = b.cls
	}
	neighbour := func(i, step int, skipNear bool) class {
		for j := i + step; j >= 0 && j < len(orig); j += step {
			switch c := orig[j]; {
			case c == short:
			case c == nearGood && skipNear:
			default:
				return c
			}
		}
		return bad
	}
	next := make([]class, len(blocks))
	copy(next, orig)
	for i, c := range orig {
		if c != short {
			continue
		}
		p, n := neighbour(i, -1, true), neighbour(i, 1, true)
		switch {
		case p == good && n == good:
			next[i] = good
		case p == bad && n == bad:
			next[i] = bad
		case p == good && closingSentence(blocks[i], orig, i):
			next[i] = good
		case p == bad && neighbour(i, -1, false) == nearGood, n == bad && neighbour(i, 1, false) == nearGood:
			next[i] = good
		default:
			next[i] = bad
		}
	}
	for i, c := range orig {
		if c != nearGood {
			continue
		}
		if neighbour(i, -1, true) == bad && neighbour(i, 1, true) == bad && !lastAfterGood(orig, i) {
			next[i] = bad
		} else {
			next[i] = good
		}
	}
	for i := range blocks {
		blocks[i].cls = next[i]
	}
}

// closingSentence reports whether the short block i ends the text right
// after good blocks and reads as one more sentence of the story ("Her
// former adviser, X, was cleared of all charges."), not as a footer that
// says where the article came from.
func closingSentence(b block, cls []class, i int) bool {
	for j := i + 1; j < len(cls); j++ {
		if cls[j] != bad || j > i+2 {
			return false
		}
	}
	if !b.final || b.words < 6 || b.stopDens < 0.2 {
		return false
	}
	lower := strings.ToLower(b.text)
	for _, cue := range footerCues {
		if strings.Contains(lower, cue) {
			return false
		}
	}
	return true
}

// footerCues are words of the lines that close a page rather than a story.
var footerCues = []string{"article", "appeared", "originally", "reporting by", "editing by", "contributed",
	"writing by", "additional reporting", "story", "published", "updated", "follow", "subscribe", "newsletter",
	"copyright", "rights reserved", "click", "sign up", "read more", "comments", "share", "advertis", "cookie",
	"email", "e-mail", "@", "http", "www."}

// lastAfterGood reports whether blocks[i] is the last block but for short
// ones and follows a good block closely: the end of an article cut off
// after an embedded tweet or photo credit, not a page's footer.
func lastAfterGood(cls []class, i int) bool {
	for j := i + 1; j < len(cls); j++ {
		if cls[j] != short {
			return false
		}
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if cls[j] == good {
			return true
		}
	}
	return false
}

// mainCluster returns the first and last block of the run of good blocks,
// no more than maxGap bad blocks apart, that holds the most good text; an
// article is one stretch of text, and the teasers and link lists of the
// page around it are separated from it by furniture. It returns -1, -1
// when no block is good.
func mainCluster(blocks []block) (int, int) {
	bestFirst, bestLast, bestChars := -1, -1, 0
	first, last, chars, gap := -1, -1, 0, 0
	closeRun := func() {
		if first >= 0 && chars > bestChars {
			bestFirst, bestLast, bestChars = first, last, chars
		}
		first, chars = -1, 0
	}
	for i, b := range blocks {
		if b.terminal {
			closeRun()
			gap = maxGap + 1
			continue
		}
		if b.cls != good {
			gap++
			if gap > maxGap {
				closeRun()
			}
			continue
		}
		gap = 0
		if first < 0 {
			first = i
		}
		last = i
		chars += b.chars
	}
	closeRun()
	return bestFirst, bestLast
}

// headline marks as kept the lines above the body that starts at
// blocks[first] and belong to the article's head: the kicker ("Libyan
// conflict:"), headline, standfirst, dateline and photo captions, skipping
// the furniture between them, within headLookback lines. It returns the
// index of the topmost line kept, or first.
func headline(blocks []block, first int, keep []bool) int {
	top := first
	for i := first - 1; i >= 0 && first-i <= headLookback; i-- {
		b := blocks[i]
		if b.furniture || b.words == 0 {
			continue
		}
		opening := true // the first line of text in the document
		for j := 0; j < i; j++ {
			if !blocks[j].furniture {
				opening = false
				break
			}
		}
		if !headlineLike(b, i == first-1 || keep[i+1], opening) {
			continue
		}
		keep[i] = true
		top = i
	}
	return top
}

// headlineLike reports whether a line above the body reads as part of the
// article's head. Long lines must be prose (a caption or standfirst). Lines
// of up to three words (menus, section names, site names) count only when
// they end in a colon (a kicker) or, next to the body or the headline, are
// capitalized like a place name (a dateline) or open the document (a short
// headline).
func headlineLike(b block, adjacent, opening bool) bool {
	switch {
	case b.words > maxHeadWords:
		return (b.final || strings.Contains(b.text, ". ")) && letters(b.text)*3 > b.chars*2
	case b.words >= 4:
		return letters(b.text)*2 > b.chars
	case strings.HasSuffix(b.text, ":"):
		return true
	}
	return adjacent && (opening || dateline(b.text))
}

// dateline reports whether s looks like a dateline: one to three
// capitalized words, not an all-capital acronym of up to four letters.
func dateline(s string) bool {
	n, ok := capitalWords(s)
	if !ok || n == 0 || n > 3 {
		return false
	}
	if n == 1 && len(s) <= 4 && strings.ToUpper(s) == s {
		return false
	}
	return true
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// forEachWord calls f with each run of letters, digits and apostrophes in s.
func forEachWord(s string, f func(w string)) {
	start := -1
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		if word && start < 0 {
			start = i
		}
		if !word && start >= 0 {
			f(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

func endsWithStop(s string) bool {
	s = strings.TrimRight(s, "\"'”’)] ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// hasLink reports whether s contains a URL, an e-mail address or a social
// media handle.
func hasLink(s string) bool {
	if strings.Contains(s, "http://") || strings.Contains(s, "https://") || strings.Contains(s, "www.") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '@' || i+1 >= len(s) {
			continue
		}
		c := s[i+1]
		if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// capitalWords counts the words of s and reports whether each begins
// with a capital letter.
func capitalWords(s string) (n int, all bool) {
	all = true
	forEachWord(s, func(w string) {
		n++
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			all = false
		}
	})
	return n, all
}

// nameLine reports whether s holds nothing but capitalized words (or
// words in capitals) and the punctuation that joins names in a dateline:
// commas, brackets, full stops, a semicolon, hyphens.
func nameLine(s string) bool {
	n, ok := capitalWords(s)
	if !ok || n == 0 || n > 8 {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) {
			continue
		}
		if !strings.ContainsRune(",()[].;-'’", r) {
			return false
		}
	}
	return true
}

// isByline reports whether s reads "By Someone" (a byline or credit).
func isByline(s string) bool {
	if !strings.HasPrefix(s, "By ") && !strings.HasPrefix(s, "BY ") {
		return false
	}
	n := 0
	forEachWord(s, func(string) { n++ })
	return n <= 6 && !endsWithStop(s)
}

// isDateLine reports whether s is little more than a date.
func isDateLine(s string) bool {
	d := findDate(s)
	if d == "" {
		return false
	}
	n := 0
	forEachWord(s, func(string) { n++ })
	return n <= 8
}
