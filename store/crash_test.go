package store

import (
	"os"
	"os/exec"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
)

// TestCrashedWriter runs a child process that ingests a document and exits
// without Close, as a killed kg would, and checks that the next open (read
// -only and read-write) finds the document whole.
func TestCrashedWriter(t *testing.T) {
	if dir := os.Getenv("KG_STORE_CRASH_DIR"); dir != "" {
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Ingest(graphtest.BatchA()); err != nil {
			t.Fatal(err)
		}
		os.Exit(0) // no Close: the memtable is not flushed
	}
	if testing.Short() {
		t.Skip("runs a child process")
	}
	for _, opts := range []Options{{ReadOnly: true}, {}} {
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashedWriter$")
		cmd.Env = append(os.Environ(), "KG_STORE_CRASH_DIR="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		s, err := Open(dir, opts)
		if err != nil {
			t.Fatalf("Open %+v after a crash: %v", opts, err)
		}
		n := 0
		for _, err := range s.Relations() {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		ok, err := s.HasDocument(graphtest.BatchA().Doc.ID)
		if err != nil || !ok || n != 3 {
			t.Errorf("Open %+v after a crash: document %v (%v), %d relations; want the document and 3", opts, ok, err, n)
		}
		if _, found, _ := s.Entity(graph.ID("moussa-koussa")); !found {
			t.Errorf("Open %+v after a crash: moussa-koussa missing", opts)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
