package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/graph"
)

// related is a resolved article with its relations (the output of relate).
type related struct {
	resolved
	Relations []graph.Relation
	index     map[graph.Key]int
	titles    map[int][]string // person entity -> title words, for role descriptions
	// described holds the role words the article has used for each person
	// ("foreign minister", "spy chief"), from appositions and titles.
	described map[int]map[string]bool
	// accusedLater is the last accusation of people described but not
	// named ("named a senior official as a suspect"), or nil.
	accusedLater *describedAccused
	// commonEvents maps each event named by a lower-case noun phrase ("a
	// financial scheme") to the sentence that named it first.
	commonEvents map[int]int
	// elderOf holds [older, younger] pairs of relatives read so far ("X,
	// his father, Y" makes Y the elder), for "the elder Choi".
	elderOf map[[2]int]bool
}

// arg is an entity's appearance in a sentence: a mention, or a pronoun or
// description ("he", "the regime") bound to an entity for relation reading.
type arg struct {
	T0, T1 int
	Ent    int
	Type   graph.Type
	Ref    bool // a pronoun or description, not a name
}

// clause is one sentence being read: its tokens and the args in it.
type clause struct {
	r    *related
	si   int
	s    *sentence
	toks []token
	args []arg // in token order
	at   []int // token -> index into args, or -1
	ctx  claimContext
	// salient is the last person named before this sentence; subject the
	// person the sentence before was about. Pronouns bind to one of them.
	salient, subject int
	pronouns         []int
}

// relate reads relations off each sentence.
func relate(r resolved) related {
	out := related{resolved: r, index: map[graph.Key]int{}}
	salient, subject := -1, -1 // the last person named; the last sentence's subject
	regime := out.regime()
	for _, si := range readingOrder(out.Sentences) {
		if out.Sentences[si].Headline && leadingHeadline(out.Sentences, si) {
			salient, subject = -1, -1 // read after the body, about no one in particular
		}
		c := out.clause(si, salient, regime)
		c.subject = subject
		c.bindPronouns()
		c.read()
		first := true
		for _, a := range c.args {
			if a.Type != graph.Person {
				continue
			}
			if first {
				subject = a.Ent
				first = false
			}
			if !a.Ref || a.T1-a.T0 > 1 {
				salient = a.Ent
			}
		}
	}
	// Events named by their victim: "the murder of X".
	for ei, e := range out.Entities {
		if e.Victim >= 0 && e.Type == graph.Event && len(e.Mentions) > 0 {
			mi := e.Mentions[0]
			for _, mj := range e.Mentions {
				if out.Mentions[mj].Victim >= 0 {
					mi = mj // the mention that names the victim
					break
				}
			}
			m := out.Mentions[mi]
			c := out.clause(m.Sent, -1, regime)
			c.emit(e.Victim, graph.VictimOf, ei, "victim-noun/v1", 0.9, nil)
		}
	}
	return out
}

// readingOrder lists sentence indexes in the order relate reads them: the
// body first, then the headlines that open the article, so that a
// headline's role description ("Gaddafi's foreign minister defects") is
// bound with the titles the body gives.
func readingOrder(ss []sentence) []int {
	order := make([]int, 0, len(ss))
	lead := 0
	for lead < len(ss) && ss[lead].Headline {
		lead++
	}
	if lead == len(ss) {
		lead = 0
	}
	for i := lead; i < len(ss); i++ {
		order = append(order, i)
	}
	for i := 0; i < lead; i++ {
		order = append(order, i)
	}
	return order
}

// leadingHeadline reports whether sentence si is a headline opening the article.
func leadingHeadline(ss []sentence, si int) bool {
	for i := 0; i <= si; i++ {
		if !ss[i].Headline {
			return false
		}
	}
	return true
}

// regime returns the entity of the article's regime or government, or -1.
func (r *related) regime() int {
	for i, e := range r.Entities {
		if e.Regime {
			return i
		}
	}
	return -1
}

func (r *related) clause(si, salient, regime int) *clause {
	s := &r.Sentences[si]
	c := &clause{r: r, si: si, s: s, toks: s.Tokens, at: make([]int, len(s.Tokens)), salient: salient}
	for i := range c.at {
		c.at[i] = -1
	}
	// Longer mentions first: "the murder of X" and "Gaddafi's regime" are
	// one arg each, the name inside them a modifier.
	ms := append([]int(nil), r.BySent[si]...)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := r.Mentions[ms[i]], r.Mentions[ms[j]]
		return a.T1-a.T0 > b.T1-b.T0
	})
	for _, mi := range ms {
		m := r.Mentions[mi]
		if m.Ent < 0 {
			continue
		}
		c.add(arg{T0: m.T0, T1: m.T1, Ent: m.Ent, Type: r.Entities[m.Ent].Type})
	}
	// "The younger Choi": of two people with one surname, the one of that
	// age or generation.
	for ai := range c.args {
		a := &c.args[ai]
		if a.Type == graph.Person && a.T1-a.T0 == 1 && a.T0 >= 2 && c.toks[a.T0-2].Lower == "the" && c.at[a.T0-2] < 0 && c.at[a.T0-1] < 0 {
			e := r.byAge(c.toks[a.T0-1].Lower, c.toks[a.T0].Lower)
			if e < 0 {
				e = r.elderRelative(c.toks[a.T0-1].Lower, c.toks[a.T0].Lower)
			}
			if e >= 0 {
				a.Ent, a.T0 = e, a.T0-2
				for k := a.T0; k < a.T1; k++ {
					c.at[k] = ai
				}
			}
		}
	}
	// Role descriptions: "the Foreign Minister", "Libya's Oil Minister".
	for i := range c.toks {
		if c.at[i] >= 0 || !(c.toks[i].Lower == "the" || isPossessive(c.toks[i])) {
			continue
		}
		if e, n := r.roleRef(c.toks, i+1); e >= 0 && !c.inQuote(i) {
			// Not inside a quote: "the minister" a speaker names may be
			// any minister, not the one the article titled.
			c.add(arg{T0: i, T1: i + 1 + n, Ent: e, Type: graph.Person, Ref: true})
		} else if c.toks[i].Lower == "the" {
			// "the colonel", "the alleged ringleader": the one person the
			// article gave that post or rank.
			if k := c.postDescription(i); k >= 0 {
				if e := r.postHolder(c.toks[k].Lower, si, i); e >= 0 {
					c.add(arg{T0: i, T1: k + 1, Ent: e, Type: graph.Person, Ref: true})
				}
			}
		}
	}
	// Pronouns and descriptions.
	for i, t := range c.toks {
		if c.at[i] >= 0 {
			continue
		}
		switch {
		case personPronouns[t.Lower]:
			c.pronouns = append(c.pronouns, i) // bound by bindPronouns
		case commonEventHeads[t.Lower] && i > 0 && c.toks[i-1].Lower == "the" && !c.match(i+1, "of") &&
			r.lastEventWithHead(t.Lower, si) < 0 && r.commonEventWithHead(t.Lower, si) >= 0:
			// "the scheme": the one deed named before by a lower-case noun phrase.
			c.add(arg{T0: i - 1, T1: i + 1, Ent: r.commonEventWithHead(t.Lower, si), Type: graph.Event, Ref: true})
		case t.Lower == "regime" && regime >= 0 && i > 0 && (c.toks[i-1].Lower == "the" || c.toks[i-1].Lower == "its"):
			c.add(arg{T0: i - 1, T1: i + 1, Ent: regime, Type: graph.Organization, Ref: true})
		case (victimNouns[t.Lower] || eventHeads[t.Lower] || eventClass[t.Lower] != "") && i > 0 && c.toks[i-1].Lower == "the" && !(i+1 < len(c.toks) && c.toks[i+1].Lower == "of"):
			if e := r.lastEventWithHead(t.Lower, si); e >= 0 {
				c.add(arg{T0: i - 1, T1: i + 1, Ent: e, Type: graph.Event, Ref: true})
			}
		case eventClass[t.Lower] == "attack" && i > 0 && c.toks[i-1].Lower == "the" && c.match(i+1, "of") && !c.personAt(i+2):
			// "the destruction of Pan Am flight 103": the attack the article names.
			if e := r.lastEventWithHead(t.Lower, si); e >= 0 {
				c.add(arg{T0: i - 1, T1: i + 1, Ent: e, Type: graph.Event, Ref: true})
			}
		case bodyNouns[t.Lower] && i > 0 &&
			(c.toks[i-1].Lower == "the" || (c.toks[i-1].Lower == "a" || c.toks[i-1].Lower == "an") && i+1 < len(c.toks) && roleKind(c.toks[i+1].Lower) != ""):
			// "the court"; "a ministry spokesman": the body named before.
			if e := r.lastWithHead(t.Lower, si); e >= 0 {
				c.add(arg{T0: i - 1, T1: i + 1, Ent: e, Type: r.Entities[e].Type, Ref: true})
			} else if t0 := c.kindDescription(i); t0 >= 0 && bodyKinds[t.Lower] == "firm" {
				// "the company" for a firm whose name does not end in it;
				// "the court" with no court named is nobody.
				if e := r.kindRef(t.Lower, si, i); e >= 0 {
					c.add(arg{T0: t0, T1: i + 1, Ent: e, Type: graph.Organization, Ref: true})
				}
			}
		case bodyKinds[t.Lower] != "":
			// "the company", "the chemical firm": the one body of that kind.
			if t0 := c.kindDescription(i); t0 >= 0 {
				if e := r.kindRef(t.Lower, si, i); e >= 0 {
					c.add(arg{T0: t0, T1: i + 1, Ent: e, Type: graph.Organization, Ref: true})
				}
			}
		}
	}
	c.sortArgs()
	c.ctx = c.claims()
	return c
}

// bodyNouns refer back to the body last named with them as its head: "the
// court", "the union's general secretary", "a ministry spokesman".
var bodyNouns = setOf("court", "embassy", "consulate", "party", "agency", "council", "ministry", "union", "movement",
	"committee", "commission", "directorate", "front", "league", "association", "federation", "alliance",
	"coalition", "foundation", "institute", "university", "tribunal", "bank", "company", "corporation",
	"conglomerate", "airline", "network", "brotherhood", "congress", "assembly", "authority", "bureau",
	"board", "department", "confederation")

// roleRef finds the person whose title the words at toks[i:] spell ("Oil
// Minister" for Shokri Ghanem, "Oil minister"), preferring an exact title
// over one that only ends in the words. It returns the entity and how many
// words matched, or -1.
func (r *related) roleRef(toks []token, i int) (int, int) {
	if r.titles == nil {
		r.titles = map[int][]string{}
		for ei, e := range r.Entities {
			t := e.Attrs["title"]
			if e.Type != graph.Person || t == "" {
				continue
			}
			words := strings.Fields(strings.ToLower(t))
			if len(words) > 0 && words[0] == "former" {
				words = words[1:]
			}
			// "the Rovanian interior minister" is titled "interior minister".
			if len(words) > 1 {
				if _, dem := demonymOf(words[0]); dem {
					words = words[1:]
				}
			}
			if len(words) == 0 || !coreTitles[words[len(words)-1]] && !roleNouns[words[len(words)-1]] {
				continue
			}
			r.titles[ei] = words
		}
	}
	best, bestN, exact := -1, 0, false
	for ei := range r.Entities {
		words, ok := r.titles[ei]
		if !ok {
			continue
		}
		// Skip "former" in the text too.
		k := i
		if k < len(toks) && toks[k].Lower == "former" {
			k++
		}
		for n := len(words); n >= 1; n-- {
			if n < len(words) && n < 2 {
				break
			}
			suffix := words[len(words)-n:]
			ok := k+n <= len(toks)
			for j := 0; ok && j < n; j++ {
				ok = toks[k+j].Lower == suffix[j]
			}
			if ok && k+n < len(toks) && toks[k+n].Cap && toks[k+n].Word {
				ok = false // "the Foreign Minister Ahmed X": a name follows
			}
			if ok {
				isExact := n == len(words)
				if n+k-i > bestN || isExact && !exact {
					best, bestN, exact = ei, n+k-i, isExact
				} else if n+k-i == bestN && isExact == exact && best >= 0 {
					// Two holders of the title: the one whose "former"
					// agrees with the text, else the more mentioned.
					textFormer := k > i
					bf := strings.HasPrefix(strings.ToLower(r.Entities[best].Attrs["title"]), "former") == textFormer
					ef := strings.HasPrefix(strings.ToLower(r.Entities[ei].Attrs["title"]), "former") == textFormer
					switch {
					case ef && !bf:
						best = ei
					case ef == bf && len(r.Entities[ei].Mentions) > len(r.Entities[best].Mentions):
						best = ei
					case ef == bf && len(r.Entities[ei].Mentions) == len(r.Entities[best].Mentions):
						best = -2 // ambiguous
					}
				}
				break
			}
		}
	}
	if best < 0 {
		return -1, 0
	}
	return best, bestN
}

// bindPronouns binds "he", "she", "him", "her". A pronoun at the head of
// the sentence continues the last sentence's subject; one after a person
// named in this sentence is that person. Speech changes this: the speaker
// of a trailing attribution ('"...," he said') is the person the text is
// about, and a pronoun inside the quote is someone other than the speaker;
// one reported by a pronoun speaker ("He said later he had ...") is
// someone other than the speaker when the text offers one.
func (c *clause) bindPronouns() {
	quoteEnd, speakerTok := c.trailingSpeaker()
	quoteSpeaker := -1
	if speakerTok >= 0 {
		if a := c.at[speakerTok]; a >= 0 && c.args[a].Type == graph.Person {
			quoteSpeaker = c.args[a].Ent
		}
	}
	for _, i := range c.pronouns {
		w := c.toks[i].Lower
		ent := -1
		if i == speakerTok {
			// '"...," he said': the paragraph's subject speaks.
			ent = c.subject
			if ent < 0 {
				ent = c.salient
			}
			quoteSpeaker = ent
			c.bind(i, ent)
			continue
		}
		if i < quoteEnd && speakerTok > i {
			// Inside the quote: not the speaker.
			if speakerTok < len(c.at) && c.at[speakerTok] < 0 && quoteSpeaker < 0 {
				quoteSpeaker = c.subject // a pronoun speaker not bound yet
				if quoteSpeaker < 0 {
					quoteSpeaker = c.salient
				}
			}
			for k := len(c.args) - 1; k >= 0 && ent < 0; k-- {
				if a := c.args[k]; a.T1 <= i && a.Type == graph.Person && !a.Ref && a.Ent != quoteSpeaker {
					ent = a.Ent
				}
			}
			for _, cand := range []int{c.salient, c.subject} {
				if ent < 0 && cand >= 0 && cand != quoteSpeaker {
					ent = cand
				}
			}
			c.bind(i, ent)
			continue
		}
		speaker, pronounSpeaker := c.reportingSpeaker(i)
		switch {
		case speaker >= 0 && pronounSpeaker && c.salient >= 0 && c.salient != speaker:
			ent = c.salient
		case w == "her" && c.possessiveAt(i):
			// "her husband, X": a possessive is no argument of a verb; the
			// patterns find whose it is (pronounOwner).
			continue
		case (w == "he" || w == "she") && c.toldSpeaker(i) >= 0:
			// "X told Y that he had ...": the teller reports on himself.
			ent = c.toldSpeaker(i)
		case w == "he" || w == "she":
			for k := len(c.args) - 1; k >= 0; k-- {
				if c.args[k].T1 <= i && c.args[k].Type == graph.Person && !c.args[k].Ref && c.r.agrees(w, c.args[k].Ent) {
					ent = c.args[k].Ent
					break
				}
			}
			if ent < 0 && i <= 1 {
				ent = c.subject
			}
		default:
			ent = c.salient
		}
		if ent < 0 {
			ent = c.salient
		}
		if !c.r.agrees(w, ent) {
			// "her" for a man the text calls "Mr": the other person the
			// paragraph is about, if that one agrees.
			ent = -1
			for _, cand := range []int{c.subject, c.salient} {
				if cand >= 0 && c.r.agrees(w, cand) {
					ent = cand
					break
				}
			}
		}
		c.bind(i, ent)
	}
}

// tellVerbs take the person told and then what was told: "X told Y that ...".
var tellVerbs = setOf("told", "tells", "informed", "assured", "warned", "reminded", "promised")

// toldSpeaker returns the teller when the pronoun at token i opens what a
// verb of telling reports after the person told ("X told Y that he had
// travelled to Z", "X assured Y he would"), when the pronoun agrees with
// the teller, else -1.
func (c *clause) toldSpeaker(i int) int {
	k := i - 1
	if k >= 0 && c.toks[k].Lower == "that" {
		k--
	}
	if k < 0 || c.at[k] < 0 {
		return -1
	}
	y := c.args[c.at[k]]
	if y.Type != graph.Person || y.T1 != k+1 || y.T0 < 1 || !tellVerbs[c.toks[y.T0-1].Lower] {
		return -1
	}
	x := c.subjectOf(y.T0-1, graph.Person)
	if x < 0 || c.args[x].Ent == y.Ent || !c.r.agrees(c.toks[i].Lower, c.args[x].Ent) {
		return -1
	}
	return c.args[x].Ent
}

// possessiveAt reports whether "her" at token i is a possessive: a
// lower-case word follows it ("her husband"), not a preposition or a clause
// word ("told her on Monday", "saw her and left").
func (c *clause) possessiveAt(i int) bool {
	if i+1 >= len(c.toks) {
		return false
	}
	t := c.toks[i+1]
	return t.Word && !t.Cap && !clauseBreak[t.Lower] && !prepositions[t.Lower] && !determiners[t.Lower] && !objectFollowers[t.Lower]
}

// objectFollowers follow "her" as an object ("saw her on Monday", "told her
// twice"), never a noun it possesses.
var objectFollowers = setOf("on", "by", "about", "as", "and", "or", "into", "over", "off", "up", "down", "out", "back",
	"away", "again", "too", "twice", "once", "last", "this", "yesterday", "today", "because", "if", "than", "so", "not", "later", "earlier")

// pronounGenders are the genders of the personal pronouns.
var pronounGenders = map[string]byte{"he": 'm', "him": 'm', "his": 'm', "himself": 'm', "she": 'f', "her": 'f', "hers": 'f', "herself": 'f'}

// agrees reports whether pronoun w may refer to entity e: not "her" for a
// person the article calls "Mr" or whose given name is a man's, not "his"
// for one it calls "Mrs" or "Ms" or whose given name is a woman's (gender).
func (r *related) agrees(w string, e int) bool {
	g := pronounGenders[w]
	if g == 0 || e < 0 {
		return true
	}
	eg := r.gender(e)
	return eg == 0 || eg == g
}

// gender is 'm' or 'f' when an honorific of person e's names says so
// ("Mr Oduya", "Mrs. Zúniga de Paz"), or, when none does, when the given
// name of its full names does ("Ana Ruiz", "Tomas Vrba"); else 0.
func (r *resolved) gender(e int) byte {
	if e < 0 || e >= len(r.Entities) || r.Entities[e].Type != graph.Person {
		return 0
	}
	var g, given byte
	for a := range r.Entities[e].Aliases {
		w, rest, _ := strings.Cut(a, " ")
		h := honorificGender(w)
		if h != 0 && g != 0 && h != g {
			return 0 // two genders: unclear
		}
		if h != 0 {
			g = h
		}
		if rest == "" || h != 0 || honorifics[strings.TrimSuffix(strings.ToLower(w), ".")] {
			continue
		}
		n := gazetteer.GivenNameGender(w)
		if n != 0 && given != 0 && n != given {
			given = 'x' // two given names of two genders: unclear
		} else if n != 0 && given == 0 {
			given = n
		}
	}
	if g == 0 && given != 'x' {
		g = given
	}
	return g
}

// honorificGender is 'm' for "Mr", "Sir", "Herr" and the like, 'f' for
// "Mrs", "Ms", "Madame" and the like, else 0.
func honorificGender(w string) byte {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "mr", "sir", "lord", "monsieur", "señor", "senor", "herr":
		return 'm'
	case "mrs", "ms", "miss", "mme", "madame", "lady", "dame", "señora", "senora", "frau":
		return 'f'
	}
	return 0
}

// bind makes the pronoun at token i an arg for entity ent (none when ent < 0).
func (c *clause) bind(i, ent int) {
	if ent < 0 {
		return
	}
	c.add(arg{T0: i, T1: i + 1, Ent: ent, Type: graph.Person, Ref: true})
	c.sortArgs()
}

// reportingSpeaker returns the person whose report the pronoun at token i
// opens ("X said he", "he said later that he"), and whether that speaker
// is itself a pronoun; -1 when the pronoun is not reported speech.
func (c *clause) reportingSpeaker(i int) (int, bool) {
	v := i - 1
	for skipped := 0; v > 0 && skipped < 2; skipped++ {
		w := c.toks[v].Lower
		if w == "that" || sentenceAdverbs[w] || strings.HasSuffix(w, "ly") && c.toks[v].Word && !c.toks[v].Cap {
			v--
			continue
		}
		break
	}
	if v < 1 || !attributeVerbs[c.toks[v].Lower] {
		return -1, false
	}
	a := c.at[v-1]
	if a < 0 || c.args[a].Type != graph.Person {
		return -1, false
	}
	return c.args[a].Ent, c.args[a].Ref || personPronouns[c.toks[v-1].Lower]
}

// sentenceAdverbs may stand between a verb of saying and what was said.
var sentenceAdverbs = setOf("later", "earlier", "then", "also", "again", "yesterday", "today", "previously", "once", "still")

// trailingSpeaker finds a quotation closed by its attribution: '"...," he
// said', '"...", Mr X told reporters'. It returns the token where the
// quotation ends and the token of its speaker, or (-1, -1).
func (c *clause) trailingSpeaker() (int, int) {
	n := len(c.toks)
	if n < 4 || !isQuote(c.toks[0].Text) {
		return -1, -1
	}
	for q := n - 2; q > 0; q-- {
		if !isQuote(c.toks[q].Text) {
			continue
		}
		k := q + 1
		if k < n && c.toks[k].Text == "," {
			k++
		}
		// ", he said" or ", said Mr X".
		switch {
		case k+1 < n && attributeVerbs[c.toks[k+1].Lower] && (personPronouns[c.toks[k].Lower] || c.at[k] >= 0):
			return q, k
		case k+1 < n && attributeVerbs[c.toks[k].Lower] && c.at[k+1] >= 0:
			return q, k + 1
		}
		// A multi-word name before the verb: ", Mr Ibrahim said".
		if k < n && c.at[k] >= 0 {
			e := c.args[c.at[k]].T1
			if e < n && attributeVerbs[c.toks[e].Lower] {
				return q, k
			}
		}
		return -1, -1
	}
	return -1, -1
}

func isQuote(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "''" || s == "``"
}

// lastEventWithHead returns the event last named with head noun head
// ("the killing" after "the killing of X"), at or before sentence si; failing
// that, the one last named with a head of the same class ("the affair"
// after "the Petrobras scandal", "the destruction of" after a bombing).
func (r *related) lastEventWithHead(head string, si int) int {
	best, bestSent := -1, -1
	class := eventClass[head]
	for pass := 0; pass < 2 && best < 0; pass++ {
		for i, e := range r.Entities {
			if e.Type != graph.Event {
				continue
			}
			for _, mi := range e.Mentions {
				m := r.Mentions[mi]
				h := m.Head
				if h == "" {
					h = strings.ToLower(lastWord(m.Text))
				}
				same := h == head
				if pass == 1 {
					same = class != "" && eventClass[h] == class
				}
				if same && m.Sent <= si && m.Sent > bestSent {
					best, bestSent = i, m.Sent
				}
			}
		}
	}
	return best
}

// eventClass groups the nouns that may name one happening, so that a
// later description refers back to it: the bombing is "the attack", a
// scandal is "the affair".
var eventClass = map[string]string{
	"bombing": "attack", "bombings": "attack", "attack": "attack", "attacks": "attack", "explosion": "attack",
	"blast": "attack", "destruction": "attack", "downing": "attack", "massacre": "attack", "atrocity": "attack",
	"killing": "killing", "murder": "killing", "assassination": "killing", "shooting": "killing",
	"poisoning": "killing", "stabbing": "killing",
	"scandal": "scandal", "affair": "scandal",
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// personAt reports whether a person's mention begins at token i (after a determiner).
func (c *clause) personAt(i int) bool {
	if c.match(i, "the") {
		i++
	}
	return i < len(c.toks) && c.at[i] >= 0 && c.args[c.at[i]].Type == graph.Person
}

// lastWithHead returns the entity whose name ends in head ("court" for the
// International Criminal Court), mentioned at or before sentence si.
func (r *related) lastWithHead(head string, si int) int {
	best, bestSent := -1, -1
	for i, e := range r.Entities {
		if e.Type == graph.Person {
			continue
		}
		w := strings.Fields(strings.ToLower(e.Name))
		if len(w) < 2 || w[len(w)-1] != head && !(len(w) > 2 && w[0] == head && w[1] == "of") {
			continue // "the bank": "Westmorland Bank" or "Bank of Westmorland"
		}
		for _, mi := range e.Mentions {
			if s := r.Mentions[mi].Sent; s <= si && s > bestSent {
				best, bestSent = i, s
			}
		}
	}
	return best
}

func (c *clause) add(a arg) {
	for k := a.T0; k < a.T1; k++ {
		if c.at[k] >= 0 {
			return
		}
	}
	c.args = append(c.args, a)
	for k := a.T0; k < a.T1; k++ {
		c.at[k] = len(c.args) - 1
	}
}

func (c *clause) sortArgs() {
	for i := 1; i < len(c.args); i++ {
		for j := i; j > 0 && c.args[j].T0 < c.args[j-1].T0; j-- {
			c.args[j], c.args[j-1] = c.args[j-1], c.args[j]
		}
	}
	for i := range c.at {
		c.at[i] = -1
	}
	for ai, a := range c.args {
		for k := a.T0; k < a.T1; k++ {
			c.at[k] = ai
		}
	}
}

// emit records a relation with this sentence as its evidence.
func (c *clause) emit(subj int, p graph.Predicate, obj int, rule string, conf float64, attrs map[string]string) {
	c.emitAt(subj, p, obj, rule, conf, attrs, presupposed)
}

// emitAt is emit with the claim read at token position pos (-1: the sentence's).
func (c *clause) emitAt(subj int, p graph.Predicate, obj int, rule string, conf float64, attrs map[string]string, pos int) {
	r := c.r
	if subj < 0 || obj < 0 || subj == obj {
		return
	}
	st, by := c.ctx.status, c.ctx.by
	if pos >= 0 || pos == presupposed {
		st = c.statusAt(pos)
	}
	ev := graph.Evidence{
		Sentence: c.s.Text, Start: c.s.Start, End: c.s.End,
		Extractor: rule, Confidence: conf, Status: st, AttributedTo: by, Date: c.ctx.date,
	}
	if p == graph.FamilyOf {
		r.noteGeneration(subj, obj, attrs["kin"])
	}
	se, oe := r.Entities[subj], r.Entities[obj]
	key := graph.Key{Subject: se.ID, Predicate: p, Object: oe.ID}.Canonical()
	if i, ok := r.index[key]; ok {
		rel := &r.Relations[i]
		rel.MergeEvidence(ev)
		for k, v := range attrs {
			if rel.Attrs == nil {
				rel.Attrs = map[string]string{}
			}
			if rel.Attrs[k] == "" {
				rel.Attrs[k] = v
			}
		}
		return
	}
	rel := graph.Relation{Subject: se.ID, Predicate: p, Object: oe.ID, Evidence: []graph.Evidence{ev}}
	if p.Symmetric() && key.Subject != se.ID {
		rel.Subject, rel.Object = key.Subject, key.Object
	}
	if len(attrs) > 0 {
		rel.Attrs = attrs
	}
	r.index[key] = len(r.Relations)
	r.Relations = append(r.Relations, rel)
}

func (c *clause) typ(ai int) graph.Type { return c.args[ai].Type }

// argAt returns the arg starting at token i, skipping a determiner or
// possessive adjectives before it, or -1.
func (c *clause) argAfter(i, limit int) int {
	for k := i; k < len(c.toks) && k < i+limit; k++ {
		if a := c.at[k]; a >= 0 {
			return a
		}
		t := c.toks[k]
		if !t.Word && t.Lower != "'s" && t.Lower != "’s" && t.Lower != "-" && t.Lower != "“" && t.Lower != "\"" {
			return -1
		}
		if clauseBreak[t.Lower] {
			return -1
		}
	}
	return -1
}

var clauseBreak = setOf("who", "which", "that", "said", "says", "but", "while", "when", "because", "after", "before", "where")

// argBefore returns the nearest arg of one of the types ending at or before token i.
func (c *clause) argBefore(i int, types ...graph.Type) int {
	for k := min(i, len(c.toks)-1); k >= 0; k-- {
		if a := c.at[k]; a >= 0 && typeIn(c.args[a].Type, types) {
			return a
		}
		if c.toks[k].Lower == ";" {
			return -1
		}
	}
	return -1
}

func typeIn(t graph.Type, types []graph.Type) bool {
	if len(types) == 0 {
		return true
	}
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// coordinated returns arg a and those joined to it by "and" or commas:
// "Siti Aisyah and Doan Thi Huong", "Gaddafi and his two top aides".
func (c *clause) coordinated(a int) []int {
	out := []int{a}
	k := c.args[a].T1
	for k < len(c.toks) {
		t := c.toks[k].Lower
		if t == "and" || t == "," || t == "or" {
			n := c.argAfter(k+1, 3)
			if n >= 0 && c.args[n].Type == c.args[a].Type && !c.verbBetween(k+1, c.args[n].T0) {
				out = append(out, n)
				k = c.args[n].T1
				continue
			}
		}
		break
	}
	return out
}

// linkWords between a conjunction and a name break a coordination: "X,
// flew to Y" is a new verb phrase, not a list of X and Y.
var linkWords = setOf("to", "in", "into", "at", "from", "for", "with", "by", "on", "was", "were", "is", "are", "has", "had")

// verbBetween reports whether tokens [i, j) hold a verb or a preposition
// that starts a new phrase ("Cuba, flew to Lima").
func (c *clause) verbBetween(i, j int) bool {
	for k := i; k < j; k++ {
		w := c.toks[k].Lower
		if linkWords[w] || c.toks[k].Word && !c.toks[k].Cap && strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}

// subjectOf finds the subject of a verb at token v: the nearest person (or
// org) before it in the clause, seeing through "X, a role of Y, who".
func (c *clause) subjectOf(v int, types ...graph.Type) int {
	if len(types) == 0 {
		types = []graph.Type{graph.Person}
	}
	if typeIn(graph.Person, types) {
		if h := c.releaseSubject(v); h >= 0 {
			return h
		}
	}
	// ", who V": the head of the apposition chain before.
	if v >= 2 && c.toks[v-1].Lower == "who" || v >= 3 && c.toks[v-2].Lower == "who" {
		w := v - 1
		if c.toks[w].Lower != "who" {
			w--
		}
		if w > 0 && c.toks[w-1].Lower == "," {
			// Walk back over appositions ", a ... ," to the name they describe.
			k := w - 1
			for k > 0 {
				a := c.argBefore(k-1, types...)
				if a < 0 {
					break
				}
				// Is the arg directly before the comma, or inside an apposition?
				end := c.args[a].T1
				if end == k || end == k-1 && isPossessive(c.toks[k-1]) {
					// Check for an apposition before this arg: ", a/the ... ARG ,".
					prevComma := -1
					for j := c.args[a].T0 - 1; j >= 0; j-- {
						if c.toks[j].Lower == "," {
							prevComma = j
							break
						}
						if c.at[j] >= 0 && c.args[c.at[j]].Type == graph.Person {
							break
						}
					}
					if prevComma > 0 && prevComma+1 < len(c.toks) && appositionStart(c.toks[prevComma+1].Lower) {
						if h := c.argBefore(prevComma-1, types...); h >= 0 && c.args[h].T1 == prevComma {
							return h
						}
					}
					return a
				}
				break
			}
			// "X, the former chief executive of Y, who negotiated": the
			// apposition ends in a name of another type.
			for j := k - 1; j > 0 && j > k-16; j-- {
				if c.toks[j].Lower != "," {
					continue
				}
				if appositionStart(c.toks[j+1].Lower) {
					if h := c.argBefore(j-1, types...); h >= 0 && c.args[h].T1 == j && !c.args[h].Ref {
						return h
					}
				}
				break
			}
		}
	}
	for k := v - 1; k >= 0; k-- {
		if a := c.at[k]; a >= 0 && typeIn(c.args[a].Type, types) {
			// "Gaddafi's foreign minister defects": the possessor only
			// qualifies the subject, a role description.
			if end := c.args[a].T1; end+1 < v && isPossessive(c.toks[end]) && c.onlyRoleWords(end+1, v) {
				return -1
			}
			// "X, a senior aide to Y, flew": X, when the apposition is closed.
			closed := false
			for j := c.args[a].T1; j < v; j++ {
				if c.toks[j].Lower == "," {
					closed = true
				}
			}
			if h := c.appositionHead(a, types); h >= 0 && closed {
				return h
			}
			// Skip the object of a preposition: "the contact with Mr Ismail".
			if s := c.args[a].T0; s > 0 && (c.toks[s-1].Lower == "of" || c.toks[s-1].Lower == "with" || c.toks[s-1].Lower == "to") && v-k > 1 {
				k = s
				continue
			}
			if h, ok := c.relativeHead(a, v, types); ok {
				return h
			}
			// "Ana Ruiz of the Boston firm Carter & Lyle accused": the body
			// only says whom the person works for.
			if h := c.ofPhraseHolder(a); h >= 0 && typeIn(graph.Person, types) {
				return h
			}
			// "X, not Y, flew": the name the negation sets aside is no subject.
			if s := c.args[a].T0; s >= 2 && c.toks[s-1].Lower == "not" && c.toks[s-2].Lower == "," {
				k = s - 1
				continue
			}
			return a
		}
		w := c.toks[k].Lower
		if w == ";" || subjectBarrier[w] && k < v-1 {
			break
		}
		// "when it left for Havana": the verb has a subject of its own that names no one.
		if (w == "it" || w == "they") && v-k <= 2 {
			return -1
		}
		// "British officials have spoken to him": a plural common noun
		// right before the verb group is its subject, and names no one.
		// The verb must be finite: an auxiliary or a past tense ("officials
		// waiting at the airport", "officials from the government" are not
		// clauses).
		if g := verbGroupStart(c.toks, v); k == g-1 && pluralCommonNoun(c.toks[k]) && (g < v || strings.HasSuffix(c.toks[v].Lower, "ed")) {
			return -1
		}
	}
	// "Libya's former justice minister resigned": a description of the
	// person the paragraph is about.
	if c.salient >= 0 && typeIn(graph.Person, types) {
		for k := v - 1; k >= 0; k-- {
			w := c.toks[k].Lower
			if roleNouns[w] && k < 6 && !strings.HasSuffix(w, "s") && (c.toks[0].Lower == "the" || k > 1 && isPossessive(c.toks[1])) {
				holder := c.r.roleHolder(c.toks[:k+1], c.salient, c.si)
				if holder < 0 {
					return -1
				}
				c.add(arg{T0: 0, T1: k + 1, Ent: holder, Type: graph.Person, Ref: true})
				c.sortArgs()
				return c.at[0]
			}
			if subjectBarrier[w] || w == "," {
				break
			}
		}
	}
	return -1
}

// ofPhraseHolder returns the person whose "of" phrase holds body arg a
// ("Ana Ruiz of the Boston firm Carter & Lyle", "X of the Ontario Court"),
// or -1.
func (c *clause) ofPhraseHolder(a int) int {
	if c.args[a].Type != graph.Organization {
		return -1
	}
	for j := c.args[a].T0 - 1; j >= 1 && j >= c.args[a].T0-5; j-- {
		t := c.toks[j]
		if t.Lower == "of" {
			if p := c.at[j-1]; p >= 0 && c.args[p].T1 == j && c.args[p].Type == graph.Person {
				return p
			}
			return -1
		}
		if t.Lower == "," || clauseBreak[t.Lower] || c.at[j] >= 0 && c.typ(c.at[j]) != graph.Place || c.at[j] < 0 && t.Word && t.Cap && j != c.args[a].T0-1 {
			return -1
		}
	}
	return -1
}

// relativeHead reports whether arg a, found before the verb at v, sits
// inside a relative clause, and returns the clause's antecedent when it
// is a name of the types, else -1: "the gunman who shot X fled" (X is the
// object of "shot", the gunman fled); "Y, whose father X founded Z, was
// arrested" and "Y, who said X had fled, was arrested" (a clause closed
// by a comma before the verb: Y was). An open clause with a speech verb
// leaves a its own clause's subject ("Z said that X fled").
func (c *clause) relativeHead(a, v int, types []graph.Type) (int, bool) {
	t0 := c.args[a].T0
	closed := false
	for j := c.args[a].T1; j < v; j++ {
		if c.toks[j].Lower == "," {
			closed = true
		}
	}
	rel := -1
	if closed {
		for j := t0 - 1; j >= 1 && j >= t0-10; j-- {
			w := c.toks[j].Lower
			if w == "," || w == ";" {
				break
			}
			if (w == "who" || w == "whose" || w == "which") && c.toks[j-1].Lower == "," {
				rel = j
				break
			}
		}
	}
	for j := t0 - 1; rel < 0 && j >= 0 && j >= t0-4; j-- {
		w := c.toks[j].Lower
		if w == "who" || w == "that" {
			if j == t0-1 {
				return -1, false // "that X fled": X is the clause's subject
			}
			rel = j
			break
		}
		if c.at[j] >= 0 || !c.toks[j].Word || c.toks[j].Cap || subjectBarrier[w] {
			return -1, false
		}
	}
	if rel < 0 {
		return -1, false
	}
	k := rel - 1
	if k >= 0 && c.toks[k].Lower == "," {
		k--
	}
	if k >= 0 {
		if h := c.at[k]; h >= 0 && c.args[h].T1 == k+1 && typeIn(c.args[h].Type, types) {
			return h, true
		}
	}
	return -1, true
}

// describe records the role words of a description of person p.
func (r *related) describe(p int, phrase string) {
	if r.described == nil {
		r.described = map[int]map[string]bool{}
	}
	if r.described[p] == nil {
		r.described[p] = map[string]bool{}
	}
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if roleNouns[w] || roleKind(w) != "" {
			r.described[p][w] = true
		}
	}
}

// roleDescribed reports whether person p was described with role word w
// (in an apposition or a title), and whether p was described at all.
func (r *related) roleDescribed(p int, w string) (match, known bool) {
	if t := r.Entities[p].Attrs["title"]; t != "" {
		for _, tw := range strings.Fields(strings.ToLower(t)) {
			if roleNouns[tw] || roleKind(tw) != "" {
				known = true
				match = match || tw == w
			}
		}
	}
	if d := r.described[p]; len(d) > 0 {
		known = true
		match = match || d[w]
	}
	return match, known
}

// roleHolder binds a description such as "the former spy chief" (toks) to
// a person: the one the article has described with its role noun (the
// most mentioned when several were), else the person named last
// (salient) unless the article described that person otherwise, in which
// case the article's most mentioned person, who is what the story is about.
func (r *related) roleHolder(toks []token, salient, si int) int {
	head := toks[len(toks)-1].Lower
	best, bestN := -1, 0
	top, topN := -1, 0
	described := 0
	for ei, e := range r.Entities {
		if e.Type != graph.Person {
			continue
		}
		n := 0
		for _, mi := range e.Mentions {
			if r.Mentions[mi].Sent <= si {
				n++
			}
		}
		if n == 0 {
			continue
		}
		if n > topN {
			top, topN = ei, n
		}
		if m, _ := r.roleDescribed(ei, head); m {
			described++
			if n > bestN {
				best, bestN = ei, n
			}
		}
	}
	if described > 1 {
		return -1 // two ministers named: "the minister" is either
	}
	if best >= 0 {
		return best
	}
	if _, known := r.roleDescribed(salient, head); known && top >= 0 {
		return top
	}
	return salient
}

// inQuote reports whether token i lies inside a quotation opened earlier
// in the sentence (an odd number of quote marks before it).
func (c *clause) inQuote(i int) bool {
	quotes := 0
	for j := 0; j < i && j < len(c.toks); j++ {
		if isQuote(c.toks[j].Text) {
			quotes++
		}
	}
	return quotes%2 == 1
}

// verbGroupStart returns the first token of the verb group ending in the
// verb at v: its auxiliaries and adverbs ("have spoken", "had not been seen").
func verbGroupStart(toks []token, v int) int {
	k := v
	for k > 0 && (auxiliaries[toks[k-1].Lower] || strings.HasSuffix(toks[k-1].Lower, "ly") && !toks[k-1].Cap) {
		k--
	}
	return k
}

var auxiliaries = setOf("have", "has", "had", "be", "been", "being", "was", "were", "is", "are", "will", "would",
	"could", "should", "may", "might", "must", "can", "not", "also", "never", "then", "now", "since", "did", "do", "does")

// pluralCommonNoun reports whether a token is a lower-case plural noun of
// the kinds that act as subjects in news ("officials", "prosecutors",
// "investigators", "authorities", "police").
func pluralCommonNoun(t token) bool {
	w := t.Lower
	if t.Cap || !t.Word || len(w) < 5 {
		return w == "police"
	}
	if w == "people" || w == "police" || w == "others" {
		return true
	}
	for _, suf := range []string{"ials", "ors", "ers", "ists", "ants", "ents", "ties", "ies", "ats", "ives", "ians", "ops", "ces"} {
		if strings.HasSuffix(w, suf) && !strings.HasSuffix(w, "ss") {
			return true
		}
	}
	return false
}

// onlyRoleWords reports whether tokens [i, j) are role nouns and their
// modifiers and hold a role noun ("foreign minister", "former spy chief").
func (c *clause) onlyRoleWords(i, j int) bool {
	role := false
	for k := i; k < j; k++ {
		w := c.toks[k].Lower
		if c.at[k] >= 0 {
			return false
		}
		switch {
		case roleNouns[w] || roleKind(w) != "":
			role = true
		case lowerModifiers[w] || w == "senior":
		default:
			return false
		}
	}
	return role
}

// subjectBarrier words end the search for a verb's subject: the subject of
// "X said that Y met Z" is Y, never X.
var subjectBarrier = setOf("that", "said", "says", "told", "claimed", "alleged", "understands", "believes",
	"reported", "suggested", "insisted", "added", "announced", "but", "because", "although", "while", "if",
	"whether", ":", "\"", "“")

// appositionHead returns the name an apposition holding arg a describes:
// Y in "Y, a senior aide to X", or -1.
func (c *clause) appositionHead(a int, types []graph.Type) int {
	commas := 0
	for j := c.args[a].T0 - 1; j > 0; j-- {
		if x := c.at[j]; x >= 0 && x != a && c.args[x].Type == graph.Person {
			// "a senior aide to Gaddafi's son Saif": a possessor modifies the
			// description, it does not head it.
			if xe := c.args[x].T1; xe < c.args[a].T0 && isPossessive(c.toks[xe]) {
				j = c.args[x].T0
				continue
			}
			return -1
		}
		if c.toks[j].Lower != "," {
			continue
		}
		if j+1 < len(c.toks) && appositionStart(c.toks[j+1].Lower) {
			if h := c.at[j-1]; h >= 0 && typeIn(c.args[h].Type, types) && !c.args[h].Ref {
				return h
			}
			return -1
		}
		if commas++; commas > 1 {
			return -1
		}
	}
	return -1
}

// releaseSubject reads the subject of a verb at token v written as press
// releases name people: "X, 34, also known as "A" and "B", of Yekaterinburg,
// Russia, led the group" (an age, an alias phrase and a home town, each set
// off by commas, in that order; the town required). It returns the
// person's arg, or -1 when the words before the verb are not that shape.
func (c *clause) releaseSubject(v int) int {
	k := v - 1
	if k < 1 || c.toks[k].Lower != "," {
		return -1
	}
	// ", of Town, Region," back to "of".
	j := k - 1
	for j > 0 && (c.toks[j].Lower == "," || c.at[j] >= 0 && c.typ(c.at[j]) == graph.Place) {
		if a := c.at[j]; a >= 0 {
			j = c.args[a].T0
		}
		j--
	}
	if j < 1 || c.toks[j].Lower != "of" || j == k-1 || c.toks[j-1].Lower != "," {
		return -1
	}
	k = j - 1 // the comma before "of"
	// An alias phrase closed by that comma.
	for s := k - 1; s > 0 && s > k-12; s-- {
		if c.toks[s-1].Lower == "," && akaAt(c.toks, s) > 0 {
			k = s - 1
			break
		}
	}
	// An age between commas.
	if k >= 2 && number(c.toks[k-1].Text, 1, 120) > 0 && c.toks[k-2].Lower == "," {
		k -= 2
	}
	a := c.argBefore(k-1, graph.Person)
	if a < 0 || c.args[a].T1 != k || c.args[a].Ref {
		return -1
	}
	// The person opens the clause: not "X, who met Y, 34, of Tampa, led".
	if s := c.args[a].T0; s > 0 && c.toks[s-1].Lower != "," && c.toks[s-1].Lower != "that" {
		return -1
	}
	return a
}

func appositionStart(w string) bool {
	return w == "a" || w == "an" || w == "the" || w == "his" || w == "her" || w == "its" || w == "their" || roleNouns[w] || kinNouns[w] || adviserNouns[w] || honorifics[w]
}

// read applies every pattern to the sentence.
func (c *clause) read() {
	c.sidebar()
	c.appositions()
	c.prenominal()
	c.postBeforeName()
	c.firmOfPlace()
	c.seatInApposition()
	c.headquartersOf()
	c.ofWhichPost()
	c.titles()
	c.locations()
	c.placeChains()
	c.origins()
	c.natives()
	c.itsPost()
	c.splitKillings()
	c.killersBy()
	c.including()
	c.verbs()
	c.accusations()
	c.namedAccused()
	c.invertedCharges()
	c.speechAccusations()
}

// match reports whether the tokens at i spell words.
func (c *clause) match(i int, words ...string) bool {
	if i < 0 || i+len(words) > len(c.toks) {
		return false
	}
	for k, w := range words {
		if c.toks[i+k].Lower != w {
			return false
		}
	}
	return true
}

// bodyKinds name a kind of body a definite description refers back with
// ("the company", "the group"): "firm" for a commercial body, "group" for
// any body the article calls a group.
var bodyKinds = map[string]string{
	"company": "firm", "firm": "firm", "corporation": "firm", "conglomerate": "firm", "business": "firm",
	"airline": "firm", "carrier": "firm", "lender": "firm", "insurer": "firm", "manufacturer": "firm",
	"carmaker": "firm", "automaker": "firm", "retailer": "firm", "contractor": "firm", "developer": "firm",
	"supplier": "firm", "producer": "firm", "exporter": "firm", "subsidiary": "firm", "chipmaker": "firm",
	"group": "group", "organisation": "group", "organization": "group", "charity": "group",
}

// corporateEndings end the names of firms besides firmEndings ("Acme
// LLC", "Valmora Chemical Corp.").
var corporateEndings = setOf("llc", "gmbh", "nv", "bv", "limited", "spa", "sas", "srl", "oy", "ab", "asa", "kk",
	"pty", "lp", "llp", "incorporated", "airlines", "airways", "group", "partners", "associates", "brothers", "bros")

// kindDescription reports whether the kind noun at token i is a definite
// description: "the" and at most one lower-case modifier before it ("the
// company", "the chemical firm"), no name after it ("the firm Carter &
// Lyle" names the firm), outside a headline and a quote. It returns the
// description's first token, or -1.
func (c *clause) kindDescription(i int) int {
	if c.s.Headline {
		return -1
	}
	t0 := -1
	switch {
	case i > 0 && c.toks[i-1].Lower == "the":
		t0 = i - 1
	case i > 1 && c.toks[i-2].Lower == "the" && c.toks[i-1].Word && !c.toks[i-1].Cap && c.at[i-1] < 0:
		t0 = i - 2
	}
	if t0 < 0 {
		return -1
	}
	if i+1 < len(c.toks) && c.toks[i+1].Cap && c.toks[i+1].Word || c.appositive(t0) {
		return -1
	}
	// "told reporters the firm had ...": the description opens what was
	// told, and readers of "X told Y" would take it for the hearer.
	if t0 >= 2 && tellVerbs[c.toks[t0-2].Lower] && c.toks[t0-1].Word && !c.toks[t0-1].Cap {
		return -1
	}
	if c.inQuote(t0) {
		return -1
	}
	return t0
}

// kindRef returns the one body named before token i of sentence si whose
// kind fits noun ("the company" for Valmora Chemical Corp.), or -1 when
// none fits. When several fit, the one named last wins if it was named in
// a later sentence than the others, no more than kindWindow sentences
// before, and at least as often: otherwise a description that could be
// either is nobody's.
func (r *related) kindRef(noun string, si, i int) int {
	class := bodyKinds[noun]
	if class == "" {
		class = "group"
		if firmEndings[noun] {
			class = "firm"
		}
	}
	best, bestLast, bestN := -1, -1, 0
	tied, fits := false, 0
	mostN := 0
	for ei, e := range r.Entities {
		if e.Type != graph.Organization || e.Regime {
			continue
		}
		last, n := -1, 0
		for _, mi := range e.Mentions {
			m := r.Mentions[mi]
			if m.Sent < si || m.Sent == si && m.T1 <= i {
				n++
				last = max(last, m.Sent)
			}
		}
		if n == 0 || !r.fitsKind(ei, class) {
			continue
		}
		fits++
		mostN = max(mostN, n)
		switch {
		case last > bestLast:
			best, bestLast, bestN, tied = ei, last, n, false
		case last == bestLast:
			tied = true
		}
	}
	switch {
	case fits == 1:
		return best
	case tied || bestN < mostN || si-bestLast > kindWindow:
		return -1
	}
	return best
}

// kindWindow is how many sentences back the last-named of several bodies
// of a kind may be named for a description to refer to it.
const kindWindow = 2

// fitsKind reports whether body e is of kind class ("firm" or "group"):
// by its name's ending ("Valmora Chemical Corp.", "Tata Group") or a kind
// noun of the class written before or after one of its names ("the
// chemical firm X", "X, a human rights group"). A body the article never
// called a group is none, even a firm ("Meridian Airways"): "the group" in
// a story is often a ring, a gang or hijackers it never names.
func (r *related) fitsKind(e int, class string) bool {
	ent := r.Entities[e]
	words := strings.Fields(strings.ToLower(ent.Name))
	if len(words) == 0 {
		return false
	}
	last := strings.TrimSuffix(words[len(words)-1], ".")
	kind := func(w string) bool { return bodyKinds[w] == class }
	if kind(last) || class == "firm" && (firmEndings[last] || corporateEndings[last]) {
		return true
	}
	for _, mi := range ent.Mentions {
		m := r.Mentions[mi]
		toks := r.Sentences[m.Sent].Tokens
		if m.T0 > 0 && kind(toks[m.T0-1].Lower) {
			return true
		}
		// "X, a chemical company": a comma, an article and a few words.
		if m.T1+2 < len(toks) && toks[m.T1].Lower == "," && (toks[m.T1+1].Lower == "a" || toks[m.T1+1].Lower == "an" || toks[m.T1+1].Lower == "the") {
			for k := m.T1 + 2; k < len(toks) && k < m.T1+6; k++ {
				if !toks[k].Word || toks[k].Cap {
					break
				}
				if kind(toks[k].Lower) {
					return true
				}
			}
		}
	}
	return false
}

// descriptionPosts are the posts and ranks a definite description refers back to
// a person with ("the colonel", "the ringleader"): role nouns and titles
// less the words that describe too many people to pick one ("the man",
// "the official", "the critic").
var descriptionPosts = func() map[string]bool {
	m := map[string]bool{}
	for w := range roleNouns {
		m[w] = true
	}
	for w := range coreTitles {
		if len(w) > 3 {
			m[w] = true
		}
	}
	for _, w := range []string{"ringleader", "mastermind", "kingpin", "warlord", "financier", "magnate", "founder"} {
		m[w] = true
	}
	for _, w := range []string{"man", "woman", "official", "officials", "member", "staff", "employee", "worker",
		"figure", "partner", "supporter", "critic", "opponent", "successor", "predecessor", "counterpart",
		"candidate", "nominee", "agent", "soldier", "rebel", "militant", "head", "deputy", "assistant", "aide",
		"representative", "democrat", "republican", "officer", "activist", "journalist", "reporter",
		"correspondent", "analyst", "lawyer", "attorney", "counsel", "staffer", "diplomat", "politician",
		"lawmaker", "speaker", "spokesman", "spokeswoman", "spokesperson", "loyalist", "stalwart", "madame",
		"monsieur", "signor", "signora", "senor", "señor", "senora", "señora", "senhor", "senhora", "frau"} {
		delete(m, w)
	}
	return m
}()

// deedAfterAccused reports whether the "of" at token n opens the deed of an
// accusation whose object is the description at token i: "accused the
// minister of lying" (an accusation verb right before "the", a lower-case
// gerund after "of"), not "the minister of mines".
func (c *clause) deedAfterAccused(i, n int) bool {
	if i == 0 || n+1 >= len(c.toks) {
		return false
	}
	if _, ok := accusationVerbs[c.toks[i-1].Lower]; !ok {
		return false
	}
	d := c.toks[n+1]
	return d.Word && !d.Cap && strings.HasSuffix(d.Lower, "ing") && len(d.Lower) > 4
}

// postDescription reports whether the words after "the" at token i are a
// description by post: "the colonel", "the former premier", "the alleged
// ringleader" (at most one lower-case modifier besides "former"), with no
// name after it ("the colonel Pablo Vera" names him) nor an "of" phrase
// ("the minister of mines" may be anyone's), outside a headline and a
// quote. It returns the post noun's token, or -1.
func (c *clause) postDescription(i int) int {
	if c.s.Headline {
		return -1
	}
	k := i + 1
	if c.match(k, "former") {
		k++
	}
	if k+1 < len(c.toks) && !descriptionPosts[c.toks[k].Lower] && descriptionPosts[c.toks[k+1].Lower] &&
		c.toks[k].Word && !c.toks[k].Cap && c.at[k] < 0 {
		k++ // "the alleged ringleader", "the retired colonel"
	}
	if k >= len(c.toks) || !descriptionPosts[c.toks[k].Lower] || c.at[k] >= 0 {
		return -1
	}
	if n := k + 1; n < len(c.toks) && (c.toks[n].Word && c.toks[n].Cap || c.toks[n].Lower == "of" && !c.deedAfterAccused(i, n) || isPossessive(c.toks[n]) || c.toks[n].Lower == "-" ||
		roleNouns[c.toks[n].Lower] || coreTitles[c.toks[n].Lower] || c.toks[n].Lower == "executive") {
		return -1 // "the chief executive" is a longer post
	}
	if c.appositive(i) {
		return -1
	}
	if c.inQuote(i) {
		return -1
	}
	return k
}

// postHolder returns the one person named before token i of sentence si
// whom the article gave post w: in a title ("Colonel Pablo Vera") or an
// apposition ("Pablo Vera, a retired colonel,"); -1 when no one or two
// people hold it.
func (r *related) postHolder(w string, si, i int) int {
	best := -1
	for ei, e := range r.Entities {
		if e.Type != graph.Person {
			continue
		}
		holds := postWords(e.Attrs["title"])[w]
		for _, mi := range e.Mentions {
			m := r.Mentions[mi]
			if m.Sent > si || m.Sent == si && m.T1 > i {
				continue
			}
			if !holds {
				holds = r.mentionHolds(mi, w)
			}
		}
		if !holds || !r.namedBefore(ei, si, i) {
			continue
		}
		if best >= 0 {
			return -1
		}
		best = ei
	}
	return best
}

// postWords returns the words of a title before any "of", "to" or "for"
// ("colonel" of "retired colonel", not "colonel" of "critic of the colonel").
func postWords(title string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if w == "of" || w == "to" || w == "for" || w == "at" || w == "with" {
			break
		}
		out[w] = true
	}
	return out
}

// namedBefore reports whether entity e has a mention before token i of sentence si.
func (r *related) namedBefore(e, si, i int) bool {
	for _, mi := range r.Entities[e].Mentions {
		if m := r.Mentions[mi]; m.Sent < si || m.Sent == si && m.T1 <= i {
			return true
		}
	}
	return false
}

// mentionHolds reports whether mention mi was given post w: in its title
// or in an apposition right after it ("X, a retired colonel,", "X, the
// alleged ringleader,").
func (r *related) mentionHolds(mi int, w string) bool {
	m := r.Mentions[mi]
	if postWords(m.Title)[w] {
		return true
	}
	toks := r.Sentences[m.Sent].Tokens
	if m.T1+2 >= len(toks) || toks[m.T1].Lower != "," {
		return false
	}
	if d := toks[m.T1+1].Lower; d != "a" && d != "an" && d != "the" {
		return false
	}
	for k := m.T1 + 2; k < len(toks) && k < m.T1+6; k++ {
		t := toks[k]
		if !t.Word || t.Cap {
			return false
		}
		if t.Lower == w {
			return true
		}
		if t.Lower == "of" || t.Lower == "to" || t.Lower == "and" {
			return false // "a critic of the colonel" is not one
		}
	}
	return false
}

// byAge returns, for "the elder Choi" (rank "elder", surname "choi"), the
// oldest of the people with that surname whose ages the article gives
// ("Choi Min-ho, 71,"); for "younger", the youngest. It returns -1 unless
// two or more such people are named and each has an age, different ones.
func (r *related) byAge(rank, surname string) int {
	older := rank == "elder" || rank == "older"
	if !older && rank != "younger" {
		return -1
	}
	best, bestAge, n := -1, 0, 0
	for ei, e := range r.Entities {
		if e.Type != graph.Person {
			continue
		}
		w := nameWords(e.Name)
		key := surnameKey(w)
		if familyNameFirst(e.Name) && len(w) > 0 {
			key = w[0]
		}
		if key != surname || len(w) < 2 {
			continue
		}
		age := r.ageOf(ei)
		if age <= 0 {
			return -1 // one of them has no age: unclear
		}
		n++
		switch {
		case best < 0 || older && age > bestAge || !older && age < bestAge:
			best, bestAge = ei, age
		case age == bestAge:
			return -1
		}
	}
	if n < 2 {
		return -1
	}
	return best
}

// elderRelative returns, for "the elder Choi" or "the younger Choi", which
// of exactly two people with that surname is the elder or the younger by
// the kinship the article stated between them ("Choi Min-jae ... his
// father, Choi Dong-hun"), or -1.
func (r *related) elderRelative(rank, surname string) int {
	older := rank == "elder" || rank == "older"
	if !older && rank != "younger" {
		return -1
	}
	var same []int
	for ei, e := range r.Entities {
		w := nameWords(e.Name)
		key := surnameKey(w)
		if familyNameFirst(e.Name) && len(w) > 0 {
			key = w[0]
		}
		if e.Type == graph.Person && len(w) >= 2 && key == surname {
			same = append(same, ei)
		}
	}
	if len(same) != 2 {
		return -1
	}
	a, b := same[0], same[1]
	switch {
	case r.elderOf[[2]int{a, b}] == r.elderOf[[2]int{b, a}]:
		return -1 // no kinship read, or both ways
	case r.elderOf[[2]int{a, b}] == older:
		return a
	default:
		return b
	}
}

// parentNouns and childNouns name a relative of an older or a younger
// generation than the person they relate to.
var (
	parentNouns = setOf("father", "mother", "grandfather", "grandmother", "uncle", "aunt", "stepfather", "stepmother")
	childNouns  = setOf("son", "daughter", "grandson", "granddaughter", "nephew", "niece", "stepson", "stepdaughter")
)

// noteGeneration records which of two relatives is the elder when kin
// says so: kin is what subj is to obj ("father": subj is the elder).
func (r *related) noteGeneration(subj, obj int, kin string) {
	if r.elderOf == nil {
		r.elderOf = map[[2]int]bool{}
	}
	switch {
	case parentNouns[kin]:
		r.elderOf[[2]int{subj, obj}] = true
	case childNouns[kin]:
		r.elderOf[[2]int{obj, subj}] = true
	}
}

// ageOf returns the age written after one of person e's names ("Choi
// Min-ho, 71,"), or 0.
func (r *related) ageOf(e int) int {
	for _, mi := range r.Entities[e].Mentions {
		m := r.Mentions[mi]
		toks := r.Sentences[m.Sent].Tokens
		if m.T1+2 < len(toks) && toks[m.T1].Lower == "," && (toks[m.T1+2].Lower == "," || toks[m.T1+2].Lower == "and") {
			if age, err := strconv.Atoi(toks[m.T1+1].Text); err == nil && age > 0 && age < 120 {
				return age
			}
		}
	}
	return 0
}

// appositive reports whether the description opening at token t0 follows a
// name and a comma ("Lars Vik, the mayor who ..."): it describes that name,
// which the apposition readers relate, and refers back to no one.
func (c *clause) appositive(t0 int) bool {
	return t0 >= 2 && c.toks[t0-1].Lower == "," && c.at[t0-2] >= 0
}
