package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedUpToDate regenerates the ISO files into a temporary folder
// and compares them with the committed ones.
func TestGeneratedUpToDate(t *testing.T) {
	const iso = "/usr/share/iso-codes/json"
	if _, err := os.Stat(filepath.Join(iso, "iso_3166-1.json")); err != nil {
		t.Skip("Debian iso-codes not installed (apt-get install iso-codes)")
	}
	dir := t.TempDir()
	if err := run(iso, dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"countries.tsv", "subdivisions.tsv"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("data/%s is stale or edited by hand: run go generate ./extract/gazetteer", name)
		}
	}
}

func TestUninvert(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Korea, Republic of", "Republic of Korea"},
		{"Madrid, Comunidad de", "Comunidad de Madrid"},
		{"Armagh City, Banbridge and Craigavon", "Armagh City, Banbridge and Craigavon"},
		{"Libya", "Libya"},
	}
	for _, tt := range tests {
		if got := uninvert(tt.in); got != tt.want {
			t.Errorf("uninvert(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}
