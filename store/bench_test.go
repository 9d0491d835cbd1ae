package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// benchSize reads a size from the environment, for quicker runs:
// KG_BENCH_ENTITIES=10000 KG_BENCH_RELATIONS=100000 go test -bench Edges.
func benchSize(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func benchID(i int) graph.ID { return graph.ID(fmt.Sprintf("entity-%06d", i)) }

// bulkLoad writes a random graph of n entities and m relations into dir
// with a Badger WriteBatch (Ingest's resolution would dominate the load,
// and Edges reads only adjacency keys). Each relation carries one evidence
// record, so relation values are of realistic size.
func bulkLoad(b *testing.B, dir string, n, m int) {
	b.Helper()
	s, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	wb := s.db.NewWriteBatch()
	set := func(k, v []byte) {
		if err := wb.Set(k, v); err != nil {
			b.Fatal(err)
		}
	}
	for i := range n {
		e := graph.Entity{ID: benchID(i), Name: fmt.Sprintf("Entity %d", i), Type: graph.Types[i%len(graph.Types)], Mentions: 1}
		v, err := encodeEntity(e)
		if err != nil {
			b.Fatal(err)
		}
		set(entityKey(e.ID), v)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range m {
		s, o := rng.IntN(n), rng.IntN(n)
		if s == o {
			o = (o + 1) % n
		}
		k := graph.Key{Subject: benchID(s), Predicate: graph.Predicates[rng.IntN(len(graph.Predicates))], Object: benchID(o)}.Canonical()
		r := graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object, Evidence: []graph.Evidence{{
			Doc: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Start: 100, End: 180,
			Sentence: "A sentence of about eighty bytes that says one entity did something to another.",
		}}}
		v, err := encodeRelation(r)
		if err != nil {
			b.Fatal(err)
		}
		set(relationKey(k), v)
		set(outKey(k), nil)
		set(inKey(k), nil)
	}
	if err := wb.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkEdges measures one entity's neighbours on a random graph of
// 100,000 entities and 1,000,000 relations (about 20 edges per entity),
// opened read-only after the load as a query process would.
func BenchmarkEdges(b *testing.B) {
	n := benchSize("KG_BENCH_ENTITIES", 100_000)
	m := benchSize("KG_BENCH_RELATIONS", 1_000_000)
	dir := b.TempDir()
	start := time.Now()
	bulkLoad(b, dir, n, m)
	b.Logf("loaded %d entities, %d relations in %v", n, m, time.Since(start).Round(time.Millisecond))
	s, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// Warm the OS page cache and Badger's block cache with one sequential
	// pass over the adjacency keys, so that the first sub-benchmark does
	// not pay for the others.
	start = time.Now()
	for _, kind := range []byte{kindOut, kindIn} {
		err := s.db.View(func(txn *badger.Txn) error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kind}})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("scanned every adjacency key in %v", time.Since(start).Round(time.Millisecond))

	run := func(name string, dir graph.Direction, preds ...graph.Predicate) {
		b.Run(name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(3, 4))
			edges := 0
			for b.Loop() {
				for _, err := range s.Edges(benchID(rng.IntN(n)), dir, preds...) {
					if err != nil {
						b.Fatal(err)
					}
					edges++
				}
			}
			b.ReportMetric(float64(edges)/float64(b.N), "edges/op")
		})
	}
	run("out", graph.Out)
	run("in", graph.In)
	run("both", graph.Both)
	run("both/one-predicate", graph.Both, graph.TravelledTo)
	run("out/symmetric-predicate", graph.Out, graph.Met)

	b.Run("two-hop", func(b *testing.B) {
		rng := rand.New(rand.NewPCG(5, 6))
		reached := 0
		for b.Loop() {
			id := benchID(rng.IntN(n))
			seen := map[graph.ID]bool{id: true}
			for e, err := range s.Edges(id, graph.Both) {
				if err != nil {
					b.Fatal(err)
				}
				next := e.Other(id)
				if seen[next] {
					continue
				}
				seen[next] = true
				for e2, err := range s.Edges(next, graph.Both) {
					if err != nil {
						b.Fatal(err)
					}
					seen[e2.Other(next)] = true
				}
			}
			reached += len(seen)
		}
		b.ReportMetric(float64(reached)/float64(b.N), "nodes/op")
	})

	// graph.Neighbors to depth 2, reading each frontier with EdgesFrom (one
	// transaction and iterator) and with one Edges call per entity.
	for _, tc := range []struct {
		name string
		r    graph.Reader
	}{{"neighbors-2/frontier", s}, {"neighbors-2/per-entity", perEntity{s}}} {
		b.Run(tc.name, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(5, 6))
			reached := 0
			for b.Loop() {
				hops, err := graph.Neighbors(tc.r, benchID(rng.IntN(n)), 2, nil)
				if err != nil {
					b.Fatal(err)
				}
				reached += len(hops)
			}
			b.ReportMetric(float64(reached)/float64(b.N), "nodes/op")
		})
	}
}

// BenchmarkIngest measures Ingest of article-sized batches (20 entities, 15
// relations, a 5 kB body) into a database on disk, a quarter of the
// entities recurring across documents.
func BenchmarkIngest(b *testing.B) {
	s, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	body := make([]byte, 5000)
	for i := range body {
		body[i] = 'a' + byte(i%26)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	doc := 0
	for b.Loop() {
		doc++
		batch := graph.Batch{Doc: graph.Document{ID: graph.DocID(fmt.Sprintf("doc-%08d", doc)), Body: string(body)}}
		for j := range 20 {
			name := fmt.Sprintf("Person%d Family%d", doc*20+j, doc*20+j)
			if j < 5 { // recurring people
				k := rng.IntN(500)
				name = fmt.Sprintf("Recurring%d Name%d", k, k)
			}
			batch.Entities = append(batch.Entities, graph.Entity{ID: graph.Slug(name), Name: name, Type: graph.Person, Mentions: 1, Docs: []graph.DocID{batch.Doc.ID}})
		}
		for j := range 15 {
			batch.Relations = append(batch.Relations, graph.Relation{
				Subject: batch.Entities[j].ID, Predicate: graph.Predicates[j%len(graph.Predicates)], Object: batch.Entities[j+1].ID,
				Evidence: []graph.Evidence{{Doc: batch.Doc.ID, Start: j * 100, End: j*100 + 80, Sentence: string(body[:80])}},
			})
		}
		if _, err := s.Ingest(batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.db.Sync(); err != nil && err != badger.ErrBlockedWrites {
		b.Fatal(err)
	}
}

// BenchmarkTraverseDB times traversals on an existing database, such as
// one kg bench's generator built, opened read-only as a query process
// opens it: KG_BENCH_DB=/path/to/db go test -run - -bench TraverseDB
// ./store. It is skipped when KG_BENCH_DB is not set.
func BenchmarkTraverseDB(b *testing.B) {
	path := os.Getenv("KG_BENCH_DB")
	if path == "" {
		b.Skip("KG_BENCH_DB is not set: no database to traverse")
	}
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var ids []graph.ID
	err = s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: entityPrefix()})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			id, err := parseEntityKey(it.Item().Key())
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	sample := make([]graph.ID, 200)
	for i := range sample {
		sample[i] = ids[rng.IntN(len(ids))]
	}
	cached := NewCachedReader(s, 256<<20)
	for _, tc := range []struct {
		name string
		r    graph.Reader
	}{{"store", s}, {"cached", cached}} {
		// Warm: one pass over the samples, as kg bench does.
		for _, id := range sample {
			if _, err := graph.Neighbors(tc.r, id, 2, nil); err != nil {
				b.Fatal(err)
			}
		}
		b.Run("neighbors-2/"+tc.name, func(b *testing.B) {
			reached, i := 0, 0
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				hops, err := graph.Neighbors(tc.r, sample[i%len(sample)], 2, nil)
				times = append(times, time.Since(start))
				if err != nil {
					b.Fatal(err)
				}
				reached += len(hops)
				i++
			}
			slices.Sort(times)
			b.ReportMetric(float64(reached)/float64(b.N), "nodes/op")
			b.ReportMetric(float64(times[len(times)/2].Microseconds()), "p50-us")
		})
		b.Run("paths/"+tc.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if _, err := graph.ShortestPaths(tc.r, sample[i%len(sample)], sample[(i+7)%len(sample)], 6, nil, 1); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	n, size := cached.CacheSize()
	b.Logf("the cache holds %d entities, %d bytes", n, size)
	b.Run("edges-1", func(b *testing.B) {
		edges, i := 0, 0
		for b.Loop() {
			for _, err := range s.Edges(sample[i%len(sample)], graph.Both) {
				if err != nil {
					b.Fatal(err)
				}
				edges++
			}
			i++
		}
		b.ReportMetric(float64(edges)/float64(b.N), "edges/op")
	})
}
