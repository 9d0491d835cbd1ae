package exports

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// IRIs of the vocabularies the N-Quads export uses.
const (
	rdfType      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfsLabel    = "http://www.w3.org/2000/01/rdf-schema#label"
	skosAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel"
	dcTitle      = "http://purl.org/dc/terms/title"
	dcSource     = "http://purl.org/dc/terms/source"
	dcDate       = "http://purl.org/dc/terms/date"
)

// writeNQuads writes g as RDF N-Quads. Entities are <urn:kg:entity:ID>
// with an rdf:type <urn:kg:type:TYPE>, an rdfs:label and skos:altLabels;
// each relation is one quad per document that gives evidence for it, named
// by the graph <urn:kg:doc:ID> (a relation without evidence goes in the
// default graph); documents carry their title, source and date. Ids are
// percent-encoded into the IRIs and literals escaped, so no name can end a
// term early.
func writeNQuads(w io.Writer, s *snap) error {
	var b strings.Builder
	flush := func() error {
		_, err := io.WriteString(w, b.String())
		b.Reset()
		return err
	}
	for _, e := range s.entities {
		subj := iri("entity", string(e.ID))
		if e.Type != "" {
			quad(&b, subj, "<"+rdfType+">", iri("type", string(e.Type)), "")
		}
		quad(&b, subj, "<"+rdfsLabel+">", literal(e.Name), "")
		for _, a := range e.Aliases {
			quad(&b, subj, "<"+skosAltLabel+">", literal(a), "")
		}
		if err := flush(); err != nil {
			return err
		}
	}
	for _, r := range s.relations {
		subj, pred, obj := iri("entity", string(r.Subject)), iri("predicate", string(r.Predicate)), iri("entity", string(r.Object))
		var docs []graph.DocID
		for _, e := range r.Evidence {
			if len(docs) == 0 || docs[len(docs)-1] != e.Doc { // evidence is sorted by document
				docs = append(docs, e.Doc)
			}
		}
		if len(docs) == 0 {
			quad(&b, subj, pred, obj, "")
		}
		for _, d := range docs {
			quad(&b, subj, pred, obj, iri("doc", string(d)))
		}
		if err := flush(); err != nil {
			return err
		}
	}
	for _, d := range s.docs {
		subj := iri("doc", string(d.ID))
		if d.Title != "" {
			quad(&b, subj, "<"+dcTitle+">", literal(d.Title), "")
		}
		if d.Source != "" {
			quad(&b, subj, "<"+dcSource+">", literal(d.Source), "")
		}
		if d.Date != "" {
			quad(&b, subj, "<"+dcDate+">", literal(d.Date), "")
		}
	}
	return flush()
}

func quad(b *strings.Builder, s, p, o, g string) {
	b.WriteString(s + " " + p + " " + o)
	if g != "" {
		b.WriteString(" " + g)
	}
	b.WriteString(" .\n")
}

// iri returns <urn:kg:KIND:ID> with every byte of id outside the
// unreserved set percent-encoded.
func iri(kind, id string) string {
	var b strings.Builder
	b.WriteString("<urn:kg:" + kind + ":")
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	b.WriteByte('>')
	return b.String()
}

// literal quotes s as an N-Quads string literal (ECHAR and UCHAR escapes).
func literal(s string) string {
	return quoteEscaped(s, '"', func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// quoteEscaped quotes s with quote, backslash-escaping the quote, the
// backslash, \n, \r and \t, writing the other runes for which control
// reports true as \uXXXX, and invalid UTF-8 as U+FFFD. Cypher and N-Quads
// literals share this shape.
func quoteEscaped(s string, quote rune, control func(rune) bool) string {
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		switch r {
		case quote, '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r == utf8.RuneError {
				r = '\uFFFD'
			}
			if control(r) {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteRune(quote)
	return b.String()
}
