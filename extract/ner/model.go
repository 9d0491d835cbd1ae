package ner

import (
	"bufio"
	"compress/gzip"
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

const magic = "KGNER2\n"

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
	scale       float32
	temperature float32
	trans       [numLabels + 1][numLabels]float32
	feats       table
	weights     []int16
	lex         lexicon
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
	return &model{
		scale: d.scale, temperature: d.temperature, trans: d.trans,
		feats: newTable(d.keys), weights: d.weights,
		lex: d.lexicon(),
	}
}

// encode writes d gzip-compressed. The weights are stored sparsely: per
// feature a bit mask of its non-zero labels, then those weights as zigzag
// varints.
func (d *modelData) encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: encode model: %w", err)
	}
	bw := bufio.NewWriter(zw)
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
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: encode model: %w", err)
	}
	return nil
}

// decodeModel reads what encode wrote.
func decodeModel(r io.Reader) (*modelData, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	d := &modelData{}
	if err := d.read(br); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	return d, nil
}

func (d *modelData) read(br *bufio.Reader) error {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil {
		return err
	}
	if string(head) != magic {
		return errors.New("bad magic")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return err
	}
	if n != numLabels {
		return fmt.Errorf("model has %d labels, want %d", n, numLabels)
	}
	f32 := func() (float32, error) {
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return 0, err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(b[:])), nil
	}
	if d.scale, err = f32(); err != nil {
		return err
	}
	if d.temperature, err = f32(); err != nil {
		return err
	}
	for i := range d.trans {
		for j := range d.trans[i] {
			if d.trans[i][j], err = f32(); err != nil {
				return err
			}
		}
	}
	keys := func() ([]uint64, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if n > 1<<26 {
			return nil, fmt.Errorf("implausible key count %d", n)
		}
		keys := make([]uint64, n)
		prev := uint64(0)
		for i := range keys {
			delta, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, err
			}
			if i > 0 && delta == 0 || prev+delta == 0 {
				return nil, errors.New("keys not increasing")
			}
			prev += delta
			keys[i] = prev
		}
		return keys, nil
	}
	for _, ks := range []*[]uint64{&d.lexKeys, &d.commonKeys, &d.properKeys} {
		if *ks, err = keys(); err != nil {
			return err
		}
	}
	if d.keys, err = keys(); err != nil {
		return err
	}
	d.weights = make([]int16, len(d.keys)*numLabels)
	for r := range d.keys {
		mask, err := binary.ReadUvarint(br)
		if err != nil {
			return err
		}
		for l := 0; l < numLabels; l++ {
			if mask&(1<<l) == 0 {
				continue
			}
			x, err := binary.ReadVarint(br)
			if err != nil {
				return err
			}
			if x < math.MinInt16 || x > math.MaxInt16 {
				return fmt.Errorf("weight %d out of range", x)
			}
			d.weights[r*numLabels+l] = int16(x)
		}
	}
	return nil
}

func sortedKeys(set map[uint64]struct{}) []uint64 {
	keys := make([]uint64, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
