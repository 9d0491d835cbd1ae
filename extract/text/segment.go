package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark; Start and End are byte
// offsets into the body given to Segment, and Text is body[Start:End].
type Token struct {
	Start, End int
	Text       string
}

// Sentence is a sentence of the body with its tokens. Paragraph counts the
// body's paragraphs from 0; Headline marks a paragraph that is a single
// line without closing punctuation (a headline, kicker or dateline).
type Sentence struct {
	Start, End int
	Text       string
	Tokens     []Token
	Paragraph  int
	Headline   bool
}

// Segment splits body into sentences and tokens. A blank line always ends
// a sentence.
func Segment(body string) []Sentence {
	var out []Sentence
	para := 0
	start := 0
	for start < len(body) {
		end := strings.Index(body[start:], "\n\n")
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		toks := tokenize(body, start, end)
		if len(toks) > 0 {
			s := Sentence{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks, Paragraph: para}
			s.Text = body[s.Start:s.End]
			out = append(out, s)
			para++
		}
		start = end + 2
	}
	return out
}

func tokenize(body string, start, end int) []Token {
	var toks []Token
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(body[i:end])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(body[j:end])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				j += n2
			}
		}
		toks = append(toks, Token{Start: i, End: j, Text: body[i:j]})
		i = j
	}
	return toks
}
