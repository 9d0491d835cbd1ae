package exports

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// Diagram limits. Graphviz's dot engine turns every edge label into a
// virtual node and its cost explodes past a few dozen nodes (FACTS.md:
// 100 labelled nodes 36 s), so larger graphs go to sfdp.
const (
	// dotMaxNodes is the largest graph the auto layout gives to dot.
	dotMaxNodes = 40
	// labelMaxEdges is the most edges drawn with visible labels; past it the
	// predicate moves into the edge tooltip and only colour and style remain.
	labelMaxEdges = 250
	// tooltipRecords is how many evidence records an edge tooltip quotes.
	tooltipRecords = 5
	// sentenceRunes caps each quoted sentence in a tooltip.
	sentenceRunes = 300
)

// The Okabe-Ito palette, safe for the common kinds of colour blindness.
const (
	okOrange    = "#E69F00"
	okSky       = "#56B4E9"
	okGreen     = "#009E73"
	okYellow    = "#F0E442"
	okBlue      = "#0072B2"
	okVermilion = "#D55E00"
	okPurple    = "#CC79A7"
	inkGrey     = "#444444"
	paleGrey    = "#999999"
	unknownFill = "#DDDDDD"
)

// typeStyle is how a diagram draws an entity type.
type typeStyle struct {
	shape, fill string
}

var typeStyles = map[graph.Type]typeStyle{
	graph.Person:       {"ellipse", okSky},
	graph.Organization: {"box", okOrange},
	graph.Place:        {"house", okGreen},
	graph.Event:        {"diamond", okYellow},
}

func styleOf(t graph.Type) typeStyle {
	if s, ok := typeStyles[t]; ok {
		return s
	}
	return typeStyle{"ellipse", unknownFill}
}

// lineKind is one line style a diagram uses, listed in the legend.
type lineKind int

const (
	lineStated lineKind = iota
	lineClaim           // reported, alleged, or an accusation
	lineSpeculated
	lineDenied
)

var lineKinds = []struct {
	label, style, color string
}{
	lineStated:     {"stated", "solid", inkGrey},
	lineClaim:      {"reported, alleged or accusation", "dashed", inkGrey},
	lineSpeculated: {"speculated", "dotted", inkGrey},
	lineDenied:     {"denied", "dotted", paleGrey},
}

func lineOf(r graph.Relation) lineKind {
	switch r.Status() {
	case graph.Reported, graph.Alleged:
		return lineClaim
	case graph.Speculated:
		return lineSpeculated
	case graph.Denied:
		return lineDenied
	}
	if r.Predicate == graph.Accused || r.Predicate == graph.AccusedOf {
		return lineClaim
	}
	return lineStated
}

// predicateColor singles out the predicates a reader looks for first.
func predicateColor(p graph.Predicate) string {
	switch p {
	case graph.DefectedFrom:
		return okVermilion
	case graph.Accused, graph.AccusedOf, graph.ConvictedOf:
		return okPurple
	case graph.FamilyOf:
		return okBlue
	}
	return ""
}

// dotGraph is a diagram's DOT source and the engine chosen for it.
type dotGraph struct {
	src    []byte
	layout string
	// legend names the legend's node for the force-directed engines ("": none).
	legend string
	// labels reports whether edges carry visible labels.
	labels bool
}

// chooseLayout picks opts' engine, or one that lays out n nodes in seconds.
func chooseLayout(opts Options, n int) string {
	if opts.Layout != "" {
		return opts.Layout
	}
	if n <= dotMaxNodes {
		return "dot"
	}
	return "sfdp"
}

func buildDOT(s *snap, opts Options) dotGraph { return buildDOTFor(s, opts, nil) }

// buildDOTFor is buildDOT for a painter whose font draws only the text
// canDraw accepts (nil: any text, as SVG viewers have system fonts). A
// name it cannot draw, say in Arabic script, is labelled with the first
// alias it can (Tarabulus for طرابلس) rather than with empty boxes.
func buildDOTFor(s *snap, opts Options, canDraw func(string) bool) dotGraph {
	layout := chooseLayout(opts, len(s.entities))
	labels := len(s.relations) <= labelMaxEdges
	focus := map[graph.ID]bool{}
	for _, id := range opts.Focus {
		focus[id] = true
	}

	var b bytes.Buffer
	b.WriteString("digraph kg {\n")
	fmt.Fprintf(&b, "\tgraph [charset=\"UTF-8\", layout=%s, label=%s, labelloc=t, fontsize=18, fontname=\"Helvetica\", tooltip=%s",
		layout, dotQuote(diagramTitle(s, opts)), dotQuote(diagramTitle(s, opts)))
	switch layout {
	case "dot":
		b.WriteString(", rankdir=LR, nodesep=0.3, ranksep=0.6")
	case "sfdp", "neato", "fdp":
		// scale removes overlaps fast; prism and false take 100x longer in go-graphviz
		// (300 nodes: 0.5 s against 48 s), and sfdp's default leaves a broken layout (FACTS.md).
		b.WriteString(", overlap=scale, sep=\"+4\", splines=false, outputorder=edgesfirst")
	default:
		b.WriteString(", overlap=false")
	}
	b.WriteString("];\n")
	b.WriteString("\tnode [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=1, color=\"#333333\", margin=\"0.2,0.06\"];\n")
	fmt.Fprintf(&b, "\tedge [fontname=\"Helvetica\", fontsize=9, color=%q, fontcolor=%q, arrowsize=0.7];\n", inkGrey, inkGrey)

	if layout == "dot" {
		writeLegend(&b, s)
	} else {
		writeLegendTable(&b, s)
	}

	// Relation ends the graph does not list are drawn as plain nodes.
	drawn := map[graph.ID]bool{}
	var missing []graph.ID
	for _, e := range s.entities {
		drawn[e.ID] = true
	}
	for _, r := range s.relations {
		for _, id := range []graph.ID{r.Subject, r.Object} {
			if !drawn[id] {
				drawn[id] = true
				missing = append(missing, id)
			}
		}
	}
	slices.Sort(missing)
	for _, e := range s.entities {
		writeNode(&b, e, focus[e.ID], canDraw)
	}
	for _, id := range missing {
		writeNode(&b, s.entity(id), focus[id], canDraw)
	}
	for _, r := range s.relations {
		writeEdge(&b, s, r, labels)
	}
	b.WriteString("}\n")
	d := dotGraph{src: b.Bytes(), layout: layout, labels: labels}
	if layout != "dot" && (len(s.entities) > 0 || len(s.relations) > 0) {
		d.legend = legendPrefix(s) + "table"
	}
	return d
}

func writeNode(b *bytes.Buffer, e graph.Entity, focus bool, canDraw func(string) bool) {
	st := styleOf(e.Type)
	label := e.Name
	if label == "" {
		label = string(e.ID)
	}
	if canDraw != nil && !canDraw(label) {
		for _, a := range e.Aliases {
			if canDraw(a) {
				label = a
				break
			}
		}
	}
	if post := entityPost(e); post != "" {
		label += "\n" + post
	}
	fmt.Fprintf(b, "\t%s [label=%s, shape=%s, fillcolor=%q, tooltip=%s",
		dotQuote(string(e.ID)), dotQuote(label), st.shape, st.fill, dotQuote(nodeTooltip(e)))
	if focus {
		b.WriteString(", style=\"filled,bold\", penwidth=3, fontsize=13")
	}
	b.WriteString("];\n")
}

// entityPost is the title or role shown under a name ("Foreign Minister").
func entityPost(e graph.Entity) string {
	for _, k := range []string{"title", "role"} {
		if v := e.Attrs[k]; v != "" {
			return v
		}
	}
	return ""
}

func nodeTooltip(e graph.Entity) string {
	var b strings.Builder
	name := e.Name
	if name == "" {
		name = string(e.ID)
	}
	t := string(e.Type)
	if t == "" {
		t = "unknown type"
	}
	fmt.Fprintf(&b, "%s (%s)", name, t)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(&b, "\nalso: %s", strings.Join(e.Aliases, "; "))
	}
	for _, k := range sortedKeys(e.Attrs) {
		fmt.Fprintf(&b, "\n%s: %s", k, e.Attrs[k])
	}
	fmt.Fprintf(&b, "\nid: %s", e.ID)
	return b.String()
}

func writeEdge(b *bytes.Buffer, s *snap, r graph.Relation, labels bool) {
	kind := lineKinds[lineOf(r)]
	fmt.Fprintf(b, "\t%s -> %s [", dotQuote(string(r.Subject)), dotQuote(string(r.Object)))
	var attrs []string
	if labels {
		attrs = append(attrs, "label="+dotQuote(edgeLabel(r)))
	}
	attrs = append(attrs, "tooltip="+dotQuote(edgeTooltip(s, r)))
	if kind.style != "solid" {
		attrs = append(attrs, "style="+kind.style)
	}
	color := predicateColor(r.Predicate)
	if lineOf(r) == lineDenied {
		color = paleGrey
	}
	if color != "" {
		attrs = append(attrs, fmt.Sprintf("color=%q, fontcolor=%q", color, color))
	}
	if r.Predicate.Symmetric() {
		attrs = append(attrs, "dir=none")
	}
	b.WriteString(strings.Join(attrs, ", "))
	b.WriteString("];\n")
}

// edgeLabel is the predicate with the relation's role or kinship, the first
// date the evidence gives, and its status when the text does not state it.
func edgeLabel(r graph.Relation) string {
	label := string(r.Predicate)
	for _, k := range []string{"role", "kin"} {
		if v := r.Attrs[k]; v != "" {
			label += "\n" + v
			break
		}
	}
	if d := firstDate(r); d != "" {
		label += "\n" + d
	}
	if st := r.Status(); st != graph.Stated {
		label += "\n(" + string(st)
		if by := attributedTo(r); by != "" {
			label += ": " + by
		}
		label += ")"
	}
	return label
}

func firstDate(r graph.Relation) string {
	var dates []string
	for _, e := range r.Evidence {
		if e.Date != "" {
			dates = append(dates, e.Date)
		}
	}
	if len(dates) == 0 {
		return ""
	}
	return slices.Min(dates)
}

// attributedTo names who the evidence attributes the claim to, in order of first appearance.
func attributedTo(r graph.Relation) string {
	var who []string
	for _, e := range r.Evidence {
		if e.AttributedTo != "" && !slices.Contains(who, e.AttributedTo) {
			who = append(who, e.AttributedTo)
		}
	}
	return strings.Join(who, ", ")
}

func edgeTooltip(s *snap, r graph.Relation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", nameOf(s, r.Subject), r.Predicate, nameOf(s, r.Object))
	if st := r.Status(); st != graph.Stated {
		fmt.Fprintf(&b, " [%s]", st)
	}
	for _, k := range sortedKeys(r.Attrs) {
		fmt.Fprintf(&b, "\n%s: %s", k, r.Attrs[k])
	}
	for i, e := range r.Evidence {
		if i == tooltipRecords {
			fmt.Fprintf(&b, "\n(+%d more)", len(r.Evidence)-i)
			break
		}
		fmt.Fprintf(&b, "\n\u201c%s\u201d", truncate(e.Sentence, sentenceRunes))
		var src []string
		if st := status(e); st != graph.Stated {
			src = append(src, string(st))
		}
		if e.AttributedTo != "" {
			src = append(src, "attributed to "+e.AttributedTo)
		}
		if d := docName(s, e.Doc); d != "" {
			src = append(src, d)
		}
		if e.Date != "" {
			src = append(src, e.Date)
		}
		if len(src) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(src, "; "))
		}
	}
	return b.String()
}

func nameOf(s *snap, id graph.ID) string {
	if e := s.entity(id); e.Name != "" {
		return e.Name
	}
	return string(id)
}

// docName is a document's title, else its source, else a short id.
func docName(s *snap, id graph.DocID) string {
	if d, ok := s.docByID[id]; ok {
		if d.Title != "" {
			return d.Title
		}
		if d.Source != "" {
			return d.Source
		}
	}
	return truncate(string(id), 12)
}

// diagramTitle is opts.Title, or one naming the focus and the sources.
func diagramTitle(s *snap, opts Options) string {
	if opts.Title != "" {
		return opts.Title
	}
	var parts []string
	if len(opts.Focus) > 0 {
		var names []string
		for _, id := range opts.Focus {
			names = append(names, nameOf(s, id))
		}
		parts = append(parts, "Focus: "+listSome(names, 4))
	} else {
		parts = append(parts, fmt.Sprintf("%d entities, %d relations", len(s.entities), len(s.relations)))
	}
	if src := sourceNames(s); len(src) > 0 {
		parts = append(parts, "Sources: "+listSome(src, 3))
	}
	return strings.Join(parts, "\n")
}

// sourceNames names the documents the relations cite, or every document
// when none is cited, in document id order.
func sourceNames(s *snap) []string {
	cited := map[graph.DocID]bool{}
	for _, r := range s.relations {
		for _, e := range r.Evidence {
			cited[e.Doc] = true
		}
	}
	var ids []graph.DocID
	for _, d := range s.docs {
		if len(cited) == 0 || cited[d.ID] {
			ids = append(ids, d.ID)
		}
	}
	for id := range cited {
		if _, ok := s.docByID[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		names = append(names, docName(s, id))
	}
	return names
}

func listSome(items []string, max int) string {
	if len(items) <= max {
		return strings.Join(items, "; ")
	}
	return fmt.Sprintf("%s; and %d more", strings.Join(items[:max], "; "), len(items)-max)
}

func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "\u2026"
}

// writeLegend draws a cluster with one node per entity type present and one
// short edge per line style and colour in use.
func writeLegend(b *bytes.Buffer, s *snap) {
	if len(s.entities) == 0 && len(s.relations) == 0 {
		return
	}
	p := legendPrefix(s)
	b.WriteString("\tsubgraph cluster_legend {\n")
	b.WriteString("\t\tgraph [label=\"Legend\", fontsize=11, style=rounded, color=\"#999999\", tooltip=\"Legend\"];\n")
	types, kinds, colors := legendContent(s)
	for _, t := range graph.Types {
		if types[t] {
			st := styleOf(t)
			fmt.Fprintf(b, "\t\t%s [label=%s, shape=%s, fillcolor=%q, fontsize=9, tooltip=%s];\n",
				dotQuote(p+string(t)), dotQuote(string(t)), st.shape, st.fill, dotQuote("entity type: "+string(t)))
		}
	}
	type swatch struct{ name, label, style, color string }
	var sw []swatch
	for k := lineStated; k <= lineDenied; k++ {
		if kinds[k] {
			lk := lineKinds[k]
			sw = append(sw, swatch{fmt.Sprint("line", int(k)), lk.label, lk.style, lk.color})
		}
	}
	for i, c := range legendColors {
		if colors[c.color] {
			sw = append(sw, swatch{fmt.Sprint("color", i), c.label, "solid", c.color})
		}
	}
	for _, w := range sw {
		a, z := dotQuote(p+w.name+"-a"), dotQuote(p+w.name+"-z")
		fmt.Fprintf(b, "\t\t%s [shape=point, width=0.05, label=\"\", tooltip=%s];\n", a, dotQuote(w.label))
		fmt.Fprintf(b, "\t\t%s [shape=point, width=0.05, label=\"\", tooltip=%s];\n", z, dotQuote(w.label))
		fmt.Fprintf(b, "\t\t%s -> %s [label=%s, style=%s, color=%q, fontcolor=%q, dir=none, tooltip=%s];\n",
			a, z, dotQuote(w.label), w.style, w.color, w.color, dotQuote(w.label))
	}
	b.WriteString("\t}\n")
}

// writeLegendTable draws the legend as one node holding a table, for the
// force-directed engines, which ignore clusters and would scatter the
// swatches of writeLegend across the drawing. Its text is kg's own, never
// data, so the HTML-like label needs no escaping.
func writeLegendTable(b *bytes.Buffer, s *snap) {
	if len(s.entities) == 0 && len(s.relations) == 0 {
		return
	}
	types, kinds, colors := legendContent(s)
	var rows []string
	for _, t := range graph.Types {
		if types[t] {
			st := styleOf(t)
			rows = append(rows, fmt.Sprintf(`<TR><TD BGCOLOR="%s">%s (%s)</TD></TR>`, st.fill, t, st.shape))
		}
	}
	for k := lineStated; k <= lineDenied; k++ {
		if kinds[k] {
			lk := lineKinds[k]
			rows = append(rows, fmt.Sprintf(`<TR><TD><FONT COLOR="%s">%s line: %s</FONT></TD></TR>`, lk.color, lk.style, lk.label))
		}
	}
	for _, c := range legendColors {
		if colors[c.color] {
			rows = append(rows, fmt.Sprintf(`<TR><TD><FONT COLOR="%s">%s</FONT></TD></TR>`, c.color, c.label))
		}
	}
	b.WriteString("\tsubgraph cluster_legend {\n")
	fmt.Fprintf(b, "\t\t%s [shape=plaintext, style=\"\", fontsize=9, tooltip=\"Legend\", label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\"><TR><TD><B>Legend</B></TD></TR>%s</TABLE>>];\n",
		dotQuote(legendPrefix(s)+"table"), strings.Join(rows, ""))
	b.WriteString("\t}\n")
}

var legendColors = []struct{ color, label string }{
	{okVermilion, "defected-from"}, {okPurple, "accused, accused-of, convicted-of"}, {okBlue, "family-of"},
}

// legendContent lists the entity types, line kinds and predicate colours s uses.
func legendContent(s *snap) (map[graph.Type]bool, map[lineKind]bool, map[string]bool) {
	types := map[graph.Type]bool{}
	for _, e := range s.entities {
		types[e.Type] = true
	}
	kinds := map[lineKind]bool{}
	colors := map[string]bool{}
	for _, r := range s.relations {
		kinds[lineOf(r)] = true
		if c := predicateColor(r.Predicate); c != "" && lineOf(r) != lineDenied {
			colors[c] = true
		}
	}
	return types, kinds, colors
}

// legendPrefix returns a node-name prefix no entity id starts with.
func legendPrefix(s *snap) string {
	p := "legend:"
	for {
		clash := false
		for _, e := range s.entities {
			if strings.HasPrefix(string(e.ID), p) {
				clash = true
				break
			}
		}
		if !clash {
			return p
		}
		p = "_" + p
	}
}

// dotQuote returns s as a DOT quoted string for an escString attribute
// (label, tooltip): quotes and backslashes escaped, newlines as \n, '&'
// as an entity so Graphviz does not read names as HTML entities, control
// and bidirectional-override characters dropped so that no name can break
// the syntax or reorder the text around it.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case unsafeRune(r):
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// unsafeRune reports control characters, invalid UTF-8, and the explicit
// bidirectional embedding, override and isolate controls, none of which
// belongs in a drawn label. (Arabic and Hebrew text needs none of them.)
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == utf8.RuneError ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0xFEFF
}
