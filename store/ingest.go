package store

import (
	"errors"
	"fmt"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// IngestResult says what Ingest did with a batch.
type IngestResult struct {
	Doc         graph.DocID
	Skipped     bool // the document was already in the database; nothing changed
	Entities    int  // batch entities written (new or merged into existing ones)
	NewEntities int  // entities the database did not hold before
	Relations   int  // batch relations kept (both ends resolved, not a self-loop)
	Evidence    int  // evidence records added
}

// Ingest adds one document's batch: it resolves the batch's entities
// against those stored (graph.PlanBatch), merges them into existing
// entities (graph.MergeEntity) or creates them, and adds the relations
// whose ends both resolved to different entities, merging evidence into
// relations that exist.
//
// Invariant: a document's entities, relations, evidence and the document
// itself are written in one Badger transaction: all of it or none. A batch
// too big for one transaction fails with ErrTooBig; it is never split.
//
// Invariant: a document already stored is not ingested again: the result
// has Skipped set and the database is unchanged.
func (s *Store) Ingest(b graph.Batch) (IngestResult, error) {
	res := IngestResult{Doc: b.Doc.ID}
	if s.readOnly {
		return res, fmt.Errorf("store: ingest %s: %w", b.Doc.ID, ErrReadOnly)
	}
	if b.Doc.ID == "" {
		return res, fmt.Errorf("store: ingest %q: document has no id", b.Doc.Source)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.releasePages()
	err := s.db.Update(func(txn *badger.Txn) error {
		var err error
		res, err = ingestTxn(txn, b)
		if err != nil || res.Skipped {
			return err
		}
		if s.beforeCommit != nil {
			return s.beforeCommit(txn)
		}
		return nil
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		return IngestResult{Doc: b.Doc.ID}, fmt.Errorf("store: ingest %s: %w: %d entities, %d relations and a %d-byte body exceed Badger's transaction limit; nothing was written",
			b.Doc.ID, ErrTooBig, len(b.Entities), len(b.Relations), len(b.Doc.Body))
	}
	if err != nil {
		return IngestResult{Doc: b.Doc.ID}, fmt.Errorf("store: ingest %s: %w", b.Doc.ID, err)
	}
	return res, nil
}

// ingestTxn does Ingest's work inside txn. Reads in txn see its own
// writes, so a second batch entity landing on an entity the first one
// created, or a relation given twice, merges like any other.
func ingestTxn(txn *badger.Txn, b graph.Batch) (IngestResult, error) {
	res := IngestResult{Doc: b.Doc.ID}
	_, found, err := getDocument(txn, b.Doc.ID)
	if err != nil {
		return res, err
	}
	if found {
		res.Skipped = true
		return res, nil
	}
	// The analyst's decisions (decisions.go) hold for every new article.
	pol, err := loadPolicy(txn)
	if err != nil {
		return res, err
	}
	if b, err = pol.retype(txn, b); err != nil {
		return res, err
	}
	plan, err := graph.PlanBatch(b, txnIndex{txn})
	if err != nil {
		return res, fmt.Errorf("resolve entities: %w", err)
	}
	if err := pol.replan(txn, b, plan); err != nil {
		return res, err
	}
	for _, e := range b.Entities {
		isNew, err := putEntity(txn, plan[e.ID], e, pol)
		if err != nil {
			return res, err
		}
		res.Entities++
		if isNew {
			res.NewEntities++
		}
	}
	for _, r := range b.Relations {
		r.Subject, r.Object = plan[r.Subject], plan[r.Object]
		if r.Subject == "" || r.Object == "" || r.Subject == r.Object || pol.rejects(r.Key()) {
			continue
		}
		added, err := putRelation(txn, r)
		if err != nil {
			return res, err
		}
		res.Relations++
		res.Evidence += added
	}
	v, err := encodeDocument(b.Doc)
	if err != nil {
		return res, err
	}
	if err := txn.Set(documentKey(b.Doc.ID), v); err != nil {
		return res, fmt.Errorf("put document: %w", err)
	}
	return res, nil
}

// putEntity stores e under id, merged into the entity already there, and
// files it under its index keys, removing the keys only the old version
// had, applying the analyst's curated name and type (pol may be nil). It
// reports whether the entity is new.
func putEntity(txn *badger.Txn, id graph.ID, e graph.Entity, pol *policy) (bool, error) {
	e.ID = id
	old, exists, err := getEntity(txn, id)
	if err != nil {
		return false, err
	}
	if exists {
		e = mergeEntity(old, e)
	}
	pol.curate(&e)
	v, err := encodeEntity(e)
	if err != nil {
		return false, err
	}
	if err := txn.Set(entityKey(id), v); err != nil {
		return false, fmt.Errorf("put entity %q: %w", id, err)
	}
	if exists && sameIndexed(old, e) {
		// Most mentions of a known entity add no name: its index keys,
		// which depend only on the name, aliases and type, stay as they are.
		return false, nil
	}
	var oldKeys map[string]bool
	if exists {
		oldKeys = map[string]bool{}
		for _, k := range graph.IndexKeys(old) {
			oldKeys[k] = true
		}
	}
	for _, k := range graph.IndexKeys(e) {
		if oldKeys[k] {
			delete(oldKeys, k)
			continue
		}
		if err := txn.Set(aliasKey(k, id), nil); err != nil {
			return false, fmt.Errorf("index entity %q under %q: %w", id, k, err)
		}
	}
	for k := range oldKeys {
		if err := txn.Delete(aliasKey(k, id)); err != nil {
			return false, fmt.Errorf("unindex entity %q from %q: %w", id, k, err)
		}
	}
	return !exists, nil
}

// sameIndexed reports whether a and b have the same graph.IndexKeys
// because they have the same name, aliases (in order) and type.
func sameIndexed(a, b graph.Entity) bool {
	return a.Name == b.Name && a.Type == b.Type && slices.Equal(a.Aliases, b.Aliases)
}

// mergeEntity folds a batch entity into the stored one. It is a variable so
// that tests can make a merge drop names, which graph.MergeEntity never does,
// and see the index keys of the dropped names go.
var mergeEntity = graph.MergeEntity

// txnIndex is the graph.Index that PlanBatch resolves against: the
// database as Ingest's own transaction sees it.
type txnIndex struct{ txn *badger.Txn }

func (x txnIndex) Lookup(key string) ([]graph.ID, error) { return lookup(x.txn, key) }

// Entity follows merges, so that an id merged away is never given out again.
func (x txnIndex) Entity(id graph.ID) (graph.Entity, bool, error) { return getLiveEntity(x.txn, id) }
