package dgraph

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/dgo/v250"

	"github.com/kgraph/kg/graph"
)

// chunk is how many nodes a listing fetches per request.
const chunk = 500

func (s *Store) ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), requestTimeout)
}

// Entity implements graph.Reader.
func (s *Store) Entity(id graph.ID) (graph.Entity, bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	n, ok, err := getEntity(ctx, s.dg.NewReadOnlyTxn(), id)
	if err != nil || !ok {
		return graph.Entity{}, false, wrap(err)
	}
	e, err := n.entity()
	return e, err == nil, wrap(err)
}

// getEntity reads the entity node with kg.id id in txn.
func getEntity(ctx context.Context, txn *dgo.Txn, id graph.ID) (entityNode, bool, error) {
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
	got, err := lookupKeys(ctx, s.dg.NewReadOnlyTxn(), []string{key}, "kg.id")
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
	got, err := lookupKeys(ctx, s.dg.NewReadOnlyTxn(), keys, "kg.id")
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
func lookupKeys(ctx context.Context, txn *dgo.Txn, keys []string, fields string) ([][]entityNode, error) {
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

// Edges implements graph.Reader with one request: the entity's adjacency
// predicates, forward and reverse, for the predicates dir and preds
// select. It yields, like the Badger store, id's edges as subject by
// (predicate, object), then its edges as object by (predicate, subject);
// a symmetric relation (stored once, canonically) is looked for on both
// sides whatever dir asks for.
func (s *Store) Edges(id graph.ID, dir graph.Direction, preds ...graph.Predicate) iter.Seq2[graph.Edge, error] {
	return func(yield func(graph.Edge, error) bool) {
		ctx, cancel := s.ctx()
		defer cancel()
		edges, err := getEdges(ctx, s.dg.NewReadOnlyTxn(), id, dir, preds)
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

// sides returns the predicates to read forward (id as subject) and
// reverse (id as object), each sorted.
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

func getEdges(ctx context.Context, txn *dgo.Txn, id graph.ID, dir graph.Direction, preds []graph.Predicate) ([]graph.Edge, error) {
	out, in := sides(dir, preds)
	if len(out)+len(in) == 0 {
		return nil, nil
	}
	var q strings.Builder
	q.WriteString("query q($id: string) { e(func: eq(kg.id, $id)) {")
	for _, p := range out {
		fmt.Fprintf(&q, " %s { kg.id }", edgePredicate(p))
	}
	for _, p := range in {
		fmt.Fprintf(&q, " ~%s { kg.id }", edgePredicate(p))
	}
	q.WriteString(" } }")
	var res struct {
		E []map[string][]struct {
			ID string `json:"kg.id"`
		} `json:"e"`
	}
	if err := query(ctx, txn, q.String(), map[string]string{"$id": string(id)}, &res); err != nil {
		return nil, err
	}
	if len(res.E) == 0 {
		return nil, nil
	}
	node := res.E[0]
	var edges []graph.Edge
	seen := map[graph.Key]bool{}
	add := func(e graph.Edge) {
		if k := e.Key(); !seen[k] {
			seen[k] = true
			edges = append(edges, e)
		}
	}
	side := func(preds []graph.Predicate, reverse bool) {
		for _, p := range preds {
			name := edgePredicate(p)
			if reverse {
				name = "~" + name
			}
			var others []graph.ID
			for _, n := range node[name] {
				others = append(others, graph.ID(n.ID))
			}
			slices.Sort(others)
			for _, o := range slices.Compact(others) {
				if reverse {
					if o != id { // a self-loop, already yielded forward
						add(graph.Edge{Subject: o, Predicate: p, Object: id})
					}
				} else {
					add(graph.Edge{Subject: id, Predicate: p, Object: o})
				}
			}
		}
	}
	side(out, false)
	side(in, true)
	return edges, nil
}

// Relation implements graph.RelationReader; k need not be canonical.
func (s *Store) Relation(k graph.Key) (graph.Relation, bool, error) {
	ctx, cancel := s.ctx()
	defer cancel()
	n, ok, err := getRelation(ctx, s.dg.NewReadOnlyTxn(), k.Canonical())
	if err != nil || !ok {
		return graph.Relation{}, false, wrap(err)
	}
	r, err := n.relation()
	return r, err == nil, wrap(err)
}

// getRelation reads the relation node with canonical key k in txn.
func getRelation(ctx context.Context, txn *dgo.Txn, k graph.Key) (relationNode, bool, error) {
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
	err := query(ctx, s.dg.NewReadOnlyTxn(), `query q($id: string) { q(func: eq(kg.doc, $id)) { `+documentFields+` } }`,
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
		func(a, b graph.Key) int {
			switch {
			case a.Less(b):
				return -1
			case b.Less(a):
				return 1
			}
			return 0
		},
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
		var all map[string][]map[string]string
		if err := query(ctx, txn, fmt.Sprintf("{ q(func: type(%s)) { uid %s } }", typ, keyPred), nil, &all); err != nil {
			fail(err)
			return
		}
		type item struct {
			uid string
			key K
		}
		items := make([]item, 0, len(all["q"]))
		for _, n := range all["q"] {
			k, err := parse(n[keyPred])
			if err != nil {
				fail(err)
				return
			}
			items = append(items, item{n["uid"], k})
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
