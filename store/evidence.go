package store

// A relation's evidence lives in two places: up to maxInline records in
// its value, and the rest under evidence keys of their own (keys.go,
// values.go). This file reads and changes both together.
//
// Adding a record to a relation whose value is full writes one evidence
// key and leaves the value as it is (but the first time, which marks the
// value format 0x02), so an ingest that states a known relation again
// writes a bounded number of bytes however many articles stated it before.
//
// Invariant: a relation value is in format 0x02 exactly when the relation
// has at least one evidence key. Readers rely on it to look for evidence
// keys only when there are some: an iterator in a read-write transaction
// costs a sort of the transaction's pending writes.

import (
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// getRelation reads the relation with canonical key k in txn, with all of
// its evidence (the value's and its evidence keys'), in graph.SortEvidence
// order.
func getRelation(txn *badger.Txn, k graph.Key) (graph.Relation, bool, error) {
	r, overflow, ok, err := getStoredRelation(txn, k)
	if err != nil || !ok || !overflow {
		return r, ok, err
	}
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: evidencePrefix(k)})
	defer it.Close()
	if r.Evidence, err = appendOverflow(it, k, r.Evidence); err != nil {
		return graph.Relation{}, false, fmt.Errorf("get relation %v: %w", k, err)
	}
	return r, true, nil
}

// getStoredRelation reads relation k's value only: its attributes, the
// records the value holds, and whether it has evidence keys as well.
func getStoredRelation(txn *badger.Txn, k graph.Key) (r graph.Relation, overflow, ok bool, err error) {
	ok, err = getValue(txn, relationKey(k), func(v []byte) error {
		overflow = hasOverflow(v)
		var err error
		r, err = decodeRelation(k, v)
		return err
	})
	if err != nil {
		return graph.Relation{}, false, false, fmt.Errorf("get relation %v: %w", k, err)
	}
	return r, overflow, ok, nil
}

// appendOverflow adds relation k's evidence keys' records to ev (the
// value's) and returns them all sorted, each identity once. it is an
// iterator with values, positioned anywhere: appendOverflow seeks.
func appendOverflow(it *badger.Iterator, k graph.Key, ev []graph.Evidence) ([]graph.Evidence, error) {
	prefix := evidencePrefix(k)
	inline := len(ev)
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		err := item.Value(func(v []byte) error {
			rec, err := decodeRecord(v)
			ev = append(ev, rec)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("evidence key %x: %w", item.Key(), err)
		}
	}
	if len(ev) == inline {
		return ev, nil
	}
	// Both parts are sorted; records normally differ (each identity is
	// stored once), but a duplicate is dropped as MergeEvidence drops one.
	graph.SortEvidence(ev)
	return slices.CompactFunc(ev, sameRecord), nil
}

// putRelation adds r (with resolved ends) or merges its evidence and
// attributes into the stored relation with the same canonical key, as
// graph.Relation.MergeEvidence would: a record whose identity (document,
// start, end) is stored already is left out. Records go into the value
// while it holds fewer than maxInline, then under evidence keys. It
// returns how many evidence records it added.
//
// Invariant: a new relation's key, its out key and its in key are written
// together, here, in the caller's transaction.
func putRelation(txn *badger.Txn, r graph.Relation) (int, error) {
	k := r.Key()
	r.Subject, r.Object = k.Subject, k.Object
	old, overflow, exists, err := getStoredRelation(txn, k)
	if err != nil {
		return 0, err
	}
	if !exists {
		// Sorted, each identity once (the first given, as MergeEvidence
		// keeps it), without MergeEvidence's cost, quadratic in the records.
		fresh := graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object, Attrs: r.Attrs}
		fresh.Evidence = slices.Clone(r.Evidence)
		graph.SortEvidence(fresh.Evidence)
		fresh.Evidence = slices.CompactFunc(fresh.Evidence, sameRecord)
		if err := writeRelation(txn, fresh); err != nil {
			return 0, err
		}
		if err := txn.Set(outKey(k), nil); err != nil {
			return 0, fmt.Errorf("put out edge %v: %w", k, err)
		}
		if err := txn.Set(inKey(k), nil); err != nil {
			return 0, fmt.Errorf("put in edge %v: %w", k, err)
		}
		return len(fresh.Evidence), nil
	}
	changed, added := false, 0
	for _, e := range r.Evidence {
		if slices.ContainsFunc(old.Evidence, func(have graph.Evidence) bool { return sameRecord(have, e) }) {
			continue
		}
		if overflow {
			if has, err := getValue(txn, evidenceKey(k, e), func([]byte) error { return nil }); err != nil {
				return 0, fmt.Errorf("get evidence of %v: %w", k, err)
			} else if has {
				continue
			}
		}
		added++
		if len(old.Evidence) < maxInline {
			old.Evidence = append(old.Evidence, e)
			changed = true
			continue
		}
		if err := txn.Set(evidenceKey(k, e), encodeRecord(e)); err != nil {
			return 0, fmt.Errorf("put evidence of %v: %w", k, err)
		}
		if !overflow {
			overflow, changed = true, true
		}
	}
	for a, v := range r.Attrs {
		if _, ok := old.Attrs[a]; ok {
			continue
		}
		if old.Attrs == nil {
			old.Attrs = map[string]string{}
		}
		old.Attrs[a] = v
		changed = true
	}
	if !changed {
		return added, nil
	}
	graph.SortEvidence(old.Evidence)
	if err := setRelationValue(txn, k, old, overflow); err != nil {
		return 0, err
	}
	return added, nil
}

// writeRelation stores r's value, with its evidence sorted and each identity
// once: the first maxInline records in the value, the rest under evidence
// keys. The relation must have no evidence keys yet.
func writeRelation(txn *badger.Txn, r graph.Relation) error {
	k := r.Key()
	inline, rest := r.Evidence, []graph.Evidence(nil)
	if len(inline) > maxInline {
		inline, rest = inline[:maxInline], inline[maxInline:]
	}
	for _, e := range rest {
		if err := txn.Set(evidenceKey(k, e), encodeRecord(e)); err != nil {
			return fmt.Errorf("put evidence of %v: %w", k, err)
		}
	}
	r.Evidence = inline
	return setRelationValue(txn, k, r, len(rest) > 0)
}

// setRelationValue writes relation k's value: r's attributes and records
// (all of them inline), in format 0x02 when overflow.
func setRelationValue(txn *badger.Txn, k graph.Key, r graph.Relation, overflow bool) error {
	if err := txn.Set(relationKey(k), appendRelationValue(nil, r, overflow)); err != nil {
		return fmt.Errorf("put relation %v: %w", k, err)
	}
	return nil
}

// removeRecords drops the records of relation k that drop selects, looking
// among its evidence keys only under scan (evidencePrefix(k), or a
// narrower prefix such as evidenceDocPrefix's when the caller knows the
// records to drop are there), and deletes the relation when no record is
// left. It returns how many records it dropped and whether it deleted the
// relation; a missing relation is no error.
func removeRecords(txn *badger.Txn, k graph.Key, scan []byte, drop func(graph.Evidence) bool) (int, bool, error) {
	r, overflow, ok, err := getStoredRelation(txn, k)
	if err != nil || !ok {
		return 0, false, err
	}
	before := len(r.Evidence)
	r.Evidence = slices.DeleteFunc(r.Evidence, drop)
	removed := before - len(r.Evidence)
	left := overflow
	if overflow {
		var gone [][]byte
		err := func() error {
			it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: scan})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				item := it.Item()
				err := item.Value(func(v []byte) error {
					rec, err := decodeRecord(v)
					if err == nil && drop(rec) {
						gone = append(gone, item.KeyCopy(nil))
					}
					return err
				})
				if err != nil {
					return fmt.Errorf("evidence key %x: %w", item.Key(), err)
				}
			}
			return nil
		}()
		if err != nil {
			return 0, false, fmt.Errorf("remove evidence of %v: %w", k, err)
		}
		for _, key := range gone {
			if err := txn.Delete(key); err != nil {
				return 0, false, fmt.Errorf("delete evidence of %v: %w", k, err)
			}
		}
		removed += len(gone)
		if len(gone) > 0 {
			if left, err = anyEvidenceKey(txn, k); err != nil {
				return 0, false, err
			}
		}
	}
	if removed == 0 {
		return 0, false, nil
	}
	if len(r.Evidence) == 0 && !left {
		return removed, true, deleteRelation(txn, k)
	}
	return removed, false, setRelationValue(txn, k, r, left)
}

// anyEvidenceKey reports whether relation k has an evidence key.
func anyEvidenceKey(txn *badger.Txn, k graph.Key) (bool, error) {
	prefix := evidencePrefix(k)
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: prefix})
	defer it.Close()
	it.Rewind()
	return it.Valid(), nil
}

// deleteEvidenceKeys deletes every evidence key of relation k.
func deleteEvidenceKeys(txn *badger.Txn, k graph.Key) error {
	var keys [][]byte
	func() {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: evidencePrefix(k)})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
	}()
	for _, key := range keys {
		if err := txn.Delete(key); err != nil {
			return fmt.Errorf("delete evidence of %v: %w", k, err)
		}
	}
	return nil
}

// docRelations returns the canonical keys of the relations with a record
// citing doc, in key order: from their values and from their evidence keys.
func docRelations(txn *badger.Txn, doc graph.DocID) ([]graph.Key, error) {
	keys, err := collectValues(txn, relationPrefix(), func(k, v []byte) (graph.Key, bool, error) {
		key, err := parseRelationKey(k)
		if err != nil {
			return graph.Key{}, false, err
		}
		r, err := decodeRelation(key, v)
		if err != nil {
			return graph.Key{}, false, err
		}
		return key, slices.ContainsFunc(r.Evidence, func(e graph.Evidence) bool { return e.Doc == doc }), nil
	})
	if err != nil {
		return nil, err
	}
	seen := make(map[graph.Key]bool, len(keys))
	for _, k := range keys {
		seen[k] = true
	}
	n := len(keys)
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: evidenceKindPrefix()})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		k, rec, err := parseEvidenceKey(it.Item().Key())
		if err != nil {
			return nil, err
		}
		if rec.Doc == doc && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) == n {
		return keys, nil // in key order already
	}
	slices.SortFunc(keys, graph.Key.Compare)
	return keys, nil
}
