package extract

// This file is the seam to the sibling packages extract/text,
// extract/gazetteer and extract/ner.

import (
	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/ner"
	"github.com/kgraph/kg/extract/text"
	"github.com/kgraph/kg/graph"
)

// article is the cleaned text of one input.
type article = text.Article

// cleanArticle strips markup and page furniture (extract/text).
func cleanArticle(raw []byte, name string) (article, error) { return text.Clean(raw, name) }

// span is a sentence's extent in the body.
type span struct {
	Start, End int
	Paragraph  int
	Headline   bool
}

// segmentBody splits a body into sentences (extract/text); the tokens are
// our own, made by tokenize.
func segmentBody(body string) []span {
	ss := text.Segment(body)
	out := make([]span, 0, len(ss))
	for _, x := range ss {
		out = append(out, span{Start: x.Start, End: x.End, Paragraph: x.Paragraph, Headline: x.Headline})
	}
	return out
}

// abbreviations end in a full stop that is part of the word ("Mr.", "Jr.").
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
	if st := usStates[phrase]; st != "" {
		return gazEntry{Name: st, Type: graph.Place, Kind: gazetteer.KindRegion, Country: "United States"}, true
	}
	if e, ok := gazetteer.Lookup(phrase); ok {
		name := e.Canonical
		if name == "" {
			name = e.Name
		}
		return gazEntry{Name: name, Type: e.Type, Kind: e.Kind, Country: e.Country}, true
	}
	return gazEntry{}, false
}

// demonymOf returns the country a demonym ("Libyan") names.
func demonymOf(word string) (string, bool) {
	return gazetteer.Demonym(word)
}

// knownFirstName reports whether word is a common given name.
func knownFirstName(word string) bool {
	return gazetteer.FirstName(word)
}

// tagger labels tokens with CoNLL IOB tags ("B-PER", "I-ORG", "O").
type tagger interface {
	Tag(words []string) []string
}

// loadTagger loads the named-entity tagger, or returns nil when there is none.
func loadTagger() (tagger, error) {
	t, err := ner.Load()
	if err != nil {
		return nil, err
	}
	return nerTagger{t}, nil
}

type nerTagger struct{ t *ner.Tagger }

func (n nerTagger) Tag(words []string) []string {
	ls := n.t.Tag(words)
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}
