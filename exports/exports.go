package exports

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/kgraph/kg/graph"
)

// Graph is what exporters read: the whole graph (or a selection) in a stable
// order. When it is also a graph.DocumentReader, exporters use document
// titles and sources (diagram titles, tooltips, the JSON document list, and
// N-Quads graph names).
type Graph interface {
	graph.Lister
}

// Options tune diagrams; the data formats ignore them.
type Options struct {
	// Title is the diagram title. Empty: one naming the focus and the sources.
	Title string
	// Layout is a Graphviz engine: dot, neato, fdp, sfdp, circo or twopi.
	// Empty: chosen by the graph's size (dot for small graphs, sfdp beyond).
	Layout string
	// Focus entities are drawn bolder.
	Focus []graph.ID
}

// Formats lists every format Write and WriteCSV produce.
var Formats = []string{"json", "dot", "svg", "png", "pdf", "graphml", "gexf", "csv", "cypher", "nquads"}

// MaxDiagramNodes is the most entities a diagram format draws; beyond it a
// picture is unreadable and Write returns ErrTooLarge.
const MaxDiagramNodes = 400

// Errors returned by Write and WriteCSV.
var (
	// ErrTooLarge is returned by the diagram formats (dot, svg, png, pdf) for
	// a graph with more than MaxDiagramNodes entities.
	ErrTooLarge = fmt.Errorf("graph too large to draw (more than %d entities): narrow it with --focus and --depth, --limit, --predicate or --type", MaxDiagramNodes)
	// ErrUnknownFormat is returned for a format not in Formats.
	ErrUnknownFormat = errors.New("unknown export format")
	// ErrLayout is returned for a layout engine kg does not offer.
	ErrLayout = errors.New("unknown layout (want dot, neato, fdp, sfdp, circo or twopi)")
)

// Layouts lists the Graphviz engines Options.Layout may name.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// IsBinary reports whether format produces binary output (png, pdf), which a
// caller should not write to a terminal.
func IsBinary(format string) bool { return format == "png" || format == "pdf" }

// Write writes g to w in format, which is any of Formats but "csv" (two
// files: see WriteCSV). It returns ErrUnknownFormat, ErrLayout, ErrTooLarge
// for a diagram of a large graph, or an error from reading g or writing w.
func Write(w io.Writer, format string, g Graph, opts Options) error {
	if opts.Layout != "" && !slices.Contains(Layouts, opts.Layout) {
		return fmt.Errorf("exports: %w: %q", ErrLayout, opts.Layout)
	}
	s, err := snapshot(g)
	if err != nil {
		return fmt.Errorf("exports: %s: %w", format, err)
	}
	switch format {
	case "json":
		err = writeJSON(w, s)
	case "dot", "svg", "png", "pdf":
		if len(s.entities) > MaxDiagramNodes {
			return fmt.Errorf("exports: %s: %w", format, ErrTooLarge)
		}
		err = writeDiagram(w, format, s, opts)
	case "graphml":
		err = writeGraphML(w, s)
	case "gexf":
		err = writeGEXF(w, s)
	case "cypher":
		err = writeCypher(w, s)
	case "nquads":
		err = writeNQuads(w, s)
	case "csv":
		return fmt.Errorf("exports: csv writes two files: use WriteCSV: %w", ErrUnknownFormat)
	default:
		return fmt.Errorf("exports: %w: %q (want one of %v)", ErrUnknownFormat, format, Formats)
	}
	if err != nil {
		return fmt.Errorf("exports: %s: %w", format, err)
	}
	return nil
}

func writeDiagram(w io.Writer, format string, s *snap, opts Options) error {
	dot := buildDOT(s, opts)
	if format == "png" || format == "pdf" {
		dot = buildDOTFor(s, opts, fontCovers)
	}
	if format == "dot" {
		_, err := w.Write(dot.src)
		return err
	}
	if format == "svg" {
		svg, err := renderSVG(dot)
		if err != nil {
			return err
		}
		_, err = w.Write(svg)
		return err
	}
	sc, err := layoutScene(dot)
	if err != nil {
		return err
	}
	if format == "png" {
		return writePNG(w, sc)
	}
	return writePDF(w, sc)
}

// snap is a graph read whole, in order: entities by id, relations by key
// (each key once), documents by id.
type snap struct {
	entities  []graph.Entity
	relations []graph.Relation
	docs      []graph.Document
	byID      map[graph.ID]graph.Entity
	docByID   map[graph.DocID]graph.Document
}

func snapshot(g Graph) (*snap, error) {
	s := &snap{byID: map[graph.ID]graph.Entity{}, docByID: map[graph.DocID]graph.Document{}}
	for e, err := range g.Entities() {
		if err != nil {
			return nil, fmt.Errorf("read entities: %w", err)
		}
		if _, dup := s.byID[e.ID]; dup {
			continue
		}
		s.byID[e.ID] = e
		s.entities = append(s.entities, e)
	}
	seen := map[graph.Key]int{}
	for r, err := range g.Relations() {
		if err != nil {
			return nil, fmt.Errorf("read relations: %w", err)
		}
		k := r.Key()
		r.Subject, r.Object = k.Subject, k.Object
		if i, dup := seen[k]; dup {
			s.relations[i].MergeEvidence(r.Evidence...)
			continue
		}
		r.Evidence = slices.Clone(r.Evidence)
		graph.SortEvidence(r.Evidence)
		seen[k] = len(s.relations)
		s.relations = append(s.relations, r)
	}
	if dr, ok := g.(graph.DocumentReader); ok {
		for d, err := range dr.Documents() {
			if err != nil {
				return nil, fmt.Errorf("read documents: %w", err)
			}
			d.Body = ""
			s.docs = append(s.docs, d)
			s.docByID[d.ID] = d
		}
	}
	// The Lister promises these orders; sorting again makes output stable
	// even for a Lister that does not keep the promise.
	slices.SortStableFunc(s.entities, func(a, b graph.Entity) int { return cmpString(a.ID, b.ID) })
	slices.SortStableFunc(s.relations, func(a, b graph.Relation) int { return a.Key().Compare(b.Key()) })
	slices.SortStableFunc(s.docs, func(a, b graph.Document) int { return cmpString(a.ID, b.ID) })
	return s, nil
}

func cmpString[T ~string](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// entity returns the entity id names, or a stand-in for a relation end
// that the graph does not list.
func (s *snap) entity(id graph.ID) graph.Entity {
	if e, ok := s.byID[id]; ok {
		return e
	}
	return graph.Entity{ID: id, Name: string(id)}
}

// sortedKeys returns m's keys in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// status returns an evidence record's status, stated when unset.
func status(e graph.Evidence) graph.Status {
	if e.Status == "" {
		return graph.Stated
	}
	return e.Status
}

// missingEnds returns the relation ends the graph does not list, sorted, so
// that formats needing every node declared can declare them.
func (s *snap) missingEnds() []graph.ID {
	seen := map[graph.ID]bool{}
	var ids []graph.ID
	for _, r := range s.relations {
		for _, id := range []graph.ID{r.Subject, r.Object} {
			if _, ok := s.byID[id]; !ok && !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}
