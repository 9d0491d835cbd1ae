package ner

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Sentence is one labelled sentence of a training or evaluation corpus.
type Sentence struct {
	Words  []string
	Labels []Label
}

// ReadCoNLL reads CoNLL-2003 data (one "word POS chunk NER" line per word,
// blank lines between sentences, -DOCSTART- lines between documents) and
// converts its IOB1 entity labels to BIO: an I-X that does not continue an X
// entity becomes B-X.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flush()
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("ner: read conll line %d: want word and label, got %q", line, sc.Text())
		}
		l := Label(fields[len(fields)-1])
		if labelIndex(l) < 0 {
			return nil, fmt.Errorf("ner: read conll line %d: unknown label %q", line, l)
		}
		if l.Inside() {
			prev := O
			if n := len(cur.Labels); n > 0 {
				prev = cur.Labels[n-1]
			}
			if prev.Type() != l.Type() {
				l = Label("B-" + l.Type())
			}
		}
		cur.Words = append(cur.Words, fields[0])
		cur.Labels = append(cur.Labels, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: read conll: %w", err)
	}
	flush()
	return out, nil
}

// Span is an entity found in a label sequence: words [Start, End) of Type.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entities of a label sequence as conlleval reads them: an
// entity starts at B-X, or at I-X not continuing an X entity, and runs over
// the I-X labels that follow.
func Spans(ls []Label) []Span {
	var out []Span
	for i := 0; i < len(ls); {
		typ := ls[i].Type()
		if typ == "" {
			i++
			continue
		}
		j := i + 1
		for j < len(ls) && ls[j].Inside() && ls[j].Type() == typ {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: typ})
		i = j
	}
	return out
}

// Counts is the tally behind precision and recall for one entity type.
type Counts struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted, or 0.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold, or 0.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall, or 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is an entity-level evaluation: a predicted entity is correct only
// when its span and type both match a gold entity exactly.
type Report struct {
	Overall Counts
	ByType  map[string]Counts
}

// Evaluate tags the words of each gold sentence with tag and scores the
// result against the gold labels.
func Evaluate(gold []Sentence, tag func(words []string) []Label) Report {
	rep := Report{ByType: map[string]Counts{}}
	for _, s := range gold {
		rep.add(s.Labels, tag(s.Words))
	}
	return rep
}

func (r *Report) add(gold, pred []Label) {
	want := map[Span]bool{}
	for _, sp := range Spans(gold) {
		want[sp] = true
		c := r.ByType[sp.Type]
		c.Gold++
		r.ByType[sp.Type] = c
		r.Overall.Gold++
	}
	for _, sp := range Spans(pred) {
		c := r.ByType[sp.Type]
		c.Predicted++
		r.Overall.Predicted++
		if want[sp] {
			c.Correct++
			r.Overall.Correct++
		}
		r.ByType[sp.Type] = c
	}
}

// String formats the report as a small table, types in name order.
func (r Report) String() string {
	var b strings.Builder
	types := make([]string, 0, len(r.ByType))
	for t := range r.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintf(&b, "%-8s %6s %6s %6s %6s %6s\n", "type", "gold", "pred", "P", "R", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-8s %6d %6d %6.2f %6.2f %6.2f\n", name, c.Gold, c.Predicted,
			100*c.Precision(), 100*c.Recall(), 100*c.F1())
	}
	for _, t := range types {
		row(t, r.ByType[t])
	}
	row("overall", r.Overall)
	return b.String()
}
