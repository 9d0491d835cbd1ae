package dgraph

import (
	"context"
	"fmt"
	"strings"

	"github.com/dgraph-io/dgo/v250/protos/api"

	"github.com/kgraph/kg/graph"
)

// SchemaVersion is the Dgraph schema this package writes (see doc.go). Open
// applies the schema when the cluster holds an older version or none, and
// refuses a cluster whose version is newer with ErrSchemaNewer.
//
// Version 2 added the decision log (Decision nodes) and the redirects of
// merged-away ids (Redirect nodes); Open upgrades a version 1 cluster by
// applying the schema again, which only adds.
const SchemaVersion = 2

// Entity, relation, evidence and document predicates. Every predicate kg
// writes starts with "kg." so that it can share a cluster with other data.
const (
	pID       = "kg.id"
	pName     = "kg.name"
	pType     = "kg.type"
	pAliases  = "kg.aliases"
	pKeys     = "kg.keys"
	pAttrs    = "kg.attrs"
	pMentions = "kg.mentions"
	pDocs     = "kg.docs"

	pKey      = "kg.key"
	pPred     = "kg.predicate"
	pFrom     = "kg.from"
	pTo       = "kg.to"
	pEvidence = "kg.evidence"

	pEvDoc        = "kg.ev.doc"
	pEvSentence   = "kg.ev.sentence"
	pEvStart      = "kg.ev.start"
	pEvEnd        = "kg.ev.end"
	pEvExtractor  = "kg.ev.extractor"
	pEvConfidence = "kg.ev.confidence"
	pEvStatus     = "kg.ev.status"
	pEvAttributed = "kg.ev.attributed_to"
	pEvDate       = "kg.ev.date"

	pDoc      = "kg.doc"
	pSource   = "kg.source"
	pTitle    = "kg.title"
	pDate     = "kg.date"
	pBody     = "kg.body"
	pIngested = "kg.ingested"

	pDecSeq    = "kg.dec.seq"
	pDecKind   = "kg.dec.kind"
	pDecJSON   = "kg.dec.json"
	pRedirFrom = "kg.redirect.from"
	pRedirTo   = "kg.redirect.to"

	pMeta          = "kg.meta"
	pSchemaVersion = "kg.schema_version"
)

// metaName is the kg.meta value of the node that records SchemaVersion.
const metaName = "schema"

// edgePredicate returns the Dgraph predicate that holds p's adjacency:
// "accused-of" is kg.rel.accused_of.
func edgePredicate(p graph.Predicate) string {
	return "kg.rel." + strings.ReplaceAll(string(p), "-", "_")
}

// edgePredicates maps every Dgraph adjacency predicate back to kg's predicate.
var edgePredicates = func() map[string]graph.Predicate {
	m := make(map[string]graph.Predicate, len(graph.Predicates))
	for _, p := range graph.Predicates {
		m[edgePredicate(p)] = p
	}
	return m
}()

// schema returns the DQL schema: predicates with their indexes, then types.
func schema() string {
	var b strings.Builder
	b.WriteString(`
kg.id: string @index(exact) @upsert .
kg.name: string @index(exact, term, trigram) .
kg.type: string @index(exact) .
kg.aliases: [string] @index(term, trigram) .
kg.keys: [string] @index(exact) @upsert .
kg.attrs: string .
kg.mentions: int .
kg.docs: [string] @index(exact) .

kg.key: string @index(exact) @upsert .
kg.predicate: string @index(exact) .
kg.from: uid @reverse .
kg.to: uid @reverse .
kg.evidence: [uid] @reverse @count .

kg.ev.doc: string @index(exact) .
kg.ev.sentence: string .
kg.ev.start: int .
kg.ev.end: int .
kg.ev.extractor: string .
kg.ev.confidence: float .
kg.ev.status: string @index(exact) .
kg.ev.attributed_to: string .
kg.ev.date: string .

kg.doc: string @index(exact) @upsert .
kg.source: string .
kg.title: string .
kg.date: string .
kg.body: string .
kg.ingested: string .

kg.dec.seq: int @index(int) @upsert .
kg.dec.kind: string @index(exact) .
kg.dec.json: string .
kg.redirect.from: string @index(exact) @upsert .
kg.redirect.to: string .

kg.meta: string @index(exact) @upsert .
kg.schema_version: int .
`)
	for _, p := range graph.Predicates {
		fmt.Fprintf(&b, "%s: [uid] @reverse @count .\n", edgePredicate(p))
	}
	b.WriteString("\ntype Entity {\n\tkg.id\n\tkg.name\n\tkg.type\n\tkg.aliases\n\tkg.keys\n\tkg.attrs\n\tkg.mentions\n\tkg.docs\n")
	for _, p := range graph.Predicates {
		fmt.Fprintf(&b, "\t%s\n", edgePredicate(p))
	}
	b.WriteString(`}

type Relation {
	kg.key
	kg.predicate
	kg.from
	kg.to
	kg.attrs
	kg.evidence
}

type Evidence {
	kg.ev.doc
	kg.ev.sentence
	kg.ev.start
	kg.ev.end
	kg.ev.extractor
	kg.ev.confidence
	kg.ev.status
	kg.ev.attributed_to
	kg.ev.date
}

type Document {
	kg.doc
	kg.source
	kg.title
	kg.date
	kg.body
	kg.ingested
}

type Decision {
	kg.dec.seq
	kg.dec.kind
	kg.dec.json
}

type Redirect {
	kg.redirect.from
	kg.redirect.to
}

type KGMeta {
	kg.meta
	kg.schema_version
}
`)
	return b.String()
}

// ensureSchema applies the schema unless the cluster already records
// SchemaVersion, then records it. Applying the schema is idempotent, so
// two processes opening a fresh cluster at once do no harm.
func (s *Store) ensureSchema(ctx context.Context) error {
	var meta struct {
		Q []struct {
			UID     string `json:"uid"`
			Version int    `json:"kg.schema_version"`
		} `json:"q"`
	}
	txn := s.dg.NewReadOnlyTxn()
	// Before the first Alter the predicate kg.meta has no index and eq
	// fails; that reads as "no schema yet".
	err := query(ctx, txn, `{ q(func: eq(kg.meta, "`+metaName+`")) { uid kg.schema_version } }`, nil, &meta)
	have := 0
	if err == nil && len(meta.Q) > 0 {
		have = meta.Q[0].Version
	}
	switch {
	case have > SchemaVersion:
		return fmt.Errorf("%w: the cluster has schema %d, this kg writes %d", ErrSchemaNewer, have, SchemaVersion)
	case have == SchemaVersion:
		return nil
	}
	if err := s.dg.Alter(ctx, &api.Operation{Schema: schema()}); err != nil {
		return fmt.Errorf("apply schema: %w", err)
	}
	return s.retry(ctx, func(ctx context.Context) error {
		txn := s.dg.NewTxn()
		defer txn.Discard(ctx)
		meta.Q = nil
		if err := query(ctx, txn, `{ q(func: eq(kg.meta, "`+metaName+`")) { uid kg.schema_version } }`, nil, &meta); err != nil {
			return err
		}
		uid := "_:meta"
		if len(meta.Q) > 0 {
			uid = meta.Q[0].UID
		}
		set, err := jsonBytes(map[string]any{
			"uid": uid, "dgraph.type": "KGMeta", pMeta: metaName, pSchemaVersion: SchemaVersion,
		})
		if err != nil {
			return err
		}
		_, err = txn.Do(ctx, &api.Request{Mutations: []*api.Mutation{{SetJson: set}}, CommitNow: true})
		return err
	})
}
