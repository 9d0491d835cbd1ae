package query

import (
	"fmt"
	"iter"

	"github.com/kgraph/kg/graph"
)

// Step is one relation on a path, as stored (subject, predicate, object),
// with both ends' names and the relation's evidence.
type Step struct {
	Subject     graph.ID         `json:"subject"`
	SubjectName string           `json:"subject_name"`
	Predicate   graph.Predicate  `json:"predicate"`
	Object      graph.ID         `json:"object"`
	ObjectName  string           `json:"object_name"`
	Evidence    []graph.Evidence `json:"evidence"`
}

// Path is a chain of relations from one entity to another. Steps may run
// against the stored direction: read each from the end the previous one
// reached.
type Path struct {
	From  graph.ID `json:"from"`
	To    graph.ID `json:"to"`
	Steps []Step   `json:"steps"`
}

// Neighbor is an entity near another, with the relation that reached it.
type Neighbor struct {
	ID    graph.ID   `json:"id"`
	Name  string     `json:"name"`
	Type  graph.Type `json:"type"`
	Depth int        `json:"depth"`
	Via   Step       `json:"via"`
}

// assertedOnly is a Reader that hides relations the text does not assert
// (denied or speculated), so traversals skip them.
type assertedOnly struct{ Graph }

// hidden reports whether e's relation is one the text does not assert.
func (a assertedOnly) hidden(e graph.Edge) (bool, error) {
	r, ok, err := a.Relation(e.Key())
	return err == nil && ok && !r.Status().Asserted(), err
}

func (a assertedOnly) Edges(id graph.ID, dir graph.Direction, preds ...graph.Predicate) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		for e, err := range a.Graph.Edges(id, dir, preds...) {
			if err == nil {
				var skip bool
				if skip, err = a.hidden(e); skip {
					continue
				}
			}
			if !yield(e, err) {
				return
			}
		}
	}
}

// EdgesFrom implements graph.FrontierReader with the same filter as Edges:
// through the wrapped graph's EdgesFrom when it has one, so traversals
// keep reading a frontier in one pass.
func (a assertedOnly) EdgesFrom(ids []graph.ID, dir graph.Direction, preds []graph.Predicate, yield func(from graph.ID, e graph.Edge) bool) error {
	fr, ok := a.Graph.(graph.FrontierReader)
	if !ok {
		for _, id := range ids {
			for e, err := range a.Edges(id, dir, preds...) {
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
	var ferr error
	err := fr.EdgesFrom(ids, dir, preds, func(from graph.ID, e graph.Edge) bool {
		skip, err := a.hidden(e)
		if err != nil {
			ferr = err
			return false
		}
		return skip || yield(from, e)
	})
	if err == nil {
		err = ferr
	}
	return err
}

func reader(g Graph, includeUnasserted bool) Graph {
	if includeUnasserted {
		return g
	}
	return assertedOnly{g}
}

// Connect returns the shortest paths (all of equal length, at most limit)
// between two entities, of at most maxHops relations, over the given
// predicates (any when none), leaving out relations the text does not
// assert unless includeUnasserted. No paths and no error means they are
// not connected within maxHops.
func Connect(g Graph, from, to graph.ID, maxHops int, preds []graph.Predicate, limit int, includeUnasserted bool) ([]Path, error) {
	r := reader(g, includeUnasserted)
	raw, err := graph.ShortestPaths(r, from, to, maxHops, preds, limit)
	if err != nil {
		return nil, fmt.Errorf("query: paths: %w", err)
	}
	paths := make([]Path, 0, len(raw))
	names := map[graph.ID]string{}
	for _, es := range raw {
		p := Path{From: from, To: to, Steps: make([]Step, 0, len(es))}
		for _, e := range es {
			s, err := step(g, e, names)
			if err != nil {
				return nil, err
			}
			p.Steps = append(p.Steps, s)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// NeighborsOf lists the entities within depth relations of id, over the
// given predicates (any when none), keeping those of the given types (any
// when none); the traversal passes through entities of every type.
func NeighborsOf(g Graph, id graph.ID, depth int, preds []graph.Predicate, types []graph.Type, includeUnasserted bool) ([]Neighbor, error) {
	hops, err := graph.Neighbors(reader(g, includeUnasserted), id, depth, preds)
	if err != nil {
		return nil, fmt.Errorf("query: neighbors: %w", err)
	}
	out := []Neighbor{}
	names := map[graph.ID]string{}
	for _, h := range hops {
		e, ok, err := g.Entity(h.ID)
		if err != nil {
			return nil, fmt.Errorf("query: entity %q: %w", h.ID, err)
		}
		if !ok {
			e = graph.Entity{ID: h.ID, Name: string(h.ID)}
		}
		if !typeIn(e.Type, types) || (len(types) > 0 && e.Type == "") {
			continue
		}
		s, err := step(g, h.Via, names)
		if err != nil {
			return nil, err
		}
		out = append(out, Neighbor{ID: e.ID, Name: e.Name, Type: e.Type, Depth: h.Depth, Via: s})
	}
	return out, nil
}

// step fills in an edge's names and evidence.
func step(g Graph, e graph.Edge, names map[graph.ID]string) (Step, error) {
	name := func(id graph.ID) (string, error) {
		if n, ok := names[id]; ok {
			return n, nil
		}
		ent, ok, err := g.Entity(id)
		if err != nil {
			return "", fmt.Errorf("query: entity %q: %w", id, err)
		}
		n := string(id)
		if ok {
			n = ent.Name
		}
		names[id] = n
		return n, nil
	}
	s := Step{Subject: e.Subject, Predicate: e.Predicate, Object: e.Object, Evidence: []graph.Evidence{}}
	var err error
	if s.SubjectName, err = name(e.Subject); err != nil {
		return s, err
	}
	if s.ObjectName, err = name(e.Object); err != nil {
		return s, err
	}
	r, ok, err := g.Relation(e.Key())
	if err != nil {
		return s, fmt.Errorf("query: relation %v: %w", e.Key(), err)
	}
	if ok && r.Evidence != nil {
		s.Evidence = r.Evidence
	}
	return s, nil
}

// answerConnection resolves both names of a connection question and finds the paths between them.
func answerConnection(g Graph, rd reading, mode spanMode, opts Options, res *Result) error {
	x, err := resolveSpan(g, rd.x, mode, nil, nil)
	if err != nil {
		return err
	}
	y, err := resolveSpan(g, rd.y, mode, nil, nil)
	if err != nil {
		return err
	}
	paths, err := Connect(g, x.ID, y.ID, opts.MaxHops, nil, opts.MaxPaths, opts.IncludeUnasserted)
	if err != nil {
		return err
	}
	res.Paths = paths
	res.Interpretation = fmt.Sprintf("shortest paths between %s and %s (at most %d relations)", x.ID, y.ID, opts.MaxHops)
	return nil
}
