package query

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestWriters(t *testing.T) {
	m := regime(t)
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"result.txt", func(b *bytes.Buffer) error {
			r, err := Ask(m, "who advised Qadir?")
			if err != nil {
				return err
			}
			return WriteResult(b, r, false)
		}},
		{"result-why.txt", func(b *bytes.Buffer) error {
			r, err := Ask(m, "where is Haddad being held")
			if err != nil {
				return err
			}
			return WriteResult(b, r, true)
		}},
		{"result-none.txt", func(b *bytes.Buffer) error {
			r, err := Ask(m, "who killed Haddad")
			if err != nil {
				return err
			}
			return WriteResult(b, r, true)
		}},
		{"connection.txt", func(b *bytes.Buffer) error {
			r, err := Ask(m, "how is Bakri connected to Fadel")
			if err != nil {
				return err
			}
			return WriteResult(b, r, true)
		}},
		{"card.txt", func(b *bytes.Buffer) error {
			c, err := Card(m, "samir-haddad")
			if err != nil {
				return err
			}
			return WriteCard(b, c)
		}},
		{"neighbors.txt", func(b *bytes.Buffer) error {
			ns, err := NeighborsOf(m, "hamid-qadir", 2, nil, nil, false)
			if err != nil {
				return err
			}
			return WriteNeighbors(b, ns, false)
		}},
		{"entities.txt", func(b *bytes.Buffer) error {
			es, err := ListEntities(m, graph.Person, ByName)
			if err != nil {
				return err
			}
			return WriteEntities(b, es)
		}},
		{"stats.txt", func(b *bytes.Buffer) error {
			s, err := CountStats(m)
			if err != nil {
				return err
			}
			return WriteStats(b, s)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, b.Bytes())
		})
	}
}

func TestCard(t *testing.T) {
	c, err := Card(regime(t), "samir-haddad")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, g := range c.Relations {
		labels = append(labels, g.Label)
	}
	want := []string{"advised", "accompanied", "accused of", "accused by", "defected from", "member of", "travelled to", "held at", "negotiated", "met"}
	if len(labels) != len(want) {
		t.Fatalf("groups = %q, want %q", labels, want)
	}
	for i := range want {
		if labels[i] != want[i] {
			t.Errorf("group %d = %q, want %q", i, labels[i], want[i])
		}
	}
	if c.Relations[0].Items[0].ID != "hamid-qadir" || len(c.Relations[0].Items[0].Evidence) != 2 {
		t.Errorf("advised group = %+v", c.Relations[0])
	}
	if c.Relations[2].Items[0].Status != graph.Alleged {
		t.Errorf("accusation status = %q, want alleged", c.Relations[2].Items[0].Status)
	}
}
