package graph

import "testing"

func TestPhoneticKey(t *testing.T) {
	same := [][]string{
		{"Gaddafi", "Gadhafi", "Qaddafi", "Kadhafi", "Gadafy", "Al Qathafi", "al-Gaddafi"},
		{"Moussa Koussa", "Musa Kusa"},
		{"Shokri Ghanem", "Shukri Ghanem"},
		{"Mohammed Ismail", "Mohamed Ismail", "Muhammad Ismail"},
		{"Ali Treki", "Ali Treiki"},
		{"Abdel Fatah Younis", "Abdel Fattah Younis"},
	}
	for _, group := range same {
		want := PhoneticKey(group[0])
		for _, n := range group[1:] {
			if got := PhoneticKey(n); got != want {
				t.Errorf("PhoneticKey(%q) = %q, want %q (as %q)", n, got, want, group[0])
			}
		}
	}
	different := [][2]string{
		{"Moussa Koussa", "Moussa Ibrahim"},
		{"Kim Jong-nam", "Kim Jong-un"},
		{"Abdullah Senussi", "Abdulati Al Obeidi"},
	}
	for _, p := range different {
		if PhoneticKey(p[0]) == PhoneticKey(p[1]) {
			t.Errorf("PhoneticKey(%q) == PhoneticKey(%q) = %q", p[0], p[1], PhoneticKey(p[0]))
		}
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Moussa Koussa", "moussa koussa"},
		{"the Gaddafi Regime's", "gaddafi regime"},
		{"Gaddafi’s regime", "gaddafi regime"},
		{"General People's Congress", "general people congress"},
		{"São Paulo", "sao paulo"},
		{"  Kim  Jong-nam ", "kim jong nam"},
		{"U.N.", "u n"},
	}
	for _, tt := range tests {
		if got := NameKey(tt.in); got != tt.want {
			t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	if got := Slug("Abdulati Al Obeidi"); got != "abdulati-al-obeidi" {
		t.Errorf("Slug = %q", got)
	}
}

func TestMemoryCrossDocumentResolution(t *testing.T) {
	m := NewMemory()
	b1 := Batch{Doc: Document{ID: "d1"}, Entities: []Entity{
		{ID: "moussa-koussa", Name: "Moussa Koussa", Type: Person, Aliases: []string{"Koussa", "Mr Koussa"}, Mentions: 3},
		{ID: "moussa-ibrahim", Name: "Moussa Ibrahim", Type: Person, Mentions: 1},
		{ID: "tunis", Name: "Tunis", Type: Place, Mentions: 1},
	}, Relations: []Relation{{Subject: "moussa-koussa", Predicate: TravelledTo, Object: "tunis", Evidence: []Evidence{{Doc: "d1", Start: 1, End: 9}}}}}
	if _, err := m.Ingest(b1); err != nil {
		t.Fatal(err)
	}
	b2 := Batch{Doc: Document{ID: "d2"}, Entities: []Entity{
		{ID: "koussa", Name: "Koussa", Type: Person, Mentions: 1},
		{ID: "musa-kusa", Name: "Musa Kusa", Type: Person, Mentions: 1},
		{ID: "moussa-sadr", Name: "Moussa Sadr", Type: Person, Mentions: 1},
		{ID: "tunis", Name: "Tunis", Type: Place, Mentions: 1},
	}, Relations: []Relation{{Subject: "musa-kusa", Predicate: TravelledTo, Object: "tunis", Evidence: []Evidence{{Doc: "d2", Start: 5, End: 20}}}}}
	if _, err := m.Ingest(b2); err != nil {
		t.Fatal(err)
	}
	var ids []ID
	for e := range m.Entities() {
		ids = append(ids, e.ID)
	}
	want := []ID{"moussa-ibrahim", "moussa-koussa", "moussa-sadr", "tunis"}
	if len(ids) != len(want) {
		t.Fatalf("entities = %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("entities = %v, want %v", ids, want)
		}
	}
	r, ok, _ := m.Relation(Key{"moussa-koussa", TravelledTo, "tunis"})
	if !ok || len(r.Evidence) != 2 {
		t.Fatalf("relation = %+v, %v; want two evidence records", r, ok)
	}
	got, _ := m.Resolve("Gadhafi")
	if len(got) != 0 {
		t.Errorf("Resolve(Gadhafi) = %v, want none", got)
	}
	got, _ = m.Resolve("kusa")
	if len(got) != 1 || got[0] != "moussa-koussa" {
		t.Errorf("Resolve(kusa) = %v, want [moussa-koussa]", got)
	}
}

func TestFirstLastKeyJoinsMiddleNames(t *testing.T) {
	if a, b := FirstLastKey("Ali Abdussalam Treki"), FirstLastKey("Ali Treiki"); a != b || a == "" {
		t.Errorf("FirstLastKey: %q vs %q, want equal", a, b)
	}
	if a, b := FirstLastKey("Kim Jong-nam"), FirstLastKey("Kim Jong-un"); a == b {
		t.Errorf("FirstLastKey(Kim Jong-nam) == FirstLastKey(Kim Jong-un) = %q", a)
	}
	if got := FirstLastKey("Gaddafi"); got != "" {
		t.Errorf("FirstLastKey(one word) = %q, want empty", got)
	}
}

func TestMergeEntityName(t *testing.T) {
	tests := []struct{ dst, src, want string }{
		{"Koussa", "Moussa Koussa", "Moussa Koussa"},
		{"Gaddafi regime", "Muammar Al Qathafi's regime", "Gaddafi regime"},
		{"Moussa Koussa", "Koussa", "Moussa Koussa"},
		{"Ali Abdussalam Treki", "Ali Treiki", "Ali Abdussalam Treki"},
	}
	for _, tt := range tests {
		got := MergeEntity(Entity{ID: "x", Name: tt.dst, Type: Person}, Entity{Name: tt.src, Type: Person})
		if got.Name != tt.want {
			t.Errorf("MergeEntity(%q, %q).Name = %q, want %q", tt.dst, tt.src, got.Name, tt.want)
		}
		if tt.src != got.Name {
			found := false
			for _, a := range got.Aliases {
				found = found || a == tt.src
			}
			if !found {
				t.Errorf("MergeEntity(%q, %q) lost %q from the aliases %v", tt.dst, tt.src, tt.src, got.Aliases)
			}
		}
	}
}

func TestMemoryJoinsMiddleNameVariants(t *testing.T) {
	m := NewMemory()
	if _, err := m.Ingest(Batch{Doc: Document{ID: "d1"}, Entities: []Entity{{ID: "ali-abdussalam-treki", Name: "Ali Abdussalam Treki", Type: Person}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Ingest(Batch{Doc: Document{ID: "d2"}, Entities: []Entity{
		{ID: "ali-treiki", Name: "Ali Treiki", Type: Person},
		{ID: "ali-hassan", Name: "Ali Hassan", Type: Person},
	}}); err != nil {
		t.Fatal(err)
	}
	var ids []ID
	for e := range m.Entities() {
		ids = append(ids, e.ID)
	}
	if len(ids) != 2 || ids[0] != "ali-abdussalam-treki" || ids[1] != "ali-hassan" {
		t.Errorf("entities = %v, want [ali-abdussalam-treki ali-hassan]", ids)
	}
}

func TestMemoryJoinsSpellingsOfOneWordNames(t *testing.T) {
	m := NewMemory()
	if _, err := m.Ingest(Batch{Doc: Document{ID: "d1"}, Entities: []Entity{
		{ID: "muammar-gaddafi", Name: "Muammar Gaddafi", Type: Person, Aliases: []string{"Gaddafi"}},
		{ID: "abdel-fatah-younis", Name: "Abdel Fatah Younis", Type: Person},
		{ID: "moussa-koussa", Name: "Moussa Koussa", Type: Person},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Ingest(Batch{Doc: Document{ID: "d2"}, Entities: []Entity{
		{ID: "qaddafi", Name: "Qaddafi", Type: Person},
		{ID: "abdulfatah-younis", Name: "Abdulfatah Younis", Type: Person},
		{ID: "moussa", Name: "Moussa", Type: Person},
	}}); err != nil {
		t.Fatal(err)
	}
	var ids []ID
	for e := range m.Entities() {
		ids = append(ids, e.ID)
	}
	want := []ID{"abdel-fatah-younis", "moussa", "moussa-koussa", "muammar-gaddafi"}
	if len(ids) != len(want) {
		t.Fatalf("entities = %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("entities = %v, want %v", ids, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"Treki", "Treiki", 1}, {"kitten", "sitting", 3}, {"São", "Sao", 1}, {"abc", "", 3},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
