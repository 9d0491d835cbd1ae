package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/query"
)

type exportOptions struct {
	root        *rootOptions
	format      string
	output      string
	focus       []string
	depth       int
	predicates  []string
	types       []string
	minEvidence int
	limit       int
	layout      string
	title       string
	stdout      io.Writer
	stdoutTTY   bool
}

func init() { register(newExportCmd) }

func newExportCmd(ro *rootOptions) *cobra.Command {
	opts := &exportOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "export --format FORMAT [-o PATH]",
		Short: "Write the graph as JSON, a diagram (DOT, SVG, PNG, PDF) or for other tools",
		Long: `Write the graph, or a selection of it, in one of these formats:

  json      entities, relations and their evidence (kg's own contract)
  dot       Graphviz source       svg, png, pdf   the rendered diagram
  graphml   yEd, Gephi, networkx  gexf            Gephi
  csv       nodes.csv and edges.csv for neo4j-admin import, in the folder -o names
  cypher    MERGE statements for Neo4j           nquads   RDF N-Quads

Text formats go to standard output unless -o is given; png and pdf need -o.
Diagrams are rendered in-process: no Graphviz installation is needed. Select
what to draw with --focus/--depth, --predicate, --type, --min-evidence, --limit.`,
		Example: `  kg export --format svg -o network.svg
  kg export --format svg --focus "Gaddafi regime" --depth 2 -o regime.svg
  kg export --format json -o graph.json
  kg export --format csv -o neo4j-import/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !validFormat(opts.format) {
				return fmt.Errorf("unknown format %q: choose one of %s", opts.format, strings.Join(exports.Formats, ", "))
			}
			if opts.format == "csv" && opts.output == "" {
				return errors.New("csv writes nodes.csv and edges.csv: name their folder with -o DIR")
			}
			opts.stdout = cmd.OutOrStdout()
			if f, ok := opts.stdout.(*os.File); ok {
				if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
					opts.stdoutTTY = true
				}
			}
			if exports.IsBinary(opts.format) && opts.output == "" && opts.stdoutTTY {
				return fmt.Errorf("%s is binary: write it to a file with -o FILE.%s", opts.format, opts.format)
			}
			for _, p := range opts.predicates {
				if !graph.Predicate(p).Valid() {
					return fmt.Errorf("unknown predicate %q: choose from %s", p, predicateList())
				}
			}
			for _, t := range opts.types {
				if !graph.Type(t).Valid() {
					return fmt.Errorf("unknown type %q: choose from person, organization, place, event", t)
				}
			}
			return runExport(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.format, "format", "f", "json", "output format: "+strings.Join(exports.Formats, "|"))
	f.StringVarP(&opts.output, "output", "o", "", "file to write (a folder for csv); default standard output")
	f.StringSliceVar(&opts.focus, "focus", nil, "only the neighbourhood of these entities (names or ids; repeat or comma-separate)")
	f.IntVar(&opts.depth, "depth", 2, "with --focus: how many hops around the focus")
	f.StringSliceVar(&opts.predicates, "predicate", nil, "only relations with these predicates")
	f.StringSliceVar(&opts.types, "type", nil, "only entities of these types (person, organization, place, event)")
	f.IntVar(&opts.minEvidence, "min-evidence", 0, "only relations stated by at least N sentences")
	f.IntVar(&opts.limit, "limit", 0, "keep only the N most connected entities (0: all)")
	f.StringVar(&opts.layout, "layout", "", "diagram layout: dot, neato, fdp, sfdp, circo, twopi (default: chosen by size)")
	f.StringVar(&opts.title, "title", "", "diagram title (default names the focus and the sources)")
	return cmd
}

func validFormat(f string) bool {
	for _, x := range exports.Formats {
		if f == x {
			return true
		}
	}
	return false
}

func predicateList() string {
	names := make([]string, len(graph.Predicates))
	for i, p := range graph.Predicates {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}

func runExport(opts *exportOptions) error {
	s, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer s.Close()
	g, err := graph.Load(s)
	if err != nil {
		return fmt.Errorf("read graph: %w", err)
	}
	sel := exports.Selection{Depth: opts.depth, MinEvidence: opts.minEvidence, Limit: opts.limit}
	for _, name := range opts.focus {
		e, err := query.Lookup(g, name)
		if err != nil {
			return err
		}
		sel.Focus = append(sel.Focus, e.ID)
	}
	for _, p := range opts.predicates {
		sel.Predicates = append(sel.Predicates, graph.Predicate(p))
	}
	for _, t := range opts.types {
		sel.Types = append(sel.Types, graph.Type(t))
	}
	g, err = exports.Select(g, sel)
	if err != nil {
		return err
	}
	eo := exports.Options{Title: opts.title, Layout: opts.layout, Focus: sel.Focus}

	if opts.format == "csv" {
		return exports.WriteCSV(opts.output, g)
	}
	if opts.output == "" {
		return exports.Write(opts.stdout, opts.format, g, eo)
	}
	return writeFileAtomic(opts.output, func(w io.Writer) error {
		return exports.Write(w, opts.format, g, eo)
	})
}

// writeFileAtomic writes through a temporary file in the same folder and
// renames it into place, so a failed export never leaves half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
