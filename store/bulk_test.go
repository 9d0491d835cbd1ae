package store

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
)

// ingested returns a store holding the graphtest fixture, ingested.
func ingested(t *testing.T) *Store {
	t.Helper()
	s := openMem(t)
	for _, b := range []graph.Batch{graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC()} {
		if _, err := s.Ingest(b); err != nil {
			t.Fatalf("Ingest(%s): %v", b.Doc.ID, err)
		}
	}
	return s
}

// values drops the errors of a graph.Lister sequence (failing the test on one).
func values[T any](t *testing.T, seq iter.Seq2[T, error]) iter.Seq[T] {
	return func(yield func(T) bool) {
		for x, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			if !yield(x) {
				return
			}
		}
	}
}

// rawKeys returns every key and value in s but the documents', as "key=value" in hex.
func rawKeys(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().KeyCopy(nil)
			if k[0] == kindDoc {
				continue
			}
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%x=%x", k, v))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportSameAsIngest imports the graph an ingest built and checks that
// the two databases hold the same keys and values (documents aside) and
// answer every reader alike.
func TestImportSameAsIngest(t *testing.T) {
	defer func(n int) { inStreamMin = n }(inStreamMin)
	inStreamMin = 1 // the in keys in several streams, as a large import writes them
	for _, onDisk := range []bool{false, true} {
		t.Run(fmt.Sprintf("onDisk=%v", onDisk), func(t *testing.T) {
			src := ingested(t)
			var dst *Store
			dir := ""
			if onDisk {
				dir = t.TempDir()
				var err error
				if dst, err = Open(dir, Options{}); err != nil {
					t.Fatal(err)
				}
			} else {
				dst = openMem(t)
			}
			res, err := dst.Import(values(t, src.Entities()), values(t, src.Relations()))
			if err != nil {
				t.Fatalf("Import: %v", err)
			}
			st, err := src.Stats()
			if err != nil {
				t.Fatal(err)
			}
			want := ImportResult{Entities: st.Entities, Relations: st.Relations, Evidence: st.Evidence}
			res.Keys = 0
			if res != want {
				t.Errorf("Import = %+v, want %+v", res, want)
			}
			if onDisk { // what was written survives a reopen
				if err := dst.Close(); err != nil {
					t.Fatal(err)
				}
				if dst, err = Open(dir, Options{ReadOnly: true}); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { dst.Close() })
			}
			if got, want := rawKeys(t, dst), rawKeys(t, src); !reflect.DeepEqual(got, want) {
				t.Errorf("imported keys differ from ingested ones:\nimported %q\ningested %q", got, want)
			}
			compareReaders(t, dst, src)
		})
	}
}

// compareReaders checks that got answers graph's readers as want does.
func compareReaders(t *testing.T, got, want *Store) {
	t.Helper()
	ge, we := collect(t, got.Entities()), collect(t, want.Entities())
	if !reflect.DeepEqual(ge, we) {
		t.Errorf("Entities differ:\ngot  %+v\nwant %+v", ge, we)
	}
	if g, w := collect(t, got.Relations()), collect(t, want.Relations()); !reflect.DeepEqual(g, w) {
		t.Errorf("Relations differ:\ngot  %+v\nwant %+v", g, w)
	}
	for _, e := range we {
		for _, dir := range []graph.Direction{graph.Out, graph.In, graph.Both} {
			g, w := collect(t, got.Edges(e.ID, dir)), collect(t, want.Edges(e.ID, dir))
			if !reflect.DeepEqual(g, w) {
				t.Errorf("Edges(%s, %d) = %v, want %v", e.ID, dir, g, w)
			}
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			g, err := got.Resolve(name)
			if err != nil {
				t.Fatal(err)
			}
			w, err := want.Resolve(name)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("Resolve(%q) = %v, want %v", name, g, w)
			}
		}
		g, gok, err := got.Entity(e.ID)
		if err != nil || !gok || !reflect.DeepEqual(g, e) {
			t.Errorf("Entity(%s) = %+v, %v, %v; want %+v", e.ID, g, gok, err, e)
		}
	}
}

func TestImportMerges(t *testing.T) {
	s := openMem(t)
	ev := func(start int) graph.Evidence {
		return graph.Evidence{Doc: "d1", Sentence: "A met B.", Start: start, End: start + 8}
	}
	ents := []graph.Entity{
		{ID: "b", Name: "Bea Bold", Type: graph.Person, Mentions: 1, Docs: []graph.DocID{"d2"}},
		{ID: "a", Name: "Al Able", Type: graph.Person, Mentions: 2},
		{ID: "b", Name: "Bold", Type: graph.Person, Mentions: 3, Docs: []graph.DocID{"d1"}},
	}
	rels := []graph.Relation{
		{Subject: "a", Predicate: graph.Met, Object: "b", Evidence: []graph.Evidence{ev(10)}},
		{Subject: "b", Predicate: graph.Met, Object: "a", Evidence: []graph.Evidence{ev(0), ev(10)}}, // the same, reversed
		{Subject: "b", Predicate: graph.Advised, Object: "b"},                                        // a self-loop
		{Subject: "b", Predicate: graph.Advised, Object: "a", Attrs: map[string]string{"role": "aide"}},
		{Subject: "b", Predicate: graph.Advised, Object: "a", Attrs: map[string]string{"role": "envoy", "since": "2010"}},
	}
	res, err := s.Import(slicesValues(ents), slicesValues(rels))
	if err != nil {
		t.Fatal(err)
	}
	if len(rels[0].Evidence) != 1 || len(rels[3].Attrs) != 1 {
		t.Errorf("Import changed the relations it was given: %+v", rels)
	}
	adv, _, err := s.Relation(graph.Key{Subject: "b", Predicate: graph.Advised, Object: "a"})
	if want := map[string]string{"role": "aide", "since": "2010"}; err != nil || !reflect.DeepEqual(adv.Attrs, want) {
		t.Errorf("merged attributes = %v, %v; want %v", adv.Attrs, err, want)
	}
	if res.Entities != 2 || res.Relations != 2 || res.Evidence != 2 {
		t.Errorf("Import = %+v, want 2 entities, 2 relations, 2 evidence records", res)
	}
	b, _, err := s.Entity("b")
	if err != nil {
		t.Fatal(err)
	}
	if b.Mentions != 4 || !reflect.DeepEqual(b.Docs, []graph.DocID{"d1", "d2"}) || !reflect.DeepEqual(b.Aliases, []string{"Bold"}) {
		t.Errorf("merged entity = %+v, want 4 mentions, docs d1 d2, alias Bold", b)
	}
	r, ok, err := s.Relation(graph.Key{Subject: "b", Predicate: graph.Met, Object: "a"})
	if err != nil || !ok {
		t.Fatalf("Relation(a met b) = %v, %v", ok, err)
	}
	if len(r.Evidence) != 2 || r.Evidence[0].Start != 0 {
		t.Errorf("merged evidence = %+v, want starts 0 and 10", r.Evidence)
	}
	ids, err := s.Resolve("Bold")
	if err != nil || !reflect.DeepEqual(ids, []graph.ID{"b"}) {
		t.Errorf("Resolve(Bold) = %v, %v; want [b]", ids, err)
	}
}

// TestInOrder checks that inOrder yields the in keys of relations given in
// key order sorted, whether their ends are among the entities or not and
// whatever their predicates.
func TestInOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	few := []graph.ID{"", "a", "a\x00", "ab", "b", "ba", "c\x00d", "zz", "\xff"}
	many := slices.Clone(few) // enough ends that are not entities for inOrder's table to grow
	for i := range 100 {
		many = append(many, graph.ID(fmt.Sprintf("e%d\x00%d", i%7, i)))
	}
	preds := []graph.Predicate{graph.Met, graph.Advised, "", "custom", "a\x00b", graph.Killed}
	for _, tc := range []struct {
		names []graph.ID
		known int
	}{{few, len(few)}, {few, 4}, {few, 0}, {many, len(many)}, {many, 10}} {
		names, known := tc.names, tc.known
		t.Run(fmt.Sprintf("ends=%d,known=%d", len(names), known), func(t *testing.T) {
			ids := slices.Sorted(slices.Values(names[:known]))
			seen := map[graph.Key]bool{}
			var keys []graph.Key
			for range 30 * len(names) {
				k := graph.Key{Subject: names[rng.IntN(len(names))], Predicate: preds[rng.IntN(len(preds))], Object: names[rng.IntN(len(names))]}.Canonical()
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
			slices.SortFunc(keys, graph.Key.Compare)
			o := newInOrder(ids)
			var want [][]byte
			for _, k := range keys {
				o.add(k)
				want = append(want, inKey(k))
			}
			slices.SortFunc(want, bytes.Compare)
			keysInOrder, err := o.sorted()
			if err != nil {
				t.Fatal(err)
			}
			var got [][]byte
			for k := range keysInOrder {
				got = append(got, bytes.Clone(k))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("in keys:\ngot  %q\nwant %q", got, want)
			}
		})
	}
}

func slicesValues[T any](xs []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range xs {
			if !yield(x) {
				return
			}
		}
	}
}

func TestImportRefuses(t *testing.T) {
	t.Run("not empty", func(t *testing.T) {
		s := ingested(t)
		before := rawKeys(t, s)
		_, err := s.Import(slicesValues([]graph.Entity{{ID: "x", Name: "X", Type: graph.Place}}), nil)
		if !errors.Is(err, ErrNotEmpty) {
			t.Errorf("Import into a full database: %v, want ErrNotEmpty", err)
		}
		if after := rawKeys(t, s); !reflect.DeepEqual(after, before) {
			t.Errorf("a refused import changed the database")
		}
	})
	t.Run("unsorted", func(t *testing.T) {
		s := openMem(t)
		rels := []graph.Relation{
			{Subject: "b", Predicate: graph.Advised, Object: "c"},
			{Subject: "a", Predicate: graph.Advised, Object: "c"},
		}
		_, err := s.Import(slicesValues([]graph.Entity{{ID: "a", Name: "A", Type: graph.Place}}), slicesValues(rels))
		if !errors.Is(err, ErrUnsorted) {
			t.Fatalf("Import of unsorted relations: %v, want ErrUnsorted", err)
		}
		if got := rawKeys(t, s); len(got) != 1 || !bytes.HasPrefix([]byte(got[0]), []byte("01=")) {
			t.Errorf("after a failed import the database holds %q, want only the schema version", got)
		}
		// and it can still be imported into
		if _, err := s.Import(slicesValues([]graph.Entity{{ID: "a", Name: "A", Type: graph.Place}}), nil); err != nil {
			t.Errorf("Import after a failed one: %v", err)
		}
	})
	t.Run("read-only", func(t *testing.T) {
		dir := t.TempDir()
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		ro, err := Open(dir, Options{ReadOnly: true})
		if err == nil {
			defer ro.Close()
			_, err = ro.Import(nil, nil)
		}
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("Import read-only: %v, want ErrReadOnly", err)
		}
	})
}

func TestScanAdjacency(t *testing.T) {
	s := ingested(t)
	for e, err := range s.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		n, err := s.ScanAdjacency(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for range s.Edges(e.ID, graph.Both) {
			want++
		}
		if n != want {
			t.Errorf("ScanAdjacency(%s) = %d, want %d (its edges)", e.ID, n, want)
		}
	}
}

// BenchmarkImport imports a random graph of KG_BENCH_ENTITIES entities
// (default 10,000) and ten times as many relations into a new database.
func BenchmarkImport(b *testing.B) {
	n := benchSize("KG_BENCH_ENTITIES", 10_000)
	m := 10 * n
	rels := make([]graph.Relation, 0, m)
	for i := range m {
		s, o := i/10, (i*7919+1)%n
		if s == o {
			o = (o + 1) % n
		}
		k := graph.Key{Subject: benchID(s), Predicate: graph.Predicates[i%len(graph.Predicates)], Object: benchID(o)}.Canonical()
		rels = append(rels, graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object, Evidence: []graph.Evidence{{
			Doc: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Start: 100, End: 180,
			Sentence: "A sentence of about eighty bytes that says one entity did something to another.",
		}}})
	}
	slices.SortFunc(rels, func(x, y graph.Relation) int { return x.Key().Compare(y.Key()) })
	ents := make([]graph.Entity, n)
	for i := range ents {
		ents[i] = graph.Entity{ID: benchID(i), Name: fmt.Sprintf("Entity %d", i), Type: graph.Types[i%len(graph.Types)], Mentions: 1}
	}
	for b.Loop() {
		b.StopTimer()
		s, err := Open(b.TempDir(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Import(slicesValues(ents), slicesValues(rels)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(m*b.N)/b.Elapsed().Seconds(), "relations/s")
}

// TestAppendKV checks the hand-written protobuf encoding against protobuf's.
func TestAppendKV(t *testing.T) {
	for _, tt := range []struct {
		stream uint32
		k, v   []byte
	}{
		{1, []byte{1}, []byte{0, 0, 0, 1}},
		{6, bytes.Repeat([]byte("k"), 300), nil},
		{200, []byte("key"), bytes.Repeat([]byte("v"), 70000)},
	} {
		got, want := z.NewBuffer(1<<10, "test"), z.NewBuffer(1<<10, "test")
		appendKV(got, tt.stream, tt.k, tt.v)
		badger.KVToBuffer(&pb.KV{Key: tt.k, Value: tt.v, Version: 1, StreamId: tt.stream}, want)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("stream %d, %d-byte key, %d-byte value: got %x, want %x", tt.stream, len(tt.k), len(tt.v), got.Bytes(), want.Bytes())
		}
		got.Release()
		want.Release()
	}
}

func TestAppendDone(t *testing.T) {
	got, want := z.NewBuffer(1<<10, "test"), z.NewBuffer(1<<10, "test")
	defer got.Release()
	defer want.Release()
	w := &kvWriter{buf: got}
	w.done(300)
	badger.KVToBuffer(&pb.KV{StreamId: 300, StreamDone: true}, want)
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("got %x, want %x", got.Bytes(), want.Bytes())
	}
}

// TestEntityDocsBounded ingests more articles naming one entity than an
// entity's value lists, and checks the list keeps the first by id while
// mentions count them all.
func TestEntityDocsBounded(t *testing.T) {
	s := openMem(t)
	n := MaxEntityDocs + 20
	var ids []graph.DocID
	for i := range n {
		doc := graph.DocID(fmt.Sprintf("doc-%04d", (i*7919)%n)) // not in id order
		ids = append(ids, doc)
		b := graph.Batch{Doc: graph.Document{ID: doc, Body: "Libya."},
			Entities: []graph.Entity{{ID: "libya", Name: "Libya", Type: graph.Place, Mentions: 1, Docs: []graph.DocID{doc}}}}
		if _, err := s.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	e, ok, err := s.Entity("libya")
	if err != nil || !ok {
		t.Fatalf("Entity(libya) = %v, %v", ok, err)
	}
	slices.Sort(ids)
	if !reflect.DeepEqual(e.Docs, ids[:MaxEntityDocs]) {
		t.Errorf("Docs = %d ids from %s, want the first %d by id", len(e.Docs), e.Docs[0], MaxEntityDocs)
	}
	if e.Mentions != n {
		t.Errorf("Mentions = %d, want %d", e.Mentions, n)
	}
}

// TestKeyArena checks the sorted, deduplicated merge of several runs and
// chunks, with keys of every length up to the largest.
func TestKeyArena(t *testing.T) {
	defer func(c, r int) { arenaChunk, arenaRun = c, r }(arenaChunk, arenaRun)
	arenaChunk, arenaRun = 1<<17, 1000
	var a keyArena
	var want [][]byte
	rng := rand.New(rand.NewPCG(1, 2))
	n := 5*arenaRun + 123 // several runs, the last one short
	for i := range n {
		k := make([]byte, rng.IntN(40))
		for j := range k {
			k[j] = byte(rng.IntN(4)) // few letters: many duplicates and shared prefixes
		}
		if i == 7 {
			k = bytes.Repeat([]byte{9}, maxKeySize) // a key of the largest size
		}
		a.add(k)
		want = append(want, k)
	}
	slices.SortFunc(want, bytes.Compare)
	want = slices.CompactFunc(want, bytes.Equal)
	var got [][]byte
	for k := range a.sorted() {
		got = append(got, k)
	}
	if len(got) != len(want) {
		t.Fatalf("%d keys, want %d", len(got), len(want))
	}
	for i := range got {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("key %d = %x, want %x", i, got[i], want[i])
		}
	}
	if len(a.chunks) < 2 {
		t.Errorf("%d chunks: the test should cross a chunk boundary", len(a.chunks))
	}
}

// BenchmarkInOrder numbers the ends of ten relations per entity, objects
// at random among KG_BENCH_ENTITIES entities (default 100,000), and sorts
// their in keys: Import's work for the in keys, but for writing them.
func BenchmarkInOrder(b *testing.B) {
	n := benchSize("KG_BENCH_ENTITIES", 100_000)
	ids := make([]graph.ID, n)
	for i := range ids {
		ids[i] = graph.ID(fmt.Sprintf("entity-%08d-%x", i, i*7919))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	keys := make([]graph.Key, 0, 10*n)
	for s := range n {
		for range 10 {
			keys = append(keys, graph.Key{Subject: ids[s], Predicate: graph.Met, Object: ids[rng.IntN(n)]})
		}
	}
	for b.Loop() {
		o := newInOrder(ids)
		for _, k := range keys {
			o.add(k)
		}
		if _, err := o.sort(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(keys)*b.N)/b.Elapsed().Seconds(), "relations/s")
}

// TestGatherEntities checks that entities come back in id order, each id
// once, merged in the order they came, whether or not they came in order.
func TestGatherEntities(t *testing.T) {
	e := func(id graph.ID, name string, mentions int) graph.Entity {
		return graph.Entity{ID: id, Name: name, Type: graph.Person, Mentions: mentions, Docs: []graph.DocID{graph.DocID(name)}}
	}
	for _, tc := range []struct {
		name string
		in   []graph.Entity
	}{
		{"empty", nil},
		{"in order", []graph.Entity{e("a", "A", 1), e("b", "B", 1), e("c", "C", 1)}},
		{"in order with repeats", []graph.Entity{e("a", "A", 1), e("a", "Al", 2), e("b", "B", 1), e("b", "Bo", 4), e("b", "Bea", 8)}},
		{"out of order", []graph.Entity{e("c", "C", 1), e("a", "A", 1), e("b", "B", 1)}},
		{"out of order with repeats", []graph.Entity{e("b", "Bea", 8), e("a", "A", 1), e("b", "B", 1), e("c", "C", 1), e("a", "Al", 2), e("b", "Bo", 4)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// What Import did before: merge into a map in the order given.
			byID := map[graph.ID]graph.Entity{}
			for _, x := range tc.in {
				if old, ok := byID[x.ID]; ok {
					x = graph.MergeEntity(old, x)
				}
				byID[x.ID] = x
			}
			var want []graph.Entity
			for _, id := range slices.Sorted(maps.Keys(byID)) {
				want = append(want, byID[id])
			}
			got, err := gatherEntities(slicesValues(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
				t.Errorf("gatherEntities:\ngot  %+v\nwant %+v", got, want)
			}
		})
	}
	if _, err := gatherEntities(slicesValues([]graph.Entity{{Name: "No Id"}})); err == nil {
		t.Error("gatherEntities took an entity with no id")
	}
}

// TestSortRefs checks the radix sort of keyArena's runs against a
// comparison sort, on keys of every byte value and on keys alike for
// longer than their heads.
func TestSortRefs(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range []struct {
		name   string
		prefix int // bytes every key shares
		alpha  int // byte values used after it
	}{{"any bytes", 0, 256}, {"few bytes", 0, 3}, {"long shared prefix", 20, 256}, {"shared kind byte", 1, 26}} {
		t.Run(tc.name, func(t *testing.T) {
			var a keyArena
			a.chunks = [][]byte{make([]byte, 0, arenaChunk)}
			var want [][]byte
			for range 3000 {
				k := bytes.Repeat([]byte{'k'}, tc.prefix)
				for range rng.IntN(20) {
					k = append(k, byte(rng.IntN(tc.alpha)))
				}
				a.add(k)
				want = append(want, k)
			}
			refs := a.refs
			sortRefs(refs, make([]keyRef, len(refs)), a.chunks, 0)
			slices.SortFunc(want, bytes.Compare)
			for i, r := range refs {
				if got := keyAt(a.chunks, r.at); !bytes.Equal(got, want[i]) {
					t.Fatalf("key %d = %x, want %x", i, got, want[i])
				}
			}
		})
	}
}
