package store

// Restore and Redirects: the parts of a database that Import leaves out
// (documents, the decision log and the redirects of merged-away ids), read
// and written as they are, so that a whole database can be copied (kg
// copy) to another store and back.

import (
	"errors"
	"fmt"
	"iter"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// Redirect says that entity From was merged into To (kg merge): From no
// longer exists and reading it returns To. To may itself redirect further.
type Redirect struct {
	From graph.ID `json:"from"`
	To   graph.ID `json:"to"`
}

// Redirects yields every redirect, one step each, in From order.
func (s *Store) Redirects() iter.Seq2[Redirect, error] {
	return scanValues(s, []byte{kindRedirect}, func(k, v []byte) (Redirect, error) {
		from, err := parseRedirectKey(k)
		if err != nil {
			return Redirect{}, err
		}
		return Redirect{From: from, To: graph.ID(string(v))}, nil
	})
}

// RestoreResult counts what Restore wrote.
type RestoreResult struct {
	Documents int // documents written (those already stored are left as they are)
	Decisions int
	Redirects int
}

// Restore writes documents, decisions and redirects as they are given,
// applying nothing: the decisions' effects are already in the graph they
// come with. It completes a copy of a database whose entities and
// relations went in with Import, so that the decision log (kg log) reads
// the same, merged-away ids still lead where they did, and documents are
// still known (an article ingested again is skipped).
//
// A document already stored is left as it is. Decisions keep their
// numbers, so Restore refuses (ErrNotEmpty) when the database already
// has a decision log and decisions are given. Writes go in batches; on an
// error part of them may be written. It returns ErrReadOnly on a
// read-only store.
func (s *Store) Restore(documents iter.Seq2[graph.Document, error], decisions []graph.Decision, redirects []Redirect) (RestoreResult, error) {
	var res RestoreResult
	if s.readOnly {
		return res, fmt.Errorf("store: restore: %w", ErrReadOnly)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(decisions) > 0 {
		err := s.db.View(func(txn *badger.Txn) error {
			next, err := nextDecision(txn)
			if err == nil && next != 1 {
				err = fmt.Errorf("%w: it has a decision log of %d decisions; decisions keep their numbers and cannot join another log", ErrNotEmpty, next-1)
			}
			return err
		})
		if err != nil {
			return res, fmt.Errorf("store: restore into %s: %w", s.path, err)
		}
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	if documents != nil {
		for d, err := range documents {
			if err != nil {
				return res, fmt.Errorf("store: restore: %w", err)
			}
			have := false
			if err := s.db.View(func(txn *badger.Txn) error {
				_, err := txn.Get(documentKey(d.ID))
				if errors.Is(err, badger.ErrKeyNotFound) {
					return nil
				}
				have = err == nil
				return err
			}); err != nil {
				return res, fmt.Errorf("store: restore document %s: %w", d.ID, err)
			}
			if have {
				continue
			}
			v, err := encodeDocument(d)
			if err != nil {
				return res, fmt.Errorf("store: restore: %w", err)
			}
			if err := wb.Set(documentKey(d.ID), v); err != nil {
				return res, fmt.Errorf("store: restore document %s: %w", d.ID, err)
			}
			res.Documents++
		}
	}
	for _, d := range decisions {
		if d.Seq == 0 {
			return res, fmt.Errorf("store: restore decision %q: %w: it has no number", d.Kind, ErrInvalid)
		}
		v, err := encodeDecision(d)
		if err != nil {
			return res, fmt.Errorf("store: restore: %w", err)
		}
		if err := wb.Set(decisionKey(d.Seq), v); err != nil {
			return res, fmt.Errorf("store: restore decision %d: %w", d.Seq, err)
		}
		res.Decisions++
	}
	for _, r := range redirects {
		if r.From == "" || r.To == "" {
			return res, fmt.Errorf("store: restore redirect %q -> %q: %w: an end is empty", r.From, r.To, ErrInvalid)
		}
		if err := wb.Set(redirectKey(r.From), []byte(r.To)); err != nil {
			return res, fmt.Errorf("store: restore redirect %s: %w", r.From, err)
		}
		res.Redirects++
	}
	if err := wb.Flush(); err != nil {
		return RestoreResult{}, fmt.Errorf("store: restore: %w", err)
	}
	return res, nil
}
