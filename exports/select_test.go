package exports

import (
	"errors"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
)

// chain builds a - b - c - d (advised) plus b - x (family-of, two records)
// and an isolated place p.
func chain() *graph.Memory {
	g := graph.NewMemory()
	for _, e := range []graph.Entity{
		{ID: "a", Type: graph.Person}, {ID: "b", Type: graph.Person}, {ID: "c", Type: graph.Organization},
		{ID: "d", Type: graph.Person}, {ID: "x", Type: graph.Person}, {ID: "p", Type: graph.Place},
	} {
		e.Name = string(e.ID)
		g.PutEntity(e)
	}
	ev := func(doc graph.DocID) graph.Evidence { return graph.Evidence{Doc: doc, Sentence: "s"} }
	g.PutRelation(graph.Relation{Subject: "a", Predicate: graph.Advised, Object: "b", Evidence: []graph.Evidence{ev("d1")}})
	g.PutRelation(graph.Relation{Subject: "b", Predicate: graph.Advised, Object: "c", Evidence: []graph.Evidence{ev("d1")}})
	g.PutRelation(graph.Relation{Subject: "d", Predicate: graph.Advised, Object: "c", Evidence: []graph.Evidence{ev("d2")}})
	g.PutRelation(graph.Relation{Subject: "x", Predicate: graph.FamilyOf, Object: "b", Evidence: []graph.Evidence{ev("d1"), {Doc: "d2", Start: 5}}})
	g.PutDocument(graph.Document{ID: "d1", Title: "one", Body: "body one"})
	g.PutDocument(graph.Document{ID: "d2", Title: "two"})
	g.PutDocument(graph.Document{ID: "d3", Title: "uncited"})
	return g
}

func TestSelect(t *testing.T) {
	tests := []struct {
		name      string
		sel       Selection
		entities  []graph.ID
		relations int
		docs      []graph.DocID
	}{
		{"everything", Selection{}, []graph.ID{"a", "b", "c", "d", "p", "x"}, 4, []graph.DocID{"d1", "d2"}},
		{"depth 1 both directions", Selection{Focus: []graph.ID{"b"}, Depth: 1}, []graph.ID{"a", "b", "c", "x"}, 3, []graph.DocID{"d1", "d2"}},
		{"depth 0 counts as 1", Selection{Focus: []graph.ID{"a"}}, []graph.ID{"a", "b"}, 1, []graph.DocID{"d1"}},
		{"depth 2", Selection{Focus: []graph.ID{"a"}, Depth: 2}, []graph.ID{"a", "b", "c", "x"}, 3, []graph.DocID{"d1", "d2"}},
		{"predicates", Selection{Focus: []graph.ID{"b"}, Depth: 3, Predicates: []graph.Predicate{graph.FamilyOf}}, []graph.ID{"b", "x"}, 1, []graph.DocID{"d1", "d2"}},
		{"types block traversal", Selection{Focus: []graph.ID{"a"}, Depth: 3, Types: []graph.Type{graph.Person}}, []graph.ID{"a", "b", "x"}, 2, []graph.DocID{"d1", "d2"}},
		{"focus kept whatever its type", Selection{Focus: []graph.ID{"c"}, Types: []graph.Type{graph.Place}}, []graph.ID{"c"}, 0, nil},
		{"min evidence without focus drops bare entities", Selection{MinEvidence: 2}, []graph.ID{"b", "x"}, 1, []graph.DocID{"d1", "d2"}},
		{"types without focus", Selection{Types: []graph.Type{graph.Place}}, []graph.ID{"p"}, 0, nil},
		{"limit keeps the most connected", Selection{Limit: 2}, []graph.ID{"b", "c"}, 1, []graph.DocID{"d1"}},
		{"limit keeps focus and nearest", Selection{Focus: []graph.ID{"d"}, Depth: 3, Limit: 3}, []graph.ID{"b", "c", "d"}, 2, []graph.DocID{"d1", "d2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Select(chain(), tt.sel)
			if err != nil {
				t.Fatal(err)
			}
			var ids []graph.ID
			for e := range got.Entities() {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, tt.entities) {
				t.Errorf("entities %v, want %v", ids, tt.entities)
			}
			n := 0
			for range got.Relations() {
				n++
			}
			if n != tt.relations {
				t.Errorf("%d relations, want %d", n, tt.relations)
			}
			var docs []graph.DocID
			for d := range got.Documents() {
				docs = append(docs, d.ID)
			}
			if !slices.Equal(docs, tt.docs) {
				t.Errorf("documents %v, want %v", docs, tt.docs)
			}
		})
	}
}

func TestSelectErrors(t *testing.T) {
	if _, err := Select(chain(), Selection{Focus: []graph.ID{"nobody"}}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("unknown focus: err = %v, want ErrNotFound", err)
	}
	if _, err := Select(chain(), Selection{Limit: -1}); !errors.Is(err, ErrBadSelection) {
		t.Errorf("negative limit: err = %v, want ErrBadSelection", err)
	}
}

func TestSelectKeepsBodies(t *testing.T) {
	got, err := Select(chain(), Selection{Focus: []graph.ID{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	if d, ok, _ := got.Document("d1"); !ok || d.Body != "body one" {
		t.Errorf("selected document lost its body: %+v", d)
	}
}
