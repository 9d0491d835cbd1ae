//go:build linux

package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestParseMapsLine(t *testing.T) {
	tests := []struct {
		name       string
		line       string
		start, end uintptr
		path       string
		ok         bool
	}{
		{"table", "7f12a000-7f12c000 rw-s 00000000 fd:01 1234                       /db/000001.sst\n", 0x7f12a000, 0x7f12c000, "/db/000001.sst", true},
		{"space in path", "1000-3000 r--s 00000000 fd:01 99 /my db/000002.vlog\n", 0x1000, 0x3000, "/my db/000002.vlog", true},
		{"anonymous", "c000000000-c000400000 rw-p 00000000 00:00 0 \n", 0, 0, "", false},
		{"bad range", "zz-3000 r--s 00000000 fd:01 99 /db/1.sst\n", 0, 0, "", false},
		{"empty range", "3000-3000 r--s 00000000 fd:01 99 /db/1.sst\n", 0, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, path, ok := parseMapsLine([]byte(tt.line))
			if ok != tt.ok || start != tt.start || end != tt.end || path != tt.path {
				t.Errorf("parseMapsLine(%q) = %#x, %#x, %q, %v; want %#x, %#x, %q, %v",
					tt.line, start, end, path, ok, tt.start, tt.end, tt.path, tt.ok)
			}
		})
	}
}

// TestPageOut maps table files as Badger does (shared, read-write), writes
// through the mappings, and checks that pageOut advises exactly the table
// not kept, leaves a kept table and a file of another kind alone, and
// changes nothing anyone reads.
func TestPageOut(t *testing.T) {
	dir := t.TempDir()
	const size = 1 << 20
	table, other, hot := mapFile(t, dir, "000001.sst", size), mapFile(t, dir, "000001.mem", size), mapFile(t, dir, "000002.sst", size)
	want := bytes.Repeat([]byte("kg pages "), size/9)
	copy(table, want)
	copy(other, want)
	copy(hot, want)

	before := residentKB(t, filepath.Join(dir, "000001.sst"))
	n, err := pageOut(dir, map[string]bool{"000002.sst": true})
	if err != nil {
		t.Skipf("this kernel refuses MADV_PAGEOUT: %v", err)
	}
	if n != size {
		t.Errorf("pageOut advised %d bytes, want %d (the .sst mapping only)", n, size)
	}
	after := residentKB(t, filepath.Join(dir, "000001.sst"))
	t.Logf("resident: %d kB before, %d kB after", before, after)
	if before < size>>10 || after > before/2 {
		t.Errorf("the table's mapping had %d kB resident before pageOut and %d kB after; want all, then at most half", before, after)
	}
	for _, name := range []string{"000001.mem", "000002.sst"} {
		if kb := residentKB(t, filepath.Join(dir, name)); kb < size>>10 {
			t.Errorf("the mapping of %s has %d kB resident; pageOut should have left it alone", name, kb)
		}
	}
	if !bytes.Equal(table[:len(want)], want) || !bytes.Equal(other[:len(want)], want) || !bytes.Equal(hot[:len(want)], want) {
		t.Fatal("the mappings' contents changed")
	}
	onDisk, err := os.ReadFile(filepath.Join(dir, "000001.sst"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk[:len(want)], want) {
		t.Fatal("the file does not hold what was written through its mapping")
	}
}

// mapFile creates dir/name of size bytes and maps it as Badger maps its
// tables (shared, read-write) until the test ends.
func mapFile(t *testing.T, dir, name string, size int) []byte {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(int64(size)); err != nil {
		t.Fatal(err)
	}
	m, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Munmap(m) })
	return m
}

// residentKB reads from /proc/self/smaps how much of the mapping of path is
// resident in the process's memory.
func residentKB(t *testing.T, path string) int {
	t.Helper()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	in := false
	for line := range strings.Lines(string(smaps)) {
		if _, _, p, ok := parseMapsLine([]byte(line)); ok {
			in = p == path
			continue
		}
		if f := strings.Fields(line); in && len(f) == 3 && f[0] == "Rss:" {
			kb, err := strconv.Atoi(f[1])
			if err != nil {
				t.Fatal(err)
			}
			return kb
		}
	}
	t.Fatalf("no mapping of %s in /proc/self/smaps", path)
	return 0
}

func TestMappedRSS(t *testing.T) {
	before, ok := mappedRSS()
	if !ok {
		t.Skip("no RssFile in /proc/self/status")
	}
	const size = 8 << 20
	m := mapFile(t, t.TempDir(), "000001.sst", size)
	for i := 0; i < size; i += 4096 {
		m[i] = 1
	}
	after, _ := mappedRSS()
	if after-before < size*3/4 {
		t.Errorf("mappedRSS grew by %d bytes when %d bytes of a file were mapped and touched", after-before, size)
	}
}

// TestIngestPagesOut fills a table, reopens the database with the budget
// at zero, reads everything (so the table is resident), ingests once more,
// and checks that Ingest handed most of the table's pages back and that
// everything reads back as in a store that never paged out. (Badger's own
// goroutines may touch a page or two meanwhile: the check allows for it.)
func TestIngestPagesOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	control := openMem(t)
	body := strings.Repeat("Tables hold what was written. ", 70)
	batch := func(i int) graph.Batch {
		doc := graph.DocID(fmt.Sprintf("doc-%04d", i))
		name := fmt.Sprintf("Person%d Family%d", i, i)
		return graph.Batch{
			Doc:      graph.Document{ID: doc, Body: body},
			Entities: []graph.Entity{{ID: graph.Slug(name), Name: name, Type: graph.Person, Mentions: 1, Docs: []graph.DocID{doc}}},
		}
	}
	const n = 400
	for i := range n {
		for _, g := range []*Store{s, control} {
			if _, err := g.Ingest(batch(i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil { // flushes the memtable into a table
		t.Fatal(err)
	}
	tables, _ := filepath.Glob(filepath.Join(dir, "*.sst"))
	if len(tables) == 0 {
		t.Fatal("no table file after Close")
	}
	if _, err := pageOut(dir, nil); err != nil {
		t.Skipf("this kernel refuses MADV_PAGEOUT: %v", err)
	}

	budget, every := mappedBudget, pageOutEvery
	defer func() { mappedBudget, pageOutEvery = budget, every }()
	mappedBudget, pageOutEvery = 0, 0
	s, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dump(t, s) // reads every key: the table's pages are resident now
	// Badger may have rewritten the table on opening: watch the table
	// file with the most pages resident now.
	tables, _ = filepath.Glob(filepath.Join(dir, "*.sst"))
	table, before := "", -1
	for _, f := range tables {
		if kb := residentKB(t, f); kb > before {
			table, before = f, kb
		}
	}
	if before < 64 {
		// Reading every key did not make the table resident (memory
		// pressure on a loaded machine): there is nothing to page out.
		t.Skipf("only %d kB of %s resident after reading every key; cannot test paging out here", before, filepath.Base(table))
	}
	for _, g := range []*Store{s, control} {
		if _, err := g.Ingest(batch(n)); err != nil {
			t.Fatal(err)
		}
	}
	after := residentKB(t, table)
	t.Logf("%s: %d kB resident before Ingest, %d kB after", filepath.Base(table), before, after)
	if after > before/4 {
		t.Errorf("%s had %d kB resident before Ingest and %d kB after; want at most a quarter", filepath.Base(table), before, after)
	}
	if got, want := dump(t, s), dump(t, control); !reflect.DeepEqual(got, want) {
		t.Errorf("the store holds %d keys after paging out, want the %d of a store that did not", len(got), len(want))
	}
}

// TestHotTables checks that the tables of level 0 are kept resident, and
// that none are when they would take half the budget.
func TestHotTables(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(graph.Batch{Doc: graph.Document{ID: "doc-1", Body: "A body."}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // flushes the memtable into a level-0 table
		t.Fatal(err)
	}
	if s, err = Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if hot := s.hotTables(); !hot["000001.sst"] || len(hot) != 1 {
		t.Errorf("hotTables() = %v, want the level-0 table 000001.sst", hot)
	}
	budget := mappedBudget
	defer func() { mappedBudget = budget }()
	mappedBudget = 0
	if hot := s.hotTables(); len(hot) != 0 {
		t.Errorf("with no budget, hotTables() = %v, want none", hot)
	}
}
