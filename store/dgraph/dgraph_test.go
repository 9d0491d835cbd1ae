package dgraph

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
	"github.com/kgraph/kg/store"
)

// The tests need a running Dgraph alpha: KG_DGRAPH_ADDR=127.0.0.1:9080
// (scripts/dgraph.sh start, or .ci/dgraph, which does it all). They drop
// everything in that cluster.

func testAddr(t testing.TB) string {
	t.Helper()
	addr := os.Getenv("KG_DGRAPH_ADDR")
	if addr == "" {
		t.Skip("KG_DGRAPH_ADDR is not set: no Dgraph cluster to test against (run .ci/dgraph, or scripts/dgraph.sh start and set KG_DGRAPH_ADDR=127.0.0.1:9080)")
	}
	return addr
}

// connect opens a second connection to the cluster, as another machine would.
func connect(t testing.TB) *Store {
	t.Helper()
	s, err := Open(testAddr(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// openEmpty connects and drops everything in the cluster.
func openEmpty(t testing.TB) *Store {
	t.Helper()
	s := connect(t)
	if err := s.DropAll(); err != nil {
		t.Fatalf("DropAll: %v", err)
	}
	return s
}

// conformant adapts Store to graphtest.Graph.
type conformant struct{ *Store }

func (c conformant) Ingest(b graph.Batch) (bool, error) {
	res, err := c.Store.Ingest(b)
	return !res.Skipped, err
}

func TestConformance(t *testing.T) {
	testAddr(t)
	graphtest.Run(t, func(t *testing.T) graphtest.Graph { return conformant{openEmpty(t)} })
}

func TestOpenBadAddress(t *testing.T) {
	for _, addr := range []string{"", "localhost", "127.0.0.1:9080:1"} {
		if _, err := Open(addr); !errors.Is(err, ErrAddress) {
			t.Errorf("Open(%q) = %v, want ErrAddress", addr, err)
		}
	}
}

func TestOpenUnreachable(t *testing.T) {
	// Port 1 on loopback: nothing listens there.
	if _, err := Open("127.0.0.1:1"); !errors.Is(err, ErrUnreachable) {
		t.Errorf("Open(127.0.0.1:1) = %v, want ErrUnreachable", err)
	}
}

// TestSameAsBadger ingests the fixture (and one document twice) into the
// cluster, graph.Memory and an in-memory Badger store, and compares
// everything they hold, every IngestResult and the statistics.
func TestSameAsBadger(t *testing.T) {
	d := openEmpty(t)
	m := graph.NewMemory()
	b, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	batches := append([]graph.Batch{graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC(), graphtest.BatchA()}, extraBatches(4)...)
	for _, batch := range batches {
		got, err := d.Ingest(batch)
		if err != nil {
			t.Fatalf("dgraph Ingest(%s): %v", batch.Doc.ID, err)
		}
		want, err := b.Ingest(batch)
		if err != nil {
			t.Fatalf("badger Ingest(%s): %v", batch.Doc.ID, err)
		}
		if got != want {
			t.Errorf("Ingest(%s) = %+v, badger %+v", batch.Doc.ID, got, want)
		}
		if _, err := m.Ingest(batch); err != nil {
			t.Fatal(err)
		}
	}
	compareGraphs(t, d, m)
	compareGraphs(t, d, b)
	gs, err := d.Stats()
	if err != nil {
		t.Fatal(err)
	}
	bs, err := b.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gs, bs) {
		t.Errorf("Stats = %+v, badger %+v", gs, bs)
	}
}

type fullReader interface {
	graph.Lister
	graph.DocumentReader
}

func compareGraphs(t *testing.T, got, want fullReader) {
	t.Helper()
	for name, pair := range map[string][2]any{
		"entities":  {collect(t, got.Entities()), collect(t, want.Entities())},
		"relations": {collect(t, got.Relations()), collect(t, want.Relations())},
		"documents": {collect(t, got.Documents()), collect(t, want.Documents())},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s differ\n got %+v\nwant %+v", name, pair[0], pair[1])
		}
	}
}

func collect[T any](t *testing.T, seq func(func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for x, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}

// extraBatches returns n short documents (written for these tests), each
// naming London, a person of its own, and the person's trip there: every
// one of them merges into the same stored entity.
func extraBatches(n int) []graph.Batch {
	var out []graph.Batch
	for i := range n {
		doc := graph.DocID(fmt.Sprintf("doc-x%02d", i))
		name := fmt.Sprintf("Envoy Number%02d", i)
		body := name + " flew to London on Monday."
		id := graph.Slug(name)
		out = append(out, graph.Batch{
			Doc: graph.Document{ID: doc, Source: string(doc) + ".txt", Body: body, Ingested: time.Date(2011, 4, 1, 9, i, 0, 0, time.UTC)},
			Entities: []graph.Entity{
				{ID: id, Name: name, Type: graph.Person, Mentions: 1, Docs: []graph.DocID{doc}},
				{ID: "london", Name: "London", Type: graph.Place, Mentions: 1, Docs: []graph.DocID{doc}},
			},
			Relations: []graph.Relation{{Subject: id, Predicate: graph.TravelledTo, Object: "london",
				Evidence: []graph.Evidence{{Doc: doc, Sentence: body, Start: 0, End: len(body), Extractor: "test/1", Confidence: 0.5}}}},
		})
	}
	return out
}

// onePerson returns a document that names one person and nothing else.
func onePerson(doc graph.DocID, name string) graph.Batch {
	return graph.Batch{
		Doc:      graph.Document{ID: doc, Body: name + " spoke."},
		Entities: []graph.Entity{{ID: graph.Slug(name), Name: name, Type: graph.Person, Mentions: 1, Docs: []graph.DocID{doc}}},
	}
}

func TestSkip(t *testing.T) {
	s := openEmpty(t)
	first, err := s.Ingest(graphtest.BatchA())
	if err != nil {
		t.Fatal(err)
	}
	if first.Skipped || first.Entities != 5 || first.NewEntities != 5 || first.Relations != 3 || first.Evidence != 3 {
		t.Errorf("first Ingest = %+v, want 5 entities (5 new), 3 relations, 3 evidence", first)
	}
	again, err := s.Ingest(graphtest.BatchA())
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.IngestResult{Doc: first.Doc, Skipped: true}); again != want {
		t.Errorf("second Ingest = %+v, want %+v", again, want)
	}
	if _, err := s.Ingest(graph.Batch{}); err == nil {
		t.Error("Ingest of a batch without a document id succeeded")
	}
}

// TestConflictRetry makes another connection commit, between an ingest's
// reads and its commit, a transaction that touches what the ingest writes.
// Dgraph aborts the ingest; it must run again and lose nothing.
func TestConflictRetry(t *testing.T) {
	a := []graph.Batch{graphtest.BatchA()}
	tests := []struct {
		name        string
		before      []graph.Batch
		ingest      graph.Batch
		meanwhile   graph.Batch
		wantSkipped bool
	}{
		// Both ingest the same document: it lands once.
		{"same document", a, graphtest.BatchB(), graphtest.BatchB(), true},
		// Both merge into London (mentions, documents): no update is lost.
		{"same entity", a, graphtest.BatchB(), extraBatches(1)[0], false},
		// Both create Koussa, spelled two ways, with nothing else in
		// common: only their phonetic index key collides, and the second
		// must resolve to the first instead of making a duplicate.
		{"same new entity", nil, onePerson("doc-y", "Musa Kusa"), onePerson("doc-x", "Moussa Koussa"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openEmpty(t)
			other := connect(t)
			for _, b := range tt.before {
				if _, err := s.Ingest(b); err != nil {
					t.Fatal(err)
				}
			}
			var calls []int
			s.beforeCommit = func(attempt int) error {
				calls = append(calls, attempt)
				if attempt == 1 {
					if _, err := other.Ingest(tt.meanwhile); err != nil {
						return fmt.Errorf("concurrent ingest: %w", err)
					}
				}
				return nil
			}
			retries := s.Retries()
			res, err := s.Ingest(tt.ingest)
			if err != nil {
				t.Fatalf("Ingest: %v", err)
			}
			if got := s.Retries() - retries; got != 1 {
				t.Errorf("retries = %d, want 1 (calls %v)", got, calls)
			}
			if res.Skipped != tt.wantSkipped {
				t.Errorf("Skipped = %v, want %v", res.Skipped, tt.wantSkipped)
			}
			m := graph.NewMemory()
			for _, b := range append(tt.before, tt.meanwhile, tt.ingest) {
				if _, err := m.Ingest(b); err != nil {
					t.Fatal(err)
				}
			}
			compareGraphs(t, s, m)
			checkUnique(t, s)
		})
	}
}

// TestConcurrentIngest has two connections (two machines) ingest the same
// documents at once, one in the other's order for the documents whose
// order does not matter. Every document must land once, and the graph must
// be the one a single writer makes.
func TestConcurrentIngest(t *testing.T) {
	s := openEmpty(t)
	other := connect(t)
	extra := extraBatches(8)
	var forward, backward []graph.Batch
	forward = append(forward, graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC())
	backward = append(backward, graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC())
	forward = append(forward, extra...)
	for i := len(extra) - 1; i >= 0; i-- {
		backward = append(backward, extra[i])
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		added = map[graph.DocID]int{}
		errs  []error
	)
	for _, run := range []struct {
		s       *Store
		batches []graph.Batch
	}{{s, forward}, {other, backward}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, b := range run.batches {
				res, err := run.s.Ingest(b)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				} else if !res.Skipped {
					added[b.Doc.ID]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		t.Errorf("Ingest: %v", err)
	}
	for _, b := range forward {
		if added[b.Doc.ID] != 1 {
			t.Errorf("document %s added %d times, want once", b.Doc.ID, added[b.Doc.ID])
		}
	}
	t.Logf("retries after conflicts: %d and %d", s.Retries(), other.Retries())
	m := graph.NewMemory()
	for _, b := range forward {
		if _, err := m.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	compareGraphs(t, s, m)
	checkUnique(t, s)
}

// checkUnique checks at Dgraph's level that no entity id, relation key or
// document id has two nodes, and that no evidence node is left unlinked.
func checkUnique(t *testing.T, s *Store) {
	t.Helper()
	ctx, cancel := s.ctx()
	defer cancel()
	var out map[string][]map[string]any
	const q = `{
	entities(func: type(Entity)) { k: kg.id }
	relations(func: type(Relation)) { k: kg.key n: count(kg.evidence) }
	documents(func: type(Document)) { k: kg.doc }
	evidence(func: type(Evidence)) { count(uid) }
}`
	if err := query(ctx, s.dg.NewReadOnlyTxn(), q, nil, &out); err != nil {
		t.Fatal(err)
	}
	linked := 0.0
	for _, kind := range []string{"entities", "relations", "documents"} {
		seen := map[any]int{}
		for _, n := range out[kind] {
			seen[n["k"]]++
			if kind == "relations" {
				linked += n["n"].(float64)
			}
		}
		for k, c := range seen {
			if c != 1 {
				t.Errorf("%s: %v has %d nodes, want 1", kind, k, c)
			}
		}
	}
	if ev := out["evidence"][0]["count"].(float64); ev != linked {
		t.Errorf("%v evidence nodes, %v linked from relations", ev, linked)
	}
}
