package text

import (
	"os"
	"testing"
)

// TestDumpBlocks prints the classifier's view of a file: go test -run Dump -v -args FILE
func TestDumpBlocks(t *testing.T) {
	path := os.Getenv("KG_DUMP")
	if path == "" {
		t.Skip("set KG_DUMP=FILE to print its blocks")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, _, _ := decode(raw)
	lines := splitBlocks(normalizeNewlines(s))
	blocks := make([]block, len(lines))
	for i, l := range lines {
		blocks[i] = measure(l)
	}
	classify(blocks)
	init := make([]class, len(blocks))
	for i := range blocks {
		init[i] = blocks[i].cls
	}
	revise(blocks)
	f, l := mainCluster(blocks)
	t.Logf("cluster %d..%d", f, l)
	for i, b := range blocks {
		txt := b.text
		if len(txt) > 70 {
			txt = txt[:70]
		}
		t.Logf("%3d %d->%d furn=%v w=%d c=%d sd=%.2f %q", i, init[i], b.cls, b.furniture, b.words, b.chars, b.stopDens, txt)
	}
}
