package graph

import (
	"math"
	"strings"
	"testing"
)

func TestReview(t *testing.T) {
	p := func(id ID, name string, mentions int, aliases ...string) Entity {
		return Entity{ID: id, Name: name, Type: Person, Aliases: aliases, Mentions: mentions}
	}
	ents := []Entity{
		p("abdelhakim-belhadj", "Abdelhakim Belhadj", 5),
		p("abdul-hakim-belhaj", "Abdul Hakim Belhaj", 2),
		p("muammar-gaddafi", "Muammar Gaddafi", 9),
		p("aisha-gaddafi", "Aisha Gaddafi", 3),
		p("saif-gaddafi", "Saif Gaddafi", 2),
		p("saadi-gaddafi", "Saadi Gaddafi", 2),
		p("moammar-qadhafi", "Moammar Qadhafi", 1),
		{ID: "qadhafi-foundation", Name: "Qadhafi Foundation", Type: Organization, Mentions: 1},
		p("koussa", "Koussa", 1),
		p("moussa-koussa", "Moussa Koussa", 4),
	}
	got, err := Review(ents, ReviewOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pairs := map[string]Candidate{}
	for _, c := range got {
		pairs[string(c.A.ID)+"~"+string(c.B.ID)] = c
	}
	for _, want := range []string{"muammar-gaddafi~moammar-qadhafi", "abdelhakim-belhadj~abdul-hakim-belhaj", "moussa-koussa~koussa"} {
		c, ok := pairs[want]
		if !ok {
			t.Errorf("pair %s not proposed; got %v", want, keys(pairs))
			continue
		}
		if len(c.Reasons) == 0 || c.Score < 0.5 || c.Score > 1 {
			t.Errorf("%s: score %.2f reasons %v", want, c.Score, c.Reasons)
		}
	}
	for _, not := range []string{"muammar-gaddafi~aisha-gaddafi", "saif-gaddafi~saadi-gaddafi", "saadi-gaddafi~saif-gaddafi"} {
		if _, ok := pairs[not]; ok {
			t.Errorf("pair %s proposed: family members share a surname, not an identity", not)
		}
	}
	for k := range pairs {
		if strings.Contains(k, "foundation") {
			t.Errorf("pair across types proposed: %s", k)
		}
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Errorf("candidates not ranked: %.2f after %.2f", got[i].Score, got[i-1].Score)
		}
	}
	skipped, _ := Review(ents, ReviewOptions{Skip: func(a, b ID) bool { return a == "muammar-gaddafi" && b == "moammar-qadhafi" }})
	for _, c := range skipped {
		if c.A.ID == "muammar-gaddafi" && c.B.ID == "moammar-qadhafi" {
			t.Errorf("a pair judged distinct was proposed again")
		}
	}
	if one, _ := Review(ents, ReviewOptions{Limit: 1}); len(one) != 1 || one[0].A.ID != got[0].A.ID {
		t.Errorf("Limit 1 gave %v", one)
	}
}

func keys(m map[string]Candidate) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestSimilarity(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{{"kitten", "sitting", 1 - 3.0/7}, {"", "", 1}, {"abc", "abc", 1}, {"belhaj", "belhadj", 6.0 / 7}} {
		if got := similarity(tc.a, tc.b); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("similarity(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
