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

// chargers are the accusers' verbs whose object is accused even when the
// charge names no event: "charged X with fraud", "accused X of lying";
// naming or identifying someone needs the crime.
var chargers = setOf("charged", "charges", "charging", "accused", "accuses", "accusing", "indicted", "indicts",
	"indicting")

// chargeNouns open a charge of wrongdoing by money, office or secrets.
var chargeNouns = setOf("fraud", "conspiracy", "bribery", "corruption", "espionage", "spying", "embezzlement",
	"money", "theft", "forgery", "extortion", "racketeering", "false", "tax", "insider", "abuse", "misconduct",
	"treason", "perjury", "obstruction")

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
		var accused []int
		end := 0
		if first < 0 || c.typ(first) != graph.Person || c.args[first].Ref && !c.boundDescription(first) {
			p := c.postThenName(v)
			if p < 0 {
				c.describedAccusation(v)
				continue
			}
			// "accused the first secretary of the embassy, X, of ...".
			accused, end = []int{p}, c.args[p].T1
			if c.match(end, ",") {
				end++
			}
		} else {
			accused = c.coordinated(first)
			end = c.args[accused[len(accused)-1]].T1
		}
		if end >= len(c.toks) {
			continue
		}
		ev := c.crimeAfter(verb, end)
		if ev < 0 && chargers[verb] {
			// "accused X of steering contracts to the firm", "charged X,
			// Y and Z with conspiracy to defraud": a deed or a charge of
			// the case the article is about.
			switch {
			case c.match(end, "of"):
				ev = c.eventOfDeed(end + 1)
			case c.match(end, "with") && end+1 < len(c.toks) && chargeNouns[c.toks[end+1].Lower]:
				ev = c.r.soleCase(c.si)
			}
		}
		if ev < 0 {
			if chargers[verb] && (c.match(end, "with") || c.match(end, "of")) {
				// "The Serious Fraud Office charged X, Y and Z with
				// conspiracy to defraud": a charge, no event, but the
				// body still accuses them.
				if s := c.subjectOf(v, graph.Person, graph.Organization); s >= 0 {
					for _, a := range accused {
						c.emitAt(c.args[s].Ent, graph.Accused, c.args[a].Ent, "accuse-charge/v1", 0.6, nil, v)
					}
				}
			}
			continue
		}
		rule := "accuse-frame/v1"
		if pred == graph.ConvictedOf {
			rule = "convict-frame/v1"
		}
		for _, a := range accused {
			c.emitAt(c.args[a].Ent, pred, ev, rule, 0.75, nil, v)
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

// boundDescription reports whether arg a is a description bound to one
// person ("the minister", "the colonel" for the one the article gave the
// post), not a pronoun: "accused him" is left to whom "him" is less
// surely.
func (c *clause) boundDescription(a int) bool {
	x := c.args[a]
	if !x.Ref || x.Ent < 0 || x.T1-x.T0 < 2 {
		return false
	}
	_, pronoun := pronounGenders[c.toks[x.T0].Lower]
	return !pronoun
}

// postThenName returns the person named, after a comma, by the post that
// opens right after the verb at v: "accused the first secretary of the
// Czechoslovak embassy in Copenhagen, Jiri Kubat, of ...". It returns -1
// when no such post and name follow.
func (c *clause) postThenName(v int) int {
	for k := v + 3; k < len(c.toks) && k < v+18; k++ {
		a := c.at[k]
		if a < 0 || c.args[a].T0 != k {
			continue
		}
		if c.args[a].Type != graph.Person || c.args[a].Ref || c.toks[k-1].Lower != "," {
			continue
		}
		if body, start := c.postOfBody(k - 1); body >= 0 && start == v+2 {
			return a
		}
		return -1
	}
	return -1
}

// crimeAfter finds the event (an entity index) an accusation frame names
// after the accused, which end at token end: "with the murder of Z", past a
// sentence's length, "jailed X for seven years over the scandal", or past
// the charge, "with espionage in the Esbjerg spy case". It returns -1 when
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
			return c.args[ev].Ent
		}
		if c.toks[k].Lower != "for" {
			return c.commonEvent(k)
		}
	}
	return -1
}

// describedAccusation reads an accusation whose object is a description,
// not a name: "police named a senior clerk at the consulate as one of
// three people wanted in connection with the killing of Z". The accused
// are named in a sentence after it ("The two other named suspects are X
// and Y"), so the event and the accuser are kept for namedAccused.
func (c *clause) describedAccusation(v int) {
	if !describers[c.toks[v+1].Lower] {
		return
	}
	body := -1
	for k := v + 2; k < len(c.toks); k++ {
		if a := c.at[k]; a >= 0 {
			if c.typ(a) == graph.Person && !c.args[a].Ref {
				return // a name, not a description
			}
			if body < 0 && (c.typ(a) == graph.Organization || c.typ(a) == graph.Place) && c.postAt(a) {
				body = c.args[a].Ent
			}
			k = c.args[a].T1 - 1
			continue
		}
		if w := c.toks[k].Lower; w == "." || w == ";" || clauseBreak[w] {
			return
		}
		p := wantedPrep(c.toks, k)
		if p < 0 {
			continue
		}
		ev := c.argAfter(p, 4)
		if ev < 0 || c.typ(ev) != graph.Event {
			return
		}
		accuser := -1
		if accusers[c.toks[v].Lower] {
			if s := c.subjectOf(v, graph.Person, graph.Organization); s >= 0 {
				accuser = c.args[s].Ent
			}
		}
		c.r.accusedLater = &describedAccused{si: c.si, event: c.args[ev].Ent, accuser: accuser, body: body}
		return
	}
}

// describedAccused is an accusation of people described but not yet
// named: the sentence, the event, the accuser and the body the
// description gives a post at ("an official at the embassy"), -1 when
// none is named.
type describedAccused struct{ si, event, accuser, body int }

// postAt reports whether arg a follows a post's preposition: "an
// official at the embassy", "a clerk of the court".
func (c *clause) postAt(a int) bool {
	k := c.args[a].T0 - 1
	if k > 0 && c.toks[k].Lower == "the" {
		k--
	}
	return k > 0 && (c.toks[k].Lower == "at" || c.toks[k].Lower == "of" || c.toks[k].Lower == "with")
}

// describers open a description in an accusation's object: "named a
// senior official", "arrested two men".
var describers = setOf("a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several")

// wantedPrep returns the token after a phrase introducing the crime of
// described suspects ("in connection with", "over", "suspects in",
// "wanted for"), or -1.
func wantedPrep(toks []token, k int) int {
	w := toks[k].Lower
	if w == "in" && k+2 < len(toks) && toks[k+1].Lower == "connection" && toks[k+2].Lower == "with" {
		return k + 3
	}
	if w == "over" {
		return k + 1
	}
	if (w == "in" || w == "for") && k > 0 && suspectNouns[toks[k-1].Lower] {
		return k + 1
	}
	return -1
}

// suspectNouns are the words that make a group of people the accused:
// "suspects in", "wanted for", "the two other named individuals".
var suspectNouns = setOf("suspect", "suspects", "wanted", "named", "accused")

// namedAccused reads the sentence that names the people an accusation
// described before: "The two other named suspects are X, a driver, and
// Y." Its subject must be a lower-case noun phrase of suspects opening
// the sentence, at most three sentences after the description; each
// person after "are" is accused of the event.
func (c *clause) namedAccused() {
	d := c.r.accusedLater
	if d == nil || c.si <= d.si || c.si-d.si > 3 || c.s.Headline || len(c.toks) < 4 {
		return
	}
	if c.toks[0].Lower != "the" {
		c.postHolderAccused(d)
		return
	}
	k, suspects := 1, false
	for ; k < len(c.toks) && k < 8 && c.at[k] < 0 && c.toks[k].Word && !c.toks[k].Cap; k++ {
		if w := c.toks[k].Lower; w == "are" || w == "were" {
			break
		}
		suspects = suspects || suspectNouns[c.toks[k].Lower]
	}
	if !suspects || k >= len(c.toks) || (c.toks[k].Lower != "are" && c.toks[k].Lower != "were") {
		return
	}
	for j := k + 1; j < len(c.toks); j++ {
		if clauseBreak[c.toks[j].Lower] || c.toks[j].Lower == ";" {
			return
		}
		a := c.at[j]
		if a < 0 {
			continue
		}
		j = c.args[a].T1 - 1
		if c.typ(a) != graph.Person || c.args[a].Ref || c.args[a].Ent == d.accuser {
			continue
		}
		c.emitAt(c.args[a].Ent, graph.AccusedOf, d.event, "named-later/v1", 0.65, nil, k)
		if d.accuser >= 0 {
			c.emitAt(d.accuser, graph.Accused, c.args[a].Ent, "named-later/v1", 0.6, nil, k)
		}
	}
}

// postHolderAccused reads "X is Second Secretary at the embassy" after an
// accusation that described its suspect by a post at that body ("a senior
// official at the embassy"): X, the sentence's subject, is the one
// described.
func (c *clause) postHolderAccused(d *describedAccused) {
	x := c.at[0]
	if d.body < 0 || x < 0 || c.typ(x) != graph.Person || c.args[x].Ref || c.args[x].Ent == d.accuser {
		return
	}
	k := c.args[x].T1
	if k >= len(c.toks) || c.toks[k].Lower != "is" && c.toks[k].Lower != "was" {
		return
	}
	for j := k + 1; j < len(c.toks) && j < k+7; j++ {
		a := c.at[j]
		if a < 0 {
			if !c.toks[j].Word {
				return
			}
			continue
		}
		if c.args[a].Ent != d.body || !c.postAt(a) {
			return
		}
		c.emitAt(c.args[x].Ent, graph.AccusedOf, d.event, "named-later/v1", 0.6, nil, k)
		if d.accuser >= 0 {
			c.emitAt(d.accuser, graph.Accused, c.args[x].Ent, "named-later/v1", 0.55, nil, k)
		}
		return
	}
}

// invertedCharges reads a charge written subject last, as press releases
// do: "Also charged is Andrei Petrenko, 29, ...", "Also arrested were X and
// Y"; and a defendant named by an apposition: "A third defendant, Kyle
// Mercer, ...". The charge is the event named in the sentence, else the one
// case the article names.
func (c *clause) invertedCharges() {
	for i := 0; i+2 < len(c.toks); i++ {
		w := c.toks[i].Lower
		var people []int
		pred := graph.AccusedOf
		switch {
		case invertedVerbs[w] && (i == 0 || c.toks[i-1].Lower == "also" && i == 1) &&
			(c.match(i+1, "is") || c.match(i+1, "are") || c.match(i+1, "was") || c.match(i+1, "were")):
			a := c.at[i+2]
			if a < 0 || c.args[a].T0 != i+2 || c.typ(a) != graph.Person || c.args[a].Ref {
				continue
			}
			people = c.coordinated(a)
			if w == "convicted" || w == "sentenced" || w == "jailed" {
				pred = graph.ConvictedOf
			}
		case (w == "defendant" || w == "co-defendant") && c.match(i+1, ",") && i > 0 && (describers[c.toks[i-1].Lower] || ordinalWords[c.toks[i-1].Lower]):
			a := c.at[i+2]
			if a < 0 || c.args[a].T0 != i+2 || c.typ(a) != graph.Person || c.args[a].Ref {
				continue
			}
			people = []int{a}
		default:
			continue
		}
		ev := -1
		for k := i + 2; k < len(c.toks); k++ {
			if a := c.at[k]; a >= 0 && c.typ(a) == graph.Event && !c.args[a].Ref {
				ev = c.args[a].Ent
				break
			}
		}
		if ev < 0 {
			ev = c.r.soleEventOf(c.si, commonEventHeads) // a deed: a scheme, a campaign, a murder
		}
		if ev < 0 {
			continue
		}
		for _, p := range people {
			c.emitAt(c.args[p].Ent, pred, ev, "inverted-charge/v1", 0.6, nil, i)
		}
	}
}

// invertedVerbs open a sentence that names the people charged last.
var invertedVerbs = setOf("charged", "indicted", "accused", "arrested", "named", "convicted", "sentenced", "jailed", "detained")

// ordinalWords count defendants: "a second defendant".
var ordinalWords = setOf("second", "third", "fourth", "fifth", "sixth", "another", "fellow")
