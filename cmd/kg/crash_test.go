package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

var crashSeed = flag.Int64("crash.seed", 20110331, "seed of the crash test's articles and kill points")

// TestKillDuringIngest kills real kg ingests with SIGKILL at 20 points drawn
// from a seeded generator (-crash.seed). It runs ten databases, each killed
// twice in a row (the second run resumes where the first died, as a person
// would re-run the command), checks the invariants after every kill, then
// lets ingest finish and checks that the export equals a clean single run's.
func TestKillDuringIngest(t *testing.T) {
	bin := kgBinary(t)
	rng := rand.New(rand.NewSource(*crashSeed))
	dir := t.TempDir()
	writeArticles(t, dir, 24, rng)

	cleanDB := filepath.Join(t.TempDir(), "clean.db")
	start := time.Now()
	if out, err := exec.Command(bin, "--db", cleanDB, "ingest", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	full := time.Since(start)
	want, _ := exportJSON(t, cleanDB)
	clean, err := store.Open(cleanDB, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer clean.Close()
	t.Logf("seed %d: a clean ingest of 24 articles takes %v", *crashSeed, full.Round(time.Millisecond))

	kills := 0
	for run := 0; run < 10; run++ {
		db := filepath.Join(t.TempDir(), fmt.Sprintf("run%d.db", run))
		for k := 0; k < 2; k++ {
			delay := time.Duration(rng.Int63n(int64(full)))
			n := killIngest(t, bin, db, dir, delay)
			kills++
			if n < 0 {
				t.Logf("kill %2d at %v: the ingest had finished", kills, delay.Round(time.Millisecond))
				continue // checked at the end of the run with the export
			}
			docs := checkInvariants(t, db, clean)
			t.Logf("kill %2d at %v: %d documents whole", kills, delay.Round(time.Millisecond), docs)
		}
		if out, err := exec.Command(bin, "--db", db, "ingest", "-q", dir).CombinedOutput(); err != nil {
			t.Fatalf("run %d: ingest after the kills: %v\n%s", run, err, out)
		}
		got, _ := exportJSON(t, db)
		if got != want {
			t.Errorf("run %d: the export after kills and a resumed ingest differs from a clean run's (%d and %d bytes)", run, len(got), len(want))
		}
	}
}

// killIngest starts kg ingest on db, kills it with SIGKILL after delay and
// returns 0, or -1 if it finished first.
func killIngest(t *testing.T, bin, db, dir string, delay time.Duration) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--db", db, "ingest", "-q", dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("ingest failed before the kill: %v", err)
		}
		return -1
	case <-time.After(delay):
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		if !errors.Is(err, os.ErrProcessDone) {
			t.Fatal(err)
		}
		// It finished between the timer and the signal.
		if err := <-done; err != nil {
			t.Fatalf("ingest failed before the kill: %v", err)
		}
		return -1
	}
	err := <-done
	if err == nil {
		return -1 // it exited before the signal landed
	}
	if !killed(err, syscall.SIGKILL) {
		t.Fatalf("ingest: %v", err)
	}
	return 0
}

// checkInvariants opens db after a crash and checks that every document in
// it is whole, compared with the clean database: its entities and every
// evidence record it gave are present; that no evidence, entity or relation
// refers to a document or entity that is absent; and that the adjacency
// keys agree with the relations both ways. It returns the document count.
func checkInvariants(t *testing.T, db string, clean *store.Store) int {
	t.Helper()
	if _, err := os.Stat(db); os.IsNotExist(err) {
		return 0 // killed before the database was created
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatalf("the database does not open after a kill: %v", err)
	}
	defer s.Close()

	docs := map[graph.DocID]bool{}
	for d, err := range s.Documents() {
		if err != nil {
			t.Fatal(err)
		}
		docs[d.ID] = true
	}
	ents := map[graph.ID]bool{}
	for e, err := range s.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		ents[e.ID] = true
		for _, d := range e.Docs {
			if !docs[d] {
				t.Errorf("entity %s names document %.8s, which is absent", e.ID, d)
			}
		}
	}
	type ev struct {
		k     graph.Key
		doc   graph.DocID
		start int
	}
	have := map[ev]bool{}
	rels := 0 // edges expected each way: a symmetric relation is an edge out of (and into) both ends
	for r, err := range s.Relations() {
		if err != nil {
			t.Fatal(err)
		}
		rels++
		if r.Predicate.Symmetric() {
			rels++
		}
		if !ents[r.Subject] || !ents[r.Object] {
			t.Errorf("relation %s %s %s points to a missing entity", r.Subject, r.Predicate, r.Object)
		}
		for _, e := range r.Evidence {
			if !docs[e.Doc] {
				t.Errorf("relation %s %s %s has evidence from document %.8s, which is absent", r.Subject, r.Predicate, r.Object, e.Doc)
			}
			have[ev{r.Key(), e.Doc, e.Start}] = true
		}
		if !hasEdge(t, s, r.Subject, graph.Out, r) || !hasEdge(t, s, r.Object, graph.In, r) {
			t.Errorf("relation %s %s %s lacks an adjacency entry", r.Subject, r.Predicate, r.Object)
		}
	}
	outs, ins := 0, 0
	for id := range ents {
		for _, err := range s.Edges(id, graph.Out) {
			if err != nil {
				t.Fatal(err)
			}
			outs++
		}
		for _, err := range s.Edges(id, graph.In) {
			if err != nil {
				t.Fatal(err)
			}
			ins++
		}
	}
	if outs != rels || ins != rels {
		t.Errorf("relations give %d edges each way, but there are %d out-edges and %d in-edges", rels, outs, ins)
	}
	// Every document present is whole: what it gave in the clean run is here.
	for r, err := range clean.Relations() {
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Evidence {
			if docs[e.Doc] && !have[ev{r.Key(), e.Doc, e.Start}] {
				t.Errorf("document %.8s is in the database without its evidence for %s %s %s", e.Doc, r.Subject, r.Predicate, r.Object)
			}
		}
	}
	for e, err := range clean.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range e.Docs {
			if docs[d] && !ents[e.ID] {
				t.Errorf("document %.8s is in the database without its entity %s", d, e.ID)
			}
		}
	}
	return len(docs)
}

// hasEdge reports whether id's edges in dir include r.
func hasEdge(t *testing.T, s *store.Store, id graph.ID, dir graph.Direction, r graph.Relation) bool {
	t.Helper()
	for e, err := range s.Edges(id, dir, r.Predicate) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Predicate == r.Predicate && (e.Subject == r.Subject && e.Object == r.Object || e.Subject == r.Object && e.Object == r.Subject) {
			return true
		}
	}
	return false
}
