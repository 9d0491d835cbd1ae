package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type renameOptions struct {
	root   *rootOptions
	entity string
	name   string
	note   string
	format string
	stdout io.Writer
}

func init() { register(newRenameCmd) }

func newRenameCmd(ro *rootOptions) *cobra.Command {
	opts := &renameOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "rename NAME NEWNAME",
		Short: "Give an entity the name you want it shown by",
		Long: `Give an entity a curated name. The old name stays as an alias, so it still
finds the entity; the id does not change. Articles ingested later keep the
curated name even when they use a fuller form. Undo with kg log undo N.`,
		Example: `  kg rename koussa "Moussa Koussa"
  kg rename "Gaddafi regime" "Government of Libya (Gaddafi)"`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.entity, opts.name = args[0], args[1]
			opts.stdout = cmd.OutOrStdout()
			return runRename(opts)
		},
	}
	cmd.Flags().StringVar(&opts.note, "note", "", "why: kept in the decision log")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runRename(opts *renameOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := entityArg(db, opts.entity)
	if err != nil {
		return err
	}
	return record(c, opts.stdout, opts.format, graph.Decision{Kind: graph.DecideRename, Subject: id, Name: opts.name, Note: opts.note})
}
