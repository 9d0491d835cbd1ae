package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kg runs the command tree in-process with args and returns stdout, stderr
// and the error Execute returned.
func kg(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRootCmd()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errb.String(), err
}

const fixture = "../../examples/defections.txt"

func TestIngestTwiceExportIdentical(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, err := kg(t, "--db", db, "ingest", fixture); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	first, _, err := kg(t, "--db", db, "export", "--format", "json")
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	_, stderr, err := kg(t, "--db", db, "ingest", fixture)
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "already") {
		t.Errorf("second ingest stderr = %q, want it to say the article was already there", stderr)
	}
	second, _, err := kg(t, "--db", db, "export", "--format", "json")
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if first != second {
		t.Errorf("export changed after re-ingesting the same article")
	}
	var doc struct {
		Entities []struct {
			ID, Name, Type string
			Aliases        []string
		}
		Relations []struct{ Subject, Predicate, Object string }
	}
	if err := json.Unmarshal([]byte(first), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if len(doc.Entities) < 5 || len(doc.Relations) < 3 {
		t.Errorf("export has %d entities and %d relations; want a real graph", len(doc.Entities), len(doc.Relations))
	}
	var koussa bool
	for _, e := range doc.Entities {
		if e.ID == "moussa-koussa" && e.Type == "person" {
			koussa = true
		}
	}
	if !koussa {
		t.Errorf("no person moussa-koussa in the export")
	}
}

func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "image.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	_, stderr, err := kg(t, "--db", db, "ingest", missing, empty, binary, fixture)
	if err == nil {
		t.Fatalf("ingest of bad files succeeded; want a non-zero exit")
	}
	for _, want := range []string{missing, empty, binary} {
		if !strings.Contains(stderr, want+":") {
			t.Errorf("stderr does not name %s:\n%s", want, stderr)
		}
	}
	// The good article went in and the database still answers.
	out, _, err := kg(t, "--db", db, "export", "--format", "json")
	if err != nil {
		t.Fatalf("export after bad input: %v", err)
	}
	if !strings.Contains(out, "moussa-koussa") {
		t.Errorf("the good article is missing after a batch with bad files")
	}
}

func TestNotAKGDatabase(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := kg(t, "--db", dir, "ingest", fixture)
	if err == nil || !strings.Contains(err.Error(), "not a kg database") {
		t.Fatalf("ingest into a foreign directory: err = %v, want a 'not a kg database' error", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.md")); err != nil {
		t.Errorf("the foreign directory was damaged: %v", err)
	}
}

func TestReadCommandsNeedADatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	_, _, err := kg(t, "--db", db, "export", "--format", "json")
	if err == nil || !strings.Contains(err.Error(), "kg ingest") {
		t.Fatalf("export without a database: err = %v, want advice to ingest first", err)
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("export created %s", db)
	}
}

func TestExportFormatsValidated(t *testing.T) {
	_, _, err := kg(t, "--db", t.TempDir(), "export", "--format", "xls")
	if err == nil || !strings.Contains(err.Error(), "choose one of") {
		t.Fatalf("err = %v, want the list of formats", err)
	}
}
