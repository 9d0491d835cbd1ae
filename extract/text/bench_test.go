package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCleanSegment measures Clean and Segment over the seed article
// and reports words per second of raw input.
func BenchmarkCleanSegment(b *testing.B) {
	path := filepath.Join(corpusDirs[0], "independent-2011-03-31.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("seed article not found (%v); the benchmark reads it from /work/shared", err)
	}
	words := len(strings.Fields(string(raw)))
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		a, err := Clean(raw, "seed.txt")
		if err != nil {
			b.Fatal(err)
		}
		Segment(a.Body)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkSegment measures Segment alone over a cleaned body.
func BenchmarkSegment(b *testing.B) {
	a, err := Clean([]byte(article), "story.txt")
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat(a.Body+"\n\n", 20)
	words := len(strings.Fields(body))
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Segment(body)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkCleanHTML measures Clean over a small HTML page.
func BenchmarkCleanHTML(b *testing.B) {
	raw := []byte(page)
	words := len(strings.Fields(page))
	for b.Loop() {
		if _, err := Clean(raw, "page.html"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
