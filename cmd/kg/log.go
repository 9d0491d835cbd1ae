package main

import (
	"fmt"
	"io"
	"iter"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type logOptions struct {
	root   *rootOptions
	kinds  []string
	active bool
	format string
	stdout io.Writer
}

type undoOptions struct {
	root   *rootOptions
	seqs   []uint64
	format string
	stdout io.Writer
}

func init() { register(newLogCmd) }

func newLogCmd(ro *rootOptions) *cobra.Command {
	opts := &logOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "log [--format json]",
		Short: "List the analyst's decisions, with dates; undo one with kg log undo N",
		Long: `List the decision log: every merge, split, alias, rename, retype, added or
rejected relation, distinct pair, forgotten document and import, numbered, with
its date and note. Undone decisions are listed, marked undone. Decisions hold
for articles ingested later until they are undone.`,
		Example: `  kg log
  kg log --kind merge --active
  kg log --format json
  kg log undo 7`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			for _, k := range opts.kinds {
				if !graph.DecisionKind(k).Valid() {
					return fmt.Errorf("unknown decision kind %q: choose from %v", k, graph.DecisionKinds)
				}
			}
			opts.stdout = cmd.OutOrStdout()
			return runLog(opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.kinds, "kind", nil, "only decisions of these kinds (merge, distinct, alias-add, alias-rm, rename, retype, add-entity, add-relation, reject-relation, forget, import)")
	f.BoolVar(&opts.active, "active", false, "leave out undone decisions")
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	cmd.AddCommand(newUndoCmd(ro))
	return cmd
}

func runLog(opts *logOptions) error {
	// Listing needs only the log, which every backend keeps (Dgraph too,
	// after kg copy); undoing needs the whole curator.
	db, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer db.Close()
	c, ok := db.(interface {
		Decisions() iter.Seq2[graph.Decision, error]
	})
	if !ok {
		return fmt.Errorf("the database at %s keeps no decision log", opts.root.DB)
	}
	var ds []graph.Decision
	for d, err := range c.Decisions() {
		if err != nil {
			return err
		}
		if opts.active && d.Undone {
			continue
		}
		if len(opts.kinds) > 0 && !containsString(opts.kinds, string(d.Kind)) {
			continue
		}
		ds = append(ds, d)
	}
	if len(ds) == 0 && opts.format == "text" {
		_, err := fmt.Fprintln(opts.stdout, "no decisions")
		return err
	}
	return writeDecisions(opts.stdout, opts.format, ds)
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func newUndoCmd(ro *rootOptions) *cobra.Command {
	opts := &undoOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "undo N...",
		Short: "Undo decisions by their numbers in kg log",
		Long: `Undo decisions: a merge is split, an alias, name or type restored, an added
relation or entity removed, a rejected relation restored with its evidence, a
distinct pair may be proposed and merged again. The decision stays in the log,
marked undone. Forgets and imports are records, not judgements: ingest or
forget the documents instead.`,
		Example: `  kg log undo 7
  kg log undo 7 8 --format json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.seqs = nil
			for _, a := range args {
				n, err := strconv.ParseUint(a, 10, 64)
				if err != nil || n == 0 {
					return fmt.Errorf("%q is not a decision number: kg log lists them", a)
				}
				opts.seqs = append(opts.seqs, n)
			}
			opts.stdout = cmd.OutOrStdout()
			return runUndo(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runUndo(opts *undoOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	var done []graph.Decision
	for _, n := range opts.seqs {
		d, err := c.Undo(n)
		if err != nil {
			_ = writeDecisions(opts.stdout, opts.format, done)
			return err
		}
		done = append(done, d)
	}
	return writeDecisions(opts.stdout, opts.format, done)
}
