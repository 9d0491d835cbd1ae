package graph

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldTable maps accented Latin letters to their base letters; the standard
// library has no Unicode decomposition, and these cover the names in news.
var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c",
	'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ģ': "g", 'ĝ': "g",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ľ': "l", 'ļ': "l",
	'ñ': "n", 'ń': "n", 'ň': "n", 'ņ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ř': "r", 'ŕ': "r",
	'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y",
	'ź': "z", 'ž': "z", 'ż': "z",
	'æ': "ae", 'œ': "oe", 'þ': "th",
}

// NameKey normalizes a surface form for lookup: case and accents folded,
// curly apostrophes straightened, a possessive "'s" and a leading "the"
// dropped, and every run of other characters turned into one space.
// "The Gaddafi Regime's" and "gaddafi regime" have the same key.
func NameKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	s = strings.ReplaceAll(s, "\u2019", "'")
	s = strings.ReplaceAll(s, "'s ", " ")
	if strings.HasSuffix(s, "'s") {
		s = s[:len(s)-2]
	}
	space := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII, most of every name: no table to look in.
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteByte(byte(r))
			case r != '\'': // O'Brien, Al-Qa'ida
				space = true
			}
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			space = false
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' {
			continue
		}
		space = true
	}
	out := b.String()
	out = strings.TrimPrefix(out, "the ")
	return out
}

// Slug turns a name into an id: "Moussa Koussa" -> "moussa-koussa".
func Slug(name string) ID {
	k := strings.ReplaceAll(NameKey(name), " ", "-")
	if k == "" {
		k = "entity"
	}
	return ID(k)
}

// arabicArticles are the particles that transliterations attach or drop at will.
var arabicArticles = map[string]bool{"al": true, "el": true, "ul": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true, "bin": false}

// PhoneticKey is a transliteration-tolerant key for a name: Gaddafi,
// Gadhafi, Qaddafi, Kadhafi, Gadafy and Al Qathafi share one, as do Moussa
// Koussa and Musa Kusa, or Shokri and Shukri Ghanem, while Moussa Ibrahim
// keeps a key of its own. It folds the letters that romanizations of Arabic
// and Russian swap (q/k/g/c, dh/th/d, kh/h, ou/u, y/i, ...), drops vowels
// after the first letter and doubled consonants, and leaves out the article
// "al"/"el". Words are kept in order, separated by spaces.
func PhoneticKey(name string) string {
	words := strings.Fields(NameKey(strings.ReplaceAll(name, "-", " ")))
	var out []string
	for _, w := range words {
		if arabicArticles[w] {
			continue
		}
		if k := phoneticWord(w); k != "" {
			out = append(out, k)
		}
	}
	return strings.Join(out, " ")
}

var digraphs = []struct{ from, to string }{
	{"sch", "s"}, {"tch", "c"}, {"dzh", "j"}, {"zh", "j"}, {"kh", "k"}, {"gh", "k"}, {"dh", "d"}, {"th", "d"},
	{"sh", "s"}, {"ch", "c"}, {"ph", "f"}, {"ck", "k"}, {"ts", "c"}, {"tz", "c"}, {"ks", "x"},
}

func phoneticWord(w string) string {
	for _, d := range digraphs {
		w = strings.ReplaceAll(w, d.from, d.to)
	}
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'q', 'g', 'c':
			c = 'k'
		case 'z':
			c = 's'
		case 'v':
			c = 'f' // Ivanov / Ivanoff
		case 'w':
			c = 'u' // Wahid / Uahid: read as a vowel
		}
		vowel := strings.IndexByte("aeiouy", c) >= 0
		if vowel {
			if i == 0 {
				b = append(b, 'a') // Omar/Umar, Abdel/Abdul: any initial vowel
			}
			continue
		}
		if c == 'h' { // Mohammed/Mohamed/Muhammad; a lone h is mostly a vowel length mark
			continue
		}
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// Surname returns the last word of a person's name in lookup form, or "".
func Surname(name string) string {
	words := strings.Fields(NameKey(name))
	if len(words) < 2 {
		return ""
	}
	return words[len(words)-1]
}

// Index-key prefixes: an exact alias, a phonetic key, a surname, the
// phonetic key of a person's first and last names alone, and the phonetic
// key with its spaces taken out, so that names split differently meet
// ("Abdel Fatah Younis" and "Abdulfatah Younis").
const (
	keyExact     = "n:"
	keyPhonetic  = "p:"
	keySurname   = "s:"
	keyFirstLast = "f:"
	keyCompact   = "c:"
)

// FirstLastKey is the phonetic key of a person's first and last names with
// any middle names left out, so that "Ali Abdussalam Treki" and "Ali
// Treiki" meet. It is "" for a name of fewer than two words.
func FirstLastKey(name string) string {
	words := strings.Fields(PhoneticKey(name))
	if len(words) < 2 {
		return ""
	}
	return words[0] + " " + words[len(words)-1]
}

// IndexKeys returns the lookup keys under which a store indexes e: each of
// its names and aliases exactly and phonetically, and a person's surname.
// Keys are sorted and unique.
func IndexKeys(e Entity) []string {
	keys := make([]string, 0, 6*(1+len(e.Aliases)))
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		f := formsOf(n)
		if f.key != "" {
			keys = append(keys, keyExact+f.key)
		}
		if f.phon != "" {
			keys = append(keys, keyPhonetic+f.phon, keyCompact+strings.ReplaceAll(f.phon, " ", ""))
		}
		if e.Type == Person {
			if s := f.surname(); s != "" {
				keys = append(keys, keySurname+s)
			}
			if fl := f.firstLast(); fl != "" {
				keys = append(keys, keyFirstLast+fl)
			}
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// nameForms are a name's lookup key and phonetic key, worked out once for
// the keys derived from them.
type nameForms struct{ key, phon string }

func formsOf(name string) nameForms {
	return nameForms{key: NameKey(name), phon: PhoneticKey(name)}
}

// surname is Surname of the name.
func (f nameForms) surname() string {
	i := strings.LastIndexByte(f.key, ' ')
	if i < 0 {
		return ""
	}
	return f.key[i+1:]
}

// firstLast is FirstLastKey of the name.
func (f nameForms) firstLast() string {
	i, j := strings.IndexByte(f.phon, ' '), strings.LastIndexByte(f.phon, ' ')
	if i < 0 {
		return ""
	}
	return f.phon[:i] + f.phon[j:]
}

// LookupKeys returns the keys to try, in order of trust, when a person asks
// for name: the exact form, the name as a surname, its phonetic forms, then
// a person's first and last names.
// Use the first tier that finds anything.
func LookupKeys(name string) []string {
	var keys []string
	if k := NameKey(name); k != "" {
		keys = append(keys, keyExact+k)
		// The name given may be a surname on its own, or a surname spelled another way.
		if !strings.Contains(k, " ") {
			keys = append(keys, keySurname+k)
		}
	}
	if p := PhoneticKey(name); p != "" {
		keys = append(keys, keyPhonetic+p, keyCompact+strings.ReplaceAll(p, " ", ""))
		if f := FirstLastKey(name); f != "" {
			keys = append(keys, keyFirstLast+f)
		}
	}
	return keys
}
