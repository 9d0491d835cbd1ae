package relclass

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kgraph/kg/graph"
)

//go:embed model.tsv
var embedded []byte

// ErrBadModel is wrapped by the errors of ReadModel for weights it cannot parse.
var ErrBadModel = errors.New("relclass: bad model")

// scale is how many units of a stored weight make 1.
const scale = 1000

// Model holds the classifier's weights. It is safe for concurrent use.
type Model struct {
	w     map[uint64]float64 // by the hash of the feature's name
	names map[uint64]string
}

var (
	loadOnce  sync.Once
	loaded    *Model
	loadError error
)

// Load returns the model embedded in the package, decoding it on the first call.
func Load() (*Model, error) {
	loadOnce.Do(func() {
		loaded, loadError = ReadModel(bytes.NewReader(embedded))
	})
	return loaded, loadError
}

// Classify returns the predicate the types of s.Mentions[head] and
// s.Mentions[tail] allow, and the probability that the sentence states it
// (head as subject, tail as object). It returns "" and 0 when their types
// allow no predicate or when head == tail.
func (m *Model) Classify(s *Sentence, head, tail int) (graph.Predicate, float64) {
	if head == tail {
		return "", 0
	}
	p, ok := Allowed(s.Mentions[head].Type, s.Mentions[tail].Type)
	if !ok {
		return "", 0
	}
	k := sink{hashes: s.scratch[:0]}
	features(&k, s, head, tail, p)
	s.scratch = k.hashes
	z := 0.0
	for _, h := range k.hashes {
		z += m.w[h]
	}
	return p, sigmoid(z)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// WriteModel writes the weights as text, one "feature<TAB>weight" line per
// feature in byte order, each weight in thousandths.
func (m *Model) WriteModel(w io.Writer) error {
	keys := make([]string, 0, len(m.w))
	for h := range m.w {
		keys = append(keys, m.names[h])
	}
	slices.Sort(keys)
	bw := bufio.NewWriter(w)
	for _, f := range keys {
		fmt.Fprintf(bw, "%s\t%d\n", f, int(math.Round(m.w[hashName(f)]*scale)))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("relclass: write model: %w", err)
	}
	return nil
}

// ReadModel reads weights written by WriteModel.
func ReadModel(r io.Reader) (*Model, error) {
	m := &Model{w: map[uint64]float64{}, names: map[uint64]string{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: no tab: %w", line, ErrBadModel)
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("line %d: weight %q: %w", line, v, ErrBadModel)
		}
		h := hashName(f)
		if _, dup := m.names[h]; dup {
			return nil, fmt.Errorf("line %d: feature %q twice: %w", line, f, ErrBadModel)
		}
		m.w[h] = float64(n) / scale
		m.names[h] = f
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("relclass: read model: %w", err)
	}
	if len(m.w) == 0 {
		return nil, fmt.Errorf("no weights: %w", ErrBadModel)
	}
	return m, nil
}
