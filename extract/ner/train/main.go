// Command train fits the named-entity tagger of package ner on CoNLL-2003
// and writes its weights:
//
//	go run ./extract/ner/train -train eng.train -dev eng.testa -out extract/ner/model.bin
//
// Each epoch is scored on the development file; the best epoch's pruned,
// quantized model is written, followed by its per-type scores.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/kgraph/kg/extract/ner"
)

func main() {
	var (
		trainPath = flag.String("train", "/work/shared/datasets/conll2003/eng.train", "CoNLL-2003 training file")
		devPath   = flag.String("dev", "/work/shared/datasets/conll2003/eng.testa", "CoNLL-2003 development file")
		out       = flag.String("out", "extract/ner/model.bin", "where to write the model")
		epochs    = flag.Int("epochs", 15, "most training epochs; the best on -dev is kept")
		prune     = flag.Float64("prune", 0.5, "drop averaged weights smaller than this")
		seed      = flag.Uint64("seed", 1, "shuffling seed")
	)
	flag.Parse()
	if err := run(*trainPath, *devPath, *out, *epochs, *prune, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(trainPath, devPath, out string, epochs int, prune float64, seed uint64) error {
	train, err := readCoNLL(trainPath)
	if err != nil {
		return err
	}
	dev, err := readCoNLL(devPath)
	if err != nil {
		return err
	}
	t, err := ner.Train(train, dev, ner.TrainOptions{Epochs: epochs, Prune: prune, Seed: seed, Log: os.Stderr})
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
	// Score what was written, not what is in memory.
	back, err := ner.ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes); %s:\n%s", out, buf.Len(), devPath, ner.Evaluate(dev, back.Tag))
	return nil
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
