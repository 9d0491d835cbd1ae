package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/query"
)

type pathOptions struct {
	root       *rootOptions
	from, to   string
	maxHops    int
	predicates []string
	limit      int
	why        bool
	unasserted bool
	format     string
	stdout     io.Writer
}

func init() { register(newPathCmd) }

func newPathCmd(ro *rootOptions) *cobra.Command {
	opts := &pathOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Show how two entities are connected: every shortest chain of relations",
		Long: `Find the shortest chains of relations between two entities, following relations
in either direction, and list them all (up to --limit). --predicate keeps the
search to some predicates; --why prints each relation's evidence.

Names are resolved as in kg show; quote names of several words.`,
		Example: `  kg path Senussi Koussa
  kg path "Abdullah Senussi" "Moussa Koussa" --max-hops 3 --why
  kg path Koussa Lockerbie --predicate accused-of,member-of,advised`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.maxHops < 1 {
				return fmt.Errorf("--max-hops must be at least 1")
			}
			if _, err := parsePredicates(opts.predicates); err != nil {
				return err
			}
			opts.from, opts.to = args[0], args[1]
			opts.stdout = cmd.OutOrStdout()
			return runPath(opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.maxHops, "max-hops", 6, "longest chain to look for")
	f.StringSliceVar(&opts.predicates, "predicate", nil, "follow only these predicates (repeat or comma-separate)")
	f.IntVar(&opts.limit, "limit", 20, "list at most N paths (0: all)")
	f.BoolVar(&opts.why, "why", false, "show the evidence sentences of each relation")
	f.BoolVar(&opts.unasserted, "unasserted", false, "also follow relations the text denies or only speculates about")
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runPath(opts *pathOptions) error {
	preds, err := parsePredicates(opts.predicates)
	if err != nil {
		return err
	}
	s, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := query.Lookup(s, opts.from)
	if err != nil {
		return err
	}
	b, err := query.Lookup(s, opts.to)
	if err != nil {
		return err
	}
	paths, err := query.Connect(s, a.ID, b.ID, opts.maxHops, preds, opts.limit, opts.unasserted)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, struct {
			From  string       `json:"from"`
			To    string       `json:"to"`
			Paths []query.Path `json:"paths"`
		}{string(a.ID), string(b.ID), paths})
	}
	if len(paths) == 0 {
		_, err := fmt.Fprintf(opts.stdout, "%s and %s are not connected within %d hops\n", a.Name, b.Name, opts.maxHops)
		return err
	}
	return query.WritePaths(opts.stdout, paths, opts.why)
}
