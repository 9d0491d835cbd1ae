package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type splitOptions struct {
	root   *rootOptions
	keep   string // optional: the entity it was merged into
	name   string // the merged-away entity: its old id or one of its names
	format string
	stdout io.Writer
}

func init() { register(newSplitCmd) }

func newSplitCmd(ro *rootOptions) *cobra.Command {
	opts := &splitOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "split [KEEP] MERGED",
		Short: "Undo a merge: the merged entity comes back with its names and relations",
		Long: `Undo the merge that folded MERGED into another entity. MERGED is the old id of
the merged entity or one of the names it had; give KEEP too when it was merged
more than once. The entity comes back with its id, names, relations and the
evidence it brought; evidence that articles ingested after the merge added stays
with the entity it was merged into. The merge stays in the log, marked undone.

This is kg log undo N for the merge decision N.`,
		Example: `  kg split musa-kusa
  kg split "Moussa Koussa" "Musa Kusa"`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.name = args[len(args)-1]
			if len(args) == 2 {
				opts.keep = args[0]
			}
			opts.stdout = cmd.OutOrStdout()
			return runSplit(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runSplit(opts *splitOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	var keep graph.ID
	if opts.keep != "" {
		if keep, err = entityArg(db, opts.keep); err != nil {
			return err
		}
	}
	key := graph.NameKey(opts.name)
	var found []graph.Decision
	for d, err := range c.Decisions() {
		if err != nil {
			return err
		}
		if d.Kind != graph.DecideMerge || d.Undone || keep != "" && d.Subject != keep {
			continue
		}
		if string(d.Object) == opts.name || d.Prior != nil && d.Prior.Entity != nil &&
			slices.ContainsFunc(append([]string{d.Prior.Entity.Name}, d.Prior.Entity.Aliases...), func(n string) bool { return graph.NameKey(n) == key }) {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 0:
		return fmt.Errorf("no merge of %q to undo: `kg log` lists the merges", opts.name)
	case 1:
	default:
		var b strings.Builder
		fmt.Fprintf(&b, "%q was merged more than once; undo one with kg log undo N:", opts.name)
		for _, d := range found {
			fmt.Fprintf(&b, "\n%s", decisionLine(d))
		}
		return fmt.Errorf("%s", b.String())
	}
	d, err := c.Undo(found[0].Seq)
	if err != nil {
		return err
	}
	return writeDecisions(opts.stdout, opts.format, []graph.Decision{d})
}
