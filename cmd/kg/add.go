package main

import (
	"errors"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type addEntityOptions struct {
	root    *rootOptions
	name    string
	typ     string
	aliases []string
	note    string
	format  string
	stdout  io.Writer
}

type addRelationOptions struct {
	root      *rootOptions
	subject   string
	predicate graph.Predicate
	object    string
	source    string
	format    string
	stdout    io.Writer
}

func init() { register(newAddCmd) }

func newAddCmd(ro *rootOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add entity|relation ...",
		Short: "Add an entity or a relation known from elsewhere",
		Long: `Add what the articles do not say: an entity, or a relation with its source.
Each addition is a decision (kg log) and can be undone. A relation added here
carries one evidence record whose sentence is the --source text, whose
extractor is "analyst" and whose document is "analyst:N" (N the decision's
number; no document of that id is stored), so kg show and exports can tell the
analyst's facts from the articles'. Forgetting an article never removes them.`,
		Example: `  kg add entity "Sami al-Saadi" --type person --alias "Abu Munthir"
  kg add relation "Sami al-Saadi" member-of "LIFG" --source "Court filing, 2012"`,
	}
	cmd.AddCommand(newAddEntityCmd(ro), newAddRelationCmd(ro))
	return cmd
}

func newAddEntityCmd(ro *rootOptions) *cobra.Command {
	opts := &addEntityOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "entity NAME --type TYPE [--alias ALIAS]...",
		Short: "Add an entity",
		Long: `Add an entity by name and type. Its id is the name's slug (made unique). An
entity of the same type that already has the name is an error: add a spelling
to it with kg alias add instead.`,
		Example: `  kg add entity "Sami al-Saadi" --type person --alias "Abu Munthir" --note "UN sanctions list"`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.typ == "" {
				return errors.New("give the entity's type with --type person|organization|place|event")
			}
			if _, err := parseTypes([]string{opts.typ}); err != nil {
				return err
			}
			opts.name = strings.Join(args, " ")
			opts.stdout = cmd.OutOrStdout()
			return runAddEntity(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.typ, "type", "", "person, organization, place or event (required)")
	f.StringArrayVar(&opts.aliases, "alias", nil, "another name (repeat for more)")
	f.StringVar(&opts.note, "note", "", "where you know it from: kept in the decision log")
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runAddEntity(opts *addEntityOptions) error {
	db, c, err := openCurator(opts.root, false, true)
	if err != nil {
		return err
	}
	defer db.Close()
	return record(c, opts.stdout, opts.format, graph.Decision{
		Kind: graph.DecideAddEntity, Name: opts.name, Type: graph.Type(opts.typ), Aliases: opts.aliases, Note: opts.note,
	})
}

func newAddRelationCmd(ro *rootOptions) *cobra.Command {
	opts := &addRelationOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "relation SUBJECT PREDICATE OBJECT --source TEXT",
		Short: "Add a relation, with its source as evidence",
		Long: `Add SUBJECT PREDICATE OBJECT with --source (where the fact comes from) as its
evidence. Both entities must exist (kg add entity adds them). A relation the
analyst rejected (kg rm relation) cannot be added back: undo the rejection.

Predicates: ` + predicateList(),
		Example: `  kg add relation "Sami al-Saadi" member-of LIFG --source "Court filing, 2012"
  kg add relation Koussa met "Mustafa Abdul Jalil" --source "Interview notes, 3 May"`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			p, err := predicateArg(args[1])
			if err != nil {
				return err
			}
			if strings.TrimSpace(opts.source) == "" {
				return errors.New("say where the fact comes from with --source TEXT: it is the relation's evidence")
			}
			opts.subject, opts.predicate, opts.object = args[0], p, args[2]
			opts.stdout = cmd.OutOrStdout()
			return runAddRelation(opts)
		},
	}
	cmd.Flags().StringVar(&opts.source, "source", "", "where the fact comes from: kept as its evidence (required)")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runAddRelation(opts *addRelationOptions) error {
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
		Kind: graph.DecideAddRelation, Subject: s, Predicate: opts.predicate, Object: o, Note: opts.source,
	})
}
