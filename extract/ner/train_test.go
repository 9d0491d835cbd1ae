package ner

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// tiny is a training set in our own words, small enough to learn by heart.
var tiny = []string{
	"Greta Lind flew to Oslo on Monday .",
	"The Nordic Council met in Oslo .",
	"Lars Berg said the Danish plan would fail .",
	"Greta Lind and Lars Berg work for the Nordic Council .",
	"it rained in Bergen .",
}

func tinySentences() []Sentence {
	gold := map[string]Label{
		"Greta": BPer, "Lind": IPer, "Lars": BPer, "Berg": IPer,
		"Oslo": BLoc, "Bergen": BLoc, "Danish": BMisc,
	}
	var out []Sentence
	for _, line := range tiny {
		s := Sentence{Words: strings.Fields(line)}
		for _, w := range s.Words {
			l, ok := gold[w]
			switch {
			case w == "Nordic":
				l = BOrg
			case w == "Council":
				l = IOrg
			case !ok:
				l = O
			}
			s.Labels = append(s.Labels, l)
		}
		out = append(out, s)
	}
	return out
}

func TestTrainTiny(t *testing.T) {
	sents := tinySentences()
	var log bytes.Buffer
	tagger, err := Train(sents, sents, TrainOptions{Epochs: 5, Seed: 1, TitleCase: 2, Members: 2, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "best epoch") {
		t.Errorf("training log lacks the best epoch:\n%s", log.String())
	}
	var buf bytes.Buffer
	if err := tagger.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		if got := back.Tag(s.Words); !reflect.DeepEqual(got, s.Labels) {
			t.Errorf("Tag(%q) = %q, want the trained %q", s.Words, got, s.Labels)
		}
	}

	again, err := Train(sents, sents, TrainOptions{Epochs: 5, Seed: 1, TitleCase: 2, Members: 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf2, buf3 bytes.Buffer
	if err := tagger.WriteModel(&buf2); err != nil {
		t.Fatal(err)
	}
	if err := again.WriteModel(&buf3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf2.Bytes(), buf3.Bytes()) {
		t.Error("training twice with the same options gave different models")
	}
}

func TestTrainErrors(t *testing.T) {
	sents := tinySentences()
	if _, err := Train(nil, sents, TrainOptions{Epochs: 1}); !errors.Is(err, ErrNoData) {
		t.Errorf("Train without training data: got %v, want ErrNoData", err)
	}
	if _, err := Train(sents, sents, TrainOptions{}); err == nil {
		t.Error("Train with zero epochs succeeded")
	}
	loaded := mustLoad(t)
	if err := loaded.WriteModel(new(bytes.Buffer)); err == nil {
		t.Error("WriteModel of a loaded tagger succeeded")
	}
}
