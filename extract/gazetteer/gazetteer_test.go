package gazetteer

import (
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		phrase    string
		ok        bool
		canonical string
		typ       graph.Type
		kind      string
		country   string
	}{
		{"Libya", true, "Libya", graph.Place, KindCountry, "Libya"},
		{"Libya's", true, "Libya", graph.Place, KindCountry, "Libya"},
		{"UK", true, "United Kingdom", graph.Place, KindCountry, "United Kingdom"},
		{"U.K.", true, "United Kingdom", graph.Place, KindCountry, "United Kingdom"},
		{"Britain", true, "United Kingdom", graph.Place, KindCountry, "United Kingdom"},
		{"US", true, "United States", graph.Place, KindCountry, "United States"},
		{"U.S.", true, "United States", graph.Place, KindCountry, "United States"},
		{"us", false, "", "", "", ""},
		{"the Netherlands", true, "Netherlands", graph.Place, KindCountry, "Netherlands"},
		{"Viet Nam", true, "Vietnam", graph.Place, KindCountry, "Vietnam"},
		{"Russian Federation", true, "Russia", graph.Place, KindCountry, "Russia"},
		{"North Korea", true, "North Korea", graph.Place, KindCountry, "North Korea"},
		{"Korea", false, "", "", "", ""},
		// Countries of earlier decades, as news of their time names them.
		{"Czechoslovakia", true, "Czechoslovakia", graph.Place, KindCountry, "Czechoslovakia"},
		{"Rhodesia", true, "Zimbabwe", graph.Place, KindCountry, "Zimbabwe"},
		{"Zaire", true, "Democratic Republic of the Congo", graph.Place, KindCountry, "Democratic Republic of the Congo"},
		{"U.S.S.R.", true, "Soviet Union", graph.Place, KindCountry, "Soviet Union"},
		{"Tripoli", true, "Tripoli", graph.Place, KindCity, "Libya"},
		{"Kuala Lumpur", true, "Kuala Lumpur", graph.Place, KindCity, "Malaysia"},
		{"Sao Paulo", true, "Sao Paulo", graph.Place, KindCity, "Brazil"},
		{"São Paulo", true, "Sao Paulo", graph.Place, KindCity, "Brazil"},
		{"Kiev", true, "Kyiv", graph.Place, KindCity, "Ukraine"},
		{"Surrey", true, "Surrey", graph.Place, KindRegion, "United Kingdom"},
		{"Bavaria", true, "Bavaria", graph.Place, KindRegion, "Germany"},
		{"Middle East", true, "Middle East", graph.Place, KindRegion, ""},
		{"UN", true, "United Nations", graph.Organization, KindOrg, ""},
		{"U.N.", true, "United Nations", graph.Organization, KindOrg, ""},
		{"NATO", true, "NATO", graph.Organization, KindOrg, ""},
		{"Arab League", true, "Arab League", graph.Organization, KindOrg, ""},
		{"the Arab League", true, "Arab League", graph.Organization, KindOrg, ""},
		{"ICC", true, "International Criminal Court", graph.Organization, KindOrg, ""},
		{"Interpol", true, "Interpol", graph.Organization, KindOrg, ""},
		{"Reuters", true, "Reuters", graph.Organization, KindOrg, "United Kingdom"},
		{"AP", true, "Associated Press", graph.Organization, KindOrg, "United States"},
		{"AFP", true, "Agence France-Presse", graph.Organization, KindOrg, "France"},
		{"BBC", true, "BBC", graph.Organization, KindOrg, "United Kingdom"},
		{"Al Jazeera", true, "Al Jazeera", graph.Organization, KindOrg, "Qatar"},
		{"Al-Jazeera", true, "Al Jazeera", graph.Organization, KindOrg, "Qatar"},
		{"FBI", true, "FBI", graph.Organization, KindOrg, "United States"},
		{"CIA", true, "CIA", graph.Organization, KindOrg, "United States"},
		{"KGB", true, "KGB", graph.Organization, KindOrg, "Soviet Union"},
		{"WHO", true, "World Health Organization", graph.Organization, KindOrg, ""},
		{"who", false, "", "", "", ""},
		{"Who", false, "", "", "", ""},
		{"Cuban Missile Crisis", true, "Cuban Missile Crisis", graph.Event, KindEvent, ""},
		{"Second World War", true, "World War II", graph.Event, KindEvent, ""},
		{"Gaddafi", false, "", "", "", ""},
		{"", false, "", "", "", ""},
		{"North", false, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			e, ok := Lookup(tt.phrase)
			if ok != tt.ok {
				t.Fatalf("Lookup(%q): got ok=%v (%+v), want %v", tt.phrase, ok, e, tt.ok)
			}
			if !ok {
				return
			}
			if e.Canonical != tt.canonical || e.Type != tt.typ || e.Kind != tt.kind || e.Country != tt.country {
				t.Errorf("Lookup(%q): got %+v, want canonical %q type %q kind %q country %q",
					tt.phrase, e, tt.canonical, tt.typ, tt.kind, tt.country)
			}
		})
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"Libyan", "Libya", true},
		{"Libyans", "Libya", true},
		{"libyan", "Libya", true},
		{"North Korean", "North Korea", true},
		{"North Koreans", "North Korea", true},
		{"British", "United Kingdom", true},
		{"Britons", "United Kingdom", true},
		{"Frenchmen", "France", true},
		{"Malaysian", "Malaysia", true},
		{"Vietnamese", "Vietnam", true},
		{"Indonesian", "Indonesia", true},
		{"Ecuadorian", "Ecuador", true},
		{"Scottish", "Scotland", true},
		{"Brazilian", "Brazil", true},
		{"US", "United States", true},
		{"East German", "East Germany", true},
		{"Yugoslavs", "Yugoslavia", true},
		{"South Vietnamese", "South Vietnam", true},
		{"Siamese", "", false}, // twins and cats, not Thais
		{"us", "", false},
		{"Gaddafi", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := Demonym(tt.word)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Demonym(%q): got %q, %v, want %q, %v", tt.word, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestIsTitle(t *testing.T) {
	tests := []struct {
		words string
		want  bool
	}{
		{"Foreign Minister", true},
		{"foreign minister", true},
		{"Deputy Foreign Minister", true},
		{"former foreign minister", true},
		{"Libyan Foreign Minister", true},
		{"Oil minister", true},
		{"Defence Secretary", true},
		{"Foreign Secretary", true},
		{"Minister of Foreign Affairs", true},
		{"Secretary of State", true},
		{"US Secretary of State", true},
		{"Colonel", true},
		{"Col", true},
		{"Col.", true},
		{"Lt. Col.", true},
		{"Mr", true},
		{"Mr.", true},
		{"Mrs", true},
		{"Dr", true},
		{"spokesman", true},
		{"chief prosecutor", true},
		{"ICC chief prosecutor", false},
		{"Second Secretary", true},
		{"Police Chief", true},
		{"spy chief", true},
		{"security adviser", true},
		{"top security adviser", true},
		{"ambassador", true},
		{"UN ambassador", false},
		{"Secretary-General", true},
		{"special counsel", true},
		{"campaign manager", true},
		{"Gaddafi", false},
		{"Tripoli", false},
		{"the", false},
		{"", false},
		{"Foreign", false},
		{"Deputy Gaddafi", false},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			if got := IsTitle(tt.words); got != tt.want {
				t.Errorf("IsTitle(%q): got %v, want %v", tt.words, got, tt.want)
			}
		})
	}
}

func TestFirstName(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Moussa", true}, {"Musa", true}, {"Mohammed", true}, {"Muhammad", true}, {"Abdulati", true},
		{"Abdelbaset", true}, {"Abdussalam", true}, {"Abdomen", false}, {"Abduction", false}, {"Abdicated", false}, {"Shukri", true}, {"Ali", true}, {"Saif", true}, {"Abdullah", true},
		{"David", true}, {"William", true}, {"Julian", true}, {"Edward", true}, {"Sarah", true},
		{"Vladimir", true}, {"Sergei", true}, {"Yevgeny", true}, {"Natalia", true},
		{"Kim", true}, {"Xi", true}, {"Jinping", true}, {"Huong", true}, {"Siti", true},
		{"Marcelo", true}, {"Luiz", true}, {"José", true}, {"Jose", true}, {"João", true},
		{"Paul", true}, {"Robert", true}, {"Rick", true},
		{"He", false}, {"Young", false}, {"Long", false}, {"Gaddafi", false}, {"Koussa", false}, {"Tripoli", false}, {"Britain", false}, {"the", false}, {"", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := FirstName(tt.word); got != tt.want {
				t.Errorf("FirstName(%q): got %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

// TestDataConsistency checks the embedded files against each other: every
// country a place, organisation or demonym names is a known country or
// region, and the embedded data stays small.
func TestDataConsistency(t *testing.T) {
	tb := load()
	known := func(c string) bool {
		if c == "" {
			return true
		}
		for _, it := range tb.names[graph.NameKey(c)] {
			if it.Kind == KindCountry || it.Kind == KindRegion {
				return true
			}
		}
		return false
	}
	for k, items := range tb.names {
		for _, it := range items {
			if !it.Type.Valid() {
				t.Errorf("%q: invalid type %q", k, it.Type)
			}
			if !known(it.Country) {
				t.Errorf("%q (%s): unknown country %q", it.Name, it.Kind, it.Country)
			}
		}
	}
	for k, it := range tb.demonyms {
		if !known(it.Canonical) {
			t.Errorf("demonym %q: unknown country %q", k, it.Canonical)
		}
	}
	if n := len(tb.firstNames); n < 2000 {
		t.Errorf("got %d first names, want a few thousand", n)
	}
	size := int64(0)
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, _ := e.Info()
		size += info.Size()
	}
	if size > 2<<20 {
		t.Errorf("embedded data is %d bytes, want under 2 MB", size)
	}
}

func BenchmarkLookup(b *testing.B) {
	phrases := []string{"Libya", "Moussa Koussa", "U.S.", "Arab League", "Tripoli", "Deputy Foreign Minister"}
	load()
	for b.Loop() {
		for _, p := range phrases {
			Lookup(p)
			IsTitle(p)
		}
	}
}

func TestGivenNameGender(t *testing.T) {
	tests := []struct {
		name string
		want byte
	}{
		{"Tomas", 'm'}, {"Tomás", 'm'}, {"KHALED", 'm'}, {"Volodymyr", 'm'}, {"Kwame", 'm'}, {"Jean-Pierre", 'm'},
		{"Ana", 'f'}, {"Jana", 'f'}, {"Olena", 'f'}, {"Ngozi", 'f'}, {"Zeynep", 'f'}, {"Ségolène", 'f'},
		// Names borne by both, and names not listed, say nothing.
		{"Jean", 0}, {"Andrea", 0}, {"Kim", 0}, {"Sasha", 0}, {"Nicola", 0}, {"Vrba", 0}, {"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GivenNameGender(tt.name); got != tt.want {
				t.Errorf("GivenNameGender(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
