package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

type importOptions struct {
	root   *rootOptions
	path   string
	input  string // json, jsonl, csv or auto
	format string
	stdout io.Writer
}

func init() { register(newImportCmd) }

func newImportCmd(ro *rootOptions) *cobra.Command {
	opts := &importOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "import FILE|DIR",
		Short: "Load entities and relations from JSON, JSON Lines or CSV",
		Long: `Load a graph from elsewhere into the database, merging it with what is there:
a previous kg export, or a curated list of officials.

  json    kg export --format json: {"entities": [...], "relations": [...], "documents": [...]}
  jsonl   one object a line: an entity {"id","name","type","aliases",...}, a relation
          {"subject","predicate","object","evidence":[...]} or a document {"id","source",...}
  csv     kg export --format csv's nodes.csv and edges.csv (give the folder, or each
          file), or any CSV with a header: id,name,type,aliases (aliases split at ';')
          for entities; subject,predicate,object,source for relations

An entity with an id that is stored merges into it; one without an id is matched
by name like an article's. Relation ends are ids (of the file or the database)
or names that fit one entity. A relation without evidence gets one record with
document "import". Decisions hold: rejected relations stay out, curated names
and types stay. Importing the same file twice changes nothing. A JSON export
imported into an empty database exports again as the same JSON (documents come
without their text, so their evidence cannot be re-read against it).
The import is one transaction: all of it or nothing.`,
		Example: `  kg import officials.jsonl
  kg --db copy.db import graph.json
  kg import neo4j-import/          # nodes.csv and edges.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			switch opts.input {
			case "auto", "json", "jsonl", "csv":
			default:
				return fmt.Errorf("unknown input format %q: choose auto, json, jsonl or csv", opts.input)
			}
			opts.path = args[0]
			opts.stdout = cmd.OutOrStdout()
			return runImport(opts)
		},
	}
	cmd.Flags().StringVar(&opts.input, "input", "auto", "input format: auto|json|jsonl|csv (auto: by extension, then content)")
	cmd.Flags().StringVar(&opts.format, "format", "text", "output format: text|json")
	return cmd
}

func runImport(opts *importOptions) error {
	data, err := readGraphData(opts.path, opts.input)
	if err != nil {
		return err
	}
	db, c, err := openCurator(opts.root, false, true)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := c.AddGraph(data)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.stdout, res)
	}
	_, err = fmt.Fprintf(opts.stdout, "imported %s: %d entities (%d new), %d relations (%d evidence records added, %d left out as rejected), %d documents; decision %d\n",
		opts.path, res.Entities, res.NewEntities, res.Relations, res.Evidence, res.Rejected, res.Documents, res.Decision)
	return err
}

// readGraphData reads path (a file, or a folder holding nodes.csv and
// edges.csv) in the format given, or guessed when it is "auto".
func readGraphData(path, format string) (store.GraphData, error) {
	data := store.GraphData{Source: path}
	fi, err := os.Stat(path)
	if err != nil {
		return data, fmt.Errorf("import: %w", err)
	}
	if fi.IsDir() {
		for _, name := range []string{"nodes.csv", "edges.csv"} {
			if err := readCSVFile(filepath.Join(path, name), &data); err != nil && !errors.Is(err, os.ErrNotExist) {
				return data, err
			}
		}
		if len(data.Entities)+len(data.Relations) == 0 {
			return data, fmt.Errorf("import %s: no nodes.csv or edges.csv with rows in the folder", path)
		}
		return data, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return data, fmt.Errorf("import: %w", err)
	}
	if format == "auto" {
		format = guessFormat(path, b)
	}
	switch format {
	case "json":
		err = readJSONGraph(b, &data)
	case "jsonl":
		err = readJSONLines(b, &data)
	default:
		err = readCSV(bytes.NewReader(b), &data)
	}
	if err != nil {
		return data, fmt.Errorf("import %s: %w", path, err)
	}
	return data, nil
}

func guessFormat(path string, b []byte) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".csv":
		return "csv"
	}
	t := bytes.TrimSpace(b)
	if len(t) == 0 || t[0] != '{' {
		return "csv"
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(t, &probe) == nil {
		if _, ok := probe["entities"]; ok {
			return "json"
		}
		if _, ok := probe["relations"]; ok {
			return "json"
		}
	}
	return "jsonl"
}

// jsonGraph is kg's JSON export; fields it has beyond graph's types (a
// relation's status) are read and dropped: they are computed.
type jsonGraph struct {
	Entities  []graph.Entity   `json:"entities"`
	Relations []graph.Relation `json:"relations"`
	Documents []graph.Document `json:"documents"`
}

func readJSONGraph(b []byte, data *store.GraphData) error {
	var g jsonGraph
	if err := json.Unmarshal(b, &g); err != nil {
		return fmt.Errorf("not kg's JSON export: %w", err)
	}
	data.Entities, data.Relations, data.Documents = g.Entities, g.Relations, g.Documents
	return nil
}

func readJSONLines(b []byte, data *store.GraphData) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(line, &probe); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		var err error
		switch {
		case probe["subject"] != nil:
			var r graph.Relation
			err = json.Unmarshal(line, &r)
			data.Relations = append(data.Relations, r)
		case probe["type"] != nil || probe["name"] != nil:
			var e graph.Entity
			err = json.Unmarshal(line, &e)
			data.Entities = append(data.Entities, e)
		case probe["id"] != nil && (probe["source"] != nil || probe["title"] != nil):
			var d graph.Document
			err = json.Unmarshal(line, &d)
			data.Documents = append(data.Documents, d)
		default:
			return fmt.Errorf("line %d: neither an entity (name, type), a relation (subject, predicate, object) nor a document (id, source)", n)
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func readCSVFile(path string, data *store.GraphData) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	if err := readCSV(f, data); err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	return nil
}

// csvColumns maps header names (kg's own, neo4j-admin's, plain ones) to fields.
var csvColumns = map[string]string{
	"id": "id", "id:id": "id", "name": "name", "type": "type", "aliases": "aliases", "aliases:string[]": "aliases",
	":start_id": "subject", "subject": "subject", "source_id": "subject", "from": "subject",
	":end_id": "object", "object": "object", "target_id": "object", "to": "object",
	"predicate": "predicate", ":type": "reltype", "status": "status",
	"sentence": "sentence", "source": "sentence", "evidence": "sentence", "note": "sentence",
}

// readCSV reads entities (a header with name or id, no subject) or relations
// (subject and object columns).
func readCSV(r io.Reader, data *store.GraphData) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return errors.New("empty CSV")
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		if f, ok := csvColumns[strings.ToLower(strings.TrimSpace(h))]; ok {
			if _, dup := col[f]; !dup {
				col[f] = i
			}
		}
	}
	cell := func(row []string, f string) string {
		i, ok := col[f]
		if !ok || i >= len(row) {
			return ""
		}
		return uncell(strings.TrimSpace(row[i]))
	}
	_, hasS := col["subject"]
	_, hasO := col["object"]
	if hasS && hasO {
		for n, row := range rows[1:] {
			p := cell(row, "predicate")
			if p == "" {
				p = strings.ReplaceAll(strings.ToLower(cell(row, "reltype")), "_", "-")
			}
			rel := graph.Relation{Subject: graph.ID(cell(row, "subject")), Predicate: graph.Predicate(p), Object: graph.ID(cell(row, "object"))}
			if rel.Subject == "" || rel.Object == "" {
				return fmt.Errorf("row %d: a relation needs a subject and an object", n+2)
			}
			if s := cell(row, "sentence"); s != "" {
				rel.Evidence = []graph.Evidence{{Doc: store.ImportEvidenceDoc, Sentence: s, Extractor: "import", Confidence: 1, Status: graph.Status(cell(row, "status"))}}
			}
			data.Relations = append(data.Relations, rel)
		}
		return nil
	}
	_, hasName := col["name"]
	_, hasID := col["id"]
	if !hasName && !hasID {
		return fmt.Errorf("the header %q has neither subject and object (relations) nor name or id (entities)", strings.Join(rows[0], ","))
	}
	for _, row := range rows[1:] {
		e := graph.Entity{ID: graph.ID(cell(row, "id")), Name: cell(row, "name"), Type: graph.Type(strings.ToLower(cell(row, "type")))}
		if e.Type == "" {
			continue // an end exports list without being an entity
		}
		for _, a := range strings.Split(cell(row, "aliases"), ";") {
			e.AddAlias(uncell(a))
		}
		data.Entities = append(data.Entities, e)
	}
	return nil
}

// uncell undoes the exports' guard against spreadsheet formulas: a leading
// apostrophe before =, +, - or @.
func uncell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}
