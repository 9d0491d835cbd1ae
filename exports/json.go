package exports

import (
	"encoding/json"
	"io"
	"math"

	"github.com/kgraph/kg/graph"
)

// The JSON contract (DESIGN.md): every field always present, lists never
// null, so consumers need no special cases.
type jsonGraph struct {
	Entities  []jsonEntity   `json:"entities"`
	Relations []jsonRelation `json:"relations"`
	Documents []jsonDocument `json:"documents"`
}

type jsonEntity struct {
	ID       graph.ID          `json:"id"`
	Name     string            `json:"name"`
	Type     graph.Type        `json:"type"`
	Aliases  []string          `json:"aliases"`
	Attrs    map[string]string `json:"attrs"`
	Mentions int               `json:"mentions"`
	Docs     []graph.DocID     `json:"docs"`
}

type jsonRelation struct {
	Subject   graph.ID          `json:"subject"`
	Predicate graph.Predicate   `json:"predicate"`
	Object    graph.ID          `json:"object"`
	Status    graph.Status      `json:"status"`
	Attrs     map[string]string `json:"attrs"`
	Evidence  []jsonEvidence    `json:"evidence"`
}

type jsonEvidence struct {
	Doc          graph.DocID  `json:"doc"`
	Sentence     string       `json:"sentence"`
	Start        int          `json:"start"`
	End          int          `json:"end"`
	Extractor    string       `json:"extractor"`
	Confidence   float64      `json:"confidence"`
	Status       graph.Status `json:"status"`
	AttributedTo string       `json:"attributed_to"`
	Date         string       `json:"date"`
}

type jsonDocument struct {
	ID     graph.DocID `json:"id"`
	Source string      `json:"source"`
	Title  string      `json:"title"`
	Date   string      `json:"date"`
}

func writeJSON(w io.Writer, s *snap) error {
	out := jsonGraph{
		Entities:  make([]jsonEntity, 0, len(s.entities)),
		Relations: make([]jsonRelation, 0, len(s.relations)),
		Documents: make([]jsonDocument, 0, len(s.docs)),
	}
	for _, e := range s.entities {
		out.Entities = append(out.Entities, jsonEntity{
			ID: e.ID, Name: e.Name, Type: e.Type,
			Aliases:  nonNil(e.Aliases),
			Attrs:    nonNilMap(e.Attrs),
			Mentions: e.Mentions,
			Docs:     nonNil(e.Docs),
		})
	}
	for _, r := range s.relations {
		jr := jsonRelation{
			Subject: r.Subject, Predicate: r.Predicate, Object: r.Object,
			Status:   r.Status(),
			Attrs:    nonNilMap(r.Attrs),
			Evidence: evidenceRecords(r),
		}
		out.Relations = append(out.Relations, jr)
	}
	for _, d := range s.docs {
		out.Documents = append(out.Documents, jsonDocument{ID: d.ID, Source: d.Source, Title: d.Title, Date: d.Date})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out) // Encode ends with a newline; map keys come out sorted.
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// finite keeps NaN and infinities, which JSON cannot hold, out of the output.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}
