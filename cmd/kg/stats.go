package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/query"
)

type statsOptions struct {
	root   *rootOptions
	format string
	stdout io.Writer
}

func init() { register(newStatsCmd) }

func newStatsCmd(ro *rootOptions) *cobra.Command {
	opts := &statsOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count documents, entities (by type), relations (by predicate) and evidence",
		Long: `Count what the database holds: documents, entities by type, relations by
predicate, evidence sentences, and how many relations the text only denies or
speculates about.`,
		Example: `  kg stats
  kg --db project.db stats --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.stdout = cmd.OutOrStdout()
			return runStats(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runStats(opts *statsOptions) error {
	s, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := query.CountStats(s)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, st)
	}
	return query.WriteStats(opts.stdout, st)
}
