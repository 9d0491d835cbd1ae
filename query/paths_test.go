package query

import (
	"reflect"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
)

// frontier gives a Memory an EdgesFrom built on its Edges, counting calls.
type frontier struct {
	*graph.Memory
	calls int
}

func (f *frontier) EdgesFrom(ids []graph.ID, dir graph.Direction, preds []graph.Predicate, yield func(graph.ID, graph.Edge) bool) error {
	f.calls++
	for _, id := range ids {
		for e, err := range f.Edges(id, dir, preds...) {
			if err != nil {
				return err
			}
			if !yield(id, e) {
				return nil
			}
		}
	}
	return nil
}

// TestAssertedOnlyFrontier checks that the filter hiding unasserted
// relations passes the wrapped graph's EdgesFrom on, and filters it as it
// filters Edges.
func TestAssertedOnlyFrontier(t *testing.T) {
	m := graph.NewMemory()
	for _, b := range []graph.Batch{graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC()} {
		if _, err := m.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	// A denied meeting: the asserted-only reader must not follow it.
	m.PutRelation(graph.Relation{Subject: "abdelati-obeidi", Predicate: graph.Met, Object: "muammar-gaddafi", Evidence: []graph.Evidence{{
		Doc: graphtest.BatchA().Doc.ID, Sentence: "Obeidi denied that he had met Gaddafi.", Status: graph.Denied,
	}}})
	f := &frontier{Memory: m}
	if _, ok := reader(f, false).(graph.FrontierReader); !ok {
		t.Fatal("the asserted-only reader hides EdgesFrom")
	}
	filtered := false
	for e, err := range m.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		want, err := NeighborsOf(m, e.ID, 3, nil, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		all, err := NeighborsOf(m, e.ID, 3, nil, nil, true)
		if err != nil {
			t.Fatal(err)
		}
		filtered = filtered || !reflect.DeepEqual(all, want)
		calls := f.calls
		got, err := NeighborsOf(f, e.ID, 3, nil, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		if f.calls == calls {
			t.Fatalf("NeighborsOf(%q) did not read through EdgesFrom", e.ID)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("NeighborsOf(%q) through EdgesFrom:\n%v\nthrough Edges:\n%v", e.ID, got, want)
		}
	}
	if !filtered {
		t.Error("no unasserted relation changed any neighbourhood: the test proves nothing")
	}
}
