package query

import (
	"testing"

	"github.com/kgraph/kg/graph"
)

// scandals builds a graph where an event is named after a firm, a town
// and a person, and each of those is an entity too.
func scandals(t testing.TB) *graph.Memory {
	t.Helper()
	m := graph.NewMemory()
	ent := func(id, name string, typ graph.Type, aliases ...string) {
		m.PutEntity(graph.Entity{ID: graph.ID(id), Name: name, Type: typ, Aliases: aliases})
	}
	ent("norvik", "Norvik", graph.Organization, "Norvik")
	ent("norvik-scandal", "Norvik scandal", graph.Event)
	ent("elsa-brandt", "Elsa Brandt", graph.Person, "Brandt")
	ent("jon-haug", "Jon Haug", graph.Person, "Haug")
	ent("killing-of-elsa-brandt", "killing of Elsa Brandt", graph.Event)
	ent("per-dahl", "Per Dahl", graph.Person, "Dahl")
	ent("tromso", "Tromso", graph.Place)
	ent("tromso-bombing", "Tromso bombing", graph.Event)
	ent("tromso-fraud-inquiry", "Tromso fraud inquiry", graph.Event)
	rel := func(s string, p graph.Predicate, o string) {
		m.PutRelation(graph.Relation{Subject: graph.ID(s), Predicate: p, Object: graph.ID(o),
			Evidence: []graph.Evidence{{Doc: "doc-fixture", Sentence: s + " " + string(p) + " " + o}}})
	}
	rel("jon-haug", graph.MemberOf, "norvik")
	rel("jon-haug", graph.AccusedOf, "norvik-scandal")
	rel("per-dahl", graph.AccusedOf, "killing-of-elsa-brandt")
	rel("elsa-brandt", graph.VictimOf, "killing-of-elsa-brandt")
	rel("elsa-brandt", graph.MemberOf, "norvik")
	rel("tromso-bombing", graph.OccurredIn, "tromso")
	rel("per-dahl", graph.ConvictedOf, "tromso-bombing")
	return m
}

func TestEventPhraseResolvesToEvent(t *testing.T) {
	g := scandals(t)
	tests := []struct {
		question string
		want     []string
	}{
		{"who is accused of the Norvik scandal", []string{"Jon Haug"}},
		{"who is accused in the Norvik case", []string{"Jon Haug"}},
		{"who was accused over the Norvik affair", []string{"Jon Haug"}},
		{"who is accused of the Brandt killing", []string{"Per Dahl"}},
		{"who is accused of the Brandt murder", []string{"Per Dahl"}},
		{"who was the victim of the Brandt killing", []string{"Elsa Brandt"}},
		{"who was convicted of the Tromso attack", []string{"Per Dahl"}},
		// A question about the firm itself still finds the firm.
		{"who is a member of Norvik", []string{"Elsa Brandt", "Jon Haug"}},
	}
	for _, tc := range tests {
		t.Run(tc.question, func(t *testing.T) {
			res, err := Ask(g, tc.question)
			if err != nil {
				t.Fatalf("Ask: %v", err)
			}
			var got []string
			for _, a := range res.Answers {
				got = append(got, a.Name)
			}
			if !equalSorted(got, tc.want) {
				t.Errorf("answers %q, want %q (read as %q)", got, tc.want, res.Interpretation)
			}
		})
	}
}

func TestEventsNamed(t *testing.T) {
	g := scandals(t)
	tests := []struct {
		span string
		want string // "" for none
	}{
		{"the Norvik case", "norvik-scandal"},
		{"Brandt killing", "killing-of-elsa-brandt"},
		{"the Tromso bombing", "tromso-bombing"}, // the bombing, not the fraud inquiry
		{"the Tromso blast", "tromso-bombing"},   // a noun of the same class
		{"Norvik", ""},                           // no noun for a happening
		{"the Norvik bombing", ""},               // a happening of another kind
		{"the case", ""},                         // no qualifier
	}
	for _, tc := range tests {
		t.Run(tc.span, func(t *testing.T) {
			ids, err := eventsNamed(g, tc.span)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.want == "" && len(ids) != 0:
				t.Errorf("got %v, want none", ids)
			case tc.want != "" && (len(ids) != 1 || string(ids[0]) != tc.want):
				t.Errorf("got %v, want [%s]", ids, tc.want)
			}
		})
	}
}

func equalSorted(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
		if seen[x] < 0 {
			return false
		}
	}
	return true
}
