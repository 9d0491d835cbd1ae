package ner

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
)

const (
	testaPath      = "../../../shared/datasets/conll2003/eng.testa"
	conll04DevPath = "../../../shared/datasets/conll04/conll04_dev.json"
)

func mustLoad(tb testing.TB) *Tagger {
	tb.Helper()
	t, err := Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return t
}

// entities renders the spans of labels as "TYPE:words" for readable tests.
func entities(words []string, labels []Label) []string {
	out := []string{}
	for _, sp := range Spans(labels) {
		out = append(out, sp.Type+":"+strings.Join(words[sp.Start:sp.End], " "))
	}
	return out
}

func TestTagSentences(t *testing.T) {
	tagger := mustLoad(t)
	tests := []struct {
		sentence string
		want     []string
	}{
		{"Moussa Koussa flew to London on Wednesday .", []string{"PER:Moussa Koussa", "LOC:London"}},
		{"Angela Merkel met the French president in Berlin on Monday .", []string{"PER:Angela Merkel", "MISC:French", "LOC:Berlin"}},
		{"Shares of General Motors fell 2 percent in New York .", []string{"ORG:General Motors", "LOC:New York"}},
		{"“ We will not give up , ” said Steffen Seibert , a spokesman .", []string{"PER:Steffen Seibert"}},
		{"The United Nations said talks would resume in Geneva .", []string{"ORG:United Nations", "LOC:Geneva"}},
		// The type of an unknown group's name is a guess; its span is not.
		{"The group Ansar al-Islam claimed the attack .", []string{"*:Ansar al-Islam"}},
		{"Abu Bakr al-Baghdadi was killed in Syria , officials said .", []string{"PER:Abu Bakr al-Baghdadi", "LOC:Syria"}},
		{"North Korean leader Kim Jong-un 's half-brother Kim Jong-nam was killed in Malaysia .",
			[]string{"MISC:North Korean", "PER:Kim Jong-un", "PER:Kim Jong-nam", "LOC:Malaysia"}},
		{"it rained all day and nobody went out .", []string{}},
		// Headlines: casing carries no evidence in capitals or title case.
		// Obama and Putin postdate the 1996 training data; their type is a guess.
		{"Obama Meets Putin In Moscow As Sanctions Bite", []string{"*:Obama", "*:Putin", "LOC:Moscow"}},
		{"RUSSIA SAYS TROOPS WILL LEAVE CHECHNYA", []string{"LOC:RUSSIA", "LOC:CHECHNYA"}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			words := strings.Fields(tt.sentence)
			got := entities(words, tagger.Tag(words))
			for i, w := range tt.want {
				if strings.HasPrefix(w, "*:") && i < len(got) {
					got[i] = "*:" + got[i][strings.Index(got[i], ":")+1:]
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tag(%q) entities = %q, want %q", tt.sentence, got, tt.want)
			}
		})
	}
}

func TestTagInvariants(t *testing.T) {
	tagger := mustLoad(t)
	inputs := [][]string{
		nil,
		{},
		{""},
		{"London"},
		{"“", "’s", "”", "—", "\u00a0", "日本", "Ünïcödé", "X.Y.Z.", "1996-08-22"},
		strings.Fields("ISRAEL SAYS ARAFAT WILL MEET NETANYAHU IN GAZA"),
		strings.Fields(strings.Repeat("Pierre Vinken of Elsevier N.V. said , ", 40)),
	}
	for n, words := range inputs {
		labels, conf := tagger.TagScores(words)
		plain := tagger.Tag(words)
		if len(labels) != len(words) || len(conf) != len(words) || len(plain) != len(words) {
			t.Fatalf("%q: got %d labels, %d scores, %d plain labels; want %d each",
				words, len(labels), len(conf), len(plain), len(words))
		}
		if !reflect.DeepEqual(labels, plain) {
			t.Errorf("%q: TagScores labels %q differ from Tag %q", words, labels, plain)
		}
		for i, l := range labels {
			if labelIndex(l) < 0 {
				t.Errorf("%q: label %d is %q, not a known label", words, i, l)
			}
			if l.Inside() && (i == 0 || labels[i-1].Type() != l.Type()) {
				t.Errorf("%q: %s at %d does not continue an entity: %q", words, l, i, labels)
			}
			if !(conf[i] >= 0 && conf[i] <= 1) {
				t.Errorf("input %d: confidence %d is %v, want within [0, 1]", n, i, conf[i])
			}
		}
	}
}

func TestTagDeterministicAndConcurrent(t *testing.T) {
	tagger := mustLoad(t)
	sentences := [][]string{
		strings.Fields("Moussa Koussa flew to London on Wednesday ."),
		strings.Fields("The European Commission said on Thursday it disagreed with German advice ."),
		strings.Fields("Kim Jong-nam died at Kuala Lumpur airport , Malaysian police said ."),
	}
	want := make([][]Label, len(sentences))
	for i, s := range sentences {
		want[i] = tagger.Tag(s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 50; r++ {
				i := (g + r) % len(sentences)
				if got := tagger.Tag(sentences[i]); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("Tag(%q) = %q on repeat, want %q", sentences[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLoadOnce(t *testing.T) {
	a, b := mustLoad(t), mustLoad(t)
	if a != b {
		t.Errorf("Load returned %p then %p, want the same tagger", a, b)
	}
}

func TestNormalizeQuotes(t *testing.T) {
	tagger := mustLoad(t)
	curly := strings.Fields("“ It ’s over , ” said Moussa Koussa ‘ today ’ – in Tripoli …")
	ascii := strings.Fields("\" It 's over , \" said Moussa Koussa ' today ' - in Tripoli ...")
	if got, want := tagger.Tag(curly), tagger.Tag(ascii); !reflect.DeepEqual(got, want) {
		t.Errorf("curly quotes tagged %q, ASCII %q; want the same", got, want)
	}
	if got := string(normalize(nil, "“al-Islam’s” — ok")); got != "\"al-Islam's\" - ok" {
		t.Errorf("normalize = %q", got)
	}
}

func TestReadCoNLL(t *testing.T) {
	const data = `-DOCSTART- -X- O O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
met VBD I-VP O
Carl NNP I-NP I-PER
Dahl NNP I-NP B-PER
in IN I-PP O
Oslo NNP I-NP I-LOC
Fjord NNP I-NP I-ORG

Hello UH O O
`
	got, err := ReadCoNLL(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{
			Words:  strings.Fields("Anna Berg met Carl Dahl in Oslo Fjord"),
			Labels: []Label{BPer, IPer, O, BPer, BPer, O, BLoc, BOrg},
		},
		{Words: []string{"Hello"}, Labels: []Label{O}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCoNLL = %+v, want %+v", got, want)
	}
	if _, err := ReadCoNLL(strings.NewReader("word NN I-NP B-XYZ\n")); err == nil {
		t.Error("ReadCoNLL accepted an unknown label")
	}
}

func TestEvaluate(t *testing.T) {
	gold := []Sentence{{
		Words:  strings.Fields("a b c d e f"),
		Labels: []Label{BPer, IPer, O, BLoc, O, BOrg},
	}}
	pred := []Label{BPer, IPer, O, BLoc, ILoc, BMisc}
	rep := Evaluate(gold, func([]string) []Label { return pred })
	if got, want := rep.Overall, (Counts{Gold: 3, Predicted: 3, Correct: 1}); got != want {
		t.Errorf("overall = %+v, want %+v", got, want)
	}
	if got, want := rep.ByType["LOC"], (Counts{Gold: 1, Predicted: 1}); got != want {
		t.Errorf("LOC = %+v, want %+v", got, want)
	}
}

func TestModelRoundTrip(t *testing.T) {
	d, err := decodeModel(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := decodeModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, d) {
		t.Error("model differs after encode and decode")
	}
	if _, err := ReadModel(strings.NewReader("not a model")); err == nil {
		t.Error("ReadModel accepted garbage")
	}
}

// TestCoNLLDev scores the embedded model on CoNLL-2003 eng.testa. The floors
// sit a little below what was measured when the model was trained (overall
// 0.906; PER 0.923, LOC 0.937, ORG 0.858, MISC 0.874).
func TestCoNLLDev(t *testing.T) {
	f, err := os.Open(testaPath)
	if err != nil {
		t.Skipf("CoNLL-2003 eng.testa not available (%v); skipping accuracy check", err)
	}
	defer f.Close()
	dev, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	rep := Evaluate(dev, mustLoad(t).Tag)
	t.Logf("eng.testa:\n%s", rep)
	floors := map[string]float64{"overall": 0.88, "PER": 0.90, "LOC": 0.91, "ORG": 0.82, "MISC": 0.85}
	for typ, floor := range floors {
		c := rep.Overall
		if typ != "overall" {
			c = rep.ByType[typ]
		}
		if c.F1() < floor {
			t.Errorf("%s F1 = %.4f, want >= %.2f", typ, c.F1(), floor)
		}
	}
}

// TestCoNLL04Dev scores the embedded model's persons, bodies and places on
// CoNLL04's development split, which it was not trained on (its training
// split was). The floor sits below the 0.80 measured when the model was
// trained; a model trained on CoNLL-2003 alone scored 0.71. CoNLL04 counts
// titles into names ("President Reagan"), so exact spans are stricter here.
func TestCoNLL04Dev(t *testing.T) {
	raw, err := os.ReadFile(conll04DevPath)
	if err != nil {
		t.Skipf("CoNLL04 dev split not available (%v); skipping accuracy check", err)
	}
	var docs []struct {
		Tokens   []string `json:"tokens"`
		Entities []struct {
			Type       string `json:"type"`
			Start, End int
		} `json:"entities"`
	}
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatal(err)
	}
	types := map[string]string{"Peop": "PER", "Org": "ORG", "Loc": "LOC", "Other": "MISC"}
	var sents []Sentence
	for _, d := range docs {
		s := Sentence{Words: d.Tokens, Labels: make([]Label, len(d.Tokens))}
		for i := range s.Labels {
			s.Labels[i] = O
		}
		for _, e := range d.Entities {
			s.Labels[e.Start] = Label("B-" + types[e.Type])
			for i := e.Start + 1; i < e.End; i++ {
				s.Labels[i] = Label("I-" + types[e.Type])
			}
		}
		sents = append(sents, s)
	}
	rep := Evaluate(sents, mustLoad(t).Tag)
	var c Counts
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		x := rep.ByType[typ]
		c.Gold, c.Predicted, c.Correct = c.Gold+x.Gold, c.Predicted+x.Predicted, c.Correct+x.Correct
	}
	t.Logf("CoNLL04 dev:\n%sPER+ORG+LOC F1 %.4f", rep, c.F1())
	if c.F1() < 0.77 {
		t.Errorf("CoNLL04 dev PER+ORG+LOC F1 = %.4f, want >= 0.77", c.F1())
	}
}

// TestMarginalsBruteForce checks forward-backward against summing over every
// label sequence of a short sentence.
func TestMarginalsBruteForce(t *testing.T) {
	tagger := mustLoad(t)
	words := strings.Fields("Koussa left Tripoli")
	s := new(scratch)
	tagger.emissions(s, words)
	got := append([]float64(nil), tagger.marginals(s, len(words))...)

	m := tagger.m
	want := make([]float64, len(words)*numLabels)
	z := 0.0
	var seq [3]int
	for seq[0] = 0; seq[0] < numLabels; seq[0]++ {
		for seq[1] = 0; seq[1] < numLabels; seq[1]++ {
			for seq[2] = 0; seq[2] < numLabels; seq[2]++ {
				score, prev, ok := 0.0, numLabels, true
				for i, l := range seq {
					ok = ok && allowed(prev, l)
					score += float64(m.trans[prev][l]) + float64(s.emit[i*numLabels+l])
					prev = l
				}
				if !ok {
					continue
				}
				p := math.Exp(score / m.temp)
				z += p
				for i, l := range seq {
					want[i*numLabels+l] += p
				}
			}
		}
	}
	for i := range want {
		if w := want[i] / z; math.Abs(got[i]-w) > 1e-6 {
			t.Errorf("marginal of word %d label %s = %.12f, want %.12f", i/numLabels, labels[i%numLabels], got[i], w)
		}
	}
}
