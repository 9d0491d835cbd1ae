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
// order. Mentions must not overlap.
type Sentence struct {
	Words    []string
	Mentions []Mention
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

// features returns the feature strings of the pair (head, tail) of s, each
// conjoined with the predicate p and the order of the two names.
func features(s Sentence, head, tail int, p graph.Predicate) []string {
	h, t := s.Mentions[head], s.Mentions[tail]
	first, second := h, t
	order := "ht"
	if t.Start < h.Start {
		first, second, order = t, h, "th"
	}
	pre := predCode[p] + order + "|"
	fs := make([]string, 0, 40)
	add := func(parts ...string) {
		fs = append(fs, pre+strings.Join(parts, ""))
	}
	fs = append(fs, predCode[p]+"|bias")
	add("bias")
	between := s.Words[min(first.End, second.Start):second.Start]
	n := len(between)
	add("dist=", bucket(n))
	if n <= 4 {
		add("bs=", lowerJoin(between))
	}
	if n > 0 {
		add("bf=", lemma(between[0]))
		add("bl=", lemma(between[n-1]))
	}
	for i, w := range between {
		if n > maxBetween && i >= maxBetween/2 && i < n-maxBetween/2 {
			continue
		}
		add("bw=", lemma(w))
		if i+1 < n {
			add("bb=", lemma(w), "_", lemma(between[i+1]))
		}
	}
	comma := false
	for _, w := range between {
		if w == "," {
			comma = true
		}
	}
	if comma {
		add("comma")
	}
	add("b1=", wordAt(s.Words, first.Start-1))
	add("b2=", wordAt(s.Words, first.Start-2), "_", wordAt(s.Words, first.Start-1))
	add("a1=", wordAt(s.Words, second.End))
	add("a2=", wordAt(s.Words, second.End), "_", wordAt(s.Words, second.End+1))
	add("hw=", lastWord(s.Words, h))
	add("tw=", lastWord(s.Words, t))
	others := 0
	for i, m := range s.Mentions {
		if i == head || i == tail || m.Start < first.End || m.End > second.Start {
			continue
		}
		others++
		add("eb=", string(m.Type))
	}
	add("nb=", strconv.Itoa(min(others, 3)))
	if others == 0 && n <= 4 {
		add("near=", lowerJoin(between))
	}
	return fs
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

func wordAt(ws []string, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(ws) {
		return "</s>"
	}
	return norm(ws[i])
}

func lastWord(ws []string, m Mention) string {
	w := norm(ws[m.End-1])
	if m.End-m.Start > 1 && (w == "." || w == ",") {
		w = norm(ws[m.End-2])
	}
	return w
}

func lowerJoin(ws []string) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = norm(w)
	}
	return strings.Join(parts, "_")
}

// norm lowercases a word, writes its digits as 0 and its quotes, dashes and
// apostrophes in ASCII.
func norm(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
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

// lemma is a crude lemma: the normalized word without a plural, past or
// progressive ending.
func lemma(w string) string {
	w = norm(w)
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
