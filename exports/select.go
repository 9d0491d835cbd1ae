package exports

import (
	"errors"
	"fmt"
	"slices"

	"github.com/kgraph/kg/graph"
)

// Selection says which part of a graph to draw or export.
type Selection struct {
	// Focus entities are the starting points; when given, the selection is
	// their neighbourhood up to Depth hops, following relations either way.
	Focus []graph.ID
	// Depth is the number of hops from Focus; below 1 it counts as 1.
	Depth int
	// Predicates, when given, are the only relations followed and kept.
	Predicates []graph.Predicate
	// Types, when given, are the only entity types kept (focus entities stay
	// whatever their type); traversal does not pass through other types.
	Types []graph.Type
	// MinEvidence keeps only relations with at least this many evidence records.
	MinEvidence int
	// Limit, when positive, keeps at most this many entities: the focus,
	// then the nearest to it, the most connected first, ties by id (without
	// focus: the most connected). Focus entities are kept even beyond Limit.
	Limit int
}

// ErrBadSelection is returned by Select for a negative limit or evidence count.
var ErrBadSelection = errors.New("bad selection")

// Select returns the subgraph of g that s describes, with the documents its
// evidence cites. Without focus it keeps every entity of the kept types,
// except that when Predicates or MinEvidence filter the relations it drops
// the entities left without any. It returns an error wrapping
// graph.ErrNotFound for a focus id g does not hold. Deterministic.
func Select(g *graph.Memory, s Selection) (*graph.Memory, error) {
	if s.Limit < 0 || s.MinEvidence < 0 {
		return nil, fmt.Errorf("exports: select: %w: limit %d, min evidence %d", ErrBadSelection, s.Limit, s.MinEvidence)
	}
	src, err := snapshot(g)
	if err != nil {
		return nil, fmt.Errorf("exports: select: %w", err)
	}
	focus := map[graph.ID]bool{}
	for _, id := range s.Focus {
		if _, ok := src.byID[id]; !ok {
			return nil, fmt.Errorf("exports: select: focus %q: %w", id, graph.ErrNotFound)
		}
		focus[id] = true
	}
	typeOK := func(e graph.Entity) bool {
		return focus[e.ID] || len(s.Types) == 0 || slices.Contains(s.Types, e.Type)
	}

	// Relations that pass the filters, between entities of the kept types.
	var rels []graph.Relation
	for _, r := range src.relations {
		if len(s.Predicates) > 0 && !slices.Contains(s.Predicates, r.Predicate) {
			continue
		}
		if len(r.Evidence) < s.MinEvidence {
			continue
		}
		sub, okS := src.byID[r.Subject]
		obj, okO := src.byID[r.Object]
		if !okS || !okO || !typeOK(sub) || !typeOK(obj) {
			continue
		}
		rels = append(rels, r)
	}
	adj := map[graph.ID][]graph.ID{}
	for _, r := range rels {
		adj[r.Subject] = append(adj[r.Subject], r.Object)
		adj[r.Object] = append(adj[r.Object], r.Subject)
	}

	// dist holds every kept entity: hops from the focus, or 0 without focus.
	dist := map[graph.ID]int{}
	if len(focus) > 0 {
		depth := max(s.Depth, 1)
		frontier := slices.Sorted(func(yield func(graph.ID) bool) {
			for id := range focus {
				if !yield(id) {
					return
				}
			}
		})
		for _, id := range frontier {
			dist[id] = 0
		}
		for d := 1; d <= depth && len(frontier) > 0; d++ {
			var next []graph.ID
			for _, id := range frontier {
				for _, n := range adj[id] {
					if _, seen := dist[n]; !seen {
						dist[n] = d
						next = append(next, n)
					}
				}
			}
			slices.Sort(next)
			frontier = next
		}
	} else {
		edgeFilter := len(s.Predicates) > 0 || s.MinEvidence > 0
		for _, e := range src.entities {
			if typeOK(e) && (!edgeFilter || len(adj[e.ID]) > 0) {
				dist[e.ID] = 0
			}
		}
	}

	if s.Limit > 0 && len(dist) > s.Limit {
		degree := map[graph.ID]int{}
		for _, r := range rels {
			_, okS := dist[r.Subject]
			_, okO := dist[r.Object]
			if okS && okO {
				degree[r.Subject]++
				degree[r.Object]++
			}
		}
		ids := make([]graph.ID, 0, len(dist))
		for id := range dist {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b graph.ID) int {
			if dist[a] != dist[b] {
				return dist[a] - dist[b]
			}
			if degree[a] != degree[b] {
				return degree[b] - degree[a]
			}
			return cmpString(a, b)
		})
		keep := max(s.Limit, len(focus))
		for _, id := range ids[keep:] {
			delete(dist, id)
		}
	}

	out := graph.NewMemory()
	cited := map[graph.DocID]bool{}
	for _, e := range src.entities {
		if _, ok := dist[e.ID]; ok {
			out.PutEntity(e)
			for _, d := range e.Docs {
				cited[d] = true
			}
		}
	}
	for _, r := range rels {
		_, okS := dist[r.Subject]
		_, okO := dist[r.Object]
		if okS && okO {
			out.PutRelation(r)
			for _, e := range r.Evidence {
				cited[e.Doc] = true
			}
		}
	}
	for _, d := range src.docs {
		if cited[d.ID] {
			full, ok, err := g.Document(d.ID)
			if err != nil {
				return nil, fmt.Errorf("exports: select: document %s: %w", d.ID, err)
			}
			if ok {
				out.PutDocument(full)
			}
		}
	}
	return out, nil
}
