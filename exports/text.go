package exports

import (
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// Helpers the data formats share.

// jsonText encodes v as compact JSON for a format that can hold only a
// string (GraphML and GEXF attributes): lists and maps stay unambiguous.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil { // only strings, maps of strings and plain records reach here
		return ""
	}
	return string(b)
}

// evidenceRecords is a relation's evidence as exported records (no
// document bodies), never null.
func evidenceRecords(r graph.Relation) []jsonEvidence {
	out := make([]jsonEvidence, 0, len(r.Evidence))
	for _, e := range r.Evidence {
		out = append(out, jsonEvidence{
			Doc: e.Doc, Sentence: e.Sentence, Start: e.Start, End: e.End,
			Extractor: e.Extractor, Confidence: finite(e.Confidence),
			Status: status(e), AttributedTo: e.AttributedTo, Date: e.Date,
		})
	}
	return out
}

// firstSentence is the first evidence sentence of r, or "".
func firstSentence(r graph.Relation) string {
	if len(r.Evidence) == 0 {
		return ""
	}
	return r.Evidence[0].Sentence
}

// typeLabel is a type as a graph-database label: "Person"; "" for an unknown type.
func typeLabel(t graph.Type) string {
	if !t.Valid() {
		return ""
	}
	return strings.ToUpper(string(t[:1])) + string(t[1:])
}

// upperSnake turns a predicate into a relationship type: accused-of -> ACCUSED_OF.
// Anything but ASCII letters and digits becomes an underscore.
func upperSnake(p graph.Predicate) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(string(p)) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "RELATED"
	}
	s := b.String()
	if s[0] >= '0' && s[0] <= '9' {
		s = "P_" + s
	}
	return s
}

// oneLine replaces line breaks and tabs with spaces and drops other control
// characters and invalid UTF-8, for formats read line by line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r == utf8.RuneError || unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}
