package main

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
	"github.com/kgraph/kg/store/dgraph"
)

type copyOptions struct {
	root   *rootOptions
	from   string
	to     string
	format string
	stdout io.Writer
	stderr io.Writer
	// every is how many items pass between progress lines.
	every int
}

// copySource is what kg copy reads: the whole graph, its documents, the
// decision log and the redirects of merged-away ids. Both backends
// provide it.
type copySource interface {
	graph.Lister
	graph.DocumentReader
	Decisions() iter.Seq2[graph.Decision, error]
	Redirects() iter.Seq2[store.Redirect, error]
	Stats() (store.Stats, error)
	Close() error
}

// copyTarget is what kg copy writes: a bulk load of the graph into an
// empty database, then documents, decisions and redirects as they are.
type copyTarget interface {
	copySource
	Import(entities iter.Seq[graph.Entity], relations iter.Seq[graph.Relation]) (store.ImportResult, error)
	Restore(documents iter.Seq2[graph.Document, error], decisions []graph.Decision, redirects []store.Redirect) (store.RestoreResult, error)
}

var (
	_ copyTarget = (*store.Store)(nil)
	_ copyTarget = (*dgraph.Store)(nil)
)

// copyResult is what kg copy --format json prints.
type copyResult struct {
	From      string  `json:"from"`
	To        string  `json:"to"`
	Entities  int     `json:"entities"`
	Relations int     `json:"relations"`
	Evidence  int     `json:"evidence"`
	Documents int     `json:"documents"`
	Decisions int     `json:"decisions"`
	Redirects int     `json:"redirects"`
	Seconds   float64 `json:"seconds"`
}

func init() { register(newCopyCmd) }

func newCopyCmd(ro *rootOptions) *cobra.Command {
	opts := &copyOptions{root: ro, every: 10_000}
	cmd := &cobra.Command{
		Use:   "copy --from SRC --to DST",
		Short: "Copy a whole database to another, Badger or Dgraph, with evidence and decisions",
		Long: `Copy a whole kg database into an empty one: entities (names, aliases, attributes,
mention counts, documents), relations with all their evidence, the documents with
their text (an article ingested into the copy again is skipped), and the curation
decision log with its effects (an id merged away still leads to the entity it was
merged into). SRC and DST are each a database directory or dgraph://HOST:PORT, in
either direction; SRC defaults to --db.

The destination must be empty: a new directory, or a Dgraph cluster without a kg
graph. kg copy refuses anything else rather than combine two decision logs, whose
numbers the evidence and undo refer to. To add one graph to another, export it
(kg export --format json) and kg import it.

Writes go in bulk: Badger's sorted-table writer, or Dgraph transactions of a few
thousand N-Quads. Progress goes to stderr, then a summary line.`,
		Example: `  kg copy --from kg.db --to dgraph://127.0.0.1:9080
  kg copy --from dgraph://127.0.0.1:9080 --to backup.db
  kg --db kg.db copy --to copy.db --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.from == "" {
				opts.from = ro.DB
			}
			if opts.to == "" {
				return fmt.Errorf("kg copy needs --to: a new database directory or dgraph://HOST:PORT")
			}
			if sameDatabase(opts.from, opts.to) {
				return fmt.Errorf("--from and --to are the same database (%s)", opts.to)
			}
			opts.stdout, opts.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runCopy(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.from, "from", "", "the database to copy: a directory or dgraph://HOST:PORT (default: --db)")
	f.StringVar(&opts.to, "to", "", "the empty database to copy into: a new directory or dgraph://HOST:PORT")
	f.StringVar(&opts.format, "format", "text", "summary format: text (on stderr) or json (on stdout)")
	return cmd
}

// sameDatabase reports whether two --db values name one database.
func sameDatabase(a, b string) bool {
	if strings.HasPrefix(a, "dgraph://") || strings.HasPrefix(b, "dgraph://") {
		return a == b
	}
	pa, err1 := filepath.Abs(a)
	pb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && pa == pb
}

// openCopySource opens SRC for reading; it must exist.
func openCopySource(db string) (copySource, error) {
	if addr, ok := strings.CutPrefix(db, "dgraph://"); ok {
		s, err := dgraph.Open(addr)
		if err != nil {
			return nil, fmt.Errorf("open source %s: %w", db, err)
		}
		return s, nil
	}
	if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no database at %s to copy from", db)
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openCopyTarget opens (or creates) DST and checks that it is empty.
func openCopyTarget(db string) (copyTarget, error) {
	var t copyTarget
	if addr, ok := strings.CutPrefix(db, "dgraph://"); ok {
		s, err := dgraph.Open(addr)
		if err != nil {
			return nil, fmt.Errorf("open destination %s: %w", db, err)
		}
		t = s
	} else {
		s, err := store.Open(db, store.Options{})
		if err != nil {
			return nil, err
		}
		t = s
	}
	if err := checkEmptyTarget(t, db); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// checkEmptyTarget refuses a destination holding a graph, documents,
// decisions or redirects, saying what it holds.
func checkEmptyTarget(t copySource, db string) error {
	st, err := t.Stats()
	if err != nil {
		return fmt.Errorf("check destination %s: %w", db, err)
	}
	decisions, redirects := 0, 0
	for _, err := range t.Decisions() {
		if err != nil {
			return fmt.Errorf("check destination %s: %w", db, err)
		}
		decisions++
	}
	for _, err := range t.Redirects() {
		if err != nil {
			return fmt.Errorf("check destination %s: %w", db, err)
		}
		redirects++
	}
	if st.Entities+st.Relations+st.Documents+decisions+redirects == 0 {
		return nil
	}
	return fmt.Errorf("destination %s is not empty (%d entities, %d relations, %d documents, %d decisions): %w; kg copy writes only into an empty database: choose a new directory or an empty cluster, or add a graph to another with kg export --format json and kg import",
		db, st.Entities, st.Relations, st.Documents, decisions, store.ErrNotEmpty)
}

func runCopy(opts *copyOptions) error {
	start := time.Now()
	src, err := openCopySource(opts.from)
	if err != nil {
		return err
	}
	defer src.Close()
	// Decisions and redirects are few (an analyst's judgements); read
	// them first, so that a bad log fails before anything is written.
	var decisions []graph.Decision
	for d, err := range src.Decisions() {
		if err != nil {
			return fmt.Errorf("read decisions of %s: %w", opts.from, err)
		}
		decisions = append(decisions, d)
	}
	var redirects []store.Redirect
	for r, err := range src.Redirects() {
		if err != nil {
			return fmt.Errorf("read redirects of %s: %w", opts.from, err)
		}
		redirects = append(redirects, r)
	}
	dst, err := openCopyTarget(opts.to)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			dst.Close()
		}
	}()
	fail := func(what string, err error) error {
		return fmt.Errorf("copy %s from %s to %s: %w; the destination holds part of the graph: remove it (or empty the cluster) before copying again", what, opts.from, opts.to, err)
	}

	p := &copyProgress{w: opts.stderr, every: opts.every}
	var readErr error
	imp, err := dst.Import(
		drain(src.Entities(), &readErr, p.counter("entities")),
		drain(src.Relations(), &readErr, p.counter("relations")),
	)
	if err == nil {
		err = readErr
	}
	if err != nil {
		return fail("the graph", err)
	}
	rest, err := dst.Restore(counted(src.Documents(), p.counter("documents")), decisions, redirects)
	if err != nil {
		return fail("documents and decisions", err)
	}
	closed = true
	if err := dst.Close(); err != nil {
		return fail("the graph", err)
	}
	res := copyResult{
		From: opts.from, To: opts.to, Entities: imp.Entities, Relations: imp.Relations, Evidence: imp.Evidence,
		Documents: rest.Documents, Decisions: rest.Decisions, Redirects: rest.Redirects,
		Seconds: time.Since(start).Seconds(),
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, res)
	}
	_, err = fmt.Fprintf(opts.stderr, "copied %d entities, %d relations (%d evidence records), %d documents, %d decisions, %d redirects from %s to %s in %.1fs\n",
		res.Entities, res.Relations, res.Evidence, res.Documents, res.Decisions, res.Redirects, res.From, res.To, res.Seconds)
	return err
}

// drain turns a sequence with errors into one without for a bulk writer:
// it stops at the first error and keeps it in *errp, and counts each item.
func drain[T any](seq iter.Seq2[T, error], errp *error, count func()) iter.Seq[T] {
	return func(yield func(T) bool) {
		for x, err := range seq {
			if err != nil {
				if *errp == nil {
					*errp = err
				}
				return
			}
			count()
			if !yield(x) {
				return
			}
		}
	}
}

// counted counts each item of seq as it passes.
func counted[T any](seq iter.Seq2[T, error], count func()) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for x, err := range seq {
			if err == nil {
				count()
			}
			if !yield(x, err) {
				return
			}
		}
	}
}

// copyProgress writes a line to stderr every so many items of a kind.
type copyProgress struct {
	w     io.Writer
	every int
	start time.Time
}

func (p *copyProgress) counter(kind string) func() {
	if p.start.IsZero() {
		p.start = time.Now()
	}
	n := 0
	return func() {
		n++
		if p.every > 0 && n%p.every == 0 {
			fmt.Fprintf(p.w, "copy: %d %s read (%.0fs)\n", n, kind, time.Since(p.start).Seconds())
		}
	}
}
