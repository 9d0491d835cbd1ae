// Package store keeps kg's graph in an embedded Badger database. It is the
// only package that imports Badger.
//
// A Store implements graph.Reader, graph.RelationReader, graph.Lister,
// graph.DocumentReader and graph.Index, so traversal, queries and exports
// run on it as on graph.Memory. Ingest adds one document's graph.Batch in
// one transaction, resolving its entities against those already stored;
// re-ingesting a document changes nothing.
//
// The byte layout of every key is documented in keys.go, the only file
// that builds or parses keys. Entity and relation values are a compact
// binary form (values.go; JSON written by schema version 1 still reads);
// documents and decisions are JSON. A relation keeps up to 16 evidence
// records in its value and each further one under a key of its own
// (evidence.go), so a relation stated in thousands of articles costs each
// new one a single small write. That is schema version 3: a version-2
// database reads as it is and is marked 3 when first opened for writing,
// after which an older kg refuses it.
//
// Open is tuned for a command-line process that opens the database, does
// one job and exits: Badger's logging is off (Options.Log passes its
// warnings and errors on), its files and caches are small, and writes are
// not synced after each document; Close flushes them.
package store
