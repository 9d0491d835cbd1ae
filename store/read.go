package store

import (
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// Entity implements graph.Reader. The id of an entity merged into another
// (kg merge) returns the one it was merged into.
func (s *Store) Entity(id graph.ID) (graph.Entity, bool, error) {
	var (
		e  graph.Entity
		ok bool
	)
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		e, ok, err = getLiveEntity(txn, id)
		return err
	})
	if err != nil {
		return graph.Entity{}, false, fmt.Errorf("store: %w", err)
	}
	return e, ok, nil
}

// Lookup implements graph.Index: the ids filed under an index key, in id order.
func (s *Store) Lookup(key string) ([]graph.ID, error) {
	var ids []graph.ID
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		ids, err = lookup(txn, key)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return ids, nil
}

// Resolve implements graph.Reader: the ids under the first of
// graph.LookupKeys(name) that finds any, in id order.
func (s *Store) Resolve(name string) ([]graph.ID, error) {
	var ids []graph.ID
	err := s.db.View(func(txn *badger.Txn) error {
		for _, k := range graph.LookupKeys(name) {
			var err error
			if ids, err = lookup(txn, k); err != nil || len(ids) > 0 {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: resolve %q: %w", name, err)
	}
	return ids, nil
}

// Edges implements graph.Reader. It reads adjacency keys only, never a
// value: first id's out keys, then its in keys, each in key order
// (predicate, then the other end). A symmetric relation is stored once,
// under its canonical key, so it is looked for on both sides whatever dir
// asks for. Each side costs one Badger iterator, which is most of the cost
// of a call; predicates are Seeks within it.
func (s *Store) Edges(id graph.ID, dir graph.Direction, preds ...graph.Predicate) iter.Seq2[graph.Edge, error] {
	return s.edges(nil, id, dir, preds)
}

// EdgesFrom implements graph.FrontierReader: the edges of each of ids in
// turn, exactly as Edges yields them, read with one Badger transaction and
// one iterator for all of ids (a Seek per side of each entity) instead of
// one of each per entity.
func (s *Store) EdgesFrom(ids []graph.ID, dir graph.Direction, preds []graph.Predicate, yield func(from graph.ID, e graph.Edge) bool) error {
	return s.edgesFrom(nil, ids, dir, preds, yield)
}

// edges is Edges, through c when it is not nil.
func (s *Store) edges(c *adjCache, id graph.ID, dir graph.Direction, preds []graph.Predicate) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		err := s.edgesFrom(c, []graph.ID{id}, dir, preds, func(_ graph.ID, e graph.Edge) bool {
			return yield(e, nil)
		})
		if err != nil {
			yield(graph.Edge{}, err)
		}
	}
}

// edgesFrom is EdgesFrom, through c when it is not nil: an entity c holds
// is served from memory, and one read in full (both sides, every
// predicate) with at least c's minimum degree of edges is added to it.
func (s *Store) edgesFrom(c *adjCache, ids []graph.ID, dir graph.Direction, preds []graph.Predicate, yield func(from graph.ID, e graph.Edge) bool) error {
	scans := edgeScans(dir, preds)
	if len(scans) == 0 || len(ids) == 0 {
		return nil
	}
	txn := s.db.NewTransaction(false)
	defer txn.Discard()
	var (
		it   *badger.Iterator
		gen  = c.generation(txn.ReadTs())
		full = len(scans) == 2 && scans[0].preds == nil && scans[1].preds == nil
		rec  []halfEdge // the entity's edges as read, to cache
	)
	defer func() {
		if it != nil {
			it.Close()
		}
	}()
	for _, from := range ids {
		if l, ok := gen.get(from); ok {
			if !l.yield(from, scans, yield) {
				return nil
			}
			continue
		}
		if it == nil {
			// One iterator seeks to each side in turn: making an
			// iterator costs more than reading a few dozen keys with it.
			it = txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		}
		record := full && gen.enabled()
		rec = rec[:0]
		nOut := 0
		for i, sc := range scans {
			more, err := scanEdges(it, from, sc, func(e graph.Edge) bool {
				if record {
					rec = append(rec, halfEdge{e.Predicate, e.Other(from)})
				}
				return yield(from, e)
			})
			if err != nil {
				return err
			}
			if !more {
				return nil
			}
			if i == 0 {
				nOut = len(rec)
			}
		}
		if record {
			gen.put(from, rec, nOut)
		}
	}
	return nil
}

// edgeScan is one side of an entity's adjacency keys to read.
type edgeScan struct {
	kind  byte              // kindOut or kindIn
	preds []graph.Predicate // the predicates to seek, in key order; nil: all
}

// edgeScans lists the sides that hold an entity's edges in dir for preds,
// in the order Edges yields them. A side dir does not ask for is still read for
// its symmetric predicates.
func edgeScans(dir graph.Direction, preds []graph.Predicate) []edgeScan {
	preds = slices.Clone(preds)
	slices.Sort(preds)
	preds = slices.Compact(preds)
	var scans []edgeScan
	for _, side := range []struct {
		kind byte
		full bool
	}{{kindOut, dir&graph.Out != 0}, {kindIn, dir&graph.In != 0}} {
		if side.full {
			scans = append(scans, edgeScan{side.kind, preds})
			continue
		}
		want := preds
		if len(want) == 0 {
			want = symmetric
		}
		var sym []graph.Predicate
		for _, p := range want {
			if p.Symmetric() {
				sym = append(sym, p)
			}
		}
		if len(sym) > 0 {
			scans = append(scans, edgeScan{side.kind, sym})
		}
	}
	return scans
}

// symmetric lists the symmetric predicates in key order.
var symmetric = func() []graph.Predicate {
	var ps []graph.Predicate
	for _, p := range graph.Predicates {
		if p.Symmetric() {
			ps = append(ps, p)
		}
	}
	slices.Sort(ps)
	return ps
}()

// scanEdges passes fn the edges of one side in key order, but for a
// self-loop on the in side (the out side has it); false means fn asked to
// stop.
func scanEdges(it *badger.Iterator, id graph.ID, sc edgeScan, fn func(e graph.Edge) bool) (bool, error) {
	base := adjacencyPrefix(sc.kind, id)
	emit := func(prefix []byte) (bool, error) {
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			p, other, err := parseAdjacencyTail(it.Item().Key()[len(base):])
			if err != nil {
				return false, fmt.Errorf("store: edges of %q: key %x: %w", id, it.Item().Key(), err)
			}
			e := graph.Edge{Subject: id, Predicate: p, Object: other}
			if sc.kind == kindIn {
				if other == id {
					continue // a self-loop, already yielded from the out side
				}
				e.Subject, e.Object = other, id
			}
			if !fn(e) {
				return false, nil
			}
		}
		return true, nil
	}
	if sc.preds == nil {
		return emit(base)
	}
	for _, p := range sc.preds {
		if more, err := emit(adjacencyPredPrefix(sc.kind, id, p)); !more || err != nil {
			return more, err
		}
	}
	return true, nil
}

// Relation implements graph.RelationReader; k need not be canonical.
func (s *Store) Relation(k graph.Key) (graph.Relation, bool, error) {
	var (
		r  graph.Relation
		ok bool
	)
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		r, ok, err = getRelation(txn, k.Canonical())
		return err
	})
	if err != nil {
		return graph.Relation{}, false, fmt.Errorf("store: %w", err)
	}
	return r, ok, nil
}

// Entities implements graph.Lister: every entity in id order.
func (s *Store) Entities() iter.Seq2[graph.Entity, error] {
	return scanValues(s, entityPrefix(), func(k, v []byte) (graph.Entity, error) {
		id, err := parseEntityKey(k)
		if err != nil {
			return graph.Entity{}, err
		}
		return decodeEntity(id, v)
	})
}

// Relations implements graph.Lister: every relation in key order, each
// with all of its evidence (see evidence.go).
func (s *Store) Relations() iter.Seq2[graph.Relation, error] {
	return func(yield func(graph.Relation, error) bool) {
		txn := s.db.NewTransaction(false)
		defer txn.Discard()
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: relationPrefix()})
		defer it.Close()
		var more *badger.Iterator // evidence keys, made when a relation has some
		defer func() {
			if more != nil {
				more.Close()
			}
		}()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			k, err := parseRelationKey(item.Key())
			var (
				r        graph.Relation
				overflow bool
			)
			if err == nil {
				err = item.Value(func(v []byte) error {
					overflow = hasOverflow(v)
					var err error
					r, err = decodeRelation(k, v)
					return err
				})
			}
			if err == nil && overflow {
				if more == nil {
					more = txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: evidenceKindPrefix()})
				}
				r.Evidence, err = appendOverflow(more, k, r.Evidence)
			}
			if err != nil {
				yield(graph.Relation{}, fmt.Errorf("store: %w", err))
				return
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

// Document implements graph.DocumentReader.
func (s *Store) Document(id graph.DocID) (graph.Document, bool, error) {
	var (
		d  graph.Document
		ok bool
	)
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		d, ok, err = getDocument(txn, id)
		return err
	})
	if err != nil {
		return graph.Document{}, false, fmt.Errorf("store: %w", err)
	}
	return d, ok, nil
}

// Documents implements graph.DocumentReader: every document in id order.
func (s *Store) Documents() iter.Seq2[graph.Document, error] {
	return scanValues(s, documentPrefix(), func(k, v []byte) (graph.Document, error) {
		id, err := parseDocumentKey(k)
		if err != nil {
			return graph.Document{}, err
		}
		return decodeDocument(id, v)
	})
}

// HasDocument reports whether the document id has been ingested.
func (s *Store) HasDocument(id graph.DocID) (bool, error) {
	var ok bool
	err := s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(documentKey(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		ok = err == nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("store: has document %q: %w", id, err)
	}
	return ok, nil
}

// scanValues yields decode(key, value) for every key under prefix, in key
// order, from one read transaction.
func scanValues[T any](s *Store, prefix []byte, decode func(k, v []byte) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		txn := s.db.NewTransaction(false)
		defer txn.Discard()
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: prefix})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			var x T
			err := item.Value(func(v []byte) error {
				var err error
				x, err = decode(item.Key(), v)
				return err
			})
			if err != nil {
				var zero T
				yield(zero, fmt.Errorf("store: %w", err))
				return
			}
			if !yield(x, nil) {
				return
			}
		}
	}
}

// getEntity reads an entity in txn.
func getEntity(txn *badger.Txn, id graph.ID) (graph.Entity, bool, error) {
	var e graph.Entity
	ok, err := getValue(txn, entityKey(id), func(v []byte) error {
		var err error
		e, err = decodeEntity(id, v)
		return err
	})
	if err != nil {
		return graph.Entity{}, false, fmt.Errorf("get entity %q: %w", id, err)
	}
	return e, ok, nil
}

// getDocument reads a document in txn.
func getDocument(txn *badger.Txn, id graph.DocID) (graph.Document, bool, error) {
	var d graph.Document
	ok, err := getValue(txn, documentKey(id), func(v []byte) error {
		var err error
		d, err = decodeDocument(id, v)
		return err
	})
	if err != nil {
		return graph.Document{}, false, fmt.Errorf("get document %q: %w", id, err)
	}
	return d, ok, nil
}

// getValue passes key's value to fn; false when the key is absent.
func getValue(txn *badger.Txn, key []byte, fn func([]byte) error) (bool, error) {
	item, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, item.Value(fn)
}

// lookup returns the ids filed under an index key, in id order, reading
// keys only.
func lookup(txn *badger.Txn, key string) ([]graph.ID, error) {
	prefix := aliasPrefix(key)
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: prefix})
	defer it.Close()
	var ids []graph.ID
	for it.Rewind(); it.Valid(); it.Next() {
		_, id, err := parseAliasKey(it.Item().Key())
		if err != nil {
			return nil, fmt.Errorf("lookup %q: %w", key, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}
