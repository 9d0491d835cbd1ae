package dgraph

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// The benchmarks compare this package with the Badger store on the same
// small graph, made by ingesting the same generated documents into both:
//
//	KG_DGRAPH_ADDR=127.0.0.1:9080 go test -run XXX -bench . ./store/dgraph/
//
// KG_BENCH_DOCS (default 200) sets the number of documents; each names 8
// of a pool of people and places and states 12 relations among them.

func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("KG_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 200
}

var syllables = []string{"ba", "ko", "ri", "men", "sa", "tu", "lin", "do", "vek", "ar", "zo", "pel", "nu", "gha", "ti", "ros"}

// benchName returns a made-up two-word name, distinct for each i.
func benchName(i int) string {
	word := func(n int) string {
		var b strings.Builder
		for range 3 {
			b.WriteString(syllables[n%len(syllables)])
			n /= len(syllables)
		}
		return strings.ToUpper(b.String()[:1]) + b.String()[1:]
	}
	return word(i) + " " + word(i*7+3)
}

// benchCorpus returns n generated documents over a pool of 4n/3 entities.
func benchCorpus(n int) []graph.Batch {
	rng := rand.New(rand.NewPCG(7, 11))
	pool := n * 4 / 3
	var out []graph.Batch
	for d := range n {
		doc := graph.DocID(fmt.Sprintf("%064x", d+1))
		const sentence = "A sentence of about eighty bytes that says one entity did something to another. "
		body := strings.Repeat(sentence, 12)
		b := graph.Batch{Doc: graph.Document{ID: doc, Source: fmt.Sprintf("bench-%d.txt", d), Body: body, Ingested: time.Unix(int64(d), 0).UTC()}}
		picked := map[int]bool{}
		for len(b.Entities) < 8 {
			i := rng.IntN(pool)
			if picked[i] {
				continue
			}
			picked[i] = true
			typ := graph.Person
			if i%5 == 0 {
				typ = graph.Place
			}
			name := benchName(i)
			b.Entities = append(b.Entities, graph.Entity{ID: graph.Slug(name), Name: name, Type: typ, Mentions: 1, Docs: []graph.DocID{doc}})
		}
		for r := range 12 {
			s, o := b.Entities[rng.IntN(8)].ID, b.Entities[rng.IntN(8)].ID
			start, end := r*len(sentence), (r+1)*len(sentence)-1
			b.Relations = append(b.Relations, graph.Relation{
				Subject: s, Predicate: graph.Predicates[rng.IntN(len(graph.Predicates))], Object: o,
				Evidence: []graph.Evidence{{Doc: doc, Sentence: body[start:end], Start: start, End: end, Extractor: "bench/1", Confidence: 0.8}},
			})
		}
		out = append(out, b)
	}
	return out
}

type benchGraph interface {
	graph.Reader
	Ingest(graph.Batch) (store.IngestResult, error)
	Close() error
}

// backends opens an empty Badger store (on disk, in a temporary folder)
// and an empty Dgraph cluster.
func backends(b *testing.B) map[string]func() benchGraph {
	addr := testAddr(b)
	return map[string]func() benchGraph{
		"badger": func() benchGraph {
			s, err := store.Open(b.TempDir(), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			return s
		},
		"dgraph": func() benchGraph {
			s, err := Open(addr)
			if err != nil {
				b.Fatal(err)
			}
			if err := s.DropAll(); err != nil {
				b.Fatal(err)
			}
			return s
		},
	}
}

// BenchmarkIngest ingests the corpus into an empty database; ns/op is per
// document.
func BenchmarkIngest(b *testing.B) {
	corpus := benchCorpus(benchDocs())
	for _, name := range []string{"badger", "dgraph"} {
		open := backends(b)[name]
		b.Run(name, func(b *testing.B) {
			var g benchGraph
			for i := range b.N {
				if i%len(corpus) == 0 {
					b.StopTimer()
					if g != nil {
						g.Close()
					}
					g = open()
					b.StartTimer()
				}
				if _, err := g.Ingest(corpus[i%len(corpus)]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			g.Close()
		})
	}
}

// BenchmarkRead loads the corpus into each backend, then times one
// entity's edges, its 2-hop neighbourhood (graph.Neighbors) and a shortest
// path search bounded at 4 hops (graph.ShortestPaths, level by level from
// both ends), over the same entities on both.
func BenchmarkRead(b *testing.B) {
	corpus := benchCorpus(benchDocs())
	for _, name := range []string{"badger", "dgraph"} {
		g := backends(b)[name]()
		for _, batch := range corpus {
			if _, err := g.Ingest(batch); err != nil {
				b.Fatal(err)
			}
		}
		var ids []graph.ID
		for _, batch := range corpus[:20] {
			got, err := g.Resolve(batch.Entities[0].Name)
			if err != nil || len(got) == 0 {
				b.Fatalf("Resolve(%q) = %v, %v", batch.Entities[0].Name, got, err)
			}
			ids = append(ids, got[0])
		}
		b.Run(name+"/edges", func(b *testing.B) {
			for i := range b.N {
				for _, err := range g.Edges(ids[i%len(ids)], graph.Both) {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(name+"/2-hop", func(b *testing.B) {
			for i := range b.N {
				if _, err := graph.Neighbors(g, ids[i%len(ids)], 2, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/path-4", func(b *testing.B) {
			for i := range b.N {
				from, to := ids[i%len(ids)], ids[(i+7)%len(ids)]
				if _, err := graph.ShortestPaths(g, from, to, 4, nil, 10); err != nil {
					b.Fatal(err)
				}
			}
		})
		g.Close()
	}
}
