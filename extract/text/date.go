package text

import (
	"fmt"
	"strconv"
	"strings"
)

// maxDateLines bounds how far above the body Clean looks for a dateline.
const maxDateLines = 40

// topDate returns the publication date of a plain-text article: the last
// date written above the body that starts at lines[first] (the one nearest
// the headline), else the first date in the opening lines, else "".
func topDate(lines []string, first int) string {
	for i := first - 1; i >= 0 && first-i <= maxDateLines; i-- {
		if d := findDate(lines[i]); d != "" {
			return d
		}
	}
	for i := first; i < len(lines) && i < first+3; i++ {
		if d := findDate(lines[i]); d != "" {
			return d
		}
	}
	return ""
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// findDate returns the first calendar date written in s as yyyy-mm-dd, or
// "". It reads ISO dates (2011-03-31, also inside timestamps), day-first
// and month-first numeric dates (29/07/2011), and dates with month names
// ("Jun. 24, 2013", "16 September 2015", "Friday, 21 July, 2017").
func findDate(s string) string {
	if len(s) > 400 {
		s = s[:400]
	}
	// Tokens: runs of letters or digits, remembering the separator after each.
	type tok struct {
		w   string
		sep string
	}
	var toks []tok
	for i := 0; i < len(s); {
		// Runs of digits and of letters are separate tokens: "Published16", "31T10".
		j := i
		for j < len(s) && isAlnumByte(s[j]) && isDigit(s[j]) == isDigit(s[i]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		k := j
		for k < len(s) && !isAlnumByte(s[k]) && k-j < 3 {
			k++
		}
		toks = append(toks, tok{s[i:j], s[j:k]})
		i = k
	}
	for i, t := range toks {
		// Numeric: yyyy-mm-dd, dd/mm/yyyy, mm/dd/yyyy.
		if i+2 < len(toks) && allDigits(t.w) && allDigits(toks[i+1].w) && allDigits(toks[i+2].w) {
			a, b, c := t.w, toks[i+1].w, toks[i+2].w
			sep := strings.TrimSpace(t.sep)
			if sep != "-" && sep != "/" && sep != "." || sep != strings.TrimSpace(toks[i+1].sep) {
				continue
			}
			if len(a) == 4 {
				if d := isoDate(atoi(a), atoi(b), atoi(c)); d != "" {
					return d
				}
			}
			if len(c) == 4 {
				day, mon := atoi(a), atoi(b)
				if mon > 12 && day <= 12 {
					day, mon = mon, day // month first
				}
				if d := isoDate(atoi(c), mon, day); d != "" {
					return d
				}
			}
			continue
		}
		m, ok := months[strings.ToLower(t.w)]
		if !ok || t.w == "may" || t.w == "mar" {
			continue
		}
		// Month Day, Year
		if i+2 < len(toks) && allDigits(toks[i+1].w) && len(toks[i+2].w) == 4 && allDigits(toks[i+2].w) {
			if d := isoDate(atoi(toks[i+2].w), m, atoi(toks[i+1].w)); d != "" {
				return d
			}
		}
		// Day Month Year
		if i >= 1 && i+1 < len(toks) && allDigits(toks[i-1].w) && len(toks[i+1].w) == 4 && allDigits(toks[i+1].w) {
			if d := isoDate(atoi(toks[i+1].w), m, atoi(toks[i-1].w)); d != "" {
				return d
			}
		}
	}
	return ""
}

func isoDate(y, m, d int) string {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnumByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
