package ner

import (
	_ "embed"
	"fmt"
	"io"
	"math"
	"sync"
)

//go:embed model.bin
var embedded []byte

// Tagger labels the words of a sentence with BIO entity labels. It is safe
// for concurrent use.
type Tagger struct {
	m    *model
	data *modelData // set by Train, for WriteModel
	pool sync.Pool  // *scratch
}

// scratch is the per-call working memory, reused through the pool so that
// tagging allocates only its result.
type scratch struct {
	arena []byte
	toks  []token
	feats []uint64
	emit  []float32 // len(words)*numLabels
	back  []int8
	path  []int8
	prob  []float64 // marginals' work space
}

var (
	loadOnce   sync.Once
	loadTagger *Tagger
	loadErr    error
)

// Load returns the tagger with the weights embedded in the package. The
// weights are decoded on the first call only; later calls return the same
// Tagger. It returns ErrNoModel when the package was built without weights
// and ErrBadModel when they cannot be decoded.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		if len(embedded) == 0 {
			loadErr = ErrNoModel
			return
		}
		var d *modelData
		if d, loadErr = parseModel(embedded); loadErr != nil {
			loadErr = fmt.Errorf("ner: load: %w", loadErr)
			return
		}
		loadTagger = newTagger(d.index())
	})
	return loadTagger, loadErr
}

// ReadModel reads a tagger from model bytes as written by the training
// command (extract/ner/train). Most callers want Load.
func ReadModel(r io.Reader) (*Tagger, error) {
	d, err := decodeModel(r)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	return newTagger(d.index()), nil
}

func newTagger(m *model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return new(scratch) }
	return t
}

// Tag returns one label per word of one sentence. The labels always form a
// valid BIO sequence: an I-X label follows B-X or I-X.
func (t *Tagger) Tag(words []string) []Label {
	out := make([]Label, len(words))
	if len(words) == 0 {
		return out
	}
	s := t.pool.Get().(*scratch)
	t.emissions(s, words)
	path := t.viterbi(s, len(words))
	for i, l := range path {
		out[i] = labels[l]
	}
	t.pool.Put(s)
	return out
}

// TagScores is Tag with a confidence in [0, 1] for each label: the model's
// marginal probability of that label at that word, from forward-backward over
// the label lattice with scores scaled by a temperature fitted on held-out
// data.
func (t *Tagger) TagScores(words []string) ([]Label, []float64) {
	out := make([]Label, len(words))
	conf := make([]float64, len(words))
	if len(words) == 0 {
		return out, conf
	}
	s := t.pool.Get().(*scratch)
	t.emissions(s, words)
	path := t.viterbi(s, len(words))
	marg := t.marginals(s, len(words))
	for i, l := range path {
		out[i] = labels[l]
		conf[i] = marg[i*numLabels+int(l)]
	}
	t.pool.Put(s)
	return out, conf
}

// emissions fills s.emit with each word's score for each label.
func (t *Tagger) emissions(s *scratch, words []string) {
	n := len(words)
	s.arena = s.arena[:0]
	if cap(s.toks) < n {
		s.toks = make([]token, n)
	}
	s.toks = s.toks[:n]
	for i, w := range words {
		s.arena = prepare(&s.toks[i], w, s.arena, &t.m.lex)
	}
	mode := sentenceMode(s.toks)
	if cap(s.emit) < n*numLabels {
		s.emit = make([]float32, n*numLabels)
	}
	s.emit = s.emit[:n*numLabels]
	m := t.m
	for i := range s.toks {
		s.feats = features(s.toks, i, mode, s.feats[:0])
		var acc [numLabels]int32
		for _, f := range s.feats {
			r := m.feats.get(fixKey(f))
			if r < 0 {
				continue
			}
			w := m.weights[int(r)*numLabels : int(r)*numLabels+numLabels]
			for l := range acc {
				acc[l] += int32(w[l])
			}
		}
		e := s.emit[i*numLabels : i*numLabels+numLabels]
		for l := range acc {
			e[l] = float32(acc[l]) * m.scale
		}
	}
}

// viterbi returns the best label sequence for the emissions in s, as label
// indices, allowing only valid BIO transitions. The result aliases s.back.
func (t *Tagger) viterbi(s *scratch, n int) []int8 {
	return decode(&t.m.trans, s.emit[:n*numLabels], n, s)
}

var negInf = float32(math.Inf(-1))

// decode is Viterbi over emit (n rows of numLabels) with transitions trans.
func decode(trans *[numLabels + 1][numLabels]float32, emit []float32, n int, s *scratch) []int8 {
	if cap(s.back) < n*numLabels {
		s.back = make([]int8, n*numLabels)
	}
	back := s.back[:n*numLabels]
	var prev, cur [numLabels]float32
	for l := 0; l < numLabels; l++ {
		if allowed(numLabels, l) {
			prev[l] = trans[numLabels][l] + emit[l]
		} else {
			prev[l] = negInf
		}
	}
	for i := 1; i < n; i++ {
		e := emit[i*numLabels : i*numLabels+numLabels]
		for l := 0; l < numLabels; l++ {
			best, arg := negInf, 0
			for p := 0; p < numLabels; p++ {
				if !allowed(p, l) {
					continue
				}
				if v := prev[p] + trans[p][l]; v > best {
					best, arg = v, p
				}
			}
			cur[l] = best + e[l]
			back[i*numLabels+l] = int8(arg)
		}
		prev = cur
	}
	best, arg := negInf, 0
	for l := 0; l < numLabels; l++ {
		if prev[l] > best {
			best, arg = prev[l], l
		}
	}
	if cap(s.path) < n {
		s.path = make([]int8, n)
	}
	out := s.path[:n]
	out[n-1] = int8(arg)
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*numLabels+int(out[i])]
	}
	return out
}

// marginals returns P(label l at word i) in row-major order by
// forward-backward over exp(score/temperature), rescaling each position to
// keep the numbers in range. The result aliases the scratch.
func (t *Tagger) marginals(s *scratch, n int) []float64 {
	m := t.m
	size := n * numLabels
	if cap(s.prob) < 3*size {
		s.prob = make([]float64, 3*size)
	}
	e, alpha, beta := s.prob[:size], s.prob[size:2*size], s.prob[2*size:3*size]
	for i := 0; i < n; i++ {
		row := s.emit[i*numLabels : (i+1)*numLabels]
		mx := row[0]
		for _, x := range row {
			mx = max(mx, x)
		}
		for l, x := range row {
			e[i*numLabels+l] = math.Exp(float64(x-mx) / m.temp)
		}
	}
	for l := 0; l < numLabels; l++ {
		alpha[l] = m.expTrans[numLabels][l] * e[l]
	}
	normalizeSum(alpha[:numLabels])
	for i := 1; i < n; i++ {
		prev, cur := alpha[(i-1)*numLabels:i*numLabels], alpha[i*numLabels:(i+1)*numLabels]
		for l := range cur {
			sum := 0.0
			for p, a := range prev {
				sum += a * m.expTrans[p][l]
			}
			cur[l] = sum * e[i*numLabels+l]
		}
		normalizeSum(cur)
	}
	for l := 0; l < numLabels; l++ {
		beta[(n-1)*numLabels+l] = 1
	}
	for i := n - 2; i >= 0; i-- {
		next, cur := beta[(i+1)*numLabels:(i+2)*numLabels], beta[i*numLabels:(i+1)*numLabels]
		for p := range cur {
			sum := 0.0
			for l, b := range next {
				sum += m.expTrans[p][l] * e[(i+1)*numLabels+l] * b
			}
			cur[p] = sum
		}
		normalizeSum(cur)
	}
	for i := 0; i < size; i++ {
		alpha[i] *= beta[i]
	}
	for i := 0; i < n; i++ {
		normalizeSum(alpha[i*numLabels : (i+1)*numLabels])
	}
	return alpha
}

// normalizeSum scales xs to sum to 1, leaving all-zero rows alone.
func normalizeSum(xs []float64) {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	if sum > 0 {
		for i := range xs {
			xs[i] /= sum
		}
	}
}
