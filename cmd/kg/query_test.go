package main

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/query"
	"github.com/kgraph/kg/store"
)

// readDB writes a small invented network into a fresh database, without
// extraction, and returns its path: the reading commands are tested apart
// from what ingest finds.
func readDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := "Haddad advised Colonel Qadir for years. Bakri, the colonel's brother-in-law, heads the bureau. " +
		"Omar Senna met Haddad. Tariq Senna met Bakri."
	sentence := func(s string) graph.Evidence {
		i := strings.Index(body, s)
		if i < 0 {
			t.Fatalf("fixture sentence %q not in body", s)
		}
		return graph.Evidence{Doc: "d1", Sentence: s, Start: i, End: i + len(s)}
	}
	b := graph.Batch{
		Doc: graph.Document{ID: "d1", Source: "fixture.txt", Title: "An invented regime", Body: body},
		Entities: []graph.Entity{
			{ID: "haddad", Name: "Samir Haddad", Type: graph.Person, Aliases: []string{"Haddad"}, Mentions: 3, Docs: []graph.DocID{"d1"}},
			{ID: "qadir", Name: "Hamid Qadir", Type: graph.Person, Aliases: []string{"Colonel Qadir", "Qadir"}, Mentions: 2, Docs: []graph.DocID{"d1"}},
			{ID: "bakri", Name: "Yusuf Bakri", Type: graph.Person, Aliases: []string{"Bakri"}, Mentions: 2, Docs: []graph.DocID{"d1"}},
			{ID: "bureau", Name: "Security Bureau", Type: graph.Organization, Mentions: 1, Docs: []graph.DocID{"d1"}},
			{ID: "omar", Name: "Omar Senna", Type: graph.Person, Mentions: 1, Docs: []graph.DocID{"d1"}},
			{ID: "tariq", Name: "Tariq Senna", Type: graph.Person, Mentions: 1, Docs: []graph.DocID{"d1"}},
		},
		Relations: []graph.Relation{
			{Subject: "haddad", Predicate: graph.Advised, Object: "qadir", Evidence: []graph.Evidence{sentence("Haddad advised Colonel Qadir for years.")}},
			{Subject: "bakri", Predicate: graph.FamilyOf, Object: "qadir", Attrs: map[string]string{"kin": "brother-in-law"},
				Evidence: []graph.Evidence{sentence("Bakri, the colonel's brother-in-law, heads the bureau.")}},
			{Subject: "bakri", Predicate: graph.MemberOf, Object: "bureau", Attrs: map[string]string{"role": "head"},
				Evidence: []graph.Evidence{sentence("Bakri, the colonel's brother-in-law, heads the bureau.")}},
			{Subject: "omar", Predicate: graph.Met, Object: "haddad", Evidence: []graph.Evidence{sentence("Omar Senna met Haddad.")}},
			{Subject: "tariq", Predicate: graph.Met, Object: "bakri", Evidence: []graph.Evidence{sentence("Tariq Senna met Bakri.")}},
		},
	}
	if _, err := s.Ingest(b); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestQueryJSON(t *testing.T) {
	db := readDB(t)
	out, stderr, err := kg(t, "--db", db, "query", "who is Colonel Qadir's brother-in-law?", "--format", "json")
	if err != nil {
		t.Fatalf("query: %v\n%s", err, stderr)
	}
	var res struct {
		Question string `json:"question"`
		Answers  []struct {
			ID       string           `json:"id"`
			Name     string           `json:"name"`
			Type     string           `json:"type"`
			Evidence []graph.Evidence `json:"evidence"`
		} `json:"answers"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("query output is not JSON: %v\n%s", err, out)
	}
	if res.Question != "who is Colonel Qadir's brother-in-law?" {
		t.Errorf("question = %q", res.Question)
	}
	if len(res.Answers) != 1 || res.Answers[0].Name != "Yusuf Bakri" || res.Answers[0].Type != "person" ||
		len(res.Answers[0].Evidence) != 1 || !strings.Contains(res.Answers[0].Evidence[0].Sentence, "brother-in-law") {
		t.Errorf("answers = %+v, want Yusuf Bakri with the brother-in-law sentence", res.Answers)
	}
}

func TestQueryText(t *testing.T) {
	db := readDB(t)
	out, _, err := kg(t, "--db", db, "query", "who", "advised", "Qadir", "--why")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Samir Haddad", "advised", "Haddad advised Colonel Qadir for years."} {
		if !strings.Contains(out, want) {
			t.Errorf("query --why output lacks %q:\n%s", want, out)
		}
	}
}

func TestReadCommandErrors(t *testing.T) {
	db := readDB(t)
	tests := []struct {
		name string
		args []string
		want []string // in the error message
		is   error
	}{
		{"ambiguous name lists candidates", []string{"show", "Senna"}, []string{"omar", "tariq"}, nil},
		{"ambiguous name in a question", []string{"query", "who did Senna meet"}, []string{"Omar Senna", "Tariq Senna"}, nil},
		{"unknown name", []string{"show", "Napoleon"}, []string{`"Napoleon"`}, query.ErrNoEntity},
		{"not understood", []string{"query", "tell me a joke"}, []string{"who travelled with Koussa"}, query.ErrNotUnderstood},
		{"bad format", []string{"stats", "--format", "yaml"}, []string{"yaml"}, nil},
		{"bad predicate", []string{"path", "Haddad", "Bakri", "--predicate", "likes"}, []string{"likes"}, nil},
		{"bad type", []string{"neighbors", "Haddad", "--type", "animal"}, []string{"animal"}, nil},
		{"bad sort", []string{"entities", "--sort", "age"}, []string{"age"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := kg(t, append([]string{"--db", db}, tt.args...)...)
			if err == nil {
				t.Fatalf("kg %v succeeded, want an error; output:\n%s", tt.args, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("kg %v error %q lacks %q", tt.args, err, w)
				}
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("kg %v error %v is not %v", tt.args, err, tt.is)
			}
		})
	}
}

func TestReadCommands(t *testing.T) {
	db := readDB(t)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"show", "Bakri"}, []string{"Yusuf Bakri  (bakri, person)", "family of", "Hamid Qadir", "kin: brother-in-law", "heads the bureau", "An invented regime"}},
		{[]string{"path", "Haddad", "Bakri"}, []string{"Samir Haddad --advised--> Hamid Qadir <--family-of-- Yusuf Bakri"}},
		{[]string{"neighbors", "Qadir", "--type", "person"}, []string{"Samir Haddad", "Yusuf Bakri"}},
		{[]string{"entities", "--sort", "name", "--type", "person"}, []string{"haddad", "tariq"}},
		{[]string{"stats"}, []string{"entities   6", "relations  5", "documents  1", "family-of"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, stderr, err := kg(t, append([]string{"--db", db}, tt.args...)...)
			if err != nil {
				t.Fatalf("kg %v: %v\n%s", tt.args, err, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("kg %v output lacks %q:\n%s", tt.args, w, out)
				}
			}
			jout, _, err := kg(t, append(append([]string{"--db", db}, tt.args...), "--format", "json")...)
			if err != nil {
				t.Fatalf("kg %v --format json: %v", tt.args, err)
			}
			if !json.Valid([]byte(jout)) {
				t.Errorf("kg %v --format json is not JSON:\n%s", tt.args, jout)
			}
		})
	}
}
