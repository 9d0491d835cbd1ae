package ner

// Label is a BIO entity tag for one word: "O" outside any entity, "B-X" at
// the first word of an entity of type X and "I-X" inside it, where X is
// PER, ORG, LOC or MISC.
type Label string

// The labels the tagger emits.
const (
	O     Label = "O"
	BPer  Label = "B-PER"
	IPer  Label = "I-PER"
	BOrg  Label = "B-ORG"
	IOrg  Label = "I-ORG"
	BLoc  Label = "B-LOC"
	ILoc  Label = "I-LOC"
	BMisc Label = "B-MISC"
	IMisc Label = "I-MISC"
)

// labels is the model's label order; a label's index is its position here.
// Odd indices are B- labels, the even index after each is its I- label.
var labels = [numLabels]Label{O, BPer, IPer, BOrg, IOrg, BLoc, ILoc, BMisc, IMisc}

const numLabels = 9

// Type returns the entity type of l ("PER", "ORG", "LOC", "MISC"), or ""
// for O and for strings that are not BIO labels.
func (l Label) Type() string {
	if len(l) > 2 && (l[0] == 'B' || l[0] == 'I') && l[1] == '-' {
		return string(l[2:])
	}
	return ""
}

// Begins reports whether l is a B- label.
func (l Label) Begins() bool { return len(l) > 2 && l[0] == 'B' && l[1] == '-' }

// Inside reports whether l is an I- label.
func (l Label) Inside() bool { return len(l) > 2 && l[0] == 'I' && l[1] == '-' }

// labelIndex returns l's index in labels, or -1.
func labelIndex(l Label) int {
	for i, x := range labels {
		if x == l {
			return i
		}
	}
	return -1
}

// isInside reports whether label index i is an I- label.
func isInside(i int) bool { return i > 0 && i%2 == 0 }

// allowed reports whether label index cur may follow label index prev in a
// BIO sequence; prev == numLabels stands for the sentence start.
func allowed(prev, cur int) bool {
	if !isInside(cur) {
		return true
	}
	return prev == cur || prev == cur-1
}
