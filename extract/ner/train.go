package ner

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Epochs is the most passes over the training data; the epoch scoring
	// best on the development data wins.
	Epochs int
	// Prune drops averaged weights whose magnitude is below it, and features
	// left with no weight, to keep the model small.
	Prune float64
	// TitleCase, when positive, adds a title-cased copy ("Talks Resume In
	// Geneva") of every TitleCase-th training sentence, so that the model
	// sees headlines whose casing says nothing.
	TitleCase int
	// Members, when above 1, trains that many perceptrons on differently
	// shuffled data and averages their weights.
	Members int
	// Seed fixes the order of training sentences in each epoch.
	Seed uint64
	// Dictionary is an English word list, one word per line (Debian's
	// /usr/share/dict/words): which words are common lowercase words and
	// which are names, for words the training data never showed.
	Dictionary []string
	// Log, if not nil, receives progress and the development scores.
	Log io.Writer
}

// ErrNoData is returned by Train when there is nothing to train or tune on.
var ErrNoData = errors.New("ner: no training or development sentences")

// Train fits an averaged structured perceptron (Collins 2002) with Viterbi
// decoding over BIO labels on train, scores every epoch's pruned and
// quantized model on dev, and returns the best one with its TagScores
// temperature fitted on dev. Training is deterministic for given options.
func Train(train, dev []Sentence, opts TrainOptions) (*Tagger, error) {
	if len(train) == 0 || len(dev) == 0 {
		return nil, ErrNoData
	}
	if opts.Epochs < 1 {
		return nil, fmt.Errorf("ner: train: %d epochs, want at least 1", opts.Epochs)
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format, args...)
		}
	}
	common, proper := dictionaryKeys(opts.Dictionary)
	if opts.TitleCase > 0 {
		n := len(train)
		train = append(train[:n:n], titleCased(train, opts.TitleCase)...)
		logf("train: %d title-cased copies\n", len(train)-n)
	}
	tr := newTrainer(train, common, proper)
	logf("train: %d sentences, %d features, lexicon %d words, dictionary %d common %d proper\n",
		len(train), len(tr.keys), len(tr.lexKeys), len(common), len(proper))
	members := max(opts.Members, 1)
	trs := []*trainer{tr}
	rngs := []*rand.Rand{rand.New(rand.NewPCG(opts.Seed, 0x6b67))}
	for k := 1; k < members; k++ {
		trs = append(trs, tr.sibling())
		rngs = append(rngs, rand.New(rand.NewPCG(opts.Seed+uint64(k), 0x6b67)))
	}
	var (
		best      *modelData
		bestF1    = -1.0
		bestEpoch int
	)
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		errs := 0
		for k, t := range trs {
			errs += t.epoch(rngs[k])
		}
		d := snapshot(trs, opts.Prune)
		rep := Evaluate(dev, newTagger(d.index()).Tag)
		logf("epoch %d: %d training sentences wrong, %d features kept, dev F1 %.2f\n",
			epoch, errs, len(d.keys), 100*rep.Overall.F1())
		if f := rep.Overall.F1(); f > bestF1 {
			best, bestF1, bestEpoch = d, f, epoch
		}
	}
	best.temperature = fitTemperature(best, dev)
	logf("best epoch %d: dev F1 %.2f, temperature %.3g, %d features, %d bytes\n",
		bestEpoch, 100*bestF1, best.temperature, len(best.keys), encodedSize(best))
	t := newTagger(best.index())
	t.data = best
	return t, nil
}

// WriteModel writes the weights of a tagger made by Train in the format
// ReadModel reads.
func (t *Tagger) WriteModel(w io.Writer) error {
	if t.data == nil {
		return errors.New("ner: write model: tagger was not trained in this process")
	}
	return t.data.encode(w)
}

// trainer holds the perceptron's state. Weights are kept per feature row as
// numLabels float32; sum accumulates step-weighted updates so that the
// average over all steps is w - sum/step.
type trainer struct {
	keys     []uint64
	w        []float32
	sum      []float64
	trans    [numLabels + 1][numLabels]float32
	transSum [numLabels + 1][numLabels]float64
	step     float64
	lexKeys  []uint64
	common   []uint64
	proper   []uint64
	sents    []trainSentence
}

// trainSentence is a sentence reduced to feature rows and label indices.
type trainSentence struct {
	labels []int8
	rows   []int32 // the rows of all words' features, word after word
	starts []int32 // word i's rows are rows[starts[i]:starts[i+1]]
}

func newTrainer(sents []Sentence, common, proper []uint64) *trainer {
	tr := &trainer{common: common, proper: proper}
	tr.lexKeys = buildLexicon(sents)
	lex := (&modelData{lexKeys: tr.lexKeys, commonKeys: common, properKeys: proper}).lexicon()
	index := map[uint64]int32{}
	var (
		arena []byte
		toks  []token
		feats []uint64
	)
	for _, s := range sents {
		arena, toks = arena[:0], toks[:0]
		for _, w := range s.Words {
			toks = append(toks, token{})
			arena = prepare(&toks[len(toks)-1], w, arena, &lex)
		}
		mode := sentenceMode(toks)
		ts := trainSentence{labels: make([]int8, len(s.Words)), starts: make([]int32, 0, len(s.Words)+1)}
		for i := range toks {
			ts.labels[i] = int8(labelIndex(s.Labels[i]))
			ts.starts = append(ts.starts, int32(len(ts.rows)))
			feats = features(toks, i, mode, feats[:0])
			for _, f := range feats {
				f = fixKey(f)
				r, ok := index[f]
				if !ok {
					r = int32(len(tr.keys))
					index[f] = r
					tr.keys = append(tr.keys, f)
				}
				ts.rows = append(ts.rows, r)
			}
		}
		ts.starts = append(ts.starts, int32(len(ts.rows)))
		tr.sents = append(tr.sents, ts)
	}
	tr.w = make([]float32, len(tr.keys)*numLabels)
	tr.sum = make([]float64, len(tr.keys)*numLabels)
	tr.step = 1
	return tr
}

// buildLexicon returns the keys of lowercased words that, away from the
// sentence start and outside all-capitals headlines, are written in
// lowercase at least twice and at least as often as capitalized.
func buildLexicon(sents []Sentence) []uint64 {
	type tally struct{ lower, upper int }
	counts := map[string]*tally{}
	var (
		arena []byte
		toks  []token
	)
	for _, s := range sents {
		arena, toks = arena[:0], toks[:0]
		for _, w := range s.Words {
			toks = append(toks, token{})
			arena = prepare(&toks[len(toks)-1], w, arena, nil)
		}
		if capsSentence(toks) {
			continue
		}
		for i := 1; i < len(toks); i++ {
			t := &toks[i]
			if t.flags&(fNoAlnum|fAllDigits) != 0 {
				continue
			}
			c := counts[string(t.lower)]
			if c == nil {
				c = &tally{}
				counts[string(t.lower)] = c
			}
			if t.flags&(fInitCap|fAllCaps|fMixedCase) != 0 {
				c.upper++
			} else {
				c.lower++
			}
		}
	}
	set := map[uint64]struct{}{}
	for w, c := range counts {
		if c.lower >= 2 && c.lower >= c.upper {
			set[lexKey([]byte(w))] = struct{}{}
		}
	}
	return sortedKeys(set)
}

// titleCased returns title-cased copies of every nth sentence. Half the
// copies leave short function words in lowercase, as news agencies do; the
// others capitalize every word.
func titleCased(sents []Sentence, nth int) []Sentence {
	var out []Sentence
	for k := nth - 1; k < len(sents); k += nth {
		s := sents[k]
		keepSmall := (k/nth)%2 == 0
		c := Sentence{Words: make([]string, len(s.Words)), Labels: s.Labels}
		changed := false
		for i, w := range s.Words {
			c.Words[i] = w
			r, size := utf8.DecodeRuneInString(w)
			if !unicode.IsLower(r) || (keepSmall && i > 0 && isFunctionWord([]byte(w))) {
				continue
			}
			c.Words[i] = string(unicode.ToUpper(r)) + w[size:]
			changed = true
		}
		if changed {
			out = append(out, c)
		}
	}
	return out
}

// dictionaryKeys splits a word list into the keys of its lowercase entries
// and of its capitalized ones, leaving out possessives.
func dictionaryKeys(words []string) (common, proper []uint64) {
	cs, ps := map[uint64]struct{}{}, map[uint64]struct{}{}
	var (
		arena []byte
		tok   token
	)
	for _, w := range words {
		w = strings.TrimSpace(w)
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		arena = prepare(&tok, w, arena[:0], nil)
		if tok.flags&(fInitCap|fAllCaps|fMixedCase) != 0 {
			ps[lexKey(tok.lower)] = struct{}{}
		} else {
			cs[lexKey(tok.lower)] = struct{}{}
		}
	}
	return sortedKeys(cs), sortedKeys(ps)
}

// epoch makes one pass in a shuffled order and returns how many sentences
// were decoded wrongly.
func (tr *trainer) epoch(rng *rand.Rand) int {
	order := rng.Perm(len(tr.sents))
	var (
		s    scratch
		emit []float32
	)
	wrong := 0
	for _, k := range order {
		ts := &tr.sents[k]
		n := len(ts.labels)
		emit = emit[:0]
		for i := 0; i < n; i++ {
			var e [numLabels]float32
			for _, r := range ts.rows[ts.starts[i]:ts.starts[i+1]] {
				w := tr.w[int(r)*numLabels : int(r)*numLabels+numLabels]
				for l := range e {
					e[l] += w[l]
				}
			}
			emit = append(emit, e[:]...)
		}
		pred := decode(&tr.trans, emit, n, &s)
		bad := false
		for i := 0; i < n; i++ {
			g, p := int(ts.labels[i]), int(pred[i])
			if g != p {
				bad = true
				for _, r := range ts.rows[ts.starts[i]:ts.starts[i+1]] {
					tr.update(int(r)*numLabels+g, 1)
					tr.update(int(r)*numLabels+p, -1)
				}
			}
			gp, pp := numLabels, numLabels
			if i > 0 {
				gp, pp = int(ts.labels[i-1]), int(pred[i-1])
			}
			if gp != pp || g != p {
				tr.trans[gp][g]++
				tr.transSum[gp][g] += tr.step
				tr.trans[pp][p]--
				tr.transSum[pp][p] -= tr.step
			}
		}
		if bad {
			wrong++
		}
		tr.step++
	}
	return wrong
}

func (tr *trainer) update(i int, d float32) {
	tr.w[i] += d
	tr.sum[i] += float64(d) * tr.step
}

// sibling returns a trainer over the same sentences and features with
// fresh weights, for an ensemble.
func (tr *trainer) sibling() *trainer {
	sib := *tr
	sib.w = make([]float32, len(tr.w))
	sib.sum = make([]float64, len(tr.sum))
	sib.trans, sib.transSum = [numLabels + 1][numLabels]float32{}, [numLabels + 1][numLabels]float64{}
	sib.step = 1
	return &sib
}

// snapshot returns the averaged weights of the trainers, averaged again over
// the trainers, pruned and quantized to int16.
func snapshot(trs []*trainer, prune float64) *modelData {
	tr := trs[0]
	k := float64(len(trs))
	avg := make([]float64, len(tr.w))
	maxAbs := 0.0
	for i := range avg {
		a := 0.0
		for _, t := range trs {
			a += float64(t.w[i]) - t.sum[i]/t.step
		}
		a /= k
		if math.Abs(a) < prune {
			a = 0
		}
		avg[i] = a
		maxAbs = max(maxAbs, math.Abs(a))
	}
	d := &modelData{lexKeys: tr.lexKeys, commonKeys: tr.common, properKeys: tr.proper, temperature: 1}
	for p := range tr.trans {
		for l := range tr.trans[p] {
			a := 0.0
			for _, t := range trs {
				a += float64(t.trans[p][l]) - t.transSum[p][l]/t.step
			}
			d.trans[p][l] = float32(a / k)
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / math.MaxInt16
	d.scale = float32(scale)
	order := make([]int, 0, len(tr.keys))
	q := make([]int16, len(avg))
	for r := range tr.keys {
		keep := false
		for l := 0; l < numLabels; l++ {
			x := int16(math.Round(avg[r*numLabels+l] / scale))
			q[r*numLabels+l] = x
			keep = keep || x != 0
		}
		if keep {
			order = append(order, r)
		}
	}
	sort.Slice(order, func(i, j int) bool { return tr.keys[order[i]] < tr.keys[order[j]] })
	d.keys = make([]uint64, len(order))
	d.weights = make([]int16, 0, len(order)*numLabels)
	for i, r := range order {
		d.keys[i] = tr.keys[r]
		d.weights = append(d.weights, q[r*numLabels:(r+1)*numLabels]...)
	}
	return d
}

// fitTemperature picks the temperature under which TagScores' marginals give
// the gold labels of dev the highest likelihood.
func fitTemperature(d *modelData, dev []Sentence) float32 {
	bestT, bestLL := float32(1), math.Inf(-1)
	for _, temp := range []float32{0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64} {
		d.temperature = temp
		t := newTagger(d.index())
		ll := 0.0
		for _, s := range dev {
			sc := t.pool.Get().(*scratch)
			t.emissions(sc, s.Words)
			marg := t.marginals(sc, len(s.Words))
			t.pool.Put(sc)
			for i, l := range s.Labels {
				ll += math.Log(max(marg[i*numLabels+labelIndex(l)], 1e-12))
			}
		}
		if ll > bestLL {
			bestT, bestLL = temp, ll
		}
	}
	return bestT
}

// encodedSize is the size of d once written.
func encodedSize(d *modelData) int {
	var b bytes.Buffer
	if err := d.encode(&b); err != nil {
		return -1
	}
	return b.Len()
}
