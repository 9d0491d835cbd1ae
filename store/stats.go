package store

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// Stats counts what a database holds.
type Stats struct {
	Entities    int
	Relations   int
	Evidence    int
	Documents   int
	ByType      map[graph.Type]int
	ByPredicate map[graph.Predicate]int
}

// Stats counts entities (by type), relations (by predicate), evidence
// records and documents. It reads every entity and relation: it costs a
// scan of the database, not a lookup.
func (s *Store) Stats() (Stats, error) {
	st := Stats{ByType: map[graph.Type]int{}, ByPredicate: map[graph.Predicate]int{}}
	for e, err := range s.Entities() {
		if err != nil {
			return Stats{}, fmt.Errorf("store: stats: %w", err)
		}
		st.Entities++
		st.ByType[e.Type]++
	}
	for r, err := range s.Relations() {
		if err != nil {
			return Stats{}, fmt.Errorf("store: stats: %w", err)
		}
		st.Relations++
		st.ByPredicate[r.Predicate]++
		st.Evidence += len(r.Evidence)
	}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: documentPrefix()})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			st.Documents++
		}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}
