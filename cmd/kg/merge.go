package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type mergeOptions struct {
	root   *rootOptions
	keep   string
	gone   []string
	note   string
	format string
	stdout io.Writer
}

func init() { register(newMergeCmd) }

func newMergeCmd(ro *rootOptions) *cobra.Command {
	opts := &mergeOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "merge KEEP DUPLICATE...",
		Short: "Merge duplicate entities into one (undo with kg split)",
		Long: `Merge each DUPLICATE into KEEP: its names become KEEP's aliases, its relations
and their evidence move to KEEP, and its id leads to KEEP from now on (kg show,
queries and exports). KEEP keeps its id, name and type.

The merge is a decision, recorded in the log (kg log) and applied to every
article ingested later: an article that spells the name the duplicate's way
lands on KEEP. Undo it with kg split DUPLICATE or kg log undo N.

Names may be ids, aliases or other spellings; quote names with spaces.`,
		Example: `  kg merge "Moussa Koussa" "Musa Kusa"
  kg merge moussa-koussa musa-kusa koussa-2 --note "same man, per Reuters profile"
  kg review            # lists likely duplicates to merge`,
		Args: cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.keep, opts.gone = args[0], args[1:]
			opts.stdout = cmd.OutOrStdout()
			return runMerge(opts)
		},
	}
	cmd.Flags().StringVar(&opts.note, "note", "", "why: kept in the decision log")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runMerge(opts *mergeOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	keep, err := entityArg(db, opts.keep)
	if err != nil {
		return err
	}
	var ds []graph.Decision
	for _, name := range opts.gone {
		gone, err := entityArg(db, name)
		if err != nil {
			return err
		}
		ds = append(ds, graph.Decision{Kind: graph.DecideMerge, Subject: keep, Object: gone, Note: opts.note})
	}
	return record(c, opts.stdout, opts.format, ds...)
}
