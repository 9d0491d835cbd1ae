package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/kgraph/kg/graph"
)

// Values are JSON: readable with `badger` tools, tolerant of added fields,
// and small next to the evidence sentences and document bodies they carry.

// relationValue is what a relation key holds: everything but the triple,
// which is in the key.
type relationValue struct {
	Attrs    map[string]string `json:"attrs,omitempty"`
	Evidence []graph.Evidence  `json:"evidence"`
}

// MaxEntityDocs bounds the documents an entity's stored value lists: the
// first by id, so that the list is the same whatever order articles came
// in. Without a bound an entity named in every article (a country, a
// leader) would carry a list that grows with the corpus and is rewritten
// whole by each ingest that names it: quadratic in the corpus, and past
// about 70,000 articles larger than a Badger transaction allows. Mentions
// still counts every mention, and every relation's evidence still names
// its document.
const MaxEntityDocs = 256

func encodeEntity(e graph.Entity) ([]byte, error) {
	if len(e.Docs) > MaxEntityDocs {
		docs := e.Docs
		if !slices.IsSorted(docs) {
			docs = slices.Sorted(slices.Values(docs))
		}
		e.Docs = docs[:MaxEntityDocs:MaxEntityDocs]
	}
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encode entity %q: %w", e.ID, err)
	}
	return b, nil
}

func decodeEntity(id graph.ID, b []byte) (graph.Entity, error) {
	var e graph.Entity
	if err := json.Unmarshal(b, &e); err != nil {
		return graph.Entity{}, fmt.Errorf("decode entity %q: %w", id, err)
	}
	e.ID = id
	return e, nil
}

func encodeRelation(r graph.Relation) ([]byte, error) {
	b, err := json.Marshal(relationValue{Attrs: r.Attrs, Evidence: r.Evidence})
	if err != nil {
		return nil, fmt.Errorf("encode relation %v: %w", r.Key(), err)
	}
	return b, nil
}

func decodeRelation(k graph.Key, b []byte) (graph.Relation, error) {
	var v relationValue
	if err := json.Unmarshal(b, &v); err != nil {
		return graph.Relation{}, fmt.Errorf("decode relation %v: %w", k, err)
	}
	return graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object, Attrs: v.Attrs, Evidence: v.Evidence}, nil
}

func encodeDocument(d graph.Document) ([]byte, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode document %q: %w", d.ID, err)
	}
	return b, nil
}

func decodeDocument(id graph.DocID, b []byte) (graph.Document, error) {
	var d graph.Document
	if err := json.Unmarshal(b, &d); err != nil {
		return graph.Document{}, fmt.Errorf("decode document %q: %w", id, err)
	}
	d.ID = id
	return d, nil
}
