package ner_test

import (
	"fmt"
	"strings"

	"github.com/kgraph/kg/extract/ner"
)

func Example() {
	tagger, err := ner.Load()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("Moussa Koussa flew to London on Wednesday .")
	for i, l := range tagger.Tag(words) {
		fmt.Println(words[i], l)
	}
	// Output:
	// Moussa B-PER
	// Koussa I-PER
	// flew O
	// to O
	// London B-LOC
	// on O
	// Wednesday O
	// . O
}
