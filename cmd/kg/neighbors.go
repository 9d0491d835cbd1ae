package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/query"
)

type neighborsOptions struct {
	root       *rootOptions
	name       string
	depth      int
	predicates []string
	types      []string
	why        bool
	unasserted bool
	format     string
	stdout     io.Writer
}

func init() { register(newNeighborsCmd) }

func newNeighborsCmd(ro *rootOptions) *cobra.Command {
	opts := &neighborsOptions{root: ro}
	cmd := &cobra.Command{
		Use:     "neighbors NAME",
		Aliases: []string{"neighbours"},
		Short:   "List the entities within N relations of one entity",
		Long: `List the entities within --depth relations of an entity, nearest first, each with
the relation that reached it. Relations are followed in both directions;
--predicate limits which, --type limits which entities are listed (the search
still passes through the others).`,
		Example: `  kg neighbors Koussa
  kg neighbors "Gaddafi regime" --depth 2 --type person
  kg neighbors Gaddafi --predicate advised,family-of --why`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.depth < 1 {
				return fmt.Errorf("--depth must be at least 1")
			}
			if _, err := parsePredicates(opts.predicates); err != nil {
				return err
			}
			if _, err := parseTypes(opts.types); err != nil {
				return err
			}
			opts.name = strings.Join(args, " ")
			opts.stdout = cmd.OutOrStdout()
			return runNeighbors(opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.depth, "depth", 1, "how many relations away")
	f.StringSliceVar(&opts.predicates, "predicate", nil, "follow only these predicates (repeat or comma-separate)")
	f.StringSliceVar(&opts.types, "type", nil, "list only entities of these types: person, organization, place, event")
	f.BoolVar(&opts.why, "why", false, "show the evidence sentences of each relation")
	f.BoolVar(&opts.unasserted, "unasserted", false, "also follow relations the text denies or only speculates about")
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runNeighbors(opts *neighborsOptions) error {
	preds, err := parsePredicates(opts.predicates)
	if err != nil {
		return err
	}
	types, err := parseTypes(opts.types)
	if err != nil {
		return err
	}
	s, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := query.Lookup(s, opts.name)
	if err != nil {
		return err
	}
	ns, err := query.NeighborsOf(s, e.ID, opts.depth, preds, types, opts.unasserted)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, struct {
			ID        string           `json:"id"`
			Name      string           `json:"name"`
			Neighbors []query.Neighbor `json:"neighbors"`
		}{string(e.ID), e.Name, ns})
	}
	if _, err := fmt.Fprintf(opts.stdout, "%s (%s): %d within %d\n\n", e.Name, e.ID, len(ns), opts.depth); err != nil {
		return err
	}
	return query.WriteNeighbors(opts.stdout, ns, opts.why)
}
