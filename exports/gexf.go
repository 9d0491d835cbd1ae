package exports

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/kgraph/kg/graph"
)

// GEXF 1.3 for Gephi. Evidence dates become spells, so Gephi's timeline
// shows when each relation held: a full date is one day, "2011-04" the
// month, "2011" the year; other date text stays in the evidence only.
// Every edge is directed, as in the GraphML export (networkx rejects mixed
// graphs); symmetric relations say so in the "symmetric" attribute.
type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	XMLNS   string    `xml:"xmlns,attr"`
	Viz     string    `xml:"xmlns:viz,attr"`
	XSI     string    `xml:"xmlns:xsi,attr"`
	Schema  string    `xml:"xsi:schemaLocation,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	TimeFormat      string           `xml:"timeformat,attr,omitempty"`
	TimeRepr        string           `xml:"timerepresentation,attr,omitempty"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class string          `xml:"class,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string         `xml:"id,attr"`
	Label  string         `xml:"label,attr"`
	Values []gexfValue    `xml:"attvalues>attvalue"`
	Color  *gexfColor     `xml:"viz:color"`
	Shape  *gexfNodeShape `xml:"viz:shape"`
}

type gexfEdge struct {
	ID     string      `xml:"id,attr"`
	Source string      `xml:"source,attr"`
	Target string      `xml:"target,attr"`
	Label  string      `xml:"label,attr"`
	Kind   string      `xml:"kind,attr"`
	Weight int         `xml:"weight,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
	Spells []gexfSpell `xml:"spells>spell"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

type gexfColor struct {
	R uint8 `xml:"r,attr"`
	G uint8 `xml:"g,attr"`
	B uint8 `xml:"b,attr"`
}

type gexfNodeShape struct {
	Value string `xml:"value,attr"`
}

// gexfShapes maps types onto the few shapes GEXF's viz module knows.
var gexfShapes = map[graph.Type]string{
	graph.Person: "disc", graph.Organization: "square", graph.Place: "triangle", graph.Event: "diamond",
}

func writeGEXF(w io.Writer, s *snap) error {
	doc := gexfDoc{
		XMLNS:   "http://gexf.net/1.3",
		Viz:     "http://gexf.net/1.3/viz",
		XSI:     "http://www.w3.org/2001/XMLSchema-instance",
		Schema:  "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		Version: "1.3",
		Meta:    gexfMeta{Creator: "kg", Description: fmt.Sprintf("%d entities, %d relations", len(s.entities), len(s.relations))},
		Graph: gexfGraph{DefaultEdgeType: "directed", Mode: "static", Attributes: []gexfAttributes{
			{Class: "node", Attrs: []gexfAttribute{
				{"type", "type", "string"}, {"aliases", "aliases", "string"},
				{"attrs", "attrs", "string"}, {"mentions", "mentions", "integer"},
			}},
			{Class: "edge", Attrs: []gexfAttribute{
				{"predicate", "predicate", "string"}, {"status", "status", "string"},
				{"symmetric", "symmetric", "boolean"}, {"attrs", "attrs", "string"}, {"evidence_count", "evidence_count", "integer"},
				{"sentence", "sentence", "string"}, {"evidence", "evidence", "string"},
			}},
		}},
	}
	for _, e := range s.entities {
		n := gexfNode{ID: string(e.ID), Label: e.Name, Values: []gexfValue{
			{"type", string(e.Type)}, {"aliases", jsonText(nonNil(e.Aliases))},
			{"attrs", jsonText(nonNilMap(e.Attrs))}, {"mentions", strconv.Itoa(e.Mentions)},
		}}
		if c, ok := hexColor(styleOf(e.Type).fill); ok {
			n.Color = &c
		}
		if sh, ok := gexfShapes[e.Type]; ok {
			n.Shape = &gexfNodeShape{sh}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, n)
	}
	for _, id := range s.missingEnds() {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: string(id), Label: string(id)})
	}
	for i, r := range s.relations {
		e := gexfEdge{ID: strconv.Itoa(i), Source: string(r.Subject), Target: string(r.Object),
			Label: string(r.Predicate), Kind: string(r.Predicate), Weight: max(len(r.Evidence), 1),
			Values: []gexfValue{
				{"predicate", string(r.Predicate)}, {"status", string(r.Status())},
				{"symmetric", strconv.FormatBool(r.Predicate.Symmetric())}, {"attrs", jsonText(nonNilMap(r.Attrs))}, {"evidence_count", strconv.Itoa(len(r.Evidence))},
				{"sentence", firstSentence(r)}, {"evidence", jsonText(evidenceRecords(r))},
			}}
		e.Spells = spells(r)
		if len(e.Spells) > 0 {
			doc.Graph.Mode, doc.Graph.TimeFormat, doc.Graph.TimeRepr = "dynamic", "date", "interval"
		}
		doc.Graph.Edges = append(doc.Graph.Edges, e)
	}
	return encodeXML(w, doc)
}

// spells turns the evidence dates of r into intervals, sorted, once each.
func spells(r graph.Relation) []gexfSpell {
	var out []gexfSpell
	for _, e := range r.Evidence {
		if sp, ok := spellOf(e.Date); ok && !slices.Contains(out, sp) {
			out = append(out, sp)
		}
	}
	slices.SortFunc(out, func(a, b gexfSpell) int { return cmpString(a.Start+a.End, b.Start+b.End) })
	return out
}

func spellOf(date string) (gexfSpell, bool) {
	const day = "2006-01-02"
	for _, f := range []struct {
		layout string
		span   func(time.Time) time.Time
	}{
		{day, func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(f.layout, date); err == nil {
			return gexfSpell{t.Format(day), f.span(t).Format(day)}, true
		}
	}
	return gexfSpell{}, false
}

func hexColor(s string) (gexfColor, bool) {
	if len(s) != 7 || s[0] != '#' {
		return gexfColor{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return gexfColor{}, false
	}
	return gexfColor{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}
