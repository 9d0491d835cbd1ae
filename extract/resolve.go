package extract

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph"
)

// entity is a cluster of mentions that name one thing.
type entity struct {
	Type     graph.Type
	Forms    map[string]int // surface forms and how often each was seen
	first    map[string]int // the mention index each form was first seen at
	Aliases  map[string]bool
	Attrs    map[string]string
	Mentions []int
	Victim   int  // for an event named by its victim, that person's entity; else -1
	Regime   bool // the regime or government of the article's country
	key      string
	Name     string
	ID       graph.ID
}

// resolved is a recognized article whose mentions are clustered into
// entities (the output of resolve).
type resolved struct {
	recognized
	Entities []*entity
	nc       *nameCache
}

func (r *resolved) add(mi int, e int) {
	m := &r.Mentions[mi]
	m.Ent = e
	ent := r.Entities[e]
	ent.Mentions = append(ent.Mentions, mi)
	ent.Forms[m.Text]++
	if _, ok := ent.first[m.Text]; !ok {
		ent.first[m.Text] = mi
		if m.Weak || r.Sentences[m.Sent].Headline {
			ent.first[m.Text] = mi + 1<<20 // forms from headlines and sidebars rank last
		}
	}
	ent.Aliases[m.Text] = true
	if m.Alias != "" {
		ent.Aliases[m.Alias] = true
	}
	if m.Title != "" && ent.Attrs["title"] == "" {
		ent.Attrs["title"] = m.Title
	}
	if m.Nationality != "" && ent.Attrs["nationality"] == "" {
		ent.Attrs["nationality"] = m.Nationality
	}
}

func (r *resolved) newEntity(mi int, t graph.Type) int {
	r.Entities = append(r.Entities, &entity{Type: t, Forms: map[string]int{}, first: map[string]int{}, Aliases: map[string]bool{}, Attrs: map[string]string{}, Victim: -1})
	e := len(r.Entities) - 1
	r.add(mi, e)
	return e
}

// nameCache memoizes name keys while one article is resolved: the same few
// names are compared with each other many times.
type nameCache struct {
	w map[string][]string
	p map[string]string
}

func newNameCache() *nameCache {
	return &nameCache{w: map[string][]string{}, p: map[string]string{}}
}

func (nc *nameCache) words(s string) []string {
	if w, ok := nc.w[s]; ok {
		return w
	}
	w := nameWords(s)
	nc.w[s] = w
	return w
}

func (nc *nameCache) phon(s string) string {
	if k, ok := nc.p[s]; ok {
		return k
	}
	k := graph.PhoneticKey(s)
	nc.p[s] = k
	return k
}

// compact is the phonetic key of s with its spaces taken out.
func (nc *nameCache) compact(s string) string {
	return strings.ReplaceAll(nc.phon(s), " ", "")
}

// nameWords returns a person name's words in lookup form, without
// honorifics, the Arabic article as a word of its own, or a dangling suffix.
func nameWords(s string) []string {
	w := strings.Fields(graph.NameKey(strings.ReplaceAll(s, "-", " ")))
	out := w[:0]
	for _, x := range w {
		if x == "al" || x == "el" {
			continue
		}
		out = append(out, x)
	}
	return out
}

// surnameKey is the part of a person's name a bare surname mention matches:
// the last word, with a generational suffix ("trump jr").
func surnameKey(words []string) string {
	if len(words) == 0 {
		return ""
	}
	last := words[len(words)-1]
	if nameSuffixes[last] && len(words) > 1 {
		return words[len(words)-2] + " " + last
	}
	return last
}

// familyNameFirst reports whether a person's name is written family name
// first with a hyphenated given name, as Korean and Taiwanese names are
// romanized ("Park Sung-ho", "Lin Wen-hsiung"): two words, the second joined
// by a hyphen to a lower-case syllable. "Smith-Jones" and "Jean-Pierre" have
// a capital after the hyphen; "Jean-Pierre Bemba" has the hyphen first.
func familyNameFirst(name string) bool {
	w := strings.Fields(name)
	if len(w) != 2 {
		return false
	}
	h := strings.IndexByte(w[1], '-')
	if h <= 0 || h+1 >= len(w[1]) || strings.Contains(w[0], "-") {
		return false
	}
	first, rest := w[1][:h], w[1][h+1:]
	return isCapWord(first) && isLowerWord(rest) && isCapWord(w[0])
}

// isCapWord reports whether s is a capitalized word of letters ("Sung").
func isCapWord(s string) bool {
	for i, c := range s {
		if i == 0 && !unicode.IsUpper(c) || i > 0 && !unicode.IsLower(c) {
			return false
		}
	}
	return s != ""
}

// isLowerWord reports whether s is a word of lower-case letters ("ho").
func isLowerWord(s string) bool {
	for _, c := range s {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return s != ""
}

// genderedForms reports whether two surnames are the masculine and
// feminine forms of one family name (Lebedev / Lebedeva, Horak /
// Horakova, Kowalski / Kowalska, Tolstoy / Tolstaya): relatives, not one
// person, so a bare surname never joins the other form by sound.
func genderedForms(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if b == a+"a" || b == a+"ova" || b == a+"ová" {
		return true
	}
	for _, p := range [][2]string{{"ski", "ska"}, {"cki", "cka"}, {"sky", "ska"}, {"iy", "aya"}, {"oy", "aya"}, {"y", "aya"}, {"ii", "aia"}} {
		for _, q := range [][2]string{p, {p[1], p[0]}} {
			if strings.HasSuffix(a, q[0]) && strings.HasSuffix(b, q[1]) && strings.TrimSuffix(a, q[0]) == strings.TrimSuffix(b, q[1]) {
				return true
			}
		}
	}
	return false
}

// samePerson reports whether two multi-word person names name one person in
// one article: equal, equal phonetically, the same first and last word, a
// misspelt first name with the same surname, or one a tail of the other.
func samePerson(nc *nameCache, a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	ja, jb := strings.Join(a, " "), strings.Join(b, " ")
	if ja == jb || nc.phon(ja) == nc.phon(jb) {
		return true
	}
	la, lb := surnameKey(a), surnameKey(b)
	if la != lb && nc.phon(la) != nc.phon(lb) {
		return false
	}
	if nameSuffixes[a[len(a)-1]] != nameSuffixes[b[len(b)-1]] {
		return false
	}
	if a[0] == b[0] || misspeltGiven(a[0], b[0]) || nc.phon(a[0]) == nc.phon(b[0]) {
		return true
	}
	// Given names split differently: "Abdel Fatah Younis", "Abdulfatah
	// Younis" and "Abdel Fattah Younis" share a compact phonetic key.
	if len(a) != len(b) && nc.compact(strings.Join(a[:len(a)-1], " ")) == nc.compact(strings.Join(b[:len(b)-1], " ")) {
		return true
	}
	// "Abdul Jalil" is the tail of "Mustafa Abdel Jalil".
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) >= 2 {
		tail := long[len(long)-len(short):]
		if nc.phon(strings.Join(tail, " ")) == nc.phon(strings.Join(short, " ")) {
			return true
		}
	}
	return false
}

// misspeltGiven reports whether two given names differ only as spellings
// of one name do ("Moammar", "Muammar"; "Khaled", "Khalid"): at most two
// letters apart, long enough, and with the same first letter. Relatives
// share a family name and often given names as close ("Karim", "Farid";
// "Jana", "Dana"): a different first letter is a different person.
func misspeltGiven(a, b string) bool {
	return len(a) > 4 && a[0] == b[0] && graph.EditDistance(a, b) <= 2
}

// resolve clusters mentions into entities.
func resolve(rc recognized) resolved {
	r := resolved{recognized: rc, nc: newNameCache()}
	ms := r.Mentions
	persons := []int{} // person entities
	// 1. Full person names, in text order, strong lines first.
	for pass := 0; pass < 2; pass++ {
		for mi := range ms {
			m := &ms[mi]
			if m.Ent >= 0 || m.Type != graph.Person || m.Weak != (pass == 1) || m.Victim >= 0 {
				continue
			}
			w := r.nc.words(m.Text)
			if len(w) < 2 || len(w) == 2 && nameSuffixes[w[1]] {
				continue
			}
			joined := -1
			for _, e := range persons {
				for form := range r.Entities[e].Forms {
					if fw := r.nc.words(form); len(fw) >= 2 && samePerson(r.nc, w, fw) {
						joined = e
						break
					}
				}
				if joined >= 0 {
					break
				}
			}
			if joined >= 0 {
				r.add(mi, joined)
			} else if !m.Weak || m.Strong {
				persons = append(persons, r.newEntity(mi, graph.Person))
			}
		}
	}
	// 2. Surnames and "Mr X": join the person whose surname it is, nearest first.
	ambiguous := map[int]bool{}
	for mi := range ms {
		m := &ms[mi]
		if m.Ent >= 0 || !(m.Type == graph.Person || m.Type == "unknown") || m.Victim >= 0 {
			continue
		}
		w := r.nc.words(m.Text)
		if len(w) == 0 {
			continue
		}
		key := strings.Join(w, " ")
		best, bestDist := -1, 1<<30
		var kinless []int // candidates not introduced as someone's relative
		h := byte(0)      // "Mrs Vrba" is no man, "Mr Vrba" no woman
		if m.Alias != "" {
			w, _, _ := strings.Cut(m.Alias, " ")
			h = honorificGender(w)
		}
		for _, e := range persons {
			if h != 0 {
				if g := r.gender(e); g != 0 && g != h {
					continue
				}
			}
			ok := false
			for form := range r.Entities[e].Forms {
				fw := r.nc.words(form)
				if len(fw) < 2 && strings.Join(fw, " ") != key {
					continue
				}
				sk := surnameKey(fw)
				if sk == key || len(w) == 1 && r.nc.phon(sk) == r.nc.phon(key) && len(key) > 3 && !nameSuffixes[fw[len(fw)-1]] && !genderedForms(sk, key) {
					ok = true
				} else if len(w) == 1 && len(fw) >= 3 {
					// "Lula" in "Luiz Inacio Lula da Silva"; "Mr Khalid" for "Khalid Abu Bakar";
					// "Park" for "Park Sung-ho", a family name written first.
					for i, x := range fw {
						if x == key && (i > 0 || m.Alias != "" || familyNameFirst(form)) {
							ok = true
						}
					}
				}
				if ok {
					break
				}
			}
			if !ok {
				continue
			}
			d := distance(ms, mi, r.Entities[e].Mentions)
			if r.introducedAsKin(e) {
				// "his son, Daniel Okoro": a relative named after the
				// principal yields the bare surname to the principal.
				d += 1 << 25
			} else {
				kinless = append(kinless, e)
			}
			if d < bestDist {
				best, bestDist = e, d
			}
		}
		if best >= 0 && len(w) == 1 && r.sharedSurname(mi, best, kinless) {
			// "Tomas Vrba and Milan Vrba ran the firm. Vrba said":
			// two people of the surname, neither a relative named after
			// the other, and the last named not alone in a later
			// sentence: the surname refers to nobody.
			ambiguous[mi] = true
			continue
		}
		if best >= 0 {
			r.add(mi, best)
			continue
		}
		if m.Type == graph.Person && (!m.Weak || m.Strong) {
			persons = append(persons, r.newEntity(mi, graph.Person))
		}
	}
	// 2b. A name the tagger or context typed otherwise but that names a
	// person already found ("Qaddafi", "Moreno-Ocampo"), or that gives a
	// regime its name, is that person.
	for mi := range ms {
		m := &ms[mi]
		if m.Ent >= 0 || m.Type == graph.Person || m.Type == "" || m.Victim >= 0 || m.Head != "" {
			continue
		}
		if m.Strong && !r.surnameLikePlace(mi) {
			continue
		}
		if p := personEntity(&r, m.Text); p >= 0 && (!m.Strong || r.namedInBody(p)) {
			r.add(mi, p)
			continue
		}
		if len(r.nc.words(m.Text)) <= 2 && modifiesRegime(ms, m.Text) {
			if _, ok := gazLookup(m.Text); !ok {
				m.Type = graph.Person
				persons = append(persons, r.newEntity(mi, graph.Person))
			}
		}
	}
	// 3. Everything else, by name key, gazetteer name, acronym, regime, victim.
	byKey := map[string]int{}
	for _, e := range persons {
		for form := range r.Entities[e].Forms {
			byKey[graph.NameKey(form)] = e
		}
	}
	for mi := range ms {
		m := &ms[mi]
		if m.Ent >= 0 || m.Type == "" || ambiguous[mi] {
			continue
		}
		key := entityKey(&r, mi)
		// A name the tagger typed otherwise joins the entity its strongly
		// typed form made ("the construction firm Danubia Build", then
		// "Danubia Build's chief executive").
		if e, ok := byKey[key]; ok && (r.Entities[e].Type == m.Type || m.Type == "unknown" || m.Weak || !m.Strong && m.Type != graph.Person && r.Entities[e].Type != graph.Person) {
			r.add(mi, e)
			// "the Kim Jong-nam killing" then "the killing of Kim Jong-nam":
			// the later form names the victim.
			if m.Victim >= 0 && r.Entities[e].Victim < 0 {
				r.Entities[e].Victim = ms[m.Victim].Ent
			}
			continue
		}
		if m.Type == "unknown" || m.Weak && !m.Strong {
			continue
		}
		if m.Type == graph.Person {
			continue
		}
		// The other way round: a strongly typed form retypes the entity a
		// tagger-typed form of the name made before it.
		if e, ok := byKey[key]; ok && m.Strong && r.Entities[e].Type != graph.Person && !r.strongly(e) {
			r.Entities[e].Type = m.Type
			r.add(mi, e)
			continue
		}
		e := r.newEntity(mi, m.Type)
		r.Entities[e].key = key
		if m.Head == "regime" || strings.HasPrefix(key, "regime:") {
			r.Entities[e].Regime = true
		}
		if m.Victim >= 0 {
			r.Entities[e].Victim = ms[m.Victim].Ent
		}
		byKey[key] = e
		byKey[graph.NameKey(m.Text)] = e
	}
	r.mergeKillings()
	r.joinTaggedPersons()
	r.joinShortBodyNames()
	r.joinAkas()
	r.joinBareBodyNouns()
	r.joinKindSuffixed()
	r.topicAliases()
	// Acronyms join the organization whose initials they are ("ICC").
	for _, e := range r.Entities {
		if e.Type != graph.Organization {
			continue
		}
		for form := range e.Forms {
			if ac := initials(form); len(ac) >= 2 {
				if o, ok := byKey[strings.ToLower(ac)]; ok && r.Entities[o] != e && len(r.Entities[o].Mentions) > 0 && r.Entities[o].Type == graph.Organization {
					r.merge(e, r.Entities[o])
				}
			}
		}
	}
	r.compact()
	return r
}

// surnameLikePlace reports whether mention mi is a one-word place the
// gazetteer knows that may instead be a person's surname: "Cáceres" (a
// Spanish town) after "Aurelio Cáceres" was named. Only where a town is not
// written: not after a preposition of place ("in Cáceres") nor before a
// comma and a region ("Cáceres, Spain"). The caller still requires a person
// of that surname.
func (r *resolved) surnameLikePlace(mi int) bool {
	m := r.Mentions[mi]
	if m.Type != graph.Place || m.T1-m.T0 != 1 || m.Title != "" {
		return false
	}
	toks := r.Sentences[m.Sent].Tokens
	if m.T0 > 0 && (placePrepositions[toks[m.T0-1].Lower] || toks[m.T0-1].Lower == "the") {
		return false
	}
	if m.T1+1 < len(toks) && toks[m.T1].Lower == "," {
		for _, o := range r.BySent[m.Sent] {
			if r.Mentions[o].T0 == m.T1+1 && r.Mentions[o].Type == graph.Place {
				return false
			}
		}
	}
	return true
}

// namedInBody reports whether person e has a full name (two words or more)
// in a sentence of the body, not only in a headline or a title-case line
// ("Qian Qichen Leaves Beijing for South Asian Tour" is no person "Qian
// Qichen Leaves Beijing").
func (r *resolved) namedInBody(e int) bool {
	for _, mi := range r.Entities[e].Mentions {
		m := r.Mentions[mi]
		if !m.Weak && !r.Sentences[m.Sent].Headline && len(r.nc.words(m.Text)) >= 2 {
			return true
		}
	}
	return false
}

// placePrepositions are the prepositions before a place named as one.
var placePrepositions = setOf("in", "at", "to", "from", "near", "into", "of", "outside", "inside", "across", "toward", "towards", "via", "through", "around", "between", "within")

// modifiesRegime reports whether name gives a regime or its forces their
// name somewhere in the article ("the Qaddafi regime"): a leader's name.
func modifiesRegime(ms []mention, name string) bool {
	k := graph.NameKey(name)
	for _, m := range ms {
		if (m.Head == "regime" || m.Head == "forces" || m.Head == "troops") && graph.NameKey(m.Modifier) == k {
			return true
		}
	}
	return false
}

// distance is how many mentions lie between mention mi and the nearest of others.
func distance(ms []mention, mi int, others []int) int {
	best := 1 << 30
	for _, o := range others {
		d := mi - o
		if d < 0 {
			// Prefer any antecedent: "Lebedev's brother, Mikhail Lebedev"
			// is the brother of the Lebedev named before.
			d = -d*2 + 1<<20
		}
		if d < best {
			best = d
		}
	}
	return best
}

// initials returns the capital initials of a multi-word name ("ICC").
func initials(name string) string {
	var b strings.Builder
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	for _, w := range words {
		if w == "" || !isUpperRune(runeAt(w, 0)) || w == "The" {
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

// entityKey is the clustering key of a non-person mention.
func entityKey(r *resolved, mi int) string {
	m := &r.Mentions[mi]
	switch {
	case m.Head == "regime":
		return "regime:"
	case m.Head == "government" || m.Head == "administration":
		if p := personEntity(r, m.Modifier); p >= 0 {
			return "regime:" // "the Al Qathafi government"
		}
	case m.Head == "forces" || m.Head == "troops":
		if p := personEntity(r, m.Modifier); p >= 0 {
			return "forces:" + strconv.Itoa(p)
		}
	case m.Victim >= 0 && r.Mentions[m.Victim].Ent >= 0:
		return "victim:" + strconv.Itoa(r.Mentions[m.Victim].Ent)
	}
	if m.Head != "" && victimNouns[m.Head] {
		if p := personEntity(r, m.Modifier); p >= 0 {
			return "victim:" + strconv.Itoa(p)
		}
	}
	if e, ok := gazLookup(m.Text); ok && e.Name != "" {
		return graph.NameKey(e.Name)
	}
	return graph.NameKey(m.Text)
}

// personEntity returns the person entity a name refers to, or -1.
func personEntity(r *resolved, name string) int {
	if name == "" {
		return -1
	}
	w := r.nc.words(name)
	if len(w) == 0 {
		return -1
	}
	key := strings.Join(w, " ")
	for i, e := range r.Entities {
		if e.Type != graph.Person {
			continue
		}
		for form := range e.Forms {
			fw := r.nc.words(form)
			if strings.Join(fw, " ") == key || surnameKey(fw) == key || len(w) > 1 && samePerson(r.nc, w, fw) {
				return i
			}
		}
	}
	return -1
}

// merge moves o's mentions into e.
func (r *resolved) merge(e, o *entity) {
	for _, mi := range o.Mentions {
		r.Mentions[mi].Ent = -1
		for i, x := range r.Entities {
			if x == e {
				r.add(mi, i)
			}
		}
	}
	o.Mentions = nil
}

// compact drops emptied entities, renumbers, and names each entity.
func (r *resolved) compact() {
	var keep []*entity
	remap := map[int]int{}
	for i, e := range r.Entities {
		if len(e.Mentions) == 0 {
			continue
		}
		remap[i] = len(keep)
		keep = append(keep, e)
	}
	for mi := range r.Mentions {
		if r.Mentions[mi].Ent >= 0 {
			r.Mentions[mi].Ent = remap[r.Mentions[mi].Ent]
		}
	}
	for _, e := range keep {
		if e.Victim >= 0 {
			e.Victim = remap[e.Victim]
		}
	}
	r.Entities = keep
	used := map[graph.ID]bool{}
	for _, e := range r.Entities {
		e.Name = chooseName(e)
		id := graph.Slug(e.Name)
		base := id
		for n := 2; used[id]; n++ {
			id = graph.ID(string(base) + "-" + strconv.Itoa(n))
		}
		used[id] = true
		e.ID = id
	}
}

// chooseName picks an entity's canonical name: for a regime the form seen
// most often, otherwise the fullest form, preferring mixed case over capitals.
func chooseName(e *entity) string {
	forms := make([]string, 0, len(e.Forms))
	for f := range e.Forms {
		forms = append(forms, f)
	}
	sort.Slice(forms, func(i, j int) bool {
		a, b := forms[i], forms[j]
		if e.Regime && e.Forms[a] != e.Forms[b] {
			return e.Forms[a] > e.Forms[b]
		}
		ua, ub := strings.ToUpper(a) == a, strings.ToUpper(b) == b
		if ua != ub && len(a) > 4 && len(b) > 4 {
			return ub
		}
		wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
		if wa != wb {
			return wa > wb
		}
		if e.Forms[a] != e.Forms[b] {
			return e.Forms[a] > e.Forms[b]
		}
		return e.first[a] < e.first[b]
	})
	return forms[0]
}

// mergeKillings joins a killing named by where or how it happened ("the
// Kuala Lumpur airport killing", "the Dublin shooting") to the killing the
// article names by its victim ("the killing of Kim Jong-nam"), when the
// article names exactly one victim's killing: a story about a killing
// names it several ways.
func (r *resolved) mergeKillings() {
	named := -1
	for i, e := range r.Entities {
		if e.Type != graph.Event || e.Victim < 0 || len(e.Mentions) == 0 {
			continue
		}
		if !r.killingEvent(e) {
			continue
		}
		if named >= 0 {
			return // two victims' killings: which one is meant is unknown
		}
		named = i
	}
	if named < 0 {
		return
	}
	for _, e := range r.Entities {
		if e.Type != graph.Event || e.Victim >= 0 || len(e.Mentions) == 0 || !r.killingEvent(e) {
			continue
		}
		// Named after a person ("the Kim killing") is the victim key's
		// business; only places and bare heads join here.
		for _, mi := range e.Mentions {
			if personEntity(r, r.Mentions[mi].Modifier) >= 0 {
				return
			}
		}
		r.merge(r.Entities[named], e)
	}
}

// killingEvent reports whether every mention of event e has a head noun of
// the killing class ("killing", "murder", "shooting").
func (r *resolved) killingEvent(e *entity) bool {
	for _, mi := range e.Mentions {
		m := r.Mentions[mi]
		h := m.Head
		if h == "" {
			h = strings.ToLower(lastWord(m.Text))
		}
		if eventClass[h] != "killing" {
			return false
		}
	}
	return true
}

// strongly reports whether any mention of entity e was typed by the
// gazetteer, a title or a head noun rather than by the tagger alone.
func (r *resolved) strongly(e int) bool {
	for _, mi := range r.Entities[e].Mentions {
		if r.Mentions[mi].Strong {
			return true
		}
	}
	return false
}

// topicAliases gives an event named with a leading country, as headlines
// label topics ("Brazil Petrobras scandal"), the alias the story itself
// would use ("Petrobras scandal").
func (r *resolved) topicAliases() {
	for _, e := range r.Entities {
		if e.Type != graph.Event {
			continue
		}
		for form := range e.Forms {
			w := strings.Fields(form)
			if len(w) < 3 {
				continue
			}
			for n := 1; n <= 2 && n+2 <= len(w); n++ {
				if g, ok := gazLookup(strings.Join(w[:n], " ")); ok && g.Kind == "country" && isUpperRune(runeAt(w[n], 0)) {
					e.Aliases[strings.Join(w[n:], " ")] = true
					break
				}
			}
		}
	}
}

// sharedSurname reports whether bare surname mention mi could as well be
// another of the candidates than best: two or more of them not named as
// someone's relative, and best not the only one named in the latest
// sentence before mi that names any of them. A title ("Mr", "Ms") is
// read elsewhere; this sees only the bare surname.
func (r *resolved) sharedSurname(mi, best int, kinless []int) bool {
	if len(kinless) < 2 {
		return false
	}
	ms := r.Mentions
	last := func(e int) int {
		s := -1
		for _, o := range r.Entities[e].Mentions {
			if o < mi && ms[o].Sent > s {
				s = ms[o].Sent
			}
		}
		return s
	}
	lb := last(best)
	for _, e := range kinless {
		if e != best && last(e) >= lb {
			return true
		}
	}
	return false
}

// introducedAsKin reports whether person e was first named as someone's
// relative: "his son, Daniel Okoro", "Ashworth's husband, Trevor Ashworth".
func (r *resolved) introducedAsKin(e int) bool {
	ment := r.Entities[e].Mentions
	if len(ment) == 0 {
		return false
	}
	m := r.Mentions[ment[0]]
	toks := r.Sentences[m.Sent].Tokens
	k := m.T0 - 1
	if k > 0 && toks[k].Lower == "," {
		k--
	}
	return k >= 0 && kinNouns[toks[k].Lower]
}

// joinTaggedPersons joins a person the tagger alone typed to the body or
// place of the same name that a head noun, a title or the gazetteer typed
// ("the textile group Calder Mills", then "Calder Mills's former sales
// director" tagged a person): one name, one entity, of the strong type. A
// one-word name is left alone ("Jordan" the man and the country).
func (r *resolved) joinTaggedPersons() {
	strong := map[string]*entity{}
	for i, e := range r.Entities {
		if e.Type == graph.Person || e.Type == graph.Event || !r.strongly(i) {
			continue
		}
		for form := range e.Forms {
			if len(strings.Fields(form)) < 2 {
				continue
			}
			k := graph.NameKey(form)
			if o, ok := strong[k]; ok && o != e {
				strong[k] = nil // two bodies of the name: unclear
				continue
			}
			strong[k] = e
		}
	}
	for i, p := range r.Entities {
		if p.Type != graph.Person || len(p.Mentions) == 0 || r.strongly(i) {
			continue
		}
		var to *entity
		for form := range p.Forms {
			o := strong[graph.NameKey(form)]
			if o == nil || to != nil && o != to {
				to = nil
				break
			}
			to = o
		}
		if to != nil {
			r.merge(to, p)
		}
	}
}

// firmEndings end the names of firms, which the firm's first word names
// alone ("Daesan" for "Daesan Heavy Industries"); not "regime" nor
// "institute", whose first word is often a person's name ("Lula Institute").
var firmEndings = setOf("industries", "group", "corp", "corporation", "company", "co", "holdings", "motors", "electronics",
	"airlines", "airways", "petroleum", "steel", "construction", "shipping", "enterprises", "inc", "ltd", "plc", "ag", "sa",
	"bank", "chemicals", "pharmaceuticals", "telecom", "engineering", "mining", "energy", "shipyards", "textiles")

// joinShortBodyNames joins a one-word name the tagger alone typed (a
// person, a body, or a place no mention puts after "in", "at" and the like)
// to the firm whose longer name opens with that word ("Daesan Heavy Industries",
// then "Daesan's vice chairman" and "Daesan said in a statement"), when
// exactly one body's name opens so, no person's name holds the word ("Ford"
// beside "Gerald Ford") and the gazetteer knows no place of the name.
func (r *resolved) joinShortBodyNames() {
	first := map[string]*entity{}
	inPerson := map[string]bool{}
	for i, e := range r.Entities {
		for form := range e.Forms {
			w := strings.Fields(graph.NameKey(form))
			switch {
			case e.Type == graph.Person && len(w) >= 2:
				for _, x := range w {
					inPerson[x] = true
				}
			case e.Type == graph.Organization && len(w) >= 2 && r.strongly(i) && firmEndings[w[len(w)-1]]:
				if o, ok := first[w[0]]; ok && o != e {
					first[w[0]] = nil // two bodies open with it: unclear
					continue
				}
				first[w[0]] = e
			}
		}
	}
	for i, p := range r.Entities {
		if p.Type == graph.Event || p.Type == graph.Place && !r.guessedPlace(p) || len(p.Mentions) == 0 || r.strongly(i) {
			continue
		}
		var to *entity
		for form := range p.Forms {
			w := strings.Fields(graph.NameKey(form))
			if len(w) != 1 || inPerson[w[0]] {
				to = nil
				break
			}
			if _, ok := gazLookup(form); ok {
				to = nil
				break
			}
			if o := first[w[0]]; o != nil && o != p && (to == nil || to == o) {
				to = o
				continue
			}
			to = nil
			break
		}
		if to != nil {
			r.merge(to, p)
		}
	}
}

// sitePrepositions come before a place's name ("in Norland", "near X");
// "of" does not ("the president of Norland").
var sitePrepositions = setOf("in", "at", "near", "from", "to", "into", "outside", "inside", "across", "via", "through")

// guessedPlace reports whether e is a place only by the tagger's guess
// ("Norland's president", "ordered Norland to"): no mention follows a
// place preposition, so a firm whose name opens with the word may claim it.
func (r *resolved) guessedPlace(e *entity) bool {
	if e.Type != graph.Place {
		return false
	}
	for _, mi := range e.Mentions {
		m := r.Mentions[mi]
		toks := r.Sentences[m.Sent].Tokens
		if m.T0 > 0 && sitePrepositions[toks[m.T0-1].Lower] {
			return false
		}
	}
	return true
}

// kindReference reports whether every mention of e opens its sentence or
// follows "the": "Party chairman X", "the Party said". "Congress" alone
// mid-sentence is a name of its own (the U.S. Congress).
func (r *resolved) kindReference(e *entity) bool {
	for _, mi := range e.Mentions {
		m := r.Mentions[mi]
		toks := r.Sentences[m.Sent].Tokens
		if m.T0 > 0 && toks[m.T0-1].Lower != "the" {
			return false
		}
	}
	return true
}

// joinBareBodyNouns joins a body named only by its kind, capitalized and
// opening a sentence or after "the" ("Party chairman Kang Tae-seok", "the
// Bank said"), to
// the one body of the article whose name ends in that noun ("Democratic
// Renewal Party"). With two such bodies it stays apart.
func (r *resolved) joinBareBodyNouns() {
	for _, e := range r.Entities {
		if e.Type != graph.Organization || len(e.Mentions) == 0 {
			continue
		}
		noun := ""
		for form := range e.Forms {
			w := strings.Fields(graph.NameKey(form))
			if len(w) != 1 || !bodyNouns[w[0]] || noun != "" && noun != w[0] {
				noun = ""
				break
			}
			noun = w[0]
		}
		if noun == "" || !r.kindReference(e) {
			continue
		}
		var to *entity
		for _, o := range r.Entities {
			if o == e || o.Type != graph.Organization || len(o.Mentions) == 0 {
				continue
			}
			for form := range o.Forms {
				if w := strings.Fields(graph.NameKey(form)); len(w) >= 2 && w[len(w)-1] == noun {
					if to != nil && to != o {
						to = e // two bodies of the kind: unclear
					} else if to == nil {
						to = o
					}
				}
			}
		}
		if to != nil && to != e {
			r.merge(to, e)
		}
	}
}

// joinAkas joins a name given as a person's alias ("Dmitri Volkov, 34,
// also known as "Harbormaster"", "Luis Soto, alias "El Flaco"") to that
// person, when the alias names nothing else in the article.
func (r *resolved) joinAkas() {
	for mi, m := range r.Mentions {
		if m.Ent < 0 || m.T0 < 2 || r.Entities[m.Ent].Type == graph.Event || r.strongly(m.Ent) {
			continue
		}
		toks := r.Sentences[m.Sent].Tokens
		k := m.T0 - 1
		if isQuote(toks[k].Text) || toks[k].Lower == "'" {
			k--
		}
		// The alias cue ends at k; find where it starts.
		cue := -1
		for j := k; j >= 0 && j >= k-4; j-- {
			if akaAt(toks, j) == k+1 {
				cue = j
				break
			}
		}
		if cue < 0 {
			continue
		}
		owner := -1
		for _, o := range r.BySent[m.Sent] {
			om := r.Mentions[o]
			if om.T1 <= cue && om.Ent >= 0 && r.Entities[om.Ent].Type == graph.Person && om.Ent != m.Ent {
				owner = om.Ent // the last person named before the cue
			}
		}
		alias := r.Entities[m.Ent]
		if owner < 0 || alias == r.Entities[owner] {
			continue
		}
		only := true
		for _, o := range alias.Mentions {
			if o != mi && graph.NameKey(r.Mentions[o].Text) != graph.NameKey(m.Text) {
				only = false
			}
		}
		if only {
			// The alias joins as an alias only: the person keeps the
			// name it was given ("Annie Oakley", not "Little Miss Sure Shot").
			o := r.Entities[owner]
			for _, x := range alias.Mentions {
				r.Mentions[x].Ent = owner
				o.Mentions = append(o.Mentions, x)
				o.Aliases[r.Mentions[x].Text] = true
			}
			alias.Mentions = nil
		}
	}
}

// joinKindSuffixed joins a body named with a lower-case kind after its name
// ("the NightFerry group", "the Daesan group") to the body of that bare
// name the article also names ("NightFerry").
func (r *resolved) joinKindSuffixed() {
	byName := map[string]*entity{}
	for _, e := range r.Entities {
		if e.Type != graph.Organization || len(e.Mentions) == 0 {
			continue
		}
		for form := range e.Forms {
			byName[graph.NameKey(form)] = e
		}
	}
	for _, e := range r.Entities {
		if e.Type != graph.Organization || len(e.Mentions) == 0 {
			continue
		}
		var to *entity
		for form := range e.Forms {
			w := strings.Fields(form)
			if len(w) < 2 {
				continue
			}
			last := w[len(w)-1]
			if last != strings.ToLower(last) || !(orgClassNouns[last] || bodyNouns[last]) {
				continue
			}
			if o := byName[graph.NameKey(strings.Join(w[:len(w)-1], " "))]; o != nil && o != e {
				to = o
			}
		}
		if to != nil && len(to.Mentions) > 0 {
			r.merge(to, e)
		}
	}
}
