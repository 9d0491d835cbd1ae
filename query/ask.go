package query

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/kgraph/kg/graph"
)

// Graph is what questions need of a graph: adjacency, names and relations
// with their evidence. graph.Memory and the Badger store provide it. When
// the graph is also a graph.Lister, "the regime" can find an organization
// by the generic word of its name.
type Graph interface {
	graph.Reader
	graph.RelationReader
}

// Answer is one entity that answers a question, with the relations'
// evidence that makes it one.
type Answer struct {
	ID        graph.ID         `json:"id"`
	Name      string           `json:"name"`
	Type      graph.Type       `json:"type"`
	Predicate graph.Predicate  `json:"predicate"`
	Evidence  []graph.Evidence `json:"evidence"`
}

// Result is a question with how kg read it and what it found: answers for
// who/what/where questions, paths for "how is X connected to Y".
type Result struct {
	Question       string   `json:"question"`
	Interpretation string   `json:"interpretation"`
	Answers        []Answer `json:"answers"`
	Paths          []Path   `json:"paths,omitempty"` // non-nil for connection questions
}

// Options changes how a question is answered.
type Options struct {
	// IncludeUnasserted counts relations the text only denies or speculates about.
	IncludeUnasserted bool
	// MaxHops bounds connection questions (default 6).
	MaxHops int
	// MaxPaths bounds how many shortest paths a connection question lists (default 10).
	MaxPaths int
}

func (o Options) withDefaults() Options {
	if o.MaxHops <= 0 {
		o.MaxHops = 6
	}
	if o.MaxPaths <= 0 {
		o.MaxPaths = 10
	}
	return o
}

// ErrNoEntity is returned, wrapped with the name, when a name in a
// question or command matches no entity: `no entity named "Smith"`.
var ErrNoEntity = errors.New("no entity")

// ErrNotUnderstood is returned when a question fits none of the shapes kg
// knows; its message lists example questions (see Examples).
var ErrNotUnderstood = errors.New("question not understood; kg answers questions like:\n  " + strings.Join(Examples(), "\n  "))

// Examples returns questions of the shapes kg understands.
func Examples() []string {
	return []string{
		"who travelled with Koussa?",
		"who advised Saif al-Islam?  /  who did Senussi advise?",
		"who is Gaddafi's brother-in-law?  /  who are Gaddafi's relatives?",
		"who defected from the Gaddafi regime?",
		"what is Koussa accused of?  /  who accused Koussa?",
		"who was convicted of the Lockerbie bombing?",
		"where is Koussa being held?  /  where did Koussa travel to?",
		"who did Gaddafi order?  /  who was killed by X?",
		"who is a member of the General People's Congress?  /  what party is Lula a member of?",
		"where did the bombing happen?  /  where does Kim Jong-nam live?",
		"how is Senussi connected to Koussa?",
	}
}

// AmbiguousError is returned when a name fits several entities and the
// question does not tell them apart.
type AmbiguousError struct {
	Name       string
	Candidates []graph.Entity
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q may be any of %d entities; name one more fully or by id:", e.Name, len(e.Candidates))
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, "\n  %-28s %-30s %s", c.ID, c.Name, c.Type)
	}
	return b.String()
}

// describeRE matches "who is X", which asks for a card, not a relation.
var describeRE = regexp.MustCompile(`(?i)^(?:who|what) (?:is|are|was|were) (?:the )?(.+)$`)

// Ask answers a question in English over g, leaving out relations the text
// does not assert. See AskWith.
func Ask(g Graph, question string) (Result, error) {
	return AskWith(g, question, Options{})
}

// AskWith answers a question in English over g: "who travelled with
// Koussa?", "what is Koussa accused of?", "how is X connected to Y?".
// Names resolve by alias, surname and transliteration. It returns
// ErrNotUnderstood when the question fits no known shape, an error
// wrapping ErrNoEntity when a name matches nothing, and *AmbiguousError
// when a name fits several entities the question cannot tell apart.
// A question it reads but finds nothing for is no error: the result has no answers.
func AskWith(g Graph, question string, opts Options) (Result, error) {
	opts = opts.withDefaults()
	q := normalize(question)
	res, open, err := ask(g, q, question, opts)
	if open || err != nil && !errors.Is(err, ErrNotUnderstood) || err == nil && (len(res.Answers) > 0 || res.Paths != nil) {
		return res, err
	}
	// Nothing found, or not understood: the last phrase may be a time or
	// place the graph does not record ("who did X meet in Rotterdam").
	// Dropping it may only widen a question about a named entity, never
	// turn it into an open one.
	var understood *Result
	for range 2 {
		shorter, ok := withoutAdjunct(q)
		if !ok {
			break
		}
		q = shorter
		r, open, e := ask(g, q, question, opts)
		if open || e != nil {
			continue
		}
		if len(r.Answers) > 0 {
			return r, nil
		}
		if understood == nil {
			understood = &r
		}
	}
	if err != nil && understood != nil {
		return *understood, nil
	}
	return res, err
}

// ask answers the normalized question q. open reports an open question,
// one that names no entity ("who was arrested").
func ask(g Graph, q, question string, opts Options) (res Result, open bool, err error) {
	res = Result{Question: question, Answers: []Answer{}}
	rds := readings(q)
	if len(rds) == 0 {
		if r, ok, err := answerOpen(g, q, question, opts); err != nil || ok {
			return r, true, err
		}
		if m := describeRE.FindStringSubmatch(q); m != nil {
			if r, ok, err := answerDescribe(g, m[1], question, opts); ok || err != nil && (isAmbiguous(err) || !errors.Is(err, ErrNoEntity)) {
				return r, false, err
			}
			return res, false, fmt.Errorf("%w\nfor everything kg knows about %s, run: kg show %q", ErrNotUnderstood, m[1], m[1])
		}
		return res, false, ErrNotUnderstood
	}
	// Passes: the whole name span, the longest name inside it, a name the
	// span is part of. Within a pass, the first reading whose entity fits
	// its role and that finds answers wins; failing that, an answer for an
	// entity of an unexpected type, an ambiguity, then the first reading
	// that found nothing ("no answer" rather than a guess).
	var firstErr error
	var weak *Result // nothing found, for an entity of a type the role does not take: a later pass may do better
	for _, mode := range modes {
		var best *Result
		bestRank := 0
		var hardErr error
		topLen := -1 // the phrase length of the first reading that named an entity
		for _, rd := range rds {
			if topLen >= 0 && len(rd.phrase) < topLen {
				// A shorter phrase is a looser reading ("in" for
				// "happened in"): it may not stand in for a longer one
				// that found nothing.
				break
			}
			r := Result{Question: question, Answers: []Answer{}}
			fit := true
			var err error
			switch rd.rule.shape {
			case connection:
				err = answerConnection(g, rd, mode, opts, &r)
			default:
				fit, err = answerRelational(g, rd, mode, opts, &r)
			}
			if err != nil {
				if isAmbiguous(err) || !errors.Is(err, ErrNoEntity) {
					if hardErr == nil {
						hardErr = err
					}
				} else if firstErr == nil {
					firstErr = err
				}
				continue
			}
			if topLen < 0 {
				topLen = len(rd.phrase)
			}
			found := len(r.Answers) > 0
			if rd.rule.shape == connection || fit && found {
				return r, false, nil
			}
			rank := 3 // nothing found
			if found {
				rank = 1 // found, for an entity of another type than the role wants
			} else if fit {
				rank = 2
			}
			if best == nil || rank < bestRank {
				best, bestRank = &r, rank
			}
		}
		switch {
		case best != nil && bestRank == 1:
			return *best, false, nil
		case hardErr != nil && !errors.Is(hardErr, ErrNoEntity):
			return res, false, hardErr
		case hardErr != nil && best == nil:
			return res, false, hardErr
		case best != nil && bestRank == 2:
			return *best, false, nil
		case best != nil && weak == nil:
			weak = best
		}
	}
	if weak != nil {
		return *weak, false, nil
	}
	return res, false, firstErr
}

// legRoles is the entity types the question's entity may have in legs.
func legRoles(legs []leg) map[graph.Type]bool {
	roles := map[graph.Type]bool{}
	for _, l := range legs {
		end := 0 // X is the subject
		if l.dir == graph.In {
			end = 1
		}
		for _, t := range roleTypes[l.pred][end] {
			roles[t] = true
		}
		if l.pred.Symmetric() {
			for _, t := range roleTypes[l.pred][1-end] {
				roles[t] = true
			}
		}
	}
	return roles
}

// answerRelational follows rd's legs from the entity rd.x names. fit
// reports whether that entity's type is one the legs expect of it.
func answerRelational(g Graph, rd reading, mode spanMode, opts Options, res *Result) (fit bool, err error) {
	roles := legRoles(rd.rule.legs)
	x, err := resolveSpan(g, rd.x, mode, roles, func(id graph.ID) (bool, error) {
		for _, l := range rd.rule.legs {
			for _, err := range g.Edges(id, l.dir, l.pred) {
				return err == nil, err
			}
		}
		return false, nil
	})
	if err != nil {
		return false, err
	}
	types := answerTypes(rd.wh, rd.whNoun)
	answers, filtered, err := collect(g, x.ID, rd.rule.legs, rd.rule.filter, types, opts)
	if err != nil {
		return false, err
	}
	if len(answers) == 0 && rd.whNoun != "" {
		// "which organisation does Kubat belong to" when the embassy he
		// belongs to was typed a place: the relation matters more than the noun.
		if answers, filtered, err = collect(g, x.ID, rd.rule.legs, rd.rule.filter, nil, opts); err != nil {
			return false, err
		}
		if len(answers) > 0 {
			types = nil
		}
	}
	res.Interpretation = interpret(x, rd, types, filtered)
	if len(answers) == 0 && x.Type == graph.Place && intoPlace(rd.rule.legs) {
		// "who is detained in Vught": nobody is held at the town itself,
		// but someone is held at the prison that is located in it.
		inside, err := placesIn(g, x.ID)
		if err != nil {
			return false, err
		}
		for _, p := range inside {
			more, _, err := collect(g, p, rd.rule.legs, rd.rule.filter, types, opts)
			if err != nil {
				return false, err
			}
			answers = mergeAnswers(answers, more)
		}
		if len(answers) > 0 {
			res.Interpretation += "; nothing at " + string(x.ID) + " itself, so at the places located in it"
		}
	}
	res.Answers = answers
	return x.Type == "" || len(roles) == 0 || roles[x.Type], nil
}

// intoPlace reports whether every leg asks what is at a place X: who is
// held at, lives in or travelled to X, what happened in it.
func intoPlace(legs []leg) bool {
	for _, l := range legs {
		if l.dir != graph.In {
			return false
		}
		switch l.pred {
		case graph.HeldAt, graph.LivesIn, graph.TravelledTo, graph.OccurredIn:
		default:
			return false
		}
	}
	return len(legs) > 0
}

// placesIn lists the places located in x, directly.
func placesIn(g Graph, x graph.ID) ([]graph.ID, error) {
	var ids []graph.ID
	for e, err := range g.Edges(x, graph.In, graph.LocatedIn) {
		if err != nil {
			return nil, fmt.Errorf("query: edges of %q: %w", x, err)
		}
		if o := e.Other(x); o != x {
			ids = append(ids, o)
		}
	}
	return ids, nil
}

// mergeAnswers adds more to answers, joining the evidence of an entity in both.
func mergeAnswers(answers, more []Answer) []Answer {
	for _, m := range more {
		found := false
		for i := range answers {
			if answers[i].ID == m.ID {
				answers[i].Evidence = append(answers[i].Evidence, m.Evidence...)
				found = true
				break
			}
		}
		if !found {
			answers = append(answers, m)
		}
	}
	return answers
}

// answerTypes is the entity types a question word asks for.
func answerTypes(wh, whNoun string) []graph.Type {
	if whNoun != "" {
		if ts, ok := whNouns[whNoun]; ok {
			return ts
		}
		if f := strings.Fields(whNoun); len(f) > 1 {
			if ts, ok := whNouns[f[len(f)-1]]; ok {
				return ts
			}
		}
	}
	switch wh {
	case "where":
		return []graph.Type{graph.Place}
	case "who", "whom":
		return []graph.Type{graph.Person, graph.Organization}
	case "what", "which":
		return []graph.Type{graph.Event, graph.Organization, graph.Place}
	}
	return nil
}

// collect gathers the entities at the other end of x's edges along legs,
// each with the evidence of every relation that reaches it. With a filter,
// it keeps the relations whose attribute or evidence names one of its
// words, unless none does (then filtered is false and it keeps those that
// name no other kin or role).
func collect(g Graph, x graph.ID, legs []leg, f *filter, types []graph.Type, opts Options) (answers []Answer, filtered bool, err error) {
	var hits []hit
	seen := map[graph.Key]bool{}
	for _, l := range legs {
		for e, err := range g.Edges(x, l.dir, l.pred) {
			if err != nil {
				return nil, false, fmt.Errorf("query: edges of %q: %w", x, err)
			}
			if seen[e.Key()] {
				continue
			}
			seen[e.Key()] = true
			other := e.Other(x)
			if other == x {
				continue
			}
			rel, ok, err := g.Relation(e.Key())
			if err != nil {
				return nil, false, fmt.Errorf("query: relation %v: %w", e.Key(), err)
			}
			if !ok {
				rel = graph.Relation{Subject: e.Subject, Predicate: e.Predicate, Object: e.Object}
			}
			if !opts.IncludeUnasserted && !rel.Status().Asserted() {
				continue
			}
			hits = append(hits, hit{rel, other})
		}
	}
	if f != nil {
		var kept []hit
		for _, h := range hits {
			if f.matches(h.rel) {
				kept = append(kept, h)
			}
		}
		if len(kept) > 0 {
			hits, filtered = kept, true
		} else {
			// Nothing says the word asked for: keep the relations that say
			// nothing of the kind either, not those that name another kin
			// or role ("son" is no answer to "brother-in-law").
			// Nor those that name the tie from the other end ("son" for
			// "father"), whichever end the relation's word describes.
			kept = nil
			rev := &filter{attr: f.attr, words: f.reverse}
			for _, h := range hits {
				if f.silent(h.rel) || len(rev.words) > 0 && rev.matches(h.rel) {
					kept = append(kept, h)
				}
			}
			hits = kept
		}
	}
	answers, err = gather(g, hits, types)
	return answers, filtered, err
}

// A hit is a relation that reaches an answer, other.
type hit struct {
	rel   graph.Relation
	other graph.ID
}

// gather turns hits into answers of the types asked for, each with the
// evidence of every relation reaching it, most evidence first.
func gather(g graph.Reader, hits []hit, types []graph.Type) ([]Answer, error) {
	byID := map[graph.ID]*Answer{}
	for _, h := range hits {
		a, ok := byID[h.other]
		if !ok {
			ent, found, err := g.Entity(h.other)
			if err != nil {
				return nil, fmt.Errorf("query: entity %q: %w", h.other, err)
			}
			if !found {
				ent = graph.Entity{ID: h.other, Name: string(h.other)}
			}
			if !typeIn(ent.Type, types) {
				continue
			}
			a = &Answer{ID: ent.ID, Name: ent.Name, Type: ent.Type, Predicate: h.rel.Predicate, Evidence: []graph.Evidence{}}
			byID[h.other] = a
		}
		a.Evidence = append(a.Evidence, h.rel.Evidence...)
	}
	answers := make([]Answer, 0, len(byID))
	for _, a := range byID {
		graph.SortEvidence(a.Evidence)
		answers = append(answers, *a)
	}
	sort.Slice(answers, func(i, j int) bool {
		a, b := answers[i], answers[j]
		if len(a.Evidence) != len(b.Evidence) {
			return len(a.Evidence) > len(b.Evidence)
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	return answers, nil
}

func typeIn(t graph.Type, ts []graph.Type) bool {
	if len(ts) == 0 || t == "" {
		return true
	}
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// matches reports whether r's attribute or, lacking one, its evidence names one of f's words.
func (f *filter) matches(r graph.Relation) bool {
	if v := r.Attrs[f.attr]; v != "" {
		return containsWord(v, f.words)
	}
	for _, e := range r.Evidence {
		if containsWord(e.Sentence, f.words) {
			return true
		}
	}
	return false
}

// silent reports whether r says nothing of the kind f asks about: no
// attribute, and for kinship no kin word in its evidence.
func (f *filter) silent(r graph.Relation) bool {
	if r.Attrs[f.attr] != "" {
		return false
	}
	if f.attr != "kin" {
		return true
	}
	for _, e := range r.Evidence {
		if containsWord(e.Sentence, kinTerms) {
			return false
		}
	}
	return true
}

// containsWord reports whether text holds one of words as whole words,
// hyphens read as spaces and a plural s allowed.
func containsWord(text string, words []string) bool {
	t := " " + strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "'s", " ", "\u2019s", " ").Replace(text))), " ") + " "
	t = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == ' ' {
			return r
		}
		return ' '
	}, t)
	for _, w := range words {
		w = strings.ReplaceAll(strings.ToLower(w), "-", " ")
		if strings.Contains(t, " "+w+" ") || strings.Contains(t, " "+w+"s ") {
			return true
		}
		if i := strings.Index(w, " in law"); i > 0 && strings.Contains(t, " "+w[:i]+"s in law ") {
			return true
		}
	}
	return false
}

// interpret says in a line how the question was read.
func interpret(x graph.Entity, rd reading, types []graph.Type, filtered bool) string {
	var legs []string
	for _, l := range rd.rule.legs {
		if l.dir == graph.Out {
			legs = append(legs, fmt.Sprintf("%s %s ?", x.ID, l.pred))
		} else {
			legs = append(legs, fmt.Sprintf("? %s %s", l.pred, x.ID))
		}
	}
	s := strings.Join(legs, " or ")
	if len(types) > 0 {
		ts := make([]string, len(types))
		for i, t := range types {
			ts[i] = string(t)
		}
		article := "a "
		if types[0] == graph.Event || types[0] == graph.Organization {
			article = "an "
		}
		s += " (? is " + article + strings.Join(ts, " or ") + ")"
	}
	if f := rd.rule.filter; f != nil {
		if filtered {
			s += fmt.Sprintf("; only relations that say %q", f.label)
		} else {
			s += fmt.Sprintf("; no relation says %q, so those that name no other", f.label)
		}
	}
	return s
}
