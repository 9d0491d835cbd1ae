package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/query"
)

type showOptions struct {
	root   *rootOptions
	name   string
	format string
	stdout io.Writer
}

func init() { register(newShowCmd) }

func newShowCmd(ro *rootOptions) *cobra.Command {
	opts := &showOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show everything known about one entity, with evidence",
		Long: `Show one entity's card: its type, every spelling seen, its attributes (title,
role, nationality), its relations grouped by predicate with the other entity and
the sentences that state each (denied or speculated ones are marked), and the
documents it appears in.

NAME may be any alias, a surname, another spelling, or the entity's id. A name
that fits several entities is an error that lists them.`,
		Example: `  kg show Koussa
  kg show "Moussa Koussa" --format json
  kg show moussa-koussa`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.name = strings.Join(args, " ")
			opts.stdout = cmd.OutOrStdout()
			return runShow(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runShow(opts *showOptions) error {
	s, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := query.Lookup(s, opts.name)
	if err != nil {
		return err
	}
	card, err := query.Card(s, e.ID)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, card)
	}
	return query.WriteCard(opts.stdout, card)
}
