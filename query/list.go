package query

import (
	"errors"
	"fmt"
	"sort"

	"github.com/kgraph/kg/graph"
)

// Orders of ListEntities.
const (
	ByMentions = "mentions"
	ByName     = "name"
)

// ErrBadSort is returned by ListEntities for an order other than ByMentions or ByName.
var ErrBadSort = errors.New("unknown sort order")

// ListEntities returns the entities of l, only those of type t when t is
// not empty, ordered by mentions (most first, then name) or by name.
func ListEntities(l graph.Lister, t graph.Type, order string) ([]graph.Entity, error) {
	if order != ByMentions && order != ByName {
		return nil, fmt.Errorf("query: %w %q (want %s or %s)", ErrBadSort, order, ByMentions, ByName)
	}
	out := []graph.Entity{}
	for e, err := range l.Entities() {
		if err != nil {
			return nil, fmt.Errorf("query: list entities: %w", err)
		}
		if t == "" || e.Type == t {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if order == ByMentions && a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	return out, nil
}

// Stats counts what a graph holds.
type Stats struct {
	Entities    int                     `json:"entities"`
	Relations   int                     `json:"relations"`
	Evidence    int                     `json:"evidence"`
	Documents   int                     `json:"documents"`
	Unasserted  int                     `json:"unasserted"` // relations only denied or speculated about
	ByType      map[graph.Type]int      `json:"by_type"`
	ByPredicate map[graph.Predicate]int `json:"by_predicate"`
}

// CountStats walks l and counts its entities by type, relations by
// predicate, evidence records and, when l is also a graph.DocumentReader,
// documents.
func CountStats(l graph.Lister) (Stats, error) {
	st := Stats{ByType: map[graph.Type]int{}, ByPredicate: map[graph.Predicate]int{}}
	for e, err := range l.Entities() {
		if err != nil {
			return Stats{}, fmt.Errorf("query: stats: %w", err)
		}
		st.Entities++
		st.ByType[e.Type]++
	}
	for r, err := range l.Relations() {
		if err != nil {
			return Stats{}, fmt.Errorf("query: stats: %w", err)
		}
		st.Relations++
		st.ByPredicate[r.Predicate]++
		st.Evidence += len(r.Evidence)
		if !r.Status().Asserted() {
			st.Unasserted++
		}
	}
	if dr, ok := l.(graph.DocumentReader); ok {
		for _, err := range dr.Documents() {
			if err != nil {
				return Stats{}, fmt.Errorf("query: stats: %w", err)
			}
			st.Documents++
		}
	}
	return st, nil
}
