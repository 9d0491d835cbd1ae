package query

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// regime builds a small invented regime network: a ruler, his advisers, a
// brother-in-law, a daughter, a defector held at a castle, an accusation
// about a bombing, travel, an order, a killing.
func regime(t testing.TB) *graph.Memory {
	t.Helper()
	m := graph.NewMemory()
	ent := func(id, name string, typ graph.Type, aliases ...string) {
		m.PutEntity(graph.Entity{ID: graph.ID(id), Name: name, Type: typ, Aliases: aliases})
	}
	ent("hamid-qadir", "Hamid Qadir", graph.Person, "Colonel Qadir", "Qadir")
	ent("qadir-regime", "Qadir regime", graph.Organization, "Qadir's regime")
	ent("samir-haddad", "Samir Haddad", graph.Person, "Haddad", "Mr Haddad")
	ent("karim-nour", "Karim Nour", graph.Person, "Nour")
	ent("yusuf-bakri", "Yusuf Bakri", graph.Person, "Bakri")
	ent("leila-qadir", "Leila Qadir", graph.Person)
	ent("hassan-qadir", "Hassan Qadir", graph.Person)
	ent("rami-fadel", "Rami Fadel", graph.Person, "Fadel")
	ent("anwar-tal", "Anwar Tal", graph.Person, "Tal")
	ent("ziad-marouf", "Ziad Marouf", graph.Person, "Marouf")
	ent("nabil-aziz", "Nabil Aziz", graph.Person, "Aziz")
	ent("peter-lang", "Peter Lang", graph.Person, "Lang")
	ent("omar-senna", "Omar Senna", graph.Person)
	ent("tariq-senna", "Tariq Senna", graph.Person)
	ent("security-bureau", "Internal Security Bureau", graph.Organization)
	ent("national-council", "National Council", graph.Organization)
	ent("foreign-office", "Foreign Office", graph.Organization)
	ent("hadi-brigade", "Hadi Brigade", graph.Organization)
	ent("harbour-bombing", "Harbour Street bombing", graph.Event, "the harbour bombing")
	ent("sirte-road-ambush", "Sirte Road ambush", graph.Event)
	ent("compensation-deal", "compensation deal", graph.Event)
	ent("marwick-castle", "Marwick Castle", graph.Place)
	ent("kent", "Kent", graph.Place)
	ent("valletta", "Valletta", graph.Place)
	ent("malta", "Malta", graph.Place)
	ent("djerba", "Djerba", graph.Place)
	ent("port-selim", "Port Selim", graph.Place)
	ent("geneva", "Geneva", graph.Place)
	ent("tal-afar", "Tal Afar", graph.Place, "Tal")

	n := 0
	rel := func(s string, p graph.Predicate, o string, sentence string, st graph.Status, attrs ...string) {
		n++
		r := graph.Relation{Subject: graph.ID(s), Predicate: p, Object: graph.ID(o),
			Evidence: []graph.Evidence{{Doc: "doc-fixture", Sentence: sentence, Start: n * 100, End: n*100 + 50, Status: st}}}
		for i := 0; i+1 < len(attrs); i += 2 {
			if r.Attrs == nil {
				r.Attrs = map[string]string{}
			}
			r.Attrs[attrs[i]] = attrs[i+1]
		}
		m.PutRelation(r)
	}
	rel("samir-haddad", graph.Advised, "hamid-qadir", "Haddad spent a decade as the colonel's closest counsel.", "")
	rel("samir-haddad", graph.Advised, "hamid-qadir", "Qadir rarely acted without asking Haddad first.", "")
	rel("yusuf-bakri", graph.Advised, "hamid-qadir", "Bakri, who married into the ruling family, also advises the ruler.", "")
	rel("yusuf-bakri", graph.FamilyOf, "hamid-qadir", "Bakri is married to the colonel's sister.", "", "kin", "brother-in-law")
	rel("leila-qadir", graph.FamilyOf, "hamid-qadir", "Qadir's daughter Leila runs a charity.", "")
	rel("hassan-qadir", graph.FamilyOf, "hamid-qadir", "Hassan Qadir belongs to the ruling clan.", "")
	rel("samir-haddad", graph.DefectedFrom, "qadir-regime", "Haddad abandoned the regime last week.", "")
	rel("tariq-senna", graph.DefectedFrom, "qadir-regime", "Officials insisted Senna had not left the government.", graph.Denied)
	rel("samir-haddad", graph.MemberOf, "qadir-regime", "Haddad served the regime for years.", "")
	rel("yusuf-bakri", graph.MemberOf, "security-bureau", "Bakri heads the internal security bureau.", "", "role", "head")
	rel("rami-fadel", graph.MemberOf, "security-bureau", "Fadel is an officer of the bureau.", "", "role", "officer")
	rel("ziad-marouf", graph.MemberOf, "national-council", "Marouf speaks for the council.", "")
	rel("peter-lang", graph.MemberOf, "foreign-office", "Lang is a Foreign Office envoy.", "")
	rel("samir-haddad", graph.AccusedOf, "harbour-bombing", "Haddad is suspected of planning the harbour attack.", graph.Alleged)
	rel("ziad-marouf", graph.Accused, "samir-haddad", "Marouf said Haddad had blood on his hands.", "", "")
	rel("anwar-tal", graph.ConvictedOf, "harbour-bombing", "Tal was found guilty of the harbour attack.", "")
	rel("harbour-bombing", graph.OccurredIn, "port-selim", "The bomb went off in Port Selim.", "")
	rel("samir-haddad", graph.HeldAt, "marwick-castle", "Haddad is being kept at Marwick Castle.", "")
	rel("marwick-castle", graph.LocatedIn, "kent", "Marwick Castle stands in Kent.", "")
	rel("karim-nour", graph.Accompanied, "samir-haddad", "Nour flew out with Haddad.", "")
	rel("samir-haddad", graph.TravelledTo, "valletta", "Haddad landed in Valletta.", "")
	rel("samir-haddad", graph.TravelledTo, "malta", "Haddad reached Malta by boat.", "")
	rel("karim-nour", graph.TravelledTo, "valletta", "Nour was seen in Valletta.", "")
	rel("hamid-qadir", graph.Ordered, "rami-fadel", "Qadir told Fadel to fly to Djerba.", "")
	rel("rami-fadel", graph.TravelledTo, "djerba", "Fadel flew to Djerba.", "")
	rel("rami-fadel", graph.TravelledTo, "tal-afar", "Fadel later turned up in Tal Afar.", "")
	rel("samir-haddad", graph.Negotiated, "compensation-deal", "Haddad brokered the compensation deal.", "")
	rel("peter-lang", graph.Met, "samir-haddad", "Lang sat down with Haddad.", "")
	rel("omar-senna", graph.Met, "peter-lang", "Omar Senna saw Lang.", "")
	rel("tariq-senna", graph.Met, "peter-lang", "Tariq Senna saw Lang too.", "")
	rel("hadi-brigade", graph.Killed, "nabil-aziz", "Hadi Brigade gunmen shot Aziz.", "")
	rel("nabil-aziz", graph.VictimOf, "sirte-road-ambush", "Aziz died in the ambush on Sirte Road.", "")
	rel("karim-nour", graph.LivesIn, "geneva", "Nour has lived in Geneva since 1999.", "")
	rel("omar-senna", graph.HeldAt, "marwick-castle", "Some say Omar Senna is also at the castle.", graph.Speculated)
	return m
}

func answerIDs(r Result) []string {
	out := []string{}
	for _, a := range r.Answers {
		out = append(out, string(a.ID))
	}
	return out
}

func TestAsk(t *testing.T) {
	m := regime(t)
	tests := []struct {
		q    string
		want []string // in answer order
	}{
		// advised, both directions, nouns and passive
		{"who advised Qadir?", []string{"samir-haddad", "yusuf-bakri"}},
		{"Who advises Colonel Qadir", []string{"samir-haddad", "yusuf-bakri"}},
		{"who are Qadir's advisers", []string{"samir-haddad", "yusuf-bakri"}},
		{"who is an aide to Qadir", []string{"samir-haddad", "yusuf-bakri"}},
		{"who is a senior adviser to Hamid Qadir?", []string{"samir-haddad", "yusuf-bakri"}},
		{"who did Haddad advise", []string{"hamid-qadir"}},
		{"who is Bakri an adviser to?", []string{"hamid-qadir"}},
		{"who was advised by Bakri", []string{"hamid-qadir"}},
		{"who is Qadir advised by", []string{"samir-haddad", "yusuf-bakri"}},
		// accompanied (symmetric) and its synonyms
		{"who travelled with Haddad", []string{"karim-nour"}},
		{"who traveled with Nour", []string{"samir-haddad"}},
		{"who went with Haddad?", []string{"karim-nour"}},
		{"who flew with Haddad?", []string{"karim-nour"}},
		{"who accompanied Nour", []string{"samir-haddad"}},
		{"who did Haddad travel with", []string{"karim-nour"}},
		{"who are Haddad's travelling companions", []string{"karim-nour"}},
		// accused-of and accused
		{"what is Haddad accused of?", []string{"harbour-bombing"}},
		{"what was Haddad charged with", []string{"harbour-bombing"}},
		{"who is accused of the Harbour Street bombing", []string{"samir-haddad"}},
		{"who is suspected in the harbour bombing?", []string{"samir-haddad"}},
		{"who was implicated in the Harbour Street bombing", []string{"samir-haddad"}},
		{"who are the suspects in the Harbour Street bombing", []string{"samir-haddad"}},
		{"who accused Haddad?", []string{"ziad-marouf"}},
		{"who did Marouf accuse", []string{"samir-haddad"}},
		{"who was accused by Marouf", []string{"samir-haddad"}},
		// convicted-of
		{"who was convicted of the Harbour Street bombing", []string{"anwar-tal"}},
		{"who was convicted over the harbour bombing", []string{"anwar-tal"}},
		{"what was Anwar Tal convicted of", []string{"harbour-bombing"}},
		// victim-of
		{"who was the victim of the Sirte Road ambush", []string{"nabil-aziz"}},
		{"who died in the Sirte Road ambush", []string{"nabil-aziz"}},
		{"what was Aziz a victim of", []string{"sirte-road-ambush"}},
		// defected-from, "the regime", unasserted left out
		{"who defected from the Qadir regime?", []string{"samir-haddad"}},
		{"who quit the regime", []string{"samir-haddad"}},
		{"who deserted Qadir's regime", []string{"samir-haddad"}},
		{"who resigned from the Gadir regime", []string{"samir-haddad"}},
		{"what did Haddad defect from", []string{"qadir-regime"}},
		// member-of, roles
		{"who is a member of the Internal Security Bureau", []string{"rami-fadel", "yusuf-bakri"}},
		{"who are the members of the Internal Security Bureau", []string{"rami-fadel", "yusuf-bakri"}},
		{"what is Bakri a member of", []string{"security-bureau"}},
		{"what organization does Marouf work for", []string{"national-council"}},
		{"who works for the Foreign Office", []string{"peter-lang"}},
		{"who leads the Internal Security Bureau", []string{"yusuf-bakri"}},
		{"who is the head of the Internal Security Bureau?", []string{"yusuf-bakri"}},
		{"who is in the Qadir regime", []string{"samir-haddad"}},
		// family-of: kin attribute, kin in evidence, all relatives
		{"who is Qadir's brother-in-law?", []string{"yusuf-bakri"}},
		{"Who’s Qadir’s brother in law", []string{"yusuf-bakri"}},
		{"who is the daughter of Qadir", []string{"leila-qadir"}},
		{"who are Qadir's relatives", []string{"hassan-qadir", "leila-qadir", "yusuf-bakri"}},
		{"who are the relatives of Colonel Qadir", []string{"hassan-qadir", "leila-qadir", "yusuf-bakri"}},
		{"who is Bakri related to", []string{"hamid-qadir"}},
		{"list Qadir's family", []string{"hassan-qadir", "leila-qadir", "yusuf-bakri"}},
		// located-in
		{"where is Marwick Castle located", []string{"kent"}},
		{"where is Marwick Castle?", []string{"kent"}},
		{"what is located in Kent", []string{"marwick-castle"}},
		// travelled-to
		{"where did Fadel travel", []string{"djerba", "tal-afar"}},
		{"where did Nour go", []string{"valletta"}},
		{"where did Haddad fly to", []string{"malta", "valletta"}},
		{"who travelled to Valletta", []string{"karim-nour", "samir-haddad"}},
		{"who went to Djerba", []string{"rami-fadel"}},
		{"who visited Valletta", []string{"karim-nour", "samir-haddad"}},
		// held-at; the speculated Senna is left out
		{"where is Haddad being held?", []string{"marwick-castle"}},
		{"where is Haddad held", []string{"marwick-castle"}},
		{"where is Haddad detained", []string{"marwick-castle"}},
		{"where was Haddad kept", []string{"marwick-castle"}},
		{"who is held at Marwick Castle", []string{"samir-haddad"}},
		{"where is Haddad", []string{"marwick-castle"}},
		// ordered
		{"who did Qadir order", []string{"rami-fadel"}},
		{"who ordered Fadel", []string{"hamid-qadir"}},
		{"who was ordered by Qadir", []string{"rami-fadel"}},
		// negotiated
		{"what did Haddad negotiate", []string{"compensation-deal"}},
		{"who negotiated the compensation deal", []string{"samir-haddad"}},
		// met (symmetric)
		{"who met Haddad", []string{"peter-lang"}},
		{"who did Lang meet", []string{"omar-senna", "samir-haddad", "tariq-senna"}},
		{"who talked to Peter Lang", []string{"omar-senna", "samir-haddad", "tariq-senna"}},
		// occurred-in
		{"where did the Harbour Street bombing happen", []string{"port-selim"}},
		{"where did the harbour bombing take place?", []string{"port-selim"}},
		{"what happened in Port Selim", []string{"harbour-bombing"}},
		// killed
		{"who killed Nabil Aziz", []string{"hadi-brigade"}},
		{"who was killed by the Hadi Brigade", []string{"nabil-aziz"}},
		{"who did the Hadi Brigade kill", []string{"nabil-aziz"}},
		{"who are Aziz's killers", []string{"hadi-brigade"}},
		// lives-in
		{"where does Nour live", []string{"geneva"}},
		{"where is Nour from?", []string{"geneva"}},
		{"who lives in Geneva", []string{"karim-nour"}},
		// transliteration, case, punctuation
		{"who advised Kadir", []string{"samir-haddad", "yusuf-bakri"}},
		{"WHO TRAVELLED WITH HADDAD???", []string{"karim-nour"}},
		{"  who   did Qadhir order ", []string{"rami-fadel"}},
		// the question's role picks the place called Tal over the person
		{"who travelled to Tal", []string{"rami-fadel"}},
		// a question kg reads but has no answer for
		{"who killed Haddad", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := Ask(m, tt.q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, err)
			}
			if got := answerIDs(res); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Ask(%q) = %v, want %v\n  read as: %s", tt.q, got, tt.want, res.Interpretation)
			}
			for _, a := range res.Answers {
				if len(a.Evidence) == 0 {
					t.Errorf("Ask(%q): answer %s has no evidence", tt.q, a.ID)
				}
			}
		})
	}
}

func TestAskUnasserted(t *testing.T) {
	m := regime(t)
	res, err := AskWith(m, "who defected from the Qadir regime", Options{IncludeUnasserted: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := answerIDs(res), []string{"samir-haddad", "tariq-senna"}; !reflect.DeepEqual(got, want) {
		t.Errorf("with unasserted: got %v, want %v", got, want)
	}
	res, err = AskWith(m, "who is held at Marwick Castle", Options{IncludeUnasserted: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := answerIDs(res), []string{"omar-senna", "samir-haddad"}; !reflect.DeepEqual(got, want) {
		t.Errorf("with unasserted: got %v, want %v", got, want)
	}
}

func TestAskEvidence(t *testing.T) {
	res, err := Ask(regime(t), "who advised Qadir")
	if err != nil {
		t.Fatal(err)
	}
	// Haddad has two sentences and comes first; each answer carries its own.
	if len(res.Answers) != 2 || len(res.Answers[0].Evidence) != 2 || len(res.Answers[1].Evidence) != 1 {
		t.Fatalf("answers = %+v", res.Answers)
	}
	if got := res.Answers[1].Evidence[0].Sentence; !strings.Contains(got, "Bakri") {
		t.Errorf("Bakri's evidence = %q", got)
	}
	if res.Answers[0].Predicate != graph.Advised {
		t.Errorf("predicate = %q, want advised", res.Answers[0].Predicate)
	}
}

func TestAskKinFallback(t *testing.T) {
	res, err := Ask(regime(t), "who is Qadir's son")
	if err != nil {
		t.Fatal(err)
	}
	// No relation says "son": the relative whose relation names no kin at
	// all, not the daughter or the brother-in-law; the reading says so.
	if got, want := answerIDs(res), []string{"hassan-qadir"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if !strings.Contains(res.Interpretation, `no relation says "son"`) {
		t.Errorf("interpretation %q does not admit the fallback", res.Interpretation)
	}
}

func TestAskErrors(t *testing.T) {
	m := regime(t)
	tests := []struct {
		q     string
		check func(error) bool
		what  string
	}{
		{"who did Senna meet", func(err error) bool {
			var amb *AmbiguousError
			return errors.As(err, &amb) && len(amb.Candidates) == 2 && amb.Candidates[0].ID == "omar-senna" &&
				strings.Contains(err.Error(), "tariq-senna")
		}, "AmbiguousError listing both Sennas"},
		{"who advised Napoleon", func(err error) bool {
			return errors.Is(err, ErrNoEntity) && strings.Contains(err.Error(), `"Napoleon"`)
		}, "ErrNoEntity naming Napoleon"},
		{"who is Nour?", func(err error) bool { // Nour belongs to nothing known: no membership to answer with
			return errors.Is(err, ErrNotUnderstood) && strings.Contains(err.Error(), `kg show "Nour"`)
		}, "ErrNotUnderstood pointing to kg show"},
		{"tell me a joke", func(err error) bool { return errors.Is(err, ErrNotUnderstood) }, "ErrNotUnderstood"},
		{"why did Haddad defect", func(err error) bool { return errors.Is(err, ErrNotUnderstood) }, "ErrNotUnderstood"},
		{"Haddad", func(err error) bool {
			return errors.Is(err, ErrNotUnderstood) && strings.Contains(err.Error(), "who travelled with Koussa")
		}, "ErrNotUnderstood with examples"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := Ask(m, tt.q)
			if !tt.check(err) {
				t.Errorf("Ask(%q) error = %v, want %s", tt.q, err, tt.what)
			}
		})
	}
}

func TestAskConnection(t *testing.T) {
	m := regime(t)
	for _, q := range []string{
		"how is Bakri connected to Fadel?",
		"how are Bakri and Fadel related",
		"what connects Bakri and Fadel",
		"what is the connection between Bakri and Fadel",
		"show the path from Bakri to Fadel",
	} {
		t.Run(q, func(t *testing.T) {
			res, err := Ask(m, q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Paths {
				var steps []string
				for _, s := range p.Steps {
					steps = append(steps, string(s.Subject)+" "+string(s.Predicate)+" "+string(s.Object))
				}
				got = append(got, strings.Join(steps, ", "))
			}
			// Two hops through the colonel, by advice and by marriage; also
			// through the bureau both belong to.
			want := []string{
				"yusuf-bakri advised hamid-qadir, hamid-qadir ordered rami-fadel",
				"hamid-qadir family-of yusuf-bakri, hamid-qadir ordered rami-fadel", // symmetric: stored smaller id first
				"yusuf-bakri member-of security-bureau, rami-fadel member-of security-bureau",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("paths = %q, want %q", got, want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	m := regime(t)
	tests := []struct {
		name, want string
	}{
		{"samir-haddad", "samir-haddad"},
		{"Mr Haddad", "samir-haddad"},
		{"Kadir", "hamid-qadir"},
		{"the Internal Security Bureau", "security-bureau"},
		{"Colonel Hamid Qadir", "hamid-qadir"}, // no such alias: the longest run inside it that names someone
	}
	for _, tt := range tests {
		e, err := Lookup(m, tt.name)
		if err != nil {
			t.Errorf("Lookup(%q): %v", tt.name, err)
			continue
		}
		if string(e.ID) != tt.want {
			t.Errorf("Lookup(%q) = %s, want %s", tt.name, e.ID, tt.want)
		}
	}
	var amb *AmbiguousError
	if _, err := Lookup(m, "Senna"); !errors.As(err, &amb) {
		t.Errorf("Lookup(Senna) error = %v, want *AmbiguousError", err)
	}
	if _, err := Lookup(m, "Nobody Atall"); !errors.Is(err, ErrNoEntity) {
		t.Errorf("Lookup(Nobody Atall) error = %v, want ErrNoEntity", err)
	}
}

func BenchmarkAsk(b *testing.B) {
	m := regime(b)
	for b.Loop() {
		if _, err := Ask(m, "who is suspected in the harbour bombing?"); err != nil {
			b.Fatal(err)
		}
	}
}
