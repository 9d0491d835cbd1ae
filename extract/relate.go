package extract

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// related is a resolved article with its relations (the output of relate).
type related struct {
	resolved
	Relations []graph.Relation
	index     map[graph.Key]int
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
}

// relate reads relations off each sentence.
func relate(r resolved) related {
	out := related{resolved: r, index: map[graph.Key]int{}}
	salient := -1 // the person "he" most likely means
	regime := out.regime()
	for si := range out.Sentences {
		c := out.clause(si, salient, regime)
		c.read()
		// The salient person for the next sentence: this sentence's first person subject.
		for _, a := range c.args {
			if a.Type == graph.Person && !a.Ref {
				salient = a.Ent
				break
			}
		}
	}
	// Events named by their victim: "the murder of X".
	for ei, e := range out.Entities {
		if e.Victim >= 0 && e.Type == graph.Event {
			mi := e.Mentions[0]
			m := out.Mentions[mi]
			c := out.clause(m.Sent, -1, regime)
			c.emit(e.Victim, graph.VictimOf, ei, "victim-noun/v1", 0.9, nil)
		}
	}
	return out
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
	c := &clause{r: r, si: si, s: s, toks: s.Tokens, at: make([]int, len(s.Tokens))}
	for i := range c.at {
		c.at[i] = -1
	}
	for _, mi := range r.BySent[si] {
		m := r.Mentions[mi]
		if m.Ent < 0 || m.Victim >= 0 && m.Type == graph.Event && false {
			continue
		}
		if c.at[m.T0] >= 0 {
			continue // the person inside "the murder of X" keeps its own slot
		}
		c.add(arg{T0: m.T0, T1: m.T1, Ent: m.Ent, Type: r.Entities[m.Ent].Type})
	}
	// Pronouns and descriptions.
	for i, t := range c.toks {
		if c.at[i] >= 0 {
			continue
		}
		switch {
		case personPronouns[t.Lower] && salient >= 0:
			// Within the sentence, a person named before the pronoun wins.
			ent := salient
			for k := len(c.args) - 1; k >= 0; k-- {
				if c.args[k].T1 <= i && c.args[k].Type == graph.Person && !c.args[k].Ref {
					ent = c.args[k].Ent
					break
				}
			}
			c.add(arg{T0: i, T1: i + 1, Ent: ent, Type: graph.Person, Ref: true})
		case t.Lower == "regime" && regime >= 0 && i > 0 && (c.toks[i-1].Lower == "the" || c.toks[i-1].Lower == "its"):
			c.add(arg{T0: i - 1, T1: i + 1, Ent: regime, Type: graph.Organization, Ref: true})
		case (t.Lower == "court" || t.Lower == "embassy" || t.Lower == "party" || t.Lower == "agency" || t.Lower == "council") && i > 0 && c.toks[i-1].Lower == "the":
			if e := r.lastWithHead(t.Lower, si); e >= 0 {
				c.add(arg{T0: i - 1, T1: i + 1, Ent: e, Type: r.Entities[e].Type, Ref: true})
			}
		}
	}
	c.sortArgs()
	c.ctx = c.claims()
	return c
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
		if len(w) < 2 || w[len(w)-1] != head {
			continue
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
	c.emitAt(subj, p, obj, rule, conf, attrs, -1)
}

// emitAt is emit with the claim read at token position pos (-1: the sentence's).
func (c *clause) emitAt(subj int, p graph.Predicate, obj int, rule string, conf float64, attrs map[string]string, pos int) {
	r := c.r
	if subj < 0 || obj < 0 || subj == obj {
		return
	}
	st, by := c.ctx.status, c.ctx.by
	if pos >= 0 {
		st = c.statusAt(pos)
	}
	ev := graph.Evidence{
		Sentence: c.s.Text, Start: c.s.Start, End: c.s.End,
		Extractor: rule, Confidence: conf, Status: st, AttributedTo: by, Date: c.ctx.date,
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
			if n >= 0 && c.args[n].Type == c.args[a].Type {
				out = append(out, n)
				k = c.args[n].T1
				continue
			}
		}
		break
	}
	return out
}

// subjectOf finds the subject of a verb at token v: the nearest person (or
// org) before it in the clause, seeing through "X, a role of Y, who".
func (c *clause) subjectOf(v int, types ...graph.Type) int {
	if len(types) == 0 {
		types = []graph.Type{graph.Person}
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
		}
	}
	for k := v - 1; k >= 0; k-- {
		if a := c.at[k]; a >= 0 && typeIn(c.args[a].Type, types) {
			// Skip the object of a preposition: "the contact with Mr Ismail".
			if s := c.args[a].T0; s > 0 && (c.toks[s-1].Lower == "of" || c.toks[s-1].Lower == "with" || c.toks[s-1].Lower == "to") && c.toks[s-1].Lower != "" && v-k > 1 {
				continue
			}
			return a
		}
		if c.toks[k].Lower == ";" {
			break
		}
	}
	return -1
}

func appositionStart(w string) bool {
	return w == "a" || w == "an" || w == "the" || w == "his" || w == "her" || w == "its" || w == "their" || roleNouns[w] || kinNouns[w] || adviserNouns[w] || honorifics[w]
}

// read applies every pattern to the sentence.
func (c *clause) read() {
	c.sidebar()
	c.appositions()
	c.prenominal()
	c.titles()
	c.locations()
	c.verbs()
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
