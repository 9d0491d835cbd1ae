package exports

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestJSONGolden(t *testing.T) {
	golden(t, "hostile.json", write(t, "json", hostileGraph(t, false), hostileOpts))
}

func TestJSONContract(t *testing.T) {
	out := write(t, "json", hostileGraph(t, false), Options{})
	if !bytes.HasSuffix(out, []byte("}\n")) {
		t.Errorf("output does not end in a newline")
	}
	if bytes.Contains(out, []byte("SECRET BODY")) {
		t.Errorf("document bodies leaked into the export")
	}
	var got struct {
		Entities []struct {
			ID      string    `json:"id"`
			Aliases *[]string `json:"aliases"`
			Docs    *[]string `json:"docs"`
		} `json:"entities"`
		Relations []struct {
			Subject, Predicate, Object, Status string
			Evidence                           []struct{ Status string }
		} `json:"relations"`
		Documents []struct{ ID, Source, Title string } `json:"documents"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(got.Entities) != len(hostileEntities()) {
		t.Fatalf("got %d entities, want %d", len(got.Entities), len(hostileEntities()))
	}
	for i, e := range got.Entities {
		if e.Aliases == nil || e.Docs == nil {
			t.Errorf("entity %s: aliases or docs null", e.ID)
		}
		if i > 0 && got.Entities[i-1].ID >= e.ID {
			t.Errorf("entities not sorted by id: %s before %s", got.Entities[i-1].ID, e.ID)
		}
	}
	want := map[string]string{ // subject predicate object -> relation status
		"amira-haddad accompanied quote-man": "stated", // symmetric: canonical order
		"quote-man accused-of sum-event":     "alleged",
		"amira-haddad travelled-to moskva":   "speculated",
		"bidi advised amira-haddad":          "denied",
		"script-co located-in tarabulus":     "reported",
	}
	seen := map[string]bool{}
	for _, r := range got.Relations {
		k := r.Subject + " " + r.Predicate + " " + r.Object
		seen[k] = true
		if w, ok := want[k]; ok && r.Status != w {
			t.Errorf("%s: status %q, want %q", k, r.Status, w)
		}
		for _, e := range r.Evidence {
			if e.Status == "" {
				t.Errorf("%s: evidence without status", k)
			}
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("relation %q missing", k)
		}
	}
	if len(got.Documents) != 2 || got.Documents[0].ID != string(docA) || got.Documents[0].Title == "" {
		t.Errorf("documents = %+v, want both, sorted by id, with titles", got.Documents)
	}
}

func TestJSONEmptyGraph(t *testing.T) {
	out := write(t, "json", graph.NewMemory(), Options{})
	want := "{\n  \"entities\": [],\n  \"relations\": [],\n  \"documents\": []\n}\n"
	if string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
