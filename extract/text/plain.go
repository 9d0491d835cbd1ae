package text

import "strings"

// cleanPlain fills a from plain text.
func cleanPlain(s string, a *Article) {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = collapseSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	cleanLines(lines, a)
}

// cleanLines keeps the article paragraphs among lines.
func cleanLines(lines []string, a *Article) {
	if a.Title == "" && len(lines) > 0 && len(lines[0]) < 200 {
		a.Title = lines[0]
	}
	a.Body = joinParagraphs(lines)
}

// findDate returns the first date in s as yyyy-mm-dd, or "".
func findDate(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return ""
}
