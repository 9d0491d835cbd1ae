package dgraph

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/kgraph/kg/graph"
)

// The JSON shapes of kg's nodes as DQL returns them. Scalars missing from
// a node read as their zero value; lists come back in Dgraph's order and
// are sorted here.

const entityFields = "uid kg.id kg.name kg.type kg.aliases kg.keys kg.attrs kg.mentions kg.docs"

type entityNode struct {
	UID      string   `json:"uid"`
	ID       string   `json:"kg.id"`
	Name     string   `json:"kg.name"`
	Type     string   `json:"kg.type"`
	Aliases  []string `json:"kg.aliases"`
	Keys     []string `json:"kg.keys"`
	Attrs    string   `json:"kg.attrs"`
	Mentions int      `json:"kg.mentions"`
	Docs     []string `json:"kg.docs"`
}

func (n entityNode) entity() (graph.Entity, error) {
	e := graph.Entity{ID: graph.ID(n.ID), Name: n.Name, Type: graph.Type(n.Type), Mentions: n.Mentions}
	if len(n.Aliases) > 0 {
		e.Aliases = slices.Sorted(slices.Values(n.Aliases))
	}
	for _, d := range n.Docs {
		e.Docs = append(e.Docs, graph.DocID(d))
	}
	slices.Sort(e.Docs)
	var err error
	if e.Attrs, err = decodeAttrs(n.Attrs); err != nil {
		return graph.Entity{}, fmt.Errorf("entity %q: %w", n.ID, err)
	}
	return e, nil
}

const evidenceFields = "uid kg.ev.doc kg.ev.sentence kg.ev.start kg.ev.end kg.ev.extractor kg.ev.confidence kg.ev.status kg.ev.attributed_to kg.ev.date"

const relationFields = "uid kg.key kg.attrs kg.evidence { " + evidenceFields + " }"

type relationNode struct {
	UID      string         `json:"uid"`
	Key      string         `json:"kg.key"`
	Attrs    string         `json:"kg.attrs"`
	Evidence []evidenceNode `json:"kg.evidence"`
}

func (n relationNode) relation() (graph.Relation, error) {
	k, err := parseKey(n.Key)
	if err != nil {
		return graph.Relation{}, err
	}
	r := graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object}
	if r.Attrs, err = decodeAttrs(n.Attrs); err != nil {
		return graph.Relation{}, fmt.Errorf("relation %v: %w", k, err)
	}
	for _, ev := range n.Evidence {
		r.Evidence = append(r.Evidence, ev.evidence())
	}
	graph.SortEvidence(r.Evidence)
	return r, nil
}

type evidenceNode struct {
	UID          string  `json:"uid,omitempty"`
	Type         string  `json:"dgraph.type,omitempty"`
	Doc          string  `json:"kg.ev.doc"`
	Sentence     string  `json:"kg.ev.sentence,omitempty"`
	Start        int     `json:"kg.ev.start"`
	End          int     `json:"kg.ev.end"`
	Extractor    string  `json:"kg.ev.extractor,omitempty"`
	Confidence   float64 `json:"kg.ev.confidence,omitempty"`
	Status       string  `json:"kg.ev.status,omitempty"`
	AttributedTo string  `json:"kg.ev.attributed_to,omitempty"`
	Date         string  `json:"kg.ev.date,omitempty"`
}

func newEvidenceNode(uid string, e graph.Evidence) evidenceNode {
	return evidenceNode{
		UID: uid, Type: "Evidence", Doc: string(e.Doc), Sentence: e.Sentence, Start: e.Start, End: e.End,
		Extractor: e.Extractor, Confidence: e.Confidence, Status: string(e.Status),
		AttributedTo: e.AttributedTo, Date: e.Date,
	}
}

func (n evidenceNode) evidence() graph.Evidence {
	return graph.Evidence{
		Doc: graph.DocID(n.Doc), Sentence: n.Sentence, Start: n.Start, End: n.End,
		Extractor: n.Extractor, Confidence: n.Confidence, Status: graph.Status(n.Status),
		AttributedTo: n.AttributedTo, Date: n.Date,
	}
}

const documentFields = "uid kg.doc kg.source kg.title kg.date kg.body kg.ingested"

type documentNode struct {
	UID      string `json:"uid,omitempty"`
	Type     string `json:"dgraph.type,omitempty"`
	ID       string `json:"kg.doc"`
	Source   string `json:"kg.source,omitempty"`
	Title    string `json:"kg.title,omitempty"`
	Date     string `json:"kg.date,omitempty"`
	Body     string `json:"kg.body,omitempty"`
	Ingested string `json:"kg.ingested,omitempty"`
}

func newDocumentNode(uid string, d graph.Document) documentNode {
	n := documentNode{UID: uid, Type: "Document", ID: string(d.ID), Source: d.Source, Title: d.Title, Date: d.Date, Body: d.Body}
	if !d.Ingested.IsZero() {
		n.Ingested = d.Ingested.Format(time.RFC3339Nano)
	}
	return n
}

func (n documentNode) document() (graph.Document, error) {
	d := graph.Document{ID: graph.DocID(n.ID), Source: n.Source, Title: n.Title, Date: n.Date, Body: n.Body}
	if n.Ingested != "" {
		t, err := time.Parse(time.RFC3339Nano, n.Ingested)
		if err != nil {
			return graph.Document{}, fmt.Errorf("document %s: ingest time: %w", n.ID, err)
		}
		d.Ingested = t
	}
	return d, nil
}

// keyString is a relation's kg.key: its canonical key as the JSON array
// [subject, predicate, object], unambiguous whatever the ids hold.
func keyString(k graph.Key) string {
	b, _ := json.Marshal([3]string{string(k.Subject), string(k.Predicate), string(k.Object)})
	return string(b)
}

func parseKey(s string) (graph.Key, error) {
	var parts [3]string
	if err := json.Unmarshal([]byte(s), &parts); err != nil {
		return graph.Key{}, fmt.Errorf("relation key %q: %w", s, err)
	}
	return graph.Key{Subject: graph.ID(parts[0]), Predicate: graph.Predicate(parts[1]), Object: graph.ID(parts[2])}, nil
}

// encodeAttrs and decodeAttrs keep an attribute map as one JSON string;
// an empty map is no value at all.
func encodeAttrs(a map[string]string) string {
	if len(a) == 0 {
		return ""
	}
	b, _ := json.Marshal(a)
	return string(b)
}

func decodeAttrs(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	var a map[string]string
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return nil, fmt.Errorf("attrs: %w", err)
	}
	if len(a) == 0 {
		return nil, nil
	}
	return a, nil
}
