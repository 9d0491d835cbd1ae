package exports

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os/exec"
	"testing"

	"github.com/kgraph/kg/graph"
)

// powerLawGraph builds a deterministic preferential-attachment graph of n
// entities, each new one linking to two earlier ones chosen in proportion
// to their degree, so a few hubs gather most edges as in real coverage.
func powerLawGraph(n int) *graph.Memory {
	rng := rand.New(rand.NewPCG(42, uint64(n)))
	g := graph.NewMemory()
	id := func(i int) graph.ID { return graph.ID(fmt.Sprintf("entity-%05d", i)) }
	var ends []int // every edge end once: picking uniformly from it is picking by degree
	for i := range n {
		t := graph.Types[rng.IntN(len(graph.Types))]
		g.PutEntity(graph.Entity{ID: id(i), Name: fmt.Sprintf("%s Name %d", t, i), Type: t,
			Aliases: []string{fmt.Sprintf("Alias %d", i)}})
		if i == 0 {
			continue
		}
		for range min(2, i) {
			j := i - 1
			if len(ends) > 0 {
				j = ends[rng.IntN(len(ends))]
			}
			if j == i {
				continue
			}
			p := graph.Predicates[rng.IntN(len(graph.Predicates))]
			st := []graph.Status{graph.Stated, graph.Stated, graph.Stated, graph.Reported, graph.Alleged, graph.Speculated}[rng.IntN(6)]
			g.PutRelation(graph.Relation{Subject: id(i), Predicate: p, Object: id(j), Evidence: []graph.Evidence{{
				Doc: "d1", Sentence: fmt.Sprintf("Entity %d %s entity %d, the paper said.", i, p, j), Start: i, End: i + 40, Status: st}}})
			ends = append(ends, i, j)
		}
	}
	g.PutDocument(graph.Document{ID: "d1", Source: "bench.txt", Title: "Benchmark"})
	return g
}

func benchDOT(b *testing.B, n int) dotGraph {
	s, err := snapshot(powerLawGraph(n))
	if err != nil {
		b.Fatal(err)
	}
	return buildDOT(s, Options{Focus: []graph.ID{"entity-00000"}})
}

// BenchmarkRenderSVG renders power-law graphs in-process with the layout
// kg picks for their size (30: dot with labels; 50 and 300: sfdp; the
// 2,000-node case bypasses MaxDiagramNodes), beside native Graphviz on the
// same DOT. In-process sfdp is two Graphviz runs around kg's own overlap
// removal (place.go); native runs the exported DOT's overlap=scale, a
// sparser picture. Measured (2 shared cores, -benchtime 2x): 30 dot
// 0.06 s (native 0.16 s); 50 sfdp 0.30 s (0.10 s); 300 sfdp 2.3 s
// (0.42 s); 2,000 sfdp 15 s (2.0 s).
func BenchmarkRenderSVG(b *testing.B) {
	for _, n := range []int{30, 50, 300, 2000} {
		d := benchDOT(b, n)
		if _, err := renderSVG(d); err != nil { // warm the WASM runtime
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("nodes=%d/%s/go-graphviz", n, d.layout), func(b *testing.B) {
			for b.Loop() {
				if _, err := renderSVG(d); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("nodes=%d/%s/native", n, d.layout), func(b *testing.B) {
			dot, err := exec.LookPath("dot")
			if err != nil {
				b.Skip("native dot not on PATH (apt-get install graphviz)")
			}
			for b.Loop() {
				cmd := exec.Command(dot, "-K"+d.layout, "-Tsvg", "-o", "/dev/null")
				cmd.Stdin = bytes.NewReader(d.src)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
			}
		})
	}
}

// BenchmarkPaint lays out and paints power-law graphs as PNG and PDF
// in-process (layout included, as kg export does it). Measured (2 cores
// shared with other work, so noisy): 50 nodes PNG 2.4 s, PDF 0.3-0.7 s;
// 300 nodes PNG 4.3 s, PDF 1.2-2.8 s. PNG time is mostly the encoder's
// filtering and deflate of the (at most 10-megapixel) image.
func BenchmarkPaint(b *testing.B) {
	for _, n := range []int{50, 300} {
		g := powerLawGraph(n)
		opts := Options{Focus: []graph.ID{"entity-00000"}}
		for _, format := range []string{"png", "pdf"} {
			b.Run(fmt.Sprintf("nodes=%d/%s", n, format), func(b *testing.B) {
				for b.Loop() {
					if err := Write(io.Discard, format, g, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
