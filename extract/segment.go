package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark, with byte offsets into the body.
type token struct {
	Start, End int
	Text       string
	Lower      string
	Cap        bool // begins with an upper-case letter
	Caps       bool // two or more letters, all upper case ("UN", "ICC")
	Word       bool // begins with a letter or digit
}

// sentence is one sentence of the body with its tokens.
type sentence struct {
	Start, End int
	Text       string
	Tokens     []token
	Paragraph  int
	Headline   bool // a line without closing punctuation: headline, kicker, caption
	TitleCase  bool // most of its words are capitalized, so capitals say little
}

// segmented is an article split into sentences (the output of segment).
type segmented struct {
	Source    string
	Article   article
	Sentences []sentence
}

// segment splits a cleaned article into tokenized sentences.
func segment(source string, a article) segmented {
	spans := segmentBody(a.Body)
	out := segmented{Source: source, Article: a, Sentences: make([]sentence, 0, len(spans))}
	for _, sp := range spans {
		s := sentence{Start: sp.Start, End: sp.End, Text: a.Body[sp.Start:sp.End], Paragraph: sp.Paragraph, Headline: sp.Headline}
		s.Tokens = tokenize(a.Body, sp.Start, sp.End)
		if len(s.Tokens) == 0 {
			continue
		}
		s.TitleCase = sp.Headline && titleCase(s.Tokens)
		out.Sentences = append(out.Sentences, s)
	}
	return out
}

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i])
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// tokenize splits body[start:end] into tokens. Hyphenated words and
// abbreviations with dots stay whole ("al-Islam", "U.N."); a possessive
// "'s" is a token of its own.
func tokenize(body string, start, end int) []token {
	toks := make([]token, 0, (end-start)/5+1)
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(body[i:end])
		if unicode.IsSpace(r) || r == '\u00a0' {
			i += n
			continue
		}
		if !isWordRune(r) {
			// A possessive or contraction: "'s", "’s".
			if (r == '\'' || r == '’') && i+n < end && (body[i+n] == 's' || body[i+n] == 'S') && (i+n+1 >= end || !isWordRune(runeAt(body, i+n+1))) && len(toks) > 0 && toks[len(toks)-1].End == i {
				toks = append(toks, mkToken(body, i, i+n+1))
				i += n + 1
				continue
			}
			toks = append(toks, mkToken(body, i, i+n))
			i += n
			continue
		}
		j := i + n
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(body[j:end])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if (r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’' || r2 == '&') && j+n2 < end && isWordRune(runeAt(body, j+n2)) {
				if (r2 == '\'' || r2 == '’') && (body[j+n2] == 's' || body[j+n2] == 'S') && (j+n2+1 >= end || !isWordRune(runeAt(body, j+n2+1))) {
					break // possessive
				}
				if r2 == '.' && !(j-i <= 2 || strings.Contains(body[i:j], ".")) {
					break // "end.Next" is two words; "U.S" is one
				}
				j += n2
				continue
			}
			break
		}
		// Keep the final dot of "U.S.", of "Jr.", "Mr.", of state
		// abbreviations ("Conn.") and of initials ("John F. Kennedy").
		if j < end && body[j] == '.' {
			w := body[i:j]
			if strings.Contains(w, ".") || abbreviations[strings.ToLower(w)] || usStates[body[i:j+1]] != "" || initialAt(body, i, j, end) {
				j++
			}
		}
		toks = append(toks, mkToken(body, i, j))
		i = j
	}
	return toks
}

// initialAt reports whether body[i:j] is a capital letter written as an
// initial: a full stop follows, then a space and a capitalized word ("F."
// in "John F. Kennedy", "J. Edgar Hoover").
func initialAt(body string, i, j, end int) bool {
	if j != i+1 || body[i] < 'A' || body[i] > 'Z' || j+2 >= end || body[j+1] != ' ' || !isUpperRune(runeAt(body, j+2)) {
		return false
	}
	// "Plan B. It failed": a function word after the letter starts a sentence.
	k := j + 2
	for k < end && isWordRune(runeAt(body, k)) {
		k++
	}
	return !nonNames[strings.ToLower(body[j+2:k])]
}

func mkToken(body string, s, e int) token {
	t := token{Start: s, End: e, Text: body[s:e]}
	t.Lower = strings.ToLower(t.Text)
	r, _ := utf8.DecodeRuneInString(t.Text)
	t.Word = isWordRune(r)
	t.Cap = isUpperRune(r)
	if t.Cap {
		letters, upper := 0, 0
		for _, c := range t.Text {
			if unicode.IsLetter(c) {
				letters++
				if isUpperRune(c) {
					upper++
				}
			}
		}
		t.Caps = letters >= 2 && upper == letters
	}
	return t
}

// titleCase reports whether most content words of a line are capitalized.
func titleCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if !t.Word || len(t.Text) <= 3 && !t.Cap {
			continue
		}
		words++
		if t.Cap {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}
