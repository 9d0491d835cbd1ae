package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

type forgetOptions struct {
	root   *rootOptions
	docs   []string
	format string
	stdout io.Writer
}

func init() { register(newForgetCmd) }

func newForgetCmd(ro *rootOptions) *cobra.Command {
	opts := &forgetOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "forget DOC...",
		Short: "Retract documents: their evidence, and what only they supported",
		Long: `Retract a document. DOC is the path it was ingested from (as given then, or
the same file by another relative path), its id, or a prefix of its id of at
least 6 characters that fits one document (kg stats and kg show list them).

Its evidence goes; relations left without evidence go; entities it named that
are left without documents or relations go, unless an analyst decision is about
them. It happens in one transaction and is recorded in the log (kg log).
Ingest the file again to bring it back; decisions made meanwhile still hold.`,
		Example: `  kg forget articles/retracted-story.html
  kg forget 3fa9c1d2`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			opts.docs = args
			opts.stdout = cmd.OutOrStdout()
			return runForget(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runForget(opts *forgetOptions) error {
	db, c, err := openCurator(opts.root, false, false)
	if err != nil {
		return err
	}
	defer db.Close()
	var ids []graph.DocID
	for _, ref := range opts.docs {
		found, err := findDocuments(db, ref)
		if err != nil {
			return err
		}
		ids = append(ids, found...)
	}
	var results []store.ForgetResult
	for _, id := range ids {
		res, err := c.Forget(id)
		if err != nil {
			return err
		}
		results = append(results, res)
		if opts.format == "text" {
			fmt.Fprintf(opts.stdout, "forgot %s (%s): %d evidence records, %d relations, %d entities removed; decision %d\n",
				res.Doc[:min(12, len(res.Doc))], res.Source, res.Evidence, res.Relations, res.Entities, res.Decision)
		}
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, results)
	}
	return nil
}

// findDocuments returns the documents ref names: every document ingested
// from that path (a file edited and ingested again is several), else the
// document with that id or the one whose id starts with it.
func findDocuments(r graph.DocumentReader, ref string) ([]graph.DocID, error) {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return filepath.Clean(p)
	}
	want := abs(ref)
	var bySource, byPrefix []graph.DocID
	for d, err := range r.Documents() {
		if err != nil {
			return nil, err
		}
		if string(d.ID) == ref {
			return []graph.DocID{d.ID}, nil
		}
		if d.Source != "" && d.Source != "-" && (d.Source == ref || abs(d.Source) == want) {
			bySource = append(bySource, d.ID)
		}
		if len(ref) >= 6 && strings.HasPrefix(string(d.ID), ref) {
			byPrefix = append(byPrefix, d.ID)
		}
	}
	switch {
	case len(bySource) > 0:
		return bySource, nil
	case len(byPrefix) == 1:
		return byPrefix, nil
	case len(byPrefix) > 1:
		return nil, fmt.Errorf("%q starts %d document ids; give more of it", ref, len(byPrefix))
	}
	return nil, fmt.Errorf("no document ingested from %q or with that id", ref)
}
