package dgraph

import (
	"fmt"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// Stats counts entities (by type), relations (by predicate), evidence
// records and documents with Dgraph's aggregations, in one request: unlike
// the Badger store it does not read every node into kg.
func (s *Store) Stats() (store.Stats, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	type group struct {
		Type  string `json:"kg.type"`
		Pred  string `json:"kg.predicate"`
		Count int    `json:"count"`
	}
	var out struct {
		Entities  []struct{ Count int } `json:"entities"`
		Relations []struct{ Count int } `json:"relations"`
		Evidence  []struct{ Count int } `json:"evidence"`
		Documents []struct{ Count int } `json:"documents"`
		ByType    []struct {
			Groups []group `json:"@groupby"`
		} `json:"bytype"`
		ByPred []struct {
			Groups []group `json:"@groupby"`
		} `json:"bypred"`
	}
	const q = `{
	entities(func: type(Entity)) { count: count(uid) }
	relations(func: type(Relation)) { count: count(uid) }
	evidence(func: type(Evidence)) { count: count(uid) }
	documents(func: type(Document)) { count: count(uid) }
	bytype(func: type(Entity)) @groupby(kg.type) { count(uid) }
	bypred(func: type(Relation)) @groupby(kg.predicate) { count(uid) }
}`
	if err := query(ctx, s.dg.NewReadOnlyTxn(), q, nil, &out); err != nil {
		return store.Stats{}, fmt.Errorf("dgraph: stats: %w", err)
	}
	first := func(xs []struct{ Count int }) int {
		if len(xs) == 0 {
			return 0
		}
		return xs[0].Count
	}
	st := store.Stats{
		Entities: first(out.Entities), Relations: first(out.Relations),
		Evidence: first(out.Evidence), Documents: first(out.Documents),
		ByType: map[graph.Type]int{}, ByPredicate: map[graph.Predicate]int{},
	}
	for _, b := range out.ByType {
		for _, g := range b.Groups {
			st.ByType[graph.Type(g.Type)] += g.Count
		}
	}
	for _, b := range out.ByPred {
		for _, g := range b.Groups {
			st.ByPredicate[graph.Predicate(g.Pred)] += g.Count
		}
	}
	return st, nil
}
