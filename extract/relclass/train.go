package relclass

import (
	"math"
	"math/rand/v2"
)

// Example is one candidate pair for training: Sentence.Mentions[Head]
// and [Tail], and whether the sentence states the predicate their types
// allow (Allowed), Head as subject.
type Example struct {
	Sentence   *Sentence
	Head, Tail int
	Holds      bool
}

// TrainOptions sets the training: SGD epochs, learning rate, L2 penalty,
// the shuffling seed and the fewest examples a feature must occur in to be kept.
type TrainOptions struct {
	Epochs   int
	Rate, L2 float64
	Seed     uint64
	MinCount int
}

// DefaultTrainOptions are the options model.tsv was trained with.
var DefaultTrainOptions = TrainOptions{Epochs: 20, Rate: 0.1, L2: 1e-4, Seed: 1, MinCount: 3}

// example is one candidate pair, as its features and label.
type example struct {
	fs  []string
	pos bool
}

// Train fits a model to data, skipping pairs whose types allow no
// predicate. The same data in the same order with the same options give the
// same weights.
func Train(data []Example, opt TrainOptions) *Model {
	var exs []example
	for _, e := range data {
		p, ok := Allowed(e.Sentence.Mentions[e.Head].Type, e.Sentence.Mentions[e.Tail].Type)
		if !ok || e.Head == e.Tail {
			continue
		}
		k := sink{names: true}
		features(&k, e.Sentence, e.Head, e.Tail, p)
		exs = append(exs, example{fs: k.strs, pos: e.Holds})
	}
	count := map[string]int{}
	for _, e := range exs {
		for _, f := range e.fs {
			count[f]++
		}
	}
	keep := func(f string) bool { return count[f] >= opt.MinCount }
	w := map[string]float64{}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	for epoch := range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := opt.Rate / (1 + 0.2*float64(epoch))
		for _, i := range order {
			e := exs[i]
			z := 0.0
			for _, f := range e.fs {
				z += w[f]
			}
			y := 0.0
			if e.pos {
				y = 1
			}
			g := y - sigmoid(z)
			for _, f := range e.fs {
				if keep(f) {
					w[f] += rate * (g - opt.L2*w[f])
				}
			}
		}
	}
	m := &Model{w: map[uint64]float64{}, names: map[uint64]string{}}
	for f, v := range w {
		if math.Abs(v) >= 0.5/scale {
			h := hashName(f)
			m.w[h] = math.Round(v*scale) / scale
			m.names[h] = f
		}
	}
	return m
}
