package relclass

import (
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// Mention is a typed name in a sentence: Words[Start:End].
type Mention struct {
	Start, End int
	Type       graph.Type
}

// Sentence is one sentence's words and the typed names found in it, in any
// order. Mentions must not overlap. A Sentence keeps its words' normal
// forms once the model has read them: it is not safe for concurrent use,
// and its Words must not change after the first Classify.
type Sentence struct {
	Words    []string
	Mentions []Mention

	norms, lemmas []string // per word, filled by prepare
	scratch       []uint64 // feature hashes, reused between pairs
}

// prepare computes the normal form and the lemma of each word once.
func (s *Sentence) prepare() {
	if len(s.norms) == len(s.Words) && s.norms != nil {
		return
	}
	s.norms = make([]string, len(s.Words))
	s.lemmas = make([]string, len(s.Words))
	for i, w := range s.Words {
		s.norms[i] = norm(w)
		s.lemmas[i] = lemma(s.norms[i])
	}
}

// Allowed returns the predicate a head of type h and a tail of type t can
// hold, and false when their types allow none.
func Allowed(h, t graph.Type) (graph.Predicate, bool) {
	switch {
	case h == graph.Person && t == graph.Organization:
		return graph.MemberOf, true
	case h == graph.Person && t == graph.Person:
		return graph.Killed, true
	case h == graph.Person && t == graph.Place:
		return graph.LivesIn, true
	case (h == graph.Organization || h == graph.Place) && t == graph.Place:
		return graph.LocatedIn, true
	}
	return "", false
}

// predCode shortens each predicate in feature names.
var predCode = map[graph.Predicate]string{graph.MemberOf: "W", graph.Killed: "K", graph.LivesIn: "L", graph.LocatedIn: "O"}

// maxBetween caps the words between the two names that give features: the
// first and last half of it when there are more.
const maxBetween = 10

// sink receives features: a feature is its parts concatenated. The model
// reads them as 64-bit FNV-1a hashes, without building strings; training
// also keeps their names.
type sink struct {
	names  bool
	hashes []uint64
	strs   []string
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashName is the hash of a feature's whole name, as sink.add computes it from its parts.
func hashName(name string) uint64 { return fnvAdd(fnvOffset, name) }

func (k *sink) add(parts ...string) {
	h := uint64(fnvOffset)
	for _, p := range parts {
		h = fnvAdd(h, p)
	}
	k.hashes = append(k.hashes, h)
	if k.names {
		k.strs = append(k.strs, strings.Join(parts, ""))
	}
}

// features sends to k the features of the pair (head, tail) of s, each
// conjoined with the predicate p and the order of the two names.
func features(k *sink, s *Sentence, head, tail int, p graph.Predicate) {
	s.prepare()
	h, t := s.Mentions[head], s.Mentions[tail]
	first, second := h, t
	order := "ht|"
	if t.Start < h.Start {
		first, second, order = t, h, "th|"
	}
	code := predCode[p]
	k.add(code, "|bias")
	k.add(code, order, "bias")
	lo, hi := min(first.End, second.Start), second.Start
	n := hi - lo
	k.add(code, order, "dist=", bucket(n))
	if n > 0 && n <= 4 {
		k.add(append([]string{code, order, "bs="}, joined(s.norms[lo:hi])...)...)
	} else if n == 0 {
		k.add(code, order, "bs=")
	}
	if n > 0 {
		k.add(code, order, "bf=", s.lemmas[lo])
		k.add(code, order, "bl=", s.lemmas[hi-1])
	}
	comma := false
	for i := lo; i < hi; i++ {
		if s.Words[i] == "," {
			comma = true
		}
		j := i - lo
		if n > maxBetween && j >= maxBetween/2 && j < n-maxBetween/2 {
			continue
		}
		k.add(code, order, "bw=", s.lemmas[i])
		if i+1 < hi {
			k.add(code, order, "bb=", s.lemmas[i], "_", s.lemmas[i+1])
		}
	}
	if comma {
		k.add(code, order, "comma")
	}
	k.add(code, order, "b1=", wordAt(s, first.Start-1))
	k.add(code, order, "b2=", wordAt(s, first.Start-2), "_", wordAt(s, first.Start-1))
	k.add(code, order, "a1=", wordAt(s, second.End))
	k.add(code, order, "a2=", wordAt(s, second.End), "_", wordAt(s, second.End+1))
	k.add(code, order, "hw=", lastWord(s, h))
	k.add(code, order, "tw=", lastWord(s, t))
	others := 0
	for i, m := range s.Mentions {
		if i == head || i == tail || m.Start < first.End || m.End > second.Start {
			continue
		}
		others++
		k.add(code, order, "eb=", string(m.Type))
	}
	k.add(code, order, "nb=", strconv.Itoa(min(others, 3)))
	if others == 0 && n <= 4 {
		k.add(append([]string{code, order, "near="}, joined(s.norms[lo:hi])...)...)
	}
}

// joined interleaves words with "_" as parts of a feature name.
func joined(ws []string) []string {
	out := make([]string, 0, 2*len(ws))
	for i, w := range ws {
		if i > 0 {
			out = append(out, "_")
		}
		out = append(out, w)
	}
	return out
}

// bucket names a distance in words.
func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 5:
		return "4-5"
	case n <= 8:
		return "6-8"
	case n <= 12:
		return "9-12"
	case n <= 20:
		return "13-20"
	}
	return "21+"
}

func wordAt(s *Sentence, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(s.Words) {
		return "</s>"
	}
	return s.norms[i]
}

func lastWord(s *Sentence, m Mention) string {
	w := s.norms[m.End-1]
	if m.End-m.Start > 1 && (w == "." || w == ",") {
		w = s.norms[m.End-2]
	}
	return w
}

// norm lowercases a word, writes its digits as 0 and its quotes, dashes and
// apostrophes in ASCII.
func norm(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			r = '0'
		case r == '’' || r == '‘':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		case r == '–' || r == '—':
			r = '-'
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

// lemma is a crude lemma of a normalized word: without a plural, past or
// progressive ending.
func lemma(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}
