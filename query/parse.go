package query

import (
	"regexp"
	"sort"
	"strings"

	"github.com/kgraph/kg/graph"
)

// A leg is one predicate to follow from the question's entity X: dir Out
// when X is the relation's subject and the answer its object, In for the
// other way round.
type leg struct {
	pred graph.Predicate
	dir  graph.Direction
}

// shape tells what a rule's match means.
type shape uint8

const (
	relational shape = iota // answers are entities related to X
	connection              // paths between X and Y
)

// A rule is one question shape for one set of legs, compiled to a
// case-insensitive regular expression with groups wh (the question word,
// with any noun: "what party"), p (the matched phrase), x and, for
// connection rules, y.
type rule struct {
	re     *regexp.Regexp
	shape  shape
	legs   []leg
	filter *filter
}

// reading is one way to understand a question: which rule matched and the
// name spans it found.
type reading struct {
	rule   *rule
	wh     string // who, what, where, which; "" for connection questions
	whNoun string // "party" in "what party ..."
	x, y   string
	phrase string // the words that named the predicate, for ranking
	order  int    // the rule's position, a tie-breaker
}

const (
	whPat  = `(?P<wh>who|whom|what|where|which|(?:what|which) [a-z]+(?: [a-z]+)??)`
	auxPat = `(?:is|are|was|were|be|been|being|has|have|had|did|does|do|will|would|can|could|may|might|should|currently|now|still|reportedly|allegedly|also|later|first|recently|ever|once|actually|really|last|just|then|else)`
)

// auxWords are the words auxPat matches, to tell "what is" from "what party".
var auxWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(strings.Trim(auxPat, "(?:)"), "|") {
		m[w] = true
	}
	return m
}()

// prepositions may not begin an entity span: a span "by Gaddafi" means the
// rule read the question wrongly.
var prepositions = map[string]bool{
	"by": true, "of": true, "in": true, "with": true, "to": true, "from": true, "at": true, "for": true,
	"over": true, "on": true, "about": true, "and": true, "into": true, "as": true, "against": true, "during": true,
	"is": true, "was": true, "are": true, "were": true, "did": true, "does": true,
}

func alt(patterns []string) string {
	ps := append([]string(nil), patterns...)
	// Longer patterns first: with alternatives tried in order, "accused of"
	// is preferred to "accused" where both could match.
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
	return `(?P<p>` + strings.Join(ps, "|") + `)`
}

func mustRule(pattern string, sh shape, f *filter, legs ...leg) *rule {
	return &rule{re: regexp.MustCompile(`(?i)^` + pattern + `$`), shape: sh, legs: legs, filter: f}
}

// rules is the grammar, built once from the lexicon.
var rules = buildRules()

func buildRules() []*rule {
	var rs []*rule
	subjectAsks := func(patterns []string, f *filter, legs ...leg) { // who PHRASE X
		rs = append(rs, mustRule(whPat+`(?: `+auxPat+`)* `+alt(patterns)+` (?P<x>.+)`, relational, f, legs...))
	}
	objectAsks := func(patterns []string, f *filter, legs ...leg) { // who did X PHRASE
		rs = append(rs, mustRule(whPat+`(?: `+auxPat+`)+ (?P<x>.+?)(?: `+auxPat+`)* `+alt(patterns), relational, f, legs...))
	}
	for _, p := range graph.Predicates {
		if ps := verbPhrases[p]; len(ps) > 0 {
			subjectAsks(ps, nil, leg{p, graph.In})
			objectAsks(ps, nil, leg{p, graph.Out})
		}
		if ps := subjectPhrases[p]; len(ps) > 0 {
			subjectAsks(ps, nil, leg{p, graph.In})
		}
		if ps := inversePhrases[p]; len(ps) > 0 {
			subjectAsks(ps, nil, leg{p, graph.Out})
			objectAsks(ps, nil, leg{p, graph.In})
		}
		if ps := passives[p]; len(ps) > 0 {
			// who was killed by X; who is X advised by; by whom was X killed
			rs = append(rs,
				mustRule(whPat+`(?: `+auxPat+`)* `+alt(ps)+` by (?P<x>.+)`, relational, nil, leg{p, graph.Out}),
				mustRule(whPat+`(?: `+auxPat+`)+ (?P<x>.+?)(?: `+auxPat+`)* `+alt(ps)+` by`, relational, nil, leg{p, graph.In}),
				mustRule(`by (?P<wh>whom|who|what)(?: `+auxPat+`)+ (?P<x>.+?)(?: `+auxPat+`)* `+alt(ps), relational, nil, leg{p, graph.In}),
			)
		}
	}
	subjectAsks(leadPhrases, leadFilter, leg{graph.MemberOf, graph.In})
	objectAsks(leadPhrases, leadFilter, leg{graph.MemberOf, graph.Out})

	mods := `(?:(?:other|known|alleged|reported|former|current|main|closest|only|two|three|several|many|various|top|senior|chief) )*`
	for _, n := range nouns {
		// who is X's brother-in-law; who are the relatives of X
		rs = append(rs,
			mustRule(whPat+`(?: `+auxPat+`)*(?: (?:all|all of|some of|one of|any of))?(?: the)? (?P<x>.+?)(?:'s|') `+mods+`(?P<p>`+n.pattern+`)`, relational, n.filter, n.legs...),
			mustRule(whPat+`(?: `+auxPat+`)*(?: (?:all|all of|some of|one of|any of))?(?: (?:the|an?|any))? `+mods+`(?P<p>`+n.pattern+`) (?:of|to|for|in|at|with|from) (?P<x>.+)`, relational, n.filter, n.legs...),
		)
	}
	// where is X: wherever X is, is held, lives or happened.
	rs = append(rs, mustRule(`(?P<wh>where)(?: `+auxPat+`)+ (?P<x>.+?)(?: (?:now|currently|right now|today|these days))?`, relational, nil,
		leg{graph.LocatedIn, graph.Out}, leg{graph.HeldAt, graph.Out}, leg{graph.LivesIn, graph.Out}, leg{graph.OccurredIn, graph.Out}))

	link := `(?:connected|related|linked|tied|associated)`
	for _, p := range []string{
		`how (?:is|are|was|were) (?P<x>.+?) ` + link + ` (?:to|with) (?P<y>.+)`,
		`how (?:is|are|was|were) (?P<x>.+?) and (?P<y>.+?) ` + link + `(?: to each other| to one another| together)?`,
		`(?:what|who) (?:connects|links|ties|relates) (?P<x>.+?) (?:to|and|with) (?P<y>.+)`,
		`what (?:is|are) the (?:connections?|links?|relationships?|relations?|paths?|ties) (?:between|of) (?P<x>.+?) (?:and|to|with) (?P<y>.+)`,
		`(?:is|are|was|were) (?P<x>.+?) ` + link + ` (?:to|with) (?P<y>.+)`,
		`(?:show |find |list |give )?(?:me )?(?:the |all |any )?(?:shortest )?(?:paths?|connections?|links?|routes?) (?:from|between) (?P<x>.+?) (?:to|and) (?P<y>.+)`,
		`(?:connect|link) (?P<x>.+?) (?:to|and|with) (?P<y>.+)`,
	} {
		rs = append(rs, mustRule(p, connection, nil))
	}
	return rs
}

var (
	spaceRE       = regexp.MustCompile(`\s+`)
	contractionRE = regexp.MustCompile(`(?i)^(who|what|where)'s `)
	// strandedRE moves a preposition before the question word to the end:
	// "with whom did X travel" -> "whom did X travel with".
	strandedRE = regexp.MustCompile(`(?i)^(with|for|to|in|at|from|of|against|into|under|inside) (whom|who|what|which|(?:what|which) [a-z]+) (.+)$`)
	// gerundRE turns "accused of murdering X" into "accused of the murder of
	// X": the happening, named the way events are.
	gerundRE = regexp.MustCompile(`(?i)\b(of|for|in|with|over|about) (murdering|killing|assassinating|shooting|stabbing|poisoning|kidnapping|abducting|attacking|bombing|beating) (?:the )?`)
	// ordersRE reads "who gave X his orders" as "who ordered X".
	ordersRE = regexp.MustCompile(`(?i)^(\S+(?: [a-z]+)?) (?:gave|give|gives|issued|sent) (.+?) (?:(?:his|her|their|the|an?) )?(?:orders?|instructions?|commands?)$`)
	// ordersToRE reads "who gave orders to X" as "who ordered X".
	ordersToRE = regexp.MustCompile(`(?i)\b(?:gave|give|gives|issued|issues|sent) (?:the |his |her |their )?(?:orders?|instructions?|commands?) to\b`)
	// hedgeRE drops the hedge of "who is alleged to have killed X": the
	// relation asked about is the killing.
	hedgeRE = regexp.MustCompile(`(?i)\b(?:is|are|was|were) (?:alleged|said|believed|reported|thought|suspected|claimed|understood|known) to have (?:been )?`)
	// nameOfRE reads "what is the name of X's wife" as "who is X's wife".
	nameOfRE = regexp.MustCompile(`(?i)^(?:what|which) (?:is|are|was|were) the (?:full )?names? of (?:the )?`)
	// purposeRE drops what someone was ordered or sent to do: "whom did X
	// order to leave" asks whom X ordered.
	purposeRE = regexp.MustCompile(`(?i)^(.*\b(?:orders?|ordered|ordering|told|tells?|instruct(?:s|ed)?|command(?:s|ed)?|sent|send|dispatched|directed)(?: .+?)??) to [a-z]+(?: [a-z]+){0,4}?((?: by .+)?)$`)
	// timeRE matches dates and times, which name no entity: "in 2009", "on
	// Monday", "last week", "in early March 1985".
	timeRE = regexp.MustCompile(`(?i),? (?:in|on|during|since|by|before|after|until|as of)(?: (?:early|late|mid))? (?:` + months + `|` + weekdays + `)(?: \d{1,2}(?:st|nd|rd|th)?)?(?:,? (?:1[5-9]|20)\d\d)?\b` +
		`|,? (?:in|on|during|since|by|before|after|until|as of)(?: (?:early|late|mid))? (?:1[5-9]|20)\d\d\b` +
		`| (?:last|this|next|that|the previous|the following) (?:week|month|year|weekend|night|morning|evening|summer|winter|spring|autumn|decade|` + weekdays + `)\b` +
		`| (?:yesterday|today|tonight|(?:\w+ )(?:days|weeks|months|years) ago)$`)
	// peopleWhoRE and peopleRE read "who are the people who met X" as "who met X".
	peopleWhoRE = regexp.MustCompile(`(?i)^(?:who|which) (?:is|are|was|were) (?:the |all the |all |any )?(?:people|persons|men|women|individuals|ones|those|others|everyone|everybody|anyone|anybody|all those) (?:who|that) `)
	peopleRE    = regexp.MustCompile(`(?i)^who (is|are|was|were) (?:the |all the |all )?(?:people|persons|men|women|individuals|ones|those) `)
	// adjunctRE finds a last prepositional phrase that withoutAdjunct may drop.
	adjunctRE    = regexp.MustCompile(`(?i)^(.+) (?:in|at|on|during|after|before|while|for|to|from|near|outside|inside|over|with|without|about|since|as|under|through|via|into)(?: .+)?$`)
	imperativeRE = regexp.MustCompile(`(?i)^(?:please )?(?:(?:can|could) you )?(?:tell me|show me|list|name|give me|find|show)(?: all)? (?:(who|whom|what|where|which|how) )?`)
)

const (
	months   = `january|february|march|april|may|june|july|august|september|october|november|december`
	weekdays = `monday|tuesday|wednesday|thursday|friday|saturday|sunday`
)

// gerundNouns name the happening a gerund does: "murdering" -> "murder".
var gerundNouns = map[string]string{
	"murdering": "murder", "killing": "killing", "assassinating": "assassination", "shooting": "shooting",
	"stabbing": "stabbing", "poisoning": "poisoning", "kidnapping": "kidnapping", "abducting": "abduction",
	"attacking": "attack", "bombing": "bombing", "beating": "beating",
}

// normalize straightens quotes, drops the question mark and folds spaces;
// "who's" becomes "who is" and "list the relatives of X" "who are the relatives of X".
func normalize(q string) string {
	q = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "`", "'").Replace(q)
	q = strings.TrimSpace(spaceRE.ReplaceAllString(q, " "))
	q = strings.TrimRight(q, "?!. ")
	q = contractionRE.ReplaceAllString(q, "$1 is ")
	q = strandedRE.ReplaceAllString(q, "$2 $3 $1")
	q = gerundRE.ReplaceAllStringFunc(q, func(m string) string {
		f := strings.Fields(m)
		return f[0] + " the " + gerundNouns[strings.ToLower(f[1])] + " of "
	})
	q = ordersRE.ReplaceAllString(q, "$1 ordered $2")
	q = ordersToRE.ReplaceAllString(q, "ordered")
	q = hedgeRE.ReplaceAllString(q, "")
	q = nameOfRE.ReplaceAllString(q, "who is ")
	q = purposeRE.ReplaceAllString(q, "$1$2")
	if m := imperativeRE.FindStringSubmatchIndex(q); m != nil && m[1] < len(q) {
		rest := q[m[1]:]
		if m[2] >= 0 { // "tell me who advised X"
			q = q[m[2]:m[3]] + " " + rest
		} else if !strings.HasPrefix(strings.ToLower(rest), "path") && !strings.HasPrefix(strings.ToLower(rest), "the path") &&
			!strings.HasPrefix(strings.ToLower(rest), "connection") && !strings.HasPrefix(strings.ToLower(rest), "the connection") {
			q = "who are " + rest // "list the members of X"
		}
	}
	q = timeRE.ReplaceAllString(q, "")
	q = strings.TrimSpace(spaceRE.ReplaceAllString(q, " "))
	q = peopleWhoRE.ReplaceAllString(q, "who ")
	q = peopleRE.ReplaceAllString(q, "who $1 ")
	return q
}

// withoutAdjunct drops a question's last prepositional phrase: "who did
// Lindqvist meet in Rotterdam" -> "who did Lindqvist meet". ok is false
// when there is none to drop.
func withoutAdjunct(q string) (string, bool) {
	m := adjunctRE.FindStringSubmatch(q)
	if m == nil {
		return q, false
	}
	rest := strings.TrimSpace(m[1])
	if len(strings.Fields(rest)) < 3 {
		return q, false
	}
	return rest, true
}

// readings returns every way the grammar reads q, most specific first: a
// longer predicate phrase first, then rule order.
func readings(q string) []reading {
	var out []reading
	for i, r := range rules {
		m := r.re.FindStringSubmatch(q)
		if m == nil {
			continue
		}
		rd := reading{rule: r, order: i}
		for j, name := range r.re.SubexpNames() {
			switch name {
			case "wh":
				rd.wh = strings.ToLower(m[j])
			case "p":
				rd.phrase = m[j]
			case "x":
				rd.x = cleanSpan(m[j])
			case "y":
				rd.y = cleanSpan(m[j])
			}
		}
		if w, n, ok := strings.Cut(rd.wh, " "); ok {
			if auxWords[n] || auxWords[strings.Fields(n)[0]] {
				continue // "what is ..." read as "what" + noun "is": another rule reads it right
			}
			rd.wh, rd.whNoun = w, n
		}
		if !plausibleSpan(rd.x) || (r.shape == connection && !plausibleSpan(rd.y)) {
			continue
		}
		out = append(out, rd)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rule.shape != out[j].rule.shape {
			return out[i].rule.shape == connection
		}
		return len(out[i].phrase) > len(out[j].phrase)
	})
	return out
}

// cleanSpan trims quotes, spaces and a leading article from a name span.
func cleanSpan(s string) string {
	s = strings.Trim(strings.TrimSpace(s), `"' ,`)
	for _, a := range []string{"the ", "The ", "THE "} {
		s = strings.TrimPrefix(s, a)
	}
	return strings.TrimSpace(s)
}

// plausibleSpan rejects spans that cannot be a name: empty, or starting with a preposition.
func plausibleSpan(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	return len(f) > 0 && !prepositions[f[0]] && !auxWords[f[0]]
}
