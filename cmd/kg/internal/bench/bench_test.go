package bench

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// wantKeys are the JSON keys `kg bench --format json` promises, no more.
var wantKeys = []string{
	"bytes_per_relation", "entities", "import_relations_per_sec", "ingest_words_per_sec_1core",
	"ingest_words_per_sec_all", "neighbors_p50_us", "neighbors_p99_us", "peak_rss_bytes",
	"raw_scan_p50_us", "relations", "render_300_nodes_ms", "shortest_path_p50_us",
	"tokenize_words_per_sec", "two_hop_p50_us",
}

func TestRunJSON(t *testing.T) {
	res, err := Run(Config{Entities: 200, Articles: 4, Workers: 2, Samples: 5, RenderNodes: 20, Dir: t.TempDir()})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, buf.Bytes())
	}
	var keys []string
	for k, v := range got {
		keys = append(keys, k)
		n, ok := v.(float64)
		if !ok {
			t.Errorf("%s = %v (%T), want a number", k, v, v)
			continue
		}
		if n <= 0 {
			t.Errorf("%s = %v, want a positive number", k, n)
		}
	}
	slices.Sort(keys)
	if !slices.Equal(keys, wantKeys) {
		t.Errorf("keys = %q\nwant %q", keys, wantKeys)
	}
	if got["entities"] != 200.0 || got["relations"] != 2000.0 {
		t.Errorf("entities, relations = %v, %v; want 200, 2000", got["entities"], got["relations"])
	}
	var text bytes.Buffer
	if err := res.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "neighbours p50") {
		t.Errorf("text table lacks the neighbours row:\n%s", text.String())
	}
}

func TestSynthGraph(t *testing.T) {
	g := newSynthGraph(500)
	if len(g.rels) != 5000 {
		t.Fatalf("%d relations, want 5000", len(g.rels))
	}
	if !slices.IsSorted(g.ids) {
		t.Error("ids are not sorted")
	}
	degree := make([]int, len(g.ids))
	var prev graph.Key
	for i, r := range g.rels {
		s, p, o := unpack(r)
		k := graph.Key{Subject: g.ids[s], Predicate: p, Object: g.ids[o]}
		if k.Canonical() != k {
			t.Fatalf("relation %v is not canonical", k)
		}
		if i > 0 && !prev.Less(k) {
			t.Fatalf("relation %v does not come after %v", k, prev)
		}
		prev = k
		degree[s]++
		degree[o]++
	}
	slices.Sort(degree)
	// A power law: the biggest hub has many times the median degree.
	if top, med := degree[len(degree)-1], degree[len(degree)/2]; top < 5*med {
		t.Errorf("top degree %d, median %d: want a hub of at least 5x the median", top, med)
	}
	again := newSynthGraph(500)
	if !slices.Equal(again.rels, g.rels) {
		t.Error("two graphs of the same size differ")
	}
}

func TestArticles(t *testing.T) {
	a, b := Articles(3, 100), Articles(3, 100)
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("article %d differs between runs", i)
		}
		if bytes.Contains(a[i], []byte("%!")) {
			t.Errorf("article %d has a formatting error:\n%s", i, a[i])
		}
		if n := len(bytes.Fields(a[i])); n < 200 {
			t.Errorf("article %d has %d words, want at least 200", i, n)
		}
	}
}

func TestWord(t *testing.T) {
	seen := map[string]int{}
	for i := range 20000 {
		w := word(i)
		if j, ok := seen[w]; ok {
			t.Fatalf("word(%d) = word(%d) = %q", i, j, w)
		}
		seen[w] = i
	}
}

func TestWriteCorpus(t *testing.T) {
	dir := t.TempDir()
	words, err := WriteCorpus(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 || entries[0].Name() != "article-0000000.txt" {
		t.Errorf("wrote %d files starting %v, want 3 from article-0000000.txt", len(entries), entries)
	}
	if words < 600 {
		t.Errorf("%d words in 3 articles, want at least 600", words)
	}
}
