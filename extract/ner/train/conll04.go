package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/kgraph/kg/extract/ner"
)

// conll04Types maps CoNLL04 entity types to the tagger's. "Other" is not
// CoNLL-2003's MISC, so its scores are only indicative.
var conll04Types = map[string]string{"Peop": "PER", "Org": "ORG", "Loc": "LOC", "Other": "MISC"}

// readCoNLL04 reads a CoNLL04 file in SpERT's JSON format as BIO sentences.
// It is used only to score the tagger on news of another style than
// CoNLL-2003, never to train it.
func readCoNLL04(path string) ([]ner.Sentence, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var docs []struct {
		Tokens   []string `json:"tokens"`
		Entities []struct {
			Type       string `json:"type"`
			Start, End int
		} `json:"entities"`
	}
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
			s.Labels[e.Start] = ner.Label("B-" + typ)
			for i := e.Start + 1; i < e.End; i++ {
				s.Labels[i] = ner.Label("I-" + typ)
			}
		}
		out = append(out, s)
	}
	return out, nil
}
