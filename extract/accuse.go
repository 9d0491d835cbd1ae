package extract

import "github.com/kgraph/kg/graph"

// accusationVerbs open an active frame whose object is the accused and
// whose prepositional phrase names the crime: "prosecutors charged X and Y
// with the murder of Z", "a court convicted X over the scandal". The value
// is the predicate the accused takes toward the crime.
var accusationVerbs = map[string]graph.Predicate{
	"charged": graph.AccusedOf, "charges": graph.AccusedOf, "charging": graph.AccusedOf,
	"accused": graph.AccusedOf, "accuses": graph.AccusedOf, "accusing": graph.AccusedOf,
	"indicted": graph.AccusedOf, "indicts": graph.AccusedOf, "indicting": graph.AccusedOf,
	"suspected": graph.AccusedOf, "suspects": graph.AccusedOf,
	"arrested": graph.AccusedOf, "arrests": graph.AccusedOf, "detained": graph.AccusedOf,
	"questioned": graph.AccusedOf, "named": graph.AccusedOf, "names": graph.AccusedOf, "identified": graph.AccusedOf,
	"convicted": graph.ConvictedOf, "convicts": graph.ConvictedOf, "jailed": graph.ConvictedOf,
	"sentenced": graph.ConvictedOf, "imprisoned": graph.ConvictedOf,
}

// accusers are the frame verbs whose subject accuses the person charged:
// a prosecutor charges, a court convicts (and is not said to accuse).
var accusers = setOf("charged", "charges", "charging", "accused", "accuses", "accusing", "indicted", "indicts",
	"indicting", "named", "names", "identified")

// crimePreps introduce the crime in an accusation frame, by verb: an
// arrest "over" or "in connection with" a killing, not "in" a town.
func crimePrep(verb string, toks []token, k int) int {
	w := toks[k].Lower
	if w == "in" && k+2 < len(toks) && toks[k+1].Lower == "connection" && toks[k+2].Lower == "with" {
		return k + 3
	}
	if w == "as" {
		// "named X as a suspect in the killing", "as suspects in".
		j := k + 1
		for j < len(toks) && j < k+6 && toks[j].Word && !toks[j].Cap && toks[j].Lower != "in" && toks[j].Lower != "over" {
			j++
		}
		if j < len(toks) && j > k+1 && (toks[j].Lower == "in" || toks[j].Lower == "over") {
			if s := toks[j-1].Lower; s == "suspect" || s == "suspects" || s == "accused" || s == "perpetrators" || s == "killers" {
				return j + 1
			}
		}
		return -1
	}
	switch verb {
	case "arrested", "arrests", "detained", "questioned", "named", "names", "identified", "suspected", "suspects":
		if w == "over" || w == "for" || w == "in" && (verb == "suspected" || verb == "suspects") {
			return k + 1
		}
	default:
		if w == "with" || w == "of" || w == "over" || w == "for" || w == "in" {
			return k + 1
		}
	}
	return -1
}

// accusations reads active accusation frames: the people after the verb
// are accused of (or convicted of) the event its phrase names, and the
// verb's subject, when a person or a body is named, accused them.
func (c *clause) accusations() {
	for v := 1; v+2 < len(c.toks); v++ {
		verb := c.toks[v].Lower
		pred, ok := accusationVerbs[verb]
		if !ok || c.at[v] >= 0 || passiveAux[c.toks[v-1].Lower] || c.toks[v-1].Lower == "had" && verb == "named" {
			continue
		}
		first := c.argAfter(v+1, 6)
		if first < 0 || c.typ(first) != graph.Person || c.args[first].Ref {
			continue
		}
		accused := c.coordinated(first)
		end := c.args[accused[len(accused)-1]].T1
		if end >= len(c.toks) {
			continue
		}
		ev := c.crimeAfter(verb, end)
		if ev < 0 {
			continue
		}
		rule := "accuse-frame/v1"
		if pred == graph.ConvictedOf {
			rule = "convict-frame/v1"
		}
		for _, a := range accused {
			c.emitAt(c.args[a].Ent, pred, c.args[ev].Ent, rule, 0.75, nil, v)
		}
		if !accusers[verb] {
			continue
		}
		if s := c.subjectOf(v, graph.Person, graph.Organization); s >= 0 {
			for _, a := range accused {
				c.emitAt(c.args[s].Ent, graph.Accused, c.args[a].Ent, rule, 0.7, nil, v)
			}
		}
	}
}

// crimeAfter finds the event an accusation frame names after the accused,
// which end at token end: "with the murder of Z", or past a sentence's
// length, "jailed X for seven years over the scandal". It returns -1 when
// the phrase names no event.
func (c *clause) crimeAfter(verb string, end int) int {
	for k := end; k < len(c.toks) && k < end+6; k++ {
		if c.at[k] >= 0 || clauseBreak[c.toks[k].Lower] || c.toks[k].Lower == "," || c.toks[k].Lower == "." {
			return -1
		}
		p := crimePrep(verb, c.toks, k)
		if p < 0 {
			if k == end {
				return -1 // the phrase must open right after the accused
			}
			continue
		}
		if ev := c.argAfter(p, 4); ev >= 0 && c.typ(ev) == graph.Event {
			return ev
		}
		if c.toks[k].Lower != "for" {
			return -1
		}
	}
	return -1
}
