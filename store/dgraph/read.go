package dgraph

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// chunk is how many nodes a listing fetches per request.
const chunk = 500

// keyPage is how many uids and sort keys a listing reads per request
// (about 100 bytes each). (A variable for tests.)
var keyPage = 20_000

func (s *Store) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), requestTimeout)
}

// Entity implements graph.Reader. The id of an entity merged into another
// (kg merge, copied from a Badger database) returns the one it was merged
// into, as the Badger store does.
func (s *Store) Entity(id graph.ID) (graph.Entity, bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	n, ok, err := getEntity(ctx, s.snapshot(), id)
	if err == nil && !ok {
		var to graph.ID
		if to, err = follow(ctx, s.snapshot(), id); err == nil && to != id {
			n, ok, err = getEntity(ctx, s.snapshot(), to)
		}
	}
	if err != nil || !ok {
		return graph.Entity{}, false, wrap(err)
	}
	e, err := n.entity()
	return e, err == nil, wrap(err)
}

// getEntity reads the entity node with kg.id id in txn.
func getEntity(ctx context.Context, txn querier, id graph.ID) (entityNode, bool, error) {
	var out struct {
		Q []entityNode `json:"q"`
	}
	err := query(ctx, txn, `query q($id: string) { q(func: eq(kg.id, $id)) { `+entityFields+` } }`,
		map[string]string{"$id": string(id)}, &out)
	if err != nil {
		return entityNode{}, false, fmt.Errorf("get entity %q: %w", id, err)
	}
	if len(out.Q) == 0 {
		return entityNode{}, false, nil
	}
	return out.Q[0], true, nil
}

// Lookup implements graph.Index: the ids filed under an index key, in id order.
func (s *Store) Lookup(key string) ([]graph.ID, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	got, err := lookupKeys(ctx, s.snapshot(), []string{key}, "kg.id")
	if err != nil {
		return nil, wrap(err)
	}
	return ids(got[0]), nil
}

// Resolve implements graph.Reader: the ids under the first of
// graph.LookupKeys(name) that finds any, in id order. All tiers are asked
// in one request.
func (s *Store) Resolve(name string) ([]graph.ID, error) {
	keys := graph.LookupKeys(name)
	if len(keys) == 0 {
		return nil, nil
	}
	ctx, cancel := s.ctx()
	defer cancel()
	got, err := lookupKeys(ctx, s.snapshot(), keys, "kg.id")
	if err != nil {
		return nil, fmt.Errorf("dgraph: resolve %q: %w", name, err)
	}
	for _, nodes := range got {
		if len(nodes) > 0 {
			return ids(nodes), nil
		}
	}
	return nil, nil
}

// lookupKeys returns, for each index key, the entity nodes filed under it
// (with fields), in one request.
func lookupKeys(ctx context.Context, txn querier, keys []string, fields string) ([][]entityNode, error) {
	var q strings.Builder
	vars := make(map[string]string, len(keys))
	q.WriteString("query q(")
	for i := range keys {
		if i > 0 {
			q.WriteString(", ")
		}
		fmt.Fprintf(&q, "$k%d: string", i)
		vars["$k"+strconv.Itoa(i)] = keys[i]
	}
	q.WriteString(") {\n")
	for i := range keys {
		fmt.Fprintf(&q, "k%d(func: eq(kg.keys, $k%d)) { %s }\n", i, i, fields)
	}
	q.WriteString("}")
	var out map[string][]entityNode
	if err := query(ctx, txn, q.String(), vars, &out); err != nil {
		return nil, fmt.Errorf("lookup %q: %w", keys, err)
	}
	got := make([][]entityNode, len(keys))
	for i := range keys {
		got[i] = out["k"+strconv.Itoa(i)]
	}
	return got, nil
}

func ids(nodes []entityNode) []graph.ID {
	var out []graph.ID
	for _, n := range nodes {
		out = append(out, graph.ID(n.ID))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Edges implements graph.Reader with one request: the keys of the
// Relation nodes whose kg.from or kg.to is the entity (through their
// @reverse indexes), filtered to preds. It yields, like the Badger store,
// id's edges as subject by (predicate, object), then its edges as object
// by (predicate, subject); a symmetric relation (stored once, canonically)
// counts on both sides whatever dir asks for.
func (s *Store) Edges(id graph.ID, dir graph.Direction, preds ...graph.Predicate) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		ctx, cancel := s.ctx()
		defer cancel()
		edges, err := getEdges(ctx, s.snapshot(), id, dir, preds)
		if err != nil {
			yield(graph.Edge{}, fmt.Errorf("dgraph: edges of %q: %w", id, err))
			return
		}
		for _, e := range edges {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// sides returns the predicates to read where id is the subject (out) and
// where it is the object (in), each sorted: all that dir and preds select,
// and on a side dir does not ask for, the symmetric ones among them.
func sides(dir graph.Direction, preds []graph.Predicate) (out, in []graph.Predicate) {
	want := slices.Clone(preds)
	if len(want) == 0 {
		want = slices.Clone(graph.Predicates)
	}
	want = slices.DeleteFunc(want, func(p graph.Predicate) bool { return !p.Valid() })
	slices.Sort(want)
	want = slices.Compact(want)
	pick := func(full bool) []graph.Predicate {
		if full {
			return want
		}
		var sym []graph.Predicate
		for _, p := range want {
			if p.Symmetric() {
				sym = append(sym, p)
			}
		}
		return sym
	}
	return pick(dir&graph.Out != 0), pick(dir&graph.In != 0)
}

// Reading the Relation nodes' keys costs one reverse step per side; the
// adjacency predicates kg.rel.* would cost one step per predicate and side,
// three times slower for an unfiltered call (measured: 2.1 against 6.2 ms).
func getEdges(ctx context.Context, txn querier, id graph.ID, dir graph.Direction, preds []graph.Predicate) ([]graph.Edge, error) {
	out, in := sides(dir, preds)
	var q strings.Builder
	q.WriteString("query q($id: string) { e(func: eq(kg.id, $id)) {")
	for _, side := range []struct {
		edge  string
		preds []graph.Predicate
	}{{"~kg.from", out}, {"~kg.to", in}} {
		if len(side.preds) == 0 {
			continue
		}
		fmt.Fprintf(&q, " %s", side.edge)
		if len(side.preds) < len(graph.Predicates) {
			// The predicates are kg's vocabulary (Valid), safe to quote inline.
			q.WriteString(` @filter(eq(kg.predicate, ["`)
			for i, p := range side.preds {
				if i > 0 {
					q.WriteString(`", "`)
				}
				q.WriteString(string(p))
			}
			q.WriteString(`"]))`)
		}
		q.WriteString(" { kg.key }")
	}
	q.WriteString(" } }")
	if len(out)+len(in) == 0 {
		return nil, nil
	}
	var res struct {
		E []map[string][]struct {
			Key string `json:"kg.key"`
		} `json:"e"`
	}
	if err := query(ctx, txn, q.String(), map[string]string{"$id": string(id)}, &res); err != nil {
		return nil, err
	}
	if len(res.E) == 0 {
		return nil, nil
	}
	side := func(name string, less func(a, b graph.Key) int) ([]graph.Key, error) {
		var keys []graph.Key
		for _, n := range res.E[0][name] {
			k, err := parseKey(n.Key)
			if err != nil {
				return nil, err
			}
			keys = append(keys, k)
		}
		slices.SortFunc(keys, less)
		return keys, nil
	}
	// Out by (predicate, object), in by (predicate, subject): the order of
	// the Badger store's adjacency keys.
	outKeys, err := side("~kg.from", func(a, b graph.Key) int {
		return cmp.Or(strings.Compare(string(a.Predicate), string(b.Predicate)), strings.Compare(string(a.Object), string(b.Object)))
	})
	if err != nil {
		return nil, err
	}
	inKeys, err := side("~kg.to", func(a, b graph.Key) int {
		return cmp.Or(strings.Compare(string(a.Predicate), string(b.Predicate)), strings.Compare(string(a.Subject), string(b.Subject)))
	})
	if err != nil {
		return nil, err
	}
	edges := make([]graph.Edge, 0, len(outKeys)+len(inKeys))
	for _, k := range outKeys {
		edges = append(edges, graph.Edge{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object})
	}
	for _, k := range inKeys {
		if k.Subject != id { // a self-loop, already yielded as out
			edges = append(edges, graph.Edge{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object})
		}
	}
	return edges, nil
}

// Relation implements graph.RelationReader; k need not be canonical.
func (s *Store) Relation(k graph.Key) (graph.Relation, bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	n, ok, err := getRelation(ctx, s.snapshot(), k.Canonical())
	if err != nil || !ok {
		return graph.Relation{}, false, wrap(err)
	}
	r, err := n.relation()
	return r, err == nil, wrap(err)
}

// getRelation reads the relation node with canonical key k in txn.
func getRelation(ctx context.Context, txn querier, k graph.Key) (relationNode, bool, error) {
	var out struct {
		Q []relationNode `json:"q"`
	}
	err := query(ctx, txn, `query q($k: string) { q(func: eq(kg.key, $k)) { `+relationFields+` } }`,
		map[string]string{"$k": keyString(k)}, &out)
	if err != nil {
		return relationNode{}, false, fmt.Errorf("get relation %v: %w", k, err)
	}
	if len(out.Q) == 0 {
		return relationNode{}, false, nil
	}
	return out.Q[0], true, nil
}

// Document implements graph.DocumentReader.
func (s *Store) Document(id graph.DocID) (graph.Document, bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	var out struct {
		Q []documentNode `json:"q"`
	}
	err := query(ctx, s.snapshot(), `query q($id: string) { q(func: eq(kg.doc, $id)) { `+documentFields+` } }`,
		map[string]string{"$id": string(id)}, &out)
	if err != nil {
		return graph.Document{}, false, fmt.Errorf("dgraph: get document %s: %w", id, err)
	}
	if len(out.Q) == 0 {
		return graph.Document{}, false, nil
	}
	d, err := out.Q[0].document()
	return d, err == nil, wrap(err)
}

// Entities implements graph.Lister: every entity in id order.
func (s *Store) Entities() iter.Seq2[graph.Entity, error] {
	return listSorted(s, "Entity", "kg.id", func(v string) (string, error) { return v, nil },
		func(a, b string) int { return strings.Compare(a, b) },
		entityFields, entityNode.entity)
}

// Relations implements graph.Lister: every relation in key order.
func (s *Store) Relations() iter.Seq2[graph.Relation, error] {
	return listSorted(s, "Relation", "kg.key", parseKey,
		graph.Key.Compare,
		relationFields, relationNode.relation)
}

// Documents implements graph.DocumentReader: every document in id order.
func (s *Store) Documents() iter.Seq2[graph.Document, error] {
	return listSorted(s, "Document", "kg.doc", func(v string) (string, error) { return v, nil },
		func(a, b string) int { return strings.Compare(a, b) },
		documentFields, documentNode.document)
}

// listSorted yields every node of a type in the order of its key
// predicate, read from one snapshot: it reads all uids and keys, sorts
// them here (Dgraph's own order is not kg's), then fetches the nodes
// chunk by chunk, so memory holds the keys and one chunk, not the graph.
func listSorted[K any, N any, T any](s *Store, typ, keyPred string, parse func(string) (K, error), cmp func(a, b K) int,
	fields string, convert func(N) (T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		fail := func(err error) { yield(zero, fmt.Errorf("dgraph: list %s: %w", typ, err)) }
		ctx, cancel := s.ctx()
		defer cancel()
		txn := s.dg.NewReadOnlyTxn()
		type item struct {
			uid string
			key K
		}
		var items []item
		// Keys come a page at a time, in uid order: one answer for a
		// whole graph would outgrow a gRPC message.
		for after := "0x0"; ; {
			var page map[string][]map[string]string
			q := fmt.Sprintf("{ q(func: type(%s), first: %d, after: %s) { uid %s } }", typ, keyPage, after, keyPred)
			if err := query(ctx, txn, q, nil, &page); err != nil {
				fail(err)
				return
			}
			for _, n := range page["q"] {
				k, err := parse(n[keyPred])
				if err != nil {
					fail(err)
					return
				}
				items = append(items, item{n["uid"], k})
				after = n["uid"]
			}
			if len(page["q"]) < keyPage {
				break
			}
		}
		slices.SortFunc(items, func(a, b item) int { return cmp(a.key, b.key) })
		for start := 0; start < len(items); start += chunk {
			part := items[start:min(start+chunk, len(items))]
			uids := make([]string, len(part))
			for i, it := range part {
				uids[i] = it.uid
			}
			var got map[string][]json.RawMessage
			q := fmt.Sprintf("{ q(func: uid(%s)) { %s } }", strings.Join(uids, ", "), fields)
			if err := query(ctx, txn, q, nil, &got); err != nil {
				fail(err)
				return
			}
			byUID := make(map[string]N, len(part))
			for _, raw := range got["q"] {
				var n N
				var u struct {
					UID string `json:"uid"`
				}
				if err := json.Unmarshal(raw, &n); err != nil {
					fail(err)
					return
				}
				if err := json.Unmarshal(raw, &u); err != nil {
					fail(err)
					return
				}
				byUID[u.UID] = n
			}
			for _, it := range part {
				n, ok := byUID[it.uid]
				if !ok {
					continue // deleted under us; a snapshot read should not see this
				}
				x, err := convert(n)
				if err != nil {
					fail(err)
					return
				}
				if !yield(x, nil) {
					return
				}
			}
		}
	}
}

func wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("dgraph: %w", err)
}
