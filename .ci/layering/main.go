// Command layering checks the import rules of STYLE.md: graph imports none
// of kg's packages; extract, store, query and exports import graph but not
// each other; only cmd/kg imports cobra and wires them.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

const module = "github.com/kgraph/kg"

// layers maps a package prefix to the kg packages it must not depend on.
var layers = map[string][]string{
	"graph":   {"extract", "store", "query", "exports", "cmd"},
	"extract": {"store", "query", "exports", "cmd"},
	"store":   {"extract", "query", "exports", "cmd"},
	"query":   {"extract", "store", "exports", "cmd"},
	"exports": {"extract", "store", "query", "cmd"},
}

func main() {
	out, err := exec.Command("go", "list", "-e", "-deps", "-f", "{{.ImportPath}}:{{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "layering: go list:", err)
		os.Exit(2)
	}
	bad := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		pkg, imports, _ := strings.Cut(sc.Text(), ":")
		if !strings.HasPrefix(pkg, module+"/") {
			continue
		}
		rel := strings.TrimPrefix(pkg, module+"/")
		top, _, _ := strings.Cut(rel, "/")
		for _, imp := range strings.Fields(imports) {
			if strings.Contains(imp, "spf13/cobra") && top != "cmd" {
				fmt.Printf("%s imports cobra: only cmd/kg may\n", rel)
				bad++
			}
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			itop, _, _ := strings.Cut(strings.TrimPrefix(imp, module+"/"), "/")
			for _, forbidden := range layers[top] {
				if itop == forbidden {
					fmt.Printf("%s imports %s: %s may not depend on %s\n", rel, strings.TrimPrefix(imp, module+"/"), top, forbidden)
					bad++
				}
			}
		}
		if top == "graph" {
			for _, imp := range strings.Fields(imports) {
				if strings.Contains(imp, ".") && !strings.HasPrefix(imp, module+"/graph") {
					fmt.Printf("%s imports %s: graph is standard library only\n", rel, imp)
					bad++
				}
			}
		}
	}
	if bad > 0 {
		os.Exit(1)
	}
	fmt.Println("layering ok")
}
