package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/query"
)

type queryOptions struct {
	root       *rootOptions
	question   string
	format     string
	why        bool
	unasserted bool
	maxHops    int
	stdout     io.Writer
}

func init() { register(newQueryCmd) }

func newQueryCmd(ro *rootOptions) *cobra.Command {
	opts := &queryOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "query QUESTION",
		Short: "Answer a question in English, with the sentences behind each answer",
		Long: `Answer a who/what/where question, or "how is X connected to Y", over the graph.
Names may be given as they appear in any article: aliases, surnames and other
spellings find the same entity (Gadhafi, Qaddafi and Gaddafi are one). Each
answer comes with the sentences that state it; --why prints them.

Relations the text only denies or speculates about are left out unless
--unasserted is given. A name that fits several entities is an error that
lists them: ask again with a fuller name or the id.

kg understands questions like:
  ` + strings.Join(query.Examples(), "\n  "),
		Example: `  kg query "who travelled with Koussa?"
  kg query "what is Koussa accused of" --why
  kg query "who is Gaddafi's brother-in-law" --format json
  kg query "how is Senussi connected to Koussa"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.maxHops < 1 {
				return fmt.Errorf("--max-hops must be at least 1")
			}
			opts.question = strings.Join(args, " ")
			opts.stdout = cmd.OutOrStdout()
			return runQuery(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	f.BoolVar(&opts.why, "why", false, "show the evidence sentences, their documents and who they are attributed to")
	f.BoolVar(&opts.unasserted, "unasserted", false, "also use relations the text denies or only speculates about")
	f.IntVar(&opts.maxHops, "max-hops", 6, `for "how is X connected to Y": the longest path to look for`)
	return cmd
}

func runQuery(opts *queryOptions) error {
	s, err := openStore(opts.root, true)
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := query.AskWith(s, opts.question, query.Options{IncludeUnasserted: opts.unasserted, MaxHops: opts.maxHops})
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, res)
	}
	return query.WriteResult(opts.stdout, res, opts.why)
}

// The helpers below serve all the reading commands (query, show, path,
// neighbors, entities, stats).

// checkFormat accepts the output formats of the reading commands.
func checkFormat(f string) error {
	if f != "text" && f != "json" {
		return fmt.Errorf("unknown format %q: choose text or json", f)
	}
	return nil
}

// writeJSON writes v as indented JSON and a newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// parsePredicates checks --predicate values against the vocabulary.
func parsePredicates(names []string) ([]graph.Predicate, error) {
	var ps []graph.Predicate
	for _, n := range names {
		p := graph.Predicate(strings.TrimSpace(n))
		if !p.Valid() {
			return nil, fmt.Errorf("unknown predicate %q: choose from %s", n, predicateList())
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// parseTypes checks --type values.
func parseTypes(names []string) ([]graph.Type, error) {
	var ts []graph.Type
	for _, n := range names {
		t := graph.Type(strings.TrimSpace(n))
		if !t.Valid() {
			return nil, fmt.Errorf("unknown type %q: choose from person, organization, place, event", n)
		}
		ts = append(ts, t)
	}
	return ts, nil
}
