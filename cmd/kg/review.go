package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
)

type reviewOptions struct {
	root     *rootOptions
	limit    int
	minScore float64
	types    []graph.Type
	format   string
	stdout   io.Writer
}

type rejectOptions struct {
	root   *rootOptions
	a, b   string
	note   string
	format string
	stdout io.Writer
}

func init() { register(newReviewCmd) }

func newReviewCmd(ro *rootOptions) *cobra.Command {
	opts := &reviewOptions{root: ro}
	var types []string
	cmd := &cobra.Command{
		Use:   "review [--limit N] [--format json]",
		Short: "List likely duplicate entities, ranked, to merge or keep apart",
		Long: `List pairs of entities of one type that may be the same: names that sound
alike (Gaddafi, Qaddafi), are spelled alike, or share a surname with a compatible
first name. Sharing neighbours raises a pair's score; being related to each
other (two people who met) lowers it. Each pair comes with its score (0 to 1)
and the reasons.

Accept a pair with kg merge A B (A is the one with more mentions); reject it
with kg review reject A B, which records that they are distinct: the pair is
not proposed again, and later articles keep their names apart.`,
		Example: `  kg review
  kg review --type person --limit 20
  kg review --format json | jq '.[] | select(.score > 0.8)'
  kg review reject "Saif al-Islam Gaddafi" "Saif al-Arab Gaddafi"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.limit < 0 {
				return fmt.Errorf("--limit must be 0 (all) or more")
			}
			ts, err := parseTypes(types)
			if err != nil {
				return err
			}
			opts.types = ts
			opts.stdout = cmd.OutOrStdout()
			return runReview(opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.limit, "limit", 50, "show at most N pairs (0: all)")
	f.Float64Var(&opts.minScore, "min-score", 0.5, "leave out pairs scoring less")
	f.StringSliceVar(&types, "type", nil, "only entities of these types")
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	cmd.AddCommand(newReviewRejectCmd(ro))
	return cmd
}

func runReview(opts *reviewOptions) error {
	db, c, err := openCurator(opts.root, true, false)
	if err != nil {
		return err
	}
	defer db.Close()
	distinct := map[[2]graph.ID]bool{}
	for d, err := range c.Decisions() {
		if err != nil {
			return err
		}
		if d.Kind == graph.DecideDistinct && !d.Undone {
			distinct[[2]graph.ID{d.Subject, d.Object}] = true
		}
	}
	var ents []graph.Entity
	for e, err := range db.Entities() {
		if err != nil {
			return err
		}
		if len(opts.types) == 0 || containsType(opts.types, e.Type) {
			ents = append(ents, e)
		}
	}
	cands, err := graph.Review(ents, graph.ReviewOptions{
		Limit: opts.limit, MinScore: opts.minScore, Graph: db,
		Skip: func(a, b graph.ID) bool { return distinct[[2]graph.ID{a, b}] },
	})
	if err != nil {
		return err
	}
	if opts.format == "json" {
		type side struct {
			ID       graph.ID   `json:"id"`
			Name     string     `json:"name"`
			Type     graph.Type `json:"type"`
			Aliases  []string   `json:"aliases"`
			Mentions int        `json:"mentions"`
		}
		type row struct {
			A       side     `json:"a"`
			B       side     `json:"b"`
			Score   float64  `json:"score"`
			Reasons []string `json:"reasons"`
			Merge   string   `json:"merge"`
			Reject  string   `json:"reject"`
		}
		rows := make([]row, 0, len(cands))
		for _, c := range cands {
			s := func(e graph.Entity) side {
				return side{e.ID, e.Name, e.Type, nonNilStrings(e.Aliases), e.Mentions}
			}
			rows = append(rows, row{s(c.A), s(c.B), c.Score, c.Reasons,
				fmt.Sprintf("kg merge %s %s", c.A.ID, c.B.ID), fmt.Sprintf("kg review reject %s %s", c.A.ID, c.B.ID)})
		}
		return writeJSON(opts.stdout, rows)
	}
	if len(cands) == 0 {
		_, err := fmt.Fprintln(opts.stdout, "no likely duplicates")
		return err
	}
	for _, c := range cands {
		fmt.Fprintf(opts.stdout, "%.2f  %s %q (%d mentions)  ~  %s %q (%d)  [%s]\n      %s\n      kg merge %s %s   |   kg review reject %s %s\n",
			c.Score, c.A.ID, c.A.Name, c.A.Mentions, c.B.ID, c.B.Name, c.B.Mentions, c.A.Type,
			strings.Join(c.Reasons, "; "), c.A.ID, c.B.ID, c.A.ID, c.B.ID)
	}
	return nil
}

func containsType(ts []graph.Type, t graph.Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func newReviewRejectCmd(ro *rootOptions) *cobra.Command {
	opts := &rejectOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "reject A B",
		Short: "Record that two entities are distinct: not proposed again, never merged by ingest",
		Long: `Record that A and B are different entities (a "distinct" decision). kg review
stops proposing the pair, and articles ingested later that use B's names land on
B, not A (and the other way round). Undo with kg log undo N.`,
		Example: `  kg review reject "Saif al-Islam Gaddafi" "Saif al-Arab Gaddafi" --note "brothers"`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.a, opts.b = args[0], args[1]
			opts.stdout = cmd.OutOrStdout()
			return runReviewReject(opts)
		},
	}
	cmd.Flags().StringVar(&opts.note, "note", "", "why: kept in the decision log")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runReviewReject(opts *rejectOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := entityArg(db, opts.a)
	if err != nil {
		return err
	}
	b, err := entityArg(db, opts.b)
	if err != nil {
		return err
	}
	return record(c, opts.stdout, opts.format, graph.Decision{Kind: graph.DecideDistinct, Subject: a, Object: b, Note: opts.note})
}
