package dgraph

import (
	"context"
	"fmt"
	"iter"
	"strconv"

	"github.com/dgraph-io/dgo/v250/protos/api"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// batchQuads is about how many N-Quads one bulk transaction writes: a few
// thousand, so that a copy commits hundreds of times, not once per node,
// and no transaction grows big enough to strain an alpha.
const batchQuads = 4000

// batchBytes bounds the string values (mostly document bodies and
// evidence sentences) one bulk transaction carries.
const batchBytes = 4 << 20

// Import writes a whole graph into a cluster that holds no kg graph, in
// transactions of a few thousand N-Quads each (not one per entity), with
// the same nodes and edges Ingest writes: entities with their lookup keys,
// Relation nodes with their Evidence nodes, and the kg.rel.* adjacency
// edges. It is store.Store.Import's twin; Restore adds documents, the
// decision log and redirects.
//
// Entities come first and are kept as given; Import remembers each one's
// uid (a few dozen bytes per entity) to link relations to it. An id given
// twice is an error. Relations may come in any order; self-loops are left
// out, and a relation whose ends are not among the entities is written
// without the links to the missing ends (listed, but not found by Edges).
//
// It returns an error wrapping store.ErrNotEmpty when the cluster already
// holds entities, relations or documents. Transactions that commit stay:
// on an error the cluster holds part of the graph (DropAll, or drop kg's
// types, to start again).
func (s *Store) Import(entities iter.Seq[graph.Entity], relations iter.Seq[graph.Relation]) (store.ImportResult, error) {
	var res store.ImportResult
	ctx := context.Background()
	if err := s.checkEmpty(ctx, "Entity", "Relation", "Document"); err != nil {
		return res, fmt.Errorf("dgraph: import: %w", err)
	}
	defer s.dropSnapshot()
	w := &bulkWriter{s: s, ctx: ctx}
	uids := map[graph.ID]string{}
	pending := map[string]graph.ID{} // blank node names of the entities not committed yet
	w.onCommit = func(got map[string]string) error {
		for name, id := range pending {
			uid, ok := got[name]
			if !ok {
				return fmt.Errorf("entity %q: the cluster returned no uid", id)
			}
			uids[id] = uid
		}
		clear(pending)
		return nil
	}
	given := map[graph.ID]bool{}
	if entities != nil {
		for e := range entities {
			if e.ID == "" {
				return res, fmt.Errorf("dgraph: import: entity %q has no id", e.Name)
			}
			if _, dup := uids[e.ID]; dup || given[e.ID] {
				return res, fmt.Errorf("dgraph: import: entity %q given twice", e.ID)
			}
			given[e.ID] = true
			name := "e" + strconv.Itoa(w.blank())
			n := entityNodeJSON("_:"+name, e)
			pending[name] = e.ID
			if err := w.add(n, quads(n), 0); err != nil {
				return res, fmt.Errorf("dgraph: import entities: %w", err)
			}
			res.Entities++
		}
	}
	if err := w.flush(); err != nil {
		return res, fmt.Errorf("dgraph: import entities: %w", err)
	}
	w.onCommit = nil
	seen := map[graph.Key]bool{}
	if relations != nil {
		for r := range relations {
			k := r.Key()
			if k.Subject == k.Object {
				continue
			}
			if seen[k] {
				return res, fmt.Errorf("dgraph: import: relation %s %s %s given twice", k.Subject, k.Predicate, k.Object)
			}
			seen[k] = true
			r.Subject, r.Object = k.Subject, k.Object
			nodes, size := relationNodesJSON("_:r"+strconv.Itoa(w.blank()), r, uids[k.Subject], uids[k.Object])
			q := 0
			for _, n := range nodes {
				q += quads(n)
			}
			if err := w.add(nodes, q, size); err != nil {
				return res, fmt.Errorf("dgraph: import relations: %w", err)
			}
			res.Relations++
			res.Evidence += len(r.Evidence)
		}
	}
	if err := w.flush(); err != nil {
		return res, fmt.Errorf("dgraph: import relations: %w", err)
	}
	res.Keys = w.total
	return res, nil
}

// entityNodeJSON is the mutation of one new entity node.
func entityNodeJSON(uid string, e graph.Entity) map[string]any {
	n := map[string]any{"uid": uid, "dgraph.type": "Entity", pID: string(e.ID), pName: e.Name, pType: string(e.Type)}
	if e.Mentions != 0 {
		n[pMentions] = e.Mentions
	}
	if a := encodeAttrs(e.Attrs); a != "" {
		n[pAttrs] = a
	}
	if len(e.Aliases) > 0 {
		n[pAliases] = e.Aliases
	}
	if keys := graph.IndexKeys(e); len(keys) > 0 {
		n[pKeys] = keys
	}
	if len(e.Docs) > 0 {
		docs := make([]string, len(e.Docs))
		for i, d := range e.Docs {
			docs[i] = string(d)
		}
		n[pDocs] = docs
	}
	dropEmpty(n)
	return n
}

// relationNodesJSON is the mutation of one new relation: its node with
// evidence nodes, and the adjacency edge from its subject (when both ends
// are known). It also returns the bytes of text it carries.
func relationNodesJSON(uid string, r graph.Relation, from, to string) ([]map[string]any, int) {
	k := r.Key()
	n := map[string]any{"uid": uid, "dgraph.type": "Relation", pKey: keyString(k), pPred: string(k.Predicate)}
	if a := encodeAttrs(r.Attrs); a != "" {
		n[pAttrs] = a
	}
	size := 0
	if len(r.Evidence) > 0 {
		ev := make([]evidenceNode, len(r.Evidence))
		for i, e := range r.Evidence {
			ev[i] = newEvidenceNode("", e)
			size += len(e.Sentence)
		}
		n[pEvidence] = ev
	}
	out := []map[string]any{n}
	if from != "" {
		n[pFrom] = map[string]string{"uid": from}
	}
	if to != "" {
		n[pTo] = map[string]string{"uid": to}
	}
	if from != "" && to != "" {
		out = append(out, map[string]any{"uid": from, edgePredicate(k.Predicate): []map[string]string{{"uid": to}}})
	}
	return out, size
}

// dropEmpty deletes empty string values: Dgraph stores "" as a value, and
// absent reads the same.
func dropEmpty(n map[string]any) {
	for k, v := range n {
		if s, ok := v.(string); ok && s == "" {
			delete(n, k)
		}
	}
}

// quads estimates how many N-Quads a JSON node becomes: one per scalar,
// list element and linked node, nested nodes counted in.
func quads(v any) int {
	switch x := v.(type) {
	case map[string]any:
		q := 0
		for _, v := range x {
			q += quads(v)
		}
		return q
	case []map[string]any:
		q := 0
		for _, n := range x {
			q += quads(n)
		}
		return q
	case []string:
		return len(x)
	case []evidenceNode:
		return 10 * len(x)
	case []map[string]string:
		return len(x)
	}
	return 1
}

// bulkWriter gathers nodes into transactions of about batchQuads N-Quads
// and commits each at once (retrying an aborted one).
type bulkWriter struct {
	s     *Store
	ctx   context.Context
	nodes []any
	q     int // N-Quads gathered
	size  int // bytes of text gathered
	seq   int // blank node numbers given out
	total int // N-Quads written

	// onCommit, when set, receives the uids the cluster gave the blank
	// nodes of each committed transaction.
	onCommit func(uids map[string]string) error
}

// blank returns a number for a blank node name, unique within the writer
// (so within any transaction it commits).
func (w *bulkWriter) blank() int {
	w.seq++
	return w.seq
}

// add gathers one node (a map or a list of maps) of about q N-Quads and
// size bytes of text, committing first when the batch would grow too big.
func (w *bulkWriter) add(node any, q, size int) error {
	if len(w.nodes) > 0 && (w.q+q > batchQuads || w.size+size > batchBytes) {
		if err := w.flush(); err != nil {
			return err
		}
	}
	switch x := node.(type) {
	case []map[string]any:
		for _, n := range x {
			w.nodes = append(w.nodes, n)
		}
	default:
		w.nodes = append(w.nodes, node)
	}
	w.q += q
	w.size += size
	return nil
}

// flush commits what is gathered, in one transaction.
func (w *bulkWriter) flush() error {
	if len(w.nodes) == 0 {
		return nil
	}
	set, err := jsonBytes(w.nodes)
	if err != nil {
		return err
	}
	var uids map[string]string
	err = w.s.retry(w.ctx, func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		txn := w.s.dg.NewTxn()
		defer txn.Discard(ctx)
		resp, err := txn.Mutate(ctx, &api.Mutation{SetJson: set, CommitNow: true})
		if err != nil {
			return err
		}
		uids = resp.GetUids()
		return nil
	})
	if err != nil {
		return fmt.Errorf("write %d nodes: %w", len(w.nodes), err)
	}
	if w.onCommit != nil {
		if err := w.onCommit(uids); err != nil {
			return err
		}
	}
	w.total += w.q
	w.nodes, w.q, w.size = w.nodes[:0], 0, 0
	return nil
}

// checkEmpty fails with store.ErrNotEmpty when the cluster holds a node of
// any of the types.
func (s *Store) checkEmpty(ctx context.Context, types ...string) error {
	ctx, cancel := context.WithTimeout(ctx, requestTimeout)
	defer cancel()
	var q string
	for _, t := range types {
		q += fmt.Sprintf("%s(func: type(%s), first: 1) { uid }\n", t, t)
	}
	var got map[string][]struct {
		UID string `json:"uid"`
	}
	if err := query(ctx, s.dg.NewReadOnlyTxn(), "{\n"+q+"}", nil, &got); err != nil {
		return fmt.Errorf("check the cluster is empty: %w", err)
	}
	for _, t := range types {
		if len(got[t]) > 0 {
			return fmt.Errorf("%w: the cluster holds %s nodes; copy only into a cluster without a kg graph", store.ErrNotEmpty, t)
		}
	}
	return nil
}
