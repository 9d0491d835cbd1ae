package main

// The helpers below serve the curation commands (merge, split, alias,
// rename, retype, add, rm, forget, import, log, review).

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// curator is what curation needs of a backend beyond database: a decision
// log it applies to the graph and to later ingests, document retraction,
// and import. The Badger store provides it; a backend without it (Dgraph)
// cannot be curated.
type curator interface {
	Decide(d graph.Decision) (graph.Decision, error)
	Undo(seq uint64) (graph.Decision, error)
	Decisions() iter.Seq2[graph.Decision, error]
	Forget(doc graph.DocID) (store.ForgetResult, error)
	AddGraph(data store.GraphData) (store.AddGraphResult, error)
}

var _ curator = (*store.Store)(nil)

// openCurator opens the database for curation. Unless create is set, a
// database that does not exist is an error (nothing to curate), not a new
// empty directory.
func openCurator(ro *rootOptions, readOnly, create bool) (database, curator, error) {
	if !create && !strings.HasPrefix(ro.DB, "dgraph://") {
		if _, err := os.Stat(ro.DB); errors.Is(err, os.ErrNotExist) {
			return nil, nil, fmt.Errorf("no database at %s: run `kg ingest FILE` or `kg import FILE` first, or point --db (or $KG_DB) at one", ro.DB)
		}
	}
	db, err := openStore(ro, readOnly)
	if err != nil {
		return nil, nil, err
	}
	c, ok := db.(curator)
	if !ok {
		db.Close()
		return nil, nil, fmt.Errorf("the database at %s (%T) keeps no decision log: curation needs kg's own store", ro.DB, db)
	}
	return db, c, nil
}

// decisionView is a decision as the commands print it: its state before
// (Prior) left out, a one-line summary added.
type decisionView struct {
	graph.Decision
	Prior   *graph.Prior `json:"prior,omitempty"`
	Summary string       `json:"summary"`
}

func viewDecision(d graph.Decision) decisionView {
	return decisionView{Decision: d, Summary: d.String()}
}

// writeDecisions prints decisions as JSON (a list) or one line each.
func writeDecisions(w io.Writer, format string, ds []graph.Decision) error {
	if format == "json" {
		views := make([]decisionView, 0, len(ds))
		for _, d := range ds {
			views = append(views, viewDecision(d))
		}
		return writeJSON(w, views)
	}
	for _, d := range ds {
		if _, err := fmt.Fprintln(w, decisionLine(d)); err != nil {
			return err
		}
	}
	return nil
}

// decisionLine is one line of `kg log`: number, date, summary, note, undone.
func decisionLine(d graph.Decision) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%4d  %s  %s", d.Seq, d.Date.Local().Format("2006-01-02 15:04"), d.String())
	if d.Note != "" && d.Kind != graph.DecideForget && d.Kind != graph.DecideImport {
		fmt.Fprintf(&b, "  (%s)", d.Note)
	} else if d.Note != "" {
		fmt.Fprintf(&b, ": %s", d.Note)
	}
	if d.Undone {
		fmt.Fprintf(&b, "  [undone %s]", d.UndoneAt.Local().Format("2006-01-02 15:04"))
	}
	return b.String()
}

// entityArg finds the one entity a command-line name refers to: an id, an
// alias, another spelling (see resolveOne).
func entityArg(r graph.Reader, name string) (graph.ID, error) {
	return resolveOne(r, strings.TrimSpace(name))
}

// predicateArg checks a predicate given on the command line.
func predicateArg(s string) (graph.Predicate, error) {
	ps, err := parsePredicates([]string{s})
	if err != nil {
		return "", err
	}
	return ps[0], nil
}

// record makes decisions in order and prints them as they were recorded;
// it stops at the first that fails (those before it stay made).
func record(c curator, w io.Writer, format string, ds ...graph.Decision) error {
	var done []graph.Decision
	for _, d := range ds {
		got, err := c.Decide(d)
		if err != nil {
			if len(done) > 0 {
				_ = writeDecisions(w, format, done)
			}
			return err
		}
		done = append(done, got)
	}
	return writeDecisions(w, format, done)
}

// resolveOne finds the single entity a name refers to, or says why it can't.
// It is stricter than query.Lookup, which the read commands use: a decision
// changes the graph, so a name never falls back to a shorter name inside it.
func resolveOne(r graph.Reader, name string) (graph.ID, error) {
	if e, ok, err := r.Entity(graph.ID(name)); err == nil && ok {
		return e.ID, nil
	}
	ids, err := r.Resolve(name)
	if err != nil {
		return "", fmt.Errorf("look up %q: %w", name, err)
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("no entity named %q: `kg entities` lists them", name)
	case 1:
		return ids[0], nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q is ambiguous; name one of these by id:", name)
	for _, id := range ids {
		if e, ok, _ := r.Entity(id); ok {
			fmt.Fprintf(&b, "\n  %-28s %-13s %s", id, e.Type, e.Name)
		}
	}
	return "", errors.New(b.String())
}
