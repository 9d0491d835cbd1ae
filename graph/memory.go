package graph

import (
	"fmt"
	"iter"
	"sort"
)

// Memory is an in-memory graph. It implements Reader, RelationReader,
// Lister, DocumentReader and Index, and ingests batches the way a store
// does, so it serves tests, exports of a selection, and small graphs.
// It is not safe for concurrent writes.
type Memory struct {
	entities  map[ID]Entity
	relations map[Key]Relation
	docs      map[DocID]Document
	index     map[string][]ID
	out, in   map[ID][]Key
}

// NewMemory returns an empty graph.
func NewMemory() *Memory {
	return &Memory{
		entities:  map[ID]Entity{},
		relations: map[Key]Relation{},
		docs:      map[DocID]Document{},
		index:     map[string][]ID{},
		out:       map[ID][]Key{},
		in:        map[ID][]Key{},
	}
}

// Load copies every entity, relation and (when l has them) document of l into a new Memory.
func Load(l Lister) (*Memory, error) {
	m := NewMemory()
	for e, err := range l.Entities() {
		if err != nil {
			return nil, fmt.Errorf("load entities: %w", err)
		}
		m.PutEntity(e)
	}
	for r, err := range l.Relations() {
		if err != nil {
			return nil, fmt.Errorf("load relations: %w", err)
		}
		m.PutRelation(r)
	}
	if dr, ok := l.(DocumentReader); ok {
		for d, err := range dr.Documents() {
			if err != nil {
				return nil, fmt.Errorf("load documents: %w", err)
			}
			m.docs[d.ID] = d
		}
	}
	return m, nil
}

// PutEntity adds or replaces an entity and indexes its names.
func (m *Memory) PutEntity(e Entity) {
	if old, ok := m.entities[e.ID]; ok {
		for _, k := range IndexKeys(old) {
			m.index[k] = removeID(m.index[k], e.ID)
		}
	}
	m.entities[e.ID] = e
	for _, k := range IndexKeys(e) {
		m.index[k] = insertID(m.index[k], e.ID)
	}
}

// PutRelation adds r, merging its evidence into an existing relation with the same key.
func (m *Memory) PutRelation(r Relation) {
	k := r.Key()
	r.Subject, r.Object = k.Subject, k.Object
	if old, ok := m.relations[k]; ok {
		old.MergeEvidence(r.Evidence...)
		for a, v := range r.Attrs {
			if old.Attrs == nil {
				old.Attrs = map[string]string{}
			}
			if _, ok := old.Attrs[a]; !ok {
				old.Attrs[a] = v
			}
		}
		m.relations[k] = old
		return
	}
	r.Evidence = append([]Evidence(nil), r.Evidence...)
	SortEvidence(r.Evidence)
	m.relations[k] = r
	m.out[k.Subject] = insertKey(m.out[k.Subject], k, Key.Less)
	m.in[k.Object] = insertKey(m.in[k.Object], k, lessBySubject)
}

// PutDocument records a document.
func (m *Memory) PutDocument(d Document) { m.docs[d.ID] = d }

// Ingest resolves b's entities against the graph (see PlanBatch) and adds
// the batch. A document already present is skipped; it reports whether the
// batch was added.
func (m *Memory) Ingest(b Batch) (bool, error) {
	if _, ok := m.docs[b.Doc.ID]; ok {
		return false, nil
	}
	plan, err := PlanBatch(b, m)
	if err != nil {
		return false, err
	}
	for _, e := range b.Entities {
		id := plan[e.ID]
		e.ID = id
		if old, ok := m.entities[id]; ok {
			e = MergeEntity(old, e)
		}
		m.PutEntity(e)
	}
	for _, r := range b.Relations {
		r.Subject, r.Object = plan[r.Subject], plan[r.Object]
		if r.Subject == "" || r.Object == "" || r.Subject == r.Object {
			continue
		}
		m.PutRelation(r)
	}
	m.docs[b.Doc.ID] = b.Doc
	return true, nil
}

// Entity implements Reader.
func (m *Memory) Entity(id ID) (Entity, bool, error) {
	e, ok := m.entities[id]
	return e, ok, nil
}

// Lookup implements Index.
func (m *Memory) Lookup(key string) ([]ID, error) {
	return append([]ID(nil), m.index[key]...), nil
}

// Resolve implements Reader: the ids under the first of LookupKeys(name) that finds any.
func (m *Memory) Resolve(name string) ([]ID, error) {
	for _, k := range LookupKeys(name) {
		if ids := m.index[k]; len(ids) > 0 {
			return append([]ID(nil), ids...), nil
		}
	}
	return nil, nil
}

// Edges implements Reader. It yields id's edges as subject by (predicate,
// object), then its edges as object by (predicate, subject): the order of a
// store's adjacency keys.
func (m *Memory) Edges(id ID, dir Direction, preds ...Predicate) iter.Seq2[Edge, error] {
	return func(yield func(Edge, error) bool) {
		for _, e := range memEdges(m.out[id], m.in[id], id, dir, preds) {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// memEdges merges an entity's outgoing and incoming keys into the edges that
// dir and preds select, symmetric predicates counting in both directions.
func memEdges(out, in []Key, id ID, dir Direction, preds []Predicate) []Edge {
	want := func(p Predicate) bool {
		if len(preds) == 0 {
			return true
		}
		for _, x := range preds {
			if x == p {
				return true
			}
		}
		return false
	}
	var edges []Edge
	seen := map[Key]bool{}
	add := func(k Key) {
		if !want(k.Predicate) || seen[k] {
			return
		}
		seen[k] = true
		edges = append(edges, Edge{k.Subject, k.Predicate, k.Object})
	}
	for _, k := range out {
		if dir&Out != 0 || k.Predicate.Symmetric() {
			add(k)
		}
	}
	for _, k := range in {
		if dir&In != 0 || k.Predicate.Symmetric() {
			add(k)
		}
	}
	return edges
}

// Relation implements RelationReader.
func (m *Memory) Relation(k Key) (Relation, bool, error) {
	r, ok := m.relations[k.Canonical()]
	return r, ok, nil
}

// Entities implements Lister.
func (m *Memory) Entities() iter.Seq2[Entity, error] {
	return func(yield func(Entity, error) bool) {
		ids := make([]ID, 0, len(m.entities))
		for id := range m.entities {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, id := range ids {
			if !yield(m.entities[id], nil) {
				return
			}
		}
	}
}

// Relations implements Lister.
func (m *Memory) Relations() iter.Seq2[Relation, error] {
	return func(yield func(Relation, error) bool) {
		keys := make([]Key, 0, len(m.relations))
		for k := range m.relations {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
		for _, k := range keys {
			if !yield(m.relations[k], nil) {
				return
			}
		}
	}
}

// Document implements DocumentReader.
func (m *Memory) Document(id DocID) (Document, bool, error) {
	d, ok := m.docs[id]
	return d, ok, nil
}

// Documents implements DocumentReader.
func (m *Memory) Documents() iter.Seq2[Document, error] {
	return func(yield func(Document, error) bool) {
		ids := make([]DocID, 0, len(m.docs))
		for id := range m.docs {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, id := range ids {
			if !yield(m.docs[id], nil) {
				return
			}
		}
	}
}

func insertID(s []ID, id ID) []ID {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= id })
	if i < len(s) && s[i] == id {
		return s
	}
	s = append(s, "")
	copy(s[i+1:], s[i:])
	s[i] = id
	return s
}

func removeID(s []ID, id ID) []ID {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= id })
	if i < len(s) && s[i] == id {
		return append(s[:i], s[i+1:]...)
	}
	return s
}

// lessBySubject orders an entity's incoming keys by predicate, then
// subject, as a store's object|predicate|subject adjacency keys sort; Edges
// yields them in this order.
func lessBySubject(a, b Key) bool {
	if a.Predicate != b.Predicate {
		return a.Predicate < b.Predicate
	}
	return a.Subject < b.Subject
}

func insertKey(s []Key, k Key, less func(a, b Key) bool) []Key {
	i := sort.Search(len(s), func(i int) bool { return !less(s[i], k) })
	if i < len(s) && s[i] == k {
		return s
	}
	s = append(s, Key{})
	copy(s[i+1:], s[i:])
	s[i] = k
	return s
}
