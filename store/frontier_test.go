package store

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
)

var _ graph.FrontierReader = (*Store)(nil)

// perEntity hides a Reader's EdgesFrom, so traversals fall back to one Edges
// call per entity.
type perEntity struct{ graph.Reader }

// genGraph builds the same random graph, with hubs and every predicate
// (symmetric ones stored either way round), in a Memory and an in-memory
// Store.
func genGraph(t *testing.T, n, m int, seed int64) (*graph.Memory, *Store, []graph.ID) {
	t.Helper()
	rng := rand.New(rand.NewSource(seed))
	ids := make([]graph.ID, n)
	mem := graph.NewMemory()
	var ents []graph.Entity
	for i := range ids {
		ids[i] = graph.ID(fmt.Sprintf("e%03d", i))
		e := graph.Entity{ID: ids[i], Name: fmt.Sprintf("Name %d", i), Type: graph.Person}
		ents = append(ents, e)
		mem.PutEntity(e)
	}
	// Squaring a uniform draw favours low indexes: a few hubs.
	pick := func() graph.ID { f := rng.Float64(); return ids[int(f*f*float64(n))] }
	seen := map[graph.Key]bool{}
	var rels []graph.Relation
	for len(rels) < m {
		s, o := pick(), pick()
		if s == o {
			continue
		}
		p := graph.Predicates[rng.Intn(len(graph.Predicates))]
		k := graph.Key{Subject: s, Predicate: p, Object: o}
		if seen[k.Canonical()] {
			continue
		}
		seen[k.Canonical()] = true
		r := graph.Relation{Subject: s, Predicate: p, Object: o}
		rels = append(rels, r)
		mem.PutRelation(r)
	}
	slices.SortFunc(rels, func(a, b graph.Relation) int {
		return a.Key().Compare(b.Key())
	})
	st := openMem(t)
	if _, err := st.Import(slicesValues(ents), slicesValues(rels)); err != nil {
		t.Fatalf("Import: %v", err)
	}
	return mem, st, ids
}

func TestEdgesFromMatchesEdges(t *testing.T) {
	_, st, ids := genGraph(t, 60, 300, 1)
	frontier := []graph.ID{ids[5], ids[0], "missing", ids[17], ids[0], ids[59]}
	for _, tc := range []struct {
		name  string
		dir   graph.Direction
		preds []graph.Predicate
	}{
		{"both", graph.Both, nil},
		{"out", graph.Out, nil},
		{"in", graph.In, nil},
		{"both met advised", graph.Both, []graph.Predicate{graph.Met, graph.Advised}},
		{"out symmetric only", graph.Out, []graph.Predicate{graph.FamilyOf, graph.FamilyOf}},
		{"in asymmetric only", graph.In, []graph.Predicate{graph.MemberOf}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type got struct {
				from graph.ID
				e    graph.Edge
			}
			var want, have []got
			for _, id := range frontier {
				for e, err := range st.Edges(id, tc.dir, tc.preds...) {
					if err != nil {
						t.Fatalf("Edges(%q): %v", id, err)
					}
					want = append(want, got{id, e})
				}
			}
			err := st.EdgesFrom(frontier, tc.dir, tc.preds, func(from graph.ID, e graph.Edge) bool {
				have = append(have, got{from, e})
				return true
			})
			if err != nil {
				t.Fatalf("EdgesFrom: %v", err)
			}
			if len(want) == 0 {
				t.Fatal("the generated graph gives no edges: the test proves nothing")
			}
			if !reflect.DeepEqual(have, want) {
				t.Errorf("EdgesFrom gave %d edges, Edges %d; first difference at %d", len(have), len(want), firstDiff(have, want))
			}
		})
	}
	t.Run("stop early", func(t *testing.T) {
		calls := 0
		err := st.EdgesFrom(frontier, graph.Both, nil, func(graph.ID, graph.Edge) bool {
			calls++
			return calls < 3
		})
		if err != nil || calls != 3 {
			t.Errorf("EdgesFrom stopped after %d calls, err %v; want 3, nil", calls, err)
		}
	})
}

func firstDiff[T comparable](a, b []T) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestTraversalsWithFrontierReader checks that Neighbors and ShortestPaths
// give the same results over the store with EdgesFrom, over the store one
// entity at a time, and over a Memory holding the same graph.
func TestTraversalsWithFrontierReader(t *testing.T) {
	mem, st, ids := genGraph(t, 200, 700, 2)
	readers := []struct {
		name string
		r    graph.Reader
	}{{"store per entity", perEntity{st}}, {"memory", mem}}
	preds := [][]graph.Predicate{nil, {graph.Met, graph.Advised, graph.MemberOf}}
	rng := rand.New(rand.NewSource(3))
	reached, paths := 0, 0
	for i := 0; i < 20; i++ {
		id := ids[rng.Intn(len(ids))]
		p := preds[i%len(preds)]
		want, err := graph.Neighbors(st, id, 3, p)
		if err != nil {
			t.Fatalf("Neighbors(%q): %v", id, err)
		}
		reached += len(want)
		for _, rd := range readers {
			got, err := graph.Neighbors(rd.r, id, 3, p)
			if err != nil {
				t.Fatalf("%s: Neighbors(%q): %v", rd.name, id, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Neighbors(%q, %v) differs from the store's with EdgesFrom at %d of %d/%d hops",
					rd.name, id, p, firstDiff(got, want), len(got), len(want))
			}
		}
		to := ids[rng.Intn(len(ids))]
		wantP, err := graph.ShortestPaths(st, id, to, 6, p, 0)
		if err != nil {
			t.Fatalf("ShortestPaths(%q, %q): %v", id, to, err)
		}
		paths += len(wantP)
		for _, rd := range readers {
			got, err := graph.ShortestPaths(rd.r, id, to, 6, p, 0)
			if err != nil {
				t.Fatalf("%s: ShortestPaths(%q, %q): %v", rd.name, id, to, err)
			}
			if !reflect.DeepEqual(got, wantP) {
				t.Errorf("%s: ShortestPaths(%q, %q, %v) = %d paths, the store's with EdgesFrom %d, or they differ",
					rd.name, id, to, p, len(got), len(wantP))
			}
		}
	}
	if reached < 100 || paths < 10 {
		t.Errorf("only %d hops and %d paths in all: the generated graph is too sparse to prove anything", reached, paths)
	}
}

var (
	_ graph.FrontierReader = (*CachedReader)(nil)
	_ graph.Reader         = (*CachedReader)(nil)
)

// cachedConformant adapts a CachedReader to graphtest.Graph.
type cachedConformant struct{ *CachedReader }

func (c cachedConformant) Ingest(b graph.Batch) (bool, error) {
	res, err := c.Store.Ingest(b)
	return !res.Skipped, err
}

// cacheAll returns s with a cache that keeps every entity it reads in
// full, so that the small graphs of the tests go through it.
func cacheAll(s *Store, maxBytes int64) *CachedReader {
	c := NewCachedReader(s, maxBytes)
	c.cache.minDegree = 1
	return c
}

// TestCachedConformance runs the shared suite on a cached store that keeps
// every entity: a stale cache after an ingest fails EdgesAfterIngest.
func TestCachedConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) graphtest.Graph { return cachedConformant{cacheAll(openMem(t), 1<<20)} })
}

// edgeLists reads every edge of ids through r in every direction, with and
// without predicate filters, one call to Edges per entity and one call to
// EdgesFrom for all.
func edgeLists(t *testing.T, r interface {
	graph.Reader
	graph.FrontierReader
}, ids []graph.ID) []string {
	t.Helper()
	var out []string
	filters := [][]graph.Predicate{nil, {graph.Met}, {graph.TravelledTo, graph.Advised, graph.Met}, {graph.FamilyOf, "bribed"}}
	for _, dir := range []graph.Direction{graph.Out, graph.In, graph.Both} {
		for _, preds := range filters {
			for _, id := range ids {
				for e, err := range r.Edges(id, dir, preds...) {
					if err != nil {
						t.Fatalf("Edges(%q): %v", id, err)
					}
					out = append(out, fmt.Sprintf("%d %v %s: %v", dir, preds, id, e))
				}
			}
			err := r.EdgesFrom(ids, dir, preds, func(from graph.ID, e graph.Edge) bool {
				out = append(out, fmt.Sprintf("from %d %v %s: %v", dir, preds, from, e))
				return true
			})
			if err != nil {
				t.Fatalf("EdgesFrom: %v", err)
			}
		}
	}
	return out
}

// TestCachedReaderMatchesStore reads a graph with hubs through the cache,
// cold and warm, with a bound that holds all of it and one that forces
// evictions, and compares every edge and traversal with the store's.
func TestCachedReaderMatchesStore(t *testing.T) {
	_, st, ids := genGraph(t, 80, 500, 4)
	ids = append(ids, "missing")
	want := edgeLists(t, st, ids)
	cachedAll := 0
	for _, tc := range []struct {
		name     string
		maxBytes int64
		evicts   bool
	}{{"all fits", 1 << 20, false}, {"evictions", 4 << 10, true}} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCachedReader(st, tc.maxBytes)
			c.cache.minDegree = 8
			for pass := range 2 {
				got := edgeLists(t, c, ids)
				if !slices.Equal(got, want) {
					t.Fatalf("pass %d: the cached reader gave %d edges, the store %d; first difference at %d", pass, len(got), len(want), firstDiff(got, want))
				}
			}
			n, size := c.CacheSize()
			if n == 0 {
				t.Fatal("nothing was cached: the test proves nothing")
			}
			if size > tc.maxBytes {
				t.Errorf("the cache holds %d bytes, over its bound of %d", size, tc.maxBytes)
			}
			if tc.evicts && n >= cachedAll {
				t.Errorf("%d entities cached under a bound of %d bytes, as many as under 1 MB: no eviction was tested", n, tc.maxBytes)
			}
			if !tc.evicts {
				cachedAll = n
			}
			for i, id := range ids[:30] {
				to := ids[(i*7+3)%len(ids)]
				for _, preds := range [][]graph.Predicate{nil, {graph.Met, graph.MemberOf}} {
					wantN, err := graph.Neighbors(st, id, 2, preds)
					if err != nil {
						t.Fatal(err)
					}
					gotN, err := graph.Neighbors(c, id, 2, preds)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(gotN, wantN) {
						t.Errorf("Neighbors(%q, %v) through the cache differ from the store's", id, preds)
					}
					wantP, err := graph.ShortestPaths(st, id, to, 6, preds, 0)
					if err != nil {
						t.Fatal(err)
					}
					gotP, err := graph.ShortestPaths(c, id, to, 6, preds, 0)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(gotP, wantP) {
						t.Errorf("ShortestPaths(%q, %q, %v) through the cache differ from the store's", id, to, preds)
					}
				}
			}
		})
	}
}

// TestCachedReaderSeesWrites fills the cache, then changes the graph
// through the store (a document forgotten, its relations with it; another
// ingested) and checks that the cache serves the new edges, not the ones
// it holds.
func TestCachedReaderSeesWrites(t *testing.T) {
	st := openMem(t)
	c := cacheAll(st, 1<<20)
	for _, b := range []graph.Batch{graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC()} {
		if _, err := st.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	var ids []graph.ID
	for e, err := range st.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.ID)
	}
	check := func(when string) {
		t.Helper()
		if got, want := edgeLists(t, c, ids), edgeLists(t, st, ids); !slices.Equal(got, want) {
			t.Errorf("%s: the cached reader gave %d edges, the store %d; first difference at %d", when, len(got), len(want), firstDiff(got, want))
		}
		if n, _ := c.CacheSize(); n == 0 {
			t.Errorf("%s: nothing was cached: the test proves nothing", when)
		}
	}
	check("after ingest")
	before := len(edgeLists(t, st, ids))
	if _, err := st.Forget(graphtest.BatchB().Doc.ID); err != nil {
		t.Fatal(err)
	}
	if len(edgeLists(t, st, ids)) == before {
		t.Fatal("forgetting a document removed no edge: the test proves nothing")
	}
	check("after forget")
	if _, err := st.Ingest(graphtest.BatchB()); err != nil {
		t.Fatal(err)
	}
	check("after ingesting it again")
}

// TestCachedReaderReadOnly caches hubs of a database opened read-only, as
// kg bench and the query commands open it.
func TestCachedReaderReadOnly(t *testing.T) {
	dir := t.TempDir()
	_, mem, ids := genGraph(t, 60, 400, 5)
	w, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ents []graph.Entity
	for e, err := range mem.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		ents = append(ents, e)
	}
	var rels []graph.Relation
	for r, err := range mem.Relations() {
		if err != nil {
			t.Fatal(err)
		}
		rels = append(rels, r)
	}
	if _, err := w.Import(slicesValues(ents), slicesValues(rels)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	c := NewCachedReader(ro, 1<<20)
	c.cache.minDegree = 10
	want := edgeLists(t, ro, ids)
	for pass := range 2 {
		if got := edgeLists(t, c, ids); !slices.Equal(got, want) {
			t.Fatalf("pass %d: the cached reader gave %d edges, the store %d; first difference at %d", pass, len(got), len(want), firstDiff(got, want))
		}
	}
	if n, _ := c.CacheSize(); n == 0 {
		t.Error("nothing was cached: the test proves nothing")
	}
}

// TestCachedReaderConcurrent runs traversals through one cache from
// several goroutines, with a bound that forces evictions, while another
// goroutine writes (run it with -race).
func TestCachedReaderConcurrent(t *testing.T) {
	_, st, ids := genGraph(t, 80, 500, 6)
	want := make([][]graph.Hop, len(ids))
	for i, id := range ids {
		var err error
		if want[i], err = graph.Neighbors(st, id, 2, nil); err != nil {
			t.Fatal(err)
		}
	}
	c := NewCachedReader(st, 8<<10)
	c.cache.minDegree = 4
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(ids) {
				i := (k*7 + g) % len(ids)
				got, err := graph.Neighbors(c, ids[i], 2, nil)
				if err != nil {
					errs <- err
					return
				}
				if !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Errorf("Neighbors(%q) through the cache differ from the store's", ids[i])
					return
				}
			}
		}()
	}
	// Writes that change no edge still move the read timestamp, and so
	// empty the cache under the readers' feet.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 20 {
			if _, err := st.Ingest(graph.Batch{Doc: graph.Document{ID: graph.DocID(fmt.Sprintf("doc-%02d", i)), Body: "Nothing happened."}}); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
