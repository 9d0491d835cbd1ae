package ner

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sort"
)

// ErrNoModel is returned by Load when the package was built without weights.
var ErrNoModel = errors.New("ner: no model embedded")

// ErrBadModel is returned when model bytes are not in the expected format.
var ErrBadModel = errors.New("ner: malformed model")

const magic = "KGNER3\n"

// table is an open-addressing hash table from a feature hash to a row. Keys
// are never 0, which marks an empty slot.
type table struct {
	keys  []uint64
	rows  []int32
	shift uint
}

func newTable(keys []uint64) table {
	size := 1 << bits.Len(uint(2*len(keys)+1))
	t := table{keys: make([]uint64, size), rows: make([]int32, size), shift: uint(64 - bits.Len(uint(size-1)))}
	mask := uint64(size - 1)
	for row, k := range keys {
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.rows[i] = k, int32(row)
	}
	return t
}

func (t *table) slot(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> t.shift }

// get returns the row of key k, or -1 when k is absent.
func (t *table) get(k uint64) int32 {
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.rows[i]
		case 0:
			return -1
		}
	}
}

// fixKey maps the one hash that would collide with the empty marker.
func fixKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// lexicon holds word lists, as keys of lowercased forms: usual holds the
// words that occur mostly in lowercase in the training data; common and
// proper the entries of an English dictionary (such as Debian's wamerican)
// written in lowercase and capitalized.
type lexicon struct{ usual, common, proper table }

func lexKey(lower []byte) uint64 { return fixKey(hashBytes(seed(0), lower)) }

func (l *lexicon) usuallyLower(lower []byte) bool { return l.usual.has(lexKey(lower)) }

// dictClass returns whether lower is in the dictionary as a common word
// (bit 0) and as a proper name (bit 1).
func (l *lexicon) dictClass(lower []byte) byte {
	k := lexKey(lower)
	var c byte
	if l.common.has(k) {
		c |= 1
	}
	if l.proper.has(k) {
		c |= 2
	}
	return c
}

func (t *table) has(k uint64) bool { return len(t.keys) > 0 && t.get(k) >= 0 }

// model is the decoded weights: for each feature a row of numLabels int16
// weights (multiplied by scale when summed), a label transition matrix whose
// last row holds the start transitions, and the lexicon.
type model struct {
	scale   float32
	trans   [numLabels + 1][numLabels]float32
	feats   table
	weights []int16
	lex     lexicon

	// For TagScores: the temperature (at least a small positive number)
	// and exp(trans/temperature), zero where BIO forbids the transition.
	temp     float64
	expTrans [numLabels + 1][numLabels]float64
}

// modelData is a model before it is indexed: sorted keys with their rows.
type modelData struct {
	scale       float32
	temperature float32
	trans       [numLabels + 1][numLabels]float32
	keys        []uint64 // sorted, unique, non-zero
	weights     []int16  // len(keys)*numLabels
	lexKeys     []uint64 // sorted, unique, non-zero
	commonKeys  []uint64 // sorted, unique, non-zero
	properKeys  []uint64 // sorted, unique, non-zero
}

func (d *modelData) lexicon() lexicon {
	return lexicon{usual: newTable(d.lexKeys), common: newTable(d.commonKeys), proper: newTable(d.properKeys)}
}

func (d *modelData) index() *model {
	m := &model{
		scale: d.scale, trans: d.trans,
		feats: newTable(d.keys), weights: d.weights,
		lex: d.lexicon(),
	}
	m.temp = max(float64(d.temperature), 1e-3)
	for p := range m.expTrans {
		for l := range m.expTrans[p] {
			if allowed(p, l) {
				m.expTrans[p][l] = math.Exp(float64(d.trans[p][l]) / m.temp)
			}
		}
	}
	return m
}

// encode writes d. Keys are stored as varint deltas in ascending order and
// weights sparsely: per feature a bit mask of its non-zero labels, then
// those weights as zigzag varints. The result is not compressed: hashed keys
// hardly compress (gzip saved 17%) and inflating doubled the load time.
func (d *modelData) encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	f32 := func(x float32) { binary.Write(bw, binary.LittleEndian, math.Float32bits(x)) }
	deltas := func(keys []uint64) {
		uv(uint64(len(keys)))
		prev := uint64(0)
		for _, k := range keys {
			uv(k - prev)
			prev = k
		}
	}

	bw.WriteString(magic)
	uv(numLabels)
	f32(d.scale)
	f32(d.temperature)
	for i := range d.trans {
		for _, x := range d.trans[i] {
			f32(x)
		}
	}
	deltas(d.lexKeys)
	deltas(d.commonKeys)
	deltas(d.properKeys)
	deltas(d.keys)
	for r := range d.keys {
		row := d.weights[r*numLabels : (r+1)*numLabels]
		mask := uint64(0)
		for l, x := range row {
			if x != 0 {
				mask |= 1 << l
			}
		}
		uv(mask)
		for _, x := range row {
			if x != 0 {
				bw.Write(buf[:binary.PutVarint(buf[:], int64(x))])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: encode model: %w", err)
	}
	return nil
}

// decodeModel reads what encode wrote.
func decodeModel(r io.Reader) (*modelData, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	return parseModel(raw)
}

// parseModel decodes model bytes; the embedded model is parsed in place.
func parseModel(raw []byte) (*modelData, error) {
	d := &modelData{}
	p := parser{b: raw}
	d.parse(&p)
	if p.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, p.err)
	}
	return d, nil
}

// parser reads the inflated model; after the first error every read
// returns zero and err keeps that error.
type parser struct {
	b   []byte
	err error
}

var errShort = errors.New("unexpected end of model")

func (p *parser) fail(err error) {
	if p.err == nil {
		p.err = err
	}
	p.b = nil
}

func (p *parser) uvarint() uint64 {
	x, n := binary.Uvarint(p.b)
	if n <= 0 {
		p.fail(errShort)
		return 0
	}
	p.b = p.b[n:]
	return x
}

func (p *parser) varint() int64 {
	x, n := binary.Varint(p.b)
	if n <= 0 {
		p.fail(errShort)
		return 0
	}
	p.b = p.b[n:]
	return x
}

func (p *parser) float32() float32 {
	if len(p.b) < 4 {
		p.fail(errShort)
		return 0
	}
	x := math.Float32frombits(binary.LittleEndian.Uint32(p.b))
	p.b = p.b[4:]
	return x
}

func (p *parser) keys() []uint64 {
	n := p.uvarint()
	if n > uint64(len(p.b)) { // every key takes at least a byte
		p.fail(fmt.Errorf("implausible key count %d", n))
		return nil
	}
	keys := make([]uint64, n)
	prev := uint64(0)
	for i := range keys {
		delta := p.uvarint()
		if delta == 0 && p.err == nil {
			p.fail(errors.New("keys not increasing"))
		}
		prev += delta
		keys[i] = prev
	}
	return keys
}

func (d *modelData) parse(p *parser) {
	if !bytes.HasPrefix(p.b, []byte(magic)) {
		p.fail(errors.New("bad magic"))
		return
	}
	p.b = p.b[len(magic):]
	if n := p.uvarint(); n != numLabels && p.err == nil {
		p.fail(fmt.Errorf("model has %d labels, want %d", n, numLabels))
	}
	d.scale = p.float32()
	d.temperature = p.float32()
	for i := range d.trans {
		for j := range d.trans[i] {
			d.trans[i][j] = p.float32()
		}
	}
	d.lexKeys, d.commonKeys, d.properKeys = p.keys(), p.keys(), p.keys()
	d.keys = p.keys()
	d.weights = make([]int16, len(d.keys)*numLabels)
	for r := range d.keys {
		mask := p.uvarint()
		for l := 0; l < numLabels; l++ {
			if mask&(1<<l) == 0 {
				continue
			}
			x := p.varint()
			if x < math.MinInt16 || x > math.MaxInt16 {
				p.fail(fmt.Errorf("weight %d out of range", x))
			}
			d.weights[r*numLabels+l] = int16(x)
		}
	}
	if p.err == nil && len(p.b) != 0 {
		p.fail(fmt.Errorf("%d bytes after the weights", len(p.b)))
	}
}

func sortedKeys(set map[uint64]struct{}) []uint64 {
	keys := make([]uint64, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
