package relclass

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		h, t graph.Type
		want graph.Predicate
	}{
		{graph.Person, graph.Organization, graph.MemberOf},
		{graph.Person, graph.Person, graph.Killed},
		{graph.Person, graph.Place, graph.LivesIn},
		{graph.Organization, graph.Place, graph.LocatedIn},
		{graph.Place, graph.Place, graph.LocatedIn},
		{graph.Organization, graph.Person, ""},
		{graph.Place, graph.Organization, ""},
		{graph.Event, graph.Place, ""},
	} {
		t.Run(string(tc.h)+"-"+string(tc.t), func(t *testing.T) {
			got, ok := Allowed(tc.h, tc.t)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("Allowed(%s, %s) = %q, %v; want %q", tc.h, tc.t, got, ok, tc.want)
			}
		})
	}
}

// sentence builds a Sentence from words in which names are written with
// underscores and a type suffix: "Greta_Lind/P works for Nordic_Council/O".
func sentence(line string) *Sentence {
	s := &Sentence{}
	types := map[string]graph.Type{"P": graph.Person, "O": graph.Organization, "L": graph.Place}
	for _, f := range strings.Fields(line) {
		name, typ, ok := strings.Cut(f, "/")
		if !ok {
			s.Words = append(s.Words, f)
			continue
		}
		parts := strings.Split(name, "_")
		s.Mentions = append(s.Mentions, Mention{Start: len(s.Words), End: len(s.Words) + len(parts), Type: types[typ]})
		s.Words = append(s.Words, parts...)
	}
	return s
}

// tinyExamples is a training set in our own words.
func tinyExamples() []Example {
	var exs []Example
	for _, tc := range []struct {
		line  string
		holds bool
	}{
		{"Greta_Lind/P works for Nordic_Council/O .", true},
		{"Lars_Berg/P works for Baltic_Trust/O in Riga/L .", true},
		{"Nordic_Council/O criticized Greta_Lind/P .", false},
		{"Greta_Lind/P met Lars_Berg/P outside Baltic_Trust/O .", false},
		{"Lars_Berg/P killed Greta_Lind/P in Oslo/L .", true},
		{"Greta_Lind/P praised Lars_Berg/P .", false},
	} {
		s := sentence(tc.line)
		for h := range s.Mentions {
			for t := range s.Mentions {
				p, ok := Allowed(s.Mentions[h].Type, s.Mentions[t].Type)
				if h == t || !ok {
					continue
				}
				// In these sentences the first name is the subject.
				holds := tc.holds && h == 0 && t == 1 && p != graph.LivesIn
				exs = append(exs, Example{Sentence: s, Head: h, Tail: t, Holds: holds})
			}
		}
	}
	return exs
}

func TestTrainTiny(t *testing.T) {
	opt := TrainOptions{Epochs: 30, Rate: 0.2, L2: 1e-4, Seed: 1, MinCount: 1}
	m := Train(tinyExamples(), opt)
	for _, tc := range []struct {
		line string
		pred graph.Predicate
		high bool
		h, t int
	}{
		{"Anna_Moe/P works for Arctic_Fund/O .", graph.MemberOf, true, 0, 1},
		{"Arctic_Fund/O criticized Anna_Moe/P .", "", false, 0, 1},
		{"Per_Holm/P killed Anna_Moe/P in Bergen/L .", graph.Killed, true, 0, 1},
		{"Per_Holm/P praised Anna_Moe/P .", graph.Killed, false, 0, 1},
		{"Per_Holm/P killed Anna_Moe/P .", graph.Killed, false, 1, 0},
	} {
		t.Run(tc.line, func(t *testing.T) {
			p, prob := m.Classify(sentence(tc.line), tc.h, tc.t)
			if p != tc.pred || (prob > 0.5) != tc.high {
				t.Errorf("Classify = %q %.3f, want %q high=%v", p, prob, tc.pred, tc.high)
			}
		})
	}

	var a, b bytes.Buffer
	if err := m.WriteModel(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(tinyExamples(), opt).WriteModel(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training twice gave different weights")
	}
	back, err := ReadModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	s := sentence("Anna_Moe/P works for Arctic_Fund/O .")
	_, p1 := m.Classify(s, 0, 1)
	_, p2 := back.Classify(s, 0, 1)
	if math.Abs(p1-p2) > 1e-9 {
		t.Errorf("read back, the model gives %.6f, want %.6f", p2, p1)
	}
}

func TestReadModelErrors(t *testing.T) {
	for name, text := range map[string]string{
		"empty":     "",
		"no tab":    "W|bias 5\n",
		"not int":   "W|bias\tfive\n",
		"duplicate": "W|bias\t5\nW|bias\t6\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadModel(strings.NewReader(text)); !errors.Is(err, ErrBadModel) {
				t.Errorf("ReadModel(%q) error = %v, want ErrBadModel", text, err)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.w) < 1000 {
		t.Errorf("embedded model has %d weights, want a trained model", len(m.w))
	}
	// Pairs whose types allow nothing, or a name with itself, are never related.
	s := sentence("Nordic_Council/O hired Greta_Lind/P .")
	if p, prob := m.Classify(s, 0, 1); p != "" || prob != 0 {
		t.Errorf("organization -> person: %q %.3f, want nothing", p, prob)
	}
	if p, prob := m.Classify(s, 1, 1); p != "" || prob != 0 {
		t.Errorf("a name with itself: %q %.3f, want nothing", p, prob)
	}
}

func BenchmarkClassify(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	s := sentence("Greta_Lind/P , a senior engineer at Nordic_Council/O in Oslo/L , said on Monday that Lars_Berg/P had resigned .")
	b.ReportAllocs()
	for b.Loop() {
		for h := range s.Mentions {
			for t := range s.Mentions {
				m.Classify(s, h, t)
			}
		}
	}
}
