package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type rmRelationOptions struct {
	root      *rootOptions
	subject   string
	predicate graph.Predicate
	object    string
	note      string
	format    string
	stdout    io.Writer
}

func init() { register(newRmCmd) }

func newRmCmd(ro *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rm relation SUBJECT PREDICATE OBJECT",
		Short: "Reject a relation the extractor got wrong",
	}
	opts := &rmRelationOptions{root: ro}
	rel := &cobra.Command{
		Use:   "relation SUBJECT PREDICATE OBJECT",
		Short: "Reject a relation: it goes, and no article brings it back",
		Long: `Reject SUBJECT PREDICATE OBJECT: the relation and its evidence go, and the
triple stays rejected for every document, those ingested again and new ones
alike, until the decision is undone (kg log undo N, which brings the relation
back with the evidence it had). A symmetric predicate (met, accompanied,
family-of) is rejected in both directions.`,
		Example: `  kg rm relation Koussa met "Aisha Gaddafi" --note "the article says they did not meet"`,
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			p, err := predicateArg(args[1])
			if err != nil {
				return err
			}
			opts.subject, opts.predicate, opts.object = args[0], p, args[2]
			opts.stdout = cmd.OutOrStdout()
			return runRmRelation(opts)
		},
	}
	rel.Flags().StringVar(&opts.note, "note", "", "why: kept in the decision log")
	rel.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	cmd.AddCommand(rel)
	return cmd
}

func runRmRelation(opts *rmRelationOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := entityArg(db, opts.subject)
	if err != nil {
		return err
	}
	o, err := entityArg(db, opts.object)
	if err != nil {
		return err
	}
	return record(c, opts.stdout, opts.format, graph.Decision{
		Kind: graph.DecideRejectRelation, Subject: s, Predicate: opts.predicate, Object: o, Note: opts.note,
	})
}
