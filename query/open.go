package query

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/kgraph/kg/graph"
)

// An openLeg is one kind of relation an open question ("who was
// arrested?", naming nobody) asks about: the answer is the relation's
// subject, or its object when object is set. With words, only relations
// whose evidence holds a word beginning with one of them count.
type openLeg struct {
	pred   graph.Predicate
	object bool
	words  []string
}

// Evidence stems of the happenings open questions ask about.
var (
	arrestWords = []string{"arrest", "detain", "detention", "custody", "captur", "seiz", "apprehend", "remand"}
	jailWords   = []string{"arrest", "detain", "detention", "custody", "jail", "prison", "imprison", "remand", "locked up"}
	deathWords  = []string{"kill", "died", "dead", "death", "murder", "slain", "shot", "assassinat", "fatal", "lost their lives", "lost his life", "lost her life"}
	injuryWords = []string{"injur", "wound", "hurt", "maimed"}
)

// openVerbs maps the participles of open questions to the relations they
// ask about.
var openVerbs = func() map[string][]openLeg {
	m := map[string][]openLeg{}
	add := func(words string, legs ...openLeg) {
		for _, w := range strings.Split(words, ",") {
			m[w] = legs
		}
	}
	add("convicted,sentenced,found guilty,jailed for,imprisoned for",
		openLeg{pred: graph.ConvictedOf})
	add("charged,accused,indicted,suspected,prosecuted,implicated,named as suspects,named as a suspect",
		openLeg{pred: graph.AccusedOf}, openLeg{pred: graph.Accused, object: true})
	add("killed,murdered,assassinated,shot dead,slain,shot",
		openLeg{pred: graph.Killed, object: true}, openLeg{pred: graph.VictimOf, words: deathWords})
	add("died",
		openLeg{pred: graph.VictimOf, words: deathWords}, openLeg{pred: graph.Killed, object: true})
	add("injured,wounded,hurt",
		openLeg{pred: graph.VictimOf, words: injuryWords})
	add("arrested,captured,taken into custody,apprehended",
		openLeg{pred: graph.HeldAt, words: arrestWords},
		openLeg{pred: graph.AccusedOf, words: arrestWords},
		openLeg{pred: graph.Accused, object: true, words: arrestWords},
		openLeg{pred: graph.ConvictedOf, words: arrestWords})
	add("detained,held,jailed,imprisoned,locked up,being held,kept",
		openLeg{pred: graph.HeldAt},
		openLeg{pred: graph.AccusedOf, words: jailWords},
		openLeg{pred: graph.ConvictedOf, words: jailWords})
	add("defected,quit,resigned,deserted,switched sides",
		openLeg{pred: graph.DefectedFrom})
	return m
}()

// openRE reads "who was arrested", "which officials were charged", "who
// defected": a question word, auxiliaries and a participle, naming nobody.
var openRE = regexp.MustCompile(`(?i)^(?P<wh>who|(?:which|what) [a-z]+)(?: (?:is|are|was|were|has|have|had|been|being|got|get|later|also|reportedly|allegedly|subsequently|eventually|then))* (?P<v>[a-z ]+?)(?: (?:later|too|also|afterwards|as well))?$`)

// answerOpen answers an open question over every relation of g: the
// entities in the roles the participle names. ok is false when q is not an
// open question or g cannot be listed.
func answerOpen(g Graph, q, question string, opts Options) (res Result, ok bool, err error) {
	m := openRE.FindStringSubmatch(q)
	if m == nil {
		return res, false, nil
	}
	legs, known := openVerbs[strings.ToLower(m[2])]
	l, lister := g.(graph.Lister)
	if !known || !lister {
		return res, false, nil
	}
	wh, whNoun, _ := strings.Cut(strings.ToLower(m[1]), " ")
	types := answerTypes(wh, whNoun)
	if wh != "who" && len(answerTypes("", whNoun)) == 0 {
		return res, false, nil // "what is said": not a noun for entities
	}
	var hits []hit
	for r, err := range l.Relations() {
		if err != nil {
			return res, false, fmt.Errorf("query: list relations: %w", err)
		}
		if !opts.IncludeUnasserted && !r.Status().Asserted() {
			continue
		}
		for _, ol := range legs {
			if r.Predicate != ol.pred || len(ol.words) > 0 && !evidenceHas(r, ol.words) {
				continue
			}
			who := r.Subject
			if ol.object {
				who = r.Object
			}
			hits = append(hits, hit{rel: r, other: who})
			break
		}
	}
	answers, err := gather(g, hits, types)
	if err != nil {
		return res, false, err
	}
	var desc []string
	for _, ol := range legs {
		s := fmt.Sprintf("? %s any", ol.pred)
		if ol.object {
			s = fmt.Sprintf("any %s ?", ol.pred)
		}
		if len(ol.words) > 0 {
			s += " (when its sentence says so)"
		}
		desc = append(desc, s)
	}
	return Result{Question: question, Interpretation: strings.Join(desc, " or "), Answers: answers}, true, nil
}

// evidenceHas reports whether one of r's evidence sentences has a word
// beginning with one of stems.
func evidenceHas(r graph.Relation, stems []string) bool {
	for _, e := range r.Evidence {
		t := " " + strings.ToLower(e.Sentence)
		for _, s := range stems {
			if strings.Contains(t, " "+s) {
				return true
			}
		}
	}
	return false
}

// answerDescribe answers "who is X" with the organisations X belongs to,
// the answer news gives to it ("Okafor, an officer of Meridian"). ok is
// false when X is no person or belongs to nothing known.
func answerDescribe(g Graph, name, question string, opts Options) (res Result, ok bool, err error) {
	if !plausibleSpan(name) {
		return res, false, nil
	}
	// Only the span as a whole: "who was with Okafor on the trip" is not
	// asking who Okafor is.
	x, err := resolveSpan(g, name, wholeSpan, map[graph.Type]bool{graph.Person: true}, nil)
	if err != nil {
		return res, false, err
	}
	if x.Type != graph.Person {
		return res, false, nil
	}
	legs := []leg{{graph.MemberOf, graph.Out}}
	answers, _, err := collect(g, x.ID, legs, nil, []graph.Type{graph.Organization}, opts)
	if err != nil || len(answers) == 0 {
		return res, false, err
	}
	rd := reading{rule: &rule{legs: legs}}
	return Result{Question: question, Interpretation: interpret(x, rd, []graph.Type{graph.Organization}, false) + "; who " + x.Name + " is: what they belong to",
		Answers: answers}, true, nil
}
