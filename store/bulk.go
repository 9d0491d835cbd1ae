package store

import (
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
	"maps"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	streamEvidence
	streamIn // and streamIn+1, ...: the in keys are written as several streams
)

// importBufferSize is how many bytes of keys and values Import hands
// Badger at a time.
const importBufferSize = 4 << 20

// Import writes a whole graph into an empty database, much faster than
// Ingest: it builds Badger's sorted tables directly (Badger's StreamWriter)
// instead of committing transactions, and leaves one level of tables that
// answers reads faster than an ingested database's several. It writes the
// same keys as Ingest (the schema version, entities, their index keys,
// relations, the evidence keys of those with more than maxInline records,
// and both adjacency keys), so every reader works on the result.
// Documents are not imported: entities keep the ids of theirs in Docs.
//
// Entities may come in any order; an id given twice is merged
// (graph.MergeEntity). Relations must come in canonical key order
// (graph.Key.Less on Relation.Key, the order graph.Lister yields); one
// given twice in a row is merged (evidence and attributes). Self-loops are
// left out, as Ingest leaves them out; a relation whose ends are not among
// the entities is written all the same.
//
// Memory: Import holds every entity (decoded, and about 200 bytes of index
// keys each) and, to write the in keys in their order, 12 bytes per
// relation (16 while they are sorted) and a table of 8-16 bytes per
// entity; relation values stream through, and Badger builds each
// stream's tables in memory. Memory therefore grows with the graph.
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
// merges the runs. Each key's reference carries its first 16 bytes as two
// integers, so that a run is sorted mostly by those (sortRefs: a radix sort
// on their bytes, with as many references again to work in), not by bytes
// elsewhere in memory.
type keyArena struct {
	chunks [][]byte
	refs   []keyRef   // the run being gathered
	runs   [][]keyRef // runs sorted or being sorted
	wg     sync.WaitGroup
}

// keyRef locates a key in a keyArena: its first 16 bytes (zero-padded),
// big-endian, and chunk<<40 | offset<<16 | length.
type keyRef struct {
	head [2]uint64
	at   uint64
}

// inStreamMin is the fewest in keys Import gives a stream of its own
// (each stream is a table, built in buffers of its own); a variable so that
// tests can make it small.
var inStreamMin = 1 << 16

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
	var head [16]byte
	copy(head[:], k)
	a.refs = append(a.refs, keyRef{
		head: [2]uint64{binary.BigEndian.Uint64(head[:8]), binary.BigEndian.Uint64(head[8:])},
		at:   uint64(n)<<40 | uint64(len(a.chunks[n]))<<16 | uint64(len(k)),
	})
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
		sortRefs(run, make([]keyRef, len(run)), chunks, 0)
	}()
}

// radixMin is the fewest keys sortRefs sorts by their bytes; fewer are
// sorted by comparison.
const radixMin = 128

// sortRefs sorts refs by their keys (tmp is as long as refs, to work in):
// a radix sort on the heads' bytes from byte digit on, most significant
// first, which puts the keys in 256 buckets by one byte and sorts each
// bucket by the next; a bucket of fewer than radixMin keys, or one whose
// keys' heads are all alike, is sorted by comparison. A byte all the keys
// share (the kind, most of a common prefix) costs one counting pass.
func sortRefs(refs, tmp []keyRef, chunks [][]byte, digit int) {
	for ; len(refs) >= radixMin && digit < 16; digit++ {
		w, shift := digit/8, 56-8*uint(digit%8)
		var count [256]int
		for _, r := range refs {
			count[byte(r.head[w]>>shift)]++
		}
		if count[byte(refs[0].head[w]>>shift)] == len(refs) {
			continue // all alike in this byte: sort by the next
		}
		var next [256]int
		for b, sum := 1, 0; b < 256; b++ {
			sum += count[b-1]
			next[b] = sum
		}
		for _, r := range refs {
			b := byte(r.head[w] >> shift)
			tmp[next[b]] = r
			next[b]++
		}
		copy(refs, tmp[:len(refs)])
		lo := 0
		for _, c := range count {
			if c > 1 {
				sortRefs(refs[lo:lo+c], tmp[lo:lo+c], chunks, digit+1)
			}
			lo += c
		}
		return
	}
	slices.SortFunc(refs, func(x, y keyRef) int { return compareRefs(chunks, x, y) })
}

func compareRefs(chunks [][]byte, x, y keyRef) int {
	if c := cmp.Compare(x.head[0], y.head[0]); c != 0 {
		return c
	}
	if c := cmp.Compare(x.head[1], y.head[1]); c != 0 {
		return c
	}
	return bytes.Compare(keyAt(chunks, x.at), keyAt(chunks, y.at))
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
			k := keyAt(a.chunks, r[0].at)
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
	runs   [][]keyRef
}

func (h *runHeap) Len() int { return len(h.runs) }
func (h *runHeap) Less(i, j int) bool {
	return compareRefs(h.chunks, h.runs[i][0], h.runs[j][0]) < 0
}
func (h *runHeap) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *runHeap) Push(x any)    { h.runs = append(h.runs, x.([]keyRef)) }
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

	// Entities: gathered, sorted by id unless they came so, and merged by
	// id, then written with their index keys.
	ents, err := gatherEntities(entities)
	if err != nil {
		return res, err
	}
	ids := make([]graph.ID, len(ents))
	for i, e := range ents {
		ids[i] = e.ID
	}
	// The entities' index keys are worked out, sorted and written as the
	// alias stream on other goroutines, with a writer of their own, while
	// this one writes the entities and the relations: the StreamWriter
	// takes buffers from several goroutines, and each stream's keys come
	// from one, in order.
	var (
		stop      atomic.Bool // set on an error: the alias keys are not needed
		aliased   = make(chan struct{})
		aliasKeys int
		aliasErr  error
	)
	defer func() {
		stop.Store(true)
		<-aliased // it uses sw, which Import cancels on an error
	}()
	go func(ents []graph.Entity) {
		defer close(aliased)
		aliasKeys, aliasErr = writeAliases(sw, ents, &stop)
	}(ents)
	var key, val []byte // reused for every key and value: the writer copies them
	for _, e := range ents {
		val = appendEntity(val[:0], e)
		key = append(append(key[:0], kindEntity), e.ID...)
		if err := w.add(streamEntity, key, val); err != nil {
			return res, err
		}
		res.Entities++
	}
	w.done(streamEntity)
	ents = nil // writeAliases drops its own reference once it has the keys

	// Relations stream through in key order, merged when given twice in a
	// row; their out keys go through a writer of their own, so that Badger
	// decodes the two streams on two goroutines, and their in keys are
	// written after them, in their own order (see inOrder).
	wo := newKVWriter(sw)
	defer wo.release()
	var (
		ins        = newInOrder(ids)
		pending    graph.Relation
		pendingKey graph.Key
		have       bool
		ownEv      bool // pending.Evidence is Import's copy, not the caller's
		ownAttrs   bool // and pending.Attrs
	)
	emit := func(r graph.Relation, k graph.Key) error {
		var rest []graph.Evidence // records for evidence keys, as Ingest writes them
		if len(r.Evidence) > maxInline {
			// Sorted already: each identity once, then split.
			r.Evidence = slices.CompactFunc(slices.Clone(r.Evidence), sameRecord)
			if len(r.Evidence) > maxInline {
				r.Evidence, rest = r.Evidence[:maxInline], r.Evidence[maxInline:]
			}
		}
		key = appendTriple(key[:0], kindRelation, k)
		val = appendRelationValue(val[:0], r, len(rest) > 0)
		if err := w.add(streamRelation, key, val); err != nil {
			return err
		}
		key[0] = kindOut // an out key is the relation key under another kind
		if err := wo.add(streamOut, key, nil); err != nil {
			return err
		}
		// Relations come in key order and their records in identity
		// order, so evidence keys come in key order too.
		for _, e := range rest {
			val = encodeRecordTo(val[:0], e)
			if err := w.add(streamEvidence, evidenceKey(k, e), val); err != nil {
				return err
			}
		}
		ins.add(k)
		res.Relations++
		res.Evidence += len(r.Evidence) + len(rest)
		return nil
	}
	for r := range relations {
		k := r.Key()
		if k.Subject == k.Object {
			continue // Ingest never writes a self-loop either
		}
		r.Subject, r.Object = k.Subject, k.Object
		if have {
			switch {
			case pendingKey == k:
				if !ownEv {
					pending.Evidence, ownEv = slices.Clone(pending.Evidence), true
				}
				pending.MergeEvidence(r.Evidence...)
				for a, v := range r.Attrs {
					if _, ok := pending.Attrs[a]; ok {
						continue
					}
					if !ownAttrs {
						pending.Attrs, ownAttrs = maps.Clone(pending.Attrs), true
						if pending.Attrs == nil {
							pending.Attrs = map[string]string{}
						}
					}
					pending.Attrs[a] = v
				}
				continue
			case k.Less(pendingKey):
				return res, fmt.Errorf("%w: %v after %v", ErrUnsorted, k, pendingKey)
			}
			if err := emit(pending, pendingKey); err != nil {
				return res, err
			}
		}
		pending, pendingKey, have, ownEv, ownAttrs = r, k, true, false, false
		if !evidenceSorted(r.Evidence) {
			pending.Evidence, ownEv = slices.Clone(r.Evidence), true
			graph.SortEvidence(pending.Evidence)
		}
	}
	if have {
		if err := emit(pending, pendingKey); err != nil {
			return res, err
		}
	}
	w.done(streamRelation)
	wo.done(streamOut)
	w.done(streamEvidence)
	<-aliased
	if aliasErr != nil {
		return res, aliasErr
	}
	// The in keys, in as many streams as there are CPUs, written while
	// the relation and out streams' last buffers are.
	var (
		inKeys int
		inErr  error
		inDone = make(chan struct{})
	)
	go func() {
		defer close(inDone)
		inKeys, inErr = ins.write(sw, streamIn, runtime.GOMAXPROCS(0))
	}()
	err = errors.Join(w.finish(), wo.finish())
	<-inDone
	if err = errors.Join(err, inErr); err != nil {
		return res, err
	}
	res.Keys = w.keys + wo.keys + aliasKeys + inKeys
	return res, nil
}

// gatherEntities returns the entities in id order, each id once: those
// given with the same id are merged in the order they came
// (graph.MergeEntity), as Ingest would merge them.
func gatherEntities(entities iter.Seq[graph.Entity]) ([]graph.Entity, error) {
	var ents []graph.Entity
	inOrder := true // ids came in order (equal ones next to each other)
	for e := range entities {
		if e.ID == "" {
			return nil, fmt.Errorf("entity %q has no id", e.Name)
		}
		if n := len(ents); n > 0 && e.ID < ents[n-1].ID {
			inOrder = false
		}
		ents = append(ents, e)
	}
	if !inOrder {
		// Sort numbers, ties kept in the order they came, rather than
		// moving whole entities about.
		order := make([]int32, len(ents))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int {
			if c := strings.Compare(string(ents[a].ID), string(ents[b].ID)); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		sorted := make([]graph.Entity, len(ents))
		for i, j := range order {
			sorted[i] = ents[j]
		}
		ents = sorted
	}
	merged := ents[:0]
	for _, e := range ents {
		if n := len(merged); n > 0 && merged[n-1].ID == e.ID {
			merged[n-1] = mergeEntity(merged[n-1], e)
			continue
		}
		merged = append(merged, e)
	}
	clear(ents[len(merged):]) // let the collector have what was merged away
	return slices.Clip(merged), nil
}

// writeAliases writes the alias keys of ents (in id order) into sw with a
// writer of its own, unless stop is set first. It returns how many it wrote.
func writeAliases(sw *badger.StreamWriter, ents []graph.Entity, stop *atomic.Bool) (int, error) {
	var (
		aliases keyArena
		key     []byte
	)
	for _, e := range ents {
		if stop.Load() {
			return 0, nil
		}
		for _, k := range graph.IndexKeys(e) {
			key = append(appendStr(append(key[:0], kindAlias), k), e.ID...)
			aliases.add(key)
		}
	}
	ents = nil // no longer needed: let the collector have them while the relations are written
	w := newKVWriter(sw)
	defer w.release()
	for k := range aliases.sorted() {
		if stop.Load() {
			return 0, nil
		}
		if err := w.add(streamAlias, k, nil); err != nil {
			return 0, err
		}
	}
	w.done(streamAlias)
	if err := w.finish(); err != nil {
		return 0, err
	}
	return w.keys, nil
}

// evidenceSorted reports whether ev is in graph.SortEvidence's order.
func evidenceSorted(ev []graph.Evidence) bool {
	for i := 1; i < len(ev); i++ {
		a, b := ev[i-1], ev[i]
		if a.Doc != b.Doc {
			if b.Doc < a.Doc {
				return false
			}
			continue
		}
		if a.Start != b.Start {
			if b.Start < a.Start {
				return false
			}
			continue
		}
		if b.End < a.End {
			return false
		}
	}
	return true
}

// appendTriple appends a relation, out or in key (kind) of the canonical
// key k to b, as tripleKey builds it.
func appendTriple(b []byte, kind byte, k graph.Key) []byte {
	first, last := k.Subject, k.Object
	if kind == kindIn {
		first, last = last, first
	}
	b = append(b, kind)
	b = appendStrFast(b, string(first))
	b = appendStrFast(b, string(k.Predicate))
	return append(b, last...)
}

// appendStrFast is appendStr, copying s whole when it holds no byte to escape.
func appendStrFast(b []byte, s string) []byte {
	if strings.IndexByte(s, escByte) >= 0 {
		return appendStr(b, s)
	}
	return append(append(b, s...), escByte, escEnd)
}

// inOrder puts relations' in keys in key order without building and
// sorting the keys. Relations come in key order, (subject, predicate,
// object); in keys sort by (object, predicate, subject). inOrder numbers
// each end and each predicate as they come and keeps the numbers of each
// relation (12 bytes). To sort, it ranks the ends among all ends in id
// order and the predicates in string order, packs each relation into one
// integer, (object rank, predicate rank, subject rank) from the top bits
// down, and sorts these with two passes of a stable counting sort, by
// predicate and then by object: relations with the same object and
// predicate then stay in the order they came in, which is their subjects'
// order. Order by rank is key order, because str() sorts as the strings it
// holds do (keys.go).
//
// The entities' ids, given to newInOrder in order, are the first ends; an
// end that is not among them (Import writes such relations all the same)
// is numbered after them and ranked when sort is called.
//
// Ends are numbered through a hash table of integers (slots), not a Go map
// keyed by the ids: the table holds no pointers, so the collector has
// nothing in it to mark, and a lookup reads one slot and the id it names.
type inOrder struct {
	ends    []graph.ID // ends by number
	known   int        // ends[:known] are in order (the entities)
	seed    maphash.Seed
	slots   []uint64 // open addressing: the top 32 bits of an end's hash, and its number+1; 0 is empty
	preds   []graph.Predicate
	predNum map[graph.Predicate]uint32
	last    graph.ID   // the last subject looked up, and its number:
	lastNum uint32     // relations come grouped by subject
	pairs   []uint64   // subject<<32 | object number, by relation in input order
	pred    []uint32   // predicate number, likewise
	queued  []graph.ID // the objects of the last pairs, not numbered yet (see number)
	hashes  []uint64   // their hashes, worked out by number
	touched uint64     // a sum of what number read ahead, never used

	// Set by sort: the ends and predicates by rank, and the widths of the
	// ranks in the packed integers.
	endByRank  []graph.ID
	predByRank []graph.Predicate
	endBits    uint
	predBits   uint
}

// errTooManyEnds is returned when the relations' ends and predicates are
// too many for their ranks to be packed into one 64-bit integer (more than
// 2^29 ends, with up to 64 predicates).
var errTooManyEnds = errors.New("too many relation ends to sort the in keys")

func newInOrder(ids []graph.ID) *inOrder {
	o := &inOrder{ends: ids, known: len(ids), seed: maphash.MakeSeed(), predNum: map[graph.Predicate]uint32{}}
	o.slots = make([]uint64, max(16, 1<<bits.Len(uint(2*len(ids)))))
	for i, id := range ids {
		o.place(id, uint32(i))
	}
	return o
}

// place puts end number n (id) in a free slot.
func (o *inOrder) place(id graph.ID, n uint32) {
	h := maphash.String(o.seed, string(id))
	mask := uint64(len(o.slots) - 1)
	i := h & mask
	for o.slots[i] != 0 {
		i = (i + 1) & mask
	}
	o.slots[i] = h&^(1<<32-1) | uint64(n+1)
}

// end returns id's number, numbering it if it is new.
func (o *inOrder) end(id graph.ID) uint32 {
	return o.endHashed(id, maphash.String(o.seed, string(id)))
}

// endHashed is end for an id whose hash is h.
func (o *inOrder) endHashed(id graph.ID, h uint64) uint32 {
	tag := h &^ (1<<32 - 1)
	mask := uint64(len(o.slots) - 1)
	i := h & mask
	for s := o.slots[i]; s != 0; s = o.slots[i] {
		if s&^(1<<32-1) == tag && o.ends[uint32(s)-1] == id {
			return uint32(s) - 1
		}
		i = (i + 1) & mask
	}
	n := uint32(len(o.ends))
	o.ends = append(o.ends, id)
	o.slots[i] = tag | uint64(n+1)
	if 4*len(o.ends) > 3*len(o.slots) {
		o.slots = make([]uint64, 2*len(o.slots))
		for n, id := range o.ends {
			o.place(id, uint32(n))
		}
	}
	return n
}

// add records the canonical key of the next relation.
func (o *inOrder) add(k graph.Key) {
	if len(o.pairs) == 0 || k.Subject != o.last {
		o.last, o.lastNum = k.Subject, o.end(k.Subject)
	}
	p, ok := o.predNum[k.Predicate]
	if !ok {
		p = uint32(len(o.preds))
		o.preds = append(o.preds, k.Predicate)
		o.predNum[k.Predicate] = p
	}
	o.pairs = append(o.pairs, uint64(o.lastNum)<<32)
	o.pred = append(o.pred, p)
	if o.queued = append(o.queued, k.Object); len(o.queued) == endBatch {
		o.number()
	}
}

// endBatch is how many objects inOrder numbers at a time.
const endBatch = 256

// number numbers the queued objects. An object is found at random in the
// table of slots and then in ends, both far larger than the CPU's caches
// in a big graph; looked up one by one between everything else a relation
// costs, each lookup waits for memory two or three times. Here the slots
// and the ends they point to are first only read, in loops whose loads do
// not depend on each other, so that the CPU has many in flight at once;
// the lookups then find them in the cache.
func (o *inOrder) number() {
	if len(o.queued) == 0 {
		return
	}
	o.hashes = o.hashes[:0]
	mask := uint64(len(o.slots) - 1)
	var touched uint64
	for _, id := range o.queued {
		h := maphash.String(o.seed, string(id))
		o.hashes = append(o.hashes, h)
		touched += o.slots[h&mask]
	}
	for _, h := range o.hashes {
		if s := o.slots[h&mask]; s != 0 {
			touched += uint64(len(o.ends[uint32(s)-1]))
		}
	}
	for _, h := range o.hashes {
		if s := o.slots[h&mask]; s != 0 {
			if e := o.ends[uint32(s)-1]; len(e) > 0 {
				touched += uint64(e[0]) // the bytes compared with the id
			}
		}
	}
	o.touched += touched // kept, so that the compiler keeps the loads
	base := len(o.pairs) - len(o.queued)
	for i, id := range o.queued {
		o.pairs[base+i] |= uint64(o.endHashed(id, o.hashes[i]))
	}
	clear(o.queued) // let the collector have the ids of relations not among the entities
	o.queued = o.queued[:0]
}

// sorted yields the in keys in key order. The yielded slice is reused.
func (o *inOrder) sorted() (iter.Seq[[]byte], error) {
	order, err := o.sort()
	if err != nil {
		return nil, err
	}
	return func(yield func([]byte) bool) {
		var key []byte
		for _, x := range order {
			if !yield(o.appendKey(key[:0], x)) {
				return
			}
		}
	}, nil
}

// appendKey appends the in key of the relation packed in x by sort.
func (o *inOrder) appendKey(b []byte, x uint64) []byte {
	endMask, predMask := uint64(1)<<o.endBits-1, uint64(1)<<o.predBits-1
	k := graph.Key{
		Subject:   o.endByRank[x&endMask],
		Predicate: o.predByRank[x>>o.endBits&predMask],
		Object:    o.endByRank[x>>(o.endBits+o.predBits)],
	}
	return appendTriple(b, kindIn, k)
}

// touchSubjects reads the ids that appendKey will copy as the subjects
// of the packed relations xs, in a loop whose loads do not depend on each
// other: in key order the subjects come at random, and read one by one
// each waits for memory twice (the id's header, its bytes). It returns a
// sum of what it read, for the caller to keep so that the compiler keeps
// the loads.
func (o *inOrder) touchSubjects(xs []uint64) uint64 {
	endMask := uint64(1)<<o.endBits - 1
	var sum uint64
	for _, x := range xs {
		if id := o.endByRank[x&endMask]; len(id) > 0 {
			sum += uint64(id[0])
		}
	}
	return sum
}

// write writes the in keys into sw as parts streams of consecutive keys,
// with stream ids first, first+1, ..., each from a goroutine and writer of
// its own (the streams' key ranges do not overlap, as StreamWriter
// requires). It returns how many keys it wrote.
func (o *inOrder) write(sw *badger.StreamWriter, first uint32, parts int) (int, error) {
	order, err := o.sort()
	if err != nil {
		return 0, err
	}
	parts = max(1, min(parts, len(order)/inStreamMin))
	var (
		wg   sync.WaitGroup
		keys = make([]int, parts)
		errs = make([]error, parts)
		sink = make([]uint64, parts) // what touchSubjects read
	)
	for p := range parts {
		lo, hi := len(order)*p/parts, len(order)*(p+1)/parts
		if lo == hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			stream := first + uint32(p)
			w := newKVWriter(sw)
			defer w.release()
			var key []byte
			for at := lo; at < hi; at += endBatch {
				batch := order[at:min(at+endBatch, hi)]
				touched := o.touchSubjects(batch)
				for _, x := range batch {
					key = o.appendKey(key[:0], x)
					if errs[p] = w.add(stream, key, nil); errs[p] != nil {
						return
					}
				}
				sink[p] += touched
			}
			w.done(stream)
			errs[p] = w.finish()
			keys[p] = w.keys
		}()
	}
	wg.Wait()
	n := 0
	for p, k := range keys {
		n += k
		o.touched += sink[p]
	}
	return n, errors.Join(errs...)
}

// sort returns the relations packed as appendKey reads them, in the order
// of their in keys. It is called once.
func (o *inOrder) sort() ([]uint64, error) {
	o.number()
	o.slots, o.predNum, o.queued, o.hashes = nil, nil, nil, nil // not needed any more; let the collector have them
	// Ranks by number: the identity for the entities unless other ends came.
	var endRank []uint32
	o.endByRank = o.ends
	if len(o.ends) > o.known {
		endRank = ranks(o.ends)
		o.endByRank = make([]graph.ID, len(o.ends))
		for n, r := range endRank {
			o.endByRank[r] = o.ends[n]
		}
	}
	predRank := ranks(o.preds)
	o.predByRank = make([]graph.Predicate, len(o.preds))
	for n, r := range predRank {
		o.predByRank[r] = o.preds[n]
	}
	o.endBits = uint(bits.Len(uint(max(len(o.ends)-1, 0))))
	o.predBits = uint(bits.Len(uint(max(len(o.preds)-1, 0))))
	if 2*o.endBits+o.predBits > 64 {
		return nil, fmt.Errorf("%w: %d ends, %d predicates", errTooManyEnds, len(o.ends), len(o.preds))
	}
	rank := func(n uint32) uint64 {
		if endRank == nil {
			return uint64(n)
		}
		return uint64(endRank[n])
	}
	// Pack in place of the pairs.
	packed := o.pairs
	for i, p := range o.pairs {
		subj, obj := uint32(p>>32), uint32(p)
		packed[i] = rank(obj)<<(o.endBits+o.predBits) | uint64(predRank[o.pred[i]])<<o.endBits | rank(subj)
	}
	o.pairs, o.pred = nil, nil
	tmp := make([]uint64, len(packed))
	countingSort(tmp, packed, len(o.preds), o.endBits, uint64(1)<<o.predBits-1)
	countingSort(packed, tmp, len(o.ends), o.endBits+o.predBits, math.MaxUint64)
	return packed, nil
}

// ranks returns the rank of each string of xs (all different) in sorted order.
func ranks[S ~string](xs []S) []uint32 {
	byValue := make([]uint32, len(xs))
	for i := range byValue {
		byValue[i] = uint32(i)
	}
	slices.SortFunc(byValue, func(a, b uint32) int { return strings.Compare(string(xs[a]), string(xs[b])) })
	r := make([]uint32, len(xs))
	for rank, i := range byValue {
		r[i] = uint32(rank)
	}
	return r
}

// countingSort writes src into dst ordered by bucket, x>>shift&mask (less
// than buckets), keeping the order of src among equal buckets.
func countingSort(dst, src []uint64, buckets int, shift uint, mask uint64) {
	start := make([]uint32, buckets+1)
	for _, x := range src {
		start[x>>shift&mask+1]++
	}
	for b := 1; b <= buckets; b++ {
		start[b] += start[b-1]
	}
	for _, x := range src {
		b := x >> shift & mask
		dst[start[b]] = x
		start[b]++
	}
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
