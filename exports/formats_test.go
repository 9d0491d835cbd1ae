package exports

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestGoldenDataFormats(t *testing.T) {
	for _, f := range []struct{ format, file string }{
		{"graphml", "hostile.graphml"}, {"gexf", "hostile.gexf"}, {"cypher", "hostile.cypher"}, {"nquads", "hostile.nq"},
	} {
		t.Run(f.format, func(t *testing.T) {
			golden(t, f.file, write(t, f.format, hostileGraph(t, false), hostileOpts))
		})
	}
	t.Run("csv", func(t *testing.T) {
		dir := t.TempDir()
		if err := WriteCSV(dir, hostileGraph(t, false)); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"nodes.csv", "edges.csv"} {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "hostile."+name, b)
		}
	})
}

func TestDeterministic(t *testing.T) {
	for _, format := range Formats {
		if format == "csv" || IsBinary(format) {
			continue
		}
		t.Run(format, func(t *testing.T) {
			a := write(t, format, hostileGraph(t, false), hostileOpts)
			b := write(t, format, hostileGraph(t, true), hostileOpts)
			if !bytes.Equal(a, b) {
				t.Errorf("two writes of the same graph differ")
			}
		})
	}
}

func TestXMLWellFormed(t *testing.T) {
	for _, format := range []string{"graphml", "gexf", "svg"} {
		t.Run(format, func(t *testing.T) {
			out := write(t, format, hostileGraph(t, false), hostileOpts)
			dec := xml.NewDecoder(bytes.NewReader(out))
			dec.Strict = true
			var text strings.Builder
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("not well-formed: %v", err)
				}
				switch el := tok.(type) {
				case xml.StartElement:
					if el.Name.Local == "script" {
						t.Errorf("a name injected a <script> element")
					}
					for _, a := range el.Attr {
						text.WriteString(a.Value + "|")
					}
				case xml.CharData:
					text.Write(el)
				}
			}
			if !strings.Contains(text.String(), "<script>alert(1)</script> & Sons") {
				t.Errorf("the hostile name did not survive as text")
			}
			if xmllint, err := exec.LookPath("xmllint"); err == nil {
				cmd := exec.Command(xmllint, "--noout", "-")
				cmd.Stdin = bytes.NewReader(out)
				if msg, err := cmd.CombinedOutput(); err != nil {
					t.Errorf("xmllint: %v: %s", err, msg)
				}
			}
		})
	}
}

// TestNetworkX has networkx read the GraphML and the GEXF. networkx 2.8
// knows GEXF only up to 1.2draft, so the 1.3 namespace is renamed for it.
func TestNetworkX(t *testing.T) {
	py := debianPython(t, "networkx")
	g := hostileGraph(t, false)
	dir := t.TempDir()
	gml := filepath.Join(dir, "g.graphml")
	gexf := filepath.Join(dir, "g.gexf")
	if err := os.WriteFile(gml, write(t, "graphml", g, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	gx := strings.ReplaceAll(string(write(t, "gexf", g, Options{})), "http://gexf.net/1.3", "http://www.gexf.net/1.2draft")
	if err := os.WriteFile(gexf, []byte(gx), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
print(json.dumps({
  "graphml_nodes": g.number_of_nodes(), "graphml_edges": g.number_of_edges(),
  "graphml_name": g.nodes["script-co"]["name"], "graphml_aliases": json.loads(g.nodes["quote-man"]["aliases"]),
  "graphml_pred": g.edges["quote-man", "sum-event"]["predicate"],
  "gexf_nodes": x.number_of_nodes(), "gexf_edges": x.number_of_edges(),
  "gexf_label": x.nodes["tarabulus"]["label"],
}, ensure_ascii=False, sort_keys=True))
`
	out, err := exec.Command(py, "-c", script, gml, gexf).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v: %s", err, out)
	}
	got := strings.TrimSpace(string(out))
	want := `{"gexf_edges": 7, "gexf_label": "طرابلس", "gexf_nodes": 8, "graphml_aliases": ["Jo\nNewline", "=HYPERLINK(\"http://example.invalid\")"], "graphml_edges": 7, "graphml_name": "<script>alert(1)</script> & Sons", "graphml_nodes": 8, "graphml_pred": "accused-of"}`
	if got != want {
		t.Errorf("networkx read\n%s\nwant\n%s", got, want)
	}
}

// TestRDFLib has rdflib parse the N-Quads.
func TestRDFLib(t *testing.T) {
	py := debianPython(t, "rdflib")
	path := filepath.Join(t.TempDir(), "g.nq")
	if err := os.WriteFile(path, write(t, "nquads", hostileGraph(t, false), Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, rdflib
d = rdflib.Dataset()
d.parse(sys.argv[1], format="nquads")
label = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")
names = sorted(str(o) for s, p, o, g in d.quads((None, label, None, None)))
graphs = sorted(str(g.identifier) if hasattr(g, "identifier") else str(g) for s, p, o, g in d.quads((None, rdflib.URIRef("urn:kg:predicate:travelled-to"), None, None)))
print(len(list(d.quads((None, None, None, None)))))
print(repr(names))
print(repr(graphs))
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: %v: %s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 {
		t.Fatalf("rdflib printed %q", out)
	}
	for _, want := range []string{`Jo "the Quote" O\'Neil \\ back\\slash`, "<script>alert(1)</script> & Sons", "طرابلس"} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("rdflib labels %s lack %q", lines[1], want)
		}
	}
	if lines[2] != "['urn:kg:doc:a1f0c3', 'urn:kg:doc:b2e9d4']" {
		t.Errorf("travelled-to graph names = %s, want both documents", lines[2])
	}
}

func TestCSV(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "dir")
	if err := WriteCSV(dir, hostileGraph(t, false)); err != nil {
		t.Fatal(err)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s does not read back: %v", name, err)
		}
		return rows
	}
	nodes, edges := read("nodes.csv"), read("edges.csv")
	if got := strings.Join(nodes[0], ","); got != "id:ID,name,type,aliases:string[],:LABEL" {
		t.Errorf("nodes header %q", got)
	}
	if got := strings.Join(edges[0], ","); got != ":START_ID,:END_ID,:TYPE,predicate,status,evidence_count:int,sentence" {
		t.Errorf("edges header %q", got)
	}
	if len(nodes) != 1+len(hostileEntities()) || len(edges) != 1+len(hostileRelations()) {
		t.Fatalf("got %d node rows, %d edge rows", len(nodes)-1, len(edges)-1)
	}
	for _, rows := range [][][]string{nodes, edges} {
		for _, row := range rows {
			for _, c := range row {
				if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
					t.Errorf("cell %q would run as a formula", c)
				}
				if strings.ContainsAny(c, "\n\r\x00\x07") {
					t.Errorf("cell %q holds a line break or control character", c)
				}
			}
		}
	}
	byID := map[string][]string{}
	for _, row := range nodes[1:] {
		byID[row[0]] = row
	}
	if got := byID["sum-event"]; got[1] != "'=SUM(A1:A9)" || got[3] != "'+call;'-minus;'@at;plain" || got[4] != "Entity;Event" {
		t.Errorf("sum-event row = %q", got)
	}
	for _, row := range edges[1:] {
		if row[3] == "accused-of" && (row[2] != "ACCUSED_OF" || row[4] != "alleged" || row[5] != "1") {
			t.Errorf("accused-of row = %q", row)
		}
	}
}

func TestCypherString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `'plain'`},
		{`O'Neil`, `'O\'Neil'`},
		{`back\slash`, `'back\\slash'`},
		{"two\nlines", `'two\nlines'`},
		{"nul\x00bell\x07", `'nul\u0000bell\u0007'`},
		{"Москва", `'Москва'`},
	}
	for _, tt := range tests {
		if got := cypherString(tt.in); got != tt.want {
			t.Errorf("cypherString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := cypherName("a`b"); got != "`a``b`" {
		t.Errorf("cypherName = %s", got)
	}
	if got := upperSnake("accused-of"); got != "ACCUSED_OF" {
		t.Errorf("upperSnake = %s", got)
	}
}

func TestNQuadsTerms(t *testing.T) {
	if got := iri("entity", "a b>c\"d"); got != "<urn:kg:entity:a%20b%3Ec%22d>" {
		t.Errorf("iri = %s", got)
	}
	if got := literal("q\"b\\n\nc\x01"); got != `"q\"b\\n\nc\u0001"` {
		t.Errorf("literal = %s", got)
	}
}
