package gazetteer

//go:generate go run ./gen -out data

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"github.com/kgraph/kg/graph"
)

// Kinds of Entry.
const (
	KindCountry = "country"
	KindRegion  = "region" // a subdivision, province, territory or geographic region
	KindCity    = "city"
	KindOrg     = "org"
	KindEvent   = "event"
)

// Entry is a known name.
type Entry struct {
	Name      string     // the name as listed ("UK", "U.S.", "Tripoli")
	Canonical string     // the preferred name of what Name refers to ("United Kingdom"); equal to Name when it is preferred
	Type      graph.Type // graph.Place, graph.Organization or graph.Event
	Kind      string     // KindCountry, KindRegion, KindCity, KindOrg or KindEvent
	Country   string     // the canonical name of the country it lies in or belongs to; "" when none or several
}

//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// item is an Entry with how it may be matched.
type item struct {
	Entry
	acronym bool // all capitals ("US", "WHO"): matches only when written without lower-case letters
}

type tables struct {
	names      map[string][]item // by graph.NameKey, in order of priority
	demonyms   map[string]item
	titles     map[string]bool
	modifiers  map[string]bool
	domains    map[string]bool
	firstNames map[string]bool
	genders    map[string]byte // given name (NameKey) -> 'm' or 'f'
}

// load reads the embedded data once. The data is part of the binary, so a
// malformed file is a programming error and panics (the tests load it).
var load = sync.OnceValue(func() *tables {
	t, err := parse(dataFS)
	if err != nil {
		panic(err)
	}
	return t
})

func parse(fsys fs.FS) (*tables, error) {
	t := &tables{
		names:      map[string][]item{},
		demonyms:   map[string]item{},
		titles:     map[string]bool{},
		modifiers:  map[string]bool{},
		domains:    map[string]bool{},
		firstNames: map[string]bool{},
		genders:    map[string]byte{},
	}
	add := func(e Entry) {
		k := graph.NameKey(e.Name)
		if k == "" {
			return
		}
		if e.Canonical == "" {
			e.Canonical = e.Name
		}
		t.names[k] = append(t.names[k], item{Entry: e, acronym: isAcronym(e.Name)})
	}
	// Files in order of priority: a name listed twice means what the earlier file says.
	err := eachRow(fsys, "data/orgs.tsv", 3, func(f []string) {
		add(Entry{Name: f[0], Canonical: f[1], Type: graph.Organization, Kind: KindOrg, Country: f[2]})
	})
	if err == nil {
		err = eachRow(fsys, "data/events.tsv", 2, func(f []string) {
			add(Entry{Name: f[0], Canonical: f[1], Type: graph.Event, Kind: KindEvent})
		})
	}
	if err == nil {
		err = eachRow(fsys, "data/places.tsv", 4, func(f []string) {
			add(Entry{Name: f[0], Canonical: f[1], Type: graph.Place, Kind: f[2], Country: f[3]})
		})
	}
	if err == nil {
		err = eachRow(fsys, "data/countries.tsv", 3, func(f []string) {
			add(Entry{Name: f[0], Canonical: f[1], Type: graph.Place, Kind: KindCountry, Country: f[1]})
		})
	}
	if err == nil {
		err = eachRow(fsys, "data/subdivisions.tsv", 4, func(f []string) {
			add(Entry{Name: f[0], Type: graph.Place, Kind: KindRegion, Country: f[1]})
		})
	}
	if err == nil {
		err = eachRow(fsys, "data/demonyms.tsv", 2, func(f []string) {
			k := graph.NameKey(f[0])
			if _, dup := t.demonyms[k]; !dup {
				t.demonyms[k] = item{Entry: Entry{Name: f[0], Canonical: f[1]}, acronym: isAcronym(f[0])}
			}
		})
	}
	if err == nil {
		err = eachRow(fsys, "data/titles.txt", 1, func(f []string) {
			line := f[0]
			switch {
			case strings.HasPrefix(line, "@modifier "):
				t.modifiers[graph.NameKey(strings.TrimPrefix(line, "@modifier "))] = true
			case strings.HasPrefix(line, "@domain "):
				t.domains[graph.NameKey(strings.TrimPrefix(line, "@domain "))] = true
			default:
				t.titles[graph.NameKey(line)] = true
			}
		})
	}
	if err == nil {
		err = eachRow(fsys, "data/firstnames.txt", 1, func(f []string) {
			for _, w := range strings.Fields(f[0]) {
				t.firstNames[graph.NameKey(w)] = true
			}
		})
	}
	if err == nil {
		var bad error
		err = eachRow(fsys, "data/givengenders.txt", 1, func(f []string) {
			ws := strings.Fields(f[0])
			g := ws[0][0]
			if len(ws[0]) != 1 || g != 'm' && g != 'f' {
				bad = fmt.Errorf("gazetteer: data/givengenders.txt: line %q does not begin with m or f", f[0])
				return
			}
			for _, w := range ws[1:] {
				k := graph.NameKey(w)
				if old, dup := t.genders[k]; dup && old != g {
					bad = fmt.Errorf("gazetteer: data/givengenders.txt: %q listed as both genders", w)
					return
				}
				t.genders[k] = g
			}
		})
		if err == nil {
			err = bad
		}
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

// eachRow calls fn with the tab-separated fields of each line of a data
// file, skipping blank lines and "#" comments. Lines must have at least
// min fields; missing trailing fields are "".
func eachRow(fsys fs.FS, name string, min int, fn func([]string)) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if min == 1 {
			fields = []string{strings.TrimSpace(line)}
		}
		if len(fields) < min-1 || fields[0] == "" {
			return fmt.Errorf("gazetteer: %s:%d: want %d tab-separated fields, got %q", name, n, min, line)
		}
		for len(fields) < min {
			fields = append(fields, "")
		}
		fn(fields)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	return nil
}

// isAcronym reports whether name is written in capitals only ("US",
// "U.S.", "WHO", "UNICEF"), so that "us" and "who" do not match it.
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0 && letters <= 6
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// Lookup finds a place, organisation or event by name. It compares
// graph.NameKey forms, so case, accents, a leading "the", full stops and a
// possessive "'s" do not matter, except that a name listed in capitals
// ("US", "WHO") matches only a phrase without lower-case letters. When
// a name is listed more than once, organisations come before events,
// hand-written places before ISO countries, and countries before ISO
// subdivisions.
func Lookup(phrase string) (Entry, bool) {
	for _, it := range load().names[graph.NameKey(phrase)] {
		if it.acronym && hasLower(phrase) {
			continue
		}
		return it.Entry, true
	}
	return Entry{}, false
}

// Demonym returns the country (or region) a demonym or nationality word
// names: "Libyan" and "Libyans" -> "Libya", "North Korean" -> "North
// Korea", "Britons" -> "United Kingdom".
func Demonym(word string) (country string, ok bool) {
	t := load()
	k := graph.NameKey(word)
	for _, cand := range []string{k, strings.TrimSuffix(k, "s"), strings.TrimSuffix(k, "es"), replaceSuffix(k, "men", "man"), replaceSuffix(k, "women", "woman")} {
		if cand == "" {
			continue
		}
		if it, found := t.demonyms[cand]; found && !(it.acronym && hasLower(word)) {
			return it.Canonical, true
		}
	}
	return "", false
}

func replaceSuffix(s, old, new string) string {
	if strings.HasSuffix(s, old) {
		return strings.TrimSuffix(s, old) + new
	}
	return ""
}

// IsTitle reports whether words is a role, title or honorific: "Mr",
// "Col." and "Colonel", "spokesman", "chief prosecutor", "Second
// Secretary", "Foreign Minister". Titles compose: any number of modifiers
// and nationalities may come first ("former Deputy Foreign Minister",
// "Libyan Oil Minister"), a domain may precede a head title ("Oil
// minister", "Defence Secretary"), and "of"/"for" may attach a domain
// after it ("Minister of Foreign Affairs").
func IsTitle(words string) bool {
	t := load()
	k := graph.NameKey(words)
	if k == "" {
		return false
	}
	if t.titles[k] {
		return true
	}
	return t.composedTitle(strings.Fields(k))
}

func (t *tables) composedTitle(ws []string) bool {
	// Leading modifiers and nationalities.
	for len(ws) > 1 {
		if t.modifiers[ws[0]] || t.titles[ws[0]] && len(ws) > 1 && t.titles[strings.Join(ws[1:], " ")] {
			ws = ws[1:]
			continue
		}
		if n := t.demonymPrefix(ws); n > 0 && n < len(ws) {
			ws = ws[n:]
			continue
		}
		break
	}
	if t.titles[strings.Join(ws, " ")] {
		return true
	}
	// Domain words, then a head title: "oil minister", "air force chief".
	for i := 1; i < len(ws); i++ {
		if t.titles[strings.Join(ws[i:], " ")] && t.domainRun(ws[:i]) {
			return true
		}
	}
	// A head title, then "of"/"for" and a domain: "minister of foreign affairs".
	for i, w := range ws {
		if (w == "of" || w == "for") && i > 0 && i+1 < len(ws) {
			if t.titles[strings.Join(ws[:i], " ")] || t.composedTitle(ws[:i]) {
				rest := ws[i+1:]
				if rest[0] == "the" {
					rest = rest[1:]
				}
				if len(rest) > 0 && t.domainRun(rest) {
					return true
				}
			}
		}
	}
	return false
}

// domainRun reports whether ws is one or more domain phrases ("foreign",
// "air force", "public security").
func (t *tables) domainRun(ws []string) bool {
	for len(ws) > 0 {
		n := 0
		for j := min(len(ws), 3); j > 0; j-- {
			if t.domains[strings.Join(ws[:j], " ")] {
				n = j
				break
			}
		}
		if n == 0 {
			return false
		}
		ws = ws[n:]
	}
	return true
}

// demonymPrefix returns how many leading words of ws form a demonym, or 0.
func (t *tables) demonymPrefix(ws []string) int {
	for j := min(len(ws), 2); j > 0; j-- {
		if _, ok := t.demonyms[strings.Join(ws[:j], " ")]; ok {
			return j
		}
	}
	return 0
}

// FirstName reports whether word is a common given name in one of the
// romanizations news uses (English, French, Spanish, Portuguese, Arabic,
// Persian, Turkish, Russian, Chinese, Korean, Japanese, Vietnamese and
// more). Chinese, Korean and Vietnamese family names, which come first,
// are included. Case and accents do not matter. Arabic theophoric names
// written as one word ("Abdulati", "Abdelbaset", "Abdussalam": Abd, a
// linking vowel and one of God's names) are given names by their shape.
func FirstName(word string) bool {
	k := graph.NameKey(word)
	return load().firstNames[k] || theophoric(k)
}

// GivenNameGender returns 'm' or 'f' when word is a given name whose
// bearers are nearly always men or nearly always women ("Tomas", "Olena",
// "Khaled", "Ngozi"), and 0 for any other word, including names borne by
// both ("Jean", "Andrea", "Kim") and names not listed. Case and accents do
// not matter.
func GivenNameGender(word string) byte {
	return load().genders[graph.NameKey(word)]
}

// theophoric reports whether k (a NameKey) is a one-word "Abd al-X" name.
// English words beginning "abd" (abdomen, abduct, abdicate) are not.
func theophoric(k string) bool {
	if len(k) < 7 || !strings.HasPrefix(k, "abd") || strings.ContainsAny(k, " -") {
		return false
	}
	for _, stem := range []string{"abdom", "abduc", "abdic"} {
		if strings.HasPrefix(k, stem) {
			return false
		}
	}
	return true
}
