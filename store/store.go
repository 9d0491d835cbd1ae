package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// SchemaVersion is the layout of keys and values this package writes (see
// keys.go). A database with a newer version is refused with ErrSchemaNewer.
//
// Version 1 held entity and relation values as JSON; version 2 writes them
// in the binary form of values.go and still reads JSON ones. A database of
// version 1 opened for writing is marked version 2 before anything is
// written, so that a kg which reads only JSON refuses it with a message
// instead of failing on the first binary value; opened read-only it is
// left as it is.
//
// Version 3 adds evidence keys (keys.go): a relation holds at most a few
// records in its value and the rest under keys of their own, its value
// then in format 0x02 (values.go). A version-2 database has neither and
// reads unchanged; opened for writing it is marked version 3 the same
// way, so that a kg of version 2, which would not see the evidence keys,
// refuses it.
const SchemaVersion uint32 = 3

// Sentinel errors. Open wraps them with the path and what to do.
var (
	// ErrLocked: another process (or another Open in this one) holds the
	// database's directory lock.
	ErrLocked = errors.New("database is in use by another kg process")
	// ErrNotKG: the directory holds something other than a kg database.
	ErrNotKG = errors.New("not a kg database")
	// ErrSchemaNewer: the database was written by a newer kg.
	ErrSchemaNewer = errors.New("database schema is newer than this kg")
	// ErrTooBig: one document's batch does not fit in one Badger transaction.
	// kg never splits a document over transactions (see Ingest).
	ErrTooBig = errors.New("document too big for one transaction")
	// ErrReadOnly: a write was attempted on a store opened with ReadOnly.
	ErrReadOnly = errors.New("database opened read-only")
)

// Options configure Open.
type Options struct {
	// ReadOnly opens an existing database for reading. Badger then takes a
	// shared lock: several read-only opens may coexist, but not with a
	// writer. If the last writer died without closing the database, a
	// read-only Open first opens it read-write once to replay its log.
	ReadOnly bool
	// InMemory keeps everything in memory (tests, scratch graphs); the path
	// and ReadOnly are ignored.
	InMemory bool
	// Log receives Badger's warnings and errors; nil discards them.
	Log io.Writer

	// tune adjusts Badger's options after kg's own (tests only).
	tune func(*badger.Options)
}

// Store is kg's Badger-backed graph. It implements graph.Reader,
// graph.RelationReader, graph.Lister, graph.DocumentReader and graph.Index.
// Its methods are safe for concurrent use; Ingest calls are serialized.
type Store struct {
	db       *badger.DB
	readOnly bool
	path     string

	mu sync.Mutex // serializes Ingest, so concurrent ingests never conflict

	// pagedOut is when Ingest last checked the resident memory of Badger's
	// mapped files (releasePages); pageOutOff is set when the kernel cannot
	// tell it or refuses to page out. Both are guarded by mu.
	pagedOut   time.Time
	pageOutOff bool

	// beforeCommit, when set (tests only), runs inside Ingest's transaction
	// just before it commits; an error aborts the ingest.
	beforeCommit func(*badger.Txn) error
}

// Compile-time checks that Store provides graph's interfaces.
var (
	_ graph.Reader         = (*Store)(nil)
	_ graph.RelationReader = (*Store)(nil)
	_ graph.Lister         = (*Store)(nil)
	_ graph.DocumentReader = (*Store)(nil)
	_ graph.Index          = (*Store)(nil)
)

// Open opens the kg database in the directory path, creating the directory
// and an empty database when it does not exist (unless opts.ReadOnly).
//
// It returns an error wrapping ErrLocked when another process uses the
// database, ErrNotKG when path holds something else, ErrSchemaNewer when a
// newer kg wrote it, and fs.ErrNotExist for a read-only open of a missing
// database.
func Open(path string, opts Options) (*Store, error) {
	if path == "" && !opts.InMemory {
		return nil, fmt.Errorf("store: open: no database path given")
	}
	bopts := badgerOptions(path, opts)
	if !opts.InMemory {
		if err := checkDir(path, opts.ReadOnly); err != nil {
			return nil, err
		}
	}
	if !opts.InMemory && !opts.ReadOnly {
		if err := dropEmptyLogs(path); err != nil {
			return nil, err
		}
	}
	db, err := badger.Open(bopts)
	if err != nil && opts.ReadOnly && !opts.InMemory && (isTruncateError(err) || hasEmptyLog(path)) {
		db, err = recoverThenOpen(path, opts, bopts)
	}
	if err != nil {
		if isLockError(err) {
			return nil, fmt.Errorf("store: open %s: %w: wait for it to finish (Badger: %v)", path, ErrLocked, err)
		}
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, readOnly: opts.ReadOnly && !opts.InMemory, path: path, pageOutOff: opts.InMemory}
	if err := s.checkSchema(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// badgerOptions are Badger's defaults trimmed for a command-line tool that
// opens, does one job and exits (see FACTS.md): quiet, a 64 MB value log
// file instead of a sparse 2 GB one, two 32 MB memtables (a transaction,
// hence a document, may use 15% of one: about 4.8 MB) and a small block
// cache for a writer, a bigger one for a reader.
func badgerOptions(path string, opts Options) badger.Options {
	dir := path
	if opts.InMemory {
		dir = ""
	}
	b := badger.DefaultOptions(dir).
		WithLogger(newLogger(opts.Log)).
		WithInMemory(opts.InMemory).
		WithReadOnly(opts.ReadOnly && !opts.InMemory).
		WithValueLogFileSize(64 << 20).
		WithMemTableSize(32 << 20).
		WithNumMemtables(2).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(8).
		WithBlockCacheSize(32 << 20).
		WithNumCompactors(2).
		WithMetricsEnabled(false).
		WithSyncWrites(false)
	if opts.ReadOnly && !opts.InMemory {
		// A reading process (a query, an export) holds no memtables and
		// reads the same tables' blocks again and again while it
		// traverses: a bigger cache of decompressed blocks saves
		// decompressing them each time. It takes memory only as it fills.
		b = b.WithBlockCacheSize(256 << 20)
	}
	if opts.tune != nil {
		opts.tune(&b)
	}
	return b
}

// badgerFile reports whether a directory entry is one Badger writes.
func badgerFile(name string) bool {
	switch name {
	case "MANIFEST", "MANIFEST-REWRITE", "KEYREGISTRY", "REWRITE-KEYREGISTRY", "LOCK", "DISCARD":
		return true
	}
	switch filepath.Ext(name) {
	case ".sst", ".vlog", ".mem":
		return true
	}
	return false
}

// checkDir refuses, before Badger touches it, a path that is a file or a
// directory holding files Badger did not write: Badger would otherwise
// create a database among someone's documents.
func checkDir(path string, readOnly bool) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if readOnly {
			return fmt.Errorf("store: open %s read-only: no database there: %w", path, fs.ErrNotExist)
		}
		return nil
	case err != nil:
		return fmt.Errorf("store: open %s: %w", path, err)
	case !fi.IsDir():
		return fmt.Errorf("store: open %s: %w: it is a file, and a kg database is a directory; choose a new path or an empty directory", path, ErrNotKG)
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return fmt.Errorf("store: open %s: %w", path, err)
	}
	if len(entries) == 0 {
		if readOnly {
			return fmt.Errorf("store: open %s read-only: the directory is empty, no database there: %w", path, fs.ErrNotExist)
		}
		return nil
	}
	var foreign []string
	manifest := false
	for _, e := range entries {
		if e.Name() == "MANIFEST" {
			manifest = true
		}
		if !badgerFile(e.Name()) || e.IsDir() {
			foreign = append(foreign, e.Name())
		}
	}
	if len(foreign) > 0 {
		more := ""
		if len(foreign) > 1 {
			more = fmt.Sprintf(" and %d other entries", len(foreign)-1)
		}
		return fmt.Errorf("store: open %s: %w: the directory holds %q%s that a kg database never has; choose a new path or an empty directory", path, ErrNotKG, foreign[0], more)
	}
	if !manifest {
		if interruptedCreate(path, entries) {
			// A kg killed while creating the database: Badger took its lock
			// (and maybe made empty files) but wrote no MANIFEST, so nothing
			// was ever committed. Opening it finishes the creation.
			if readOnly {
				return fmt.Errorf("store: open %s read-only: the database was never finished (its creation was interrupted): %w", path, fs.ErrNotExist)
			}
			return nil
		}
		return fmt.Errorf("store: open %s: %w: the directory holds Badger files but no MANIFEST; it is damaged or not a database, choose a new path", path, ErrNotKG)
	}
	return nil
}

// interruptedCreate reports whether a directory without a MANIFEST holds
// only what Badger writes before its first MANIFEST is in place: the LOCK
// file, a MANIFEST-REWRITE not yet renamed (Badger truncates it when it
// starts again), and files with no data in them. A database that ever
// opened has a MANIFEST (Badger replaces it by rename), so nothing was
// committed here.
func interruptedCreate(dir string, entries []fs.DirEntry) bool {
	for _, e := range entries {
		if e.Name() == "LOCK" || e.Name() == "MANIFEST-REWRITE" {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() > 0 {
			return false
		}
	}
	return true
}

// isLockError recognizes Badger's directory lock failure. Badger formats the
// flock error into its message instead of wrapping it, so its text is all
// there is to go on.
func isLockError(err error) bool {
	return strings.Contains(err.Error(), "Cannot acquire directory lock")
}

// isTruncateError recognizes Badger's refusal to open read-only a database
// whose writer died without Close: its write-ahead log needs truncating.
func isTruncateError(err error) bool {
	return errors.Is(err, badger.ErrTruncateNeeded) || strings.Contains(err.Error(), badger.ErrTruncateNeeded.Error())
}

// recoverThenOpen opens the database read-write once, which replays and
// truncates the log of a writer that died (a killed "kg ingest"), closes it
// and opens it read-only again. Replaying loses nothing that was committed:
// every Ingest commit is in the log.
func recoverThenOpen(path string, opts Options, ro badger.Options) (*badger.DB, error) {
	rw := opts
	rw.ReadOnly = false
	if err := dropEmptyLogs(path); err != nil {
		return nil, err
	}
	db, err := badger.Open(badgerOptions(path, rw))
	if err != nil {
		return nil, fmt.Errorf("recover after an unclean shutdown: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("recover after an unclean shutdown: %w", err)
	}
	return badger.Open(ro)
}

// emptyLogs lists the memtable and value logs (.mem, .vlog) of zero
// length in dir: what a writer killed between creating such a file and
// sizing it leaves. Badger refuses to open them ("Create a new file"); they
// hold no data, and Badger finds both kinds by listing the directory.
func emptyLogs(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext != ".mem" && ext != ".vlog" {
			continue
		}
		if info, err := e.Info(); err == nil && info.Size() == 0 {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

func hasEmptyLog(dir string) bool { return len(emptyLogs(dir)) > 0 }

// dropEmptyLogs removes the empty memtable logs of dir (see
// emptyLogs), so that a database killed at that moment opens.
func dropEmptyLogs(dir string) error {
	for _, f := range emptyLogs(dir) {
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("store: open %s: remove the empty log %s left by a killed writer: %w", dir, filepath.Base(f), err)
		}
	}
	return nil
}

// A writing Store keeps the part of its resident memory that maps
// Badger's files under mappedBudget: each pageOutEvery, if the process's
// file-backed RSS is above it, Ingest hands the pages of the table files
// back to the kernel (pageOut). Below the budget nothing is done, so that
// a small database stays in the page cache; above it, the pages dropped
// are read again from disk when needed (compactions read tables whole), so
// the budget is not made smaller than it must be. (Variables for tests.)
var (
	mappedBudget int64 = 256 << 20
	pageOutEvery       = time.Second
)

// releasePages calls pageOut on the database's directory when the mapped
// files' resident memory is over mappedBudget, checking at most once each
// pageOutEvery. The caller holds s.mu.
func (s *Store) releasePages() {
	if s.pageOutOff || s.path == "" || time.Since(s.pagedOut) < pageOutEvery {
		return
	}
	s.pagedOut = time.Now()
	if rss, ok := mappedRSS(); !ok || rss <= mappedBudget {
		s.pageOutOff = !ok
		return
	}
	if _, err := pageOut(s.path, s.hotTables()); err != nil {
		// Not an error for the caller: without it, RSS counts clean pages
		// the kernel reclaims anyway when memory runs short.
		s.pageOutOff = true
	}
}

// hotTables names the table files pageOut leaves resident: those of level
// 0 and of the base level (the first non-empty one below it), which every
// flush's compaction reads again within seconds, while deeper tables are
// read whole only when a compaction reaches them. It names none when they
// would take half the budget themselves.
func (s *Store) hotTables() map[string]bool {
	tables := s.db.Tables()
	base := 0
	for _, t := range tables {
		if t.Level > 0 && (base == 0 || t.Level < base) {
			base = t.Level
		}
	}
	keep := map[string]bool{}
	var size int64
	for _, t := range tables {
		if t.Level == 0 || t.Level == base {
			keep[fmt.Sprintf("%06d.sst", t.ID)] = true
			size += int64(t.OnDiskSize)
		}
	}
	if size > mappedBudget/2 {
		return nil
	}
	return keep
}

// checkSchema writes the schema version into an empty database and checks
// it in any other.
func (s *Store) checkSchema() error {
	var (
		version uint32
		found   bool
		empty   bool
	)
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(schemaKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			empty = !it.Valid()
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return item.Value(func(v []byte) error {
			version, err = decodeSchemaVersion(v)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("store: open %s: read schema version: %w", s.path, err)
	}
	switch {
	case found && version > SchemaVersion:
		return fmt.Errorf("store: open %s: %w: it has schema version %d, this kg reads up to %d; use a newer kg", s.path, ErrSchemaNewer, version, SchemaVersion)
	case found && (version == SchemaVersion || s.readOnly):
		return nil
	case !found && !empty:
		return fmt.Errorf("store: open %s: %w: it is a Badger database without kg's schema version key; choose a new path", s.path, ErrNotKG)
	case !found && s.readOnly:
		return fmt.Errorf("store: open %s read-only: the database is empty: %w", s.path, fs.ErrNotExist)
	}
	// An empty database, or an older version opened for writing: mark it.
	err = s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(schemaKey(), encodeSchemaVersion(SchemaVersion))
	})
	if err != nil {
		return fmt.Errorf("store: open %s: write schema version: %w", s.path, err)
	}
	return nil
}

// Close flushes everything written to disk and releases the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// badgerLogger passes Badger's warnings and errors to w and drops the rest.
type badgerLogger struct {
	mu sync.Mutex
	w  io.Writer
}

func newLogger(w io.Writer) badger.Logger {
	if w == nil {
		w = io.Discard
	}
	return &badgerLogger{w: w}
}

func (l *badgerLogger) printf(level, format string, args ...any) {
	if l.w == io.Discard {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(l.w, "badger %s: %s\n", level, strings.TrimRight(msg, "\n"))
}

func (l *badgerLogger) Errorf(format string, args ...any)   { l.printf("error", format, args...) }
func (l *badgerLogger) Warningf(format string, args ...any) { l.printf("warning", format, args...) }
func (l *badgerLogger) Infof(string, ...any)                {}
func (l *badgerLogger) Debugf(string, ...any)               {}
