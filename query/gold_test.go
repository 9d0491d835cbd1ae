package query

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// corpusDir is the shared corpus, relative to this package.
const corpusDir = "../../shared/corpus"

type goldFile struct {
	Entities []struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Relations []struct {
		Subject   string `json:"subject"`
		Predicate string `json:"predicate"`
		Object    string `json:"object"`
		Evidence  string `json:"evidence"`
	} `json:"relations"`
}

// goldMemory builds a graph from a gold annotation file: what a perfect
// extractor would store.
func goldMemory(t *testing.T, path string) *graph.Memory {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gf goldFile
	if err := json.Unmarshal(data, &gf); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	m := graph.NewMemory()
	for _, e := range gf.Entities {
		m.PutEntity(graph.Entity{ID: graph.ID(e.ID), Name: e.Name, Type: graph.Type(e.Type), Aliases: e.Aliases})
	}
	for i, r := range gf.Relations {
		m.PutRelation(graph.Relation{
			Subject: graph.ID(r.Subject), Predicate: graph.Predicate(r.Predicate), Object: graph.ID(r.Object),
			Evidence: []graph.Evidence{{Doc: "gold", Sentence: r.Evidence, Start: i, End: i + 1}},
		})
	}
	return m
}

// heldoutQuestions are the questions of the articles the team wrote for
// extract's held-out tests (in this repository, so always present).
const heldoutQuestions = "../extract/testdata/heldout/questions.json"

// goldQuestion is one entry of a questions.json file, as score.py reads it.
type goldQuestion struct {
	Doc     string   `json:"doc"`
	Q       string   `json:"q"`
	Answers []string `json:"answers"`
}

func readQuestions(t *testing.T, path string) []goldQuestion {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var qs []goldQuestion
	if err := json.Unmarshal(data, &qs); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return qs
}

// askGold asks q against the graph of the gold annotation at path gold
// (built once per file, kept in graphs) and wants exactly its answers.
func askGold(t *testing.T, graphs map[string]*graph.Memory, gold string, q goldQuestion) {
	t.Helper()
	m, ok := graphs[gold]
	if !ok {
		m = goldMemory(t, gold)
		graphs[gold] = m
	}
	res, err := Ask(m, q.Q)
	if err != nil {
		t.Fatalf("Ask(%q): %v", q.Q, firstLine(err))
	}
	checkAnswers(t, q.Q, res, q.Answers)
}

// checkAnswers wants exactly the answers want (entity ids, any order) to
// question q.
func checkAnswers(t *testing.T, q string, res Result, want []string) {
	t.Helper()
	got := answerIDs(res)
	sort.Strings(got)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("Ask(%q) = %v, want %v\n  read as: %s", q, got, want, res.Interpretation)
	}
}

// TestGoldQuestions asks every question of the shared corpus and of the
// held-out articles against a graph built from its article's gold
// annotation and wants exactly the gold answers: it tests the question
// grammar apart from extraction.
func TestGoldQuestions(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "questions.json"))
	if len(files) == 0 {
		t.Logf("no questions under %s (the shared corpus is not checked out beside the repository)", corpusDir)
	}
	files = append(files, heldoutQuestions)
	for _, qf := range files {
		qs := readQuestions(t, qf)
		graphs := map[string]*graph.Memory{}
		for _, q := range qs {
			t.Run(filepath.Base(filepath.Dir(qf))+"/"+q.Q, func(t *testing.T) {
				gold := filepath.Join(filepath.Dir(qf), q.Doc[:len(q.Doc)-len(filepath.Ext(q.Doc))]+".gold.json")
				if _, err := os.Stat(gold); err != nil {
					t.Skipf("no gold file %s", gold)
				}
				askGold(t, graphs, gold, q)
			})
		}
	}
}

// paraphrases are the corpus and held-out questions asked other ways, with
// the same gold answers (testdata/paraphrases.json: documents named, never copied).
const paraphrases = "testdata/paraphrases.json"

// TestGoldParaphrases asks each paraphrase against its article's gold
// graph, found beside the shared corpus or the held-out articles (skipped
// when absent), and wants exactly the gold answers.
func TestGoldParaphrases(t *testing.T) {
	qs := readQuestions(t, paraphrases)
	dirs := []string{filepath.Join(corpusDir, "seed"), filepath.Join(corpusDir, "dev"), filepath.Dir(heldoutQuestions)}
	graphs := map[string]*graph.Memory{}
	right := 0
	for _, q := range qs {
		ok := t.Run(q.Q, func(t *testing.T) {
			var gold string
			for _, d := range dirs {
				p := filepath.Join(d, strings.TrimSuffix(q.Doc, filepath.Ext(q.Doc))+".gold.json")
				if _, err := os.Stat(p); err == nil {
					gold = p
					break
				}
			}
			if gold == "" {
				t.Skipf("no gold file for %s (the shared corpus is not checked out beside the repository)", q.Doc)
			}
			askGold(t, graphs, gold, q)
		})
		if ok {
			right++
		}
	}
	t.Logf("paraphrases answered exactly on gold graphs: %d of %d", right, len(qs))
}
