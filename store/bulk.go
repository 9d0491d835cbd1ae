package store

import (
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/ristretto/v2/z"

	"github.com/kgraph/kg/graph"
)

// Sentinel errors of Import.
var (
	// ErrNotEmpty: Import was given a database that already holds a graph.
	ErrNotEmpty = errors.New("database is not empty")
	// ErrUnsorted: Import's relations did not come in canonical key order.
	ErrUnsorted = errors.New("relations not in key order")
)

// ImportResult counts what Import wrote.
type ImportResult struct {
	Entities  int
	Relations int
	Evidence  int
	Keys      int // Badger keys written, all kinds together
}

// Stream ids of Import's StreamWriter: one per key kind, so that each
// stream's keys are sorted and no two streams' key ranges overlap, as the
// StreamWriter requires.
const (
	streamSchema uint32 = iota + 1
	streamEntity
	streamAlias
	streamRelation
	streamOut
	streamIn
)

// importBufferSize is how many bytes of keys and values Import hands
// Badger at a time.
const importBufferSize = 4 << 20

// Import writes a whole graph into an empty database, much faster than
// Ingest: it builds Badger's sorted tables directly (Badger's StreamWriter)
// instead of committing transactions, and leaves one level of tables that
// answers reads faster than an ingested database's several. It writes the
// same keys as Ingest (the schema version, entities, their index keys,
// relations and both adjacency keys), so every reader works on the result.
// Documents are not imported: entities keep the ids of theirs in Docs.
//
// Entities may come in any order; an id given twice is merged
// (graph.MergeEntity). Relations must come in canonical key order
// (graph.Key.Less on Relation.Key, the order graph.Lister yields); one
// given twice in a row is merged (evidence and attributes). Self-loops are
// left out, as Ingest leaves them out; a relation whose ends are not among
// the entities is written all the same.
//
// Memory: Import holds every entity (a map of decoded entities, about 1 KB
// each with their index keys) and every relation's in key (about 60 bytes
// with its bookkeeping) to sort them; relation values stream through, and
// Badger builds each stream's tables in 64 MB buffers. Memory therefore
// grows with the graph: `kg bench --entities 1000000` (10^7 relations) ran
// in a peak RSS of 5 GB, its generated graph included.
//
// It returns an error wrapping ErrNotEmpty when the database holds
// anything but its schema version, ErrUnsorted when relations are out of
// order, and ErrReadOnly on a read-only store. On any error the database
// is left empty, as it was. Nil sequences count as empty.
func (s *Store) Import(entities iter.Seq[graph.Entity], relations iter.Seq[graph.Relation]) (ImportResult, error) {
	var res ImportResult
	if s.readOnly {
		return res, fmt.Errorf("store: import: %w", ErrReadOnly)
	}
	if entities == nil {
		entities = func(func(graph.Entity) bool) {}
	}
	if relations == nil {
		relations = func(func(graph.Relation) bool) {}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkEmpty(); err != nil {
		return res, err
	}
	sw := s.db.NewStreamWriter()
	if err := sw.Prepare(); err != nil {
		sw.Cancel()
		return res, fmt.Errorf("store: import: prepare: %w", err)
	}
	res, err := writeGraph(sw, entities, relations)
	if err == nil {
		if err = sw.Flush(); err != nil {
			err = fmt.Errorf("flush: %w", err)
		}
	} else {
		sw.Cancel()
	}
	if err != nil {
		// Leave the database as it was: empty but for its schema version.
		if derr := s.db.DropAll(); derr != nil {
			return ImportResult{}, fmt.Errorf("store: import: %w (and emptying the database again failed: %v)", err, derr)
		}
		if serr := s.checkSchema(); serr != nil {
			return ImportResult{}, fmt.Errorf("store: import: %w (and %v)", err, serr)
		}
		return ImportResult{}, fmt.Errorf("store: import: %w", err)
	}
	return res, nil
}

// checkEmpty fails with ErrNotEmpty unless the schema version is the only
// key in the database.
func (s *Store) checkEmpty() error {
	return s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if k := it.Item().Key(); !bytes.Equal(k, schemaKey()) {
				return fmt.Errorf("store: import into %s: %w: it holds key %x; import only into a new database", s.path, ErrNotEmpty, k)
			}
		}
		return nil
	})
}

// kvWriter batches keys and values for a StreamWriter. A full buffer is
// handed to a goroutine that passes it to Badger while the next one fills.
type kvWriter struct {
	sw   *badger.StreamWriter
	buf  *z.Buffer
	keys int

	full   chan *z.Buffer // buffers for the goroutine to write
	free   chan *z.Buffer // buffers it has written
	errc   chan error     // its result, once full is closed
	closed bool           // full is closed
}

func newKVWriter(sw *badger.StreamWriter) *kvWriter {
	w := &kvWriter{sw: sw, full: make(chan *z.Buffer, 1), free: make(chan *z.Buffer, 2), errc: make(chan error, 1)}
	w.buf = z.NewBuffer(importBufferSize+(1<<20), "kg.import")
	w.free <- z.NewBuffer(importBufferSize+(1<<20), "kg.import")
	go func() {
		var err error
		for b := range w.full {
			if err == nil {
				if err = sw.Write(b); err != nil {
					err = fmt.Errorf("write: %w", err)
				}
			}
			b.Reset()
			w.free <- b
		}
		w.errc <- err
	}()
	return w
}

// add queues one key and value for the stream; keys of a stream must come
// in increasing order.
func (w *kvWriter) add(stream uint32, k, v []byte) error {
	appendKV(w.buf, stream, k, v)
	w.keys++
	if w.buf.LenNoPadding() >= importBufferSize {
		w.full <- w.buf
		w.buf = <-w.free
	}
	return nil
}

// done closes a stream: Badger finishes its last table and frees the
// table builder (tens of megabytes) now rather than at the end.
func (w *kvWriter) done(stream uint32) {
	b := w.buf.SliceAllocate(1 + uvarintLen(uint64(stream)) + 2)[:0]
	b = append(b, 10<<3|0) // stream id: field 10, varint
	b = binary.AppendUvarint(b, uint64(stream))
	_ = append(b, 11<<3|0, 1) // stream done: field 11, varint true
}

// finish writes what is queued and waits for Badger to take all of it.
func (w *kvWriter) finish() error {
	if w.buf.LenNoPadding() > 0 {
		w.full <- w.buf
		w.buf = <-w.free
	}
	close(w.full)
	w.closed = true
	return <-w.errc
}

// release frees the buffers; call it once, after finish or on an error.
func (w *kvWriter) release() {
	if !w.closed {
		close(w.full)
		w.closed = true
		<-w.errc
	}
	_ = w.buf.Release()
	for len(w.free) > 0 {
		_ = (<-w.free).Release()
	}
}

// appendKV appends to buf what badger.KVToBuffer would for a pb.KV holding
// key k, value v, version 1 and the stream id, without protobuf's
// reflection (a third of an import's time): the fields in number order,
// each a tag byte and a varint or length-prefixed bytes, empty ones left
// out as proto3 does.
func appendKV(buf *z.Buffer, stream uint32, k, v []byte) {
	n := 1 + uvarintLen(uint64(len(k))) + len(k) + 2 + 1 + uvarintLen(uint64(stream))
	if len(v) > 0 {
		n += 1 + uvarintLen(uint64(len(v))) + len(v)
	}
	b := buf.SliceAllocate(n)[:0]
	b = append(b, 1<<3|2) // key: field 1, bytes
	b = binary.AppendUvarint(b, uint64(len(k)))
	b = append(b, k...)
	if len(v) > 0 {
		b = append(b, 2<<3|2) // value: field 2, bytes
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	b = append(b, 4<<3|0, 1) // version: field 4, varint 1
	b = append(b, 10<<3|0)   // stream id: field 10, varint
	_ = binary.AppendUvarint(b, uint64(stream))
}

func uvarintLen(x uint64) int {
	n := 1
	for ; x >= 0x80; x >>= 7 {
		n++
	}
	return n
}

// keyArena holds many short keys, to be sorted. Keys are copied into
// chunks of arenaChunk bytes that never move (growing one slice would copy
// it over and over), and every arenaRun keys the run just gathered is
// sorted on another goroutine while the caller goes on adding; sorted
// merges the runs.
type keyArena struct {
	chunks [][]byte
	refs   []uint64   // the run being gathered: chunk<<40 | offset<<16 | length
	runs   [][]uint64 // runs sorted or being sorted
	wg     sync.WaitGroup
}

// Arena sizes; variables so that tests can make them small.
var (
	arenaChunk = 1 << 24 // bytes per chunk: offsets fit in 24 bits; at least maxKeySize
	arenaRun   = 1 << 20 // keys per run sorted in the background
)

func (a *keyArena) add(k []byte) {
	n := len(a.chunks) - 1
	if n < 0 || len(a.chunks[n])+len(k) > arenaChunk {
		a.chunks = append(a.chunks, make([]byte, 0, arenaChunk))
		n++
	}
	a.refs = append(a.refs, uint64(n)<<40|uint64(len(a.chunks[n]))<<16|uint64(len(k)))
	a.chunks[n] = append(a.chunks[n], k...)
	if len(a.refs) == arenaRun {
		a.sortRun()
	}
}

// sortRun sorts the gathered run on its own goroutine, which reads only
// bytes already written (chunks are appended to, never rewritten).
func (a *keyArena) sortRun() {
	run, chunks := a.refs, slices.Clone(a.chunks)
	a.runs = append(a.runs, run)
	a.refs = nil
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		key := func(ref uint64) []byte { return keyAt(chunks, ref) }
		slices.SortFunc(run, func(x, y uint64) int { return bytes.Compare(key(x), key(y)) })
	}()
}

func keyAt(chunks [][]byte, ref uint64) []byte {
	c, off, n := ref>>40, (ref>>16)&(1<<24-1), ref&0xFFFF
	return chunks[c][off : off+n]
}

// sorted yields the keys in byte order, each once.
func (a *keyArena) sorted() iter.Seq[[]byte] {
	if len(a.refs) > 0 {
		a.sortRun()
	}
	a.wg.Wait()
	return func(yield func([]byte) bool) {
		// Merge the runs: a heap of each run's next key.
		h := &runHeap{chunks: a.chunks}
		for _, r := range a.runs {
			if len(r) > 0 {
				h.runs = append(h.runs, r)
			}
		}
		heap.Init(h)
		var prev []byte
		first := true
		for h.Len() > 0 {
			r := h.runs[0]
			k := keyAt(a.chunks, r[0])
			if r = r[1:]; len(r) == 0 {
				heap.Pop(h)
			} else {
				h.runs[0] = r
				heap.Fix(h, 0)
			}
			if !first && bytes.Equal(k, prev) {
				continue
			}
			first, prev = false, k
			if !yield(k) {
				return
			}
		}
	}
}

// runHeap orders sorted runs by their first key.
type runHeap struct {
	chunks [][]byte
	runs   [][]uint64
}

func (h *runHeap) Len() int { return len(h.runs) }
func (h *runHeap) Less(i, j int) bool {
	return bytes.Compare(keyAt(h.chunks, h.runs[i][0]), keyAt(h.chunks, h.runs[j][0])) < 0
}
func (h *runHeap) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *runHeap) Push(x any)    { h.runs = append(h.runs, x.([]uint64)) }
func (h *runHeap) Pop() any {
	x := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return x
}

// writeGraph streams the graph into sw, one stream per key kind.
func writeGraph(sw *badger.StreamWriter, entities iter.Seq[graph.Entity], relations iter.Seq[graph.Relation]) (ImportResult, error) {
	var res ImportResult
	w := newKVWriter(sw)
	defer w.release()
	if err := w.add(streamSchema, schemaKey(), encodeSchemaVersion(SchemaVersion)); err != nil {
		return res, err
	}
	w.done(streamSchema)

	// Entities: gathered, merged by id and sorted, then written with their index keys.
	byID := map[graph.ID]graph.Entity{}
	for e := range entities {
		if e.ID == "" {
			return res, fmt.Errorf("entity %q has no id", e.Name)
		}
		if old, ok := byID[e.ID]; ok {
			e = mergeEntity(old, e)
		}
		byID[e.ID] = e
	}
	ids := make([]graph.ID, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var aliases keyArena
	for _, id := range ids {
		e := byID[id]
		delete(byID, id)
		v, err := encodeEntity(e)
		if err != nil {
			return res, err
		}
		if err := w.add(streamEntity, entityKey(id), v); err != nil {
			return res, err
		}
		for _, k := range graph.IndexKeys(e) {
			aliases.add(aliasKey(k, id))
		}
		res.Entities++
	}
	w.done(streamEntity)
	for k := range aliases.sorted() {
		if err := w.add(streamAlias, k, nil); err != nil {
			return res, err
		}
	}
	w.done(streamAlias)
	aliases = keyArena{}

	// Relations stream through in key order, merged when given twice in a
	// row; their in keys are gathered and sorted.
	var (
		ins     keyArena
		pending graph.Relation
		have    bool
	)
	emit := func(r graph.Relation) error {
		k := r.Key()
		v, err := encodeRelation(r)
		if err != nil {
			return err
		}
		if err := w.add(streamRelation, relationKey(k), v); err != nil {
			return err
		}
		if err := w.add(streamOut, outKey(k), nil); err != nil {
			return err
		}
		ins.add(inKey(k))
		res.Relations++
		res.Evidence += len(r.Evidence)
		return nil
	}
	for r := range relations {
		k := r.Key()
		if k.Subject == k.Object {
			continue // Ingest never writes a self-loop either
		}
		r.Subject, r.Object = k.Subject, k.Object
		if have {
			pk := pending.Key()
			switch {
			case pk == k:
				pending.MergeEvidence(r.Evidence...)
				for a, v := range r.Attrs {
					if pending.Attrs == nil {
						pending.Attrs = map[string]string{}
					}
					if _, ok := pending.Attrs[a]; !ok {
						pending.Attrs[a] = v
					}
				}
				continue
			case k.Less(pk):
				return res, fmt.Errorf("%w: %v after %v", ErrUnsorted, k, pk)
			}
			if err := emit(pending); err != nil {
				return res, err
			}
		}
		pending, have = r, true
		pending.Evidence = slices.Clone(r.Evidence)
		graph.SortEvidence(pending.Evidence)
	}
	if have {
		if err := emit(pending); err != nil {
			return res, err
		}
	}
	w.done(streamRelation)
	w.done(streamOut)
	for k := range ins.sorted() {
		if err := w.add(streamIn, k, nil); err != nil {
			return res, err
		}
	}
	if err := w.finish(); err != nil {
		return res, err
	}
	res.Keys = w.keys
	return res, nil
}

// Compact rewrites the database into as few tables as it can and reclaims
// value log space no key points to any more, so that its size on disk is
// what the graph needs. It is for after a large import or ingest; readers
// do not need it.
func (s *Store) Compact() error {
	if s.readOnly {
		return fmt.Errorf("store: compact: %w", ErrReadOnly)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Flatten(2); err != nil {
		return fmt.Errorf("store: compact: flatten: %w", err)
	}
	for {
		err := s.db.RunValueLogGC(0.5)
		if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrGCInMemoryMode) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("store: compact: value log: %w", err)
		}
	}
}

// ScanAdjacency counts id's adjacency keys, out and in, with a Badger
// key-only iterator and no decoding: the least any neighbours query can do,
// against which Edges is measured. Like Edges it makes one iterator and
// seeks to each side's prefix.
func (s *Store) ScanAdjacency(id graph.ID) (int, error) {
	n := 0
	txn := s.db.NewTransaction(false)
	defer txn.Discard()
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
	defer it.Close()
	for _, kind := range []byte{kindOut, kindIn} {
		prefix := adjacencyPrefix(kind, id)
		for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
			n++
		}
	}
	return n, nil
}
