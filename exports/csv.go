package exports

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WriteCSV writes g as nodes.csv and edges.csv in dir (created when
// missing), with the headers neo4j-admin import reads:
//
//	nodes.csv  id:ID,name,type,aliases:string[],:LABEL
//	edges.csv  :START_ID,:END_ID,:TYPE,predicate,status,evidence_count:int,sentence
//
// Array cells use neo4j-admin's default ';' delimiter (a ';' inside an
// alias becomes ','). Every cell is one line (line breaks become spaces,
// control characters go), and a cell that a spreadsheet would run as a
// formula (starting =, +, -, @) gets a leading apostrophe. Each file is
// written whole to a temporary name and renamed, so none is half-written.
func WriteCSV(dir string, g Graph) error {
	s, err := snapshot(g)
	if err != nil {
		return fmt.Errorf("exports: csv: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("exports: csv: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "nodes.csv"), func(w io.Writer) error { return writeNodesCSV(w, s) }); err != nil {
		return fmt.Errorf("exports: csv: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(dir, "edges.csv"), func(w io.Writer) error { return writeEdgesCSV(w, s) }); err != nil {
		return fmt.Errorf("exports: csv: %w", err)
	}
	return nil
}

func writeNodesCSV(w io.Writer, s *snap) error {
	cw := csv.NewWriter(w)
	rows := [][]string{{"id:ID", "name", "type", "aliases:string[]", ":LABEL"}}
	for _, e := range s.entities {
		aliases := make([]string, 0, len(e.Aliases))
		for _, a := range e.Aliases {
			aliases = append(aliases, cell(strings.ReplaceAll(a, ";", ",")))
		}
		labels := "Entity"
		if l := typeLabel(e.Type); l != "" {
			labels += ";" + l
		}
		rows = append(rows, []string{cell(string(e.ID)), cell(e.Name), cell(string(e.Type)), strings.Join(aliases, ";"), labels})
	}
	for _, id := range s.missingEnds() {
		rows = append(rows, []string{cell(string(id)), cell(string(id)), "", "", "Entity"})
	}
	return writeRows(cw, rows)
}

func writeEdgesCSV(w io.Writer, s *snap) error {
	cw := csv.NewWriter(w)
	rows := [][]string{{":START_ID", ":END_ID", ":TYPE", "predicate", "status", "evidence_count:int", "sentence"}}
	for _, r := range s.relations {
		rows = append(rows, []string{cell(string(r.Subject)), cell(string(r.Object)), upperSnake(r.Predicate),
			cell(string(r.Predicate)), string(r.Status()), strconv.Itoa(len(r.Evidence)), cell(firstSentence(r))})
	}
	return writeRows(cw, rows)
}

func writeRows(cw *csv.Writer, rows [][]string) error {
	if err := cw.WriteAll(rows); err != nil { // WriteAll flushes
		return err
	}
	return cw.Error()
}

// cell makes s safe for one CSV cell: one line, and not a formula.
func cell(s string) string {
	s = oneLine(s)
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeFileAtomic writes path through a temporary file in the same folder.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return errors.Join(os.Rename(f.Name(), path))
}
