package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/ner"
)

func TestReadCoNLL04(t *testing.T) {
	got, err := readCoNLL04("testdata/tiny_conll04.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []ner.Sentence{
		{
			Words:  strings.Fields("Greta Lind works for the Nordic Council in Oslo ."),
			Labels: []ner.Label{ner.BPer, ner.IPer, ner.O, ner.O, ner.O, ner.BOrg, ner.IOrg, ner.O, ner.BLoc, ner.O},
		},
		{Words: strings.Fields("It rained ."), Labels: []ner.Label{ner.O, ner.O, ner.O}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("readCoNLL04 = %+v, want %+v", got, want)
	}
}

func TestTitleCase(t *testing.T) {
	got := strings.Join(titleCase(strings.Fields("the talks in geneva ended with a deal on ’s iPhone")), " ")
	want := "The Talks in Geneva Ended with a Deal on ’s IPhone"
	if got != want {
		t.Errorf("titleCase = %q, want %q", got, want)
	}
}
