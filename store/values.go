package store

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/kgraph/kg/graph"
)

// Entity and relation values are a compact binary form (below); documents
// and decisions are JSON. Databases written before the binary form hold
// JSON entities and relations: a value whose first byte is '{' is JSON and
// is decoded as before, so they keep working without a migration, and a
// database may hold both forms at once (a JSON value is rewritten in the
// binary form when an ingest or a decision next writes it).
//
// The binary form starts with a format byte (valueFormat1), never '{'.
// Strings are a uvarint length and the bytes; counts and non-negative
// integers are uvarints; other integers zig-zag varints. A document id
// that is 64 lowercase hex digits (kg's ids are SHA-256) is stored as its
// 32 bytes. Maps are written with their keys sorted, so that equal values
// encode alike.
//
//	entity:   0x01 str(name) str(type) aliases attrs varint(mentions) docs
//	relation: 0x01 attrs uvarint(n) evidence*n   (all its evidence)
//	        | 0x02 attrs uvarint(n) evidence*n   (more under evidence keys)
//	record:   0x01 evidence                      (an evidence key's value)
//	aliases:  uvarint(n) str*n
//	attrs:    uvarint(n) (str(key) str(value))*n
//	docs:     uvarint(n) doc*n
//	doc:      uvarint(0) 32 bytes   (64 lowercase hex digits)
//	        | uvarint(len+1) bytes  (any other id)
//	evidence: flags doc str(sentence) varint(start) varint(end)
//	          [str(extractor)] [float64 bits, big-endian (confidence)]
//	          [str(status)] [str(attributed to)] [str(date)]
//
// where flags has one bit per bracketed field that is present (not empty
// or zero), in that order from bit 0.
//
// A relation holds at most maxInline records in its value; the rest go
// under evidence keys of their own (keys.go), one a record, so that a
// relation stated in thousands of articles is not decoded and rewritten
// whole by each ingest that states it again, nor grows past what one
// Badger transaction can write. Format 0x02 says the relation has such
// keys; a relation without them is written in format 0x01, byte for byte
// as schema version 2 wrote it.
//
// Decoding makes one string of the whole value and slices every field out
// of it, so that a value costs a few allocations however many fields it has.

// valueFormat1 is the first byte of a binary entity or relation value, and
// of an evidence key's value; valueFormat2 that of a relation value whose
// relation has evidence keys.
const (
	valueFormat1 byte = 0x01
	valueFormat2 byte = 0x02
)

// maxInline is the most evidence records a relation value holds; a
// variable so that tests can make it small.
var maxInline = 16

// jsonStart is the first byte of every JSON value.
const jsonStart byte = '{'

// Evidence flags: which optional fields a binary record holds.
const (
	evExtractor byte = 1 << iota
	evConfidence
	evStatus
	evAttributed
	evDate
)

// errBadValue is wrapped by the decoders when a binary value is malformed.
var errBadValue = errors.New("malformed value")

// relationValue is what a JSON relation value holds: everything but the
// triple, which is in the key. Only old databases have such values.
type relationValue struct {
	Attrs    map[string]string `json:"attrs,omitempty"`
	Evidence []graph.Evidence  `json:"evidence"`
}

// MaxEntityDocs bounds the documents an entity's stored value lists: the
// first by id, so that the list is the same whatever order articles came
// in. Without a bound an entity named in every article (a country, a
// leader) would carry a list that grows with the corpus and is rewritten
// whole by each ingest that names it: quadratic in the corpus, and past
// about 70,000 articles larger than a Badger transaction allows. Mentions
// still counts every mention, and every relation's evidence still names
// its document.
const MaxEntityDocs = 256

func encodeEntity(e graph.Entity) ([]byte, error) {
	return appendEntity(nil, e), nil
}

// appendEntity appends e's value (all but its id, which is in the key) to b.
func appendEntity(b []byte, e graph.Entity) []byte {
	docs := e.Docs
	if len(docs) > MaxEntityDocs {
		if !slices.IsSorted(docs) {
			docs = slices.Sorted(slices.Values(docs))
		}
		docs = docs[:MaxEntityDocs]
	}
	b = append(b, valueFormat1)
	b = appendString(b, e.Name)
	b = appendString(b, string(e.Type))
	b = binary.AppendUvarint(b, uint64(len(e.Aliases)))
	for _, a := range e.Aliases {
		b = appendString(b, a)
	}
	b = appendAttrs(b, e.Attrs)
	b = binary.AppendVarint(b, int64(e.Mentions))
	b = binary.AppendUvarint(b, uint64(len(docs)))
	for _, d := range docs {
		b = appendDoc(b, d)
	}
	return b
}

func decodeEntity(id graph.ID, b []byte) (graph.Entity, error) {
	var e graph.Entity
	if len(b) > 0 && b[0] == jsonStart {
		if err := json.Unmarshal(b, &e); err != nil {
			return graph.Entity{}, fmt.Errorf("decode entity %q: %w", id, err)
		}
		e.ID = id
		return e, nil
	}
	d, err := newValueDecoder(b)
	if err == nil {
		e.Name = d.string()
		e.Type = graph.Type(d.string())
		if n := d.count(); n > 0 {
			e.Aliases = make([]string, n)
			for i := range e.Aliases {
				e.Aliases[i] = d.string()
			}
		}
		e.Attrs = d.attrs()
		e.Mentions = int(d.varint())
		if n := d.count(); n > 0 {
			e.Docs = make([]graph.DocID, n)
			for i := range e.Docs {
				e.Docs[i] = d.doc()
			}
		}
		err = d.finish()
	}
	if err != nil {
		return graph.Entity{}, fmt.Errorf("decode entity %q: %w", id, err)
	}
	e.ID = id
	return e, nil
}

func encodeRelation(r graph.Relation) ([]byte, error) {
	return appendRelation(nil, r), nil
}

// appendRelation appends r's value (its attributes and evidence; the
// triple is in the key) to b, in format 0x01: all of r's evidence.
func appendRelation(b []byte, r graph.Relation) []byte {
	return appendRelationValue(b, r, false)
}

// appendRelationValue appends r's value to b; overflow says the relation
// has more records under evidence keys (format 0x02).
func appendRelationValue(b []byte, r graph.Relation, overflow bool) []byte {
	if overflow {
		b = append(b, valueFormat2)
	} else {
		b = append(b, valueFormat1)
	}
	b = appendAttrs(b, r.Attrs)
	b = binary.AppendUvarint(b, uint64(len(r.Evidence)))
	for _, ev := range r.Evidence {
		b = appendEvidence(b, ev)
	}
	return b
}

// hasOverflow reports whether a relation value says the relation has
// evidence keys.
func hasOverflow(v []byte) bool { return len(v) > 0 && v[0] == valueFormat2 }

// encodeRecord returns the value of an evidence key: one record.
func encodeRecord(ev graph.Evidence) []byte { return encodeRecordTo(nil, ev) }

// encodeRecordTo appends the value of an evidence key to b.
func encodeRecordTo(b []byte, ev graph.Evidence) []byte {
	return appendEvidence(append(b, valueFormat1), ev)
}

// decodeRecord decodes the value of an evidence key.
func decodeRecord(b []byte) (graph.Evidence, error) {
	d, err := newValueDecoder(b)
	var ev graph.Evidence
	if err == nil {
		ev = d.evidence()
		err = d.finish()
	}
	if err != nil {
		return graph.Evidence{}, fmt.Errorf("decode evidence record: %w", err)
	}
	return ev, nil
}

// appendEvidence appends one evidence record.
func appendEvidence(b []byte, ev graph.Evidence) []byte {
	var flags byte
	if ev.Extractor != "" {
		flags |= evExtractor
	}
	if ev.Confidence != 0 {
		flags |= evConfidence
	}
	if ev.Status != "" {
		flags |= evStatus
	}
	if ev.AttributedTo != "" {
		flags |= evAttributed
	}
	if ev.Date != "" {
		flags |= evDate
	}
	b = append(b, flags)
	b = appendDoc(b, ev.Doc)
	b = appendString(b, ev.Sentence)
	b = binary.AppendVarint(b, int64(ev.Start))
	b = binary.AppendVarint(b, int64(ev.End))
	if flags&evExtractor != 0 {
		b = appendString(b, ev.Extractor)
	}
	if flags&evConfidence != 0 {
		b = binary.BigEndian.AppendUint64(b, math.Float64bits(ev.Confidence))
	}
	if flags&evStatus != 0 {
		b = appendString(b, string(ev.Status))
	}
	if flags&evAttributed != 0 {
		b = appendString(b, ev.AttributedTo)
	}
	if flags&evDate != 0 {
		b = appendString(b, ev.Date)
	}
	return b
}

// decodeRelation decodes a relation value: the records it holds, which are
// all of the relation's unless hasOverflow(b).
func decodeRelation(k graph.Key, b []byte) (graph.Relation, error) {
	r := graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object}
	if len(b) > 0 && b[0] == jsonStart {
		var v relationValue
		if err := json.Unmarshal(b, &v); err != nil {
			return graph.Relation{}, fmt.Errorf("decode relation %v: %w", k, err)
		}
		r.Attrs, r.Evidence = v.Attrs, v.Evidence
		return r, nil
	}
	d, err := newRelationDecoder(b)
	if err == nil {
		r.Attrs = d.attrs()
		if n := d.count(); n > 0 {
			r.Evidence = make([]graph.Evidence, n)
			for i := range r.Evidence {
				r.Evidence[i] = d.evidence()
			}
		}
		err = d.finish()
	}
	if err != nil {
		return graph.Relation{}, fmt.Errorf("decode relation %v: %w", k, err)
	}
	return r, nil
}

// evidence reads one evidence record.
func (d *valueDecoder) evidence() graph.Evidence {
	var ev graph.Evidence
	flags := d.byte()
	ev.Doc = d.doc()
	ev.Sentence = d.string()
	ev.Start = int(d.varint())
	ev.End = int(d.varint())
	if flags&evExtractor != 0 {
		ev.Extractor = d.string()
	}
	if flags&evConfidence != 0 {
		ev.Confidence = math.Float64frombits(d.uint64())
	}
	if flags&evStatus != 0 {
		ev.Status = graph.Status(d.string())
	}
	if flags&evAttributed != 0 {
		ev.AttributedTo = d.string()
	}
	if flags&evDate != 0 {
		ev.Date = d.string()
	}
	return ev
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendAttrs appends a map with its keys in order.
func appendAttrs(b []byte, m map[string]string) []byte {
	b = binary.AppendUvarint(b, uint64(len(m)))
	switch len(m) {
	case 0:
	case 1:
		for k, v := range m {
			b = appendString(appendString(b, k), v)
		}
	default:
		for _, k := range slices.Sorted(maps.Keys(m)) {
			b = appendString(appendString(b, k), m[k])
		}
	}
	return b
}

// appendDoc appends a document id, packed to 32 bytes when it is 64
// lowercase hex digits.
func appendDoc(b []byte, d graph.DocID) []byte {
	if len(d) == 64 {
		n := len(b)
		b = append(b, 0)
		var bad byte
		for i := 0; i < len(d); i += 2 {
			hi, lo := hexValue[d[i]], hexValue[d[i+1]]
			bad |= hi | lo
			b = append(b, hi<<4|lo)
		}
		if bad&0xF0 == 0 {
			return b
		}
		b = b[:n] // not lowercase hex: written as it is
	}
	b = binary.AppendUvarint(b, uint64(len(d))+1)
	return append(b, d...)
}

// hexValue maps a lowercase hex digit to its value and any other byte to 0xFF.
var hexValue = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xFF
	}
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c - '0'
	}
	for c := byte('a'); c <= 'f'; c++ {
		t[c] = c - 'a' + 10
	}
	return t
}()

// valueDecoder reads a binary value. Its methods return zero values once
// it has failed; finish reports the first failure, or bytes left over.
type valueDecoder struct {
	s   string // the whole value, which every string field is sliced from
	off int
	err error
}

func newValueDecoder(b []byte) (*valueDecoder, error) {
	switch {
	case len(b) == 0:
		return nil, fmt.Errorf("empty value: %w", errBadValue)
	case b[0] != valueFormat1:
		return nil, fmt.Errorf("unknown value format 0x%02x: %w", b[0], errBadValue)
	}
	return &valueDecoder{s: string(b), off: 1}, nil
}

// newRelationDecoder is newValueDecoder for a relation value, which may
// also be in format 0x02.
func newRelationDecoder(b []byte) (*valueDecoder, error) {
	if hasOverflow(b) {
		return &valueDecoder{s: string(b), off: 1}, nil
	}
	return newValueDecoder(b)
}

func (d *valueDecoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%s at byte %d of %d: %w", what, d.off, len(d.s), errBadValue)
	}
	d.off = len(d.s)
}

func (d *valueDecoder) uvarint() uint64 {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.off >= len(d.s) {
			d.fail("truncated varint")
			return 0
		}
		c := d.s[d.off]
		d.off++
		if c < 0x80 {
			if shift == 63 && c > 1 {
				break
			}
			return x | uint64(c)<<shift
		}
		x |= uint64(c&0x7F) << shift
	}
	d.fail("varint overflows")
	return 0
}

func (d *valueDecoder) varint() int64 {
	ux := d.uvarint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a number of items that each take at least one byte, so that
// a corrupt count cannot make the caller allocate more than the value holds.
func (d *valueDecoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s)-d.off) {
		d.fail("count past the end")
		return 0
	}
	return int(n)
}

func (d *valueDecoder) byte() byte {
	if d.off >= len(d.s) {
		d.fail("truncated")
		return 0
	}
	d.off++
	return d.s[d.off-1]
}

func (d *valueDecoder) bytes(n uint64) string {
	if n > uint64(len(d.s)-d.off) {
		d.fail("string past the end")
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

func (d *valueDecoder) string() string { return d.bytes(d.uvarint()) }

func (d *valueDecoder) uint64() uint64 {
	s := d.bytes(8)
	if len(s) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64([]byte(s))
}

func (d *valueDecoder) doc() graph.DocID {
	n := d.uvarint()
	if n > 0 || d.err != nil {
		return graph.DocID(d.bytes(n - 1))
	}
	raw := d.bytes(32)
	if len(raw) < 32 {
		return ""
	}
	return graph.DocID(hex.EncodeToString([]byte(raw)))
}

func (d *valueDecoder) attrs() map[string]string {
	n := d.count()
	if n == 0 {
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := d.string()
		m[k] = d.string()
	}
	return m
}

func (d *valueDecoder) finish() error {
	if d.err == nil && d.off != len(d.s) {
		d.fail("bytes after the value")
	}
	return d.err
}

func encodeDocument(d graph.Document) ([]byte, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode document %q: %w", d.ID, err)
	}
	return b, nil
}

func decodeDocument(id graph.DocID, b []byte) (graph.Document, error) {
	var d graph.Document
	if err := json.Unmarshal(b, &d); err != nil {
		return graph.Document{}, fmt.Errorf("decode document %q: %w", id, err)
	}
	d.ID = id
	return d, nil
}
