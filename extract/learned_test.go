package extract

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/relclass"
	"github.com/kgraph/kg/graph"
)

var relclassCV = flag.Bool("relclass-cv", false, "cross-validate the relation classifier on CoNLL04's training split")

var updateRelclass = flag.Bool("update-relclass", false, "retrain the relation classifier on CoNLL04's training split and rewrite relclass/model.tsv")

// relclassModel is where the classifier's weights are committed.
const relclassModel = "relclass/model.tsv"

// TestRelclassTraining trains the relation classifier on CoNLL04's
// training split, with candidates as kg finds them (the names kg's
// recognizer finds in each sentence, typed as kg types them, in pairs the
// rules leave unrelated). It checks that training twice gives the same
// bytes, and logs when they differ from the committed weights (the
// recognizer or the rules changed since: retrain). With -update-relclass it
// rewrites them. It skips when the data set is absent.
func TestRelclassTraining(t *testing.T) {
	sents := loadCoNLL04(t, "train")
	x := extractor(t)
	var exs []relclass.Example
	pos := 0
	for _, s := range sents {
		for _, e := range relclassExamples(x, s) {
			if e.Holds {
				pos++
			}
			exs = append(exs, e)
		}
	}
	t.Logf("%d candidate pairs from %d sentences, %d positive", len(exs), len(sents), pos)
	m := relclass.Train(exs, relclass.DefaultTrainOptions)
	var buf bytes.Buffer
	if err := m.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	if *updateRelclass {
		if err := os.WriteFile(relclassModel, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", relclassModel, buf.Len())
		return
	}
	var again bytes.Buffer
	if err := relclass.Train(exs, relclass.DefaultTrainOptions).WriteModel(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("training twice on the same pairs gave different weights (%d and %d bytes)", buf.Len(), again.Len())
	}
	want, err := os.ReadFile(relclassModel)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Logf("retraining gave weights other than %s (%d bytes, committed %d): the recognizer or the rules changed since; "+
			"retrain with go test ./extract/ -run TestRelclassTraining -update-relclass", relclassModel, buf.Len(), len(want))
	}
}

// TestRelclassCrossValidation trains the classifier on four fifths of
// CoNLL04's train split and classifies the pairs of the other fifth, five
// times (sentence i in fold i mod 5), and logs per predicate how many of
// the pairs at or above each threshold hold and how many do not: the
// figures learnedThresholds were chosen by. Killed pairs count only in a
// sentence with a word of death, as learn reads them. It runs with
// -relclass-cv (a few seconds) and skips when the data set is absent.
func TestRelclassCrossValidation(t *testing.T) {
	if !*relclassCV {
		t.Skip("cross-validation runs with -relclass-cv")
	}
	const folds = 5
	thresholds := []float64{0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9}
	sents := loadCoNLL04(t, "train")
	x := extractor(t)
	data := make([][]relclass.Example, len(sents))
	for i, s := range sents {
		data[i] = relclassExamples(x, s)
	}
	type tally struct{ pos, right, wrong []int }
	byPred := map[graph.Predicate]*tally{}
	for f := range folds {
		var train []relclass.Example
		for i, d := range data {
			if i%folds != f {
				train = append(train, d...)
			}
		}
		m := relclass.Train(train, relclass.DefaultTrainOptions)
		for i, d := range data {
			if i%folds != f {
				continue
			}
			for _, e := range d {
				p, prob := m.Classify(e.Sentence, e.Head, e.Tail)
				if p == "" || p == graph.Killed && !statesDeath(wordTokens(e.Sentence.Words)) {
					continue
				}
				c := byPred[p]
				if c == nil {
					c = &tally{pos: make([]int, 1), right: make([]int, len(thresholds)), wrong: make([]int, len(thresholds))}
					byPred[p] = c
				}
				if e.Holds {
					c.pos[0]++
				}
				for k, th := range thresholds {
					switch {
					case prob < th:
					case e.Holds:
						c.right[k]++
					default:
						c.wrong[k]++
					}
				}
			}
		}
	}
	for _, p := range graph.Predicates {
		c := byPred[p]
		if c == nil {
			continue
		}
		line := fmt.Sprintf("%-10s %3d hold:", p, c.pos[0])
		for k, th := range thresholds {
			line += fmt.Sprintf("  %.2f %d/%d", th, c.right[k], c.wrong[k])
		}
		t.Log(line + " (right/wrong at or above each threshold)")
	}
}

// wordTokens gives words the lower-case form statesDeath reads.
func wordTokens(words []string) []token {
	toks := make([]token, len(words))
	for i, w := range words {
		toks[i] = token{Text: w, Lower: strings.ToLower(w)}
	}
	return toks
}

// relclassExamples runs the pipeline up to relate on one CoNLL04 sentence
// and labels each pair the classifier would see by the gold relations of
// the gold entities the two names match.
func relclassExamples(x *Extractor, s conll04Sentence) []relclass.Example {
	a, err := cleanArticle([]byte(detokenize(s.Tokens)), "conll04.txt")
	if err != nil {
		return nil
	}
	r := relate(resolve(x.recognize(segment("conll04.txt", a))))
	gold := make([]string, len(s.Entities))
	town := make([]string, len(s.Entities))
	for i, e := range s.Entities {
		gold[i] = squash(strings.Join(s.Tokens[e.Start:e.End], ""))
		if k := indexOf(s.Tokens[e.Start:e.End], ","); k > 0 {
			town[i] = squash(strings.Join(s.Tokens[e.Start:e.Start+k], ""))
		}
	}
	holds := map[[2]int]string{}
	for _, rel := range s.Relations {
		holds[[2]int{rel.Head, rel.Tail}] = string(conll04Preds[rel.Type])
	}
	var out []relclass.Example
	var last *relclass.Sentence
	var golds []int
	r.unrelatedPairs(func(si int, in *relclass.Sentence, ents []int, h, t int) bool {
		if in != last {
			last, golds = in, make([]int, len(in.Mentions))
			for i, m := range in.Mentions {
				golds[i] = -1
				name := squash(strings.Join(in.Words[m.Start:m.End], ""))
				for g := range gold {
					if name == gold[g] || name == town[g] {
						golds[i] = g
						break
					}
				}
			}
		}
		p, _ := relclass.Allowed(in.Mentions[h].Type, in.Mentions[t].Type)
		ok := golds[h] >= 0 && golds[t] >= 0 && p != "" && holds[[2]int{golds[h], golds[t]}] == string(p)
		out = append(out, relclass.Example{Sentence: in, Head: h, Tail: t, Holds: ok})
		return false
	})
	return out
}

// squash lowercases s and drops its spaces.
func squash(s string) string { return strings.ToLower(strings.ReplaceAll(s, " ", "")) }

func indexOf(ws []string, w string) int {
	for i, x := range ws {
		if x == w {
			return i
		}
	}
	return -1
}

// TestLearn checks how the classifier's relations join the rules', with a
// model written by hand that relates every pair its types allow.
func TestLearn(t *testing.T) {
	m, err := relclass.ReadModel(strings.NewReader("K|bias\t9000\nL|bias\t9000\nO|bias\t9000\nW|bias\t9000\n"))
	if err != nil {
		t.Fatal(err)
	}
	x := *extractor(t)
	x.rel = m
	for _, tc := range []struct {
		name, text string
		want       []string // subject predicate object rule
		not        []string // subject predicate object
	}{
		{"adds member-of with the sentence", "Ingrid Solberg and the Nordvik Oil Company declined to comment on the plan.",
			[]string{"ingrid-solberg member-of nordvik-oil-company relclass/v1"}, nil},
		{"keeps the rule's relation", "Ingrid Solberg, an engineer with Nordvik Oil Company, said the pipeline would open next year.",
			[]string{"ingrid-solberg member-of nordvik-oil-company apposition-member/v1"}, nil},
		{"never lives-in", "Ingrid Solberg praised the harbours of Norway in a speech.",
			nil, []string{"ingrid-solberg lives-in norway"}},
		{"killed only where someone died", "Ingrid Solberg shot Tomas Berg in the leg outside the depot.",
			nil, []string{"ingrid-solberg killed tomas-berg"}},
		{"not in a headline", "Ingrid Solberg and Nordvik Oil Company in pipeline talks\n\nThe talks lasted an hour and ended without any agreement on the pipeline.",
			nil, []string{"ingrid-solberg member-of nordvik-oil-company"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := x.Extract("learn.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, r := range b.Relations {
				got[string(r.Subject)+" "+string(r.Predicate)+" "+string(r.Object)] = r.Evidence[0].Extractor
				if r.Evidence[0].Extractor == learnedRule && r.Evidence[0].Sentence == "" {
					t.Errorf("%s %s %s has no evidence sentence", r.Subject, r.Predicate, r.Object)
				}
			}
			for _, w := range tc.want {
				k := w[:strings.LastIndex(w, " ")]
				if rule := w[len(k)+1:]; got[k] != rule {
					t.Errorf("%s: got rule %q, want %q (all: %v)", k, got[k], rule, got)
				}
			}
			for _, k := range tc.not {
				if rule, ok := got[k]; ok {
					t.Errorf("%s given by %s, want none", k, rule)
				}
			}
		})
	}
}

// TestLearnThresholds checks that each predicate has its own threshold,
// with a model written by hand that gives every pair probability 0.55:
// above killed's threshold, below member-of's and located-in's.
func TestLearnThresholds(t *testing.T) {
	m, err := relclass.ReadModel(strings.NewReader("K|bias\t200\nL|bias\t200\nO|bias\t200\nW|bias\t200\n"))
	if err != nil {
		t.Fatal(err)
	}
	x := *extractor(t)
	x.rel = m
	for _, tc := range []struct {
		name, text, rel string
		want            bool
	}{
		{"killed at 0.55", "Ingrid Solberg and Tomas Berg were named in the report on the death at the depot.",
			"ingrid-solberg killed tomas-berg", true},
		{"no member-of at 0.55", "Ingrid Solberg and the Nordvik Oil Company declined to comment on the plan.",
			"ingrid-solberg member-of nordvik-oil-company", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := x.Extract("learn.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			has := false
			for _, r := range b.Relations {
				k := string(r.Subject) + " " + string(r.Predicate) + " " + string(r.Object)
				got = append(got, k)
				has = has || k == tc.rel
			}
			if has != tc.want {
				t.Errorf("%s: got %v, want it %v (all: %v)", tc.rel, has, tc.want, got)
			}
		})
	}
}

// TestDatelineAgency checks that a wire dateline's agency is not located in
// the town it files from (the classifier learned CoNLL04's convention that
// it is), while the town stays in its country.
func TestDatelineAgency(t *testing.T) {
	tests := []struct {
		text string
		want []string // "Subject|predicate|Object"
		not  []string
	}{
		{text: "NEW DELHI, Jan. 5 (Reuters) - The minister said on Tuesday that talks with the rebels would resume next week in the capital.",
			not: []string{"Reuters|located-in|NEW DELHI"}},
		{text: "PARIS, March 3 (AFP) - The minister said on Tuesday that talks with the rebels would resume next week in the capital.",
			not: []string{"AFP|located-in|PARIS"}},
		{text: "SANAA, Yemen, Oct. 8 (AP) — The minister said on Tuesday that talks with the rebels would resume next week in the capital.",
			want: []string{"SANAA|located-in|Yemen"}, not: []string{"AP|located-in|SANAA", "AP|located-in|Yemen"}},
	}
	for _, tc := range tests {
		t.Run(tc.text[:20], func(t *testing.T) {
			rels := triples(extractText(t, tc.text))
			has := func(r string) bool {
				for _, s := range rels {
					if strings.HasPrefix(s, r+"|") {
						return true
					}
				}
				return false
			}
			for _, r := range tc.want {
				if !has(r) {
					t.Errorf("missing %s; got %v", r, rels)
				}
			}
			for _, r := range tc.not {
				if has(r) {
					t.Errorf("unwanted %s; got %v", r, rels)
				}
			}
		})
	}
}
