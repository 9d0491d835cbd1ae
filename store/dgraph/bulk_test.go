package dgraph

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/dgo/v250/protos/api"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// seq adapts a listing with errors to Import's input, failing the test on
// an error.
func seq[T any](t *testing.T, s func(func(T, error) bool)) func(func(T) bool) {
	return func(yield func(T) bool) {
		for x, err := range s {
			if err != nil {
				t.Error(err)
				return
			}
			if !yield(x) {
				return
			}
		}
	}
}

// TestImportRestore loads a graph ingested into Badger into the cluster
// with Import and Restore, over many transactions, and checks that the
// cluster reads as the Badger store does: listings, documents, edges,
// name resolution, the decision log and redirects.
func TestImportRestore(t *testing.T) {
	d := openEmpty(t)
	b, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// Small transactions, so that entities and relations each span many
	// of them, committed concurrently.
	defer func(n, k int) { batchQuads, keyPage = n, k }(batchQuads, keyPage)
	batchQuads = 300
	keyPage = 70 // listings read their keys over several pages
	corpus := benchCorpus(120)
	for _, batch := range corpus { // about 160 entities and 1,400 evidence records: several transactions
		if _, err := b.Ingest(batch); err != nil {
			t.Fatal(err)
		}
	}
	res, err := d.Import(seq(t, b.Entities()), seq(t, b.Relations()))
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	st, err := b.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if res.Entities != st.Entities || res.Relations != st.Relations || res.Evidence != st.Evidence {
		t.Errorf("Import = %+v, want the store's %d entities, %d relations, %d evidence", res, st.Entities, st.Relations, st.Evidence)
	}
	if res.Keys <= 10*batchQuads || st.Entities*10 <= 3*batchQuads {
		t.Errorf("Import wrote %d N-Quads for %d entities; the test wants entities and relations over several transactions of %d", res.Keys, st.Entities, batchQuads)
	}
	decisions := []graph.Decision{
		{Seq: 1, Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Kind: graph.DecideMerge, Subject: "x-keep", Object: "x-gone", Note: "same",
			Prior: &graph.Prior{Entity: &graph.Entity{ID: "x-gone", Name: "X Gone", Type: graph.Person}, Aliases: []string{"X Gone"}}},
		{Seq: 2, Date: time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC), Kind: graph.DecideRename, Subject: "x-keep", Name: "X", Undone: true},
	}
	keep := collect(t, b.Entities())[0].ID
	redirects := []store.Redirect{{From: "x-gone", To: "x-mid"}, {From: "x-mid", To: keep}}
	rr, err := d.Restore(b.Documents(), decisions, redirects)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if rr.Documents != st.Documents || rr.Decisions != 2 || rr.Redirects != 2 {
		t.Errorf("Restore = %+v, want %d documents, 2 decisions, 2 redirects", rr, st.Documents)
	}
	compareGraphs(t, d, b)
	if got := collect(t, d.Decisions()); !reflect.DeepEqual(got, decisions) {
		t.Errorf("Decisions = %+v\nwant %+v", got, decisions)
	}
	if got := collect(t, d.Redirects()); !reflect.DeepEqual(got, redirects) {
		t.Errorf("Redirects = %+v, want %+v", got, redirects)
	}
	if e, ok, err := d.Entity("x-gone"); err != nil || !ok || e.ID != keep {
		t.Errorf("Entity(x-gone) = %s, %v, %v; want it to lead to %s through two redirects", e.ID, ok, err, keep)
	}
	for _, e := range collect(t, b.Entities())[:30] {
		if got, want := collect(t, d.Edges(e.ID, graph.Both)), collect(t, b.Edges(e.ID, graph.Both)); !slices.Equal(got, want) {
			t.Errorf("Edges(%s) = %v, badger %v", e.ID, got, want)
		}
		got, err := d.Resolve(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := b.Resolve(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Resolve(%q) = %v, badger %v", e.Name, got, want)
		}
	}
	// Documents came along: ingesting one again is skipped.
	if r, err := d.Ingest(corpus[0]); err != nil || !r.Skipped {
		t.Errorf("Ingest of a copied document = %+v, %v; want it skipped", r, err)
	}

	if _, err := d.Import(nil, nil); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("Import into a cluster with a graph: %v, want ErrNotEmpty", err)
	}
	if _, err := d.Restore(nil, decisions, nil); !errors.Is(err, store.ErrNotEmpty) {
		t.Errorf("Restore of decisions into a cluster with a log: %v, want ErrNotEmpty", err)
	}
}

// TestSchemaUpgrade: a cluster at schema version 1 (no decision log, no
// redirects) is upgraded by Open, and a newer one is refused.
func TestSchemaUpgrade(t *testing.T) {
	s := openEmpty(t)
	ctx := context.Background()
	setVersion := func(v int) {
		t.Helper()
		var meta struct {
			Q []struct {
				UID string `json:"uid"`
			} `json:"q"`
		}
		if err := query(ctx, s.dg.NewReadOnlyTxn(), `{ q(func: eq(kg.meta, "schema")) { uid } }`, nil, &meta); err != nil || len(meta.Q) != 1 {
			t.Fatalf("schema node: %v, %v", meta, err)
		}
		set, _ := jsonBytes(map[string]any{"uid": meta.Q[0].UID, pSchemaVersion: v})
		if _, err := s.dg.NewTxn().Mutate(ctx, &api.Mutation{SetJson: set, CommitNow: true}); err != nil {
			t.Fatal(err)
		}
	}
	// Make the cluster look as version 1 left it.
	for _, typ := range []string{"Decision", "Redirect"} {
		if err := s.dg.Alter(ctx, &api.Operation{DropOp: api.Operation_TYPE, DropValue: typ}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{pDecSeq, pDecKind, pDecJSON, pRedirFrom, pRedirTo} {
		if err := s.dg.Alter(ctx, &api.Operation{DropAttr: p}); err != nil {
			t.Fatal(err)
		}
	}
	setVersion(1)
	if _, err := follow(ctx, s.dg.NewReadOnlyTxn(), "x"); err == nil {
		t.Fatalf("redirects can be looked up without their index; the test does not test the upgrade")
	}
	up := connect(t) // Open upgrades
	if _, err := up.Restore(nil, []graph.Decision{{Seq: 1, Kind: graph.DecideImport, Name: "x"}}, []store.Redirect{{From: "a", To: "b"}}); err != nil {
		t.Fatalf("Restore after the upgrade: %v", err)
	}
	if got := collect(t, up.Decisions()); len(got) != 1 || got[0].Name != "x" {
		t.Errorf("Decisions after the upgrade = %+v", got)
	}
	if got, err := follow(ctx, up.dg.NewReadOnlyTxn(), "a"); err != nil || got != "b" {
		t.Errorf("follow(a) after the upgrade = %q, %v; want b", got, err)
	}
	setVersion(SchemaVersion + 1)
	if _, err := Open(testAddr(t)); !errors.Is(err, ErrSchemaNewer) {
		t.Errorf("Open of a newer schema: %v, want ErrSchemaNewer", err)
	}
	setVersion(SchemaVersion)
}
