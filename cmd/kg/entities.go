package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/query"
)

type entitiesOptions struct {
	root   *rootOptions
	typ    string
	sort   string
	format string
	stdout io.Writer
}

func init() { register(newEntitiesCmd) }

func newEntitiesCmd(ro *rootOptions) *cobra.Command {
	opts := &entitiesOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List the entities in the graph",
		Long: `List the entities: id, name, type and how often the articles mention them, the
most mentioned first (or by name with --sort name). The id names an entity
exactly in kg show, kg path and kg neighbors.`,
		Example: `  kg entities
  kg entities --type person --sort name
  kg entities --type event --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.typ != "" && !graph.Type(opts.typ).Valid() {
				return fmt.Errorf("unknown type %q: choose from person, organization, place, event", opts.typ)
			}
			if opts.sort != query.ByMentions && opts.sort != query.ByName {
				return fmt.Errorf("unknown sort %q: choose mentions or name", opts.sort)
			}
			opts.stdout = cmd.OutOrStdout()
			return runEntities(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.typ, "type", "", "only this type: person, organization, place, event")
	f.StringVar(&opts.sort, "sort", query.ByMentions, "order: mentions|name")
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runEntities(opts *entitiesOptions) error {
	s, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer s.Close()
	es, err := query.ListEntities(s, graph.Type(opts.typ), opts.sort)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, struct {
			Entities []graph.Entity `json:"entities"`
		}{es})
	}
	return query.WriteEntities(opts.stdout, es)
}
