package text

import (
	"unicode"
	"unicode/utf8"
)

// tokenize appends the tokens of body[start:end] to toks. Words keep
// internal hyphens and apostrophes (al-Islam, O'Brien, don't); a possessive
// 's is its own token; numbers keep their commas and decimal points;
// dotted acronyms (U.S., e.g.), initials (J.) and known abbreviations
// (Mr., Jan.) keep their full stop; every other mark is a token of its own,
// except that runs of full stops (an ellipsis) and of dashes are one token.
func tokenize(body string, start, end int, toks []Token) []Token {
	i := start
	for i < end {
		c := body[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				i++
				continue
			}
		}
		r, n := decodeRune(body, i, end)
		var j int
		switch {
		case isWordRune(r):
			j = scanWord(body, i, end)
		case isSpaceRune(r):
			i += n
			continue
		case isApostrophe(r) && possessiveAt(body, i+n, end):
			j = i + n + 1 // 's
		case r == '.':
			j = i + 1
			for j < end && body[j] == '.' {
				j++
			}
		case r == '-' || r == '\u2013' || r == '\u2014':
			j = i + n
			for j < end {
				r2, n2 := decodeRune(body, j, end)
				if r2 != r {
					break
				}
				j += n2
			}
		case r == '!' || r == '?':
			j = i + 1
			for j < end && (body[j] == '!' || body[j] == '?') {
				j++
			}
		default:
			j = i + n
		}
		toks = append(toks, Token{Start: i, End: j, Text: body[i:j]})
		i = j
	}
	return toks
}

func decodeRune(s string, i, end int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:end])
}

// isSpaceRune reports whether r separates tokens: white space, and the
// invisible zero-width space and byte order mark.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

func isJoiner(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011' || r == '\'' || r == '\u2019' || r == '_' || r == '&'
}

// possessiveAt reports whether body[i:] starts with an s that ends a word
// (the s of 's), i being just past the apostrophe.
func possessiveAt(body string, i, end int) bool {
	if i >= end || body[i] != 's' && body[i] != 'S' {
		return false
	}
	if i+1 == end {
		return true
	}
	r, _ := decodeRune(body, i+1, end)
	return !isWordRune(r)
}

// scanWord returns the end of the word, number or abbreviation starting at i.
func scanWord(body string, i, end int) int {
	if j := scanAcronym(body, i, end); j > 0 {
		return j
	}
	j := i
	for j < end {
		r, n := decodeRune(body, j, end)
		if isWordRune(r) {
			j += n
			continue
		}
		next := j + n
		if next >= end {
			break
		}
		r2, _ := decodeRune(body, next, end)
		if !isWordRune(r2) {
			break
		}
		if (r == ',' || r == '.') && j > i && isDigit(body[j-1]) && isDigit(body[next]) {
			j = next // 181,000 and 3.5
			continue
		}
		if isApostrophe(r) && possessiveAt(body, next, end) {
			break
		}
		if r == '&' && !(j-i == 1 && next+1 < end && !isWordRune(rune(body[next+1]))) {
			break // only single-letter pairs like AT&T, S&P
		}
		if isJoiner(r) {
			j = next
			continue
		}
		break
	}
	// A known abbreviation keeps its full stop.
	if j < end && body[j] == '.' && !(j+1 < end && body[j+1] == '.') {
		w := body[i:j]
		if titleAbbrevs[w] || otherAbbrevs[w] || isInitial(w) {
			return j + 1
		}
	}
	return j
}

// scanAcronym returns the end of a dotted acronym starting at i ("U.S.",
// "e.g.", "D.C."): two or more single letters each followed by a full stop.
// It returns 0 when there is none.
func scanAcronym(body string, i, end int) int {
	j, k := i, 0
	for j+1 < end {
		r, n := decodeRune(body, j, end)
		if !unicode.IsLetter(r) || j+n >= end || body[j+n] != '.' {
			break
		}
		if j+n+1 < end {
			if r2, _ := decodeRune(body, j+n+1, end); isWordRune(r2) && k == 0 && !nextIsSingleLetterDot(body, j+n+1, end) {
				break
			}
		}
		j += n + 1
		k++
		if j < end {
			if r2, _ := decodeRune(body, j, end); !unicode.IsLetter(r2) {
				break
			}
			if !nextIsSingleLetterDot(body, j, end) {
				break
			}
		}
	}
	if k >= 2 {
		return j
	}
	return 0
}

// nextIsSingleLetterDot reports whether body[i:] starts with one letter and a full stop.
func nextIsSingleLetterDot(body string, i, end int) bool {
	r, n := decodeRune(body, i, end)
	return unicode.IsLetter(r) && i+n < end && body[i+n] == '.'
}

// isInitial reports whether w is one capital letter other than "I" (which
// ends sentences as a pronoun): the J of "J. R. Smith".
func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r) && r != 'I'
}

// otherAbbrevs keep their full stop as part of the token but may end a
// sentence (see weakAbbrev).
var otherAbbrevs = setOf(
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
	"Jr", "Sr", "Snr", "Jnr", "Inc", "Ltd", "Co", "Corp", "Plc", "plc", "LLC", "Bhd", "etc", "al", "Ave", "Blvd", "Rd",
	"Dept", "Univ", "Assn", "Est", "est", "Gov't", "Mass", "Calif", "Fla", "Ill", "Wash", "Penn",
	"Conn", "Ariz", "Colo", "Ga", "Ky", "La", "Md", "Mich", "Minn", "Mo", "Nev", "Okla", "Ore",
	"Tenn", "Tex", "Va", "Wis", "Ala", "Ark", "Kan", "Neb", "Del", "Ind", "Miss",
)
