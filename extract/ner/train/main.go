// Command train fits the named-entity tagger of package ner on CoNLL-2003
// and CoNLL04's training split and writes its weights:
//
//	go run ./extract/ner/train -train eng.train -extra conll04_train.json -dev eng.testa -out extract/ner/model.bin
//
// Each epoch is scored on the development file; the best epoch's pruned,
// quantized model is written, followed by its per-type scores there and on
// CoNLL04's development split (-ood).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/ner"
)

func main() {
	var (
		trainPath = flag.String("train", "/work/shared/datasets/conll2003/eng.train", "CoNLL-2003 training file")
		devPath   = flag.String("dev", "/work/shared/datasets/conll2003/eng.testa", "CoNLL-2003 development file")
		out       = flag.String("out", "extract/ner/model.bin", "where to write the model")
		epochs    = flag.Int("epochs", 15, "most training epochs; the best on -dev is kept")
		prune     = flag.Float64("prune", 0.5, "drop averaged weights smaller than this")
		titleCase = flag.Int("titlecase", 6, "add a title-cased copy of every n-th training sentence (0: none)")
		members   = flag.Int("members", 5, "perceptrons trained on differently shuffled data and averaged")
		seed      = flag.Uint64("seed", 1, "shuffling seed")
		extra     = flag.String("extra", "/work/shared/datasets/conll04/conll04_train.json", "CoNLL04 JSON files to train on as well, comma-separated (empty: none)")
		copies    = flag.Int("copies", 1, "how many times each -extra sentence is added to the training data")
		ood       = flag.String("ood", "/work/shared/datasets/conll04/conll04_dev.json", "CoNLL04 JSON files to report scores on (never trained on), comma-separated")
		eval      = flag.String("eval", "", "only score this model file on -dev and -ood")
		dict      = flag.String("dict", "/usr/share/dict/words", "English word list (Debian package wamerican); empty for none")
	)
	flag.Parse()
	var oodFiles []string
	if *ood != "" {
		oodFiles = strings.Split(*ood, ",")
	}
	if *eval != "" {
		if err := evaluate(*eval, *devPath, oodFiles); err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		return
	}
	opts := ner.TrainOptions{Epochs: *epochs, Prune: *prune, TitleCase: *titleCase, Members: *members, Seed: *seed, Log: os.Stderr}
	if *dict != "" {
		b, err := os.ReadFile(*dict)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train: read dictionary:", err)
			os.Exit(1)
		}
		opts.Dictionary = strings.Split(string(b), "\n")
	}
	var extraFiles []string
	if *extra != "" {
		extraFiles = strings.Split(*extra, ",")
	}
	err := run(*trainPath, extraFiles, *copies, *devPath, *out, opts)
	if err == nil {
		err = evaluate(*out, *devPath, oodFiles)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(trainPath string, extra []string, copies int, devPath, out string, opts ner.TrainOptions) error {
	train, err := readCoNLL(trainPath)
	if err != nil {
		return err
	}
	for _, p := range extra {
		s, err := readCoNLL04Train(p)
		if err != nil {
			return err
		}
		for range copies {
			train = append(train, s...)
		}
		fmt.Fprintf(os.Stderr, "train: %d sentences of %s, %d times\n", len(s), p, copies)
	}
	dev, err := readCoNLL(devPath)
	if err != nil {
		return err
	}
	t, err := ner.Train(train, dev, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.WriteModel(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", out, buf.Len())
	return nil
}

// evaluate scores the model file at path on the CoNLL-2003 file dev and on
// the CoNLL04 files ood, reading the file back so that what was written is
// what gets scored.
func evaluate(path, dev string, ood []string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open model: %w", err)
	}
	defer f.Close()
	t, err := ner.ReadModel(f)
	if err != nil {
		return err
	}
	sents, err := readCoNLL(dev)
	if err != nil {
		return err
	}
	fmt.Printf("%s:\n%s", dev, ner.Evaluate(sents, t.Tag))
	titled := make([]ner.Sentence, 0, len(sents))
	for _, s := range sents {
		titled = append(titled, ner.Sentence{Words: titleCase(s.Words), Labels: s.Labels})
	}
	fmt.Printf("%s in title case (a robustness check):\n%s", dev, ner.Evaluate(titled, t.Tag))
	var all []ner.Sentence
	for _, p := range ood {
		s, err := readCoNLL04(p)
		if err != nil {
			return err
		}
		all = append(all, s...)
	}
	if len(all) > 0 {
		rep := ner.Evaluate(all, t.Tag)
		var c ner.Counts
		for _, typ := range []string{"PER", "ORG", "LOC"} {
			x := rep.ByType[typ]
			c.Gold, c.Predicted, c.Correct = c.Gold+x.Gold, c.Predicted+x.Predicted, c.Correct+x.Correct
		}
		fmt.Printf("CoNLL04 (%d sentences; MISC is not comparable):\n%sPER+ORG+LOC F1 %.2f\n",
			len(all), rep, 100*c.F1())
	}
	return nil
}

// titleCase capitalizes every word but a few short function words, as a
// headline would be written.
func titleCase(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w
		switch w {
		case "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with":
			if i > 0 {
				continue
			}
		}
		if r, n := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			out[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return out
}

func readCoNLL(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
