package extract

import (
	"errors"
	"testing"
)

// FuzzExtract feeds the whole pipeline mutated news sentences: whatever
// the text, Extract must not fail on a defect of its own (ErrInternal: a
// panic in some rule), and every relation's evidence must lie inside the
// document's body.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Smith's Office Supplies was sold.",
		"Anna Berg, the former foreign minister of Norland, defected to Sweden on Monday with her aide, Lars Holm.",
		"PORT ELLERY, Feb. 3 (AP) - Mr. Oduya's principal adviser, Col. James Ward, was shot dead in the barracks yard by soldiers.",
		"Park Sung-ho, 61, chairman of Daesan Heavy Industries, was arrested in Seoul. Park denied the charges.",
		"\"We will fight,\" said Omar Kamal, who met the Interior Minister, Ivan Petrov, in Cairo.",
		"Also charged is Dmitri Volkov, also known as \"Harbormaster\", of Tampa, Florida.",
		"The court convicted Neil Oakes of fraud over the Calder Mills scandal; his wife, Joan, was acquitted.",
		"<html><body><nav>Home | World</nav><p>Kim Jong-nam was killed at Kuala Lumpur airport.</p></body></html>",
	} {
		f.Add([]byte(s))
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := x.Extract("fuzz.txt", raw)
		if errors.Is(err, ErrInternal) {
			t.Fatal(err)
		}
		if err != nil {
			return
		}
		for _, r := range b.Relations {
			for _, e := range r.Evidence {
				if e.Start < 0 || e.End > len(b.Doc.Body) || e.Start > e.End {
					t.Fatalf("%v: evidence [%d,%d) outside a body of %d bytes", r.Key(), e.Start, e.End, len(b.Doc.Body))
				}
			}
		}
	})
}
