package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type retypeOptions struct {
	root   *rootOptions
	entity string
	typ    graph.Type
	note   string
	format string
	stdout io.Writer
}

func init() { register(newRetypeCmd) }

func newRetypeCmd(ro *rootOptions) *cobra.Command {
	opts := &retypeOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "retype NAME TYPE",
		Short: "Correct an entity's type (person, organization, place, event)",
		Long: `Correct the type the extractor gave an entity. Articles ingested later that
give the entity its old type still land on it, with the corrected type. Undo
with kg log undo N.`,
		Example: `  kg retype Koussa person
  kg retype "Abu Salim" place`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			ts, err := parseTypes(args[1:])
			if err != nil {
				return err
			}
			opts.entity, opts.typ = args[0], ts[0]
			opts.stdout = cmd.OutOrStdout()
			return runRetype(opts)
		},
	}
	cmd.Flags().StringVar(&opts.note, "note", "", "why: kept in the decision log")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runRetype(opts *retypeOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := entityArg(db, opts.entity)
	if err != nil {
		return err
	}
	return record(c, opts.stdout, opts.format, graph.Decision{Kind: graph.DecideRetype, Subject: id, Type: opts.typ, Note: opts.note})
}
