package text

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzClean checks that Clean never panics, returns valid UTF-8 without
// carriage returns, and that its body segments with sound offsets.
func FuzzClean(f *testing.F) {
	f.Add([]byte(article), "a.txt")
	f.Add([]byte(page), "a.html")
	f.Add([]byte("Bogot\xe1 \x93quoted\x94"), "b.txt")
	f.Add([]byte("\xEF\xBB\xBFline\r\n\r\nline two."), "c")
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		a, err := Clean(raw, name)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrNoText) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in %q / %q", a.Title, a.Body)
		}
		if strings.Contains(a.Body, "\r") {
			t.Fatalf("carriage return in body %q", a.Body)
		}
		if strings.TrimSpace(a.Body) == "" {
			t.Fatal("empty body without error")
		}
		checkOffsets(t, a.Body, Segment(a.Body))
	})
}

// FuzzSegment checks Segment's offset invariants on any string.
func FuzzSegment(f *testing.F) {
	f.Add("Mr. Smith went to the U.S. on Jan. 5. He left… \"Why?\" he asked.\n\nHeadline")
	f.Add("O'Brien’s al-Islam 3.5 1,000 ... -- — 's ’s")
	f.Add("a.b.c. J. R. Smith U.N.\n \n\n\n'")
	f.Fuzz(func(t *testing.T, body string) {
		ss := Segment(body)
		checkOffsets(t, body, ss)
		// Tokens cover every non-space character exactly once.
		covered := 0
		for _, s := range ss {
			for _, tok := range s.Tokens {
				covered += len(tok.Text)
			}
		}
		nonSpace := 0
		for _, r := range body {
			if !isSpaceRune(r) {
				nonSpace += utf8.RuneLen(r)
			}
		}
		if !utf8.ValidString(body) {
			return // invalid bytes are counted differently by range
		}
		if covered != nonSpace {
			t.Fatalf("tokens cover %d bytes, want %d non-space bytes", covered, nonSpace)
		}
	})
}
