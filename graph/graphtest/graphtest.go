// Package graphtest is a conformance suite for kg's graphs: anything that
// ingests batches and reads them back through graph's interfaces (the
// in-memory graph.Memory, the Badger store) must pass Run.
//
// It ingests three small articles written for it (see BatchA) and checks
// cross-document entity resolution, name lookup (exact, surname,
// transliteration, case and accents), adjacency in every direction with and
// without predicate filters, relations with merged evidence, the order of
// every listing, and that re-ingesting a document changes nothing.
package graphtest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
)

// Graph is what the suite needs of an implementation. Ingest reports
// whether the batch was added (false: its document was already there).
type Graph interface {
	graph.Reader
	graph.RelationReader
	graph.Lister
	graph.DocumentReader
	Ingest(b graph.Batch) (bool, error)
}

// Run runs the suite; newGraph returns an empty graph, one per subtest.
func Run(t *testing.T, newGraph func(t *testing.T) Graph) {
	load := func(t *testing.T) Graph {
		t.Helper()
		g := newGraph(t)
		for _, b := range []graph.Batch{BatchA(), BatchB(), BatchC()} {
			added, err := g.Ingest(b)
			if err != nil {
				t.Fatalf("Ingest(%s): %v", b.Doc.ID, err)
			}
			if !added {
				t.Fatalf("Ingest(%s) = false (skipped), want true: the graph was empty", b.Doc.ID)
			}
		}
		return g
	}
	t.Run("Entity", func(t *testing.T) { testEntity(t, load(t)) })
	t.Run("NoLocalIDs", func(t *testing.T) { testNoLocalIDs(t, load(t)) })
	t.Run("Resolve", func(t *testing.T) { testResolve(t, load(t)) })
	t.Run("Edges", func(t *testing.T) { testEdges(t, load(t)) })
	t.Run("EdgesAfterIngest", func(t *testing.T) { testEdgesAfterIngest(t, newGraph(t)) })
	t.Run("Relation", func(t *testing.T) { testRelation(t, load(t)) })
	t.Run("Entities", func(t *testing.T) { testEntities(t, load(t)) })
	t.Run("Relations", func(t *testing.T) { testRelations(t, load(t)) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, load(t)) })
	t.Run("Reingest", func(t *testing.T) { testReingest(t, load(t)) })
	t.Run("StopEarly", func(t *testing.T) { testStopEarly(t, load(t)) })
	t.Run("Empty", func(t *testing.T) { testEmpty(t, newGraph(t)) })
}

func mustEntity(t *testing.T, g Graph, id graph.ID) graph.Entity {
	t.Helper()
	e, ok, err := g.Entity(id)
	if err != nil {
		t.Fatalf("Entity(%q): %v", id, err)
	}
	if !ok {
		t.Fatalf("Entity(%q): not found", id)
	}
	return e
}

func testEntity(t *testing.T, g Graph) {
	tests := []struct {
		id       graph.ID
		name     string
		typ      graph.Type
		aliases  []string // must be among the entity's aliases
		attrs    map[string]string
		mentions int
		docs     []graph.DocID
	}{
		{"moussa-koussa", "Moussa Koussa", graph.Person, []string{"Koussa", "Kusa", "Musa Kusa"},
			map[string]string{"title": "Foreign Minister"}, 2 + 3 + 2 + 1, []graph.DocID{docA, docB, docC}},
		{"muammar-gaddafi", "Muammar Gaddafi", graph.Person, []string{"Muammar Qaddafi", "Qaddafi"},
			nil, 1 + 2, []graph.DocID{docA, docB}},
		{"abdelati-obeidi", "Abdelati Obeidi", graph.Person, []string{"Abdelati Obéidi"},
			nil, 2, []graph.DocID{docA, docC}},
		{"moussa-ibrahim", "Moussa Ibrahim", graph.Person, nil,
			map[string]string{"title": "spokesman"}, 2, []graph.DocID{docA, docB}},
		{"aisha-gaddafi", "Aisha Gaddafi", graph.Person, nil, nil, 1, []graph.DocID{docB}},
		{"london", "London", graph.Place, nil, nil, 2, []graph.DocID{docA, docB}},
		{"national-transitional-council", "National Transitional Council", graph.Organization, []string{"NTC"},
			nil, 1, []graph.DocID{docC}},
	}
	for _, tt := range tests {
		t.Run(string(tt.id), func(t *testing.T) {
			e := mustEntity(t, g, tt.id)
			if e.ID != tt.id || e.Name != tt.name || e.Type != tt.typ {
				t.Errorf("got (%q, %q, %q), want (%q, %q, %q)", e.ID, e.Name, e.Type, tt.id, tt.name, tt.typ)
			}
			for _, a := range tt.aliases {
				if !slices.Contains(e.Aliases, a) {
					t.Errorf("aliases %q lack %q", e.Aliases, a)
				}
			}
			if !slices.IsSorted(e.Aliases) {
				t.Errorf("aliases %q not sorted", e.Aliases)
			}
			for k, v := range tt.attrs {
				if e.Attrs[k] != v {
					t.Errorf("attr %q = %q, want %q", k, e.Attrs[k], v)
				}
			}
			if e.Mentions != tt.mentions {
				t.Errorf("mentions = %d, want %d", e.Mentions, tt.mentions)
			}
			if !slices.Equal(e.Docs, tt.docs) {
				t.Errorf("docs = %q, want %q", e.Docs, tt.docs)
			}
		})
	}
}

// testNoLocalIDs checks that batch ids that resolved to stored entities
// did not become entities of their own, and that "Moussa Ibrahim" and
// "Aisha Gaddafi" did not join the entities they share a word with.
func testNoLocalIDs(t *testing.T, g Graph) {
	for _, id := range []graph.ID{"musa-kusa", "muammar-qaddafi", "koussa", "abdelati-obeidi-c", "ghost", "moussa-koussa-2", "london-2"} {
		if _, ok, err := g.Entity(id); err != nil || ok {
			t.Errorf("Entity(%q) = found %v, err %v; want not found", id, ok, err)
		}
	}
	if e := mustEntity(t, g, "moussa-koussa"); slices.Contains(e.Aliases, "Moussa Ibrahim") {
		t.Errorf("moussa-koussa took Moussa Ibrahim's name: %q", e.Aliases)
	}
	if e := mustEntity(t, g, "muammar-gaddafi"); slices.Contains(e.Aliases, "Aisha Gaddafi") {
		t.Errorf("muammar-gaddafi took Aisha Gaddafi's name: %q", e.Aliases)
	}
}

func testResolve(t *testing.T, g Graph) {
	tests := []struct {
		name string
		want []graph.ID
	}{
		{"Moussa Koussa", []graph.ID{"moussa-koussa"}},
		{"musa kusa", []graph.ID{"moussa-koussa"}},                  // an alias, case folded
		{"Koussa", []graph.ID{"moussa-koussa"}},                     // an alias
		{"Koussa's", []graph.ID{"moussa-koussa"}},                   // possessive dropped
		{"Moussa Kousa", []graph.ID{"moussa-koussa"}},               // transliteration
		{"Gadhafi", []graph.ID{"muammar-gaddafi"}},                  // transliteration of the alias Qaddafi
		{"Moammar Kadhafi", []graph.ID{"muammar-gaddafi"}},          // transliteration of the full name
		{"Gaddafi", []graph.ID{"aisha-gaddafi", "muammar-gaddafi"}}, // a surname two people share, in id order
		{"Obeidi", []graph.ID{"abdelati-obeidi"}},                   // a surname
		{"ABDELATI OBÉIDI", []graph.ID{"abdelati-obeidi"}},
		{"abdelati obeidi", []graph.ID{"abdelati-obeidi"}},
		{"Moussa Ibrahim", []graph.ID{"moussa-ibrahim"}},
		{"Ibrahim", []graph.ID{"moussa-ibrahim"}},
		{"the National Transitional Council", []graph.ID{"national-transitional-council"}},
		{"ntc", []graph.ID{"national-transitional-council"}},
		{"London", []graph.ID{"london"}},
		{"Moussa", nil}, // a first name two people share: no surname, no alias
		{"Benghazi", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := g.Resolve(tt.name)
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.name, err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Resolve(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func edge(s graph.ID, p graph.Predicate, o graph.ID) graph.Edge {
	return graph.Edge{Subject: s, Predicate: p, Object: o}
}

// testEdges checks what Edges yields and in which order: the edges where the
// entity is the subject by (predicate, object), then those where it is the
// object by (predicate, subject); symmetric relations count both ways.
func testEdges(t *testing.T, g Graph) {
	const (
		mk   = graph.ID("moussa-koussa")
		ob   = graph.ID("abdelati-obeidi")
		mg   = graph.ID("muammar-gaddafi")
		ag   = graph.ID("aisha-gaddafi")
		ntc  = graph.ID("national-transitional-council")
		lon  = graph.ID("london")
		tun  = graph.ID("tunisia")
		trip = graph.ID("tripoli")
	)
	var (
		mkAdvised  = edge(mk, graph.Advised, mg)
		mkLondon   = edge(mk, graph.TravelledTo, lon)
		mkTunisia  = edge(mk, graph.TravelledTo, tun)
		obWithMK   = edge(ob, graph.Accompanied, mk) // stored canonically: ob < mk
		ntcAccused = edge(ntc, graph.Accused, mk)
		agMetMK    = edge(ag, graph.Met, mk)
		agFamily   = edge(ag, graph.FamilyOf, mg)
		obTripoli  = edge(ob, graph.LivesIn, trip)
	)
	tests := []struct {
		name  string
		id    graph.ID
		dir   graph.Direction
		preds []graph.Predicate
		want  []graph.Edge
	}{
		{"koussa out", mk, graph.Out, nil, []graph.Edge{mkAdvised, mkLondon, mkTunisia, obWithMK, agMetMK}},
		{"koussa in", mk, graph.In, nil, []graph.Edge{obWithMK, ntcAccused, agMetMK}},
		{"koussa both", mk, graph.Both, nil, []graph.Edge{mkAdvised, mkLondon, mkTunisia, obWithMK, ntcAccused, agMetMK}},
		{"koussa out travelled met", mk, graph.Out, []graph.Predicate{graph.Met, graph.TravelledTo}, []graph.Edge{mkLondon, mkTunisia, agMetMK}},
		{"koussa out repeated filter", mk, graph.Out, []graph.Predicate{graph.TravelledTo, graph.TravelledTo}, []graph.Edge{mkLondon, mkTunisia}},
		{"koussa in accused", mk, graph.In, []graph.Predicate{graph.Accused}, []graph.Edge{ntcAccused}},
		{"koussa out accused", mk, graph.Out, []graph.Predicate{graph.Accused}, nil},
		{"koussa both accompanied", mk, graph.Both, []graph.Predicate{graph.Accompanied}, []graph.Edge{obWithMK}},
		{"koussa in accompanied", mk, graph.In, []graph.Predicate{graph.Accompanied}, []graph.Edge{obWithMK}},
		{"koussa out unknown predicate", mk, graph.Out, []graph.Predicate{"bribed"}, nil},
		{"obeidi out", ob, graph.Out, nil, []graph.Edge{obWithMK, obTripoli}},
		{"obeidi in", ob, graph.In, nil, []graph.Edge{obWithMK}},
		{"obeidi both", ob, graph.Both, nil, []graph.Edge{obWithMK, obTripoli}},
		{"gaddafi out", mg, graph.Out, nil, []graph.Edge{agFamily}},
		{"gaddafi in", mg, graph.In, nil, []graph.Edge{mkAdvised, agFamily}},
		{"gaddafi in advised", mg, graph.In, []graph.Predicate{graph.Advised}, []graph.Edge{mkAdvised}},
		{"aisha both", ag, graph.Both, nil, []graph.Edge{agFamily, agMetMK}},
		{"aisha in family", ag, graph.In, []graph.Predicate{graph.FamilyOf}, []graph.Edge{agFamily}},
		{"london out", lon, graph.Out, nil, nil},
		{"london in", lon, graph.In, nil, []graph.Edge{mkLondon}},
		{"ibrahim both", "moussa-ibrahim", graph.Both, nil, nil},
		{"unknown both", "nobody", graph.Both, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []graph.Edge
			for e, err := range g.Edges(tt.id, tt.dir, tt.preds...) {
				if err != nil {
					t.Fatalf("Edges: %v", err)
				}
				got = append(got, e)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Edges(%q, %d, %q)\n got %v\nwant %v", tt.id, tt.dir, tt.preds, got, tt.want)
			}
		})
	}
}

// testEdgesAfterIngest reads every entity's edges after the first article,
// then ingests the other two and checks the edges as testEdges does: a
// graph that keeps adjacency in a cache must not serve what it read
// before the later articles.
func testEdgesAfterIngest(t *testing.T, g Graph) {
	if _, err := g.Ingest(BatchA()); err != nil {
		t.Fatalf("Ingest(%s): %v", BatchA().Doc.ID, err)
	}
	read := 0
	for _, e := range BatchA().Entities {
		for _, dir := range []graph.Direction{graph.Out, graph.In, graph.Both} {
			for _, err := range g.Edges(e.ID, dir) {
				if err != nil {
					t.Fatalf("Edges(%q): %v", e.ID, err)
				}
				read++
			}
		}
	}
	if read == 0 {
		t.Fatal("the first article gives no edges: the test proves nothing")
	}
	for _, b := range []graph.Batch{BatchB(), BatchC()} {
		if _, err := g.Ingest(b); err != nil {
			t.Fatalf("Ingest(%s): %v", b.Doc.ID, err)
		}
	}
	testEdges(t, g)
}

func testRelation(t *testing.T, g Graph) {
	tests := []struct {
		name     string
		key      graph.Key
		want     graph.Key // the stored, canonical key
		evidence []graph.Evidence
		attrs    map[string]string
	}{
		{"evidence from two documents", graph.Key{Subject: "moussa-koussa", Predicate: graph.TravelledTo, Object: "london"},
			graph.Key{Subject: "moussa-koussa", Predicate: graph.TravelledTo, Object: "london"},
			[]graph.Evidence{ev(docA, bodyA, "Moussa Koussa, the", graph.Stated), ev(docB, bodyB, "Musa Kusa arrived", graph.Reported)}, nil},
		{"transliterated ends", graph.Key{Subject: "moussa-koussa", Predicate: graph.Advised, Object: "muammar-gaddafi"},
			graph.Key{Subject: "moussa-koussa", Predicate: graph.Advised, Object: "muammar-gaddafi"},
			[]graph.Evidence{ev(docA, bodyA, "Koussa had", graph.Stated), ev(docB, bodyB, "Musa Kusa was", graph.Stated)}, nil},
		{"symmetric asked as given", graph.Key{Subject: "moussa-koussa", Predicate: graph.Accompanied, Object: "abdelati-obeidi"},
			graph.Key{Subject: "abdelati-obeidi", Predicate: graph.Accompanied, Object: "moussa-koussa"},
			[]graph.Evidence{ev(docA, bodyA, "Moussa Koussa, the", graph.Stated)}, nil},
		{"symmetric asked canonically", graph.Key{Subject: "abdelati-obeidi", Predicate: graph.Accompanied, Object: "moussa-koussa"},
			graph.Key{Subject: "abdelati-obeidi", Predicate: graph.Accompanied, Object: "moussa-koussa"},
			[]graph.Evidence{ev(docA, bodyA, "Moussa Koussa, the", graph.Stated)}, nil},
		{"symmetric with attrs", graph.Key{Subject: "muammar-gaddafi", Predicate: graph.FamilyOf, Object: "aisha-gaddafi"},
			graph.Key{Subject: "aisha-gaddafi", Predicate: graph.FamilyOf, Object: "muammar-gaddafi"},
			[]graph.Evidence{ev(docB, bodyB, "Qaddafi's", graph.Stated)}, map[string]string{"kin": "daughter"}},
		{"resolved from a surname", graph.Key{Subject: "national-transitional-council", Predicate: graph.Accused, Object: "moussa-koussa"},
			graph.Key{Subject: "national-transitional-council", Predicate: graph.Accused, Object: "moussa-koussa"},
			[]graph.Evidence{ev(docC, bodyC, "The National", graph.Alleged)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok, err := g.Relation(tt.key)
			if err != nil || !ok {
				t.Fatalf("Relation(%v) = found %v, err %v; want found", tt.key, ok, err)
			}
			if got := (graph.Key{Subject: r.Subject, Predicate: r.Predicate, Object: r.Object}); got != tt.want {
				t.Errorf("key = %v, want %v", got, tt.want)
			}
			if !reflect.DeepEqual(r.Evidence, tt.evidence) {
				t.Errorf("evidence\n got %+v\nwant %+v", r.Evidence, tt.evidence)
			}
			if len(tt.attrs) > 0 && !reflect.DeepEqual(r.Attrs, tt.attrs) {
				t.Errorf("attrs = %v, want %v", r.Attrs, tt.attrs)
			}
		})
	}
	absent := []graph.Key{
		{Subject: "moussa-ibrahim", Predicate: graph.Met, Object: "ghost"},            // unknown end
		{Subject: "muammar-gaddafi", Predicate: graph.Met, Object: "muammar-gaddafi"}, // self-loop
		{Subject: "london", Predicate: graph.TravelledTo, Object: "moussa-koussa"},    // not symmetric
		{Subject: "musa-kusa", Predicate: graph.TravelledTo, Object: "london"},        // a batch-local id
	}
	for _, k := range absent {
		if _, ok, err := g.Relation(k); err != nil || ok {
			t.Errorf("Relation(%v) = found %v, err %v; want not found", k, ok, err)
		}
	}
}

func testEntities(t *testing.T, g Graph) {
	want := []graph.ID{
		"abdelati-obeidi", "aisha-gaddafi", "london", "moussa-ibrahim", "moussa-koussa",
		"muammar-gaddafi", "national-transitional-council", "tripoli", "tunisia",
	}
	var got []graph.ID
	for e, err := range g.Entities() {
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		got = append(got, e.ID)
		if one := mustEntity(t, g, e.ID); !reflect.DeepEqual(one, e) {
			t.Errorf("Entities yields %+v, Entity(%q) = %+v", e, e.ID, one)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Entities ids\n got %q\nwant %q", got, want)
	}
}

func testRelations(t *testing.T, g Graph) {
	k := func(s graph.ID, p graph.Predicate, o graph.ID) graph.Key {
		return graph.Key{Subject: s, Predicate: p, Object: o}
	}
	want := []graph.Key{
		k("abdelati-obeidi", graph.Accompanied, "moussa-koussa"),
		k("abdelati-obeidi", graph.LivesIn, "tripoli"),
		k("aisha-gaddafi", graph.FamilyOf, "muammar-gaddafi"),
		k("aisha-gaddafi", graph.Met, "moussa-koussa"),
		k("moussa-koussa", graph.Advised, "muammar-gaddafi"),
		k("moussa-koussa", graph.TravelledTo, "london"),
		k("moussa-koussa", graph.TravelledTo, "tunisia"),
		k("national-transitional-council", graph.Accused, "moussa-koussa"),
	}
	var got []graph.Key
	evidence := 0
	for r, err := range g.Relations() {
		if err != nil {
			t.Fatalf("Relations: %v", err)
		}
		got = append(got, r.Key())
		evidence += len(r.Evidence)
		one, ok, err := g.Relation(r.Key())
		if err != nil || !ok || !reflect.DeepEqual(one, r) {
			t.Errorf("Relations yields %+v, Relation(%v) = %+v, %v, %v", r, r.Key(), one, ok, err)
		}
		if !slices.IsSortedFunc(r.Evidence, func(a, b graph.Evidence) int {
			if a.Doc != b.Doc {
				return cmpString(string(a.Doc), string(b.Doc))
			}
			return a.Start - b.Start
		}) {
			t.Errorf("%v: evidence not in (document, offset) order: %+v", r.Key(), r.Evidence)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Relations keys\n got %v\nwant %v", got, want)
	}
	if evidence != 10 {
		t.Errorf("evidence records = %d, want 10 (two triples have two)", evidence)
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func testDocuments(t *testing.T, g Graph) {
	given := map[graph.DocID]graph.Document{}
	for _, b := range []graph.Batch{BatchC(), BatchA(), BatchB()} {
		given[b.Doc.ID] = b.Doc
	}
	var got []graph.DocID
	for d, err := range g.Documents() {
		if err != nil {
			t.Fatalf("Documents: %v", err)
		}
		got = append(got, d.ID)
		w := given[d.ID]
		if d.Source != w.Source || d.Title != w.Title || d.Date != w.Date || d.Body != w.Body || !d.Ingested.Equal(w.Ingested) {
			t.Errorf("document %s\n got %+v\nwant %+v", d.ID, d, w)
		}
	}
	if want := []graph.DocID{docA, docB, docC}; !slices.Equal(got, want) {
		t.Errorf("Documents ids = %q, want %q", got, want)
	}
	d, ok, err := g.Document(docB)
	if err != nil || !ok || d.Body != bodyB {
		t.Errorf("Document(%s) = %+v, %v, %v", docB, d, ok, err)
	}
	if _, ok, err := g.Document("doc-z"); err != nil || ok {
		t.Errorf("Document(doc-z) = found %v, err %v; want not found", ok, err)
	}
}

// snapshot is everything a graph holds, for before/after comparisons.
type snapshot struct {
	Entities  []graph.Entity
	Relations []graph.Relation
	Docs      []graph.DocID
}

func snap(t *testing.T, g Graph) snapshot {
	t.Helper()
	var s snapshot
	for e, err := range g.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		s.Entities = append(s.Entities, e)
	}
	for r, err := range g.Relations() {
		if err != nil {
			t.Fatal(err)
		}
		s.Relations = append(s.Relations, r)
	}
	for d, err := range g.Documents() {
		if err != nil {
			t.Fatal(err)
		}
		s.Docs = append(s.Docs, d.ID)
	}
	return s
}

func testReingest(t *testing.T, g Graph) {
	before := snap(t, g)
	for _, b := range []graph.Batch{BatchA(), BatchB(), BatchC()} {
		added, err := g.Ingest(b)
		if err != nil {
			t.Fatalf("Ingest(%s) again: %v", b.Doc.ID, err)
		}
		if added {
			t.Errorf("Ingest(%s) again = true, want false (skipped)", b.Doc.ID)
		}
	}
	// A batch whose document is known but whose content differs is skipped
	// too: the document id decides.
	changed := BatchA()
	changed.Entities = append(changed.Entities, person("someone-new", "Someone New", 1, docA))
	if added, err := g.Ingest(changed); err != nil || added {
		t.Errorf("Ingest(changed %s) = %v, %v; want false, nil", docA, added, err)
	}
	if after := snap(t, g); !reflect.DeepEqual(after, before) {
		t.Errorf("re-ingesting changed the graph\nbefore %+v\n after %+v", before, after)
	}
}

func testStopEarly(t *testing.T, g Graph) {
	count := func(name string, seq func(yield func() bool)) {
		n := 0
		seq(func() bool { n++; return false })
		if n != 1 {
			t.Errorf("%s: yielded %d times after the consumer stopped at 1", name, n)
		}
	}
	count("Edges", func(y func() bool) {
		for range g.Edges("moussa-koussa", graph.Both) {
			if !y() {
				break
			}
		}
	})
	count("Entities", func(y func() bool) {
		for range g.Entities() {
			if !y() {
				break
			}
		}
	})
	count("Relations", func(y func() bool) {
		for range g.Relations() {
			if !y() {
				break
			}
		}
	})
	count("Documents", func(y func() bool) {
		for range g.Documents() {
			if !y() {
				break
			}
		}
	})
}

func testEmpty(t *testing.T, g Graph) {
	if ids, err := g.Resolve("Koussa"); err != nil || len(ids) != 0 {
		t.Errorf("Resolve on an empty graph = %q, %v", ids, err)
	}
	for e, err := range g.Edges("moussa-koussa", graph.Both) {
		t.Errorf("Edges on an empty graph yields %v, %v", e, err)
	}
	for e, err := range g.Entities() {
		t.Errorf("Entities on an empty graph yields %v, %v", e, err)
	}
	for r, err := range g.Relations() {
		t.Errorf("Relations on an empty graph yields %v, %v", r, err)
	}
	for d, err := range g.Documents() {
		t.Errorf("Documents on an empty graph yields %v, %v", d, err)
	}
}
