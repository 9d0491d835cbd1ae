package dgraph

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
	"github.com/kgraph/kg/store"
)

// TestTwoGroups runs on a cluster of two alpha groups (scripts/dgraph.sh
// start 2; .ci/dgraph sets KG_DGRAPH_GROUPS=2). After every drop it moves
// half of kg's predicates to the second group, so that entities, their
// adjacency, relations and evidence live on different machines, then runs
// the conformance suite and compares the graph with graph.Memory and the
// Badger store: queries must answer exactly as on one group.
func TestTwoGroups(t *testing.T) {
	testAddr(t)
	if os.Getenv("KG_DGRAPH_GROUPS") != "2" {
		t.Skip("KG_DGRAPH_GROUPS is not 2: the cluster is not known to have two alpha groups")
	}
	split := func(t testing.TB) *Store {
		s := openEmpty(t)
		spread(t)
		return s
	}
	t.Run("Conformance", func(t *testing.T) {
		graphtest.Run(t, func(t *testing.T) graphtest.Graph { return conformant{split(t)} })
	})
	t.Run("SameAsBadger", func(t *testing.T) {
		d := split(t)
		m := graph.NewMemory()
		b, err := store.Open("", store.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		for _, batch := range append([]graph.Batch{graphtest.BatchA(), graphtest.BatchB(), graphtest.BatchC()}, extraBatches(6)...) {
			for _, g := range []interface {
				Ingest(graph.Batch) (store.IngestResult, error)
			}{d, b} {
				if _, err := g.Ingest(batch); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := m.Ingest(batch); err != nil {
				t.Fatal(err)
			}
		}
		compareGraphs(t, d, m)
		compareGraphs(t, d, b)
		for _, id := range []graph.ID{"moussa-koussa", "london", "muammar-gaddafi"} {
			got, err := graph.Neighbors(d, id, 2, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := graph.Neighbors(m, id, 2, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Neighbors(%s, 2)\n got %v\nwant %v", id, got, want)
			}
		}
	})
}

// zeroHTTP is the zero's HTTP address (loopback, as scripts/dgraph.sh starts it).
func zeroHTTP() string {
	if a := os.Getenv("KG_DGRAPH_ZERO_HTTP"); a != "" {
		return a
	}
	return "127.0.0.1:6080"
}

// tablets returns which group serves each kg predicate, from zero's /state.
func tablets(t testing.TB) map[string]string {
	t.Helper()
	resp, err := http.Get("http://" + zeroHTTP() + "/state")
	if err != nil {
		t.Fatalf("zero state: %v", err)
	}
	defer resp.Body.Close()
	var state struct {
		Groups map[string]struct {
			Tablets map[string]struct {
				Predicate string `json:"predicate"`
			} `json:"tablets"`
		} `json:"groups"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil {
		t.Fatalf("zero state: %v", err)
	}
	out := map[string]string{}
	for g, grp := range state.Groups {
		for _, tab := range grp.Tablets {
			if name := predicateName(tab.Predicate); strings.HasPrefix(name, "kg.") {
				out[name] = g
			}
		}
	}
	return out
}

// predicateName strips the namespace that Dgraph puts before a predicate
// in zero's state.
func predicateName(p string) string {
	if i := strings.Index(p, "kg."); i >= 0 {
		return p[i:]
	}
	return p
}

// spread moves every other kg predicate (in name order) to group 2 and the
// rest to group 1, and checks that both groups serve some.
func spread(t testing.TB) {
	t.Helper()
	now := tablets(t)
	names := slices.Sorted(maps.Keys(now))
	for i, name := range names {
		want := fmt.Sprint(1 + i%2)
		if now[name] == want {
			continue
		}
		u := fmt.Sprintf("http://%s/moveTablet?tablet=%s&group=%s", zeroHTTP(), url.QueryEscape(name), want)
		resp, err := http.Get(u)
		if err != nil {
			t.Fatalf("move %s to group %s: %v", name, want, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("move %s to group %s: %s: %s", name, want, resp.Status, body)
		}
	}
	groups := map[string]int{}
	for _, g := range tablets(t) {
		groups[g]++
	}
	if len(groups) < 2 {
		t.Fatalf("kg predicates served by groups %v, want two groups", groups)
	}
}
