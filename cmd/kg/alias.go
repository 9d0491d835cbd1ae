package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type aliasOptions struct {
	root    *rootOptions
	kind    graph.DecisionKind // alias-add or alias-rm
	entity  string
	aliases []string
	note    string
	format  string
	stdout  io.Writer
}

func init() { register(newAliasCmd) }

func newAliasCmd(ro *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "alias add|rm NAME ALIAS...",
		Short: "Add or remove another name of an entity",
		Long: `Add a name an entity is also known by, or remove one the extractor got wrong.
Each is a decision (kg log) that later articles respect: an added alias brings
articles that use it to the entity; a removed one keeps them away from it.`,
		Example: `  kg alias add "Moussa Koussa" "Musa Kusa" "Mussa Kussa"
  kg alias rm moussa-koussa "Moussa Ibrahim"`,
	}
	for _, sub := range []struct {
		use, short string
		kind       graph.DecisionKind
	}{
		{"add NAME ALIAS...", "Add aliases to an entity", graph.DecideAliasAdd},
		{"rm NAME ALIAS...", "Remove aliases from an entity; articles using them no longer land on it", graph.DecideAliasRemove},
	} {
		opts := &aliasOptions{root: ro, kind: sub.kind}
		c := &cobra.Command{
			Use:   sub.use,
			Short: sub.short,
			Args:  cobra.MinimumNArgs(2),
			RunE: func(cmd *cobra.Command, args []string) error {
				if err := checkFormat(opts.format); err != nil {
					return err
				}
				opts.entity, opts.aliases = args[0], args[1:]
				opts.stdout = cmd.OutOrStdout()
				return runAlias(opts)
			},
		}
		c.Flags().StringVar(&opts.note, "note", "", "why: kept in the decision log")
		c.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
		cmd.AddCommand(c)
	}
	return cmd
}

func runAlias(opts *aliasOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	id, err := entityArg(db, opts.entity)
	if err != nil {
		return err
	}
	var ds []graph.Decision
	for _, a := range opts.aliases {
		ds = append(ds, graph.Decision{Kind: opts.kind, Subject: id, Name: a, Note: opts.note})
	}
	return record(c, opts.stdout, opts.format, ds...)
}
