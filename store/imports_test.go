package store

import (
	"go/build"
	"strings"
	"testing"
)

// TestImports keeps the layering of STYLE.md: store builds on graph and
// Badger, never on kg's other packages.
func TestImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if strings.HasPrefix(imp, "github.com/kgraph/kg/") && imp != "github.com/kgraph/kg/graph" {
			t.Errorf("store imports %s; it may import only graph of kg's packages", imp)
		}
	}
}
