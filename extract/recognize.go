package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/graph"
)

// mention is a typed span of a sentence that names an entity.
type mention struct {
	Sent        int        // index of the sentence
	T0, T1      int        // the mention's tokens, [T0, T1)
	N0, N1      int        // the name proper inside it (no head noun, no title)
	Start, End  int        // byte offsets of the mention in the body
	Text        string     // the mention as written, titles left out
	Alias       string     // the form with its honorific ("Mr Koussa"), or ""
	Type        graph.Type // person, organization, place, event
	Title       string     // a title or role given with it: "Foreign Minister"
	Nationality string     // from a demonym before it
	Head        string     // a lowercase head noun: "regime", "airport", "killing"
	Modifier    string     // the name before a head ("Gaddafi" in "Gaddafi regime")
	Victim      int        // for "the murder of X": the mention of X, else -1
	Weak        bool       // from a title-case line: may only join a known entity
	Strong      bool       // typed by the gazetteer, a title or a head
	Ent         int        // the entity it resolves to, -1 before resolve
}

// recognized is a segmented article with its mentions (the output of recognize).
type recognized struct {
	segmented
	Mentions []mention
	BySent   [][]int // mention indexes per sentence, in order
}

// recognize finds the mentions of each sentence.
func (x *Extractor) recognize(d segmented) recognized {
	r := recognized{segmented: d, BySent: make([][]int, len(d.Sentences))}
	var evidence []typeEvidence
	for si := range d.Sentences {
		var labels []string
		if x.tagger != nil {
			s := &d.Sentences[si]
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = t.Text
			}
			labels = x.tagger.Tag(words)
		}
		for _, m := range recognizeSentence(&d.Sentences[si], si, labels) {
			if m.Victim == -2 {
				m.Victim = len(r.Mentions) - 1
			}
			r.BySent[si] = append(r.BySent[si], len(r.Mentions))
			r.Mentions = append(r.Mentions, m)
			evidence = append(evidence, mentionEvidence(m, labels))
		}
	}
	placeLists(r, evidence)
	voteTypes(r.Mentions, evidence)
	return r
}

// placeLists types as places the names of a list that only the tagger
// typed, when at least two others in the list are places the gazetteer or a
// head noun made certain and none is a certain person or body: "Brazoria,
// Fort Bend, Galveston and southern Harris Counties".
func placeLists(r recognized, ev []typeEvidence) {
	for si, ids := range r.BySent {
		toks := r.Sentences[si].Tokens
		for start := 0; start < len(ids); {
			end, closed := start+1, false
			for end < len(ids) && !closed {
				gap, and := listGap(toks, r.Mentions[ids[end-1]].T1, r.Mentions[ids[end]].T0)
				if !gap {
					break
				}
				closed = and
				end++
			}
			run := ids[start:end]
			start = end
			// A list closed by "and" or "or", not "Beaumont, Texas, Richardson's hometown".
			if len(run) < 3 || !closed {
				continue
			}
			places, others := 0, 0
			for _, k := range run {
				if ev[k] != byContext {
					continue
				}
				if r.Mentions[k].Type == graph.Place {
					places++
				} else {
					others++
				}
			}
			if places < 2 || others > 0 {
				continue
			}
			for _, k := range run {
				if m := &r.Mentions[k]; ev[k] == byTagger && (m.Type == graph.Person || m.Type == graph.Organization) && m.T1-m.T0 <= 2 &&
					!knownFirstName(toks[m.T0].Text) {
					m.Type = graph.Place
				}
			}
		}
	}
}

// listGap reports whether the tokens [a, b) between two names join them in
// a list: a comma, "and" or "or", or a comma and one of them, with at most
// one lowercase modifier before the next name ("and southern Harris"), and
// whether it holds "and" or "or".
func listGap(toks []token, a, b int) (gap, and bool) {
	if b <= a || b-a > 3 {
		return false, false
	}
	for k := a; k < b; k++ {
		switch l := toks[k].Lower; {
		case l == ",":
			gap = true
		case l == "and" || l == "or":
			gap, and = true, true
		case k == b-1 && gap && toks[k].Word && !toks[k].Cap:
		default:
			return false, false
		}
	}
	return gap, and
}

// typeEvidence says how a mention's type was found.
type typeEvidence byte

const (
	byTagger  typeEvidence = iota // the tagger's type, and nothing surer
	byContext                     // a cue in the sentence overrode the tagger, or the name is known
	byNothing                     // neither: no tagger, or a weak title-case line
)

// mentionEvidence tells whether m's type is the tagger's alone or came
// from something surer: the gazetteer, a head noun, or a cue in its
// sentence that overrode the tagger ("X, the London law firm").
func mentionEvidence(m mention, labels []string) typeEvidence {
	nt := nerType(labels, m.N0, m.N1)
	switch {
	case m.Weak || nt == "" || nt == "misc":
		return byNothing
	case m.Strong || nt != m.Type:
		return byContext
	}
	return byTagger
}

// voteTypes gives the mentions of a name that only the tagger typed the
// type its other mentions in the article were given by surer evidence: "A
// partner at Marsh Whitby" makes the firm of "Marsh Whitby later said",
// which the tagger reads as a person's name. Only when that evidence agrees
// on one type of person, body or place.
func voteTypes(ms []mention, ev []typeEvidence) {
	sure := map[string]graph.Type{}
	for i, m := range ms {
		if ev[i] != byContext || !votable(m.Type) {
			continue
		}
		k := graph.NameKey(m.Text)
		if t, ok := sure[k]; ok && t != m.Type {
			sure[k] = "" // the surer mentions disagree: leave the name alone
			continue
		}
		sure[k] = m.Type
	}
	for i := range ms {
		m := &ms[i]
		if ev[i] != byTagger || !votable(m.Type) {
			continue
		}
		if t := sure[graph.NameKey(m.Text)]; t != "" && t != m.Type {
			m.Type = t
		}
	}
}

func votable(t graph.Type) bool {
	return t == graph.Person || t == graph.Organization || t == graph.Place
}

func isPossessive(t token) bool { return t.Lower == "'s" || t.Lower == "’s" }

// givenNameMonth reports whether the short month at toks[i] is a given
// name instead: "Jan Nowak", written with no full stop and followed by a
// capitalized word that is no month or number ("Jan 5", "Jan. 2019" stay
// dates).
func givenNameMonth(toks []token, i int) bool {
	t := toks[i]
	if t.Lower != "jan" || i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	if connectors[n.Lower] && !n.Cap {
		k := i + 2 // "Jan de Vries", "Jan van den Broek"
		if k < len(toks) && secondParticles[toks[k].Lower] {
			k++
		}
		return k < len(toks) && toks[k].Cap && toks[k].Word
	}
	return n.Cap && n.Word && months[n.Lower] == 0 && !weekdays[n.Lower]
}

// capWord reports whether t may be part of a capitalized name.
func capWord(t token) bool {
	if !t.Word {
		return false
	}
	if !t.Cap {
		return particleName(t.Text)
	}
	if t.Caps && len(t.Text) > 5 {
		l := t.Lower
		if nonNames[l] || roleNouns[l] || months[l] > 0 || weekdays[l] {
			return false
		}
	}
	return true
}

// particleName reports whether w is a name with an attached particle,
// "al-Islam", "el-Keib", "bin-Laden", "da-Silva": a name word although it
// begins in lower case.
func particleName(w string) bool {
	i := strings.IndexByte(w, '-')
	if i <= 0 || i+1 >= len(w) || !isUpperRune(runeAt(w, i+1)) {
		return false
	}
	return connectors[w[:i]]
}

// pluralPossessors may own a capitalized head inside one name:
// "General People's Congress", "Workers' Party".
var pluralPossessors = setOf("people", "worker", "workers", "women", "children", "men", "martyrs", "nation",
	"nations", "farmers", "veterans", "citizens", "lawyers", "journalists", "patients", "teachers")

// englishConnectors are name particles ("as-Sadr", "at-Tayyib") that,
// standing alone, are English words: "John Kerry at Geneva", "Paul Newman
// as Earl Long" are two names each.
var englishConnectors = setOf("as", "at")

// forHeads may be followed by "for" inside a body's name: "Center for
// Strategic Studies", "Foundation for Economic Trends".
var forHeads = setOf("center", "centre", "institute", "foundation", "council", "committee", "commission",
	"fund", "coalition", "alliance", "society", "association", "agency", "office", "ministry", "campaign",
	"league", "union", "movement", "front", "organization", "organisation", "school", "college", "academy",
	"party", "trust", "network", "board", "bureau", "department")

// onHeads may be followed by "on" inside a body's name: "Committee on
// Foreign Relations", "Foundation on Economic Trends".
var onHeads = setOf("committee", "subcommittee", "commission", "council", "foundation", "conference",
	"panel", "task", "institute", "center", "centre")

// innerBodyHead reports whether the name toks[a:b] holds a body's head
// before "for" or "on": "Foundation on Economic Trends".
func innerBodyHead(toks []token, a, b int) bool {
	for k := a; k+1 < b; k++ {
		if l := toks[k+1].Lower; (l == "for" && forHeads[toks[k].Lower] || l == "on" && onHeads[toks[k].Lower]) && toks[k].Cap {
			return true
		}
	}
	return false
}

// quotedWhole reports whether toks[a:b] is all that stands between an
// opening and a closing quotation mark.
func quotedWhole(toks []token, a, b int) bool {
	if a == 0 || b >= len(toks) {
		return false
	}
	switch toks[a-1].Text {
	case "\"", "`", "``", "“", "‘":
	default:
		return false
	}
	switch toks[b].Text {
	case "\"", "'", "''", "”", "’":
		return true
	}
	return false
}

// capitalizedBreak reports whether a word of toks[a:b] is a function word
// or verb written capitalized, as titles of works and headlines write them.
func capitalizedBreak(toks []token, a, b int) bool {
	for _, t := range toks[a:b] {
		if t.Cap && headlineBreaks[t.Lower] {
			return true
		}
	}
	return false
}

// knownPrefix reports whether two or three words from toks[a] on, within
// the chunk ending at b, are a name the gazetteer knows: "New York",
// "New Jersey".
func knownPrefix(toks []token, a, b int) bool {
	for k := a + 2; k <= a+3 && k <= b; k++ {
		if _, ok := gazLookup(joinTokens(toks, a, k)); ok {
			return true
		}
	}
	return false
}

// unitHeads end the names of military units and courts that an ordinal
// opens.
var unitHeads = setOf("fleet", "army", "division", "brigade", "brigades", "corps", "regiment", "battalion",
	"squadron", "wing", "battery", "command", "circuit", "district", "appeals")

// ordinal reports whether w is a number written as an ordinal: "6th",
// "21st", "82nd", "3rd".
func ordinal(w string) bool {
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
	default:
		return false
	}
	for i := 0; i < n-2; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// unitName reports whether the capitalized words toks[a:b] end in a unit's
// or a court's head ("Fleet", "Cavalry Brigade", "Circuit Court of
// Appeals").
func unitName(toks []token, a, b int) bool {
	return unitHeads[toks[b-1].Lower] || b-a >= 2 && toks[b-2].Lower == "of" && unitHeads[toks[b-1].Lower]
}

// timeZones are abbreviations that follow a time ("0200 GMT", "3 p.m.
// EDT"), never names.
var timeZones = setOf("gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest")

// andBody returns where a body's name ends when "and" at toks[j] joins two
// parts of it: "National Aeronautics and Space Administration", "Health
// and Human Services", "Food and Drug Administration". The words after
// "and" must end in a body's head noun, and the words toks[i:j] before it
// must not be a name of their own: no head noun, no known place or body,
// no given name. It returns 0 otherwise.
func andBody(toks []token, i, j int) int {
	last := toks[j-1].Lower
	if j-i > 4 || orgHeads[last] || placeHeads[last] || knownFirstName(toks[i].Text) {
		return 0
	}
	if _, ok := gazLookup(joinTokens(toks, i, j)); ok {
		return 0
	}
	if _, ok := demonymPhrase(toks, i, j); ok {
		return 0
	}
	// "Barclays Bank of Kenya and Equity Bank": a body "of" a known place
	// is named whole before "and".
	if j-i >= 3 && toks[j-2].Lower == "of" {
		if e, ok := gazLookup(toks[j-1].Text); ok && e.Type == graph.Place {
			return 0
		}
	}
	k := j + 1
	for k < len(toks) && k < j+5 && capWord(toks[k]) && months[toks[k].Lower] == 0 && !weekdays[toks[k].Lower] {
		k++
	}
	if k == j+1 || !orgHeads[toks[k-1].Lower] {
		return 0
	}
	// "Ministry of Trade and Zambia Revenue Authority": a second part that
	// opens with a known place is a body of its own.
	if e, ok := gazLookup(toks[j+1].Text); ok && e.Type == graph.Place {
		return 0
	}
	return k
}

// chunks returns the maximal runs of capitalized words, with connectors.
func chunks(toks []token) [][2]int {
	var out [][2]int
	n := len(toks)
	for i := 0; i < n; {
		if !capWord(toks[i]) {
			i++
			continue
		}
		j := i + 1
		for j < n {
			t := toks[j]
			if capWord(t) && months[strings.TrimSuffix(t.Lower, ".")] == 0 && !weekdays[t.Lower] && !numberSign(toks, j) &&
				!afterLegalForm(toks, i, j) {
				j++
				continue
			}
			// "O 'Connor", as some tokenizers split "O'Connor".
			if j+1 < n && (t.Text == "'" || t.Text == "’") && len(toks[j-1].Text) == 1 && toks[j-1].Cap &&
				t.End == toks[j+1].Start && capWord(toks[j+1]) {
				j += 2
				continue
			}
			// "Foundation for the Study of X", "Commission on the Status of
			// Women": a body's head, a preposition and "the" before the rest
			// of its name ("of the" often joins two bodies: "Queens College
			// of the City University").
			if j+2 < n && (t.Lower == "for" && forHeads[toks[j-1].Lower] || t.Lower == "on" && onHeads[toks[j-1].Lower] ||
				t.Lower == "of" && groupHeads[toks[j-1].Lower] && j-1 == i) &&
				toks[j+1].Lower == "the" && !toks[j+1].Cap && capWord(toks[j+2]) {
				j += 3
				continue
			}
			if j+1 < n && capWord(toks[j+1]) {
				if connectors[t.Lower] && !t.Cap && !englishConnectors[t.Lower] {
					j += 2
					continue
				}
			}
			// "Pieter van der Berg", "Maria de la Cruz": two particles in
			// a row inside a person's name.
			if j+2 < n && secondParticles[toks[j+1].Lower] && !toks[j+1].Cap && capWord(toks[j+2]) &&
				connectors[t.Lower] && !t.Cap && !englishConnectors[t.Lower] {
				j += 3
				continue
			}
			if j+1 < n && capWord(toks[j+1]) {
				if t.Lower == "of" && ofHeads[toks[j-1].Lower] || t.Lower == "for" && (forHeads[toks[j-1].Lower] || institutionOf(toks, i, j)) ||
					t.Lower == "on" && onHeads[toks[j-1].Lower] {
					j += 2
					continue
				}
				// "National Aeronautics and Space Administration".
				if t.Lower == "and" {
					if k := andBody(toks, i, j); k > 0 {
						j = k
						continue
					}
				}
				// "National Dockworkers' Union": a plural possessor before
				// the body's head word.
				// "Federal Prosecutor's Office", "Attorney General's Office": a
				// post's possessive before an office.
				if isPossessive(t) && officeHeads[toks[j+1].Lower] && gazetteer.IsTitle(toks[j-1].Text) {
					j += 2
					continue
				}
				plural := (t.Text == "'" || t.Text == "’") && t.Start == toks[j-1].End && strings.HasSuffix(toks[j-1].Lower, "s") && orgHeads[toks[j+1].Lower]
				if (isPossessive(t) || (t.Text == "'" || t.Text == "’") && t.Start == toks[j-1].End) && pluralPossessors[toks[j-1].Lower] || plural {
					j += 2
					continue
				}
			}
			break
		}
		start := i
		// "6th Fleet", "82nd Airborne Division", "5th U.S. Circuit Court
		// of Appeals": an ordinal opens a unit's or a court's name.
		if i > 0 && ordinal(toks[i-1].Text) && unitName(toks, i, j) {
			start = i - 1
		}
		out = append(out, [2]int{start, j})
		i = j
	}
	return out
}

func joinTokens(toks []token, a, b int) string {
	if a >= b {
		return ""
	}
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a && toks[i].Start > toks[i-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].Text)
	}
	return sb.String()
}

// demonymPhrase reports whether toks[a:b] is a demonym ("Libyan", "North Korean").
func demonymPhrase(toks []token, a, b int) (string, bool) {
	if b-a > 2 {
		return "", false
	}
	return demonymOf(joinTokens(toks, a, b))
}

var locativePreps = setOf("in", "to", "from", "at", "near", "via", "outside", "across", "into", "through",
	"toward", "towards", "inside", "around", "throughout", "within", "leaving", "visit", "visited", "left")

var saidVerbs = setOf("said", "says", "told", "added", "asked", "claimed", "alleged", "insisted", "denied",
	"announced", "explained", "stated", "argued", "warned", "noted", "wrote", "reported", "confirmed",
	"dubbed", "tweeted", "replied", "admitted", "acknowledged", "described", "suggested", "believes",
	"believed", "thinks", "thought")

// preRole collects the lowercase role words before token i ("former
// foreign minister", "spy chief") and returns them and where they start.
func preRole(toks []token, i int) (string, int) {
	k := i
	hasRole := false
	for k > 0 {
		t := toks[k-1]
		if !t.Word || t.Cap {
			break
		}
		l := t.Lower
		if roleNouns[l] || coreTitles[l] {
			hasRole = true
		} else if !(honorifics[l] || lowerModifiers[l] || l == "veteran") {
			break
		}
		k--
		if i-k > 4 {
			break
		}
	}
	if !hasRole {
		return "", i
	}
	// Trim leading words that are not part of the role itself.
	for k < i && (toks[k].Lower == "veteran" || toks[k].Lower == "top") {
		k++
	}
	return joinTokens(toks, k, i), k
}

// recognizeSentence finds the mentions of one sentence.
func recognizeSentence(s *sentence, si int, labels []string) []mention {
	toks := s.Tokens
	var out []mention
	credit := creditSpans(toks)
	for _, c := range joinAndBodies(toks, chunks(toks), labels) {
		if credit[c[0]] {
			continue
		}
		for _, part := range splitTitleCase(s, c) {
			out = append(out, chunkMentions(s, si, part[0], part[1], labels)...)
		}
	}
	if !s.TitleCase {
		for _, g := range negotiatedThings(s, si) {
			k := 0
			for k < len(out) && out[k].T0 < g.T0 {
				k++
			}
			out = slices.Insert(out, k, g)
		}
		// In text order, leaving the order of the others alone (an event
		// named by its victim follows the victim).
		for _, g := range governingBodies(s, si) {
			k := 0
			for k < len(out) && out[k].T0 < g.T0 {
				k++
			}
			out = slices.Insert(out, k, g)
		}
	}
	return out
}

// negotiatedThings finds what a negotiation verb's object names as an
// event: "negotiated a plea deal", "secured the release of X", "brokered a
// compensation package for the victims". The event is named by its head
// with the compound nouns before it and an "of"/"for" phrase after it
// ("compensation package for the victims of Lockerbie"); its mention spans
// only the head and the preposition, so that names inside the phrase stay
// mentions of their own.
func negotiatedThings(s *sentence, si int) []mention {
	toks := s.Tokens
	var out []mention
	for v := 0; v+1 < len(toks); v++ {
		if !negotiationVerbs[toks[v].Lower] {
			continue
		}
		h := v + 1
		if h < len(toks) && negotiationDeterminers[toks[h].Lower] {
			h++
		}
		// Skip adjectives ("multibillion-pound") up to the head.
		for k := h; k < len(toks) && k < h+4; k++ {
			if negotiableHeads[toks[k].Lower] && !(k+1 < len(toks) && negotiableHeads[toks[k+1].Lower]) {
				h = k
				break
			}
			if !toks[k].Word || toks[k].Cap && k > v+1 {
				h = -1
				break
			}
			if k == h+3 {
				h = -1
			}
		}
		if h < 0 || h >= len(toks) || !negotiableHeads[toks[h].Lower] {
			continue
		}
		a := h
		for a > v+1 && (negotiableHeads[toks[a-1].Lower] || negotiationCompounds[toks[a-1].Lower]) {
			a--
		}
		b, end := h+1, h+1
		if b < len(toks) && (toks[b].Lower == "of" || toks[b].Lower == "for") {
			end = b + 1
			for k := b + 1; k < len(toks) && k < b+12; k++ {
				w := toks[k].Lower
				if !toks[k].Word && w != "-" && w != "'s" || phraseEnds[w] {
					break
				}
				end = k + 1
			}
			if end == b+1 {
				end = h + 1
			} else {
				b++
			}
		}
		m := newMention(s, si, a, b, graph.Event, true)
		m.Text = s.Text[toks[a].Start-s.Start : toks[end-1].End-s.Start]
		m.Head = toks[h].Lower
		out = append(out, m)
		v = h
	}
	return out
}

// governingBodies finds bodies named in lower case by what kind of rule
// they hold: "the provisional government", "the rebel council", "the
// military junta". A capitalized modifier ("the Libyan rebel government")
// is a chunk's head mention instead.
func governingBodies(s *sentence, si int) []mention {
	toks := s.Tokens
	var out []mention
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Lower != "the" {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+3 && governingModifiers[toks[j].Lower] {
			j++
		}
		if j == i+1 || j >= len(toks) || !governingHeads[toks[j].Lower] {
			continue
		}
		m := newMention(s, si, i+1, j+1, graph.Organization, true)
		m.Head = toks[j].Lower
		out = append(out, m)
		i = j
	}
	return out
}

// headlineBreaks are the function words a title-case line capitalizes:
// "Envoy Denounces Gadhafi At U.N." holds no name across "At".
var headlineBreaks = setOf("at", "in", "on", "to", "for", "with", "from", "by", "as", "after", "over",
	"into", "against", "amid", "is", "are", "was", "says", "say", "said", "will", "may", "be", "the", "a", "an", "and", "or")

// splitTitleCase cuts a chunk of a title-case line at its function words.
func splitTitleCase(s *sentence, c [2]int) [][2]int {
	if !s.TitleCase {
		return [][2]int{c}
	}
	var out [][2]int
	start := c[0]
	for k := c[0]; k < c[1]; k++ {
		if headlineBreaks[s.Tokens[k].Lower] && s.Tokens[k].Cap {
			if k > start {
				out = append(out, [2]int{start, k})
			}
			start = k + 1
		}
	}
	if start < c[1] {
		out = append(out, [2]int{start, c[1]})
	}
	return out
}

// creditWords open a photo credit: "(Photo by X/Getty Images)".
var creditWords = setOf("photo", "photograph", "picture", "image", "images", "credit", "pictured", "file")

// creditSpans marks the tokens of parenthesized photo credits, which name
// photographers and agencies, not the story's actors.
func creditSpans(toks []token) map[int]bool {
	var out map[int]bool
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text != "(" {
			continue
		}
		credit := creditWords[toks[i+1].Lower]
		for j := i + 1; j < len(toks) && j < i+12 && toks[j].Text != ")"; j++ {
			if toks[j].Text == "/" || toks[j].Lower == "via" {
				credit = true // "(Anthony Devlin/AFP via Getty Images)"
			}
		}
		if !credit {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for j := i; j < len(toks) && toks[j].Text != ")"; j++ {
			out[j] = true
		}
	}
	return out
}

// nerType returns the tagger's majority type over toks[a:b], or "".
func nerType(labels []string, a, b int) graph.Type {
	if labels == nil {
		return ""
	}
	count := map[graph.Type]int{}
	for i := a; i < b && i < len(labels); i++ {
		l := labels[i]
		if len(l) < 3 {
			continue
		}
		switch l[2:] {
		case "PER":
			count[graph.Person]++
		case "ORG":
			count[graph.Organization]++
		case "LOC":
			count[graph.Place]++
		case "MISC":
			count["misc"]++
		}
	}
	var best graph.Type
	n := 0
	for _, t := range []graph.Type{graph.Person, graph.Organization, graph.Place, "misc"} {
		if count[t] > n {
			best, n = t, count[t]
		}
	}
	return best
}

// chunkMentions turns one capitalized chunk toks[a:b] into mentions.
func chunkMentions(s *sentence, si, a, b int, labels []string) []mention {
	toks := s.Tokens
	// "AU0202111694 Paris AFP in English 0107 GMT": a wire service's source
	// line names the city it was monitored in and the source.
	for k := a; k < b; k++ {
		if serialCode(toks[k].Text) {
			var out []mention
			if k > a {
				out = chunkMentions(s, si, a, k, labels)
			}
			return append(out, sourceLine(s, si, k+1, b)...)
		}
	}
	// "94WE0015A Kiev SILSKI VISTI in Ukrainian": after a translated
	// report's document number (no capitalized word, so before the chunk).
	if a > 0 && documentNumber(toks[a-1].Text) && len(toks[a-1].Text) == 9 {
		return sourceLine(s, si, a, b)
	}
	// "MEMPHIS , Tenn .": a state's abbreviation after a town, whose full
	// stop a newswire tokenizer split off, is named with it as "Tenn." is
	// known (not "attended Mass .").
	if a > 0 && toks[a-1].Text == "," && b < len(toks) && toks[b].Text == "." && toks[b].Start > toks[b-1].End {
		name := joinTokens(toks, a, b)
		if e, ok := gazLookup(name + "."); ok && e.Type == graph.Place && (e.Kind == gazetteer.KindRegion || e.Kind == gazetteer.KindCountry) {
			if _, known := gazLookup(name); !known {
				m := newMention(s, si, a, b, graph.Place, true)
				m.Text += "."
				return []mention{m}
			}
		}
	}
	// "Moscow ITAR-TASS", "Bangkok THE NATION": a line that is nothing but
	// a city and a source in capitals is a source line without its serial.
	if bareSourceLine(s, a, b) {
		return sourceLine(s, si, a, b)
	}
	// Whole-chunk gazetteer hits first: "The Hague", "The Independent".
	if e, ok := gazLookup(joinTokens(toks, a, b)); ok && b-a > 1 && !strings.HasSuffix(toks[b-1].Lower, "-based") {
		if toks[a].Lower == "the" && !strings.HasPrefix(strings.ToLower(e.Name), "the ") {
			a++ // "The International Criminal Court" is named without its article
		}
		// "The Odebrecht group": a known name with a head noun after it.
		if m, ok := headMention(s, si, a, b, false); ok {
			return []mention{m}
		}
		return []mention{newMention(s, si, a, b, e.Type, true)}
	}
	// "The Geneva-based Alpine Relief Foundation": split after "-based".
	for k := a; k < b-1; k++ {
		if strings.HasSuffix(toks[k].Lower, "-based") {
			out := chunkMentions(s, si, a, k+1, labels)
			return append(out, chunkMentions(s, si, k+1, b, labels)...)
		}
	}
	// "X-based": X is a place, "New York" whole.
	if last := toks[b-1]; strings.HasSuffix(last.Lower, "-based") {
		for a < b-1 && toks[a].Lower == "the" {
			a++
		}
		name := joinTokens(toks, a, b)
		if _, ok := gazLookup(name[:len(name)-len("-based")]); !ok {
			for a < b-1 && nonNames[toks[a].Lower] {
				a++
			}
		}
		m := newMention(s, si, a, b, graph.Place, true)
		m.End -= len("-based")
		m.Text = m.Text[:len(m.Text)-len("-based")]
		return []mention{m}
	}
	// Leading words that begin sentences but are not names.
	for a < b && (nonNames[toks[a].Lower] || months[toks[a].Lower] > 0 && !givenNameMonth(toks, a) || weekdays[toks[a].Lower] || roleNouns[toks[a].Lower] && !coreTitles[toks[a].Lower] && !orgHeads[toks[a].Lower] && a+1 < b && !isPossessive(toks[a+1])) {
		if honorifics[toks[a].Lower] && coreTitles[toks[a].Lower] && a+1 < b {
			break // "Mr", "Chief" stay for the title rule
		}
		if knownPrefix(toks, a, b) {
			break // "New York Sen. X": "New" opens a known name
		}
		if institutionOf(toks, a, b) && !isPossessive(toks[a+2]) {
			break // "Court of Appeal", "Chamber of Commerce"
		}
		if wordOrdinals[toks[a].Lower] && unitName(toks, a+1, b) {
			break // "Third Army Corps"
		}
		a++
	}
	if a >= b || b-a == 1 && toks[a].Caps && timeZones[toks[a].Lower] {
		return nil
	}
	// "a showing of “War Is Hell”": a quoted title that capitalizes a verb
	// or function word and that the tagger reads as no person, body or
	// place names a work, not an entity ("the “Daily Mail”" stays).
	if quotedWhole(toks, a, b) && b-a >= 2 && capitalizedBreak(toks, a+1, b) {
		if nt := nerType(labels, a, b); nt != graph.Person && nt != graph.Organization && nt != graph.Place {
			if _, ok := gazLookup(joinTokens(toks, a, b)); !ok {
				return nil
			}
		}
	}
	// "Actor Karl Malden will teach": a common noun capitalized only because
	// it opens the sentence, which the tagger leaves outside the name after it.
	// A firm's name keeps its first word: "Sun Hung Kai Properties"; so
	// does a family name of two letters, no English word ("Xi Jinping",
	// "Hu Jintao"; the short words that open sentences are non-names).
	if sentenceOpener(toks, a) && b-a >= 2 && a+1 < len(labels) && labels[a] == "O" && strings.HasPrefix(labels[a+1], "B-") &&
		(!firmEnding(toks, a, b) || openingArticles[toks[a].Lower]) && len(toks[a].Text) > 2 && !honorifics[strings.TrimSuffix(toks[a].Lower, ".")] && !gazetteer.IsTitle(toks[a].Text) {
		a++
	}
	// A gazetteer entry followed by a person's name in one chunk: "U.N. Abdurrahman Shalgham".
	for k := a + 1; k < b; k++ {
		if e, ok := gazLookup(joinTokens(toks, a, k)); ok && (e.Type == graph.Organization || toks[a].Caps || k-a > 1) && knownFirstName(toks[k].Text) {
			out := chunkMentions(s, si, a, k, labels)
			return append(out, chunkMentions(s, si, k, b, labels)...)
		}
	}
	// "U.N. Ambassador Mohamed Shalgham", "NATO Secretary General X": an
	// organization before a title is a mention of its own.
	for k := a + 1; k < b-1 && k <= a+4; k++ {
		l := strings.TrimSuffix(toks[k].Lower, ".")
		if !honorifics[l] {
			continue
		}
		if e, ok := gazLookup(joinTokens(toks, a, k)); ok && e.Type == graph.Organization {
			out := []mention{newMention(s, si, a, k, graph.Organization, true)}
			return append(out, chunkMentions(s, si, k, b, labels)...)
		}
		break
	}
	// "North Carolina Gov. Jim Martin", "FAA Administrator Allan McArtor":
	// a title inside the chunk ends the place or body before it.
	if ts, te, ok := innerTitle(toks, a, b, labels); ok {
		return titledAfterName(s, si, a, ts, te, b, labels)
	}
	a0 := a
	// "Indonesian Siti Aisyah": a demonym before a name is a nationality.
	nationality := ""
	for k := a + 1; k <= a+2 && k < b; k++ {
		last := toks[b-1].Lower
		if c, ok := demonymPhrase(toks, a, k); ok && !orgHeads[last] && !placeHeads[last] && !eventHeads[last] && !honorifics[toks[k].Lower] {
			if _, gaz := gazLookup(joinTokens(toks, k, b)); !gaz && (knownFirstName(toks[k].Text) || nerType(labels, k, b) == graph.Person || b-k >= 2) {
				nationality = c
				a = k
			}
			break
		}
	}
	// "U.S. President Donald Trump": a country before a title is a place of its own.
	var pre []mention
	if b-a > 2 && honorifics[strings.TrimSuffix(toks[a+1].Lower, ".")] && coreTitles[strings.TrimSuffix(toks[a+1].Lower, ".")] {
		if e, ok := gazLookup(toks[a].Text); ok && e.Type == graph.Place {
			pre = append(pre, newMention(s, si, a, a+1, graph.Place, true))
			nationality = e.Name
			a++
		}
	}
	// Title prefix: "Deputy Foreign Minister", "Colonel", "Mr".
	title, honor := "", ""
	t0 := a
	for k := a; k < b-1; k++ {
		l := strings.TrimSuffix(toks[k].Lower, ".")
		if !honorifics[l] && !hyphenTitle(l) {
			if _, dem := demonymOf(toks[k].Text); !dem || k > a {
				break
			}
		}
		if coreTitles[l] || hyphenTitle(l) {
			t0 = k + 1
		}
	}
	// "Foreign Roland Dumas", "Mongolian Prime P. Jasray": a title's
	// modifiers with no head left are still no part of the name after them.
	if t0 == a && b-a >= 2 {
		k := a
		if !honorifics[strings.TrimSuffix(toks[k].Lower, ".")] && honorifics[strings.TrimSuffix(toks[k+1].Lower, ".")] {
			if _, dem := demonymOf(toks[k].Text); dem {
				k++
			}
		}
		if k < b-1 && honorifics[strings.TrimSuffix(toks[k].Lower, ".")] {
			j := k
			for j < b-1 && honorifics[strings.TrimSuffix(toks[j].Lower, ".")] {
				j++
			}
			if personName(toks, j, b, labels) {
				t0 = j
			}
		}
	}
	if t0 > a && t0 < b {
		last := toks[b-1].Lower
		if orgHeads[last] || placeHeads[last] || eventHeads[last] {
			t0 = a // "General People's Congress" is not a general
		}
	}
	if t0 > a {
		h := strings.TrimSuffix(toks[t0-1].Lower, ".")
		if aliasHonorifics[h] {
			honor = joinTokens(toks, t0-1, t0)
		}
		tw := []string{}
		for k := a; k < t0; k++ {
			l := strings.TrimSuffix(toks[k].Lower, ".")
			if l == "mr" || l == "mrs" || l == "ms" || l == "miss" || l == "dr" || courtesyTitles[l] {
				continue
			}
			if c, dem := demonymOf(toks[k].Text); dem {
				if nationality == "" && k == a {
					nationality = c // "Portuguese Foreign Minister X"
				}
				continue
			}
			tw = append(tw, toks[k].Text)
		}
		title = strings.Join(tw, " ")
		// "Deputy Foreign Minister X" where the chunk began at "Foreign".
		if a0 > 0 && toks[a0-1].Cap && titlePrefixes[toks[a0-1].Lower] && len(tw) > 0 {
			title = toks[a0-1].Text + " " + title
		}
	}
	// Trailing role words: "Malaysian Police Chief".
	b0 := b
	for b > t0+1 && (roleNouns[toks[b-1].Lower] && !orgHeads[toks[b-1].Lower] && !placeHeads[toks[b-1].Lower]) {
		b--
	}
	trailingRole := joinTokens(toks, b, b0)
	if t0 >= b {
		return nil
	}
	// "Malaysian Police Chief": the demonym and the body are an
	// organization; the role belongs to whoever the sentence names with it.
	if trailingRole != "" && nationality != "" && title == "" && t0 == a && a0 < a && demonymHeads[toks[b-1].Lower] {
		m := newMention(s, si, a0, b, graph.Organization, true)
		m.Head = toks[b-1].Lower
		m.Modifier = joinTokens(toks, a0, a)
		return []mention{m}
	}
	// Demonyms are attributes, not entities, unless a head noun follows.
	if _, ok := demonymPhrase(toks, t0, b); ok && t0 == a || t0 == a && b-t0 >= 2 && allDemonyms(toks[t0:b]) {
		if m, ok := headMention(s, si, t0, b, true); ok {
			return []mention{m}
		}
		// "educated in the US", "U.S. officials": a country's short name,
		// as a noun or a modifier, names the country (a region's demonym
		// only as a noun: "Somali pirates" are not in the Somali Region).
		if e, ok := gazLookup(joinTokens(toks, t0, b)); ok && e.Type == graph.Place && (e.Kind == gazetteer.KindCountry || nounUse(toks, b)) {
			return []mention{newMention(s, si, t0, b, graph.Place, true)}
		}
		return nil
	}
	// A name with a lowercase head: "Djerba airport", "Gaddafi regime".
	if title == "" && trailingRole == "" {
		if m, ok := headMention(s, si, t0, b, false); ok {
			return []mention{m}
		}
	}
	var extra []mention
	if title != "" || honor != "" {
		if hm, ok := headMention(s, si, t0, b, false); ok && hm.Type == graph.Organization {
			extra = append(extra, hm)
		}
	}
	m := newMention(s, si, t0, b, "", false)
	m.T0 = a // the title is part of the mention's tokens, not of its name
	m.Title = title
	if honor != "" {
		m.Alias = honor + " " + m.Text
	}
	if trailingRole != "" {
		m.Title = trailingRole
	}
	m.Type, m.Strong = classify(s, t0, b, labels, title != "" || honor != "")
	if m.Type == "" {
		return nil
	}
	if m.Type != graph.Person {
		m.Title = ""
	}
	if m.Type == graph.Person && m.Title == "" {
		if role, _ := preRole(toks, a); role != "" {
			m.Title = role
		}
	}
	if m.Type == graph.Person && nationality != "" {
		m.Nationality = nationality
	}
	if m.Type == graph.Person && m.Nationality == "" {
		// "Libyan diplomat Ali Treiki".
		for k := a - 1; k >= 0 && k >= a-4; k-- {
			if c, ok := demonymOf(toks[k].Text); ok && toks[k].Cap {
				m.Nationality = c
				break
			}
			l := toks[k].Lower
			// "Portuguese Foreign Minister X": a capitalized title between.
			if !toks[k].Word || toks[k].Cap && !roleNouns[l] && !lowerModifiers[l] || !(roleNouns[l] || lowerModifiers[l] || honorifics[l] || l == "veteran") {
				break
			}
		}
	}
	out := []mention{m}
	// "the murder of PC Yvonne Fletcher": an event named by its victim.
	if (m.Type == graph.Person || !m.Strong && m.Type != graph.Event) && a >= 2 && toks[a-1].Lower == "of" && victimNouns[toks[a-2].Lower] {
		ev := newMention(s, si, a-2, b, graph.Event, true)
		ev.Head = toks[a-2].Lower
		ev.Victim = -2 // the mention before it; fixed up by recognize's caller
		out = append(out, ev)
	}
	return append(append(pre, out...), extra...)
}

// allDemonyms reports whether every word of toks is a nationality:
// "Bosnian Serbs".
func allDemonyms(toks []token) bool {
	for i := len(toks) - 1; i >= 0; i-- { // the last word is the likelier to fail
		if _, ok := demonymOf(toks[i].Text); !ok {
			return false
		}
	}
	return len(toks) > 0
}

// sentenceOpener reports whether toks[a] is the sentence's first word,
// after nothing but punctuation.
func sentenceOpener(toks []token, a int) bool {
	for _, t := range toks[:a] {
		if t.Word {
			return false
		}
	}
	return true
}

// innerTitle finds a title inside the chunk toks[a:b] between a name and a
// person's name: "North Carolina Gov. Jim Martin", "Superior Court Judge
// William Pounders", "Texas Agriculture Commissioner Jim Hightower". It
// returns the title's tokens [ts, te), the leftmost and then shortest
// capitalized phrase that gazetteer.IsTitle accepts with a name after it
// ("Gov. Earl Long": Earl is a given name here). A chunk that opens
// with a title or an honorific ("Deputy Foreign Minister X") is left to
// the title prefix, and so is a title after nothing but a nationality
// ("Libyan Foreign Minister X"; "Russian State Duma Deputy X" splits).
// The words before the title must not read as a person's name ("James
// Earl Ray", "Martin Luther King Jr." hold titles of nobility), and the
// words after it must.
func innerTitle(toks []token, a, b int, labels []string) (ts, te int, ok bool) {
	if b-a < 3 || honorifics[strings.TrimSuffix(toks[a].Lower, ".")] || gazetteer.IsTitle(toks[a].Text) {
		return 0, 0, false
	}
	// A nationality alone before the title is the person's, not a name.
	dem := 0
	for k := a + 1; k <= a+2 && k < b; k++ {
		if _, ok := demonymPhrase(toks, a, k); ok {
			dem = k - a
		}
	}
	// A title ends in a title word: look only where one is.
	var heads []int
	for k := a + 1; k < b-1; k++ {
		if honorifics[strings.TrimSuffix(toks[k].Lower, ".")] || gazetteer.IsTitle(toks[k].Text) {
			heads = append(heads, k)
		}
	}
	if len(heads) == 0 {
		return 0, 0, false
	}
	for ts = a + 1; ts <= heads[len(heads)-1]; ts++ {
		if ts-a <= dem || !toks[ts].Cap || honorifics[strings.TrimSuffix(toks[ts-1].Lower, ".")] || personName(toks, a, ts, labels) {
			continue
		}
		for _, h := range heads {
			te = h + 1
			if h < ts || !allCap(toks[ts:te]) {
				continue
			}
			if gazetteer.IsTitle(joinTokens(toks, ts, te)) && personName(toks, te, b, labels) {
				return ts, te, true
			}
		}
	}
	return 0, 0, false
}

func allCap(toks []token) bool {
	for _, t := range toks {
		if !t.Cap {
			return false
		}
	}
	return true
}

// personName reports whether toks[a:b] reads as a person's name: it opens
// with a known given name or initials ("J.H. Berman"), or the tagger reads
// it as a person's; not when it opens with a generational suffix ("Jr.")
// or a title ("President Dan Quayle" after "Vice").
func personName(toks []token, a, b int, labels []string) bool {
	first := toks[a].Text
	if nameSuffixes[toks[a].Lower] || honorifics[strings.TrimSuffix(toks[a].Lower, ".")] || gazetteer.IsTitle(first) && !knownFirstName(first) {
		return false
	}
	initials := len(first) >= 2 && first[len(first)-1] == '.' && isUpperRune(runeAt(first, 0)) && !gazetteer.IsTitle(first)
	return knownFirstName(first) || initials || nerType(labels, a, b) == graph.Person
}

// titledAfterName splits the chunk toks[a:b] whose title toks[ts:te] comes
// after a name: the name before it is a place or body of its own when it
// reads as one ("North Carolina", "Superior Court", "FAA") and is dropped
// otherwise; the name after the title is a person holding it.
func titledAfterName(s *sentence, si, a, ts, te, b int, labels []string) []mention {
	var out []mention
	for _, m := range chunkMentions(s, si, a, ts, labels) {
		if m.Type == graph.Organization || m.Type == graph.Place {
			out = append(out, m)
		}
	}
	person := chunkMentions(s, si, te, b, labels)
	if len(person) != 1 {
		return append(out, person...)
	}
	toks := s.Tokens
	m := person[0]
	m.T0, m.Type = ts, graph.Person
	m.Title = joinTokens(toks, ts, te)
	if aliasHonorifics[strings.TrimSuffix(toks[te-1].Lower, ".")] {
		m.Alias = toks[te-1].Text + " " + m.Text
	}
	out = append(out, m)
	// "the murder of Marine Lt. William Higgins": an event named by its victim.
	if a >= 2 && toks[a-1].Lower == "of" && victimNouns[toks[a-2].Lower] {
		ev := newMention(s, si, a-2, b, graph.Event, true)
		ev.Head = toks[a-2].Lower
		ev.Victim = -2 // the mention before it; fixed up by recognize's caller
		out = append(out, ev)
	}
	return out
}

// serialCode reports whether w is a wire service's serial number: two
// capital letters and ten digits ("FL1402001894"), as FBIS reports open
// their source lines with, or a translated report's document number (a
// year's two digits, a series, four digits and a letter: "94WE0015A",
// "947N0051B").
func serialCode(w string) bool {
	if len(w) == 9 {
		return documentNumber(w)
	}
	if len(w) != 12 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if i < 2 && (c < 'A' || c > 'Z') || i >= 2 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// sourceLineRule names the source-line relation in evidence.
const sourceLineRule = "source-line/v1"

// sourceLines relates the source named in a wire service's source line to
// the city before it ("FL1402001894 Havana Radio Reloj Network in Spanish",
// "Moscow INTERFAX"): the source is based there. The city and the source are
// the two mentions sourceLine made, next to each other, after a serial
// number or alone on the line. Not a dateline's agency ("BANGKOK, Thailand
// (AP)"): the agency reports from there but is not based there.
func (r *related) sourceLines() {
	regime := -1
	for si, ms := range r.BySent {
		toks := r.Sentences[si].Tokens
		for k := 0; k+1 < len(ms); k++ {
			pl, src := r.Mentions[ms[k]], r.Mentions[ms[k+1]]
			if pl.Type != graph.Place || src.Type != graph.Organization || pl.T1 != src.T0 {
				continue
			}
			serial := pl.T0 > 0 && serialCode(toks[pl.T0-1].Text)
			if !serial && !bareSourceLine(&r.Sentences[si], pl.T0, src.T1) {
				continue
			}
			if regime < 0 {
				regime = r.regime()
			}
			r.clause(si, -1, regime).emitAt(src.Ent, graph.LocatedIn, pl.Ent, sourceLineRule, 0.8, nil, -1)
		}
	}
}

// bareSourceLine reports whether toks[a:b] is the whole sentence and reads
// as a wire source line without a serial number: a place the gazetteer
// knows, written in lower case after its capital ("Moscow", not
// "MOSCOW"), then a name in capitals ("Moscow INTERFAX", "Tokyo MAINICHI
// SHIMBUN") or a broadcaster's ("Beirut Radio Lebanon"). A headline in
// capitals ("PARIS TALKS FAIL") or a place and a name in title case ("Paris
// Hilton") is not one.
func bareSourceLine(s *sentence, a, b int) bool {
	toks := s.Tokens
	first, last := 0, len(toks)
	for first < last && !toks[first].Word {
		first++
	}
	for last > first && !toks[last-1].Word {
		last--
	}
	if a != first || b != last || b-a < 2 {
		return false
	}
	for k := b - 1; k > a; k-- {
		e, ok := gazLookup(joinTokens(toks, a, k))
		if !ok || e.Type != graph.Place {
			continue
		}
		return !toks[a].Caps && (toks[k].Caps || broadcaster(toks[k:b]))
	}
	return false
}

// broadcaster reports whether toks name a broadcaster as source lines
// write them: "Radio Lebanon", "Radio France International", "Kanal-6
// Television", "Radiozurnal Radio Network".
func broadcaster(toks []token) bool {
	if len(toks) < 2 || !toks[0].Cap {
		return false
	}
	if toks[0].Lower == "radio" {
		return true
	}
	switch toks[len(toks)-1].Lower {
	case "radio", "television", "tv", "network":
		return true
	}
	return false
}

// sourceLine reads the words toks[a:b] after a serial number as a city
// and the source monitored there: "Guatemala City Teleonce Television",
// "Beijing XINHUA Domestic Service". The city is the longest place the
// gazetteer knows at the start, else the first word.
func sourceLine(s *sentence, si, a, b int) []mention {
	if a >= b {
		return nil
	}
	toks := s.Tokens
	c := a + 1
	for k := b; k > a; k-- {
		if e, ok := gazLookup(joinTokens(toks, a, k)); ok && e.Type == graph.Place {
			c = k
			break
		}
	}
	out := []mention{newMention(s, si, a, c, graph.Place, true)}
	if c < b {
		out = append(out, newMention(s, si, c, b, graph.Organization, true))
	}
	return out
}

// nounUse reports whether the word ending before token b stands as a noun
// rather than an adjective: nothing nameable follows it ("in the US.", "the
// US and Britain", "the US said"), as opposed to "US officials" or "US and
// British officials".
func nounUse(toks []token, b int) bool {
	if b >= len(toks) || !toks[b].Word {
		return true
	}
	next := toks[b]
	if next.Lower == "and" || next.Lower == "or" {
		if b+1 < len(toks) {
			if _, dem := demonymOf(toks[b+1].Text); dem {
				return false
			}
		}
		return true
	}
	return !next.Cap && (nonNames[next.Lower] || saidVerbs[next.Lower] || strings.HasSuffix(next.Lower, "ed"))
}

// newMention builds a mention over toks[a:b].
func newMention(s *sentence, si, a, b int, t graph.Type, strong bool) mention {
	toks := s.Tokens
	return mention{
		Sent: si, T0: a, T1: b, N0: a, N1: b,
		Start: toks[a].Start, End: toks[b-1].End,
		Text: s.Text[toks[a].Start-s.Start : toks[b-1].End-s.Start],
		Type: t, Strong: strong, Victim: -1, Ent: -1, Weak: s.TitleCase,
	}
}

// headMention extends the name toks[a:b] over a lowercase head noun after
// it ("Djerba airport", "Libyan rebel government", "Gaddafi's regime").
func headMention(s *sentence, si, a, b int, demonym bool) (mention, bool) {
	toks := s.Tokens
	k := b
	poss := false
	if k < len(toks) && isPossessive(toks[k]) && !demonym {
		poss = true
		k++
	}
	best := -1
	for j := k; j < len(toks) && j < k+3; j++ {
		t := toks[j]
		if !t.Word || t.Cap {
			break
		}
		if typ, ok := lowerHeads[t.Lower]; ok {
			if demonym && !demonymHeads[t.Lower] {
				break
			}
			// "Civic Union campaign chairman": a body's name already
			// ends in its head; the lowercase noun after it opens a role.
			if typ == graph.Organization && orgHeads[toks[b-1].Lower] && b-a > 1 && j+1 < len(toks) && roleNouns[toks[j+1].Lower] {
				break
			}
			if poss && !(typ == graph.Organization && (t.Lower == "regime" || t.Lower == "government" || t.Lower == "forces" || t.Lower == "troops" || t.Lower == "administration" || t.Lower == "army")) {
				break
			}
			best = j
			// "Kuala Lumpur airport killing": a longer head wins.
			if j+1 < len(toks) && lowerHeads[toks[j+1].Lower] != "" && !poss {
				continue
			}
			break
		}
		if !lowerModifiers[t.Lower] && !(poss && j < k+2) {
			break
		}
	}
	if best < 0 {
		return mention{}, false
	}
	head := toks[best].Lower
	m := newMention(s, si, a, best+1, lowerHeads[head], true)
	m.N1 = b
	m.Head = head
	m.Modifier = joinTokens(toks, a, b)
	if poss && best > k {
		// Drop adjectives: "Colonel Gaddafi's creaking regime" -> "Gaddafi's regime".
		m.Text = joinTokens(toks, a, b) + toks[b].Text + " " + toks[best].Text
	}
	return m, true
}

// classify types the name toks[a:b] from the gazetteer, its head word, the
// tagger and its context. titled says a title or honorific came before it.
func classify(s *sentence, a, b int, labels []string, titled bool) (graph.Type, bool) {
	toks := s.Tokens
	name := joinTokens(toks, a, b)
	last := toks[b-1].Lower
	if titled {
		// A title-case headline capitalizes verbs too ("Envoy Denounces X"):
		// there a title only types what the body confirms.
		return graph.Person, !s.TitleCase
	}
	// "Andrew Hall": a given name the tagger reads as a person's outweighs a
	// place head.
	if b-a == 2 && knownFirstName(toks[a].Text) && nerType(labels, a, b) == graph.Person {
		return graph.Person, false
	}
	// "Foundation for the Arctic Coast": a body's head before "for" or
	// "on" outweighs a place head at the end; "6th Fleet" is a unit.
	if innerBodyHead(toks, a, b) || (ordinal(toks[a].Text) || wordOrdinals[toks[a].Lower]) && unitName(toks, a+1, b) ||
		b-a >= 3 && groupHeads[toks[a].Lower] && toks[a+1].Lower == "of" {
		return graph.Organization, true
	}
	if b-a > 1 && !toks[b-1].Caps {
		switch {
		case placeHeads[last] && !orgHeads[last]:
			return graph.Place, true
		case placeHeads[last] && lowerHeads[last] == graph.Place:
			return graph.Place, true
		}
	}
	if e, ok := gazLookup(name); ok {
		return e.Type, true
	}
	// "Direction de la Surveillance du Territoire (DST)": a name its
	// initials follow in parentheses is a body's, unless the tagger has it
	// for a place ("United Arab Emirates (UAE)").
	if b+2 < len(toks) && toks[b].Text == "(" && toks[b+2].Text == ")" && initialsOf(toks[b+1].Text, toks[a:b]) &&
		nerType(labels, a, b) != graph.Place && nerType(labels, a, b) != graph.Person {
		return graph.Organization, true
	}
	// "Court of Appeal", "Chamber of Commerce": a body's head and "of".
	if institutionOf(toks, a, b) && orgHeads[toks[a].Lower] {
		return graph.Organization, true
	}
	// "Andes Copper Ltd.", "Grupo Serrano SA", "Baltic Amber Trading": a
	// company's legal form or trade ends only a firm's name.
	if b-a > 1 && firmEnding(toks, a, b) {
		return graph.Organization, !s.TitleCase
	}
	// "Marsh Whitby, the London law firm": a name set off by a comma and
	// described as a kind of body is that body's.
	if orgApposition(toks, a, b) {
		return graph.Organization, false
	}
	// "the construction firm Danubia Build", "the port operator X": a
	// name after a common noun for a kind of body is that body's.
	if a > 1 && orgClassNouns[toks[a-1].Lower] && !toks[a-1].Cap && (toks[a-2].Word && !toks[a-2].Cap || toks[a-2].Lower == "the" || toks[a-2].Lower == "a" || toks[a-2].Lower == "an") {
		return graph.Organization, true
	}
	// "Davisville, R.I.", "Mineral Wells, Texas": a name before a comma
	// and a state, province or country is a town in it.
	// A given name may open such a town when the region is an abbreviated
	// state ("Franklin Lakes, N.J."): people are not written so.
	if inRegion(toks, b) && (!(b-a >= 2 && knownFirstName(toks[a].Text)) || strings.HasSuffix(toks[b+1].Text, ".") && !isParty(toks[b+1].Text)) {
		return graph.Place, true
	}
	// "Lennon was fatally shot", "Ruby shot Oswald", "the slaying of
	// Mendes", "Asante's widow": only a person is killed, born or widowed.
	if humanContext(toks, a, b) {
		return graph.Person, false
	}
	// "sank off Grand Isle", "a camp near Tolvik": a name after a
	// preposition of nearness is a place unless a given name opens it.
	if a > 0 && nearPreps[toks[a-1].Lower] && !knownFirstName(toks[a].Text) {
		return graph.Place, false
	}
	// "a Tamale native", "Odense native Henrik Lund": a name before the
	// noun "native" is where someone is from.
	// So is a name after "a native of" ("a native of Ho").
	if a > 1 && toks[a-1].Lower == "of" && (toks[a-2].Lower == "native" || toks[a-2].Lower == "natives") {
		return graph.Place, false
	}
	if b < len(toks) && toks[b].Lower == "native" && !toks[b].Cap && (a == 0 || !isPossessive(toks[a-1])) {
		return graph.Place, true
	}
	// "Rumours were swirling": one capitalized word opening a sentence and
	// taking a plural verb is a common noun, not a name.
	if a == 0 && b == 1 && b < len(toks) && (toks[b].Lower == "were" || toks[b].Lower == "are") {
		return "", false
	}
	switch {
	case orgHeads[last] && b-a > 1:
		return graph.Organization, true
	case placeHeads[last] && b-a > 1:
		return graph.Place, true
	case eventHeads[last] && b-a > 1:
		return graph.Event, true
	}
	// "Donald Marsh Jr.": a generational suffix ends only a person's name.
	if b-a >= 2 && nameSuffixes[last] {
		return graph.Person, true
	}
	// "X is Second Secretary", "X, a spokesman": a person, whatever the tagger says.
	if b+1 < len(toks) && (toks[b].Lower == "is" || toks[b].Lower == "was") {
		for k := b + 1; k < len(toks) && k < b+5; k++ {
			if roleNouns[toks[k].Lower] || kinNouns[toks[k].Lower] {
				return graph.Person, false
			}
		}
	}
	// "a partner at Marsh Whitby", "a clerk at Halden Freight": a post held
	// at a name makes it a body, when no given name opens it and the
	// tagger has it for no place (known places returned above).
	if a > 1 && toks[a-1].Lower == "at" && roleNouns[toks[a-2].Lower] && !toks[a-2].Cap && !knownFirstName(toks[a].Text) {
		if nt := nerType(labels, a, b); nt != graph.Place {
			return graph.Organization, false
		}
	}
	// "Helen Carver of Marsh Whitby": what a person is "of", when the tagger
	// reads it as a person's name with no given name, is a body (known
	// places returned above).
	if a > 1 && toks[a-1].Lower == "of" && strings.HasSuffix(labelAt(labels, a-2), "-PER") && !knownFirstName(toks[a].Text) &&
		nerType(labels, a, b) == graph.Person && b-a >= 2 {
		return graph.Organization, false
	}
	// "Nadia Price": a given name and one or two more words is a person's
	// name, whatever the tagger makes of the surname.
	if nt := nerType(labels, a, b); (nt == graph.Place || nt == "misc") && b-a >= 2 && b-a <= 3 && knownFirstName(toks[a].Text) && !placeHeads[last] {
		return graph.Person, false
	}
	if nt := nerType(labels, a, b); nt != "" && nt != "misc" {
		// In a title-case line the tagger alone is weak evidence; a given
		// name makes a person certain enough.
		return nt, nt == graph.Person && b-a > 1 && knownFirstName(toks[a].Text)
	}
	// Person cues in context.
	if role, _ := preRole(toks, a); role != "" {
		return graph.Person, false
	}
	if b < len(toks) {
		next := toks[b].Lower
		if saidVerbs[next] {
			if b-a == 1 && toks[a].Caps {
				return graph.Organization, false
			}
			if b-a == 1 {
				return "unknown", false
			}
			return graph.Person, false
		}
		if next == "," && b+1 < len(toks) {
			n2 := toks[b+1].Lower
			if n2 == "who" {
				return graph.Person, false
			}
			if n2 == "a" || n2 == "an" || n2 == "the" {
				for k := b + 2; k < len(toks) && k < b+6; k++ {
					if roleNouns[toks[k].Lower] || kinNouns[toks[k].Lower] {
						return graph.Person, false
					}
					if !toks[k].Word {
						break
					}
				}
			}
		}
	}
	if toks[a].Caps && b-a == 1 && len(toks[a].Text) <= 5 {
		return graph.Organization, false
	}
	if knownFirstName(toks[a].Text) && b-a > 1 {
		return graph.Person, s.TitleCase
	}
	if a > 0 && locativePreps[toks[a-1].Lower] {
		return graph.Place, false
	}
	if b-a >= 2 && b-a <= 4 {
		return graph.Person, false
	}
	return "unknown", false
}

// inRegion reports whether the name ending before token b is followed by a
// comma and the name of a state, province or country that closes the
// phrase ("Davisville, R.I.;", "Mineral Wells, Texas."), not one that opens
// a longer name or phrase ("Kennedy, Texas Gov. John Connally", "X,
// Japan's prime minister"; "Y, Armenia's second city" is a place).
func inRegion(toks []token, b int) bool {
	if b+1 >= len(toks) || toks[b].Lower != "," {
		return false
	}
	for k := b + 2; k <= b+4 && k <= len(toks); k++ {
		if !toks[k-1].Cap {
			return false
		}
		phrase := joinTokens(toks, b+1, k)
		e, ok := gazLookup(phrase)
		if !ok && k < len(toks) && toks[k].Text == "." {
			// "Mich ." as newswire tokenizers split "Mich.".
			e, ok = gazLookup(phrase + ".")
		}
		if !ok || e.Type != graph.Place || e.Kind != gazetteer.KindRegion && e.Kind != gazetteer.KindCountry {
			continue
		}
		if k == len(toks) {
			return true
		}
		// "Japan 's" as CoNLL04 tokenizes it reads as a quote mark.
		next := toks[k]
		if isPossessive(next) || next.Text == "'" && k+1 < len(toks) && toks[k+1].Lower == "s" {
			// "Leninakan, Armenia's second-largest city", not "X,
			// Japan's prime minister".
			for j := k + 1; j < len(toks) && j <= k+5; j++ {
				if placeHeads[toks[j].Lower] || toks[j].Lower == "town" || toks[j].Lower == "capital" {
					return true
				}
			}
			return false
		}
		return !next.Word || !next.Cap
	}
	return false
}

// Words around a name that only a person takes.
var (
	// humanPassives follow "X was": "was shot", "was fatally stabbed", "was born".
	humanPassives = setOf("shot", "killed", "assassinated", "murdered", "slain", "stabbed", "strangled",
		"executed", "born", "kidnapped", "abducted", "hanged", "poisoned", "arrested")
	// killVerbs come before their victim: "Ruby shot Oswald", "killing Lennon".
	killVerbs = setOf("shot", "shoot", "shoots", "killed", "kill", "kills", "killing", "assassinated",
		"assassinate", "murdered", "murder", "murdering", "stabbed", "strangled", "kidnapped", "abducted", "slew")
	// nearPreps put a place after them: "off Grand Isle", "near Tolvik".
	nearPreps = setOf("near", "off", "outside")
	// killNouns open "the slaying of X".
	killNouns = setOf("murder", "killing", "assassination", "slaying", "shooting", "stabbing", "kidnapping",
		"abduction", "execution", "assassin", "killer", "murderer")
)

// humanContext reports whether the words around the name toks[a:b] say it
// is a person's: the subject of a passive killing verb or of "was born"
// ("Lennon was fatally shot"), the object of a killing verb ("Ruby shot
// Oswald", "the slaying of Mendes") or the possessor of a kin noun
// ("Kennedy's widow", "Kennedy's assassin"), or has an age ("Fontenot,
// 19,", "19-year-old Fontenot"), a kin noun ("his wife, Elizabeth") or
// "who" ("Copland, who was born") beside it. A name that modifies a noun
// after it ("the killing of Hamas leader X") is left alone.
func humanContext(toks []token, a, b int) bool {
	if b < len(toks) {
		next := toks[b]
		if next.Word && !next.Cap && (roleNouns[next.Lower] || lowerHeads[next.Lower] != "") {
			return false
		}
		if isPossessive(next) && b+1 < len(toks) {
			n := toks[b+1].Lower
			if kinNouns[n] || n == "assassin" || n == "killer" || n == "murderer" {
				return true
			}
		}
		if next.Lower == "was" || next.Lower == "were" {
			j := b + 1
			if j < len(toks) && strings.HasSuffix(toks[j].Lower, "ly") {
				j++ // "was fatally shot"
			}
			if j < len(toks) && humanPassives[toks[j].Lower] {
				return true
			}
		}
	}
	if a > 0 && killVerbs[toks[a-1].Lower] && !toks[a-1].Cap {
		return true
	}
	// "19-year-old Fontenot"; "his wife, Elizabeth".
	if a > 0 && strings.HasSuffix(toks[a-1].Lower, "-year-old") {
		return true
	}
	if a > 1 && toks[a-1].Lower == "," && kinNouns[toks[a-2].Lower] {
		return true
	}
	// "Fontenot, 19, was treated"; "Copland, who was born".
	if b+2 < len(toks) && toks[b].Lower == "," {
		// Only a sentence's subject: in "the head of Constructora Andina,
		// who negotiated" the clause is on the head.
		if toks[b+1].Lower == "who" && a == 0 {
			return true
		}
		if n, err := strconv.Atoi(toks[b+1].Text); err == nil && n > 0 && n < 110 && (toks[b+2].Lower == "," || toks[b+2].Lower == ")") {
			return true
		}
	}
	return a > 1 && toks[a-1].Lower == "of" && killNouns[toks[a-2].Lower]
}

// firmEnding reports whether the name toks[a:b] ends in a company's legal
// form ("Ltd.", "SA", "GmbH") or, after no given name, in a trade
// ("Shipping", "Mining"): a firm's name, whatever the tagger makes of it.
func firmEnding(toks []token, a, b int) bool {
	last := strings.TrimSuffix(toks[b-1].Lower, ".")
	if legalForms[last] {
		return true
	}
	return tradeWords[last] && !knownFirstName(toks[a].Text) && !toks[b-1].Caps
}

// orgApposition reports whether the name ending before token b is followed
// by a comma and a description whose head is a kind of body: ", the London
// law firm", ", a shipping company based in Oslo" (not ", a firm believer",
// nor ", the company's founder", which describe a person). A name after
// "of" may be the tail of a longer one the description is about: "the
// Committee of Relatives of the Disappeared, a group based in X".
func orgApposition(toks []token, a, b int) bool {
	if b+2 >= len(toks) || toks[b].Lower != "," || a > 0 && toks[a-1].Lower == "of" || a > 1 && toks[a-2].Lower == "of" {
		return false
	}
	if d := toks[b+1].Lower; d != "a" && d != "an" && d != "the" {
		return false
	}
	for k := b + 2; k < len(toks) && k < b+6; k++ {
		t := toks[k]
		if !t.Word || roleNouns[t.Lower] || kinNouns[t.Lower] {
			return false
		}
		if t.Cap || !orgClassNouns[t.Lower] {
			continue
		}
		if k+1 == len(toks) {
			return true
		}
		n := toks[k+1]
		return !isPossessive(n) && (!n.Word || appositionAfter[n.Lower])
	}
	return false
}

// joinAndBodies joins two chunks split by "and" into one body's name when
// the first is an institution "of" a field ("Department of Trade", "Ministry
// of Agriculture") and the tagger reads "and" and the words after it as
// inside that name: "Department of Trade and Industry", "Ministry of Energy
// and Climate Change". A second part ending in a body's or a place's head
// ("Ministry of Defence and Home Office") or known on its own is a name of
// its own.
func joinAndBodies(toks []token, cs [][2]int, labels []string) [][2]int {
	if len(labels) != len(toks) {
		return cs
	}
	for n := 0; n+1 < len(cs); n++ {
		a, j := cs[n][0], cs[n][1]
		c, k := cs[n+1][0], cs[n+1][1]
		if c != j+1 || toks[j].Lower != "and" || k-c > 3 || labels[j] != "I-ORG" {
			continue
		}
		of := false
		for i := a; i+1 < j; i++ {
			if toks[i+1].Lower == "of" && ofHeads[toks[i].Lower] && toks[i].Cap {
				of = true
			}
		}
		last := strings.TrimSuffix(toks[k-1].Lower, ".")
		if !of || orgHeads[last] || placeHeads[last] || knownFirstName(toks[c].Text) {
			continue
		}
		inside := true
		for i := c; i < k; i++ {
			inside = inside && labels[i] == "I-ORG"
		}
		if k < len(labels) && labels[k] == "I-ORG" {
			inside = false
		}
		if _, known := gazLookup(joinTokens(toks, c, k)); known || !inside {
			continue
		}
		cs[n][1] = k
		cs = slices.Delete(cs, n+1, n+2)
		n--
	}
	return cs
}

// hyphenTitle reports whether l is a title written with a hyphen:
// "vice-president", "ex-premier", "deputy-governor".
func hyphenTitle(l string) bool {
	i := strings.LastIndexByte(l, '-')
	if i <= 0 || !coreTitles[l[i+1:]] {
		return false
	}
	head := l[:i]
	return head == "ex" || honorifics[head] && !coreTitles[head]
}

// documentNumber reports whether w is an FBIS document number such as
// "94WE0015A" or "947N0051B": nine characters, digits but for a series of
// capitals in the third and fourth and a capital at the end.
func documentNumber(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		upper, digit := c >= 'A' && c <= 'Z', c >= '0' && c <= '9'
		switch {
		case i == 2 || i == 3:
			if upper {
				letters++
			} else if !digit {
				return false
			}
		case i == 8:
			if !upper {
				return false
			}
		case !digit:
			return false
		}
	}
	return letters > 0
}

// numberSign reports whether toks[i] is "No." before a number ("in
// Russian No. 4"): no part of a name.
func numberSign(toks []token, i int) bool {
	if toks[i].Lower != "no." && toks[i].Lower != "nos." || i+1 >= len(toks) {
		return false
	}
	c := toks[i+1].Text[0]
	return c >= '0' && c <= '9'
}

// institutionOf reports whether the name toks[a:b] opens with an
// institution's head and "of" ("Court of Arbitration", "Office of the
// High Commissioner"), which "for" may continue: "Court of Arbitration for
// Sport".
func institutionOf(toks []token, a, b int) bool {
	return b-a >= 3 && toks[a].Cap && ofHeads[toks[a].Lower] && toks[a+1].Lower == "of"
}

func labelAt(labels []string, i int) string {
	if i < 0 || i >= len(labels) {
		return ""
	}
	return labels[i]
}

// isParty reports whether w is a party and state ("D-Mass.", "R-Texas"),
// as written after a legislator's name.
func isParty(w string) bool {
	return len(w) > 2 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-'
}

// afterLegalForm reports whether toks[j] follows a company's legal form
// written with a full stop and is no legal form itself: "Hanbit
// Construction Co. Cho was arrested" (a sentence break the full stop
// hid), "Acme Inc. Chairman X"; not "Samsung Co. Ltd.", nor after a chunk's
// first word ("Co. Kerry", the county).
func afterLegalForm(toks []token, i, j int) bool {
	if j-1 <= i {
		return false
	}
	p := toks[j-1].Text
	if !strings.HasSuffix(p, ".") || !legalForms[strings.ToLower(strings.TrimSuffix(p, "."))] || len(p) < 3 {
		return false
	}
	return !legalForms[strings.TrimSuffix(toks[j].Lower, ".")] && toks[j].Lower != "&"
}

// initialsOf reports whether acronym, in capitals, is the initials of the
// capitalized words of name ("DST" of "Direction de la Surveillance du
// Territoire", "SFO" of "Serious Fraud Office").
func initialsOf(acronym string, name []token) bool {
	if len(acronym) < 2 || len(acronym) > 8 {
		return false
	}
	var in []byte
	for _, t := range name {
		if t.Cap && t.Word {
			in = append(in, t.Text[0])
		}
	}
	return len(in) >= 2 && string(in) == acronym
}
