package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
)

// conformant adapts Store to graphtest.Graph, whose Ingest reports only
// whether the batch was added.
type conformant struct{ *Store }

func (c conformant) Ingest(b graph.Batch) (bool, error) {
	res, err := c.Store.Ingest(b)
	return !res.Skipped, err
}

func openMem(t testing.TB) *Store {
	t.Helper()
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatalf("Open in memory: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) graphtest.Graph { return conformant{openMem(t)} })
	// Again with every relation's second record on under an evidence key
	// and with every record there: the fixture's relations hold one to
	// three records, fewer than maxInline.
	for _, n := range []int{1, 0} {
		t.Run(fmt.Sprintf("maxInline %d", n), func(t *testing.T) {
			withInline(t, n)
			graphtest.Run(t, func(t *testing.T) graphtest.Graph { return conformant{openMem(t)} })
		})
	}
}

// TestSameAsMemory ingests the fixture into a store and into graph.Memory
// and compares everything they hold.
func TestSameAsMemory(t *testing.T) {
	s, m := openMem(t), graph.NewMemory()
	for _, b := range []graph.Batch{graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC(), graphtest.BatchA()} {
		if _, err := s.Ingest(b); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	got, err := graph.Load(s)
	if err != nil {
		t.Fatal(err)
	}
	for name, pair := range map[string][2]any{
		"entities":  {collect(t, got.Entities()), collect(t, m.Entities())},
		"relations": {collect(t, got.Relations()), collect(t, m.Relations())},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s differ\nstore  %+v\nmemory %+v", name, pair[0], pair[1])
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

func TestIngestResult(t *testing.T) {
	s := openMem(t)
	tests := []struct {
		batch graph.Batch
		want  IngestResult
	}{
		// 5 entities, all new; 3 of 5 relations kept (unknown end, self-loop).
		{graphtest.BatchA(), IngestResult{Doc: "doc-a", Entities: 5, NewEntities: 5, Relations: 3, Evidence: 3}},
		// Only Aisha Gaddafi is new; the repeated relation adds no evidence.
		{graphtest.BatchB(), IngestResult{Doc: "doc-b", Entities: 5, NewEntities: 1, Relations: 5, Evidence: 4}},
		// Koussa and Moussa Koussa land on one entity.
		{graphtest.BatchC(), IngestResult{Doc: "doc-c", Entities: 6, NewEntities: 3, Relations: 3, Evidence: 3}},
		{graphtest.BatchB(), IngestResult{Doc: "doc-b", Skipped: true}},
	}
	for _, tt := range tests {
		got, err := s.Ingest(tt.batch)
		if err != nil {
			t.Fatalf("Ingest(%s): %v", tt.batch.Doc.ID, err)
		}
		if got != tt.want {
			t.Errorf("Ingest(%s) = %+v, want %+v", tt.batch.Doc.ID, got, tt.want)
		}
	}
	st, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{
		Entities: 9, Relations: 8, Evidence: 10, Documents: 3,
		ByType: map[graph.Type]int{graph.Person: 5, graph.Place: 3, graph.Organization: 1},
		ByPredicate: map[graph.Predicate]int{
			graph.Accompanied: 1, graph.LivesIn: 1, graph.FamilyOf: 1, graph.Met: 1,
			graph.Advised: 1, graph.TravelledTo: 2, graph.Accused: 1,
		},
	}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats() = %+v, want %+v", st, want)
	}
	for id, want := range map[graph.DocID]bool{"doc-a": true, "doc-c": true, "doc-z": false} {
		if got, err := s.HasDocument(id); err != nil || got != want {
			t.Errorf("HasDocument(%s) = %v, %v; want %v", id, got, err, want)
		}
	}
}

func TestIngestRejectsDocumentWithoutID(t *testing.T) {
	s := openMem(t)
	b := graphtest.BatchA()
	b.Doc.ID = ""
	if _, err := s.Ingest(b); err == nil {
		t.Fatal("Ingest of a document without id succeeded")
	}
}

// keysOf lists every key of one kind, parsed by parse.
func keysOf[T any](t *testing.T, s *Store, kind byte, parse func([]byte) (T, error)) []T {
	t.Helper()
	var out []T
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{kind}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k, err := parse(it.Item().KeyCopy(nil))
			if err != nil {
				return err
			}
			out = append(out, k)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestInvariantAdjacency checks keys.go's invariant: every relation has its
// out and in key, and no adjacency key lacks its relation.
func TestInvariantAdjacency(t *testing.T) {
	s := openMem(t)
	for _, b := range []graph.Batch{graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC()} {
		if _, err := s.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	rels := keysOf(t, s, kindRelation, parseRelationKey)
	outs := keysOf(t, s, kindOut, parseOutKey)
	ins := keysOf(t, s, kindIn, parseInKey)
	if len(rels) == 0 {
		t.Fatal("no relations stored")
	}
	set := func(ks []graph.Key) map[graph.Key]bool {
		m := map[graph.Key]bool{}
		for _, k := range ks {
			m[k] = true
		}
		return m
	}
	r, o, i := set(rels), set(outs), set(ins)
	if !reflect.DeepEqual(r, o) || !reflect.DeepEqual(r, i) || len(outs) != len(rels) || len(ins) != len(rels) {
		t.Errorf("relation keys %v\nout keys %v\nin keys %v", rels, outs, ins)
	}
	for _, k := range rels {
		if k != k.Canonical() {
			t.Errorf("relation %v stored under a non-canonical key", k)
		}
	}
}

// TestInvariantWholeOrNothing makes the transaction fail after everything
// is written, and checks that nothing of the document is left: no entity,
// alias, relation, adjacency key or evidence, and no document.
func TestInvariantWholeOrNothing(t *testing.T) {
	s := openMem(t)
	if _, err := s.Ingest(graphtest.BatchA()); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	boom := errors.New("disk on fire")
	s.beforeCommit = func(*badger.Txn) error { return boom }
	_, err := s.Ingest(graphtest.BatchB())
	if !errors.Is(err, boom) {
		t.Fatalf("Ingest with a failing commit: err = %v, want %v", err, boom)
	}
	if after := dump(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("a failed ingest left writes behind\nbefore %q\n after %q", before, after)
	}
	s.beforeCommit = nil
	if res, err := s.Ingest(graphtest.BatchB()); err != nil || res.Skipped {
		t.Errorf("Ingest after the failure = %+v, %v; want it added", res, err)
	}
}

// dump returns every key and value of the database.
func dump(t *testing.T, s *Store) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			m[string(it.Item().KeyCopy(nil))] = string(v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestInvariantTooBig checks that a batch over Badger's transaction limit
// fails with ErrTooBig and writes nothing.
func TestInvariantTooBig(t *testing.T) {
	s, err := Open("", Options{InMemory: true, tune: func(o *badger.Options) {
		o.MemTableSize = 1 << 20 // a transaction may hold about 150 kB
		o.ValueThreshold = 1 << 10
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := dump(t, s)
	b := graphtest.BatchA()
	for i := range 3000 {
		name := "Person " + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + " Number" + strings.Repeat("y", i/26)
		b.Entities = append(b.Entities, graph.Entity{ID: graph.Slug(name), Name: name, Type: graph.Person, Mentions: 1})
	}
	_, err = s.Ingest(b)
	if !errors.Is(err, ErrTooBig) {
		t.Fatalf("Ingest of a huge batch: err = %v, want ErrTooBig", err)
	}
	if after := dump(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("a too-big ingest left %d keys behind", len(after)-len(before))
	}
}

func TestReingestSkipped(t *testing.T) {
	s := openMem(t)
	if _, err := s.Ingest(graphtest.BatchA()); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	res, err := s.Ingest(graphtest.BatchA())
	if err != nil || !res.Skipped {
		t.Fatalf("Ingest again = %+v, %v; want Skipped", res, err)
	}
	if after := dump(t, s); !reflect.DeepEqual(after, before) {
		t.Error("re-ingesting a document changed the database")
	}
}

// TestAliasReindex checks that an entity's alias keys are exactly the
// index keys of its current version, with the keys of names a merge dropped
// gone.
func TestAliasReindex(t *testing.T) {
	first := graph.Batch{Doc: graph.Document{ID: "d1"}, Entities: []graph.Entity{
		{ID: "koussa", Name: "Koussa", Type: graph.Person, Aliases: []string{"Mr Koussa"}, Mentions: 1},
	}}
	second := graph.Batch{Doc: graph.Document{ID: "d2"}, Entities: []graph.Entity{
		{ID: "mk", Name: "Koussa", Type: graph.Person, Aliases: []string{"Moussa Koussa"}, Mentions: 1},
	}}
	tests := []struct {
		name    string
		merge   func(dst, src graph.Entity) graph.Entity
		resolve map[string][]graph.ID
	}{
		{"graph.MergeEntity", graph.MergeEntity, map[string][]graph.ID{
			"Moussa Koussa": {"koussa"}, "Mr Koussa": {"koussa"},
		}},
		{"a merge that drops names", func(dst, src graph.Entity) graph.Entity {
			src.ID = dst.ID
			return src
		}, map[string][]graph.ID{
			"Moussa Koussa": {"koussa"}, "Mr Koussa": nil,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mergeEntity = tt.merge
			t.Cleanup(func() { mergeEntity = graph.MergeEntity })
			s := openMem(t)
			for _, b := range []graph.Batch{first, second} {
				if _, err := s.Ingest(b); err != nil {
					t.Fatal(err)
				}
			}
			got := keysOf(t, s, kindAlias, func(k []byte) (string, error) {
				idx, id, err := parseAliasKey(k)
				return idx + " " + string(id), err
			})
			e, _, err := s.Entity("koussa")
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, k := range graph.IndexKeys(e) {
				want = append(want, k+" koussa")
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("alias keys\n got %q\nwant %q", got, want)
			}
			for name, want := range tt.resolve {
				if ids, err := s.Resolve(name); err != nil || !reflect.DeepEqual(ids, want) {
					t.Errorf("Resolve(%q) = %q, %v; want %q", name, ids, err, want)
				}
			}
		})
	}
}

func TestPersistsAcrossOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []graph.Batch{graphtest.BatchA(), graphtest.BatchB()} {
		if _, err := s.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	want := dump(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, opts := range []Options{{}, {ReadOnly: true}} {
		s, err := Open(dir, opts)
		if err != nil {
			t.Fatalf("reopen %+v: %v", opts, err)
		}
		if got := dump(t, s); !reflect.DeepEqual(got, want) {
			t.Errorf("reopen %+v: %d keys, want %d", opts, len(got), len(want))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Ingest(graphtest.BatchA()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Ingest on a read-only store: err = %v, want ErrReadOnly", err)
	}
}

func TestOpenErrors(t *testing.T) {
	t.Run("locked", func(t *testing.T) {
		dir := t.TempDir()
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, opts := range []Options{{}, {ReadOnly: true}} {
			_, err := Open(dir, opts)
			t.Logf("second Open %+v: %v", opts, err)
			if !errors.Is(err, ErrLocked) {
				t.Errorf("second Open %+v: err = %v, want ErrLocked", opts, err)
			}
			if err != nil && !strings.Contains(err.Error(), "another kg process") {
				t.Errorf("lock error does not say what holds it: %v", err)
			}
		}
	})
	t.Run("two readers", func(t *testing.T) {
		dir := t.TempDir()
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		r1, err := Open(dir, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer r1.Close()
		r2, err := Open(dir, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("second read-only Open: %v", err)
		}
		defer r2.Close()
		if _, err := Open(dir, Options{}); !errors.Is(err, ErrLocked) {
			t.Errorf("writer Open beside readers: err = %v, want ErrLocked", err)
		}
	})
	t.Run("foreign file", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("my notes"), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(dir, Options{})
		t.Logf("foreign file: %v", err)
		if !errors.Is(err, ErrNotKG) || !strings.Contains(err.Error(), "notes.txt") {
			t.Errorf("Open of a directory with notes.txt: err = %v, want ErrNotKG naming the file", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("Open wrote into a foreign directory: %d entries", len(entries))
		}
	})
	t.Run("a file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "kg.db")
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(path, Options{}); !errors.Is(err, ErrNotKG) {
			t.Errorf("Open of a file: err = %v, want ErrNotKG", err)
		}
	})
	t.Run("badger but not kg", func(t *testing.T) {
		dir := t.TempDir()
		db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("user:1"), []byte("x")) }); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		_, err = Open(dir, Options{})
		t.Logf("another Badger database: %v", err)
		if !errors.Is(err, ErrNotKG) {
			t.Errorf("Open of another program's Badger database: err = %v, want ErrNotKG", err)
		}
	})
	t.Run("schema newer", func(t *testing.T) {
		dir := t.TempDir()
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		err = s.db.Update(func(txn *badger.Txn) error {
			return txn.Set(schemaKey(), encodeSchemaVersion(SchemaVersion+1))
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		_, err = Open(dir, Options{})
		t.Logf("newer schema: %v", err)
		if !errors.Is(err, ErrSchemaNewer) {
			t.Errorf("Open of a newer database: err = %v, want ErrSchemaNewer", err)
		}
	})
	t.Run("older schema", func(t *testing.T) {
		// A version-1 database (JSON values) is read as it is, and marked
		// version 2 only when opened for writing.
		dir := t.TempDir()
		writeRaw(t, dir, schemaKey(), encodeSchemaVersion(1))
		version := func(s *Store) uint32 {
			t.Helper()
			var v uint32
			err := s.db.View(func(txn *badger.Txn) error {
				item, err := txn.Get(schemaKey())
				if err != nil {
					return err
				}
				return item.Value(func(b []byte) error { v, err = decodeSchemaVersion(b); return err })
			})
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		for _, tc := range []struct {
			readOnly bool
			want     uint32
		}{{true, 1}, {false, SchemaVersion}, {true, SchemaVersion}} {
			s, err := Open(dir, Options{ReadOnly: tc.readOnly})
			if err != nil {
				t.Fatalf("Open(read-only %v) of a version-1 database: %v", tc.readOnly, err)
			}
			if v := version(s); v != tc.want {
				t.Errorf("after Open(read-only %v): schema version %d, want %d", tc.readOnly, v, tc.want)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
	})
	t.Run("read-only missing", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "absent")
		if _, err := Open(dir, Options{ReadOnly: true}); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("read-only Open of a missing database: err = %v, want fs.ErrNotExist", err)
		}
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("read-only Open created %s", dir)
		}
	})
	t.Run("no path", func(t *testing.T) {
		if _, err := Open("", Options{}); err == nil {
			t.Error("Open with an empty path succeeded")
		}
	})
	t.Run("fresh directory", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "a", "b")
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var v uint32
		err = s.db.View(func(txn *badger.Txn) error {
			item, err := txn.Get(schemaKey())
			if err != nil {
				return err
			}
			return item.Value(func(b []byte) error { v, err = decodeSchemaVersion(b); return err })
		})
		if err != nil || v != SchemaVersion {
			t.Errorf("schema version = %d, %v; want %d", v, err, SchemaVersion)
		}
	})
}
