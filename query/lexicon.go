package query

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// A phrase is a way English says a predicate. In "who PHRASE X?" the
// answer is the phrase's grammatical subject and X its object; in
// "WH did/is X PHRASE?" X is the subject and the answer the object. The
// grammatical subject is the relation's subject unless inverse is set.
// Patterns are regular-expression fragments matched case-insensitively.
type phrase struct {
	pred    graph.Predicate
	pattern string
	filter  *filter // kin or role words that narrow the relations, or nil
}

// A filter keeps the relations whose kin/role attribute, or failing that
// whose evidence, names one of words.
type filter struct {
	attr  string // "kin" or "role"
	words []string
	label string // what the question asked for: "brother-in-law", "leader"
	// reverse are the kin words that say the same tie from the other end
	// ("son" for "father"): a relation that may name the question's own
	// entity by them answers too when none names the answer by words.
	reverse []string
}

// kinReverse gives, per kin term, the terms for the other end of the tie.
var kinReverse = func() map[string][]string {
	m := map[string][]string{}
	pair := func(a, b string) {
		as, bs := strings.Fields(a), strings.Fields(b)
		for _, x := range as {
			m[x] = append(m[x], bs...)
		}
		for _, y := range bs {
			m[y] = append(m[y], as...)
		}
	}
	pair("father mother parent", "son daughter child")
	pair("grandfather grandmother grandparent", "grandson granddaughter grandchild")
	pair("stepfather stepmother", "stepson stepdaughter")
	pair("father-in-law mother-in-law", "son-in-law daughter-in-law")
	pair("uncle aunt", "nephew niece")
	for _, k := range strings.Fields("brother sister sibling half-brother half-sister stepbrother stepsister cousin brother-in-law sister-in-law") {
		m[k] = append(m[k], k)
	}
	pair("brother sister sibling", "brother sister sibling")
	pair("brother-in-law sister-in-law", "brother-in-law sister-in-law")
	return m
}()

// adj is the adjectives that may stand before a role noun: "top security adviser".
const adj = `(?:(?:top|senior|chief|security|close|key|former|longtime|long-time|trusted|special|political|military|personal|main|principal) )*`

// leaderWords are the roles "who leads X" asks about.
var leaderWords = []string{"leader", "head", "chief", "chairman", "chairwoman", "chair", "president", "director", "commander", "boss", "secretary-general", "prime minister", "premier", "ruler", "founder"}

var leadFilter = &filter{attr: "role", words: leaderWords, label: "leader"}

// verbPhrases lists, per predicate, the phrases usable in both question
// shapes ("who advised X", "who did X advise", "what is X accused of").
var verbPhrases = map[graph.Predicate][]string{
	graph.Advised: {
		`advised`, `advises`, `advise`, `advising`, `counsell?ed`, `counsels?`, `assisted`, `assists?`,
		`(?:an? |the )?` + adj + `(?:advis[eo]rs?|aides?|counsell?ors?|deputy|deputies|henchm[ae]n|right-hand man) (?:to|of|for)`,
		`served as (?:an? |the )?` + adj + `(?:advis[eo]r|aide|deputy) (?:to|of|for)`,
		`work(?:s|ed)? as (?:an? |the )?` + adj + `(?:advis[eo]r|aide) (?:to|of|for)`, `work(?:s|ed|ing)? for`, `served`, `serves?`,
	},
	graph.Accompanied: {
		`accompanied`, `accompany`, `accompanies`, `accompanying`,
		`(?:travell?(?:ed|ing)?|travels|went|goes|go|going|gone|flew|fly|flies|flown|flying|came|come|comes|fled|flee|escaped|escape|arrived|arrive|left|leave|journeyed) (?:together )?with`,
	},
	graph.AccusedOf: {
		`accused (?:of|in|over)`, `suspected (?:of|in|over)`, `(?:a |the )?(?:prime )?suspects? (?:in|of|for)`,
		`implicated in`, `involved in`, `charged (?:with|over|in|for)`, `blamed (?:for|over)`,
		`indicted (?:for|over|in|on)`, `wanted (?:for|over|in connection with)`,
		`(?:to be )?questioned (?:about|over|in connection with)`, `responsible for`, `alleged to have (?:committed|carried out|ordered)`,
		`(?:a |the )?accused in`, `prosecuted (?:for|over|in)`, `(?:stands?|stood|standing) accused (?:of|in)`,
		`(?:faces?|faced|facing) (?:criminal )?(?:charges?|trial|prosecution|accusations?|allegations?) (?:over|for|in|of|in connection with)`,
		`(?:on trial|tried) (?:for|over|in)`, `arrested (?:for|over|in|in connection with)`, `detained (?:for|over|in connection with)`,
		`under investigation (?:for|over|in)`, `investigated (?:for|over|in)`,
		`(?:suspected of |accused of |charged with )?(?:involvement|complicity|a role|a part|taking part|participation|participating) in`,
		`(?:took|take|takes|taking) part in`, `participated in`, `(?:played|plays?) a (?:role|part) in`,
	},
	graph.Accused: {
		`accused`, `accuses`, `accuse`, `accusing`, `blamed`, `blames`, `blame`, `denounced`, `denounces`, `denounce`,
		`charged`, `charges`, `charge`, `indicted`, `indicts`, `indict`, `condemned`, `condemns`, `condemn`,
		`(?:issued|issue|sought|seek|seeks) (?:an? )?(?:arrest )?warrants? (?:for|against)`, `named as (?:a )?suspects?`,
		`(?:made|makes|make|levell?ed|levels?|brought|brings?|filed|files?|pressed|press|presses|raised|raises?) (?:the |an? )?(?:accusations?|allegations?|charges?|complaints?|claims?|case) against`,
		`(?:pointed|points?) (?:the|a) finger at`, `(?:sued|sues?|prosecuted|prosecutes?|prosecute)`, `arrested`, `arrests?`,
	},
	graph.ConvictedOf: {
		`convicted (?:of|over|for|in)`, `found guilty (?:of|over|for|in)`, `jailed (?:for|over)`,
		`sentenced (?:for|over)`, `imprisoned (?:for|over)`, `guilty of`,
	},
	graph.VictimOf: {
		`(?:a |the )?victims? (?:of|in)`, `(?:killed|died|injured|wounded|hurt|murdered|shot) (?:in|during)`,
	},
	graph.DefectedFrom: {
		`defected from`, `defect from`, `defects from`, `defecting from`, `defected`, `defect`,
		`quit`, `quits`, `quitting`, `deserted`, `desert`, `deserts`, `abandoned`, `abandon`,
		`resigned (?:in protest )?from`, `resign from`, `resigns from`, `broke (?:away )?(?:with|from)`, `break (?:away )?(?:with|from)`,
		`split (?:with|from)`, `fled`, `flee`, `fled from`, `escaped from`, `left`, `leave`, `turned (?:against|on)`, `turn (?:against|on)`, `walked out (?:on|of)`,
	},
	graph.MemberOf: {
		`(?:an? |the )?members? of`, `(?:a )?part of`, `in`, `on`, `within`, `works? (?:for|at|in)`, `working (?:for|at|in)`, `worked (?:for|at|in)`,
		`belongs? to`, `belonged to`, `serves? (?:in|on|with)`, `served (?:in|on|with)`, `joined`, `join`, `joins`,
		`employed (?:by|at)`, `(?:an? )?(?:official|officials|ministers?|employees?|staff|staffers?|officers?|agents?|spokes(?:man|woman|person)|representatives?) (?:of|in|at|for)`,
	},
	graph.LocatedIn: {
		`located (?:in|at)`, `located`, `based (?:in|at)`, `based`, `situated (?:in|at)`, `situated`, `in`, `headquartered (?:in|at)`, `lies in`,
	},
	graph.TravelledTo: {
		`travell?(?:ed|ing)? to`, `travels to`, `travell?ed`, `travel`, `went to`, `go to`, `goes to`, `going to`, `gone to`, `go`,
		`flew (?:to|into)`, `fly (?:to|into)`, `flies to`, `flown to`, `flying to`, `fly`, `visited`, `visits?`, `visiting`,
		`arrived (?:in|at)`, `arrive (?:in|at)`, `arrives (?:in|at)`, `arrive`, `arrived`, `fled (?:to|into)`, `flee (?:to|into)`, `flee`, `escaped to`, `escape to`,
		`headed (?:to|for)`, `head (?:to|for)`, `been to`, `came to`, `come to`, `returned to`, `return to`, `landed (?:in|at)`, `land (?:in|at)`, `land`,
	},
	graph.HeldAt: {
		`(?:being )?(?:held|kept|detained|imprisoned|jailed|locked up|interned|confined|sheltered) (?:at|in|inside)`, `held`, `kept`, `detained`, `imprisoned`, `jailed`, `locked up`,
		`(?:staying|stayed|stays?|hiding|hid|sheltering) (?:at|in)`, `staying`, `hiding`, `stayed`, `stay`,
		`(?:arrested|captured|seized|apprehended) (?:at|in|inside)`, `arrested`, `captured`, `taken(?: to)?`,
	},
	graph.Ordered: {
		`ordered`, `orders`, `order`, `instructed`, `instructs`, `instruct`, `commanded`, `commands`, `command`, `told`, `tell`, `sent`, `send`,
	},
	graph.Negotiated: {
		`negotiated`, `negotiates`, `negotiate`, `negotiating`, `(?:helped |help )?(?:negotiate|broker)`, `brokered`, `brokers`,
		`arranged`, `arrange`, `secured`, `secure`, `struck`, `strike`, `worked out`, `work out`,
	},
	graph.Met: {
		`met`, `meet`, `meets`, `meeting`, `(?:met|meet|meets|meeting) with`, `(?:talked|talk|talks|talking|spoke|speak|speaks|spoken|speaking) (?:to|with)`,
		`(?:in|into) (?:contact|touch|talks) with`, `contacted`, `contact`, `contacts`, `(?:held|hold|holds) talks with`, `negotiated with`, `negotiate with`,
		`sat down with`, `sit down with`, `interviewed`, `interview`, `called`, `call`, `phoned`, `phone`, `visited`,
	},
	graph.OccurredIn: {
		`(?:happened|happen|happens|occurred|occur|occurs|took place|take place|takes place|taken place|was carried out|carried out|unfolded|unfold) (?:in|at|on)`,
		`happened`, `happen`, `occurred`, `occur`, `took place`, `take place`, `carried out`, `unfold`,
	},
	graph.Killed: {
		`killed`, `kill`, `kills`, `murdered`, `murder`, `murders`, `assassinated`, `assassinate`, `shot dead`, `shot`, `shoot`,
		`poisoned`, `poison`, `executed`, `execute`, `stabbed`, `stab`, `strangled`, `beheaded`, `bombed`,
	},
	graph.FamilyOf: {
		`related to`, `(?:a |the )?(?:relatives?|relations?) (?:of|to)`, `married to`, `married`, `marry`, `(?:the )?family of`,
	},
	graph.LivesIn: {
		`lives? (?:in|at)`, `lived (?:in|at)`, `living (?:in|at)`, `live`, `lived`, `lives`, `from`, `comes? from`, `came from`, `hails? from`, `hailed from`,
		`(?:an? )?natives? of`, `resides? (?:in|at)`, `resided (?:in|at)`, `reside`, `based (?:in|at)`, `based`, `(?:an? )?residents? of`, `born in`, `grew up in`, `settled in`, `moved to`,
	},
}

// subjectPhrases are phrases too loose to end a question: "who was with
// X" asks for a companion, but "who did X clash with" does not.
var subjectPhrases = map[graph.Predicate][]string{
	graph.Accompanied: {`(?:together )?with`, `alongside`, `in the company of`},
	graph.AccusedOf:   {`behind`, `carried out`, `committed`, `perpetrated`, `masterminded`, `planned`, `organi[sz]ed`, `plotted`},
}

// inversePhrases say a predicate with its object as the grammatical
// subject: "who employs X" asks for what X is a member of.
var inversePhrases = map[graph.Predicate][]string{
	graph.MemberOf:   {`employs`, `employed`, `employ`, `includes`, `included`, `include`},
	graph.LocatedIn:  {`contains`, `contain`, `includes`, `include`, `hosts`, `host`},
	graph.OccurredIn: {`saw`, `see`, `sees`},
}

// passives are the participles of "who was P by X" and "who is X P by".
var passives = map[graph.Predicate][]string{
	graph.Advised:     {`advised`, `counsell?ed`, `assisted`},
	graph.Accompanied: {`accompanied`, `joined`},
	graph.Accused:     {`accused`, `arrested`, `prosecuted`, `blamed`, `denounced`, `charged`, `indicted`, `condemned`, `named`},
	graph.Ordered:     {`ordered`, `instructed`, `commanded`, `told`, `sent`},
	graph.Negotiated:  {`negotiated`, `brokered`, `arranged`, `secured`},
	graph.Met:         {`met`, `contacted`, `interviewed`, `visited`, `called`, `phoned`},
	graph.Killed:      {`killed`, `murdered`, `assassinated`, `shot`, `shot dead`, `poisoned`, `executed`, `stabbed`},
	graph.MemberOf:    {`employed`, `hired`, `appointed`, `recruited`},
}

// leadPhrases say member-of for a leader: "who leads X", "who is the head of X".
var leadPhrases = []string{
	`leads`, `lead`, `led`, `heads`, `head`, `headed`, `runs`, `run`, `ran`, `chairs`, `chaired`, `directs`, `directed`, `commands`, `commanded`, `founded`,
	`(?:the )?(?:leader|head|chief|chairman|chairwoman|president|director|commander|boss|founder|ruler)s? (?:of|at)`, `in charge of`, `in command of`,
}

// kinTerms are the kinship words: a question naming one keeps the
// family-of relations whose kin attribute or evidence says it.
var kinTerms = []string{
	"brother-in-law", "sister-in-law", "son-in-law", "daughter-in-law", "father-in-law", "mother-in-law",
	"half-brother", "half-sister", "stepson", "stepdaughter", "stepfather", "stepmother", "stepbrother", "stepsister",
	"grandson", "granddaughter", "grandfather", "grandmother", "grandchild", "grandparent",
	"brother", "sister", "son", "daughter", "father", "mother", "wife", "husband", "spouse",
	"cousin", "uncle", "aunt", "nephew", "niece", "child", "parent", "sibling", "widow", "widower",
}

// spouseTerms are the kin terms of a marriage.
var spouseTerms = map[string]bool{"wife": true, "husband": true, "spouse": true, "widow": true, "widower": true}

// familyWords ask for every family-of relation.
var familyWords = `(?:relatives?|relations?|family|family members?|kin|kinsm[ae]n|in-laws)`

// kinPattern is the regex fragment for one kin term, plural included
// ("brothers-in-law", "children").
func kinPattern(k string) string {
	switch k {
	case "child":
		return `(?:child|children)`
	case "grandchild":
		return `(?:grandchild|grandchildren)`
	case "wife":
		return `(?:wife|wives)`
	}
	if i := strings.Index(k, "-in-law"); i > 0 {
		return strings.ReplaceAll(k[:i], "-", `[ -]`) + `s?[ -]in[ -]law`
	}
	return strings.ReplaceAll(k, "-", `[ -]`) + `s?`
}

// A noun relates the question's entity X to the answer in "who is X's
// NOUN" and "who are the NOUNs of X": each leg gives the predicate and
// which end X is.
type noun struct {
	pattern string
	legs    []leg
	filter  *filter
}

// nouns is the vocabulary of possessive questions.
var nouns = func() []noun {
	in := func(p graph.Predicate) leg { return leg{pred: p, dir: graph.In} }
	out := func(p graph.Predicate) leg { return leg{pred: p, dir: graph.Out} }
	ns := []noun{
		{pattern: familyWords, legs: []leg{out(graph.FamilyOf)}},
		{pattern: adj + `(?:advis[eo]rs?|aides?|counsell?ors?|deputy|deputies|henchm[ae]n|right-hand m[ae]n|confidants?|lieutenants?)`, legs: []leg{in(graph.Advised)}},
		{pattern: `(?:members?|officials?|ministers?|employees?|staff|staffers?|officers?|agents?|spokes(?:man|woman|person|men|women|people)|representatives?|personnel|insiders?)`, legs: []leg{in(graph.MemberOf)}},
		{pattern: `(?:leaders?|heads?|chiefs?|chairman|chairwoman|president|director|commanders?|boss|founders?|rulers?)`, legs: []leg{in(graph.MemberOf)}, filter: leadFilter},
		{pattern: `(?:party|parties|organi[sz]ations?|employers?|groups?|affiliations?)`, legs: []leg{out(graph.MemberOf)}},
		{pattern: `(?:killers?|murderers?|assassins?)`, legs: []leg{in(graph.Killed)}},
		{pattern: `(?:victims?)`, legs: []leg{out(graph.Killed), in(graph.VictimOf)}},
		{pattern: `(?:suspects?|accused|perpetrators?)`, legs: []leg{in(graph.AccusedOf)}},
		{pattern: `(?:accusers?|critics?)`, legs: []leg{in(graph.Accused)}},
		{pattern: `(?:crimes?|alleged crimes?)`, legs: []leg{out(graph.AccusedOf), out(graph.ConvictedOf)}},
		{pattern: `(?:companions?|travell?ing companions?|fellow travell?ers?|entourage)`, legs: []leg{out(graph.Accompanied)}},
		{pattern: `(?:negotiators?|brokers?)`, legs: []leg{in(graph.Negotiated)}},
		{pattern: `(?:contacts?|interlocutors?)`, legs: []leg{out(graph.Met)}},
		{pattern: `(?:prisoners?|detainees?|inmates?|guests?)`, legs: []leg{in(graph.HeldAt)}},
		{pattern: `(?:residents?|inhabitants?|natives?|citizens?)`, legs: []leg{in(graph.LivesIn)}},
		{pattern: `(?:home|hometown|home town|residence|city)`, legs: []leg{out(graph.LivesIn)}},
		{pattern: `(?:location|whereabouts)`, legs: []leg{out(graph.LocatedIn), out(graph.HeldAt)}},
		{pattern: `(?:destinations?|travels|trips?|journeys?)`, legs: []leg{out(graph.TravelledTo)}},
		{pattern: `(?:defectors?|deserters?)`, legs: []leg{in(graph.DefectedFrom)}},
	}
	for _, k := range kinTerms {
		words := []string{k}
		if spouseTerms[k] {
			// "X's husband" is the one whose relation calls X his wife:
			// a marriage answers for either partner.
			words = []string{"wife", "husband", "spouse", "widow", "widower"}
		}
		ns = append(ns, noun{pattern: kinPattern(k), legs: []leg{out(graph.FamilyOf)}, filter: &filter{attr: "kin", words: words, label: k, reverse: kinReverse[k]}})
	}
	return ns
}()

// whNouns maps the noun of "what party", "which country" to the types it asks for.
var whNouns = map[string][]graph.Type{}

func init() {
	add := func(t graph.Type, words string) {
		for _, w := range strings.Fields(words) {
			whNouns[w] = append(whNouns[w], t)
		}
	}
	add(graph.Person, "person persons people man men woman women individual individuals official officials minister ministers leader leaders suspect suspects adviser advisers advisor advisors relative relatives member members figure figures politician politicians diplomat diplomats")
	add(graph.Organization, "party parties organization organizations organisation organisations group groups agency agencies government governments ministry ministries body bodies company companies firm firms council councils committee committees court courts regime regimes institution institutions service services union unions movement movements militia militias force forces outlet outlets newspaper newspapers network networks department departments bank banks")
	add(graph.Place, "country countries city cities town towns place places airport airports building buildings region regions capital capitals location locations castle castles hotel hotels prison prisons village villages province provinces state states")
	add(graph.Event, "event events crime crimes incident incidents attack attacks bombing bombings scandal scandals killing killings murder murders deal deals case cases charge charges affair affairs operation operations plot plots conflict conflicts war wars")
	add(graph.Organization, "embassy embassies")
	add(graph.Place, "embassy embassies")
}

// roleTypes gives, per predicate, the entity types its subject and object may have (eval/SCHEMA.md).
var roleTypes = map[graph.Predicate][2][]graph.Type{
	graph.Advised:      {{graph.Person}, {graph.Person}},
	graph.Accompanied:  {{graph.Person}, {graph.Person}},
	graph.AccusedOf:    {{graph.Person, graph.Organization}, {graph.Event}},
	graph.Accused:      {{graph.Person, graph.Organization}, {graph.Person, graph.Organization}},
	graph.ConvictedOf:  {{graph.Person, graph.Organization}, {graph.Event}},
	graph.VictimOf:     {{graph.Person}, {graph.Event}},
	graph.DefectedFrom: {{graph.Person}, {graph.Organization}},
	graph.MemberOf:     {{graph.Person, graph.Organization}, {graph.Organization}},
	graph.FamilyOf:     {{graph.Person}, {graph.Person}},
	graph.LocatedIn:    {{graph.Place, graph.Organization, graph.Event}, {graph.Place}},
	graph.TravelledTo:  {{graph.Person}, {graph.Place}},
	graph.HeldAt:       {{graph.Person}, {graph.Place}},
	graph.Ordered:      {{graph.Person, graph.Organization}, {graph.Person, graph.Organization}},
	graph.Negotiated:   {{graph.Person, graph.Organization}, {graph.Event, graph.Organization}},
	graph.Met:          {{graph.Person, graph.Organization}, {graph.Person, graph.Organization}},
	graph.OccurredIn:   {{graph.Event}, {graph.Place}},
	graph.Killed:       {{graph.Person, graph.Organization}, {graph.Person}},
	graph.LivesIn:      {{graph.Person}, {graph.Place}},
}

// phrases of each predicate as read in a report: "advised" / "advised by".
var phraseText = map[graph.Predicate][2]string{
	graph.Advised:      {"advised", "advised by"},
	graph.Accompanied:  {"accompanied", "accompanied"},
	graph.AccusedOf:    {"accused of", "accused of it"},
	graph.Accused:      {"accused", "accused by"},
	graph.ConvictedOf:  {"convicted of", "convicted of it"},
	graph.VictimOf:     {"victim of", "victims"},
	graph.DefectedFrom: {"defected from", "defectors"},
	graph.MemberOf:     {"member of", "members"},
	graph.FamilyOf:     {"family of", "family of"},
	graph.LocatedIn:    {"located in", "location of"},
	graph.TravelledTo:  {"travelled to", "visited by"},
	graph.HeldAt:       {"held at", "holds"},
	graph.Ordered:      {"ordered", "ordered by"},
	graph.Negotiated:   {"negotiated", "negotiated by"},
	graph.Met:          {"met", "met"},
	graph.OccurredIn:   {"occurred in", "scene of"},
	graph.Killed:       {"killed", "killed by"},
	graph.LivesIn:      {"lives in", "home of"},
}

// Phrase reads a predicate as English from one end of the relation: Out
// reads from the subject ("advised"), In from the object ("advised by").
// Symmetric predicates read the same both ways. Unknown predicates read as
// themselves.
func Phrase(p graph.Predicate, dir graph.Direction) string {
	t, ok := phraseText[p]
	if !ok {
		return string(p)
	}
	if dir == graph.In {
		return t[1]
	}
	return t[0]
}
