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

func TestReadCoNLL04Train(t *testing.T) {
	got, err := readCoNLL04Train("testdata/tiny_conll04_train.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []ner.Sentence{
		{
			// The title leaves the name, nationalities become MISC, a date
			// is no entity.
			Words: strings.Fields("Mayor Greta Lind met Soviet and North Korean envoys in Oslo on June 5 ."),
			Labels: []ner.Label{ner.O, ner.BPer, ner.IPer, ner.O, ner.BMisc, ner.O, ner.BMisc, ner.IMisc, ner.O, ner.O,
				ner.BLoc, ner.O, ner.O, ner.O, ner.O},
		},
		{
			// A named war is MISC, a quantity is no entity.
			Words:  strings.Fields("She studied the Crimean War for 20 years ."),
			Labels: []ner.Label{ner.O, ner.O, ner.O, ner.BMisc, ner.IMisc, ner.O, ner.O, ner.O, ner.O},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("readCoNLL04Train =\n%v\nwant\n%v", got, want)
	}
}

func TestTitleCase(t *testing.T) {
	got := strings.Join(titleCase(strings.Fields("the talks in geneva ended with a deal on ’s iPhone")), " ")
	want := "The Talks in Geneva Ended with a Deal on ’s IPhone"
	if got != want {
		t.Errorf("titleCase = %q, want %q", got, want)
	}
}
