package store

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
)

var _ graph.FrontierReader = (*Store)(nil)

// perEntity hides a Reader's EdgesFrom, so traversals fall back to one Edges
// call per entity.
type perEntity struct{ graph.Reader }

// genGraph builds the same random graph, with hubs and every predicate
// (symmetric ones stored either way round), in a Memory and an in-memory
// Store.
func genGraph(t *testing.T, n, m int, seed int64) (*graph.Memory, *Store, []graph.ID) {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	ids := make([]graph.ID, n)
	mem := graph.NewMemory()
	var ents []graph.Entity
	for i := range ids {
		ids[i] = graph.ID(fmt.Sprintf("e%03d", i))
		e := graph.Entity{ID: ids[i], Name: fmt.Sprintf("Name %d", i), Type: graph.Person}
		ents = append(ents, e)
		mem.PutEntity(e)
	}
	// Squaring a uniform draw favours low indexes: a few hubs.
	pick := func() graph.ID { f := rng.Float64(); return ids[int(f*f*float64(n))] }
	seen := map[graph.Key]bool{}
	var rels []graph.Relation
	for len(rels) < m {
		s, o := pick(), pick()
		if s == o {
			continue
		}
		p := graph.Predicates[rng.Intn(len(graph.Predicates))]
		k := graph.Key{Subject: s, Predicate: p, Object: o}
		if seen[k.Canonical()] {
			continue
		}
		seen[k.Canonical()] = true
		r := graph.Relation{Subject: s, Predicate: p, Object: o}
		rels = append(rels, r)
		mem.PutRelation(r)
	}
	slices.SortFunc(rels, func(a, b graph.Relation) int {
		ka, kb := graph.Key{Subject: a.Subject, Predicate: a.Predicate, Object: a.Object}.Canonical(),
			graph.Key{Subject: b.Subject, Predicate: b.Predicate, Object: b.Object}.Canonical()
		switch {
		case ka.Less(kb):
			return -1
		case kb.Less(ka):
			return 1
		}
		return 0
	})
	st := openMem(t)
	if _, err := st.Import(slicesValues(ents), slicesValues(rels)); err != nil {
		t.Fatalf("Import: %v", err)
	}
	return mem, st, ids
}

func TestEdgesFromMatchesEdges(t *testing.T) {
	_, st, ids := genGraph(t, 60, 300, 1)
	frontier := []graph.ID{ids[5], ids[0], "missing", ids[17], ids[0], ids[59]}
	for _, tc := range []struct {
		name  string
		dir   graph.Direction
		preds []graph.Predicate
	}{
		{"both", graph.Both, nil},
		{"out", graph.Out, nil},
		{"in", graph.In, nil},
		{"both met advised", graph.Both, []graph.Predicate{graph.Met, graph.Advised}},
		{"out symmetric only", graph.Out, []graph.Predicate{graph.FamilyOf, graph.FamilyOf}},
		{"in asymmetric only", graph.In, []graph.Predicate{graph.MemberOf}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type got struct {
				from graph.ID
				e    graph.Edge
			}
			var want, have []got
			for _, id := range frontier {
				for e, err := range st.Edges(id, tc.dir, tc.preds...) {
					if err != nil {
						t.Fatalf("Edges(%q): %v", id, err)
					}
					want = append(want, got{id, e})
				}
			}
			err := st.EdgesFrom(frontier, tc.dir, tc.preds, func(from graph.ID, e graph.Edge) bool {
				have = append(have, got{from, e})
				return true
			})
			if err != nil {
				t.Fatalf("EdgesFrom: %v", err)
			}
			if len(want) == 0 {
				t.Fatal("the generated graph gives no edges: the test proves nothing")
			}
			if !reflect.DeepEqual(have, want) {
				t.Errorf("EdgesFrom gave %d edges, Edges %d; first difference at %d", len(have), len(want), firstDiff(have, want))
			}
		})
	}
	t.Run("stop early", func(t *testing.T) {
		calls := 0
		err := st.EdgesFrom(frontier, graph.Both, nil, func(graph.ID, graph.Edge) bool {
			calls++
			return calls < 3
		})
		if err != nil || calls != 3 {
			t.Errorf("EdgesFrom stopped after %d calls, err %v; want 3, nil", calls, err)
		}
	})
}

func firstDiff[T comparable](a, b []T) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestTraversalsWithFrontierReader checks that Neighbors and ShortestPaths
// give the same results over the store with EdgesFrom, over the store one
// entity at a time, and over a Memory holding the same graph.
func TestTraversalsWithFrontierReader(t *testing.T) {
	mem, st, ids := genGraph(t, 200, 700, 2)
	readers := []struct {
		name string
		r    graph.Reader
	}{{"store per entity", perEntity{st}}, {"memory", mem}}
	preds := [][]graph.Predicate{nil, {graph.Met, graph.Advised, graph.MemberOf}}
	rng := rand.New(rand.NewSource(3))
	reached, paths := 0, 0
	for i := 0; i < 20; i++ {
		id := ids[rng.Intn(len(ids))]
		p := preds[i%len(preds)]
		want, err := graph.Neighbors(st, id, 3, p)
		if err != nil {
			t.Fatalf("Neighbors(%q): %v", id, err)
		}
		reached += len(want)
		for _, rd := range readers {
			got, err := graph.Neighbors(rd.r, id, 3, p)
			if err != nil {
				t.Fatalf("%s: Neighbors(%q): %v", rd.name, id, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Neighbors(%q, %v) differs from the store's with EdgesFrom at %d of %d/%d hops",
					rd.name, id, p, firstDiff(got, want), len(got), len(want))
			}
		}
		to := ids[rng.Intn(len(ids))]
		wantP, err := graph.ShortestPaths(st, id, to, 6, p, 0)
		if err != nil {
			t.Fatalf("ShortestPaths(%q, %q): %v", id, to, err)
		}
		paths += len(wantP)
		for _, rd := range readers {
			got, err := graph.ShortestPaths(rd.r, id, to, 6, p, 0)
			if err != nil {
				t.Fatalf("%s: ShortestPaths(%q, %q): %v", rd.name, id, to, err)
			}
			if !reflect.DeepEqual(got, wantP) {
				t.Errorf("%s: ShortestPaths(%q, %q, %v) = %d paths, the store's with EdgesFrom %d, or they differ",
					rd.name, id, to, p, len(got), len(wantP))
			}
		}
	}
	if reached < 100 || paths < 10 {
		t.Errorf("only %d hops and %d paths in all: the generated graph is too sparse to prove anything", reached, paths)
	}
}
