package ner

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Features are hashed, never built as strings: each feature is the 64-bit
// FNV-1a hash of a template byte and the bytes of its parts, separated by
// 0xff (which never occurs in UTF-8). Training and tagging share this code,
// so a model only means anything together with the template list below:
// changing a template requires retraining.

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
	sep       byte   = 0xff
)

func hashByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

func seed(template byte) uint64 { return hashByte(fnvOffset, template) }

// Feature templates. The numbers are part of the model format.
const (
	tBias byte = iota + 1
	tLower
	tWord
	tShape
	tShort
	tPrefix
	tSuffix
	tFlag
	tLength
	tFirst
	tUsuallyLower
	tCapsSent
	tLowerM2
	tLowerM1
	tLowerP1
	tLowerP2
	tShortM2
	tShortM1
	tShortP1
	tShortP2
	tBigramM1
	tBigramP1
	tShortTri
	tShortM1Bi
	tShortP1Bi
	tLowerM1Short
	tShortLowerP1
	tSuffixM1
	tSuffixP1
	tUsuallyLowerM1
	tUsuallyLowerP1
	tCapsSentLower
	tDict
	tDictShort
	tDictM1
	tDictP1
	tHyphenHead
	tHyphenTail
)

// Word flags.
const (
	fInitCap uint16 = 1 << iota
	fAllCaps
	fHyphen
	fDigit
	fPeriod
	fAllDigits
	fNoAlnum
	fMixedCase
	fApostrophe
	fAmpersand
	numFlags = 10
)

// token is one word prepared for feature extraction; its byte slices point
// into the scratch arena.
type token struct {
	word    []byte // normalized word, case kept
	lower   []byte // lowercased, digits mapped to '0'
	shape   []byte // X/x/d shape, runs capped at 4
	short   []byte // X/x/d shape, runs collapsed
	flags   uint16
	runes   int
	letters int
	// usuallyLower is set when the lexicon says the lowercased form occurs
	// mostly in lowercase: a capitalized "The" or "RUGBY" is not a name.
	usuallyLower bool
	dict         byte // lexicon.dictClass
}

var (
	padBefore = token{word: []byte{1}, lower: []byte{1}, shape: []byte{1}, short: []byte{1}}
	padAfter  = token{word: []byte{2}, lower: []byte{2}, shape: []byte{2}, short: []byte{2}}
)

// normalize appends s to dst with typographic quotes, apostrophes and dashes
// replaced by their ASCII forms, so that text as it comes from the web looks
// like the newswire the model was trained on.
func normalize(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '`' {
				c = '\''
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u02bc':
			dst = append(dst, '\'')
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			dst = append(dst, '"')
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			dst = append(dst, '-')
		case '\u2026':
			dst = append(dst, "..."...)
		case '\u00a0':
			dst = append(dst, ' ')
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// stripParticle returns the name after an Arabic article or patronymic
// joined by a hyphen (al-Islam, el-Sisi, bin-Laden, Abu-Bakr): the training
// data has few such words, and the name alone looks like the names it has.
func stripParticle(w []byte) []byte {
	k := bytes.IndexByte(w, '-')
	if k < 1 || k > 4 || k+1 >= len(w) || w[k+1] < 'A' || w[k+1] > 'Z' {
		return w
	}
	var head [4]byte
	for i, c := range w[:k] {
		head[i] = c | 0x20 // ASCII lowercase; other bytes fail the switch
	}
	switch string(head[:k]) {
	case "al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "bin", "ibn", "abu", "bint", "ben", "ul":
		return w[k+1:]
	}
	return w
}

// shapeByte classifies one rune for the word shape.
func shapeByte(r rune) byte {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r), unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return '*'
}

// prepare fills tok from word, appending its byte forms to arena, and
// returns the grown arena.
func prepare(tok *token, word string, arena []byte, lex *lexicon) []byte {
	start := len(arena)
	arena = normalize(arena, word)
	w := stripParticle(arena[start:])

	start = len(arena)
	var flags uint16
	letters, uppers, lowers, digits, runes := 0, 0, 0, 0, 0
	for i := 0; i < len(w); {
		r, n := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(w[i:])
		}
		i += n
		runes++
		switch {
		case unicode.IsUpper(r):
			if runes == 1 {
				flags |= fInitCap
			}
			letters++
			uppers++
			arena = utf8.AppendRune(arena, unicode.ToLower(r))
		case unicode.IsLetter(r):
			letters++
			lowers++
			arena = utf8.AppendRune(arena, r)
		case unicode.IsDigit(r):
			digits++
			arena = append(arena, '0')
		default:
			switch r {
			case '-':
				flags |= fHyphen
			case '.':
				flags |= fPeriod
			case '\'':
				flags |= fApostrophe
			case '&':
				flags |= fAmpersand
			}
			arena = utf8.AppendRune(arena, r)
		}
	}
	lower := arena[start:]
	if letters > 0 && uppers == letters {
		flags |= fAllCaps
	}
	if uppers > 0 && lowers > 0 && (flags&fInitCap == 0 || uppers > 1) {
		flags |= fMixedCase
	}
	if digits > 0 {
		flags |= fDigit
		if digits == runes {
			flags |= fAllDigits
		}
	}
	if letters == 0 && digits == 0 {
		flags |= fNoAlnum
	}

	start = len(arena)
	var last byte
	run := 0
	for _, r := range string(w) {
		b := shapeByte(r)
		if b == last {
			run++
		} else {
			last, run = b, 1
		}
		if run <= 4 {
			arena = append(arena, b)
		}
	}
	shape := arena[start:]

	start = len(arena)
	last = 0
	for _, b := range shape {
		if b != last {
			arena = append(arena, b)
			last = b
		}
	}
	short := arena[start:]

	*tok = token{word: w, lower: lower, shape: shape, short: short, flags: flags, runes: runes, letters: letters}
	if letters > 0 && lex != nil {
		tok.usuallyLower = lex.usuallyLower(lower)
		tok.dict = lex.dictClass(lower)
	}
	return arena
}

// Sentence casing modes: headlines in capitals or in title case carry no
// casing evidence, and features conjoined with the mode let the model learn
// to lean on word identity and the dictionary there instead.
const (
	modeNormal byte = iota
	modeCaps
	modeTitle
)

// sentenceMode tells normal sentences from headlines in capitals ("RUSSIA
// SAYS TROOPS WILL LEAVE") and in title case ("Obama Meets Putin As
// Sanctions Bite").
func sentenceMode(toks []token) byte {
	if capsSentence(toks) {
		return modeCaps
	}
	if titleSentence(toks) {
		return modeTitle
	}
	return modeNormal
}

// capsSentence reports whether no word of toks has a lowercase letter while
// some has a capital.
func capsSentence(toks []token) bool {
	caps := false
	for i := range toks {
		f := toks[i].flags
		if f&fAllCaps != 0 {
			caps = true
		} else if f&(fInitCap|fMixedCase) != 0 || (f&fNoAlnum == 0 && f&fAllDigits == 0 && hasLowerLetter(toks[i].word)) {
			return false
		}
	}
	return caps
}

// titleSentence reports whether every word of toks but short function words
// is capitalized, at least three are, and at least two of those are words
// usually written in lowercase: a headline, not a list of names.
func titleSentence(toks []token) bool {
	capitalized, common := 0, 0
	for i := range toks {
		t := &toks[i]
		if t.letters == 0 || (i > 0 && isFunctionWord(t.lower)) {
			continue
		}
		if t.flags&fInitCap == 0 {
			return false
		}
		capitalized++
		if t.usuallyLower || t.dict == 1 {
			common++
		}
	}
	return capitalized >= 3 && common >= 2
}

// isFunctionWord reports whether lower is a short word that title case
// often leaves in lowercase.
func isFunctionWord(lower []byte) bool {
	switch string(lower) {
	case "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by", "as", "with", "from", "into", "over", "up", "off", "out", "vs", "v", "via", "per":
		return true
	}
	return false
}

func hasLowerLetter(b []byte) bool {
	for _, r := range string(b) {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func at(toks []token, i int) *token {
	if i < 0 {
		return &padBefore
	}
	if i >= len(toks) {
		return &padAfter
	}
	return &toks[i]
}

func lengthBucket(runes int) byte {
	switch {
	case runes <= 4:
		return byte(runes)
	case runes <= 6:
		return 5
	case runes <= 9:
		return 6
	}
	return 7
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// features appends the hashed features of word i of toks to out.
func features(toks []token, i int, mode byte, out []uint64) []uint64 {
	t := &toks[i]
	m2, m1, p1, p2 := at(toks, i-2), at(toks, i-1), at(toks, i+1), at(toks, i+2)

	out = append(out,
		seed(tBias),
		hashBytes(seed(tLower), t.lower),
		hashBytes(seed(tWord), t.word),
		hashBytes(seed(tShape), t.shape),
		hashBytes(seed(tShort), t.short),
		hashByte(seed(tLength), lengthBucket(t.runes)),
		hashBytes(hashByte(seed(tUsuallyLower), boolByte(t.usuallyLower)), t.short),
		hashBytes(hashByte(seed(tCapsSent), mode), t.short),
		hashBytes(hashByte(seed(tCapsSentLower), mode), t.lower),
		hashBytes(seed(tLowerM2), m2.lower),
		hashBytes(seed(tLowerM1), m1.lower),
		hashBytes(seed(tLowerP1), p1.lower),
		hashBytes(seed(tLowerP2), p2.lower),
		hashBytes(seed(tShortM2), m2.short),
		hashBytes(seed(tShortM1), m1.short),
		hashBytes(seed(tShortP1), p1.short),
		hashBytes(seed(tShortP2), p2.short),
		hashBytes(hashByte(hashBytes(seed(tBigramM1), m1.lower), sep), t.lower),
		hashBytes(hashByte(hashBytes(seed(tBigramP1), t.lower), sep), p1.lower),
		hashBytes(hashByte(hashBytes(hashByte(hashBytes(seed(tShortTri), m1.short), sep), t.short), sep), p1.short),
		hashBytes(hashByte(hashBytes(seed(tShortM1Bi), m1.short), sep), t.short),
		hashBytes(hashByte(hashBytes(seed(tShortP1Bi), t.short), sep), p1.short),
		hashBytes(hashByte(hashBytes(seed(tLowerM1Short), m1.lower), sep), t.short),
		hashBytes(hashByte(hashBytes(seed(tShortLowerP1), t.short), sep), p1.lower),
		hashBytes(seed(tSuffixM1), suffix(m1.lower, 3)),
		hashBytes(seed(tSuffixP1), suffix(p1.lower, 3)),
		hashBytes(hashByte(seed(tUsuallyLowerM1), boolByte(m1.usuallyLower)), m1.short),
		hashBytes(hashByte(seed(tUsuallyLowerP1), boolByte(p1.usuallyLower)), p1.short),
		hashByte(seed(tDict), t.dict),
		hashBytes(hashByte(seed(tDictShort), t.dict), t.short),
		hashBytes(hashByte(seed(tDictM1), m1.dict), m1.short),
		hashBytes(hashByte(seed(tDictP1), p1.dict), p1.short),
	)
	if i == 0 {
		out = append(out, hashBytes(seed(tFirst), t.short))
	}
	for k := 1; k <= 4 && k <= len(t.lower); k++ {
		out = append(out,
			hashBytes(hashByte(seed(tPrefix), byte(k)), t.lower[:k]),
			hashBytes(hashByte(seed(tSuffix), byte(k)), t.lower[len(t.lower)-k:]))
	}
	if t.flags&fHyphen != 0 {
		// The parts of al-Islam, Jong-nam, Coca-Cola, anti-Israeli.
		if k := bytes.IndexByte(t.lower, '-'); k > 0 {
			out = append(out, hashBytes(seed(tHyphenHead), t.lower[:k]))
		}
		if k := bytes.LastIndexByte(t.lower, '-'); k >= 0 && k+1 < len(t.lower) {
			out = append(out, hashBytes(hashBytes(seed(tHyphenTail), t.lower[k+1:]), t.short))
		}
	}
	for b := 0; b < numFlags; b++ {
		if t.flags&(1<<b) != 0 {
			out = append(out, hashByte(seed(tFlag), byte(b)))
		}
	}
	return out
}

func suffix(b []byte, k int) []byte {
	if len(b) <= k {
		return b
	}
	return b[len(b)-k:]
}
