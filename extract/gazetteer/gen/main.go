// Command gen writes the gazetteer's country and subdivision lists from
// Debian's iso-codes package (apt-get install iso-codes):
//
//	go run ./extract/gazetteer/gen [-iso /usr/share/iso-codes/json] [-out extract/gazetteer/data]
//
// countries.tsv has one name per line (short, common, official and
// formal names) with the country's canonical English name; subdivisions.tsv
// has each ISO 3166-2 subdivision's name (and the variants its ISO entry
// spells out) with its country and kind. The output is sorted, so running
// the generator twice gives the same files.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// canonical overrides ISO names with the forms news uses.
var canonical = map[string]string{
	"BO": "Bolivia", "BQ": "Caribbean Netherlands", "CD": "Democratic Republic of the Congo",
	"CG": "Republic of the Congo", "CI": "Ivory Coast", "CZ": "Czech Republic", "FK": "Falkland Islands",
	"FM": "Micronesia", "GB": "United Kingdom", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
	"LA": "Laos", "MD": "Moldova", "MK": "North Macedonia", "PS": "Palestine", "RU": "Russia",
	"SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Vatican City",
	"VE": "Venezuela", "VG": "British Virgin Islands", "VI": "US Virgin Islands", "VN": "Vietnam",
	"TR": "Turkey", "SZ": "Eswatini", "CV": "Cape Verde", "TL": "East Timor", "BN": "Brunei",
	"MF": "Saint Martin", "SX": "Sint Maarten", "CC": "Cocos Islands", "SH": "Saint Helena",
	"KN": "Saint Kitts and Nevis", "VC": "Saint Vincent and the Grenadines", "FO": "Faroe Islands",
}

// generic are subdivision names that are ordinary English words or too
// vague to name one place; the gazetteer leaves them out.
var generic = map[string]bool{
	"centre": true, "center": true, "central": true, "north": true, "south": true, "east": true,
	"west": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"north-east": true, "north-west": true, "south-east": true, "south-west": true, "capital": true,
	"coast": true, "lakes": true, "upper": true, "lower": true, "island": true, "islands": true,
	"valley": true, "mountain": true, "plateau": true, "interior": true, "littoral": true,
	"bar": true, "para": true, "river": true, "highlands": true, "lowlands": true, "middle": true,
	"national capital": true, "capital district": true, "federal district": true, "special region": true,
	"east central": true, "north central": true, "south central": true, "west central": true,
	"northern region": true, "southern region": true, "eastern region": true, "western region": true,
	"central region": true, "northern province": true, "southern province": true, "eastern province": true,
	"western province": true, "central province": true, "north western": true, "north eastern": true,
	"south western": true, "south eastern": true, "far north": true, "far western": true,
	"mid-western": true, "lake": true, "delta": true, "sea": true, "orange": true, "mayo": true,
	"independence": true, "grace": true, "hope": true, "victoria": true, "georgia": true,
	"distrito nacional": true, "ciudad de mexico": true, "nord": true, "sud": true, "est": true,
	"ouest": true, "centro": true, "norte": true, "sur": true, "oriental": true, "occidental": true,
	"litoral": true, "jura": true, "kent": true, "ash": true, "pool": true, "mon": true,
	"bay": true, "gulf": true, "most": true, "unity": true, "grad": true, "male": true, "var": true,
	"lot": true, "bury": true, "brent": true, "bled": true, "tak": true, "ain": true, "sid": true,
	"sal": true, "sul": true, "isla": true, "nip": true, "lib": true, "cher": true, "tori": true,
	"chin": true, "pest": true, "nan": true, "mie": true, "saga": true, "lau": true, "tuy": true,
	"bam": true, "mono": true, "lacs": true, "van": true, "union": true, "liberty": true,
	// Given names first and places second in the news.
	"mary": true, "paul": true, "pita": true, "ewa": true, "uri": true, "angus": true,
	"charlotte": true, "isabel": true, "lara": true, "magdalena": true, "nelson": true,
	"paola": true, "kerry": true, "clare": true, "duarte": true, "concepción": true, "sila": true,
}

type country struct {
	Alpha2   string `json:"alpha_2"`
	Name     string `json:"name"`
	Common   string `json:"common_name"`
	Official string `json:"official_name"`
}

type subdivision struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Type string `json:"type"`
}

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json", "iso-codes JSON folder")
	out := flag.String("out", "extract/gazetteer/data", "output folder")
	flag.Parse()
	if err := run(*iso, *out); err != nil {
		log.Fatal(err)
	}
}

func run(iso, out string) error {
	var c1 struct {
		Countries []country `json:"3166-1"`
	}
	var c2 struct {
		Subdivisions []subdivision `json:"3166-2"`
	}
	if err := readJSON(filepath.Join(iso, "iso_3166-1.json"), &c1); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(iso, "iso_3166-2.json"), &c2); err != nil {
		return err
	}
	names := map[string]string{} // alpha-2 -> canonical name
	var rows []string
	seen := map[string]bool{}
	add := func(row string) {
		if !seen[row] {
			seen[row] = true
			rows = append(rows, row)
		}
	}
	for _, c := range c1.Countries {
		canon := canonical[c.Alpha2]
		if canon == "" {
			canon = c.Common
		}
		if canon == "" {
			canon = uninvert(c.Name)
		}
		names[c.Alpha2] = canon
		for _, n := range variants(c.Name, c.Common, c.Official, canon) {
			add(fmt.Sprintf("%s\t%s\t%s", n, canon, c.Alpha2))
		}
	}
	rows = unambiguous(rows)
	header := "# name\tcanonical\tISO 3166-1 alpha-2\n# Generated by extract/gazetteer/gen from Debian iso-codes; do not edit.\n"
	if err := writeRows(filepath.Join(out, "countries.tsv"), header, rows); err != nil {
		return err
	}

	rows, seen = nil, map[string]bool{}
	for _, s := range c2.Subdivisions {
		cc, _, _ := strings.Cut(s.Code, "-")
		ctry := names[cc]
		if ctry == "" {
			continue
		}
		for _, n := range variants(s.Name) {
			if generic[strings.ToLower(n)] || len(n) < 3 {
				continue
			}
			add(fmt.Sprintf("%s\t%s\t%s\t%s", n, ctry, strings.ToLower(s.Type), s.Code))
		}
	}
	header = "# name\tcountry\tISO type\tISO 3166-2 code\n# Generated by extract/gazetteer/gen from Debian iso-codes; do not edit.\n"
	return writeRows(filepath.Join(out, "subdivisions.tsv"), header, rows)
}

// unambiguous drops the names that rows give to more than one country
// ("Korea", from both Koreas' ISO names).
func unambiguous(rows []string) []string {
	canons := map[string]map[string]bool{}
	for _, r := range rows {
		f := strings.Split(r, "\t")
		if canons[f[0]] == nil {
			canons[f[0]] = map[string]bool{}
		}
		canons[f[0]][f[1]] = true
	}
	var out []string
	for _, r := range rows {
		name, _, _ := strings.Cut(r, "\t")
		if len(canons[name]) == 1 {
			out = append(out, r)
		}
	}
	return out
}

// variants returns the distinct names an ISO entry spells out: each name
// as given, without bracketed notes, with an inverted "Madrid, Comunidad
// de" turned round, split at " / ", and the short form before the comma.
func variants(names ...string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.Join(strings.Fields(n), " ")
		n = strings.TrimPrefix(n, "the ")
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		n = stripBrackets(n, '[', ']')
		inner := ""
		if i := strings.IndexByte(n, '('); i >= 0 {
			if j := strings.IndexByte(n[i:], ')'); j > 0 {
				inner = n[i+1 : i+j]
			}
		}
		n = stripBrackets(n, '(', ')')
		if inner != "" && inner[0] >= 'A' && inner[0] <= 'Z' && !strings.Contains(inner, "part") {
			add(inner)
		}
		for _, part := range strings.Split(n, " / ") {
			add(uninvert(part))
			if head, tail, ok := strings.Cut(part, ", "); ok && !strings.Contains(tail, ",") && len(strings.Fields(tail)) <= 4 {
				add(head)
			}
		}
	}
	return out
}

// uninvert turns "Korea, Republic of" into "Republic of Korea" and
// "Madrid, Comunidad de" into "Comunidad de Madrid"; other names are
// returned as they are.
func uninvert(n string) string {
	head, tail, ok := strings.Cut(n, ", ")
	if !ok || strings.Contains(tail, ",") {
		return n
	}
	t := strings.ToLower(tail)
	for _, suffix := range []string{" of", " of the", " de", " del", " de la", " du", " des", " di", " do", " da"} {
		if strings.HasSuffix(t, suffix) {
			return tail + " " + head
		}
	}
	return n
}

func stripBrackets(s string, open, close byte) string {
	for {
		i := strings.IndexByte(s, open)
		if i < 0 {
			return strings.TrimSpace(s)
		}
		j := strings.IndexByte(s[i:], close)
		if j < 0 {
			return strings.TrimSpace(s[:i])
		}
		s = s[:i] + s[i+j+1:]
	}
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("gen: %w (install Debian's iso-codes package)", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("gen: parse %s: %w", path, err)
	}
	return nil
}

func writeRows(path, header string, rows []string) error {
	sort.Strings(rows)
	data := header + strings.Join(rows, "\n") + "\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}
