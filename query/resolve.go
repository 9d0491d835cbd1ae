package query

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kgraph/kg/graph"
)

// Lookup finds the one entity name refers to: an entity id as given, else
// graph.Reader.Resolve (alias, surname, transliteration), else the longest
// run of words inside name that names something. It returns an error
// wrapping ErrNoEntity when nothing matches and *AmbiguousError when
// several entities do.
func Lookup(g graph.Reader, name string) (graph.Entity, error) {
	name = cleanSpan(name)
	if e, ok, err := g.Entity(graph.ID(name)); err != nil {
		return graph.Entity{}, fmt.Errorf("query: entity %q: %w", name, err)
	} else if ok {
		return e, nil
	}
	e, err := resolveSpan(g, name, wholeSpan, nil, nil)
	if err != nil && !isAmbiguous(err) {
		e, err = resolveSpan(g, name, insideSpan, nil, nil)
	}
	return e, err
}

func isAmbiguous(err error) bool {
	var amb *AmbiguousError
	return errors.As(err, &amb)
}

// stopwords never begin or end a name span tried on its own.
var stopwords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true, "by": true,
	"for": true, "with": true, "and": true, "or": true, "from": true, "is": true, "was": true, "are": true,
	"were": true, "did": true, "does": true, "do": true, "who": true, "what": true, "where": true, "his": true,
	"her": true, "its": true, "their": true, "he": true, "she": true, "it": true, "they": true,
}

// genericOrgWords are the last words of organizations' names that a
// question may use alone: "the regime".
var genericOrgWords = map[string]bool{"regime": true, "government": true, "administration": true, "junta": true, "authorities": true}

// spanMode says how much of a name span a pass of resolution may use.
type spanMode uint8

const (
	wholeSpan   spanMode = iota // the span as it is, or without a title ("Mr. Okafor")
	insideSpan                  // the longest run of words inside it that names something
	partialSpan                 // a name or alias the span's words are a run of ("Vught" for "Vught prison")
)

// modes are the passes of resolution, most trusted first.
var modes = []spanMode{wholeSpan, insideSpan, partialSpan}

// resolveSpan finds the entity span names. With wholeSpan it tries the
// span as it is (and without a leading title); with insideSpan the longest
// runs of words inside it, leftmost first; with partialSpan the entities
// whose name holds the span's words in a row. When several entities fit,
// it keeps those whose type is in roles (when given), then those hasEdges
// approves (when given); more than one left is an *AmbiguousError.
func resolveSpan(g graph.Reader, span string, mode spanMode, roles map[graph.Type]bool, hasEdges func(graph.ID) (bool, error)) (graph.Entity, error) {
	whole := mode == wholeSpan
	// "the Volta Timber scandal", "the Asante killing": a slot that takes
	// an event, and a span ending in a noun for one, want the happening,
	// never the firm, person or town it is named after.
	if roles[graph.Event] {
		ids, err := eventsNamed(g, span)
		if err != nil {
			return graph.Entity{}, err
		}
		if len(ids) > 0 {
			return choose(g, span, ids, roles, hasEdges)
		}
	}
	if mode == partialSpan {
		ids, err := partialNamed(g, span, roles)
		if err != nil {
			return graph.Entity{}, err
		}
		if len(ids) == 0 {
			return graph.Entity{}, fmt.Errorf("%w named %q", ErrNoEntity, span)
		}
		return choose(g, span, ids, roles, hasEdges)
	}
	if mode == insideSpan && eventPhrase(span) {
		// "the killing of Kwame Asante" names a happening: Asante inside it
		// is not what the question is about.
		return graph.Entity{}, fmt.Errorf("%w named %q", ErrNoEntity, span)
	}
	var tries []string
	if whole {
		tries = []string{span}
		if t := untitled(span); t != span {
			tries = append(tries, t)
		}
	} else {
		words := strings.Fields(span)
		seen := map[string]bool{span: true}
		for n := len(words) - 1; n >= 1; n-- {
			for i := 0; i+n <= len(words); i++ {
				w := words[i : i+n]
				if stopwords[strings.ToLower(w[0])] || stopwords[strings.ToLower(strings.TrimSuffix(w[n-1], "'s"))] {
					continue
				}
				s := strings.Join(w, " ")
				if !seen[s] {
					seen[s] = true
					tries = append(tries, s)
				}
			}
		}
	}
	for _, s := range tries {
		ids, err := g.Resolve(s)
		if err != nil {
			return graph.Entity{}, fmt.Errorf("query: resolve %q: %w", s, err)
		}
		if len(ids) == 0 && whole && s == span {
			ids, err = genericOrg(g, s)
			if err != nil {
				return graph.Entity{}, err
			}
		}
		if len(ids) == 0 {
			continue
		}
		if onlyEvents(roles) {
			// "convicted for Lockerbie": a slot that takes only a happening
			// wants the event named after the town, not the town.
			evs, err := eventsAmong(g, ids)
			if err != nil {
				return graph.Entity{}, err
			}
			if len(evs) == 0 {
				if evs, err = partialNamed(g, s, roles); err != nil {
					return graph.Entity{}, err
				}
				if len(evs) > 0 {
					return choose(g, s, evs, roles, hasEdges)
				}
			}
		}
		e, err := choose(g, s, ids, roles, hasEdges)
		if err != nil || hasEdges == nil || len(strings.Fields(s)) > 1 {
			return e, err
		}
		return namesakeWithEdges(g, s, e, roles, hasEdges)
	}
	return graph.Entity{}, fmt.Errorf("%w named %q", ErrNoEntity, span)
}

// eventPhrase reports whether span describes a happening: its last word
// is a noun for one ("the Asante killing") or it begins with one and "of"
// ("the murder of Elena Varga").
func eventPhrase(span string) bool {
	words := strings.Fields(graph.NameKey(span))
	for len(words) > 0 && stopwords[words[0]] {
		words = words[1:]
	}
	if len(words) < 2 {
		return false
	}
	return eventClasses[words[len(words)-1]] != "" || words[1] == "of" && eventClasses[words[0]] != ""
}

// onlyEvents reports whether roles admit events and nothing else.
func onlyEvents(roles map[graph.Type]bool) bool {
	return len(roles) == 1 && roles[graph.Event]
}

// eventsAmong keeps the ids of events.
func eventsAmong(g graph.Reader, ids []graph.ID) ([]graph.ID, error) {
	var out []graph.ID
	for _, id := range ids {
		e, ok, err := g.Entity(id)
		if err != nil {
			return nil, fmt.Errorf("query: entity %q: %w", id, err)
		}
		if ok && e.Type == graph.Event {
			out = append(out, id)
		}
	}
	return out, nil
}

// namesakeWithEdges second-guesses e, the entity a one-word name such as
// "Ferreira" found: when e has none of the question's relations and
// exactly one other entity of a fitting type has that word in its name and
// has them (Julio Ferreira, who travelled, beside Rosa Ferreira, the alias's
// owner), the question is about that one.
func namesakeWithEdges(g graph.Reader, word string, e graph.Entity, roles map[graph.Type]bool, hasEdges func(graph.ID) (bool, error)) (graph.Entity, error) {
	if ok, err := hasEdges(e.ID); err != nil || ok {
		return e, err
	}
	ids, err := partialNamed(g, word, roles)
	if err != nil {
		return graph.Entity{}, err
	}
	var found []graph.ID
	for _, id := range ids {
		if id == e.ID {
			continue
		}
		ok, err := hasEdges(id)
		if err != nil {
			return graph.Entity{}, fmt.Errorf("query: resolve %q: %w", word, err)
		}
		if ok {
			found = append(found, id)
		}
	}
	if len(found) != 1 {
		return e, nil
	}
	other, ok, err := g.Entity(found[0])
	if err != nil || !ok {
		return e, err
	}
	return other, nil
}

// choose narrows ids, all named by name, to one entity.
func choose(g graph.Reader, name string, ids []graph.ID, roles map[graph.Type]bool, hasEdges func(graph.ID) (bool, error)) (graph.Entity, error) {
	var cands []graph.Entity
	for _, id := range ids {
		e, ok, err := g.Entity(id)
		if err != nil {
			return graph.Entity{}, fmt.Errorf("query: entity %q: %w", id, err)
		}
		if ok {
			cands = append(cands, e)
		}
	}
	if len(cands) == 0 {
		return graph.Entity{}, fmt.Errorf("%w named %q", ErrNoEntity, name)
	}
	if len(cands) == 1 {
		return cands[0], nil
	}
	narrow := func(keep func(graph.Entity) (bool, error)) ([]graph.Entity, error) {
		var out []graph.Entity
		for _, c := range cands {
			ok, err := keep(c)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, c)
			}
		}
		return out, nil
	}
	if len(roles) > 0 {
		typed, _ := narrow(func(e graph.Entity) (bool, error) { return roles[e.Type], nil })
		if len(typed) == 1 {
			return typed[0], nil
		}
		if len(typed) > 1 {
			cands = typed
		}
	}
	if hasEdges != nil {
		linked, err := narrow(func(e graph.Entity) (bool, error) { return hasEdges(e.ID) })
		if err != nil {
			return graph.Entity{}, fmt.Errorf("query: resolve %q: %w", name, err)
		}
		if len(linked) == 1 {
			return linked[0], nil
		}
	}
	return graph.Entity{}, &AmbiguousError{Name: name, Candidates: cands}
}

// genericOrg finds organizations for "the regime" or "Gadhafi's regime"
// when no alias says so: those with the generic word in a name and, when
// the span has other words, a name whose phonetic key contains theirs. It
// needs g to be a graph.Lister and returns nothing otherwise.
func genericOrg(g graph.Reader, span string) ([]graph.ID, error) {
	words := strings.Fields(graph.NameKey(span))
	if len(words) == 0 || !genericOrgWords[words[len(words)-1]] {
		return nil, nil
	}
	l, ok := g.(graph.Lister)
	if !ok {
		return nil, nil
	}
	generic := words[len(words)-1]
	qualifier := graph.PhoneticKey(strings.Join(words[:len(words)-1], " "))
	var ids []graph.ID
	for e, err := range l.Entities() {
		if err != nil {
			return nil, fmt.Errorf("query: list entities: %w", err)
		}
		if e.Type != graph.Organization {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if !containsWord(graph.NameKey(n), []string{generic}) {
				continue
			}
			if qualifier == "" || strings.Contains(" "+graph.PhoneticKey(n)+" ", " "+qualifier+" ") {
				ids = append(ids, e.ID)
				break
			}
		}
	}
	return ids, nil
}

// eventClasses groups the nouns a question may use for one happening: a
// scandal is also "the case" or "the affair", a killing "the murder".
var eventClasses = map[string]string{
	"scandal": "scandal", "case": "scandal", "affair": "scandal", "scheme": "scandal", "fraud": "scandal",
	"corruption": "scandal", "bribery": "scandal",
	"killing": "killing", "murder": "killing", "assassination": "killing", "slaying": "killing",
	"shooting": "killing", "poisoning": "killing", "stabbing": "killing", "death": "killing",
	"bombing": "bombing", "attack": "bombing", "explosion": "bombing", "blast": "bombing",
	"beating": "killing", "kidnapping": "kidnapping", "abduction": "kidnapping", "disappearance": "kidnapping",
}

// eventsNamed finds the events a span such as "the Petrobras case" or "the
// Asante killing" names: those with the span's qualifier words ("petrobras",
// "asante") in a row in a name or alias, and a noun of the span head's
// class anywhere in it ("Petrobras scandal", "killing of Kwame Asante").
// Those whose name holds the span's own head word win over the rest of the
// class. It needs g to be a graph.Lister and finds nothing otherwise, nor
// for a span whose last word names no happening.
func eventsNamed(g graph.Reader, span string) ([]graph.ID, error) {
	words := strings.Fields(graph.NameKey(span))
	for len(words) > 0 && stopwords[words[0]] {
		words = words[1:]
	}
	if len(words) < 2 {
		return nil, nil
	}
	// "the murder of Elena Varga" reads as "Elena Varga murder".
	if len(words) > 2 && words[1] == "of" && eventClasses[words[0]] != "" {
		words = append(append([]string(nil), words[2:]...), words[0])
		ids, err := eventsNamed(g, strings.Join(words, " "))
		if err != nil || len(ids) > 0 {
			return ids, err
		}
		// No event carries the name: the happenings the person named fell victim to.
		return victimEvents(g, strings.Join(words[:len(words)-1], " "), eventClasses[words[len(words)-1]])
	}
	head := words[len(words)-1]
	class, ok := eventClasses[head]
	if !ok {
		return nil, nil
	}
	// The span as an event's name or alias needs no scan.
	ids, err := g.Resolve(strings.Join(words, " "))
	if err != nil {
		return nil, fmt.Errorf("query: resolve %q: %w", span, err)
	}
	var named []graph.ID
	for _, id := range ids {
		if e, ok, err := g.Entity(id); err != nil {
			return nil, fmt.Errorf("query: entity %q: %w", id, err)
		} else if ok && e.Type == graph.Event {
			named = append(named, id)
		}
	}
	if len(named) > 0 {
		return named, nil
	}
	l, ok := g.(graph.Lister)
	if !ok {
		return nil, nil
	}
	qualifier := " " + strings.Join(words[:len(words)-1], " ") + " "
	var exact, kin []graph.ID
	for e, err := range l.Entities() {
		if err != nil {
			return nil, fmt.Errorf("query: list entities: %w", err)
		}
		if e.Type != graph.Event {
			continue
		}
		same, related := false, false
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := " " + graph.NameKey(n) + " "
			if !strings.Contains(k, qualifier) {
				continue
			}
			for _, w := range strings.Fields(k) {
				same = same || w == head
				related = related || eventClasses[w] == class
			}
		}
		switch {
		case same:
			exact = append(exact, e.ID)
		case related:
			kin = append(kin, e.ID)
		}
	}
	if len(exact) > 0 {
		return exact, nil
	}
	return kin, nil
}

// victimEvents finds the events the person name refers to is a victim of,
// for "the murder of X" when no event is named after X. Those of class
// (by a noun in their name) win over the rest.
func victimEvents(g graph.Reader, name, class string) ([]graph.ID, error) {
	ids, err := g.Resolve(name)
	if err != nil {
		return nil, fmt.Errorf("query: resolve %q: %w", name, err)
	}
	var same, other []graph.ID
	for _, id := range ids {
		for e, err := range g.Edges(id, graph.Out, graph.VictimOf) {
			if err != nil {
				return nil, fmt.Errorf("query: edges of %q: %w", id, err)
			}
			ev, ok, err := g.Entity(e.Object)
			if err != nil {
				return nil, fmt.Errorf("query: entity %q: %w", e.Object, err)
			}
			if !ok || ev.Type != graph.Event {
				continue
			}
			inClass := false
			for _, w := range strings.Fields(graph.NameKey(ev.Name)) {
				inClass = inClass || eventClasses[w] == class
			}
			if inClass {
				same = append(same, ev.ID)
			} else {
				other = append(other, ev.ID)
			}
		}
	}
	if len(same) > 0 {
		return same, nil
	}
	return other, nil
}

// titles are the words before a name that no alias need carry: "Mr. Okafor".
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "madam": true, "mme": true, "m": true,
	"col": true, "colonel": true, "gen": true, "maj": true, "major": true, "capt": true, "captain": true,
	"lt": true, "sgt": true, "sen": true, "senator": true, "rep": true, "gov": true, "governor": true,
	"president": true, "minister": true, "judge": true, "sheikh": true, "imam": true,
	"rev": true, "king": true, "queen": true, "prince": true, "princess": true,
	"mayor": true, "chancellor": true, "premier": true, "ambassador": true, "officer": true, "detective": true, "inspector": true,
}

// untitled drops the titles before a name: "Mr. Daniel Okafor" -> "Daniel
// Okafor". A span that is only titles stays as it is.
func untitled(span string) string {
	words := strings.Fields(span)
	i := 0
	for i < len(words)-1 && titles[strings.ToLower(strings.TrimSuffix(words[i], "."))] {
		i++
	}
	return strings.Join(words[i:], " ")
}

// initials are the first letters of a name's words, leaving out "of",
// "the", "and", "for": "National Intelligence Service" -> "nis".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ReplaceAll(graph.NameKey(name), "-", " ")) {
		switch w {
		case "of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al":
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

// stem folds a plural or possessive s: "workers" and "worker" meet.
func stem(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// stems joins the stems of words with spaces.
func stems(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = stem(w)
	}
	return strings.Join(out, " ")
}

// holdsAll reports whether the name key k has every one of the stemmed words.
func holdsAll(k string, words []string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(k) {
		have[stem(w)] = true
	}
	for _, w := range words {
		if !have[w] {
			return false
		}
	}
	return true
}

// partialNamed finds the entities whose name or an alias holds every word
// of span in a row ("Vught" for "Vught prison", "the police" for "National
// Police"), when none is named by it: the last resort for a name given in
// part. When roles are given, entities of other types are left out. It
// needs g to be a graph.Lister and finds nothing otherwise.
func partialNamed(g graph.Reader, span string, roles map[graph.Type]bool) ([]graph.ID, error) {
	words := strings.Fields(graph.NameKey(untitled(span)))
	for len(words) > 0 && stopwords[words[0]] {
		words = words[1:]
	}
	if len(words) == 0 || len(words) == 1 && (stopwords[words[0]] || len(words[0]) < 3) {
		return nil, nil
	}
	l, ok := g.(graph.Lister)
	if !ok {
		return nil, nil
	}
	want := " " + strings.Join(words, " ") + " "
	wantStem := " " + stems(words) + " "
	wantPhon := " " + graph.PhoneticKey(strings.Join(words, " ")) + " "
	// A happening may be named with its words in another order: "the
	// Lockerbie compensation package" for "compensation package for the
	// victims of Lockerbie". Its content words must all be in the name.
	var content []string
	if roles[graph.Event] && len(words) >= 2 {
		for _, w := range words {
			if !stopwords[w] {
				content = append(content, stem(w))
			}
		}
	}
	acronym := ""
	if w := strings.Fields(untitled(span)); len(w) > 0 {
		if a := strings.TrimSuffix(strings.TrimPrefix(w[len(w)-1], "("), ")"); len(a) >= 2 && len(a) <= 6 && strings.ToUpper(a) == a && strings.ToLower(a) != a {
			acronym = strings.ToLower(a) // "the NIS": initials of a name
		}
	}
	var ids []graph.ID
	for e, err := range l.Entities() {
		if err != nil {
			return nil, fmt.Errorf("query: list entities: %w", err)
		}
		if len(roles) > 0 && !roles[e.Type] {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := graph.NameKey(n)
			if strings.Contains(" "+k+" ", want) || strings.Contains(" "+stems(strings.Fields(k))+" ", wantStem) ||
				len(wantPhon) > 4 && strings.Contains(" "+graph.PhoneticKey(n)+" ", wantPhon) ||
				acronym != "" && initials(n) == acronym ||
				e.Type == graph.Event && len(content) >= 2 && holdsAll(k, content) {
				ids = append(ids, e.ID)
				break
			}
		}
	}
	return ids, nil
}
