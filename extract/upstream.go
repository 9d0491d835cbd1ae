package extract

// This file is the seam to the sibling packages extract/text,
// extract/gazetteer and extract/ner. Until they land, the functions here
// fall back to small private versions with the same shapes.

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// Errors Clean reports for input that is not an article.
var (
	errEmpty  = errors.New("empty input")
	errBinary = errors.New("binary input")
	errNoText = errors.New("no article text found")
)

// article is the cleaned text of one input.
type article struct {
	Title, Date, Body, Format string
}

// cleanArticle strips markup and trims the text.
func cleanArticle(raw []byte, name string) (article, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return article{}, errEmpty
	}
	if bytes.IndexByte(raw, 0) >= 0 || !utf8.Valid(raw) {
		return article{}, errBinary
	}
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	format := "text"
	if strings.Contains(strings.ToLower(s[:min(len(s), 512)]), "<html") {
		format = "html"
		s = stripTags(s)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return article{}, errNoText
	}
	a := article{Body: s, Format: format}
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			a.Title = line
			break
		}
	}
	return a, nil
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// span is a sentence's extent in the body.
type span struct {
	Start, End int
	Paragraph  int
	Headline   bool
}

// segmentBody splits a body into sentences: never across a line break, and
// inside a line at a full stop, question or exclamation mark followed by a
// space and a capital or a quote, unless the word before is an abbreviation.
func segmentBody(body string) []span {
	var out []span
	para := 0
	lineStart := 0
	blank := false
	for lineStart <= len(body) {
		nl := strings.IndexByte(body[lineStart:], '\n')
		lineEnd := len(body)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := body[lineStart:lineEnd]
		if strings.TrimSpace(line) == "" {
			blank = true
		} else {
			if blank || len(out) == 0 {
				para++
			}
			blank = false
			head := !strings.ContainsAny(strings.TrimSpace(line)[max(0, len(strings.TrimSpace(line))-1):], ".!?\"”'’)")
			s := lineStart
			for i := lineStart; i < lineEnd; i++ {
				c := body[i]
				if c != '.' && c != '!' && c != '?' {
					continue
				}
				j := i + 1
				for j < lineEnd && strings.IndexByte("\"')”’", body[j]) >= 0 || j+2 < lineEnd && (body[j:j+3] == "”" || body[j:j+3] == "’") {
					if body[j] == 0xe2 {
						j += 3
					} else {
						j++
					}
				}
				if j >= lineEnd || body[j] != ' ' {
					continue
				}
				k := j
				for k < lineEnd && body[k] == ' ' {
					k++
				}
				if k >= lineEnd {
					continue
				}
				r, _ := utf8.DecodeRuneInString(body[k:])
				if !(isUpperRune(r) || r == '"' || r == '“' || r == '\'' || r >= '0' && r <= '9') {
					continue
				}
				if c == '.' && abbrevBefore(body[s:i]) {
					continue
				}
				out = appendSpan(out, body, s, j, para, false)
				s = k
				i = k - 1
			}
			out = appendSpan(out, body, s, lineEnd, para, head)
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	return out
}

func appendSpan(out []span, body string, s, e, para int, head bool) []span {
	for s < e && (body[s] == ' ' || body[s] == '\t') {
		s++
	}
	for e > s && (body[e-1] == ' ' || body[e-1] == '\t') {
		e--
	}
	if e > s {
		out = append(out, span{Start: s, End: e, Paragraph: para, Headline: head})
	}
	return out
}

// abbrevBefore reports whether text ends in an abbreviation that a full
// stop does not end a sentence after: "Mr", "Col", "U.S", an initial.
func abbrevBefore(text string) bool {
	i := len(text)
	for i > 0 && text[i-1] != ' ' && text[i-1] != '(' && text[i-1] != '"' {
		i--
	}
	w := text[i:]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	if strings.Contains(w, ".") {
		return true // U.S, a.m
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = setOf("mr", "mrs", "ms", "dr", "col", "gen", "lt", "capt", "sgt", "maj", "sen", "rep", "gov", "st", "jr", "sr", "prof", "rev", "no", "vs", "inc", "corp", "ltd", "co", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "adm", "cmdr", "supt", "insp", "det", "pres")

// gazEntry is what the gazetteer knows about a phrase.
type gazEntry struct {
	Name    string
	Type    graph.Type
	Kind    string
	Country string
}

// gazLookup looks a phrase up in the gazetteer.
func gazLookup(phrase string) (gazEntry, bool) {
	k := graph.NameKey(phrase)
	if e, ok := fallbackGazetteer[k]; ok {
		return e, true
	}
	return gazEntry{}, false
}

// demonymOf returns the country a demonym ("Libyan") names.
func demonymOf(word string) (string, bool) {
	c, ok := fallbackDemonyms[strings.ToLower(word)]
	return c, ok
}

// knownFirstName reports whether word is a common given name.
func knownFirstName(word string) bool {
	return fallbackFirstNames[strings.ToLower(word)]
}

// tagger labels tokens with CoNLL IOB tags ("B-PER", "I-ORG", "O").
type tagger interface {
	Tag(words []string) []string
}

// loadTagger loads the named-entity tagger, or returns nil when there is none.
func loadTagger() (tagger, error) { return nil, nil }
