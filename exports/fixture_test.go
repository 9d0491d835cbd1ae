package exports

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Two made-up documents; bodies are never exported.
const (
	docA graph.DocID = "a1f0c3"
	docB graph.DocID = "b2e9d4"
)

// hostileEntities carry every kind of name an exporter must survive:
// quotes, backslashes, markup, ampersands, newlines, control characters,
// a bidirectional override, Arabic, Cyrillic, and spreadsheet formulas.
func hostileEntities() []graph.Entity {
	return []graph.Entity{
		{ID: "amira-haddad", Name: "Amira Haddad", Type: graph.Person, Aliases: []string{"Amira al-Haddad", "Emira Hadad"},
			Attrs: map[string]string{"title": "Interior Minister", "nationality": "Libyan"}, Mentions: 7, Docs: []graph.DocID{docA, docB}},
		{ID: "quote-man", Name: `Jo "the Quote" O'Neil \ back\slash`, Type: graph.Person,
			Aliases: []string{"Jo\nNewline", "=HYPERLINK(\"http://example.invalid\")"}, Mentions: 2, Docs: []graph.DocID{docA}},
		{ID: "script-co", Name: "<script>alert(1)</script> & Sons", Type: graph.Organization,
			Attrs: map[string]string{"note": "line one\nline two\x07bell\x00nul"}, Mentions: 3},
		{ID: "tarabulus", Name: "طرابلس", Type: graph.Place, Aliases: []string{"Tarabulus", "Tripoli"}, Mentions: 4},
		{ID: "moskva", Name: "Москва", Type: graph.Place, Aliases: []string{"Moscow"}},
		{ID: "sum-event", Name: "=SUM(A1:A9)", Type: graph.Event, Aliases: []string{"+call", "-minus", "@at", "plain"}},
		{ID: "bidi", Name: "abc\u202Edef\u202C ghi", Type: graph.Person},
		{ID: "no-aliases", Name: "Plain Council", Type: graph.Organization},
	}
}

func hostileRelations() []graph.Relation {
	return []graph.Relation{
		{Subject: "amira-haddad", Predicate: graph.DefectedFrom, Object: "script-co", Evidence: []graph.Evidence{
			{Doc: docA, Sentence: "Haddad left the <script> & Sons board on Tuesday.", Start: 10, End: 58,
				Extractor: "rule/defect@1", Confidence: 0.9, Date: "2011-03-30"}}},
		{Subject: "amira-haddad", Predicate: graph.MemberOf, Object: "no-aliases", Attrs: map[string]string{"role": "Chair \"acting\""},
			Evidence: []graph.Evidence{{Doc: docB, Sentence: "She chaired the council.", Start: 0, End: 24, Extractor: "rule/member@1", Confidence: 0.7}}},
		// Symmetric, stored the "wrong" way round: must come out once, subject first by id.
		{Subject: "quote-man", Predicate: graph.Accompanied, Object: "amira-haddad", Evidence: []graph.Evidence{
			{Doc: docA, Sentence: "He said \"we flew\" together,\nthen </title><svg onload=alert(1)> left \\ back.", Start: 60, End: 130,
				Extractor: "rule/accompany@1", Confidence: 0.6}}},
		{Subject: "quote-man", Predicate: graph.AccusedOf, Object: "sum-event", Evidence: []graph.Evidence{
			{Doc: docA, Sentence: "Rebels claimed he ordered the =SUM raid.", Start: 140, End: 180, Extractor: "rule/accuse@1",
				Confidence: 0.5, Status: graph.Alleged, AttributedTo: "rebels"}}},
		{Subject: "script-co", Predicate: graph.LocatedIn, Object: "tarabulus", Evidence: []graph.Evidence{
			{Doc: docB, Sentence: "The firm is based in طرابلس.", Start: 30, End: 62, Status: graph.Reported, AttributedTo: "Reuters"}}},
		{Subject: "amira-haddad", Predicate: graph.TravelledTo, Object: "moskva", Evidence: []graph.Evidence{
			{Doc: docB, Sentence: "She may fly to Москва next.", Start: 70, End: 98, Status: graph.Speculated, AttributedTo: "Mr Cameron"},
			{Doc: docA, Sentence: "Officials wonder whether she will go to Moscow.", Start: 200, End: 247, Status: graph.Speculated, Date: "2011-04"}}},
		{Subject: "bidi", Predicate: graph.Advised, Object: "amira-haddad", Evidence: []graph.Evidence{
			{Doc: docB, Sentence: "A spokesman denied that abc advised her.", Start: 100, End: 140, Status: graph.Denied}}},
	}
}

func hostileDocs() []graph.Document {
	return []graph.Document{
		{ID: docB, Source: "dev/second & last.txt", Body: "SECRET BODY B"},
		{ID: docA, Source: "seed.html", Title: "Minister flees & <b>defects</b>", Date: "2011-03-31", Body: "SECRET BODY A"},
	}
}

// hostileGraph builds the test graph, inserting in the given order so tests
// can check that output does not depend on it.
func hostileGraph(t testing.TB, reverse bool) *graph.Memory {
	t.Helper()
	g := graph.NewMemory()
	ents, rels, docs := hostileEntities(), hostileRelations(), hostileDocs()
	if reverse {
		for i := len(ents) - 1; i >= 0; i-- {
			g.PutEntity(ents[i])
		}
		for i := len(rels) - 1; i >= 0; i-- {
			g.PutRelation(rels[i])
		}
		for i := len(docs) - 1; i >= 0; i-- {
			g.PutDocument(docs[i])
		}
		return g
	}
	for _, e := range ents {
		g.PutEntity(e)
	}
	for _, r := range rels {
		g.PutRelation(r)
	}
	for _, d := range docs {
		g.PutDocument(d)
	}
	return g
}

var hostileOpts = Options{Focus: []graph.ID{"amira-haddad"}}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", name, got)
	}
}

// tool returns the path of an external program or skips the test.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not on PATH (apt-get install %s): skipping the real-consumer check", name, pkg)
	}
	return p
}

// debianPython returns Debian's python3 when it can import module, or skips.
func debianPython(t *testing.T, module string) string {
	t.Helper()
	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		t.Skipf("%s cannot import %s (apt-get install python3-%s): skipping the real-consumer check", py, module, module)
	}
	return py
}

func write(t testing.TB, format string, g Graph, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, g, opts); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.Bytes()
}
