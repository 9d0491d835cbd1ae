package extract

import (
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// trigger is a verb or phrase that states a relation between the subject
// before it and an object after it.
type trigger struct {
	words   []string
	pred    graph.Predicate
	obj     []graph.Type    // the object's types
	subj    []graph.Type    // the subject's types (default person)
	window  int             // how many tokens after the phrase the object may start
	passive bool            // "killed by X": the object is the doer
	prep    map[string]bool // the object must follow one of these words
	rule    string
}

var (
	per    = []graph.Type{graph.Person}
	org    = []graph.Type{graph.Organization}
	place  = []graph.Type{graph.Place}
	event  = []graph.Type{graph.Event}
	perOrg = []graph.Type{graph.Person, graph.Organization}
)

func triggers(pred graph.Predicate, obj, subj []graph.Type, window int, rule string, phrases ...string) []trigger {
	var out []trigger
	for _, p := range phrases {
		out = append(out, trigger{words: strings.Fields(p), pred: pred, obj: obj, subj: subj, window: window, rule: rule})
	}
	return out
}

// triggerTable lists every verb pattern, indexed by its first word.
var triggerTable = func() map[string][]trigger {
	var all []trigger
	add := func(ts []trigger) { all = append(all, ts...) }
	add(triggers(graph.TravelledTo, place, per, 5, "travel/v1", "flew to", "flew into", "flown to", "flies to", "fly to", "flying to",
		"arrived in", "arrived at", "arrives in", "arriving in", "arrive in", "visited", "visiting", "visits", "went to",
		"gone to", "came to", "come to", "coming to", "returned to", "returning to", "return to", "back in", "back to",
		"travelled to", "traveled to", "travelling to", "traveling to", "headed to", "heading to", "headed for",
		"left for", "fled to", "fled into", "fled across", "escaped to", "escaped into", "escaped across", "crossed into", "moved to", "while in", "be in", "waiting at",
		"inside", "leaves", "leaving", "via", "reports from", "reporting from", "reported from", "through", "route back to", "landed in", "landed at"))
	talks := triggers(graph.Met, perOrg, perOrg, 10, "meet/v1", "held talks", "holds talks", "hold talks", "met")
	for i := range talks {
		talks[i].prep = setOf("with")
	}
	add(talks)
	// "met X in Lima" says where a meeting was, not that anyone travelled
	// there (one may live there); "held talks in Cairo" keeps the corpus's
	// reading of a visit.
	joinedAt := triggers(graph.TravelledTo, place, per, 10, "travel-at/v1", "joined", "waiting", "gathered", "seen", "spotted",
		"held talks", "holds talks", "spoke", "speaking")
	for i := range joinedAt {
		joinedAt[i].prep = setOf("at", "in")
	}
	add(joinedAt)
	add(triggers(graph.TravelledTo, place, per, 2, "travel/v1", "as far as", "flight to", "trip to", "journey to"))
	add(triggers(graph.Accompanied, per, per, 3, "accompany/v1", "accompanied", "accompanying", "accompanies",
		"traveling with", "travelling with", "travelled with", "traveled with", "went with", "fled with", "flew with",
		"together with", "along with"))
	add(triggers(graph.DefectedFrom, org, per, 8, "defect/v1", "defected", "defect", "defects", "defecting", "deserted",
		"deserting", "desert", "quit", "quits", "quitting", "resigned", "resigns", "resign", "abandon", "abandoned",
		"abandoning", "broke with", "turned against", "defection", "turn their backs on", "turned his back on"))
	add(triggers(graph.Accused, per, perOrg, 4, "accuse/v1", "accused", "accuses", "accusing", "denounced",
		"denounces", "denouncing", "blamed", "blames", "indicted", "condemned", "warrant for", "warrants for",
		"warrant of arrest against", "charges against", "criticised", "criticized", "wanted"))
	add(triggers(graph.AccusedOf, event, per, 8, "accused-of/v1", "accused of", "implicated in", "suspected of",
		"charged with", "charged over", "wanted in connection with", "wanted over", "wanted for", "questioning about",
		"questioned about", "questioned over", "in relation to", "responsibility for", "indicted for", "indicted on",
		"carried out", "role in", "behind the", "ordered", "ordering", "suspected in", "suspects in", "suspect in",
		"charged in", "charged in connection with", "arrested over", "arrested in connection with", "detained over",
		"detained in connection with", "held over", "held in connection with", "questioned in connection with",
		"accused over", "accused in", "wanted in", "was tried for", "were tried for", "be tried for", "been tried for", "being tried for", "stand trial for", "stands trial for",
		"stood trial for", "standing trial for", "on trial for", "on trial over", "face trial for", "faces trial for",
		"facing trial for", "prosecuted for", "prosecuted over", "arraigned on", "arraigned for"))
	add(triggers(graph.ConvictedOf, event, per, 8, "convicted/v1", "convicted of", "found guilty of", "jailed for",
		"jailed over", "sentenced for", "guilty of", "convicted for", "convicted over", "convicted in",
		"convicted in connection with", "sentenced over", "sentenced in", "found guilty over", "found guilty in",
		"jailed in connection with", "guilty over", "guilty in"))
	add(triggers(graph.HeldAt, place, per, 3, "held/v1", "held at", "held in", "being held", "staying at", "detained at",
		"detained in", "kept at", "imprisoned in", "jailed in", "custody at", "custody in"))
	// "X was arrested in Y": where X was taken into custody (passive only:
	// "police arrested X in Y" names the arrester first).
	add(triggers(graph.HeldAt, place, per, 1, "arrested-in/v1", "arrested in", "arrested at", "captured in", "caught in"))
	add(triggers(graph.LivesIn, place, per, 5, "lives/v1", "living in", "lives in", "lived in", "live in",
		"native of", "resident of", "grew up in", "living in exile in", "born in", "hails from", "is from", "was from"))
	add(triggers(graph.Killed, per, perOrg, 3, "kill/v1", "killed", "murdered", "assassinated", "shot dead", "kills", "executed",
		"killing", "murdering", "assassinating", "shot and killed", "fatally shot", "shot to death", "gunned down",
		"stabbed to death", "beaten to death", "slain", "slew"))
	add(triggers(graph.Ordered, per, per, 12, "order/v1", "ordered", "orders", "instructed"))
	add(triggers(graph.VictimOf, event, per, 4, "victim-of/v1", "victim of", "victims of"))
	add(triggers(graph.Negotiated, []graph.Type{graph.Event, graph.Organization}, per, 6, "negotiate/v1", "negotiated",
		"brokered", "brokering", "negotiating", "negotiate", "secure", "secured", "securing", "struck", "clinched"))
	add(triggers(graph.Met, perOrg, perOrg, 12, "meet/v1", "met", "meets", "meeting with", "met with", "talks with",
		"in contact with", "contact with", "spoke to", "spoken to", "spoke with", "interviewed", "joined",
		"talking to", "talked to", "talks to", "meeting", "conferred with", "confers with", "conferring with", "consulted with"))
	add(triggers(graph.Met, perOrg, perOrg, 1, "meet/v1", "told", "tells"))
	add(triggers(graph.MemberOf, org, per, 5, "member/v1", "joined", "served as", "serves as", "works for", "worked for",
		"heads", "headed", "leads", "led", "chairs", "chaired", "member of", "elected to", "appointed to", "president of", "from the",
		"stepped down from", "head of", "chief of", "spokesman for", "representative of", "works at", "worked at",
		"edited", "edits", "editor of", "worked as", "works as", "working for", "employed by", "controlled by",
		"owned by", "run by", "founded by"))
	add(triggers(graph.Advised, per, per, 3, "advise/v1", "assisting", "assisted", "assists", "advising", "advises",
		"advised", "aide to", "adviser to", "advisor to"))
	m := map[string][]trigger{}
	for _, t := range all {
		m[t.words[0]] = append(m[t.words[0]], t)
	}
	return m
}()

// verbs reads relations stated by verbs and their nominalizations.
func (c *clause) verbs() {
	c.postAtBody()
	c.onOrders()
	c.namedDeeds()
	c.pairMet()
	for i := range c.toks {
		ts, ok := triggerTable[c.toks[i].Lower]
		if !ok || c.at[i] >= 0 {
			continue
		}
		for _, t := range ts {
			if c.match(i, t.words...) {
				c.fire(t, i, i+len(t.words))
				continue
			}
			// "was charged on Tuesday with", "was arrested last week in": a
			// date between a verb and its preposition.
			if len(t.words) == 2 && (t.pred == graph.AccusedOf || t.pred == graph.ConvictedOf || t.pred == graph.HeldAt) {
				if d := c.dateAt(i + 1); d > 0 && c.match(i+1+d, t.words[1]) {
					c.fire(t, i, i+2+d)
				}
			}
		}
	}
}

// dateAt returns how many tokens a short date adverbial at token i spans
// ("on Tuesday", "on June 4", "last week", "yesterday"), or 0.
func (c *clause) dateAt(i int) int {
	if i >= len(c.toks) || c.at[i] >= 0 {
		return 0
	}
	switch w := c.toks[i].Lower; w {
	case "yesterday", "today":
		return 1
	case "last", "on":
		if i+1 >= len(c.toks) || c.at[i+1] >= 0 {
			return 0
		}
		n := c.toks[i+1].Lower
		if weekdays[n] && i+2 < len(c.toks) && dayParts[c.toks[i+2].Lower] {
			return 3 // "on Wednesday night"
		}
		if weekdays[n] || w == "last" && (n == "week" || n == "month" || n == "year" || n == "night") {
			return 2
		}
		if w == "on" && months[n] > 0 && i+2 < len(c.toks) {
			if _, err := strconv.Atoi(c.toks[i+2].Lower); err == nil {
				return 3
			}
		}
	}
	return 0
}

// dayParts follow a weekday in a date: "on Wednesday night".
var dayParts = setOf("morning", "afternoon", "evening", "night")

// fire applies trigger t found at tokens [v, e).
func (c *clause) fire(t trigger, v, e int) {
	subjTypes := t.subj
	if subjTypes == nil {
		subjTypes = per
	}
	switch t.pred {
	case graph.Killed:
		c.fireKilled(t, v, e)
		return
	case graph.DefectedFrom:
		c.fireDefected(t, v, e)
		return
	case graph.Ordered:
		c.fireOrdered(t, v, e)
		return
	case graph.Accompanied:
		c.fireAccompanied(t, v, e)
		return
	case graph.ConvictedOf, graph.AccusedOf:
		// "the only man convicted of the bombing, Abdelbaset al-Megrahi";
		// "the two women believed to have carried out the killing, X and Y".
		if o := c.objectAfter(e, t); o >= 0 {
			x := c.args[o]
			if x.T1+1 < len(c.toks) && c.toks[x.T1].Lower == "," {
				if s := c.argAfter(x.T1+1, 2); s >= 0 && c.typ(s) == graph.Person {
					for _, p := range c.coordinated(s) {
						c.emitAt(c.args[p].Ent, t.pred, x.Ent, t.rule, 0.75, nil, v)
						if t.words[0] == "carried" {
							if victim := c.r.Entities[x.Ent].Victim; victim >= 0 {
								c.emitAt(c.args[p].Ent, graph.Killed, victim, t.rule, 0.7, nil, v)
							}
						}
					}
					return
				}
			}
		}
	}
	// "a firm controlled by X": the trigger ends in "by"; read it as "headed by".
	if t.pred == graph.MemberOf && t.words[len(t.words)-1] == "by" && t.words[0] != "employed" {
		e--
	}
	// Passive "wanted by X", "headed by X".
	if e < len(c.toks) && c.toks[e].Lower == "by" && (t.pred == graph.MemberOf || t.pred == graph.Accused) {
		doer := c.argAfter(e+1, 3)
		// "controlled by his son, Daniel Okoro": the person the kin noun names.
		if c.match(e+3, ",") && (c.match(e+1, "his") || c.match(e+1, "her") || c.match(e+1, "their")) && kinNouns[c.toks[e+2].Lower] {
			if n := c.argAfter(e+4, 1); n >= 0 && c.typ(n) == graph.Person && c.args[n].T0 == e+4 {
				doer = n
			}
		}
		if doer < 0 {
			return
		}
		// "headed by Col Gaddafi's son Seif al-Islam".
		if x := c.args[doer]; x.T1 < len(c.toks) && isPossessive(c.toks[x.T1]) {
			if n := c.argAfter(x.T1+1, 4); n >= 0 && c.typ(n) == graph.Person {
				doer = n
			}
		}

		before := c.argBefore(v-1, graph.Organization, graph.Person)
		if before < 0 {
			return
		}
		if t.pred == graph.MemberOf && c.typ(doer) == graph.Person && c.typ(before) == graph.Organization {
			c.emitAt(c.args[doer].Ent, graph.MemberOf, c.args[before].Ent, t.rule, 0.7, nil, v)
		}
		if t.pred == graph.Accused && c.typ(before) == graph.Person {
			c.emitAt(c.args[doer].Ent, graph.Accused, c.args[before].Ent, t.rule, 0.7, nil, v)
		}
		return
	}
	if t.pred == graph.Met && t.words[0] == "meeting" && c.match(e, "of") {
		return // "flew in for a meeting of the OAU": attending, not meeting the body
	}
	if t.rule == "arrested-in/v1" && (v == 0 || !passiveAux[c.toks[v-1].Lower]) {
		return
	}
	if t.pred == graph.TravelledTo && c.intended(v) {
		return // "tried to board a ferry to X", "planned to fly to X": no journey yet
	}
	if t.words[0] == "from" && !c.belongsFrom(v) {
		return // "bribes from the firm X": what came from it, not who
	}
	subj := c.subjectOf(v, subjTypes...)
	if subj < 0 {
		return
	}
	if t.pred == graph.VictimOf && c.objectAfter(e, t) < 0 {
		// "X was a victim of the Rio Blanco disappearances": a deed named
		// by a lower-case head after a name.
		if ev := c.commonEvent(e); ev >= 0 {
			for _, s := range c.coordinatedBefore(subj) {
				c.emitAt(c.args[s].Ent, graph.VictimOf, ev, t.rule, 0.6, nil, v)
			}
		}
		return
	}
	if (t.pred == graph.ConvictedOf || t.pred == graph.AccusedOf) && c.objectAfter(e, t) < 0 {
		ev := -1
		if t.words[len(t.words)-1] == "of" {
			// "convicted of paying bribes to Petrobras officials": a deed, not
			// an event; the event named after someone the deed involves.
			ev = c.eventOfDeed(e)
		}
		if ev < 0 && (accusationWords[t.words[0]] || t.words[0] == "role" && c.chargedBefore(v)) {
			// "accused of fraud in a financial scheme": an event named by
			// a lower-case noun phrase.
			ev = c.commonEvent(e)
		}
		if ev >= 0 {
			if h := c.relativeSubject(v); h >= 0 {
				subj = h // "Y, who helped run Trump's campaign, was accused": Y, not Trump
			}
			for _, s := range c.coordinatedBefore(subj) {
				c.emitAt(c.args[s].Ent, t.pred, ev, t.rule, 0.6, nil, v)
			}
		}
		if ev >= 0 || t.words[len(t.words)-1] == "of" {
			return
		}
	}
	// Speech that accuses: "X claimed Y had ordered ..." is handled by claimsOf.
	o := c.objectAfter(e, t)
	if o < 0 {
		return
	}
	objs := c.coordinated(o)
	if t.pred == graph.HeldAt {
		objs = objs[:1] // "held in Vernonburg, Ga.": the town, not its state
	}
	if t.pred == graph.LivesIn || t.pred == graph.TravelledTo {
		objs = c.withoutContainers(objs) // "born in Oologah, Okla.": the town; the state holds it
	}
	if t.pred == graph.TravelledTo && c.typ(subj) == graph.Person {
		c.companionAfter(subj, c.args[objs[len(objs)-1]].T1, v)
	}
	for _, s := range c.coordinatedBefore(subj) {
		for _, ob := range objs {
			if c.args[s].Ent == c.args[ob].Ent {
				continue
			}
			p := t.pred
			if p == graph.AccusedOf && (t.words[0] == "ordered" || t.words[0] == "ordering" || t.words[0] == "carried") {
				// "X ordered the bombing" is an accusation only when someone claims it.
				if c.ctx.status == graph.Stated && c.ctx.by == "" && !c.claimedBefore(v) {
					continue
				}
			}
			if p == graph.Met && c.typ(ob) == graph.Organization && t.words[0] == "joined" {
				continue
			}
			c.emitAt(c.args[s].Ent, p, c.args[ob].Ent, t.rule, 0.7, nil, v)
		}
	}
}

// withoutContainers drops from a list of places each one written right
// after a comma as the region or country of the place before it
// ("Oologah, Okla.", "Shanghai, China"): the person's place is the inner
// one, and the chain says where that lies.
func (c *clause) withoutContainers(objs []int) []int {
	out := objs[:1:1]
	for i := 1; i < len(objs); i++ {
		a, b := c.args[objs[i-1]], c.args[objs[i]]
		if a.Type == graph.Place && b.Type == graph.Place && c.match(a.T1, ",") && b.T0 == a.T1+1 {
			outer, inner := c.r.placeKind(b.Ent), c.r.placeKind(a.Ent)
			if (outer == "country" || outer == "region") && inner != "country" && !(inner == "region" && outer == "region") {
				continue
			}
		}
		out = append(out, objs[i])
	}
	return out
}

// intentionVerbs before "to" make the journey that follows a plan, not a fact.
var intentionVerbs = setOf("tried", "trying", "tries", "attempted", "attempting", "planned", "planning", "plans",
	"plan", "intended", "intending", "intends", "hoped", "hoping", "hopes", "wanted", "wanting", "wants", "due",
	"expected", "sought", "seeking", "seeks", "preparing", "prepared", "about", "scheduled", "set", "aiming",
	"aimed", "going", "refused", "unable", "barred", "prevented", "stopped")

// intended reports whether the travel verb at v is the infinitive of a
// verb of intention: "planned to fly to X", "tried to return to X". An
// intention that governs something else ("expected to hold talks while in
// X") leaves the journey a fact.
//
// A journey's noun after a verb of boarding or booking counts as well:
// "prepared to board a flight to X", "was about to catch a plane to X".
func (c *clause) intended(v int) bool {
	if v >= 2 && c.toks[v-1].Lower == "to" && intentionVerbs[c.toks[v-2].Lower] {
		return true
	}
	if v >= 2 && c.toks[v-1].Lower == "from" && hinderVerbs[c.toks[v-2].Lower] {
		return true // "barred from travelling to X"
	}
	for k := v - 1; k >= 2 && k >= v-4; k-- {
		w := c.toks[k].Lower
		if c.at[k] >= 0 || w == "," || clauseBreak[w] {
			return false
		}
		if boardingVerbs[w] && c.toks[k-1].Lower == "to" && intentionVerbs[c.toks[k-2].Lower] {
			return true
		}
	}
	return false
}

// hinderVerbs before "from" keep the journey that follows from happening.
var hinderVerbs = setOf("barred", "banned", "prevented", "stopped", "blocked", "prohibited", "refrained", "kept", "discouraged")

// boardingVerbs take a journey's noun: "board a flight", "book a trip".
var boardingVerbs = setOf("board", "catch", "take", "book", "make", "begin", "start")

// belongsFrom reports whether "from the" at token v says where a person
// comes from ("X, also from the party", "officials from the government")
// rather than where something came from ("bribes from the firm").
func (c *clause) belongsFrom(v int) bool {
	if v == 0 {
		return false
	}
	p := c.toks[v-1]
	if c.at[v-1] >= 0 || p.Lower == "," || p.Lower == "also" || p.Lower == "is" || p.Lower == "was" || p.Lower == "are" || p.Lower == "were" {
		return true
	}
	return p.Word && !p.Cap && (roleNouns[p.Lower] || roleNouns[strings.TrimSuffix(p.Lower, "s")])
}

// claimedBefore reports whether a speech or claim verb comes before token v.
func (c *clause) claimedBefore(v int) bool {
	for k := 0; k < v; k++ {
		w := c.toks[k].Lower
		if w == "claimed" || w == "alleged" || w == "said" || w == "believed" || w == "accused" || w == "suspected" {
			return true
		}
	}
	return false
}

// objectAfter finds the first arg of the trigger's object types after token e.
func (c *clause) objectAfter(e int, t trigger) int {
	for k := e; k < len(c.toks) && k <= e+t.window; k++ {
		if a := c.at[k]; a >= 0 && (len(t.prep) == 0 || k > 0 && t.prep[c.toks[k-1].Lower] || k > 1 && t.prep[c.toks[k-2].Lower]) {
			x := c.args[a]
			// "Arab League chief Amr Moussa": the person the role introduces.
			if x.Type == graph.Organization && typeIn(graph.Person, t.obj) {
				j := x.T1
				for j < len(c.toks) && c.at[j] < 0 && roleKind(c.toks[j].Lower) != "" {
					j++
				}
				if j > x.T1 && j < len(c.toks) && c.at[j] >= 0 && c.typ(c.at[j]) == graph.Person {
					return c.at[j]
				}
			}
			// "Gaddafi's son Saif al-Islam": the person after the possessive.
			if x.T1 < len(c.toks) && isPossessive(c.toks[x.T1]) {
				if n := c.argAfter(x.T1+1, 4); n >= 0 && typeIn(c.typ(n), t.obj) {
					return n
				}
			}
			if x.Type == graph.Organization && typeIn(graph.Person, t.obj) {
				if p := c.holderAfterBody(e, a); p >= 0 {
					return p // "conferred with the Commissioner of the X Police, Mr. Y"
				}
			}
			if typeIn(x.Type, t.obj) {
				return a
			}
			// The regime's leader stands for the regime: "deserting Gaddafi".
			if t.pred == graph.DefectedFrom && x.Type == graph.Person {
				continue
			}
			if x.Type == graph.Person && t.pred != graph.AccusedOf && t.pred != graph.Ordered {
				return -1
			}
			if t.pred == graph.Accused && x.Type == graph.Organization {
				return -1 // "accused the CIA of kidnapping X": the body is accused, not X
			}
			k = x.T1 - 1
			continue
		}
		w := c.toks[k].Lower
		if w == ";" || w == "." || (w == "who" || w == "which" || w == "said" || w == "but") && k > e {
			return -1
		}
		if w == "," && typeIn(graph.Person, t.obj) {
			if p := c.namedAfterPost(e, k); p >= 0 {
				return p // "met its director of political affairs, Henrik Brandt"
			}
		}
		if (objectBarrier[w] || w == ",") && k > e && t.pred != graph.Ordered {
			return -1
		}

	}
	return -1
}

// holderAfterBody reads a verb's object written as a post of a body and
// then its holder: "conferred with the Commissioner of the Sambara Police
// Force, Mr. Henry Bako" met Bako, not the force. From token e to body arg
// a there must be only "the", a post (any case) and "of (the)"; the holder
// follows the body after a comma and is not the speaker of a report ("the
// head of X, Y said").
func (c *clause) holderAfterBody(e, a int) int {
	x := c.args[a]
	role := false
	for j := e; j < x.T0; j++ {
		w := c.toks[j].Lower
		switch {
		case c.at[j] >= 0:
			return -1
		case w == "the" || w == "of" || w == "a" || w == "its":
			continue
		case roleNouns[w] || memberNouns[w] || adviserNouns[w]:
			role = true
		case lowerModifiers[w]:
			continue
		default:
			return -1
		}
	}
	if !role || x.T0 == 0 || c.toks[x.T0-1].Lower != "of" && c.toks[x.T0-1].Lower != "the" {
		return -1
	}
	k := x.T1
	if k+1 >= len(c.toks) || c.toks[k].Lower != "," {
		return -1
	}
	return c.holderAt(k + 1)
}

// objectBarrier words end the search for an object: "in contact with
// officials about following X" has no named object.
var objectBarrier = setOf("about", "over", "following", "after", "before", "as", "than", "while", "because",
	"and", "since", "until", "despite", "against")

// coordinatedBefore returns the subject and the names joined to it before:
// "Manafort and Gates".
func (c *clause) coordinatedBefore(a int) []int {
	out := []int{a}
	x := c.args[a]
	k := x.T0 - 1
	for k > 0 && (c.toks[k].Lower == "and" || c.toks[k].Lower == ",") {
		p := c.at[k-1]
		if p < 0 && c.toks[k].Lower == "and" && c.toks[k-1].Lower == "," {
			// "X, who ran the port, and Y": the name before the relative clause.
			if h := c.beforeRelative(k - 1); h >= 0 && c.args[h].Type == x.Type && !c.args[h].Ref {
				out = append(out, h)
				k = c.args[h].T0 - 1
				continue
			}
		}
		if p < 0 && c.toks[k].Lower == "," && x.Type == graph.Person {
			// "X, the chairman of the firm, and its finance director, Y":
			// past Y's post and X's apposition.
			if h := c.beforePostAndApposition(k); h >= 0 {
				out = append(out, h)
				k = c.args[h].T0 - 1
				continue
			}
		}
		if p < 0 || c.args[p].Type != x.Type || c.args[p].Ref {
			break
		}
		// "X, Y and Z" only when the word before the comma list is not a verb's object.
		out = append(out, p)
		k = c.args[p].T0 - 1
		if c.toks[k+1].Lower == "," {
			break
		}
	}
	return out
}

func (c *clause) fireKilled(t trigger, v, e int) {
	if strings.HasSuffix(c.toks[v].Lower, "ing") {
		// A gerund takes its victim directly ("in killing Kennedy"); "the
		// killing of X" names an event instead.
		if c.match(e, "of") || v > 0 && determiners[c.toks[v-1].Lower] {
			return
		}
	}
	// "X was killed by Y", "X had been killed by Y"; "X was shot dead in
	// the yard by Y" (the agent after a place or time).
	by := e
	if passiveAux[c.toks[max(v-1, 0)].Lower] {
		by = c.agentAfter(e)
	}
	if by < len(c.toks) && c.toks[by].Lower == "by" {
		e = by
		killer := c.argAfter(e+1, 4)
		victim := c.subjectOf(v, graph.Person)
		if killer >= 0 && c.typ(killer) == graph.Person && c.namesGroup(killer) {
			killer = -1 // "killed by Mansour loyalists": the group did it
		}
		if killer >= 0 && victim >= 0 {
			c.emitAt(c.args[killer].Ent, graph.Killed, c.args[victim].Ent, t.rule, 0.8, nil, v)
		}
		return
	}
	passive := v > 0 && (c.toks[v-1].Lower == "been" || c.toks[v-1].Lower == "was" || c.toks[v-1].Lower == "were" || c.toks[v-1].Lower == "be")
	if passive {
		victim := c.subjectOf(v, graph.Person)
		// "Z was charged with the murder of X, the clerk who was shot in
		// Y": a relative clause about a victim whose killing has no event
		// of its own reads as the event named before.
		relative := v >= 2 && c.toks[v-2].Lower == "who" || v >= 3 && c.toks[v-3].Lower == "who"
		if victim < 0 || relative && c.r.eventOfVictim(c.args[victim].Ent) < 0 {
			// "the killing of X, a union leader who was shot dead in Y":
			// the victim is named inside the event before the verb.
			if a := c.argBefore(v-1, graph.Event); a >= 0 && c.r.Entities[c.args[a].Ent].Victim >= 0 {
				if pl := c.placeOfDeed(e); pl >= 0 {
					c.emitAt(c.args[a].Ent, graph.OccurredIn, c.args[pl].Ent, "killing-place/v1", 0.7, nil, v)
				}
			}
			return
		}
		for _, vv := range c.coordinatedBefore(victim) {
			if ev := c.r.eventOfVictim(c.args[vv].Ent); ev >= 0 {
				c.emitAt(c.args[vv].Ent, graph.VictimOf, ev, "victim-passive/v1", 0.7, nil, v)
				// "X, who was shot dead outside her home in Montevideo":
				// where the killing the article names happened.
				if pl := c.placeOfDeed(e); pl >= 0 {
					c.emitAt(ev, graph.OccurredIn, c.args[pl].Ent, "killing-place/v1", 0.7, nil, v)
				}
			}
		}
		// Those killed together with the victim share the event: "X was
		// killed together with two of his friends, generals Y and Z". The
		// killing is the one the article names, else one implied by the
		// sentence and named after the first victim.
		if c.match(e, "together", "with") || c.match(e, "along", "with") {
			ev := c.r.eventOfVictim(c.args[victim].Ent)
			if ev < 0 && !c.args[victim].Ref {
				ev = c.r.impliedKilling(c.args[victim].Ent)
				c.emitAt(c.args[victim].Ent, graph.VictimOf, ev, "victim-passive/v1", 0.6, nil, v)
			}
			for _, a := range c.listAfter(e + 2) {
				c.emitAt(c.args[a].Ent, graph.VictimOf, ev, "victim-together/v1", 0.6, nil, v)
			}
		}
		return
	}
	killer := c.subjectOf(v, graph.Person, graph.Organization)
	victim := c.argAfter(e, 3)
	if killer >= 0 && victim >= 0 && c.typ(victim) == graph.Person {
		c.emitAt(c.args[killer].Ent, graph.Killed, c.args[victim].Ent, t.rule, 0.75, nil, v)
	}
}

// agentAfter returns the token of "by" that introduces a passive verb's
// agent after a short place or time phrase ending at token e ("shot dead in
// the barracks yard by Y"), or e when there is none. A comma, a clause word
// or a person or body before it ends the search.
func (c *clause) agentAfter(e int) int {
	for k := e; k < len(c.toks) && k < e+8; k++ {
		w := c.toks[k].Lower
		if w == "by" {
			return k
		}
		if w == "," || w == "." || w == ";" || clauseBreak[w] || w == "and" {
			break
		}
		if a := c.at[k]; a >= 0 && c.typ(a) != graph.Place {
			break
		}
	}
	return e
}

// eventOfDeed reads a deed written as a gerund phrase from token e on
// ("paying bribes to Petrobras officials") and returns the event the
// article names after a body, place or person the phrase names (the
// "Petrobras scandal"), else the one case the article is about ("found
// guilty of arranging the payments" in a story of one bribery case), or -1.
func (c *clause) eventOfDeed(e int) int {
	if e >= len(c.toks) || !strings.HasSuffix(c.toks[e].Lower, "ing") || c.at[e] >= 0 {
		return -1
	}
	for k := e + 1; k < len(c.toks) && k < e+14; k++ {
		w := c.toks[k].Lower
		if w == "." || w == ";" || clauseBreak[w] {
			return c.r.soleCase(c.si)
		}
		a := c.at[k]
		if a < 0 || c.args[a].Ref || c.typ(a) == graph.Event {
			continue
		}
		if ev := c.r.eventNamedAfter(c.args[a].Ent); ev >= 0 {
			return ev
		}
		k = c.args[a].T1 - 1
	}
	return c.r.soleCase(c.si)
}

// caseHeads end the name of a wrongdoing a story may be about as a whole:
// "the Calder Mills fraud", "the World Relays bribery case".
var caseHeads = setOf("scandal", "affair", "case", "fraud", "scheme", "racket", "swindle", "embezzlement", "plot",
	"conspiracy")

// soleCase returns the one event named by the sentences up to si whose
// head is a case of wrongdoing, when the article names exactly one such
// event, else -1. A deed charged with no name of its own ("convicted of
// arranging the payments", "charged with conspiracy to defraud") is part
// of it.
func (r *related) soleCase(si int) int {
	return r.soleEventOf(si, caseHeads)
}

// soleEventOf returns the one event named by the sentences up to si whose
// head is one of heads, when the article names exactly one; else -1.
func (r *related) soleEventOf(si int, heads map[string]bool) int {
	found := -1
	for i, e := range r.Entities {
		if e.Type != graph.Event {
			continue
		}
		w := strings.Fields(strings.ToLower(e.Name))
		if len(w) < 2 || !heads[w[len(w)-1]] {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	if found < 0 {
		return -1
	}
	if s, ok := r.commonEvents[found]; ok && s <= si {
		return found
	}
	for _, mi := range r.Entities[found].Mentions {
		if r.Mentions[mi].Sent <= si {
			return found
		}
	}
	return -1
}

// eventNamedAfter returns the event whose name has entity x's name before
// its head ("Petrobras scandal" for Petrobras), when exactly one has. An
// inquiry into a deed is not the deed, and is left out.
func (r *related) eventNamedAfter(x int) int {
	found := -1
	for i, e := range r.Entities {
		if e.Type != graph.Event || i == x {
			continue
		}
		for _, mi := range e.Mentions {
			m := r.Mentions[mi]
			if m.Modifier == "" || m.Head == "" || inquiryHeads[m.Head] {
				continue
			}
			for f := range r.Entities[x].Forms {
				// "Brazil Petrobras scandal" is named after Petrobras too.
				if m.Modifier == f || strings.HasSuffix(m.Modifier, " "+f) {
					if found >= 0 && found != i {
						return -1
					}
					found = i
				}
			}
		}
	}
	return found
}

// inquiryHeads name the looking into a deed, never the deed itself.
var inquiryHeads = setOf("inquiry", "probe", "investigation", "trial", "hearing", "case", "review", "commission")

// placeOfDeed returns the place a verb ending at token e says its deed
// happened in ("shot dead outside her home in Montevideo", "killed at
// Tarsus airport"), within its clause, or -1.
func (c *clause) placeOfDeed(e int) int {
	for k := e; k < len(c.toks) && k < e+8; k++ {
		if a := c.at[k]; a >= 0 {
			x := c.args[a]
			if x.Type == graph.Place && !x.Ref && x.T0 > 0 && deedPlacePreps[c.toks[x.T0-1].Lower] {
				return a
			}
			return -1
		}
		w := c.toks[k].Lower
		if w == "," || w == "." || w == ";" || w == "and" || clauseBreak[w] || w == "by" || w == "from" || w == "to" {
			return -1
		}
	}
	return -1
}

// deedPlacePreps put the place a deed happened in after its verb.
var deedPlacePreps = setOf("in", "at", "near", "outside", "inside", "on")

// listAfter returns the people a list starting near token i names: "two of
// his friends, generals Y and Z" gives Y and Z. The list ends at the
// first comma after its "and", so a following subject is left out.
func (c *clause) listAfter(i int) []int {
	var out []int
	and := false
	for k := i; k < len(c.toks) && k < i+16; k++ {
		if a := c.at[k]; a >= 0 {
			if c.typ(a) == graph.Person && !c.args[a].Ref {
				out = append(out, a)
			}
			k = c.args[a].T1 - 1
			continue
		}
		w := c.toks[k].Lower
		switch {
		case w == "and":
			and = true
		case w == "," && and, w == "." || w == ";" || w == "said" || w == "has" || w == "have" || w == "had":
			return out
		}
	}
	return out
}

// impliedKilling returns the event of person p's killing, adding one
// named "killing of P" when the article names none.
func (r *related) impliedKilling(p int) int {
	if ev := r.eventOfVictim(p); ev >= 0 {
		return ev
	}
	return r.addEvent("killing of "+r.Entities[p].Name, p)
}

// addEvent adds an event the text implies but no mention names, with the
// victim p (-1 for none) and an id no entity of the article has, and
// returns its index.
func (r *related) addEvent(name string, p int) int {
	ent := &entity{Type: graph.Event, Forms: map[string]int{name: 1}, first: map[string]int{}, Aliases: map[string]bool{name: true},
		Attrs: map[string]string{}, Victim: p, Name: name}
	ent.ID = graph.Slug(name)
	for n := 2; r.idUsed(ent.ID); n++ {
		ent.ID = graph.ID(string(graph.Slug(name)) + "-" + strconv.Itoa(n))
	}
	r.Entities = append(r.Entities, ent)
	return len(r.Entities) - 1
}

// idUsed reports whether an entity of the article has the id.
func (r *related) idUsed(id graph.ID) bool {
	for _, e := range r.Entities {
		if e.ID == id {
			return true
		}
	}
	return false
}

// namesGroup reports whether person arg a only qualifies a group: "pro-X
// forces", "X loyalists", "X's supporters".
func (c *clause) namesGroup(a int) bool {
	x := c.args[a]
	if x.T0 > 0 {
		p := c.toks[x.T0-1].Lower
		if p == "pro" || p == "anti" || strings.HasPrefix(p, "pro-") || strings.HasPrefix(p, "anti-") || strings.HasSuffix(p, "-") {
			return true
		}
		if x.T0 > 1 && (p == "-" || isQuote(p)) && (c.toks[x.T0-2].Lower == "pro" || c.toks[x.T0-2].Lower == "anti" || strings.HasSuffix(c.toks[x.T0-2].Lower, "pro-")) {
			return true
		}
	}
	k := x.T1
	if k < len(c.toks) && (isPossessive(c.toks[k]) || isQuote(c.toks[k].Lower)) {
		k++
	}
	return k < len(c.toks) && groupNouns[c.toks[k].Lower]
}

// groupNouns name the armed or political followers of a person.
var groupNouns = setOf("forces", "loyalists", "militias", "militia", "fighters", "supporters", "troops",
	"gunmen", "soldiers", "men", "agents", "followers", "guards", "henchmen", "militiamen", "rebels")

// eventOfVictim returns the event named by its victim, or -1.
func (r *related) eventOfVictim(p int) int {
	for i, e := range r.Entities {
		if e.Type == graph.Event && e.Victim == p {
			return i
		}
	}
	return -1
}

func (c *clause) fireDefected(t trigger, v, e int) {
	w := c.toks[v].Lower
	var subj int
	switch {
	case w == "defection" && c.match(e, "of"):
		subj = c.argAfter(e+1, 3)
		if subj >= 0 && c.typ(subj) != graph.Person {
			subj = -1
		}
		if subj < 0 {
			// "the defection of foreign minister and regime stalwart X":
			// the person a run of role words describes.
			subj = c.describedPerson(e + 1)
		}
	case w == "defection":
		subj = -1
		if v >= 2 && isPossessive(c.toks[v-1]) {
			if a := c.at[v-2]; a >= 0 && c.typ(a) == graph.Person && !c.args[a].Ref {
				subj = a
			}
		}
	default:
		subj = c.subjectOf(v, graph.Person)
		if v > 0 && c.toks[v-1].Lower == "to" && subj >= 0 && c.args[subj].T1 < v-4 {
			subj = -1 // "officials ... to defect": someone else's plan
		}
	}
	if subj < 0 || c.typ(subj) != graph.Person {
		return
	}
	obj := -1
	if o := c.objectAfter(e, t); o >= 0 && c.typ(o) == graph.Organization {
		obj = c.args[o].Ent
	}
	if obj < 0 {
		// "deserting Gaddafi": the regime he leads.
		if a := c.argAfter(e, 2); a >= 0 && c.typ(a) == graph.Person && c.r.leads(c.args[a].Ent) {
			obj = c.r.regime()
		}
	}
	if obj < 0 && w != "defection" {
		// An intransitive "resigned", "defected": from the regime when there is one.
		obj = c.r.regime()
	}
	if obj < 0 && w == "defection" {
		obj = c.r.regime()
	}
	if obj >= 0 {
		c.emitAt(c.args[subj].Ent, graph.DefectedFrom, obj, t.rule, 0.7, nil, v)
	}
}

// leads reports whether person p gives the regime its name.
func (r *related) leads(p int) bool {
	reg := r.regime()
	if reg < 0 {
		return false
	}
	for _, mi := range r.Entities[reg].Mentions {
		if pe := personEntity(&r.resolved, r.Mentions[mi].Modifier); pe == p {
			return true
		}
	}
	return false
}

func (c *clause) fireOrdered(t trigger, v, e int) {
	subj := c.subjectOf(v, graph.Person)
	if subj < 0 {
		return
	}
	// "ordered X to ...": the person before the "to".
	for k := e; k < len(c.toks) && k < e+14; k++ {
		if c.toks[k].Lower == "to" && k > e {
			for j := k - 1; j >= e; j-- {
				if a := c.at[j]; a >= 0 && c.typ(a) == graph.Person {
					c.emitAt(c.args[subj].Ent, graph.Ordered, c.args[a].Ent, t.rule, 0.7, nil, v)
					return
				}
			}
			return
		}
		if c.toks[k].Lower == "." || c.toks[k].Lower == ";" {
			return
		}
	}
}

// fireAccompanied reads "X, who accompanied Y as far as Z": X accompanied
// Y, and both travelled to Z.
func (c *clause) fireAccompanied(t trigger, v, e int) {
	subj := c.subjectOf(v, graph.Person)
	if subj < 0 {
		return
	}
	if v > 0 && passiveAux[c.toks[v-1].Lower] && strings.HasSuffix(c.toks[v].Lower, "ed") {
		c.accompaniedBy(subj, v, e)
		return
	}
	if (t.words[0] == "together" || t.words[0] == "along") && c.killedBefore(v) {
		return // "killed together with Y" shares a death, not a journey
	}
	if t.words[0] == "together" || t.words[0] == "along" {
		if pl := c.heldPlaceBefore(v); pl >= 0 {
			// "X is being held at Y, ..., together with his brother, Z":
			// Z is held there too; nobody travelled.
			o := c.objectAfter(e, t)
			if o < 0 {
				o = c.describedCompanion(e)
			}
			if o >= 0 && c.args[o].Ent != c.args[subj].Ent {
				c.emitAt(c.args[o].Ent, graph.HeldAt, c.args[pl].Ent, "held-together/v1", 0.65, nil, v)
			}
			return
		}
	}
	o := c.objectAfter(e, t)
	if o < 0 {
		o = c.describedCompanion(e)
	}
	if o < 0 || c.args[o].Ent == c.args[subj].Ent {
		return
	}
	c.emitAt(c.args[subj].Ent, graph.Accompanied, c.args[o].Ent, t.rule, 0.8, nil, v)
	c.travelledTogether(subj, o, c.args[o].T1, v)
}

// companionAfter reads a companion after a journey's destination: "fled
// into Ivory Coast with his wife, Mrs. Grace Brew", "flew to Rome with Y":
// the companion accompanied the traveller.
func (c *clause) companionAfter(subj, end, v int) {
	k := end
	if d := c.dateAt(k); d > 0 {
		k += d
	}
	if !c.match(k, "with") {
		return
	}
	o := c.describedCompanion(k + 1)
	if o < 0 {
		if a := c.argAfter(k+1, 1); a >= 0 && c.typ(a) == graph.Person && c.args[a].T0 == k+1 && !c.args[a].Ref {
			o = a
		}
	}
	if o < 0 || c.args[o].Ent == c.args[subj].Ent {
		return
	}
	c.emitAt(c.args[o].Ent, graph.Accompanied, c.args[subj].Ent, "accompany-with/v1", 0.7, nil, v)
}

// pairMet reads "X recruited Y ... and the two men met in Istanbul": a
// pair named by a noun meets, when the sentence has named exactly two
// people before it.
func (c *clause) pairMet() {
	for i := 2; i < len(c.toks); i++ {
		w := c.toks[i].Lower
		if w != "met" && w != "meet" {
			continue
		}
		start := -1
		switch {
		case i >= 3 && c.match(i-3, "the", "two") && pairNouns[c.toks[i-1].Lower]:
			start = i - 3
		case c.match(i-2, "both") && pairNouns[c.toks[i-1].Lower]:
			start = i - 2
		case c.match(i-2, "the", "pair") || c.match(i-2, "the", "two"):
			start = i - 2
		}
		if start < 0 {
			continue
		}
		var people []int
		for _, a := range c.args {
			if a.T1 > start || a.Type != graph.Person || a.Ref {
				continue
			}
			seen := false
			for _, p := range people {
				seen = seen || p == a.Ent
			}
			if !seen {
				people = append(people, a.Ent)
			}
		}
		if len(people) == 2 {
			c.emitAt(people[0], graph.Met, people[1], "pair-met/v1", 0.6, nil, i)
		}
	}
}

// pairNouns name two people together: "the two men".
var pairNouns = setOf("men", "women", "brothers", "sisters", "officials", "leaders", "suspects", "defendants", "ministers")

// heldPlaceBefore returns the place of a verb of custody earlier in the
// sentence ("is being held at Fort Magnus, ..., together with"), or -1.
func (c *clause) heldPlaceBefore(v int) int {
	for k := v - 1; k >= 0; k-- {
		w := c.toks[k].Lower
		if w == ";" || w == "." {
			return -1
		}
		if custodyWords[w] && k+1 < len(c.toks) && (c.toks[k+1].Lower == "at" || c.toks[k+1].Lower == "in") {
			if pl := c.argAfter(k+2, 2); pl >= 0 && c.typ(pl) == graph.Place && c.args[pl].T1 <= v {
				return pl
			}
			return -1
		}
	}
	return -1
}

// custodyWords keep a person somewhere: "held at", "detained in".
var custodyWords = setOf("held", "detained", "jailed", "imprisoned", "kept", "interned", "confined")

// onOrders reads "X did something on the orders of Y" (also "on Y's
// orders", "acting on orders from Y"): Y ordered X. The orderer may be
// written as a relative and then named ("on the orders of his father, Z").
// X is the subject: the person named last before the phrase who is no
// preposition's object ("he handed the money to Park ... on the orders of").
func (c *clause) onOrders() {
	for i := 0; i+2 < len(c.toks); i++ {
		if c.toks[i].Lower != "on" && c.toks[i].Lower != "under" && c.toks[i].Lower != "at" {
			continue
		}
		k := i + 1
		if c.match(k, "the") {
			k++
		}
		if !c.match(k, "orders") && !c.match(k, "order") && !c.match(k, "instructions") {
			continue
		}
		if !c.match(k+1, "of") && !c.match(k+1, "from") {
			continue
		}
		by := c.describedPerson(k + 2)
		if by < 0 {
			if a := c.argAfter(k+2, 1); a >= 0 && c.typ(a) == graph.Person {
				by = a
			}
		}
		// "his father, Z": the name after the kin noun's comma.
		if by < 0 && (c.match(k+2, "his") || c.match(k+2, "her")) && k+5 < len(c.toks) && c.toks[k+4].Lower == "," {
			if a := c.at[k+5]; a >= 0 && c.typ(a) == graph.Person && !c.args[a].Ref {
				by = a
			}
		}
		if by < 0 {
			continue
		}
		doer := c.pronounOwner(i, c.args[by].Ent)
		if doer < 0 || doer == c.args[by].Ent {
			continue
		}
		c.emitAt(c.args[by].Ent, graph.Ordered, doer, "on-orders/v1", 0.65, nil, i)
	}
}

// killedBefore reports whether a verb of killing stands just before token v.
func (c *clause) killedBefore(v int) bool {
	for k := v - 1; k >= 0 && k >= v-3; k-- {
		switch c.toks[k].Lower {
		case "killed", "murdered", "executed", "assassinated", "died", "dead":
			return true
		}
	}
	return false
}

// describedCompanion finds the person a companion phrase at token i names
// through a role: "with his wife, Galina Lebedeva", "with her lawyer X".
func (c *clause) describedCompanion(i int) int {
	k := i
	if k < len(c.toks) && (c.toks[k].Lower == "his" || c.toks[k].Lower == "her" || c.toks[k].Lower == "their") {
		k++
	}
	role := false
	for k < len(c.toks) && k < i+5 && c.at[k] < 0 && (roleKind(c.toks[k].Lower) != "" || lowerModifiers[c.toks[k].Lower]) {
		role = true
		k++
	}
	if !role {
		return -1
	}
	if k < len(c.toks) && c.toks[k].Lower == "," {
		k++
	}
	if k < len(c.toks) && c.at[k] >= 0 && c.typ(c.at[k]) == graph.Person {
		return c.at[k]
	}
	return -1
}

// passiveAux words before a participle make it passive: "was accompanied".
var passiveAux = setOf("was", "were", "been", "be", "being", "is", "are")

// accompaniedBy reads the passive "X was accompanied as far as Z by Y":
// Y accompanied X, and both travelled to Z. The doer may carry a title
// ("by Deputy Foreign Minister Y") or a role ("by her lawyer Y").
func (c *clause) accompaniedBy(subj, v, e int) {
	for k := e; k < len(c.toks) && k < e+10; k++ {
		w := c.toks[k].Lower
		if w == "." || w == ";" {
			return
		}
		if w != "by" {
			continue
		}
		doer := c.describedPerson(k + 1)
		if doer < 0 {
			if d := c.argAfter(k+1, 4); d >= 0 && c.typ(d) == graph.Person {
				doer = d
			}
		}
		if doer < 0 || c.args[doer].Ent == c.args[subj].Ent {
			return
		}
		c.emitAt(c.args[doer].Ent, graph.Accompanied, c.args[subj].Ent, "accompany-passive/v1", 0.8, nil, v)
		// "accompanied as far as Tunis by Y": the place stands between.
		c.travelledTogether(subj, doer, e, v)
		// "accompanied by Y to Z": only a destination right after the doer.
		if end := c.args[doer].T1; c.match(end, "to") || c.match(end, "into") || c.match(end, "as", "far", "as") {
			c.travelledTogether(subj, doer, end, v)
		}
		return
	}
}

// travelledTogether reads a destination written from token from on ("as
// far as Z", "to Z", "into Z") as where both a and b travelled.
func (c *clause) travelledTogether(a, b, from, v int) {
	subj, o := a, b
	for k := from; k < len(c.toks) && k < from+8; k++ {
		w := c.toks[k].Lower
		if w == "to" || w == "as" && c.match(k, "as", "far", "as") || w == "into" {
			if p := c.argAfter(k+1, 4); p >= 0 && c.typ(p) == graph.Place {
				c.emitAt(c.args[subj].Ent, graph.TravelledTo, c.args[p].Ent, "accompany-travel/v1", 0.7, nil, v)
				c.emitAt(c.args[o].Ent, graph.TravelledTo, c.args[p].Ent, "accompany-travel/v1", 0.7, nil, v)
			}
			return
		}
		if w == "." || w == ";" || c.at[k] >= 0 {
			return
		}
	}
}

// speechAccusations reads "X said Y was implicated in Z", "X claimed Y had
// ordered Z": X accused Y, and Y is accused of Z.
func (c *clause) speechAccusations() {
	for v, t := range c.toks {
		if !accuseSpeech[t.Lower] {
			continue
		}
		speaker := c.subjectOf(v, graph.Person, graph.Organization)
		if speaker < 0 {
			continue
		}
		k := v + 1
		if c.match(k, "that") {
			k++
		}
		acc := c.argAfter(k, 2)
		if acc < 0 || c.typ(acc) != graph.Person {
			continue
		}
		for j := c.args[acc].T1; j < len(c.toks) && j < c.args[acc].T1+5; j++ {
			if incriminating[c.toks[j].Lower] {
				if c.sufferedAt(j) || c.negatedAt(c.args[acc].T1, j) {
					break // "said Y had been killed by rebels", "said Y had not ordered it"
				}
				c.emitAt(c.args[speaker].Ent, graph.Accused, c.args[acc].Ent, "speech-accuse/v1", 0.7, nil, presupposed)
				if ev := c.argAfter(j+1, 4); ev >= 0 && c.typ(ev) == graph.Event {
					c.emitAt(c.args[acc].Ent, graph.AccusedOf, c.args[ev].Ent, "speech-accuse/v1", 0.7, nil, presupposed)
				}
				break
			}
		}
	}
}

// sufferedAt reports whether the verb at token j is a passive whose
// subject undergoes the deed ("had been killed", "was ordered to"), not
// one that still incriminates ("was implicated in").
func (c *clause) sufferedAt(j int) bool {
	w := c.toks[j].Lower
	if j == 0 || !strings.HasSuffix(w, "ed") || w == "implicated" || w == "involved" {
		return false
	}
	return beForms[c.toks[j-1].Lower]
}

// beForms are the forms of "to be" that make a participle after them passive.
var beForms = setOf("be", "been", "being", "is", "was", "are", "were")

var accuseSpeech = setOf("said", "says", "claimed", "claims", "alleged", "alleges", "insisted", "charged", "told")

var incriminating = setOf("implicated", "ordered", "responsible", "behind", "guilty", "killed", "murdered",
	"tortured", "involved", "complicit", "orchestrated", "masterminded", "planned", "carried")

// determiners before a verb form make it a noun: "the killing".
var determiners = setOf("the", "a", "an", "this", "that", "his", "her", "its", "their", "'s", "’s")

// describedPerson returns the person named after a run of role words and
// the names that qualify them, starting at token i ("foreign minister and
// regime stalwart Moussa Koussa"), or -1.
func (c *clause) describedPerson(i int) int {
	for k := i; k < len(c.toks) && k < i+9; k++ {
		if a := c.at[k]; a >= 0 {
			if c.typ(a) == graph.Person {
				return a
			}
			k = c.args[a].T1 - 1
			continue
		}
		w := c.toks[k].Lower
		if !(roleNouns[w] || lowerModifiers[w] || honorifics[w] || w == "and" || w == "the" || w == "regime" || w == "stalwart" || isPossessive(c.toks[k])) {
			return -1
		}
	}
	return -1
}

// accusationWords open the accusation triggers whose object may be an
// event named by a lower-case noun phrase ("accused of fraud in a
// financial scheme"); "carried out" and "ordered" are left out.
var accusationWords = setOf("accused", "charged", "convicted", "suspected", "indicted", "implicated", "wanted",
	"arrested", "detained", "held", "questioned", "jailed", "sentenced", "found")

// commonEventHeads are the lower-case head nouns of a deed that a story
// may name only by its noun phrase: "a financial scheme", "the motorway
// tenders scandal".
var commonEventHeads = setOf("scheme", "scandal", "fraud", "plot", "conspiracy", "bombing", "killing", "murder",
	"massacre", "racket", "swindle", "cover-up", "embezzlement", "case", "disappearances", "disappearance",
	"kidnapping", "kidnappings", "abductions", "campaign", "attacks")

// chargedBefore reports whether a word of accusation comes before token v
// in the sentence: "is charged with conspiracy ... for his role in X".
func (c *clause) chargedBefore(v int) bool {
	for k := 0; k < v; k++ {
		if accusationWords[c.toks[k].Lower] && c.toks[k].Lower != "held" && c.toks[k].Lower != "found" {
			return true
		}
	}
	return false
}

// namedDeeds reads a deed named by the text itself: "in what has become
// known as the Daesan slush fund scandal", "dubbed the harbour bribes
// affair". The event is added (commonEvent) so that later sentences of the
// same case find it.
func (c *clause) namedDeeds() {
	for i := 0; i+2 < len(c.toks); i++ {
		switch {
		case c.match(i, "known", "as"):
			c.commonEvent(i + 2)
		case c.match(i, "referred", "to", "as"):
			c.commonEvent(i + 3)
		case c.toks[i].Lower == "dubbed":
			c.commonEvent(i + 1)
		}
	}
}

// vagueModifiers open a noun phrase that refers back to a deed without
// naming it: "in the same case", "in that case".
var vagueModifiers = setOf("same", "other", "whole", "entire", "first", "second", "latest", "current")

// commonEvent returns the event a lower-case noun phrase names in the
// clause after token e ("in a financial scheme", "over the motorway
// tenders scandal", "in the Frederikshavn spy case"): an article after the
// trigger or a preposition, one to three lower-case modifiers (after a name,
// which then opens the event's name) and a head from commonEventHeads. The event is added when the article has
// none of that name. It returns -1 when the clause names no such deed.
func (c *clause) commonEvent(e int) int {
	for k := e; k < len(c.toks) && k < e+16; k++ {
		w := c.toks[k].Lower
		if w == "." || w == ";" || clauseBreak[w] {
			return -1
		}
		if !commonEventHeads[w] || c.at[k] >= 0 || c.toks[k].Cap || c.match(k+1, "of") {
			continue
		}
		j := k - 1
		for j > e && k-j <= 3 && c.at[j] < 0 && c.toks[j].Word && !c.toks[j].Cap && !deedArticles[c.toks[j].Lower] && !stopModifiers[c.toks[j].Lower] {
			j--
		}
		if h := c.at[j]; j > e && h >= 0 && c.args[h].T1 == j+1 && c.args[h].T0 > e {
			j = c.args[h].T0 - 1 // "the Calder Mills fraud", "the Frederikshavn spy case": named after a body, place or person
		}
		if j == k-2 && c.toks[j].Lower == "the" && c.toks[j+1].Lower == "same" && caseHeads[w] && (j == e || deedPreps[c.toks[j-1].Lower]) {
			return c.r.soleCase(c.si) // "convicted in the same case": the one case named before
		}
		if j == k-1 || !deedArticles[c.toks[j].Lower] || vagueModifiers[c.toks[j+1].Lower] {
			continue // no modifier, or no article before them: a charge, not a deed
		}
		if j > e && !deedPreps[c.toks[j-1].Lower] {
			return -1 // "praised a housing scheme": the deed of another verb
		}
		return c.r.commonEventNamed(joinTokens(c.toks, j+1, k+1), c.si)
	}
	return -1
}

// deedPreps introduce the deed after the charges: "accused of fraud,
// conspiracy and money laundering in a financial scheme".
var deedPreps = setOf("in", "over", "for", "with", "of", "involving", "into")

// stopModifiers end the words before a deed's head: "of fraud in a scheme".
var stopModifiers = setOf("of", "in", "and", "or", "with", "over", "for", "to", "by", "on", "at")

// deedArticles open a noun phrase naming a deed.
var deedArticles = setOf("a", "an", "the")

// commonEventNamed returns the event of the article with the name, adding
// it when there is none, named first in sentence si.
func (r *related) commonEventNamed(name string, si int) int {
	for i, e := range r.Entities {
		if e.Type == graph.Event && strings.EqualFold(e.Name, name) {
			return i
		}
	}
	if r.commonEvents == nil {
		r.commonEvents = map[int]int{}
	}
	e := r.addEvent(name, -1)
	r.commonEvents[e] = si
	return e
}

// beforePostAndApposition returns X in "X, the chairman of the firm, and
// its finance director, Y" when the comma at token end closes Y's post: the
// post's lower-case words after "and", and before them X's apposition, set
// off by commas, opening with an article or a possessive and naming no
// other person. It returns -1 otherwise.
func (c *clause) beforePostAndApposition(end int) int {
	j := end - 1
	for j > 0 && end-j <= 5 && c.at[j] < 0 && c.toks[j].Word && !c.toks[j].Cap && c.toks[j].Lower != "and" {
		j--
	}
	if j == end-1 || !roleNouns[c.toks[end-1].Lower] || c.toks[j].Lower != "and" || j < 3 || c.toks[j-1].Lower != "," {
		return -1
	}
	for k := j - 2; k > 0 && k > j-16; k-- {
		w := c.toks[k].Lower
		if w == "." || w == ";" || clauseBreak[w] || w == "who" || w == "which" {
			return -1
		}
		if a := c.at[k]; a >= 0 && c.args[a].Type == graph.Person {
			if x := c.args[a]; k == j-2 && x.T1 == j-1 && !x.Ref && c.introducedByPost(a) {
				// "The firm's managing director, X, and its finance
				// officer, Y": X is named after a post of its own.
				return a
			}
			return -1
		}
		if w != "," {
			continue
		}
		h := c.at[k-1]
		if h < 0 || c.args[h].Type != graph.Person || c.args[h].Ref || !appositionStart(c.toks[k+1].Lower) {
			return -1
		}
		return h
	}
	return -1
}

// introducedByPost reports whether the person at argument a is named right
// after a post that opens the sentence, closed by a comma: "The firm's
// managing director, X", "Kalulu's director, X", "The director, X".
func (c *clause) introducedByPost(a int) bool {
	t0 := c.args[a].T0
	if t0 < 3 || c.toks[t0-1].Lower != "," {
		return false
	}
	if body, _ := c.possessivePost(t0 - 1); body >= 0 && c.args[body].T0 == 0 {
		return true
	}
	return c.namedAfterPost(0, t0-1) == a
}

// holderAt returns the person named from token k on, unless it is a
// reference back or the speaker of a report ("the ambassador, Jones said").
func (c *clause) holderAt(k int) int {
	p := c.at[k]
	if p < 0 || c.args[p].T0 != k || c.args[p].Type != graph.Person || c.args[p].Ref {
		return -1
	}
	if n := c.args[p].T1; n < len(c.toks) && attributeVerbs[c.toks[n].Lower] {
		return -1
	}
	return p
}

// namedAfterPost returns the person named after the comma at token k when
// the words from e to it describe a post ("its director of political
// affairs", "the ambassador"): a determiner or possessive pronoun, then
// lower-case words holding a role noun. A name followed by a speech verb
// is the speaker ("met the ambassador, Jones said"), and is not taken.
func (c *clause) namedAfterPost(e, k int) int {
	if k-e < 2 || k-e > 7 || !appositionStart(c.toks[e].Lower) || roleNouns[c.toks[e].Lower] {
		return -1
	}
	role := false
	for j := e + 1; j < k; j++ {
		x := c.toks[j]
		if c.at[j] >= 0 || !x.Word || x.Cap || postBreaks[x.Lower] {
			return -1
		}
		role = role || roleNouns[x.Lower]
	}
	if !role || k+1 >= len(c.toks) {
		return -1
	}
	return c.holderAt(k + 1)
}

// beforeRelative returns the name a relative clause ending at the comma at
// token end is about: "X, who ran the port," gives X. The clause must hold
// no other comma and start with ", who".
func (c *clause) beforeRelative(end int) int {
	for j := end - 1; j > 1 && j > end-14; j-- {
		switch c.toks[j].Lower {
		case ",", ";", ".":
			return -1
		case "who":
			if c.toks[j-1].Lower != "," {
				return -1
			}
			if h := c.at[j-2]; h >= 0 && c.args[h].T1 == j-1 {
				return h
			}
			return -1
		}
	}
	return -1
}

// relativeSubject returns the subject of a passive verb at token v when a
// relative clause stands between them: "X, who was his deputy, were
// separately accused". It returns -1 for any other shape.
func (c *clause) relativeSubject(v int) int {
	a := v - 1
	if a > 0 && strings.HasSuffix(c.toks[a].Lower, "ly") {
		a-- // "were separately accused"
	}
	if a < 2 || !passiveAux[c.toks[a].Lower] || c.toks[a-1].Lower != "," {
		return -1
	}
	if h := c.beforeRelative(a - 1); h >= 0 && c.typ(h) == graph.Person && !c.args[h].Ref {
		return h
	}
	return -1
}

// commonEventWithHead returns the one event named by a lower-case noun
// phrase with the head ("financial scheme" for "scheme") before sentence
// si, or -1 when there is none or more than one.
func (r *related) commonEventWithHead(head string, si int) int {
	found := -1
	for ei, at := range r.commonEvents {
		if at >= si || strings.ToLower(lastWord(r.Entities[ei].Name)) != head {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = ei
	}
	return found
}
