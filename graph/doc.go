// Package graph holds kg's domain types (Entity, Relation, Evidence,
// Document, Batch), the typed vocabulary of entity types and predicates,
// name keys for transliteration-aware lookup, the narrow interfaces that
// traversal needs (Reader, RelationReader, Lister), cross-document entity
// resolution (PlanBatch), an in-memory graph (Memory) and traversal
// algorithms. It imports only the standard library; every other package of
// kg builds on it.
package graph
