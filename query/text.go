package query

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// printer writes formatted text and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// pad left-aligns s in a column of width runes.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// shortDoc shortens a document id (a hex hash) for reading.
func shortDoc(d graph.DocID) string {
	if len(d) > 12 {
		return string(d[:12])
	}
	return string(d)
}

// writeEvidence writes each record as an indented quoted sentence with its
// document and, where known, who the text attributes it to, its status and date.
func writeEvidence(p *printer, ev []graph.Evidence, indent string) {
	for _, e := range ev {
		var notes []string
		if e.Doc != "" {
			notes = append(notes, "doc "+shortDoc(e.Doc))
		}
		if e.AttributedTo != "" {
			notes = append(notes, "according to "+e.AttributedTo)
		}
		if e.Status != "" && e.Status != graph.Stated {
			notes = append(notes, string(e.Status))
		}
		if e.Date != "" {
			notes = append(notes, e.Date)
		}
		s := strings.Join(strings.Fields(e.Sentence), " ")
		if s == "" {
			s = "(no sentence recorded)"
		} else {
			s = "\u201c" + s + "\u201d"
		}
		if len(notes) > 0 {
			s += "  [" + strings.Join(notes, ", ") + "]"
		}
		p.f("%s%s\n", indent, s)
	}
}

// WriteResult writes a question's result for a terminal: how the question
// was read, then the answers in aligned columns (name, type, predicate,
// number of sentences) or the paths. With why, each answer is followed by
// its evidence sentences.
func WriteResult(w io.Writer, r Result, why bool) error {
	p := &printer{w: w}
	p.f("%s\n  read as: %s\n\n", r.Question, r.Interpretation)
	if r.Paths != nil { // a connection question, even when no path was found
		if err := WritePaths(w, r.Paths, why); err != nil {
			return err
		}
		return p.err
	}
	if len(r.Answers) == 0 {
		p.f("no answers\n")
		return p.err
	}
	nameW, typeW, predW := 0, 0, 0
	for _, a := range r.Answers {
		nameW = max(nameW, utf8.RuneCountInString(a.Name))
		typeW = max(typeW, len(a.Type))
		predW = max(predW, len(a.Predicate))
	}
	for _, a := range r.Answers {
		p.f("%s  %s  %s  %s\n", pad(a.Name, nameW), pad(string(a.Type), typeW), pad(string(a.Predicate), predW), plural(len(a.Evidence), "sentence", "sentences"))
		if why {
			writeEvidence(p, a.Evidence, "    ")
		}
	}
	return p.err
}

// stepLine reads a step from the entity at: "Koussa --advised--> Gaddafi"
// along the stored direction, "Koussa <--advised-- Senussi" against it. It
// returns the entity reached.
func stepLine(s Step, at graph.ID) (string, graph.ID) {
	if s.Subject == at || s.Predicate.Symmetric() && s.Object != at {
		return fmt.Sprintf("--%s--> %s", s.Predicate, s.ObjectName), s.Object
	}
	return fmt.Sprintf("<--%s-- %s", s.Predicate, s.SubjectName), s.Subject
}

// WritePaths writes each path on a line, "A --advised--> B <--member-of-- C",
// numbered; with why, each step's evidence follows the path.
func WritePaths(w io.Writer, paths []Path, why bool) error {
	p := &printer{w: w}
	if len(paths) == 0 {
		p.f("no connection found\n")
		return p.err
	}
	for i, path := range paths {
		start := string(path.From)
		if len(path.Steps) > 0 {
			if path.Steps[0].Subject == path.From {
				start = path.Steps[0].SubjectName
			} else {
				start = path.Steps[0].ObjectName
			}
		}
		parts := []string{start}
		at := path.From
		for _, s := range path.Steps {
			var line string
			line, at = stepLine(s, at)
			parts = append(parts, line)
		}
		p.f("%d. %s  (%s)\n", i+1, strings.Join(parts, " "), plural(len(path.Steps), "hop", "hops"))
		if why {
			for _, s := range path.Steps {
				p.f("   %s %s %s\n", s.SubjectName, s.Predicate, s.ObjectName)
				writeEvidence(p, s.Evidence, "     ")
			}
		}
	}
	return p.err
}

// WriteNeighbors writes one neighbour a line: depth, name, type and the
// relation that reached it.
func WriteNeighbors(w io.Writer, ns []Neighbor, why bool) error {
	p := &printer{w: w}
	if len(ns) == 0 {
		p.f("no neighbours\n")
		return p.err
	}
	nameW, typeW := 0, 0
	for _, n := range ns {
		nameW = max(nameW, utf8.RuneCountInString(n.Name))
		typeW = max(typeW, len(n.Type))
	}
	for _, n := range ns {
		p.f("%d  %s  %s  via %s %s %s\n", n.Depth, pad(n.Name, nameW), pad(string(n.Type), typeW), n.Via.SubjectName, n.Via.Predicate, n.Via.ObjectName)
		if why {
			writeEvidence(p, n.Via.Evidence, "     ")
		}
	}
	return p.err
}

// WriteCard writes an entity's card: name, id, type, aliases, attributes,
// then its relations grouped by predicate, each with the other entity and
// its evidence sentences, then its documents.
func WriteCard(w io.Writer, c EntityCard) error {
	p := &printer{w: w}
	p.f("%s  (%s, %s)\n", c.Name, c.ID, c.Type)
	if len(c.Aliases) > 0 {
		p.f("  also: %s\n", strings.Join(c.Aliases, "; "))
	}
	keys := make([]string, 0, len(c.Attrs))
	for k := range c.Attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p.f("  %s: %s\n", k, c.Attrs[k])
	}
	if c.Mentions > 0 {
		p.f("  mentions: %d\n", c.Mentions)
	}
	if len(c.Relations) == 0 {
		p.f("\nno relations\n")
	}
	for _, g := range c.Relations {
		p.f("\n%s\n", g.Label)
		nameW := 0
		for _, it := range g.Items {
			nameW = max(nameW, utf8.RuneCountInString(it.Name))
		}
		for _, it := range g.Items {
			var notes []string
			if it.Type != "" {
				notes = append(notes, string(it.Type))
			}
			if it.Status != graph.Stated {
				notes = append(notes, string(it.Status))
			}
			ak := make([]string, 0, len(it.Attrs))
			for k := range it.Attrs {
				ak = append(ak, k)
			}
			sort.Strings(ak)
			for _, k := range ak {
				notes = append(notes, k+": "+it.Attrs[k])
			}
			p.f("  %s  %s\n", pad(it.Name, nameW), strings.Join(notes, ", "))
			writeEvidence(p, it.Evidence, "      ")
		}
	}
	if len(c.Documents) > 0 {
		p.f("\ndocuments\n")
		for _, d := range c.Documents {
			var parts []string
			for _, x := range []string{d.Title, d.Date, d.Source} {
				if x != "" {
					parts = append(parts, x)
				}
			}
			desc := strings.Join(parts, "  ")
			p.f("  %s  %s\n", shortDoc(d.ID), desc)
		}
	}
	return p.err
}

// WriteEntities writes one entity a line: id, name, type and mentions, aligned.
func WriteEntities(w io.Writer, es []graph.Entity) error {
	p := &printer{w: w}
	idW, nameW, typeW := 0, 0, 0
	for _, e := range es {
		idW = max(idW, utf8.RuneCountInString(string(e.ID)))
		nameW = max(nameW, utf8.RuneCountInString(e.Name))
		typeW = max(typeW, len(e.Type))
	}
	for _, e := range es {
		p.f("%s  %s  %s  %d\n", pad(string(e.ID), idW), pad(e.Name, nameW), pad(string(e.Type), typeW), e.Mentions)
	}
	return p.err
}

// WriteStats writes the counts, then entities by type and relations by
// predicate in vocabulary order.
func WriteStats(w io.Writer, s Stats) error {
	p := &printer{w: w}
	p.f("documents  %d\nentities   %d\nrelations  %d  (%d not asserted)\nevidence   %d\n", s.Documents, s.Entities, s.Relations, s.Unasserted, s.Evidence)
	if len(s.ByType) > 0 {
		p.f("\nentities by type\n")
		for _, t := range graph.Types {
			if n := s.ByType[t]; n > 0 {
				p.f("  %s  %d\n", pad(string(t), 13), n)
			}
		}
		var other []string
		for t := range s.ByType {
			if !t.Valid() {
				other = append(other, string(t))
			}
		}
		sort.Strings(other)
		for _, t := range other {
			p.f("  %s  %d\n", pad(t, 13), s.ByType[graph.Type(t)])
		}
	}
	if len(s.ByPredicate) > 0 {
		p.f("\nrelations by predicate\n")
		for _, pr := range graph.Predicates {
			if n := s.ByPredicate[pr]; n > 0 {
				p.f("  %s  %d\n", pad(string(pr), 13), n)
			}
		}
	}
	return p.err
}
