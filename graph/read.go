package graph

import (
	"errors"
	"iter"
)

// ErrNotFound is returned when a named entity, relation or document does not exist.
var ErrNotFound = errors.New("not found")

// Direction selects which edges of an entity to follow.
type Direction uint8

// Directions: edges where the entity is the subject, the object, or either.
const (
	Out  Direction = 1
	In   Direction = 2
	Both Direction = Out | In
)

// Edge is one relation seen from the adjacency lists: no evidence, just the triple.
type Edge struct {
	Subject   ID
	Predicate Predicate
	Object    ID
}

// Other returns the end of e that is not id (the object when id is the subject).
func (e Edge) Other(id ID) ID {
	if e.Subject == id {
		return e.Object
	}
	return e.Subject
}

// Key returns the canonical key of the relation e stands for.
func (e Edge) Key() Key { return Key{e.Subject, e.Predicate, e.Object}.Canonical() }

// Reader is what traversal needs of a graph: entities by id, names to ids,
// and adjacency. The in-memory graph and the Badger store both provide it.
type Reader interface {
	// Entity returns the entity with this id; false when there is none.
	Entity(id ID) (Entity, bool, error)
	// Resolve finds the entities a name may refer to, by alias, surname or
	// transliteration (see LookupKeys), sorted by id.
	Resolve(name string) ([]ID, error)
	// Edges yields id's edges in dir, restricted to preds when any are given,
	// in a deterministic order. A symmetric relation is yielded once whichever
	// way it was stored, for Out and In alike.
	Edges(id ID, dir Direction, preds ...Predicate) iter.Seq2[Edge, error]
}

// RelationReader returns a relation with its evidence.
type RelationReader interface {
	Relation(k Key) (Relation, bool, error)
}

// Lister walks a whole graph in a stable order.
type Lister interface {
	// Entities yields every entity in id order.
	Entities() iter.Seq2[Entity, error]
	// Relations yields every relation in key order.
	Relations() iter.Seq2[Relation, error]
}

// DocumentReader returns ingested documents.
type DocumentReader interface {
	Document(id DocID) (Document, bool, error)
	// Documents yields every document in id order.
	Documents() iter.Seq2[Document, error]
}

// FrontierReader is an optional interface of a Reader that reads the edges
// of many entities in one pass: a Badger store, for instance, reads a whole
// breadth-first frontier with one transaction and one iterator instead of
// one of each per entity. Neighbors and ShortestPaths use it when their
// Reader has it and call Edges once per entity otherwise.
//
// EdgesFrom calls yield(id, e) for each id of ids in turn and, for each,
// each edge that Edges(id, dir, preds...) would yield, in the same order
// and with the same treatment of symmetric relations. It stops without an
// error when yield returns false. ids may repeat and need not be sorted.
//
// A wrapper that filters or rewrites a Reader's Edges must not pass on the
// wrapped reader's EdgesFrom (embedding a concrete reader would): the
// traversals would read around its filter. Embedding the Reader interface
// passes on only Edges.
type FrontierReader interface {
	EdgesFrom(ids []ID, dir Direction, preds []Predicate, yield func(from ID, e Edge) bool) error
}
