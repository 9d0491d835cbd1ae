package ner

import (
	"os"
	"strings"
	"testing"
)

// benchSentences is CoNLL-2003 eng.testa when present, else a few sentences
// of our own.
func benchSentences(b *testing.B) ([][]string, int) {
	var out [][]string
	if f, err := os.Open(testaPath); err == nil {
		defer f.Close()
		sents, err := ReadCoNLL(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range sents {
			out = append(out, s.Words)
		}
	} else {
		for _, s := range []string{
			"Moussa Koussa flew to London on Wednesday .",
			"The European Commission said on Thursday it disagreed with German advice to consumers .",
			"Kim Jong-nam died at Kuala Lumpur airport , Malaysian police said .",
		} {
			out = append(out, strings.Fields(s))
		}
	}
	words := 0
	for _, s := range out {
		words += len(s)
	}
	return out, words
}

func BenchmarkTag(b *testing.B) {
	tagger := mustLoad(b)
	sents, words := benchSentences(b)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			tagger.Tag(s)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkTagScores(b *testing.B) {
	tagger := mustLoad(b)
	sents, words := benchSentences(b)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			tagger.TagScores(s)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoad measures decoding the embedded weights, which Load does once.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		d, err := parseModel(embedded)
		if err != nil {
			b.Fatal(err)
		}
		newTagger(d.index())
	}
}
