package graphtest

import (
	"go/build"
	"strings"
	"testing"
)

// TestImports keeps graphtest on the standard library and graph, so that
// any implementation's tests can use it.
func TestImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") && imp != "github.com/kgraph/kg/graph" {
			t.Errorf("graphtest imports %s; it may import only the standard library and graph", imp)
		}
	}
}
