package query

import (
	"fmt"
	"sort"

	"github.com/kgraph/kg/graph"
)

// EntityCard is everything kg knows about one entity, for `kg show`.
type EntityCard struct {
	graph.Entity
	Relations []RelationGroup `json:"relations"`
	Documents []DocRef        `json:"documents"`
}

// RelationGroup is an entity's relations with one predicate in one
// direction: Out when the entity is the subject (symmetric predicates
// always read Out).
type RelationGroup struct {
	Predicate graph.Predicate `json:"predicate"`
	Direction string          `json:"direction"` // "out" or "in"
	Label     string          `json:"label"`     // "advised", "advised by"
	Items     []CardItem      `json:"items"`
}

// CardItem is one relation of a card: the entity at the other end and the evidence.
type CardItem struct {
	ID       graph.ID          `json:"id"`
	Name     string            `json:"name"`
	Type     graph.Type        `json:"type"`
	Status   graph.Status      `json:"status"`
	Attrs    map[string]string `json:"attrs,omitempty"`
	Evidence []graph.Evidence  `json:"evidence"`
}

// DocRef names a document an entity appears in.
type DocRef struct {
	ID     graph.DocID `json:"id"`
	Title  string      `json:"title,omitempty"`
	Source string      `json:"source,omitempty"`
	Date   string      `json:"date,omitempty"`
}

// Card gathers an entity's card: its relations of every status (each item
// says its status), grouped by predicate and direction in vocabulary
// order, and its documents with their titles when g is also a
// graph.DocumentReader. It returns an error wrapping ErrNoEntity when id is unknown.
func Card(g Graph, id graph.ID) (EntityCard, error) {
	e, ok, err := g.Entity(id)
	if err != nil {
		return EntityCard{}, fmt.Errorf("query: entity %q: %w", id, err)
	}
	if !ok {
		return EntityCard{}, fmt.Errorf("%w with id %q", ErrNoEntity, id)
	}
	card := EntityCard{Entity: e, Relations: []RelationGroup{}, Documents: []DocRef{}}
	type gk struct {
		p   graph.Predicate
		dir string
	}
	groups := map[gk]*RelationGroup{}
	names := map[graph.ID]graph.Entity{}
	for edge, err := range g.Edges(id, graph.Both) {
		if err != nil {
			return EntityCard{}, fmt.Errorf("query: edges of %q: %w", id, err)
		}
		other := edge.Other(id)
		dir := "out"
		if edge.Subject != id && !edge.Predicate.Symmetric() {
			dir = "in"
		}
		k := gk{edge.Predicate, dir}
		grp, ok := groups[k]
		if !ok {
			d := graph.Out
			if dir == "in" {
				d = graph.In
			}
			grp = &RelationGroup{Predicate: edge.Predicate, Direction: dir, Label: Phrase(edge.Predicate, d)}
			groups[k] = grp
		}
		oe, ok := names[other]
		if !ok {
			var found bool
			oe, found, err = g.Entity(other)
			if err != nil {
				return EntityCard{}, fmt.Errorf("query: entity %q: %w", other, err)
			}
			if !found {
				oe = graph.Entity{ID: other, Name: string(other)}
			}
			names[other] = oe
		}
		rel, _, err := g.Relation(edge.Key())
		if err != nil {
			return EntityCard{}, fmt.Errorf("query: relation %v: %w", edge.Key(), err)
		}
		ev := rel.Evidence
		if ev == nil {
			ev = []graph.Evidence{}
		}
		grp.Items = append(grp.Items, CardItem{ID: other, Name: oe.Name, Type: oe.Type, Status: rel.Status(), Attrs: rel.Attrs, Evidence: ev})
	}
	order := map[graph.Predicate]int{}
	for i, p := range graph.Predicates {
		order[p] = i
	}
	for _, grp := range groups {
		sort.Slice(grp.Items, func(i, j int) bool {
			a, b := grp.Items[i], grp.Items[j]
			if len(a.Evidence) != len(b.Evidence) {
				return len(a.Evidence) > len(b.Evidence)
			}
			if a.Name != b.Name {
				return a.Name < b.Name
			}
			return a.ID < b.ID
		})
		card.Relations = append(card.Relations, *grp)
	}
	sort.Slice(card.Relations, func(i, j int) bool {
		a, b := card.Relations[i], card.Relations[j]
		if order[a.Predicate] != order[b.Predicate] {
			return order[a.Predicate] < order[b.Predicate]
		}
		return a.Direction > b.Direction // out before in
	})
	dr, _ := g.(graph.DocumentReader)
	for _, d := range e.Docs {
		ref := DocRef{ID: d}
		if dr != nil {
			doc, ok, err := dr.Document(d)
			if err != nil {
				return EntityCard{}, fmt.Errorf("query: document %s: %w", d, err)
			}
			if ok {
				ref.Title, ref.Source, ref.Date = doc.Title, doc.Source, doc.Date
			}
		}
		card.Documents = append(card.Documents, ref)
	}
	return card, nil
}
