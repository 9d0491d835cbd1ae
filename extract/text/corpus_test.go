package text

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var showBody = flag.Bool("show", false, "print the cleaned body of each corpus article")

// corpusDirs are the shared gold corpora, relative to this package.
var corpusDirs = []string{"../../../shared/corpus/seed", "../../../shared/corpus/dev"}

type goldDoc struct {
	path      string
	raw       []byte
	endsAt    string // body_ends_before, or ""
	evidences []string
}

// loadCorpus reads every article with a gold file, skipping the test when
// the shared corpus is absent.
func loadCorpus(t testing.TB) []goldDoc {
	t.Helper()
	var docs []goldDoc
	for _, dir := range corpusDirs {
		golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		for _, g := range golds {
			var gold struct {
				Doc       string  `json:"doc"`
				EndsAt    *string `json:"body_ends_before"`
				Relations []struct {
					Evidence string `json:"evidence"`
				} `json:"relations"`
			}
			data, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &gold); err != nil {
				t.Fatalf("%s: %v", g, err)
			}
			path := filepath.Join(dir, gold.Doc)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d := goldDoc{path: path, raw: raw}
			if gold.EndsAt != nil {
				d.endsAt = *gold.EndsAt
			}
			for _, r := range gold.Relations {
				d.evidences = append(d.evidences, r.Evidence)
			}
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		t.Skip("shared corpus not found at ../../../shared/corpus (the test reads the gold articles from /work/shared)")
	}
	return docs
}

// splitAtEnd returns the article's lines (white space collapsed) before
// and from the line that starts with endsAt.
func splitAtEnd(t testing.TB, raw, endsAt string) (before, after []string) {
	t.Helper()
	lines := strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n")
	cut := len(lines)
	if endsAt != "" {
		cut = -1
		for i, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), endsAt) {
				cut = i
				break
			}
		}
		if cut < 0 {
			t.Fatalf("body_ends_before %q not found", endsAt)
		}
	}
	for i, l := range lines {
		if l = collapseSpace(l); l == "" {
			continue
		}
		if i < cut {
			before = append(before, l)
		} else {
			after = append(after, l)
		}
	}
	return before, after
}

func wordCount(s string) int {
	n := 0
	forEachWord(s, func(string) { n++ })
	return n
}

// proseLine reports whether l is a sentence of article prose: six or more
// words ending in sentence punctuation (or a colon introducing a quote), or
// fifteen words of text cut off mid-sentence.
func proseLine(l string) bool {
	n := wordCount(l)
	return n >= 6 && (endsWithStop(l) || strings.HasSuffix(l, ":")) || n >= 15 && letters(l)*3 > len(l)*2
}

// TestCleanCorpusBoundaries checks Clean against each gold article's
// "body_ends_before": from the first long prose line down to that line,
// every prose line (and every gold evidence span) must be in the body, and
// nothing from that line on may be.
func TestCleanCorpusBoundaries(t *testing.T) {
	docs := loadCorpus(t)
	pass := 0
	for _, d := range docs {
		ok := t.Run(filepath.Base(d.path), func(t *testing.T) {
			a, err := Clean(d.raw, filepath.Base(d.path))
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			if *showBody {
				t.Logf("title %q date %q notes %v\n%s", a.Title, a.Date, a.Notes, a.Body)
			}
			body := collapseSpace(a.Body)
			before, after := splitAtEnd(t, string(d.raw), d.endsAt)
			started := false
			for _, l := range before {
				if !started && proseLine(l) && wordCount(l) >= 15 {
					started = true
				}
				if started && proseLine(l) && !strings.Contains(body, l) {
					t.Errorf("article line missing from the body: %q", l)
				}
			}
			beforeText := collapseSpace(strings.Join(before, " "))
			for _, ev := range d.evidences {
				ev = collapseSpace(ev)
				if strings.Contains(beforeText, ev) && !strings.Contains(body, ev) {
					t.Errorf("gold evidence missing from the body: %q", ev)
				}
			}
			paras := map[string]bool{}
			for _, p := range strings.Split(a.Body, "\n\n") {
				paras[p] = true
			}
			for _, l := range after {
				if paras[l] || wordCount(l) >= 4 && strings.Contains(body, l) {
					t.Errorf("furniture after the article kept in the body: %q", l)
				}
			}
		})
		if ok {
			pass++
		}
	}
	t.Logf("corpus boundaries: %d of %d articles pass", pass, len(docs))
}

// TestCleanSeedHeadAndTail checks what the brief asks of the seed article:
// its head lines stay as paragraphs of their own and none of the page's
// trailing teasers or job ads survive.
func TestCleanSeedHeadAndTail(t *testing.T) {
	path := filepath.Join(corpusDirs[0], "independent-2011-03-31.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article not found (%v); the test reads it from /work/shared", err)
	}
	a, err := Clean(raw, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(a.Body, "\n\n")
	wantHead := []string{"Libyan conflict:", "Britain in talks with 10 more Gaddafi aides",
		"Inner circle turn their backs on besieged Libyan dictator", "Tripoli"}
	for i, w := range wantHead {
		if i >= len(paras) || paras[i] != w {
			t.Errorf("paragraph %d: got %q, want %q", i, paras[min(i, len(paras)-1)], w)
		}
	}
	for _, junk := range []string{"Amir Khan", "Russell Brand", "per annum", "Recruitment", "Start your day", "Independent Digital Edition"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("trailing furniture %q survived", junk)
		}
	}
	if a.Title != wantHead[1] {
		t.Errorf("Title: got %q, want %q", a.Title, wantHead[1])
	}
}
