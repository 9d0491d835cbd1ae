package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph/graphtest"
)

// writeRaw opens dir with Badger directly and sets key to value: a database
// as another program (or another kg version) would leave it.
func writeRaw(t *testing.T, dir string, key, value []byte) {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set(key, value) }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOpenRefuses checks that Open refuses, with the sentinel and words
// that explain it, every directory that is not a kg database it can read,
// and leaves the directory as it found it.
func TestOpenRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path to open
		want  error
		words string
		raw   bool // a Badger database: Badger's own housekeeping may rename its files, the keys must stay
	}{
		{"newer schema", func(t *testing.T, dir string) string {
			s, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Ingest(graphtest.BatchA()); err != nil {
				t.Fatal(err)
			}
			s.Close()
			writeRaw(t, dir, schemaKey(), encodeSchemaVersion(SchemaVersion+1))
			return dir
		}, ErrSchemaNewer, "use a newer kg", true},
		{"badger without kg's schema", func(t *testing.T, dir string) string {
			writeRaw(t, dir, []byte("someone else's key"), []byte("value"))
			return dir
		}, ErrNotKG, "without kg's schema version", true},
		{"foreign files", func(t *testing.T, dir string) string {
			if err := os.WriteFile(filepath.Join(dir, "thesis.docx"), []byte("chapter one"), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}, ErrNotKG, "thesis.docx", false},
		{"a file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "notes.txt")
			if err := os.WriteFile(p, []byte("notes"), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}, ErrNotKG, "it is a file", false},
		{"badger files without a manifest", func(t *testing.T, dir string) string {
			if err := os.WriteFile(filepath.Join(dir, "000001.sst"), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			return dir
		}, ErrNotKG, "no MANIFEST", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.setup(t, t.TempDir())
			before, keys := listDir(t, path), dumpBadger(t, path, tt.raw)
			for _, ro := range []bool{false, true} {
				s, err := Open(path, Options{ReadOnly: ro})
				if err == nil {
					s.Close()
					t.Fatalf("Open(ReadOnly: %v) succeeded", ro)
				}
				if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.words) || !strings.Contains(err.Error(), path) {
					t.Errorf("Open(ReadOnly: %v) = %v, want %v naming the path and saying %q", ro, err, tt.want, tt.words)
				}
			}
			if after := dumpBadger(t, path, tt.raw); after != keys {
				t.Errorf("Open changed the database: %s, then %s", keys, after)
			}
			if after := listDir(t, path); !tt.raw && after != before {
				t.Errorf("Open changed the directory: %s, then %s", before, after)
			}
		})
	}
}

// dumpBadger lists the keys and values of the Badger database in dir when
// raw is set.
func dumpBadger(t *testing.T, dir string, raw bool) string {
	t.Helper()
	if !raw {
		return ""
	}
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "%x=%x;", it.Item().Key(), v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// listDir names path's entries, or path itself when it is a file.
func listDir(t *testing.T, path string) string {
	t.Helper()
	entries, err := os.ReadDir(path)
	if err != nil {
		return filepath.Base(path)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != "LOCK" {
			names = append(names, e.Name())
		}
	}
	return strings.Join(names, ",")
}

// TestOpenLocked checks that a second Open of a database in use fails at
// once with ErrLocked, read-write and read-only alike, and that the
// database opens once the first is closed.
func TestOpenLocked(t *testing.T) {
	dir := t.TempDir()
	first, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		start := time.Now()
		s, err := Open(dir, Options{ReadOnly: ro})
		elapsed := time.Since(start)
		if err == nil {
			s.Close()
			t.Fatalf("a second Open(ReadOnly: %v) of a database in use succeeded", ro)
		}
		if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "in use by another kg process") {
			t.Errorf("Open(ReadOnly: %v) = %v, want ErrLocked", ro, err)
		}
		t.Logf("Open(ReadOnly: %v) refused after %v", ro, elapsed)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open after the first closed: %v", err)
	}
	s.Close()
}

func TestOpenAfterInterruptedCreate(t *testing.T) {
	dir := t.TempDir()
	// What a kg killed inside badger.Open leaves: the lock, a manifest
	// being written under its temporary name, no MANIFEST.
	if err := os.WriteFile(filepath.Join(dir, "LOCK"), []byte("4242\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "MANIFEST-REWRITE"), []byte("Bdg\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, Options{ReadOnly: true}); err == nil || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("read-only open of an unfinished database: err = %v, want fs.ErrNotExist", err)
	}
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("open after an interrupted create: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Badger files with data but no MANIFEST are still refused.
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "000001.vlog"), []byte("data"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(bad, Options{}); !errors.Is(err, ErrNotKG) {
		t.Errorf("open of Badger files without a MANIFEST: err = %v, want ErrNotKG", err)
	}
}

func TestOpenAfterKillLeftEmptyLogs(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Ingest(graphtest.BatchA()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// A writer killed after creating its next memtable or value log file,
	// before sizing it.
	for _, f := range []string{"00099.mem", "000099.vlog"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, ro := range []bool{true, false} {
		s, err := Open(dir, Options{ReadOnly: ro})
		if err != nil {
			t.Fatalf("open (read-only %v) after a kill left an empty memtable: %v", ro, err)
		}
		n := 0
		for _, err := range s.Entities() {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n == 0 {
			t.Errorf("open (read-only %v): the committed entities are gone", ro)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if ro {
			// Make the files again for the read-write case.
			for _, f := range []string{"00099.mem", "000099.vlog"} {
				if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
