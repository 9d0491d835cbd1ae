package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/ner"
)

// conll04Types maps CoNLL04 entity types to the tagger's. "Other" is not
// CoNLL-2003's MISC, so its scores are only indicative.
var conll04Types = map[string]string{"Peop": "PER", "Org": "ORG", "Loc": "LOC", "Other": "MISC"}

// conll04Doc is one sentence of a CoNLL04 file in SpERT's JSON format.
type conll04Doc struct {
	Tokens   []string `json:"tokens"`
	Entities []struct {
		Type       string `json:"type"`
		Start, End int
	} `json:"entities"`
}

// readCoNLL04 reads a CoNLL04 file in SpERT's JSON format as BIO sentences,
// every entity labelled as annotated: for scoring the tagger on news of
// another style than CoNLL-2003.
func readCoNLL04(path string) ([]ner.Sentence, error) {
	return readCoNLL04Labelled(path, false)
}

// readCoNLL04Train reads a CoNLL04 file as training sentences in
// CoNLL-2003's conventions: a title before a person's name ("President",
// "Sen.") is outside the name, a nationality word is MISC, and an "Other" entity is MISC only when it
// is a capitalized name ("Civil War", "Americans"), not a date, a time or
// a quantity ("Oct. 15 , 1979", "20 miles"), which CoNLL-2003 leaves out.
func readCoNLL04Train(path string) ([]ner.Sentence, error) {
	return readCoNLL04Labelled(path, true)
}

func readCoNLL04Labelled(path string, asCoNLL2003 bool) ([]ner.Sentence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var docs []conll04Doc
	if err := json.Unmarshal(b, &docs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	out := make([]ner.Sentence, 0, len(docs))
	for _, d := range docs {
		s := ner.Sentence{Words: d.Tokens, Labels: make([]ner.Label, len(d.Tokens))}
		for i := range s.Labels {
			s.Labels[i] = ner.O
		}
		for _, e := range d.Entities {
			typ, ok := conll04Types[e.Type]
			if !ok || e.Start < 0 || e.End > len(d.Tokens) || e.Start >= e.End {
				return nil, fmt.Errorf("%s: bad entity %+v", path, e)
			}
			start := e.Start
			if asCoNLL2003 {
				words := d.Tokens[e.Start:e.End]
				if typ == "MISC" && !namelike(words) {
					continue
				}
				if typ == "PER" {
					start += leadingTitles(words)
				}
			}
			s.Labels[start] = ner.Label("B-" + typ)
			for i := start + 1; i < e.End; i++ {
				s.Labels[i] = ner.Label("I-" + typ)
			}
		}
		if asCoNLL2003 {
			markDemonyms(s)
		}
		out = append(out, s)
	}
	return out, nil
}

// leadingTitles returns how many of a person's words are a title before
// the name ("President", "Texas Gov."), leaving at least one word.
func leadingTitles(words []string) int {
	k := 0
	for j := 1; j < len(words); j++ {
		if gazetteer.IsTitle(strings.Join(words[:j], " ")) {
			k = j
		}
	}
	return k
}

// markDemonyms labels as MISC, as CoNLL-2003 does, the nationality words
// ("Soviet", "North Korean", "Americans") that CoNLL04 leaves outside any
// entity or annotates as a place or body on their own.
func markDemonyms(s ner.Sentence) {
	for i := 0; i < len(s.Words); i++ {
		for n := 2; n >= 1; n-- {
			j := i + n
			if j > len(s.Words) || !capitalized(s.Words[i]) {
				continue
			}
			if _, ok := gazetteer.Demonym(strings.Join(s.Words[i:j], " ")); !ok {
				continue
			}
			// Outside any entity, or an entity of its own.
			if !(allOutside(s.Labels[i:j]) || s.Labels[i].Begins() && (j == len(s.Words) || !s.Labels[j].Inside())) {
				continue
			}
			s.Labels[i] = ner.BMisc
			for k := i + 1; k < j; k++ {
				s.Labels[k] = ner.IMisc
			}
			i = j - 1
			break
		}
	}
}

func allOutside(ls []ner.Label) bool {
	for _, l := range ls {
		if l != ner.O {
			return false
		}
	}
	return true
}

func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// months and weekdays open dates, which CoNLL-2003 does not annotate.
var dateWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// namelike reports whether words are a name: no digit anywhere, a
// capitalized first word that is no month or weekday.
func namelike(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if unicode.IsDigit(r) {
				return false
			}
		}
	}
	return capitalized(words[0]) && !dateWords[strings.ToLower(strings.TrimSuffix(words[0], "."))]
}
