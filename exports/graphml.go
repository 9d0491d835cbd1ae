package exports

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// GraphML as yEd, Gephi and networkx read it. Every edge is directed
// (networkx rejects a directed graph with undirected edges); symmetric
// relations say so in the "symmetric" key. Lists and maps (aliases,
// attributes, evidence) are JSON text, since GraphML values are scalars.
type graphML struct {
	XMLName xml.Name      `xml:"graphml"`
	XMLNS   string        `xml:"xmlns,attr"`
	XSI     string        `xml:"xmlns:xsi,attr"`
	Schema  string        `xml:"xsi:schemaLocation,attr"`
	Keys    []graphMLKey  `xml:"key"`
	Graph   graphMLGraphE `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraphE struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

var graphMLKeys = []graphMLKey{
	{"name", "node", "name", "string"},
	{"type", "node", "type", "string"},
	{"aliases", "node", "aliases", "string"},
	{"attrs", "node", "attrs", "string"},
	{"mentions", "node", "mentions", "int"},
	{"predicate", "edge", "predicate", "string"},
	{"status", "edge", "status", "string"},
	{"symmetric", "edge", "symmetric", "boolean"},
	{"rattrs", "edge", "attrs", "string"},
	{"evidence_count", "edge", "evidence_count", "int"},
	{"sentence", "edge", "sentence", "string"},
	{"evidence", "edge", "evidence", "string"},
}

func writeGraphML(w io.Writer, s *snap) error {
	doc := graphML{
		XMLNS:  "http://graphml.graphdrawing.org/xmlns",
		XSI:    "http://www.w3.org/2001/XMLSchema-instance",
		Schema: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys:   graphMLKeys,
		Graph:  graphMLGraphE{ID: "kg", EdgeDefault: "directed"},
	}
	for _, e := range s.entities {
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphMLNode{ID: string(e.ID), Data: []graphMLData{
			{"name", e.Name},
			{"type", string(e.Type)},
			{"aliases", jsonText(nonNil(e.Aliases))},
			{"attrs", jsonText(nonNilMap(e.Attrs))},
			{"mentions", strconv.Itoa(e.Mentions)},
		}})
	}
	for _, id := range s.missingEnds() {
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphMLNode{ID: string(id), Data: []graphMLData{{"name", string(id)}}})
	}
	for i, r := range s.relations {
		e := graphMLEdge{ID: fmt.Sprintf("e%d", i), Source: string(r.Subject), Target: string(r.Object), Data: []graphMLData{
			{"predicate", string(r.Predicate)},
			{"status", string(r.Status())},
			{"symmetric", strconv.FormatBool(r.Predicate.Symmetric())},
			{"rattrs", jsonText(nonNilMap(r.Attrs))},
			{"evidence_count", strconv.Itoa(len(r.Evidence))},
			{"sentence", firstSentence(r)},
			{"evidence", jsonText(evidenceRecords(r))},
		}}
		doc.Graph.Edges = append(doc.Graph.Edges, e)
	}
	return encodeXML(w, doc)
}

// encodeXML writes an XML declaration and v, indented, with a final newline.
// encoding/xml escapes markup and replaces characters XML cannot hold.
func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
