package dgraph

import (
	"context"
	"fmt"
	"iter"
	"strconv"
	"sync"

	"github.com/dgraph-io/dgo/v250/protos/api"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// batchQuads is about how many N-Quads one bulk transaction writes: a few
// thousand, so that a copy commits hundreds of times, not once per node,
// and no transaction grows big enough to strain an alpha. (A variable for
// tests.)
var batchQuads = 4000

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
	w := newBulkWriter(s, ctx)
	defer w.stop()
	var mu sync.Mutex // guards uids, which committing workers fill
	uids := map[graph.ID]string{}
	w.onCommit = func(names map[string]graph.ID, got map[string]string) error {
		mu.Lock()
		defer mu.Unlock()
		for name, id := range names {
			uid, ok := got[name]
			if !ok {
				return fmt.Errorf("entity %q: the cluster returned no uid", id)
			}
			uids[id] = uid
		}
		return nil
	}
	given := map[graph.ID]bool{}
	if entities != nil {
		for e := range entities {
			if e.ID == "" {
				return res, fmt.Errorf("dgraph: import: entity %q has no id", e.Name)
			}
			if given[e.ID] {
				return res, fmt.Errorf("dgraph: import: entity %q given twice", e.ID)
			}
			given[e.ID] = true
			name := "e" + strconv.Itoa(w.blank())
			n := entityNodeJSON("_:"+name, e)
			if err := w.add(n, quads(n), 0); err != nil {
				return res, fmt.Errorf("dgraph: import entities: %w", err)
			}
			w.name(name, e.ID)
			res.Entities++
		}
	}
	// Relations link to the entities' uids: every entity batch must have
	// committed first.
	if err := w.wait(); err != nil {
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
	if err := w.wait(); err != nil {
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

// bulkWriters is how many transactions a bulk writer commits at once. One:
// the next batch is encoded while the last commits, but concurrent commits
// conflict on the adjacency lists of hub entities (@reverse, @count) and
// back off; measured on 5,000 entities and 20,000 relations, four writers
// took 74-77 s against one writer's 41-46 s.
const bulkWriters = 1

// bulkWriter gathers nodes into transactions of about batchQuads N-Quads
// and commits them, bulkWriters at a time, retrying an aborted one.
type bulkWriter struct {
	s     *Store
	ctx   context.Context
	nodes []any
	names map[string]graph.ID // blank node names of entities in nodes
	q     int                 // N-Quads gathered
	size  int                 // bytes of text gathered
	seq   int                 // blank node numbers given out
	total int                 // N-Quads written

	// onCommit, when set, receives the entity names of a committed
	// transaction with the uids the cluster gave its blank nodes. Workers
	// call it concurrently.
	onCommit func(names map[string]graph.ID, uids map[string]string) error

	jobs chan bulkJob
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error // the first failed commit
}

type bulkJob struct {
	set   []byte
	nodes int
	names map[string]graph.ID
}

func newBulkWriter(s *Store, ctx context.Context) *bulkWriter {
	w := &bulkWriter{s: s, ctx: ctx, jobs: make(chan bulkJob)}
	for range bulkWriters {
		go w.work()
	}
	return w
}

func (w *bulkWriter) work() {
	for job := range w.jobs {
		if err := w.commit(job); err != nil {
			w.mu.Lock()
			if w.err == nil {
				w.err = err
			}
			w.mu.Unlock()
		}
		w.wg.Done()
	}
}

// stop ends the workers; call it once, after wait.
func (w *bulkWriter) stop() { close(w.jobs) }

// blank returns a number for a blank node name, unique within the writer
// (so within any transaction it commits).
func (w *bulkWriter) blank() int {
	w.seq++
	return w.seq
}

// name records that the blank node name, added last, is entity id.
func (w *bulkWriter) name(name string, id graph.ID) {
	if w.names == nil {
		w.names = map[string]graph.ID{}
	}
	w.names[name] = id
}

// add gathers one node (a map or a list of maps) of about q N-Quads and
// size bytes of text, handing the batch gathered so far to a worker first
// when it would grow too big.
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

// flush hands what is gathered to a worker to commit in one transaction.
// It returns the error of an earlier commit, if one failed.
func (w *bulkWriter) flush() error {
	w.mu.Lock()
	err := w.err
	w.mu.Unlock()
	if err != nil {
		return err
	}
	if len(w.nodes) == 0 {
		return nil
	}
	set, err := jsonBytes(w.nodes)
	if err != nil {
		return err
	}
	w.wg.Add(1)
	w.jobs <- bulkJob{set: set, nodes: len(w.nodes), names: w.names}
	w.total += w.q
	w.nodes, w.names, w.q, w.size = w.nodes[:0], nil, 0, 0
	return nil
}

// wait flushes, waits for every commit and returns the first error.
func (w *bulkWriter) wait() error {
	err := w.flush()
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	return err
}

func (w *bulkWriter) commit(job bulkJob) error {
	var uids map[string]string
	err := w.s.retry(w.ctx, func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, requestTimeout)
		defer cancel()
		txn := w.s.dg.NewTxn()
		defer txn.Discard(ctx)
		resp, err := txn.Mutate(ctx, &api.Mutation{SetJson: job.set, CommitNow: true})
		if err != nil {
			return err
		}
		uids = resp.GetUids()
		return nil
	})
	if err != nil {
		return fmt.Errorf("write %d nodes: %w", job.nodes, err)
	}
	if w.onCommit != nil {
		return w.onCommit(job.names, uids)
	}
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
