// Package dgraph keeps kg's graph on a Dgraph cluster, for a graph shared
// by several people or too big for one machine. It is the Dgraph twin of
// package store (Badger): a Store implements graph.Reader,
// graph.RelationReader, graph.Lister, graph.DocumentReader and
// graph.Index, and Ingest, Stats and Close as store.Store does, so every
// kg command runs on it unchanged (kg --db dgraph://HOST:PORT) and gives
// the same output for the same articles: both pass graph/graphtest.
//
// # Schema
//
// Open creates the schema on an empty cluster and upgrades an older one;
// the version it applied is recorded on a node of type KGMeta
// (kg.meta = "schema", kg.schema_version = SchemaVersion). Every
// predicate starts with "kg.", so kg can share a cluster.
//
//	type Entity     kg.id           string    @index(exact) @upsert   the slug, unique
//	                kg.name         string    @index(exact, term, trigram)
//	                kg.type         string    @index(exact)           person, organization, place, event
//	                kg.aliases      [string]  @index(term, trigram)   every surface form
//	                kg.keys         [string]  @index(exact) @upsert   graph.IndexKeys: "n:", "p:", "s:" lookup keys
//	                kg.attrs        string                            attributes as a JSON object
//	                kg.mentions     int
//	                kg.docs         [string]  @index(exact)           ids of the documents it appears in
//	                kg.rel.<pred>   [uid]     @reverse @count         adjacency, one predicate per kg predicate
//	                                                                  ("accused-of" is kg.rel.accused_of)
//	type Relation   kg.key          string    @index(exact) @upsert   canonical key as JSON ["subject","predicate","object"]
//	                kg.predicate    string    @index(exact)
//	                kg.from, kg.to  uid       @reverse                its subject and object entities
//	                kg.attrs        string                            attributes as a JSON object
//	                kg.evidence     [uid]     @reverse @count         its Evidence nodes
//	type Evidence   kg.ev.doc (exact), kg.ev.sentence, kg.ev.start, kg.ev.end, kg.ev.extractor,
//	                kg.ev.confidence (float), kg.ev.status (exact), kg.ev.attributed_to, kg.ev.date
//	type Document   kg.doc          string    @index(exact) @upsert   the content hash
//	                kg.source, kg.title, kg.date, kg.body, kg.ingested (RFC 3339)
//	type Decision   kg.dec.seq      int       @index(int) @upsert     its number in the decision log
//	                kg.dec.kind     string    @index(exact)           merge, rename, forget, ...
//	                kg.dec.json     string                            the whole graph.Decision as JSON
//	type Redirect   kg.redirect.from string   @index(exact) @upsert   an entity id merged away
//	                kg.redirect.to   string                           the id it was merged into
//
// Schema version 2 added Decision and Redirect; Open upgrades a version 1
// cluster in place (applying the schema only adds).
//
// A relation is stored twice, in one transaction: as a Relation node that
// carries its key, attributes and evidence, and as an adjacency edge
// kg.rel.<predicate> from its subject to its object. kg's own traversal
// (Edges) reads the Relation nodes' keys through the @reverse indexes of
// kg.from and kg.to: one step per side, where the per-predicate edges would
// cost one per predicate and side (measured 1.9 against 6.2 ms). The
// kg.rel.* edges are there for DQL: recurse, shortest (bound its depth:
// Dgraph's shortest path without one takes seconds on 100k edges),
// count(kg.rel.met). Symmetric predicates (accompanied, family-of, met)
// are stored once, under graph.Key.Canonical. The trigram and term
// indexes on names and aliases serve fuzzy search in DQL (match, regexp,
// anyofterms); kg's own name resolution uses the exact kg.keys index, as
// the Badger store does.
//
// # Order
//
// Dgraph returns lists in its own order (by uid or value); everything kg
// reads is sorted here, to the order of graph.Memory and the Badger store:
// entities by id, relations by key, documents by id, aliases and document
// lists sorted, evidence by (document, offset), edges as subject by
// (predicate, object) then as object by (predicate, subject).
//
// # Ingest and concurrency
//
// Ingest resolves a batch with graph.PlanBatch against one snapshot, does
// the merging in Go, and writes the whole document in one transaction
// (three reads and one write-and-commit request). Entity ids, index keys,
// relation keys and document ids are @upsert indexes, and counters are
// single values, so when two writers (two processes, two machines) touch
// the same thing Dgraph aborts one; Ingest runs it again on a new snapshot
// with exponential backoff (ErrConflict after 12 attempts). Document ids
// are content hashes and a present document is skipped, so nothing is
// ingested twice.
//
// Reads: Entity, Resolve, Edges, Relation and Document share one read
// timestamp for up to a second (asking zero for a new one costs a third of
// a small query), so a traversal sees one state of the graph; a Store's own
// Ingest drops it, so a process always reads its own writes, and other
// machines' writes show within a second.
//
// Listing (Entities, Relations, Documents) reads every uid and sort key of
// one type (20,000 per request), sorts them, then fetches nodes 500 at a
// time from the same snapshot: memory holds the keys, not the graph.
//
// # Copying a whole database
//
// Import and Restore are the twins of the Badger store's: Import writes a
// whole graph into a cluster without one, in transactions of about 4,000
// N-Quads, and Restore adds documents, the decision log and redirects as
// they are, applying nothing. kg copy uses them in either direction; the
// Badger -> Dgraph -> Badger round trip gives the same kg export and kg log.
// The decision log is stored and read back, and Entity follows redirects,
// but curation itself (Decide, Undo, Forget, AddGraph) and applying
// decisions to later ingests are the Badger store's only.
package dgraph
