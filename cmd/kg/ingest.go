package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/cmd/kg/internal/ordered"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/text"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// Limits on one article. Each is checked before the work it protects, so a
// file that breaks one is refused quickly and without being held in memory.
const (
	// maxFileSize bounds a file as read (checked with stat, before reading):
	// an HTML page weighs several times its text, and nothing a person
	// would call one article comes near it.
	maxFileSize = 16 << 20
	// maxBodySize bounds an article's cleaned text. The store writes a
	// document whole in one transaction (about 4.8 MB with its entities and
	// relations), so a longer text would be extracted for minutes and then
	// refused anyway.
	maxBodySize = 4 << 20
	// maxSentence bounds one sentence. Relation extraction is quadratic in
	// a sentence's length (a 100 KB "sentence" takes seconds, 10 MB would
	// take hours), and text with no sentence break in 16 KB is not prose:
	// a data dump, a minified script, a word list.
	maxSentence = 16 << 10
	// minFree is the disk space ingest wants free before each commit.
	// Badger writes through memory-mapped files it sizes ahead (a 64 MB
	// memtable log, a 64 MB value log): on a full disk a write into one
	// kills the process with SIGBUS rather than returning an error. Checking
	// first turns that crash into a message.
	minFree = 160 << 20
	// ingestMemoryLimit is the soft limit ingest sets on the Go runtime's
	// memory (debug.SetMemoryLimit), unless GOMEMLIMIT sets one: with
	// Badger's mapped files kept small (store.pageOut), it keeps a long
	// ingest's peak RSS under 1 GiB.
	ingestMemoryLimit = 512 << 20
)

type ingestOptions struct {
	root    *rootOptions
	paths   []string
	workers int
	quiet   bool
	verbose bool
	stdin   io.Reader
	stderr  io.Writer
}

func init() { register(newIngestCmd) }

func newIngestCmd(ro *rootOptions) *cobra.Command {
	opts := &ingestOptions{root: ro}
	cmd := &cobra.Command{
		Use:   "ingest PATH... | -",
		Short: "Read articles into the graph",
		Long: `Read articles into the graph: files, folders (recursively: .txt, .text, .html, .htm)
or - for standard input. Each article is cleaned of page furniture, its people,
organizations, places and events are found and linked to those already in the
database, and its relations are stored with the sentence each came from.

Each article is written whole or not at all. Ingesting an article again changes
nothing. A file that cannot be read or has no text is reported and skipped; the
others go in, and kg exits non-zero at the end with a summary.`,
		Example: `  kg ingest article.txt
  kg ingest corpus/
  curl -s URL | kg ingest -        (kg itself never touches the network)`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			opts.stdin = cmd.InOrStdin()
			opts.stderr = cmd.ErrOrStderr()
			if opts.workers < 1 {
				return fmt.Errorf("--workers must be at least 1")
			}
			return runIngest(opts)
		},
	}
	cmd.Flags().IntVarP(&opts.workers, "workers", "j", runtime.NumCPU(), "articles extracted in parallel")
	cmd.Flags().BoolVarP(&opts.quiet, "quiet", "q", false, "print only errors and the summary")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "a line for every article (the default for up to 10)")
	return cmd
}

// input is one article to ingest: a path, or "-" for standard input.
type input struct {
	path string
	err  error // set when the path could not even be listed
}

// extracted is a worker's result for one input.
type extracted struct {
	batch graph.Batch
	words int
	notes []string // what was repaired on the way in ("decoded windows-1252")
	err   error
}

// refusal is why an input was skipped: kind is a short word for the summary
// ("missing", "binary", "too large"), msg the one-line reason.
type refusal struct {
	kind string
	msg  string
}

func (r *refusal) Error() string { return r.msg }

func refuse(kind, format string, args ...any) *refusal {
	return &refusal{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// kindOf names err's kind for the summary.
func kindOf(err error) string {
	var r *refusal
	if errors.As(err, &r) {
		return r.kind
	}
	return "failed"
}

func runIngest(opts *ingestOptions) error {
	inputs, notes, err := collectInputs(opts.paths)
	if err != nil {
		return err
	}
	if !opts.quiet {
		for _, n := range notes {
			fmt.Fprintf(opts.stderr, "kg: %s\n", n)
		}
	}
	if len(inputs) == 0 {
		return fmt.Errorf("no .txt or .html files found in %s", strings.Join(opts.paths, ", "))
	}
	// The database first: a locked or foreign one is refused at once, before
	// the seconds spent loading the extractor.
	s, err := openStore(opts.root, false)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			s.Close()
		}
	}()
	x, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}

	var stdinData []byte
	for _, in := range inputs {
		if in.path == "-" {
			stdinData, err = io.ReadAll(io.LimitReader(opts.stdin, maxFileSize+1))
			if err != nil {
				return fmt.Errorf("read standard input: %w", err)
			}
			break
		}
	}

	// Badger's memtables, compaction buffers and block cache make most of
	// a live heap of 100-250 MB (see docs/BENCH.md), the extractor's model
	// about 15 MB; the limit stops the collector from letting the heap grow
	// to twice a peak before it runs.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestMemoryLimit))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Workers extract in parallel; one writer commits the results in input
	// order, so entity ids come out the same whatever the scheduling, and
	// extraction runs at most a few articles ahead of it (ordered.Ahead per
	// worker), which bounds the memory held by batches waiting their turn.
	verbose := opts.verbose || len(inputs) <= 10
	progress := newProgress(opts.stderr, len(inputs), opts.quiet)
	start := time.Now()
	var added, skipped, failed, words int
	var ents, rels int
	kinds := map[string]int{}
	var storeErr error // a write failure not due to the article: the rest would fail too
	work := func(i int) extracted { return extractOne(x, inputs[i], stdinData) }
	commit := func(i int, r extracted) error {
		name := inputs[i].path
		if r.err != nil {
			failed++
			kinds[kindOf(r.err)]++
			progress.clear()
			fmt.Fprintf(opts.stderr, "kg: %s: %v\n", name, r.err)
			return nil
		}
		if !opts.quiet {
			for _, n := range r.notes {
				progress.clear()
				fmt.Fprintf(opts.stderr, "kg: %s: %s\n", name, n)
			}
		}
		if free, ok := diskFree(opts.root.DB); ok && free < minFree {
			failed++
			storeErr = fmt.Errorf("the disk holding %s is full: %s free, kg needs %s to write safely", opts.root.DB, mib(int64(free)), mib(minFree))
			progress.clear()
			fmt.Fprintf(opts.stderr, "kg: %s: not written: %v\n", name, storeErr)
			return storeErr
		}
		r.batch.Doc.Ingested = time.Now().UTC()
		res, err := s.Ingest(r.batch)
		if errors.Is(err, store.ErrTooBig) {
			failed++
			kinds["too large"]++
			progress.clear()
			fmt.Fprintf(opts.stderr, "kg: %s: too many entities and relations for one article (%d, %d); split it\n", name, len(r.batch.Entities), len(r.batch.Relations))
			return nil
		}
		if err != nil {
			failed++
			progress.clear()
			fmt.Fprintf(opts.stderr, "kg: %s: %v\n", name, err)
			storeErr = err
			return err
		}
		words += r.words
		progress.update(i+1, words)
		if res.Skipped {
			skipped++
			if verbose && !opts.quiet {
				progress.clear()
				fmt.Fprintf(opts.stderr, "%s: already in the database, skipped\n", name)
			}
			return nil
		}
		added++
		ents += res.Entities
		rels += res.Relations
		if verbose && !opts.quiet {
			progress.clear()
			fmt.Fprintf(opts.stderr, "%s: %d entities, %d relations\n", name, res.Entities, res.Relations)
		}
		return nil
	}
	interrupted := errors.Is(ordered.Run(ctx, len(inputs), opts.workers, work, commit), context.Canceled)
	progress.clear()
	closed = true
	if err := s.Close(); err != nil && storeErr == nil {
		storeErr = err
		fmt.Fprintf(opts.stderr, "kg: %v\n", err)
	}
	elapsed := time.Since(start)
	fmt.Fprintf(opts.stderr, "ingested %d of %d articles into %s (%d already there, %d failed): %d entities, %d relations; %s, %.0f words/s\n",
		added, len(inputs), opts.root.DB, skipped, failed, ents, rels, elapsed.Round(time.Millisecond), float64(words)/elapsed.Seconds())
	if interrupted {
		return &exitError{code: 130, msg: fmt.Sprintf("interrupted: the %d articles committed are kept; run the same command again to ingest the rest", added)}
	}
	if storeErr != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("stopped: %v; the %d articles committed before are kept, run the same command again once it is fixed", storeErr, added)}
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs skipped (%s; see above)", failed, len(inputs), summarize(kinds))}
	}
	return nil
}

// summarize lists failure kinds with their counts, most frequent first.
func summarize(kinds map[string]int) string {
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if kinds[names[i]] != kinds[names[j]] {
			return kinds[names[i]] > kinds[names[j]]
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = fmt.Sprintf("%d %s", kinds[k], k)
	}
	return strings.Join(parts, ", ")
}

func extractOne(x *extract.Extractor, in input, stdinData []byte) extracted {
	if in.err != nil {
		return extracted{err: in.err}
	}
	var raw []byte
	if in.path == "-" {
		raw = stdinData
	} else {
		var err error
		raw, err = readArticle(in.path)
		if err != nil {
			return extracted{err: err}
		}
	}
	if len(raw) > maxFileSize {
		return extracted{err: refuse("too large", "larger than the %s a file may be; split it into articles", mib(maxFileSize))}
	}
	notes, err := screen(raw, in.path)
	if err != nil {
		return extracted{err: err}
	}
	b, err := x.Extract(in.path, raw)
	if err != nil {
		return extracted{err: err}
	}
	return extracted{batch: b, words: len(strings.Fields(b.Doc.Body)), notes: notes}
}

// screen cleans raw as the extractor will and refuses what it should not
// be given: no text, binary data, a text too long to store, a sentence too
// long to relate. It returns what the cleaning repaired, said for a person.
// Cleaning twice costs about a millisecond for an article, against the
// hundreds extraction takes.
func screen(raw []byte, name string) ([]string, error) {
	a, err := text.Clean(raw, name)
	switch {
	case errors.Is(err, text.ErrEmpty):
		return nil, refuse("empty", "empty: no text in it")
	case errors.Is(err, text.ErrBinary):
		return nil, refuse("binary", "not text: %s; kg reads .txt and .html articles", binaryKind(raw))
	case errors.Is(err, text.ErrNoText):
		return nil, refuse("no text", "no article text left once page furniture was removed")
	case err != nil:
		return nil, err
	}
	var notes []string
	for _, n := range a.Notes {
		switch n {
		case text.NoteWindows1252:
			notes = append(notes, "not UTF-8: decoded as Windows-1252 (Latin-1)")
		case text.NoteReplaced:
			notes = append(notes, "invalid UTF-8 repaired: the bad bytes became U+FFFD")
		case text.NoteUTF16:
			notes = append(notes, "decoded from UTF-16")
		}
	}
	if len(a.Body) > maxBodySize {
		return nil, refuse("too large", "%s of text is more than the %s an article may be; split it into articles", mib(int64(len(a.Body))), mib(maxBodySize))
	}
	if script, share := mainScript(a.Body); script != "Latin" {
		return nil, refuse("not English", "written in %s script (%.0f%% of its letters): kg's extractor reads English and would make garbage entities of it", script, share*100)
	}
	for _, sen := range text.Segment(a.Body) {
		if n := sen.End - sen.Start; n > maxSentence {
			return nil, refuse("not prose", "a %d KiB run of text without a sentence break at byte %d (kg reads sentences up to %d KiB): not prose", n>>10, sen.Start, maxSentence>>10)
		}
	}
	return notes, nil
}

// scripts are the writing systems mainScript tells apart.
var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin}, {"Cyrillic", unicode.Cyrillic}, {"Arabic", unicode.Arabic},
	{"Han (Chinese)", unicode.Han}, {"Hiragana", unicode.Hiragana}, {"Katakana", unicode.Katakana},
	{"Hangul", unicode.Hangul}, {"Hebrew", unicode.Hebrew}, {"Greek", unicode.Greek},
	{"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai},
}

// mainScript returns the script most of s's letters are written in, and
// its share of them. Text with no letters counts as Latin.
func mainScript(s string) (string, float64) {
	counts := make([]int, len(scripts))
	other, total := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		total++
		found := false
		for i, sc := range scripts {
			if unicode.Is(sc.table, r) {
				counts[i]++
				found = true
				break
			}
		}
		if !found {
			other++
		}
	}
	if total == 0 {
		return "Latin", 1
	}
	best := 0
	for i := range counts {
		if counts[i] > counts[best] {
			best = i
		}
	}
	// Latin wins unless another script clearly dominates: an English
	// article quoting Arabic or Russian is still English.
	if latin := float64(counts[0]) / float64(total); latin >= 0.25 || other > counts[best] {
		return "Latin", latin
	}
	return scripts[best].name, float64(counts[best]) / float64(total)
}

// mib formats a size in mebibytes, with a decimal where it matters.
func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// binaryKind names the format of binary data by its signature.
func binaryKind(raw []byte) string {
	sigs := []struct{ magic, name string }{
		{"\x89PNG", "a PNG image"},
		{"\xff\xd8\xff", "a JPEG image"},
		{"GIF8", "a GIF image"},
		{"%PDF-", "a PDF document"},
		{"\x7fELF", "an executable (ELF)"},
		{"MZ", "a Windows executable"},
		{"PK\x03\x04", "a zip archive (or an Office document)"},
		{"\x1f\x8b", "gzip-compressed data"},
		{"\xd0\xcf\x11\xe0", "an old Office document"},
		{"SQLite format 3", "an SQLite database"},
	}
	for _, sig := range sigs {
		if strings.HasPrefix(string(raw[:min(len(raw), 16)]), sig.magic) {
			return sig.name
		}
	}
	return "binary data"
}

func readArticle(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openRefusal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, refuse("unreadable", "cannot stat: %v", unwrapPathError(err))
	}
	if st.IsDir() {
		return nil, refuse("directory", "is a directory")
	}
	if !st.Mode().IsRegular() {
		return nil, refuse("not a file", "not a regular file (%s)", st.Mode().Type())
	}
	if st.Size() > maxFileSize {
		return nil, refuse("too large", "%s is larger than the %s a file may be; split it into articles", mib(st.Size()), mib(maxFileSize))
	}
	raw, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, refuse("unreadable", "cannot read: %v", unwrapPathError(err))
	}
	return raw, nil
}

// openRefusal explains why a file could not be opened.
func openRefusal(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return refuse("missing", "no such file")
	case errors.Is(err, fs.ErrPermission):
		return refuse("unreadable", "permission denied")
	}
	return refuse("unreadable", "cannot open: %v", unwrapPathError(err))
}

// unwrapPathError drops the path from an *fs.PathError, which the caller prints already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var articleExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true}

// collectInputs expands folders into their article files, sorted, and keeps
// named files (whatever their extension) and "-" as they are. Inside a
// folder, a symbolic link to an article file is read; a link to a folder is
// not followed (links can loop), and a note says so.
func collectInputs(paths []string) ([]input, []string, error) {
	var out []input
	var notes []string
	stdin := false
	for _, p := range paths {
		if p == "-" {
			if stdin {
				return nil, nil, errors.New("- (standard input) given twice")
			}
			stdin = true
			out = append(out, input{path: "-"})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			out = append(out, input{path: p, err: openRefusal(err)})
			continue
		}
		if !st.IsDir() {
			out = append(out, input{path: p})
			continue
		}
		root := p
		if lst, err := os.Lstat(p); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not follow a root that is a link: the separator
			// makes it resolve the link to the folder named.
			root = p + string(filepath.Separator)
		}
		var found []string
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, input{path: path, err: refuse("unreadable", "cannot list: %v", unwrapPathError(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if !articleExts[strings.ToLower(filepath.Ext(path))] && d.Type()&fs.ModeSymlink == 0 {
				return nil
			}
			switch {
			case d.Type().IsRegular():
				found = append(found, path)
			case d.Type()&fs.ModeSymlink != 0:
				target, err := os.Stat(path)
				switch {
				case err != nil && !articleExts[strings.ToLower(filepath.Ext(path))]:
				case errors.Is(err, fs.ErrNotExist):
					out = append(out, input{path: path, err: refuse("missing", "a symbolic link to a file that does not exist")})
				case err != nil:
					out = append(out, input{path: path, err: refuse("unreadable", "a symbolic link that cannot be followed: %v", unwrapPathError(err))})
				case target.IsDir():
					notes = append(notes, fmt.Sprintf("%s: a symbolic link to a folder, not followed", path))
				case target.Mode().IsRegular() && articleExts[strings.ToLower(filepath.Ext(path))]:
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("list %s: %w", p, err)
		}
		sort.Strings(found)
		for _, f := range found {
			out = append(out, input{path: f})
		}
	}
	return out, notes, nil
}
