package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestInnerTitle checks that a title inside a run of capitalized words ends
// the place or body before it and belongs to the person after it, and that
// name words that are also titles ("Earl", "King") do not split a name.
func TestInnerTitle(t *testing.T) {
	type ent struct {
		name  string
		typ   graph.Type
		title string // the person's title attribute, when checked
	}
	tests := []struct {
		text string
		want []ent
		not  []string // names that must not be entities
	}{
		{
			text: "The request came from Nova Scotia Gov. Harriet Quill on Tuesday.",
			want: []ent{{"Nova Scotia", graph.Place, ""}, {"Harriet Quill", graph.Person, "Gov."}},
			not:  []string{"Nova Scotia Gov. Harriet Quill"},
		},
		{
			text: "Yesterday Appeals Court Judge Walter Brandt rejected the motion, the clerk said.",
			want: []ent{{"Appeals Court", graph.Organization, ""}, {"Walter Brandt", graph.Person, "Judge"}},
			not:  []string{"Appeals Court Judge Walter Brandt"},
		},
		{
			text: "The order was signed by Ontario Agriculture Commissioner Dale Harmon after the inspection.",
			want: []ent{{"Ontario", graph.Place, ""}, {"Dale Harmon", graph.Person, "Agriculture Commissioner"}},
		},
		{
			text: "The fire was examined by Fire Department Capt. Joan Weller on Monday.",
			want: []ent{{"Fire Department", graph.Organization, ""}, {"Joan Weller", graph.Person, "Capt."}},
		},
		{
			text: "The film will star Hugh Barlow as Louisiana Gov. Earl Dufresne.",
			want: []ent{{"Hugh Barlow", graph.Person, ""}, {"Earl Dufresne", graph.Person, "Gov."}},
			not:  []string{"Dufresne", "Hugh Barlow as Louisiana Gov. Earl Dufresne"},
		},
		{
			text: "They were greeted by Norwegian State Fisheries Council Deputy Ola Brekke in Bergen.",
			want: []ent{{"Ola Brekke", graph.Person, "Deputy"}},
			not:  []string{"Norwegian State Fisheries Council Deputy Ola Brekke"},
		},
		// A title's modifier left without its head ("Foreign" for "Foreign
		// Minister") is still no part of the name.
		{
			text: "The treaty was signed by Foreign Harriet Quill in Oslo.",
			want: []ent{{"Harriet Quill", graph.Person, "Foreign"}},
			not:  []string{"Foreign Harriet Quill"},
		},
		// Must not split: a title of nobility inside a person's name, a
		// generational suffix after it, a chunk that opens with a
		// nationality or a title.
		{
			text: "Police said James Earl Whitcombe was arrested in Leeds on Friday.",
			want: []ent{{"James Earl Whitcombe", graph.Person, ""}},
			not:  []string{"Whitcombe"},
		},
		{
			text: "The march honoured Martin Luther King Jr. in Atlanta.",
			not:  []string{"Jr.", "Jr"},
		},
		{
			text: "They met Norwegian Foreign Minister Ola Brekke in Bergen.",
			want: []ent{{"Ola Brekke", graph.Person, "Foreign Minister"}},
		},
		// Other languages' courtesy titles and honorifics.
		{
			text: "Herr Brandt met Signora Bonino and Rabbi Jonathan Sacks in Bonn.",
			want: []ent{{"Brandt", graph.Person, ""}, {"Bonino", graph.Person, ""}, {"Jonathan Sacks", graph.Person, "Rabbi"}},
			not:  []string{"Herr Brandt", "Signora Bonino", "Rabbi Jonathan Sacks"},
		},
		// A title written with a hyphen.
		{
			text: "Clegg met Vice-President Joe Biden in London.",
			want: []ent{{"Joe Biden", graph.Person, "Vice-President"}},
			not:  []string{"Vice-President Joe Biden"},
		},
		{
			text: "The talks were led by Ex-Premier Harriet Quill.",
			want: []ent{{"Harriet Quill", graph.Person, "Ex-Premier"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			b := extractText(t, tc.text)
			byName := map[string]graph.Entity{}
			for _, e := range b.Entities {
				byName[e.Name] = e
			}
			for _, w := range tc.want {
				e, ok := byName[w.name]
				if !ok {
					t.Errorf("no entity %q; got %v", w.name, typedNames(b))
					continue
				}
				if e.Type != w.typ {
					t.Errorf("%q typed %s, want %s", w.name, e.Type, w.typ)
				}
				if w.title != "" && e.Attrs["title"] != w.title {
					t.Errorf("%q has title %q, want %q", w.name, e.Attrs["title"], w.title)
				}
			}
			for _, n := range tc.not {
				if _, ok := byName[n]; ok {
					t.Errorf("unwanted entity %q; got %v", n, typedNames(b))
				}
			}
		})
	}
}

func typedNames(b graph.Batch) []string {
	var out []string
	for _, e := range b.Entities {
		out = append(out, string(e.Type)+":"+e.Name)
	}
	return out
}

// TestBodyNameJoins checks that "for" after a body's head and "and" before
// a second part ending in a body's head stay inside one name, and that
// "and" between two names of their own does not join them.
func TestBodyNameJoins(t *testing.T) {
	tests := []struct {
		text string
		want []string // organizations that must be found
		not  []string // names that must not be entities
	}{
		{
			text: "The study was paid for by the Foundation for Coastal Research in Halifax.",
			want: []string{"Foundation for Coastal Research"},
			not:  []string{"Foundation", "Coastal Research"},
		},
		{
			text: "Inspectors of the Fisheries and Oceans Department boarded the trawler on Monday.",
			want: []string{"Fisheries and Oceans Department"},
			not:  []string{"Oceans Department"},
		},
		{
			text: "The Senate Committee on Coastal Fisheries heard Harriet Quill on Monday.",
			want: []string{"Senate Committee on Coastal Fisheries"},
			not:  []string{"Coastal Fisheries"},
		},
		{
			text: "The grant came from the Halvorsen Foundation for the Arctic Coast in Bergen.",
			want: []string{"Halvorsen Foundation for the Arctic Coast"},
		},
		{
			text: "Ships of the 7th Fleet left Bergen after the 3rd Coastal Brigade arrived.",
			want: []string{"7th Fleet", "3rd Coastal Brigade"},
			not:  []string{"Fleet", "Coastal Brigade"},
		},
		{
			// An ordinal before a title or a street opens no name.
			text: "The 28th President of Norland was born on 24th Street in Bergen.",
			not:  []string{"28th President", "24th Street"},
		},
		{
			text: "Accounts at Barclays Bank of Kenya and Equity Bank were frozen by the Directorate of Criminal Investigations.",
			want: []string{"Barclays Bank of Kenya", "Equity Bank", "Directorate of Criminal Investigations"},
			not:  []string{"Barclays Bank of Kenya and Equity Bank", "Directorate", "Criminal Investigations"},
		},
		{
			text: "Mothers of the Plaza Verde and Grandmothers of Santa Ana marched with the Friends of the Earth.",
			want: []string{"Mothers of the Plaza Verde", "Grandmothers of Santa Ana", "Friends of the Earth"},
			not:  []string{"Mothers", "Grandmothers", "Plaza Verde"},
		},
		{
			text: "The camp was run by the Third Army Corps and the Second Infantry Division.",
			want: []string{"Third Army Corps", "Second Infantry Division"},
			not:  []string{"Army Corps"},
		},
		{
			text: "He appealed to the Court of Arbitration for Sport in Lausanne.",
			want: []string{"Court of Arbitration for Sport"},
			not:  []string{"Sport", "Court of Arbitration"},
		},
		{
			text: "The Court of Appeal rejected the plea of the Chamber of Commerce.",
			want: []string{"Court of Appeal", "Chamber of Commerce"},
			not:  []string{"Appeal", "Commerce"},
		},
		{
			text: "Soldiers of the Kessel Rifles and the 4th Tarsk Regiment seized the airport.",
			want: []string{"Kessel Rifles"},
			not:  []string{"Soldiers of the Kessel Rifles"},
		},
		{
			text: "Talks between Norway and Nordic Council officials resumed in Oslo.",
			not:  []string{"Norway and Nordic Council"},
		},
		{
			text: "The letter was signed by Peter Hallam and Kent County Council on Friday.",
			not:  []string{"Peter Hallam and Kent County Council"},
		},
		// An institution "of" a field runs on over "and" when the tagger
		// reads the words after it as inside the name.
		{
			text: "The Ministry of Agriculture and Fisheries said prices would rise.",
			want: []string{"Ministry of Agriculture and Fisheries"},
			not:  []string{"Fisheries", "Ministry of Agriculture"},
		},
		{
			text: "The Department of Trade and Industry opened an inquiry into the firm.",
			want: []string{"Department of Trade and Industry"},
			not:  []string{"Industry"},
		},
		{
			text: "The Ministry of Defence and Home Office issued a joint statement.",
			want: []string{"Ministry of Defence", "Home Office"},
		},
		{
			text: "Officials of the Ministry of Trade and Zambia Revenue Authority met in Lusaka.",
			want: []string{"Ministry of Trade", "Zambia Revenue Authority"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			b := extractText(t, tc.text)
			byName := map[string]graph.Entity{}
			for _, e := range b.Entities {
				byName[e.Name] = e
			}
			for _, w := range tc.want {
				if e, ok := byName[w]; !ok || e.Type != graph.Organization {
					t.Errorf("no organization %q; got %v", w, typedNames(b))
				}
			}
			for _, n := range tc.not {
				if _, ok := byName[n]; ok {
					t.Errorf("unwanted entity %q; got %v", n, typedNames(b))
				}
			}
		})
	}
}

// TestChunkEdges checks two edges of a run of capitalized words: English
// "at" and "as" between two names do not join them, and a common noun
// capitalized only because it opens the sentence is no part of the name
// after it.
func TestChunkEdges(t *testing.T) {
	tests := []struct {
		text string
		want []string
		not  []string
	}{
		{
			text: "Officials met Harriet Quill at Geneva on Monday.",
			want: []string{"Harriet Quill", "Geneva"},
			not:  []string{"Harriet Quill at Geneva"},
		},
		{
			text: "The cast includes Walter Brandt as Abraham Lincoln.",
			want: []string{"Walter Brandt", "Abraham Lincoln"},
		},
		{
			text: "Sculptor Joan Weller will teach for two weeks at Carverton College.",
			want: []string{"Joan Weller", "Carverton College"},
			not:  []string{"Sculptor Joan Weller"},
		},
		// A month with its full stop ends a name; a quoted title of a work
		// is no entity; "O 'Connor" split by a tokenizer stays one name.
		{
			text: "Walter Brandt ( 12th Mayor ) : Born Feb. 12 , 1889 , in Carverton , Ala.",
			want: []string{"Walter Brandt", "Carverton"},
			not:  []string{"Born Feb.", "Born"},
		},
		{
			text: "He was arrested during a showing of “Love Is Blind” in Carverton on Monday.",
			want: []string{"Carverton"},
			not:  []string{"Love Is Blind"},
		},
		{
			text: "“We have evacuated everybody,” said company spokesman Harlan O 'Dea .",
			want: []string{"Harlan O 'Dea"},
			not:  []string{"Harlan O", "Dea"},
		},
		// A word that opens sentences ("New") stays when it opens a known
		// name.
		{
			text: "New Jersey Gov. Harriet Quill , who leaves office this year , was praised by her colleagues .",
			want: []string{"New Jersey", "Harriet Quill"},
			not:  []string{"Jersey"},
		},
		// A time zone after a time is no name.
		{
			text: "Temperatures at 3 p.m. EDT ranged from 40 degrees in Duluth to 90 in Tampa.",
			want: []string{"Duluth", "Tampa"},
			not:  []string{"EDT"},
		},
		// Nationalities alone are attributes, not names.
		{
			text: "Bosnian Serbs shelled the town on Monday.",
			not:  []string{"Bosnian Serbs"},
		},
		// A country's short name used as a modifier still names it; a
		// region's demonym does not.
		{
			text: "U.S. officials said the talks in Oslo would resume.",
			want: []string{"U.S.", "Oslo"},
		},
		{
			text: "Somali pirates seized the tanker off the coast on Monday.",
			not:  []string{"Somali"},
		},
		// A title that opens the sentence stays a title, not a name.
		{
			text: "President Dale Harmon met the envoy in Oslo.",
			want: []string{"Dale Harmon"},
			not:  []string{"President Dale Harmon"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			b := extractText(t, tc.text)
			byName := map[string]bool{}
			for _, e := range b.Entities {
				byName[e.Name] = true
			}
			for _, w := range tc.want {
				if !byName[w] {
					t.Errorf("no entity %q; got %v", w, typedNames(b))
				}
			}
			for _, n := range tc.not {
				if byName[n] {
					t.Errorf("unwanted entity %q; got %v", n, typedNames(b))
				}
			}
		})
	}
}

// TestSourceLine checks a wire service's source line: after a serial
// number, the city monitored and the source are two names, not one.
func TestSourceLine(t *testing.T) {
	text := "Fishing Quotas Cut Again AB0305180094 Bergen Coastal Radio Network in Norwegian 1800 GMT 3 May 94 .\n\n" +
		"The ministry in Oslo said the cod quota would fall by a fifth next year , the station reported ."
	b := extractText(t, text)
	got := map[string]graph.Type{}
	for _, e := range b.Entities {
		got[e.Name] = e.Type
	}
	for name, typ := range map[string]graph.Type{"Bergen": graph.Place, "Coastal Radio Network": graph.Organization} {
		if got[name] != typ {
			t.Errorf("%q typed %q, want %s; got %v", name, got[name], typ, typedNames(b))
		}
	}
	for name := range got {
		if strings.Contains(name, "AB0305180094") || strings.Contains(name, "Bergen Coastal") {
			t.Errorf("unwanted entity %q; got %v", name, typedNames(b))
		}
	}
	if serialCode("AB030518009") || serialCode("Ab0305180094") || !serialCode("AB0305180094") {
		t.Error("serialCode accepts only two capitals and ten digits")
	}
	for w, want := range map[string]bool{"94WE0015A": true, "947N0051B": true, "94AS0286D": true,
		"940150155": false, "94we0015A": false, "Wednesday": false, "94WE00151": false} {
		if serialCode(w) != want {
			t.Errorf("serialCode(%q) = %v, want %v", w, !want, want)
		}
	}
}

// TestDocumentNumberLine checks a source line that opens with a translated
// report's document number: the city and the paper, not one name.
func TestDocumentNumberLine(t *testing.T) {
	b := extractText(t, "94WE0022B Bergen HAVDAG I DAG in Norwegian No. 4 , 3 May 94 p 2")
	got := map[string]graph.Type{}
	for _, e := range b.Entities {
		got[e.Name] = e.Type
	}
	if got["Bergen"] != graph.Place {
		t.Errorf("no place Bergen; got %v", typedNames(b))
	}
	for name := range got {
		if strings.Contains(name, "94WE0022B") || strings.Contains(name, "No.") || strings.Contains(name, "Bergen H") {
			t.Errorf("unwanted entity %q; got %v", name, typedNames(b))
		}
	}
}

// TestNameLineAlone checks a text that is one line of names, as
// sentence-per-line corpora give a dateline or a monitoring service's source
// line: its place and source are found, a town is in its country, and a
// line in capitals or a title-case name is not read as a source line.
func TestNameLineAlone(t *testing.T) {
	tests := []struct {
		text string
		want []string // "type:Name"
		rels []string // "Subject|predicate|Object"
		not  []string // entities, or relations "Subject|predicate|Object"
	}{
		// A dateline's agency reports from the town; it is not based there.
		{text: "OSLO , Norway ( AP )", want: []string{"place:OSLO", "place:Norway", "organization:AP"},
			rels: []string{"OSLO|located-in|Norway"}, not: []string{"AP|located-in|OSLO", "AP|located-in|Norway"}},
		// A source line's source is based in its city.
		{text: "Lisbon LUSA", want: []string{"place:Lisbon", "organization:LUSA"}, not: []string{"Lisbon LUSA"},
			rels: []string{"LUSA|located-in|Lisbon"}},
		{text: "Nairobi DAILY NATION", want: []string{"place:Nairobi", "organization:DAILY NATION"},
			rels: []string{"DAILY NATION|located-in|Nairobi"}},
		{text: "Lyon Radio Rhone Network", want: []string{"place:Lyon", "organization:Radio Rhone Network"},
			rels: []string{"Radio Rhone Network|located-in|Lyon"}},
		{text: "Officials in Lyon Radio Rhone Network said nothing .", not: []string{"Radio Rhone Network|located-in|Lyon"}},
		{text: "AB0305180094 Bergen Coastal Radio Network in Norwegian 1800 GMT 3 May 94",
			rels: []string{"Coastal Radio Network|located-in|Bergen"}},
		// A state's abbreviation with its full stop split off, after a town.
		{text: "MEMPHIS , Tenn .", want: []string{"place:MEMPHIS", "place:Tenn."}, rels: []string{"MEMPHIS|located-in|Tenn."}},
		{text: "The family from Carverton attended Mass .", not: []string{"Mass."}},
		{text: "The strike ended in Lisbon LUSA said .", not: []string{"LUSA"}},
		{text: "PARIS TALKS FAIL", not: []string{"TALKS FAIL"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			b := extractText(t, tc.text)
			got := typedNames(b)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s; got %v", w, got)
				}
			}
			for _, n := range tc.not {
				for _, e := range b.Entities {
					if e.Name == n {
						t.Errorf("unwanted entity %q; got %v", n, got)
					}
				}
			}
			rels := triples(b)
			for _, n := range tc.not {
				if slices.ContainsFunc(rels, func(s string) bool { return strings.HasPrefix(s, n+"|") }) {
					t.Errorf("unwanted relation %s; got %v", n, rels)
				}
			}
			for _, r := range tc.rels {
				if !slices.ContainsFunc(rels, func(s string) bool { return strings.HasPrefix(s, r+"|") }) {
					t.Errorf("missing %s; got %v", r, rels)
				}
			}
		})
	}
}

// TestInRegion checks that a name before a comma and a state's
// abbreviation is a town in it, also when a tokenizer split the
// abbreviation's full stop off ("Mich .").
func TestInRegion(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Briggs , Mich . said", true},
		{"Briggs , Mich. said", true},
		{"Briggs , Texas .", true},
		{"Briggs , Mich said", false},
		{"Briggs , Hendricks said", false},
	}
	for _, tc := range tests {
		toks := tokenize(tc.text, 0, len(tc.text))
		if got := inRegion(toks, 1); got != tc.want {
			t.Errorf("inRegion(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestFirmNames checks that a company's legal form or trade at the end of a
// name, a description of it as a kind of body, or a post held at it makes
// it a firm whatever the tagger says, and that such cues about a person leave the person.
func TestFirmNames(t *testing.T) {
	tests := []struct {
		text string
		want map[string]graph.Type
	}{
		{"The government signed a contract with Andes Copper Ltd.", map[string]graph.Type{"Andes Copper Ltd.": graph.Organization}},
		{"The money went to Baltic Amber Trading and to Nordvik Shipping AG.",
			map[string]graph.Type{"Baltic Amber Trading": graph.Organization, "Nordvik Shipping AG": graph.Organization}},
		{"A spokesman for Grupo Serrano SA declined to comment.", map[string]graph.Type{"Grupo Serrano SA": graph.Organization}},
		{"Sun Hung Kai Properties, a Hong Kong construction firm, bought the site.",
			map[string]graph.Type{"Sun Hung Kai Properties": graph.Organization, "Hong Kong": graph.Place}},
		{"The deal was handled by Marsh Whitby, the London law firm.",
			map[string]graph.Type{"Marsh Whitby": graph.Organization, "London": graph.Place}},
		{"The audit was signed by Helen Carver, a firm believer in rules.", map[string]graph.Type{"Helen Carver": graph.Person}},
		{"The shares were sold by Helen Carver, the company's founder.", map[string]graph.Type{"Helen Carver": graph.Person}},
		{"He spoke for the Union of Friends of the Missing, a group based in Lima.", map[string]graph.Type{"Lima": graph.Place}},
		{"Anna Mining, a geologist, found the seam near Tarsk.", map[string]graph.Type{"Anna Mining": graph.Person}},
		{"Helen Carver, a partner at Marsh Whitby, said the audit was flawed.",
			map[string]graph.Type{"Helen Carver": graph.Person, "Marsh Whitby": graph.Organization}},
		{"She met Helen Carver at Oxford last year.", map[string]graph.Type{"Oxford": graph.Place}},
		{"Helen Carver of Marsh Whitby said the audit was flawed.", map[string]graph.Type{"Helen Carver": graph.Person, "Marsh Whitby": graph.Organization}},
		{"The Halden Pump Co. of Franklin Lakes, N.J., donated the pumps.", map[string]graph.Type{"Franklin Lakes": graph.Place}},
		{"The bill was opposed by Sen. Edward Hale, D-Mass., on Monday.", map[string]graph.Type{"Edward Hale": graph.Person}},
		{"The money went through Hanbit Construction Co. Cho was arrested last week.",
			map[string]graph.Type{"Hanbit Construction Co.": graph.Organization}},
		{"An official of the Direction de la Surveillance du Territoire (DST) said so.",
			map[string]graph.Type{"Direction de la Surveillance du Territoire": graph.Organization}},
		{"The Federal Prosecutor's Office in Karlsruhe said so.",
			map[string]graph.Type{"Federal Prosecutor's Office": graph.Organization}},
		{"Kofi Mensah, a native of Ho, was arrested in Accra.", map[string]graph.Type{"Ho": graph.Place, "Kofi Mensah": graph.Person}},
		// A name's type found from context holds for its mentions that only
		// the tagger typed.
		{"Helen Carver, a partner at Marsh Whitby, said the audit was flawed. Marsh Whitby later said it would appeal.",
			map[string]graph.Type{"Marsh Whitby": graph.Organization}},
		{"The Kuomintang lost the vote in Taipei.", map[string]graph.Type{"Kuomintang": graph.Organization}},
		{"The athletes competed at the World Relays in Tarsk.", map[string]graph.Type{"World Relays": graph.Event}},
		{"The cash came from his father, Kim Tae-ho, the group's founder.", map[string]graph.Type{"Kim Tae-ho": graph.Person}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			b := extractText(t, tc.text)
			byName := map[string]graph.Entity{}
			for _, e := range b.Entities {
				byName[e.Name] = e
			}
			for name, typ := range tc.want {
				if e, ok := byName[name]; !ok || e.Type != typ {
					t.Errorf("want %s %q; got %v", typ, name, typedNames(b))
				}
			}
		})
	}
}

// TestParticleNames checks that two particles in a row stay inside a
// person's name ("van der", "de la"), one particle still does, and a short
// family name opening a sentence is kept.
func TestParticleNames(t *testing.T) {
	tests := []struct {
		text string
		want string
		not  []string
	}{
		{"Pieter van der Berg was arrested in Antwerp on Monday.", "Pieter van der Berg", []string{"Pieter", "Berg"}},
		{"Police said Maria de la Cruz had left Seville.", "Maria de la Cruz", []string{"Maria", "Cruz"}},
		{"The court heard Jan van den Broek, a former clerk.", "Jan van den Broek", []string{"Broek"}},
		{"Ludwig van Beethoven was born in Bonn.", "Ludwig van Beethoven", nil},
		// A family name first, of two letters, opening the sentence.
		{"Xi Jinping met Moon Jae-in in Beijing.", "Xi Jinping", []string{"Jinping"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			b := extractText(t, tc.text)
			byName := map[string]graph.Entity{}
			for _, e := range b.Entities {
				byName[e.Name] = e
			}
			if e, ok := byName[tc.want]; !ok || e.Type != graph.Person {
				t.Errorf("no person %q; got %v", tc.want, typedNames(b))
			}
			for _, n := range tc.not {
				if _, ok := byName[n]; ok {
					t.Errorf("unwanted entity %q; got %v", n, typedNames(b))
				}
			}
		})
	}
}

// TestPlaceLists checks that a name only the tagger typed, in a list with
// two or more places the gazetteer knows, is a place, and that a list of
// people is left alone.
func TestPlaceLists(t *testing.T) {
	ms := []mention{
		{Sent: 0, T0: 0, T1: 1, Type: graph.Place},
		{Sent: 0, T0: 2, T1: 3, Type: graph.Place},
		{Sent: 0, T0: 4, T1: 5, Type: graph.Person},
		{Sent: 0, T0: 7, T1: 8, Type: graph.Organization},
	}
	toks := func(words ...string) []token {
		var out []token
		for _, w := range words {
			out = append(out, token{Text: w, Lower: strings.ToLower(w), Word: w != ",", Cap: w != "," && w != "and" && w != "southern"})
		}
		return out
	}
	r := recognized{BySent: [][]int{{0, 1, 2, 3}}, Mentions: ms}
	r.Sentences = []sentence{{Tokens: toks("Oslo", ",", "Bergen", ",", "Tarsk", "and", "southern", "Kessel")}}
	placeLists(r, []typeEvidence{byContext, byContext, byTagger, byTagger})
	for i, m := range r.Mentions {
		if m.Type != graph.Place {
			t.Errorf("mention %d typed %s, want place", i, m.Type)
		}
	}
	// Only one certain place: nothing changes.
	ms[2].Type, ms[3].Type = graph.Person, graph.Person
	placeLists(r, []typeEvidence{byContext, byTagger, byTagger, byTagger})
	if ms[2].Type != graph.Person || ms[3].Type != graph.Person {
		t.Errorf("list with one certain place retyped: %v", ms)
	}
}
