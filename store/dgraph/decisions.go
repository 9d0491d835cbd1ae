package dgraph

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// The decision log and redirects live in nodes of their own:
//
//	type Decision   kg.dec.seq   int     @index(int) @upsert   its number in the log
//	                kg.dec.kind  string  @index(exact)         merge, rename, forget, ...
//	                kg.dec.json  string                        the whole graph.Decision as JSON
//	type Redirect   kg.redirect.from  string  @index(exact) @upsert   an id merged away
//	                kg.redirect.to    string                          the id it was merged into
//
// A decision is kept whole as JSON (as the Badger store keeps it), so that
// the log, including the state each decision replaced, reads back exactly.

// Decisions yields the decision log in order, undone decisions included.
func (s *Store) Decisions() iter.Seq2[graph.Decision, error] {
	return func(yield func(graph.Decision, error) bool) {
		ctx, cancel := s.ctx()
		defer cancel()
		var out struct {
			Q []struct {
				Seq  uint64 `json:"kg.dec.seq"`
				JSON string `json:"kg.dec.json"`
			} `json:"q"`
		}
		err := query(ctx, s.dg.NewReadOnlyTxn(), `{ q(func: type(Decision), orderasc: kg.dec.seq) { kg.dec.seq kg.dec.json } }`, nil, &out)
		if err != nil {
			yield(graph.Decision{}, fmt.Errorf("dgraph: decisions: %w", err))
			return
		}
		for _, n := range out.Q {
			var d graph.Decision
			if err := json.Unmarshal([]byte(n.JSON), &d); err != nil {
				yield(graph.Decision{}, fmt.Errorf("dgraph: decision %d: %w", n.Seq, err))
				return
			}
			d.Seq = n.Seq
			if !yield(d, nil) {
				return
			}
		}
	}
}

// Redirects yields every redirect (an entity merged into another), one
// step each, in From order.
func (s *Store) Redirects() iter.Seq2[store.Redirect, error] {
	return func(yield func(store.Redirect, error) bool) {
		ctx, cancel := s.ctx()
		defer cancel()
		var out struct {
			Q []struct {
				From string `json:"kg.redirect.from"`
				To   string `json:"kg.redirect.to"`
			} `json:"q"`
		}
		err := query(ctx, s.dg.NewReadOnlyTxn(), `{ q(func: type(Redirect)) { kg.redirect.from kg.redirect.to } }`, nil, &out)
		if err != nil {
			yield(store.Redirect{}, fmt.Errorf("dgraph: redirects: %w", err))
			return
		}
		rs := make([]store.Redirect, len(out.Q))
		for i, n := range out.Q {
			rs[i] = store.Redirect{From: graph.ID(n.From), To: graph.ID(n.To)}
		}
		slices.SortFunc(rs, func(a, b store.Redirect) int { return strings.Compare(string(a.From), string(b.From)) })
		for _, r := range rs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// Restore writes documents, decisions and redirects as they are given,
// applying nothing, in transactions of a few thousand N-Quads: with
// Import, it copies a whole database into the cluster (kg copy). It is
// store.Store.Restore's twin.
//
// A document already in the cluster is left as it is. Decisions keep
// their numbers, so Restore refuses (store.ErrNotEmpty) when the cluster
// already has a decision log or redirects and decisions or redirects are
// given. Transactions that commit stay: on an error part of it is written.
func (s *Store) Restore(documents iter.Seq2[graph.Document, error], decisions []graph.Decision, redirects []store.Redirect) (store.RestoreResult, error) {
	var res store.RestoreResult
	ctx := context.Background()
	if len(decisions) > 0 || len(redirects) > 0 {
		if err := s.checkEmpty(ctx, "Decision", "Redirect"); err != nil {
			return res, fmt.Errorf("dgraph: restore: %w", err)
		}
	}
	defer s.dropSnapshot()
	w := newBulkWriter(s, ctx)
	defer w.stop()
	if documents != nil {
		// Documents are checked against the cluster a batch at a time.
		var batch []graph.Document
		size := 0
		write := func() error {
			have, err := s.haveDocuments(ctx, batch)
			if err != nil {
				return err
			}
			for _, d := range batch {
				if have[d.ID] {
					continue
				}
				n := newDocumentNode("_:d"+strconv.Itoa(w.blank()), d)
				if err := w.add(n, 7, len(d.Body)+len(d.Title)+len(d.Source)); err != nil {
					return err
				}
				res.Documents++
			}
			batch, size = batch[:0], 0
			return nil
		}
		for d, err := range documents {
			if err != nil {
				return res, fmt.Errorf("dgraph: restore: %w", err)
			}
			batch = append(batch, d)
			size += len(d.Body)
			if len(batch) == 500 || size > batchBytes {
				if err := write(); err != nil {
					return res, fmt.Errorf("dgraph: restore documents: %w", err)
				}
			}
		}
		if err := write(); err != nil {
			return res, fmt.Errorf("dgraph: restore documents: %w", err)
		}
	}
	for _, d := range decisions {
		if d.Seq == 0 {
			return res, fmt.Errorf("dgraph: restore decision %q: it has no number", d.Kind)
		}
		b, err := json.Marshal(d)
		if err != nil {
			return res, fmt.Errorf("dgraph: restore decision %d: %w", d.Seq, err)
		}
		n := map[string]any{"uid": "_:c" + strconv.Itoa(w.blank()), "dgraph.type": "Decision",
			pDecSeq: d.Seq, pDecKind: string(d.Kind), pDecJSON: string(b)}
		if err := w.add(n, 4, len(b)); err != nil {
			return res, fmt.Errorf("dgraph: restore decisions: %w", err)
		}
		res.Decisions++
	}
	for _, r := range redirects {
		if r.From == "" || r.To == "" {
			return res, fmt.Errorf("dgraph: restore redirect %q -> %q: an end is empty", r.From, r.To)
		}
		n := map[string]any{"uid": "_:x" + strconv.Itoa(w.blank()), "dgraph.type": "Redirect",
			pRedirFrom: string(r.From), pRedirTo: string(r.To)}
		if err := w.add(n, 3, 0); err != nil {
			return res, fmt.Errorf("dgraph: restore redirects: %w", err)
		}
		res.Redirects++
	}
	if err := w.wait(); err != nil {
		return res, fmt.Errorf("dgraph: restore: %w", err)
	}
	return res, nil
}

// haveDocuments reports which of docs the cluster holds, in one request.
func (s *Store) haveDocuments(ctx context.Context, docs []graph.Document) (map[graph.DocID]bool, error) {
	have := map[graph.DocID]bool{}
	if len(docs) == 0 {
		return have, nil
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = string(d.ID)
	}
	list, err := json.Marshal(ids) // a JSON list of strings is a DQL list of strings
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	var out struct {
		Q []struct {
			ID string `json:"kg.doc"`
		} `json:"q"`
	}
	if err := query(ctx, s.dg.NewReadOnlyTxn(), `{ q(func: eq(kg.doc, `+string(list)+`)) { kg.doc } }`, nil, &out); err != nil {
		return nil, fmt.Errorf("look documents up: %w", err)
	}
	for _, n := range out.Q {
		have[graph.DocID(n.ID)] = true
	}
	return have, nil
}

// follow returns the id that id leads to through redirects, or id itself
// when it was never merged away, in one request per step.
func follow(ctx context.Context, txn querier, id graph.ID) (graph.ID, error) {
	for range maxRedirects {
		var out struct {
			Q []struct {
				To string `json:"kg.redirect.to"`
			} `json:"q"`
		}
		err := query(ctx, txn, `query q($id: string) { q(func: eq(kg.redirect.from, $id)) { kg.redirect.to } }`,
			map[string]string{"$id": string(id)}, &out)
		if err != nil {
			return "", fmt.Errorf("follow redirect %q: %w", id, err)
		}
		if len(out.Q) == 0 {
			return id, nil
		}
		id = graph.ID(out.Q[0].To)
	}
	return "", fmt.Errorf("redirects from %q go round in circles", id)
}

// maxRedirects bounds how many merges a chain of redirects may go through
// (as in the Badger store).
const maxRedirects = 64
