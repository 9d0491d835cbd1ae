package dgraph

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// Ingest adds one document's batch with the Badger store's semantics (see
// store.Store.Ingest): it resolves the batch's entities against those in
// the cluster (graph.PlanBatch), merges them into existing entities
// (graph.MergeEntity) or creates them, and adds the relations whose ends
// both resolved to different entities, merging evidence into relations
// that exist. Symmetric relations are stored under graph.Key.Canonical.
//
// Invariant: a document's entities, relations, evidence and the document
// node are written in one Dgraph transaction: all of it or none.
//
// Invariant: a document already in the cluster is not ingested again: the
// result has Skipped set and nothing changes.
//
// Concurrent ingests, from this process or other machines, are safe: every
// value two transactions could both create or update (an entity id, an
// index key, a relation key, a document id, an entity's counters) is a
// Dgraph @upsert index or a single-valued predicate, so the later of two
// overlapping transactions aborts; Ingest then runs the whole document
// again on a fresh snapshot, backing off, up to maxAttempts times
// (ErrConflict after that). Document ids are content hashes, so a
// document two machines ingest at once lands once.
func (s *Store) Ingest(b graph.Batch) (store.IngestResult, error) {
	res := store.IngestResult{Doc: b.Doc.ID}
	if b.Doc.ID == "" {
		return res, fmt.Errorf("dgraph: ingest %q: document has no id", b.Doc.Source)
	}
	ctx, cancel := s.ctx()
	defer cancel()
	attempt := 0
	err := s.retry(ctx, func(ctx context.Context) error {
		attempt++
		var err error
		res, err = s.ingestOnce(ctx, b, attempt)
		return err
	})
	if !res.Skipped {
		s.dropSnapshot()
	}
	if err != nil {
		return store.IngestResult{Doc: b.Doc.ID}, fmt.Errorf("dgraph: ingest %s: %w", b.Doc.ID, err)
	}
	return res, nil
}

// pendingEntity is an entity the transaction writes: what the cluster
// held (if anything) and what it will hold.
type pendingEntity struct {
	uid    string // the node's uid, or a blank node for a new entity
	stored entityNode
	exists bool
	cur    graph.Entity
}

// pendingRelation is a relation the transaction writes.
type pendingRelation struct {
	uid    string
	exists bool
	attrs  string          // the stored kg.attrs
	had    map[[3]any]bool // evidence (doc, start, end) already stored
	cur    graph.Relation
}

func evKey(e graph.Evidence) [3]any { return [3]any{e.Doc, e.Start, e.End} }

// ingestOnce is one attempt at Ingest, in one transaction: read what the
// batch touches (three requests), decide everything in Go, then write and
// commit in one request.
func (s *Store) ingestOnce(ctx context.Context, b graph.Batch, attempt int) (store.IngestResult, error) {
	res := store.IngestResult{Doc: b.Doc.ID}
	txn := s.dg.NewTxn()
	defer txn.Discard(ctx)

	idx := &txnIndex{ctx: ctx, txn: txn, lookups: map[string][]graph.ID{}, entities: map[graph.ID]*entityNode{}}
	found, err := idx.prefetch(b)
	if err != nil {
		return res, err
	}
	if found {
		res.Skipped = true
		return res, nil
	}
	plan, err := graph.PlanBatch(b, idx)
	if err != nil {
		return res, fmt.Errorf("resolve entities: %w", err)
	}

	ents := map[graph.ID]*pendingEntity{}
	var entOrder []graph.ID
	for _, e := range b.Entities {
		id := plan[e.ID]
		e.ID = id
		res.Entities++
		if p := ents[id]; p != nil {
			p.cur = graph.MergeEntity(p.cur, e)
			continue
		}
		n, ok, err := idx.entityNode(id)
		if err != nil {
			return res, err
		}
		p := &pendingEntity{uid: "_:e" + strconv.Itoa(len(entOrder)), cur: e}
		if ok {
			old, err := n.entity()
			if err != nil {
				return res, err
			}
			p.uid, p.stored, p.exists = n.UID, n, true
			p.cur = graph.MergeEntity(old, e)
		} else {
			res.NewEntities++
		}
		ents[id] = p
		entOrder = append(entOrder, id)
	}

	var kept []graph.Relation
	var keys []graph.Key
	for _, r := range b.Relations {
		r.Subject, r.Object = plan[r.Subject], plan[r.Object]
		if r.Subject == "" || r.Object == "" || r.Subject == r.Object {
			continue
		}
		k := r.Key()
		r.Subject, r.Object = k.Subject, k.Object
		kept = append(kept, r)
		keys = append(keys, k)
	}
	stored, err := getRelations(ctx, txn, keys)
	if err != nil {
		return res, err
	}
	rels := map[graph.Key]*pendingRelation{}
	var relOrder []graph.Key
	for i, r := range kept {
		k := keys[i]
		res.Relations++
		if p := rels[k]; p != nil {
			res.Evidence += mergeRelation(&p.cur, r)
			continue
		}
		p := &pendingRelation{uid: "_:r" + strconv.Itoa(len(relOrder)), had: map[[3]any]bool{}}
		if n, ok := stored[k]; ok {
			if n.Key == "" {
				// The key index named a node whose key this transaction
				// cannot read yet: another writer is creating it. Retry
				// as for any conflict.
				return res, fmt.Errorf("relation %v is being written by another transaction: %w", k, dgo.ErrAborted)
			}
			old, err := n.relation()
			if err != nil {
				return res, err
			}
			p.uid, p.exists, p.cur, p.attrs = n.UID, true, old, n.Attrs
			for _, e := range old.Evidence {
				p.had[evKey(e)] = true
			}
			res.Evidence += mergeRelation(&p.cur, r)
		} else {
			r.Evidence = slices.Clone(r.Evidence)
			graph.SortEvidence(r.Evidence)
			p.cur = r
			res.Evidence += len(r.Evidence)
		}
		rels[k] = p
		relOrder = append(relOrder, k)
	}

	set, del := mutation(b.Doc, ents, entOrder, rels, relOrder)
	if s.beforeCommit != nil {
		if err := s.beforeCommit(attempt); err != nil {
			return res, err
		}
	}
	req := &api.Request{CommitNow: true}
	if len(del) > 0 {
		j, err := jsonBytes(del)
		if err != nil {
			return res, err
		}
		req.Mutations = append(req.Mutations, &api.Mutation{DeleteJson: j})
	}
	j, err := jsonBytes(set)
	if err != nil {
		return res, err
	}
	req.Mutations = append(req.Mutations, &api.Mutation{SetJson: j})
	if _, err := txn.Do(ctx, req); err != nil {
		return res, fmt.Errorf("write and commit: %w", err)
	}
	return res, nil
}

// mergeRelation folds r's evidence and new attributes into dst, as the
// Badger store does, and returns how many evidence records it added.
func mergeRelation(dst *graph.Relation, r graph.Relation) int {
	before := len(dst.Evidence)
	dst.MergeEvidence(r.Evidence...)
	for a, v := range r.Attrs {
		if dst.Attrs == nil {
			dst.Attrs = map[string]string{}
		}
		if _, ok := dst.Attrs[a]; !ok {
			dst.Attrs[a] = v
		}
	}
	return len(dst.Evidence) - before
}

// mutation builds the transaction's writes: nodes and edges to set, and
// list values to delete (names an entity no longer has).
func mutation(doc graph.Document, ents map[graph.ID]*pendingEntity, entOrder []graph.ID,
	rels map[graph.Key]*pendingRelation, relOrder []graph.Key) (set, del []map[string]any) {
	for _, id := range entOrder {
		p := ents[id]
		e := p.cur
		n := map[string]any{"uid": p.uid, pName: e.Name, pType: string(e.Type), pMentions: e.Mentions}
		if !p.exists {
			n["dgraph.type"] = "Entity"
			n[pID] = string(e.ID)
		}
		if a := encodeAttrs(e.Attrs); a != p.stored.Attrs {
			n[pAttrs] = a
		}
		var docs []string
		for _, d := range e.Docs {
			docs = append(docs, string(d))
		}
		d := map[string]any{}
		for pred, vals := range map[string][2][]string{
			pAliases: {p.stored.Aliases, e.Aliases},
			pDocs:    {p.stored.Docs, docs},
			pKeys:    {p.stored.Keys, graph.IndexKeys(e)},
		} {
			add, remove := diff(vals[0], vals[1])
			if len(add) > 0 {
				n[pred] = add
			}
			if len(remove) > 0 {
				d[pred] = remove
			}
		}
		set = append(set, n)
		if len(d) > 0 {
			d["uid"] = p.uid
			del = append(del, d)
		}
	}
	ev := 0
	evNodes := func(p *pendingRelation) []evidenceNode {
		var out []evidenceNode
		for _, e := range p.cur.Evidence {
			if p.exists && p.had[evKey(e)] {
				continue
			}
			out = append(out, newEvidenceNode("_:v"+strconv.Itoa(ev), e))
			ev++
		}
		return out
	}
	for _, k := range relOrder {
		p := rels[k]
		r := p.cur
		n := map[string]any{"uid": p.uid}
		if !p.exists {
			from, to := ents[k.Subject].uid, ents[k.Object].uid
			n["dgraph.type"] = "Relation"
			n[pKey] = keyString(k)
			n[pPred] = string(k.Predicate)
			n[pFrom] = map[string]string{"uid": from}
			n[pTo] = map[string]string{"uid": to}
			set = append(set, map[string]any{"uid": from, edgePredicate(k.Predicate): []map[string]string{{"uid": to}}})
		}
		if a := encodeAttrs(r.Attrs); a != p.attrs {
			n[pAttrs] = a
		}
		if nodes := evNodes(p); len(nodes) > 0 {
			n[pEvidence] = nodes
		}
		set = append(set, n)
	}
	set = append(set, map[string]any{"uid": "_:doc", "dgraph.type": "Document", pDoc: string(doc.ID),
		pSource: doc.Source, pTitle: doc.Title, pDate: doc.Date, pBody: doc.Body,
		pIngested: newDocumentNode("", doc).Ingested})
	for _, n := range set {
		for k, v := range n {
			if s, ok := v.(string); ok && s == "" {
				delete(n, k) // Dgraph stores "" as a value; absent reads the same
			}
		}
	}
	return set, del
}

// diff returns the values of want not in have, and those of have not in want.
func diff(have, want []string) (add, remove []string) {
	h := map[string]bool{}
	for _, v := range have {
		h[v] = true
	}
	w := map[string]bool{}
	for _, v := range want {
		w[v] = true
		if !h[v] {
			add = append(add, v)
		}
	}
	for _, v := range have {
		if !w[v] {
			remove = append(remove, v)
		}
	}
	slices.Sort(add)
	return slices.Compact(add), remove
}

// getRelations reads the relation nodes with the given canonical keys in
// one request.
func getRelations(ctx context.Context, txn querier, keys []graph.Key) (map[graph.Key]relationNode, error) {
	out := map[graph.Key]relationNode{}
	if len(keys) == 0 {
		return out, nil
	}
	var q strings.Builder
	vars := map[string]string{}
	q.WriteString("query q(")
	for i, k := range keys {
		if i > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "$r%d: string", i)
		vars["$r"+strconv.Itoa(i)] = keyString(k)
	}
	q.WriteString(") {\n")
	for i := range keys {
		fmt.Fprintf(&q, "r%d(func: eq(kg.key, $r%d)) { %s }\n", i, i, relationFields)
	}
	q.WriteString("}")
	var got map[string][]relationNode
	if err := query(ctx, txn, q.String(), vars, &got); err != nil {
		return nil, fmt.Errorf("get relations: %w", err)
	}
	for i, k := range keys {
		if ns := got["r"+strconv.Itoa(i)]; len(ns) > 0 {
			out[k] = ns[0]
		}
	}
	return out, nil
}

// txnIndex is the graph.Index PlanBatch resolves against: the cluster as
// the ingest transaction's snapshot sees it, with what it has read cached.
type txnIndex struct {
	ctx      context.Context
	txn      *dgo.Txn
	lookups  map[string][]graph.ID
	entities map[graph.ID]*entityNode // nil: known absent
}

// prefetch reads in one request whether the document exists, and the
// index keys and ids PlanBatch will most likely ask for.
func (x *txnIndex) prefetch(b graph.Batch) (docFound bool, err error) {
	keySet, idSet := map[string]bool{}, map[graph.ID]bool{}
	for _, e := range b.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			for _, k := range graph.LookupKeys(n) {
				keySet[k] = true
			}
		}
		for _, k := range graph.IndexKeys(e) {
			keySet[k] = true
		}
		idSet[e.ID] = true
		idSet[graph.Slug(e.Name)] = true
	}
	keys := slices.Sorted(maps.Keys(keySet))
	idList := slices.Sorted(maps.Keys(idSet))
	var q strings.Builder
	vars := map[string]string{"$doc": string(b.Doc.ID)}
	q.WriteString("query q($doc: string")
	for i := range keys {
		fmt.Fprintf(&q, ", $k%d: string", i)
		vars["$k"+strconv.Itoa(i)] = keys[i]
	}
	for i := range idList {
		fmt.Fprintf(&q, ", $i%d: string", i)
		vars["$i"+strconv.Itoa(i)] = string(idList[i])
	}
	q.WriteString(") {\ndoc(func: eq(kg.doc, $doc)) { uid }\n")
	for i := range keys {
		fmt.Fprintf(&q, "k%d(func: eq(kg.keys, $k%d)) { %s }\n", i, i, entityFields)
	}
	for i := range idList {
		fmt.Fprintf(&q, "i%d(func: eq(kg.id, $i%d)) { %s }\n", i, i, entityFields)
	}
	q.WriteString("}")
	var got map[string][]entityNode
	if err := query(x.ctx, x.txn, q.String(), vars, &got); err != nil {
		return false, fmt.Errorf("read batch context: %w", err)
	}
	if len(got["doc"]) > 0 {
		return true, nil
	}
	for i, k := range keys {
		nodes := got["k"+strconv.Itoa(i)]
		x.lookups[k] = ids(nodes)
		x.remember(nodes)
	}
	for i, id := range idList {
		nodes := got["i"+strconv.Itoa(i)]
		if len(nodes) == 0 {
			x.entities[id] = nil
		}
		x.remember(nodes)
	}
	return false, nil
}

func (x *txnIndex) remember(nodes []entityNode) {
	for _, n := range nodes {
		if _, ok := x.entities[graph.ID(n.ID)]; !ok {
			x.entities[graph.ID(n.ID)] = &n
		}
	}
}

// Lookup implements graph.Index.
func (x *txnIndex) Lookup(key string) ([]graph.ID, error) {
	if got, ok := x.lookups[key]; ok {
		return slices.Clone(got), nil
	}
	nodes, err := lookupKeys(x.ctx, x.txn, []string{key}, entityFields)
	if err != nil {
		return nil, err
	}
	x.lookups[key] = ids(nodes[0])
	x.remember(nodes[0])
	return slices.Clone(x.lookups[key]), nil
}

// Entity implements graph.Index.
func (x *txnIndex) Entity(id graph.ID) (graph.Entity, bool, error) {
	n, ok, err := x.entityNode(id)
	if err != nil || !ok {
		return graph.Entity{}, false, err
	}
	e, err := n.entity()
	return e, err == nil, err
}

func (x *txnIndex) entityNode(id graph.ID) (entityNode, bool, error) {
	if n, ok := x.entities[id]; ok {
		if n == nil {
			return entityNode{}, false, nil
		}
		return *n, true, nil
	}
	n, ok, err := getEntity(x.ctx, x.txn, id)
	if err != nil {
		return entityNode{}, false, err
	}
	if ok {
		x.entities[id] = &n
	} else {
		x.entities[id] = nil
	}
	return n, ok, nil
}
