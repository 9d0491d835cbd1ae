package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark; Start and End are byte
// offsets into the body given to Segment, and Text is body[Start:End].
type Token struct {
	Start, End int
	Text       string
}

// Sentence is a sentence of the body with its tokens; Text is
// body[Start:End]. Paragraph counts the body's paragraphs from 0. Headline
// marks a paragraph that is one short sentence without closing punctuation:
// a headline, kicker, standfirst heading or dateline.
type Sentence struct {
	Start, End int
	Text       string
	Tokens     []Token
	Paragraph  int
	Headline   bool
}

// maxHeadlineTokens bounds how long an unpunctuated paragraph may be and
// still count as a headline.
const maxHeadlineTokens = 30

// Segment splits body into sentences and tokens. Paragraphs are separated
// by blank lines, and a paragraph boundary always ends a sentence; a single
// newline inside a paragraph is white space. Full stops after abbreviations
// (Mr., Col., U.S., Jan.), initials and inside numbers do not end
// sentences; closing quotes and brackets stay with the sentence they close.
func Segment(body string) []Sentence {
	var out []Sentence
	var toks []Token
	para := 0
	for start := 0; start < len(body); {
		end := paragraphEnd(body, start)
		toks = tokenize(body, start, end, toks[:0])
		if len(toks) > 0 {
			// Sentences keep sub-slices of one allocation per paragraph.
			own := make([]Token, len(toks))
			copy(own, toks)
			first := len(out)
			out = splitSentences(body, own, para, out)
			if len(out)-first == 1 {
				s := &out[first]
				s.Headline = len(s.Tokens) <= maxHeadlineTokens && !endsSentence(s.Tokens)
				if !s.Headline && len(s.Tokens) <= maxHeadlineTokens && terminal(s.Tokens[len(s.Tokens)-1].Text) == weakAbbrev {
					// "Libyan Ambassador Denounces Gadhafi At U.N.": capitalized throughout.
					s.Headline = titleCase(s.Tokens)
				}
			}
			para++
		}
		start = end
	}
	return out
}

// paragraphEnd returns the end of the paragraph that starts at or after
// start: the offset of the next blank line (a newline followed by optional
// spaces and another newline), or len(body).
func paragraphEnd(body string, start int) int {
	for i := start; i < len(body); i++ {
		if body[i] != '\n' {
			continue
		}
		for j := i + 1; j < len(body); j++ {
			c := body[j]
			if c == '\n' {
				return j + 1
			}
			if c != ' ' && c != '\t' && c != '\r' {
				break
			}
		}
	}
	return len(body)
}

// splitSentences appends the sentences of one paragraph's tokens to out.
func splitSentences(body string, toks []Token, para int, out []Sentence) []Sentence {
	first := 0
	emit := func(last int) {
		s := Sentence{Start: toks[first].Start, End: toks[last].End, Tokens: toks[first : last+1 : last+1], Paragraph: para}
		s.Text = body[s.Start:s.End]
		out = append(out, s)
		first = last + 1
	}
	// "WASHINGTON (Reuters) -": a wire dateline is a sentence of its own, so
	// its place and agency do not become the first sentence's subject.
	if d := datelineEnd(toks); d > 0 && d+1 < len(toks) {
		emit(d)
	}
	for i := first; i < len(toks); i++ {
		kind := terminal(toks[i].Text)
		if kind == notTerminal {
			continue
		}
		// Closing quotes and brackets written against the stop belong to it.
		last := i
		quoted := false
		for last+1 < len(toks) && toks[last+1].Start == toks[last].End && isCloser(toks[last+1].Text) {
			last++
			quoted = true
		}
		if last+1 >= len(toks) {
			break
		}
		if boundary(kind, toks[i].Text, quoted, toks[last+1:]) {
			emit(last)
		}
		i = last
	}
	if first < len(toks) {
		emit(len(toks) - 1)
	}
	return out
}

// datelineEnd returns the index of the dash that closes a wire dateline
// opening a paragraph ("AIKEN, S.C. (AP) —", "LUSAKA, Zambia —",
// "WASHINGTON (Reuters) -", "NEW DELHI, Jan. 5 (Reuters) -", AP's older
// "DAYTON, Ohio (AP) _"), or -1. The
// dateline starts with a place in capitals; capitalized words, a date's
// numbers, commas and one bracketed agency may follow.
func datelineEnd(toks []Token) int {
	if len(toks) < 3 || !allCaps(toks[0].Text) {
		return -1
	}
	bracket := false
	for i := 1; i < len(toks) && i <= 12; i++ {
		t := toks[i].Text
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case t == "—" || t == "–" || t == "-" || t == "--" || t == "---" || t == "_":
			if bracket || i+1 >= len(toks) {
				return -1
			}
			return i
		case t == "(":
			if bracket {
				return -1
			}
			bracket = true
		case t == ")":
			if !bracket {
				return -1
			}
			bracket = false
		case t == "," || t == "/" || unicode.IsUpper(r):
		case unicode.IsDigit(r) && len(t) <= 4 && i > 1:
			// the day or year of a date: "NEW DELHI, Jan. 5 (Reuters) -"
		default:
			return -1
		}
	}
	return -1
}

// allCaps reports whether t is a word of two or more letters, all capitals.
func allCaps(t string) bool {
	n := 0
	for _, r := range t {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '-' || r == '\'':
		default:
			return false
		}
	}
	return n >= 2
}

type termKind int

const (
	notTerminal  termKind = iota
	stop                  // . ! ?
	ellipsis              // ... …
	weakAbbrev            // U.S., Jan., Inc.: ends a sentence only before a clear sentence start
	strongAbbrev          // Mr., Col., p.: never ends a sentence
	initial               // J., F.: ends a sentence only before a clear sentence start ("Plan B. The")
)

// terminal classifies a token by how it may end a sentence.
func terminal(t string) termKind {
	switch t {
	case ".", "!", "?", "?!", "!?", "!!", "??":
		return stop
	case "...", "…", "....":
		return ellipsis
	}
	if len(t) < 2 || t[len(t)-1] != '.' {
		return notTerminal
	}
	w := t[:len(t)-1]
	if len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' {
		return initial
	}
	if len(w) == 1 || titleAbbrevs[w] {
		return strongAbbrev
	}
	return weakAbbrev
}

// boundary decides whether a sentence ends before next, after a
// terminator of the given kind, the token prev. quoted says closing quotes
// or brackets followed the terminator.
func boundary(kind termKind, prev string, quoted bool, next []Token) bool {
	n := next[0].Text
	r, _ := utf8.DecodeRuneInString(n)
	switch kind {
	case strongAbbrev:
		return false
	case weakAbbrev:
		// "in the U.S. Mr. Smith said": a title opens the next sentence.
		return sentenceStarters[n] || terminal(n) == strongAbbrev && titleAbbrevs[n[:len(n)-1]] ||
			legalFormStop(prev, next)
	case initial:
		return sentenceStarters[n]
	case ellipsis:
		if !unicode.IsUpper(r) {
			return false
		}
	}
	if unicode.IsLower(r) {
		return false
	}
	if r == ',' || r == ';' || r == ':' || r == ')' || r == ']' {
		return false
	}
	// `"Why should we?" Shalgham asked.`: the attribution completes the quote.
	if quoted && unicode.IsUpper(r) && len(next) > 1 && speechVerbs[next[1].Text] {
		return false
	}
	return true
}

// endsSentence reports whether toks end with sentence-closing punctuation,
// closing quotes and brackets aside.
func endsSentence(toks []Token) bool {
	i := len(toks) - 1
	for i > 0 && isCloser(toks[i].Text) {
		i--
	}
	k := terminal(toks[i].Text)
	return k == stop || k == ellipsis || k == weakAbbrev || k == initial
}

// titleCase reports whether every word of toks but short function words
// starts with a capital letter.
func titleCase(toks []Token) bool {
	words := 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if !unicode.IsUpper(r) && len(t.Text) > 3 {
			return false
		}
	}
	return words >= 2
}

func isCloser(t string) bool {
	switch t {
	case "\"", "'", "”", "’", ")", "]", "}", "»", "›":
		return true
	}
	return false
}

// titleAbbrevs are abbreviations that are followed by a name or number,
// so their full stop never ends a sentence.
var titleAbbrevs = setOf(
	"Mr", "Mrs", "Ms", "Mssrs", "Messrs", "Dr", "Prof", "Col", "Gen", "Lt", "Sgt", "Capt", "Cpt", "Cmdr",
	"Cdr", "Maj", "Adm", "Brig", "Cpl", "Pte", "Pvt", "Gov", "Sen", "Rep", "Rev", "Fr", "Hon", "Pres",
	"Supt", "Insp", "Det", "Amb", "Sec", "Mt", "Ft", "St", "Ste", "No", "Nos", "Nr", "Fig", "Figs",
	"Vol", "vol", "pp", "p", "vs", "v", "Art", "art", "ch", "Ch", "Sra", "Sgto", "Gens",
	"approx", "ca", "cf", "Mme", "Mlle", "Herr", "Dott", "Ing", "Hr", "Mag", "Bros",
)

// sentenceStarters are words that begin sentences far more often than they
// follow an abbreviation inside one ("in the U.S. The next day").
var sentenceStarters = setOf(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our",
	"My", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "If",
	"When", "While", "After", "Before", "As", "In", "On", "At", "For", "From", "With", "By", "To",
	"Meanwhile", "However", "Also", "Then", "Now", "Still", "Some", "Many", "Most", "Both", "Each",
	"No", "Not", "One", "Two", "Three", "Earlier", "Later", "Last", "Since", "Although", "Though",
	"Officials", "According", "What", "Who", "Why", "How", "Where", "Under", "During", "Over",
)

// speechVerbs follow a quotation's speaker: `"...," Assange said.`
var speechVerbs = setOf(
	"said", "says", "asked", "asks", "told", "tells", "added", "adds", "replied", "replies", "wrote",
	"writes", "explained", "insisted", "continued", "noted", "stated", "declared", "warned", "claimed",
	"argued", "recalled", "shouted", "cried", "demanded", "responded", "answered", "remarked",
	"announced", "admitted", "conceded", "concluded", "observed", "suggested", "tweeted", "posted",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// legalForms are companies' legal forms written with a full stop.
var legalForms = setOf("Co", "Inc", "Ltd", "Corp", "Plc", "LLC", "Bros")

// legalFormStop reports whether a company's legal form ends a sentence
// before a capitalized word and a finite verb: "paid through Hanbit
// Construction Co. Cho was arrested", not "Ford Motor Co. Chairman X said"
// nor "Acme Inc. Shares" (the verb must be one of a few).
func legalFormStop(prev string, next []Token) bool {
	if !legalForms[strings.TrimSuffix(prev, ".")] || len(next) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next[0].Text)
	if !unicode.IsUpper(r) {
		return false
	}
	switch next[1].Text {
	case "was", "is", "has", "had", "were", "are", "said", "says", "told", "will", "would", "denied", "declined":
		return true
	}
	return false
}
