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
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
)

// maxFileSize bounds what one article may weigh; larger files are refused
// rather than read whole into memory.
const maxFileSize = 64 << 20

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

// extracted is a worker's result for the input at index i.
type extracted struct {
	i     int
	batch graph.Batch
	words int
	err   error
}

func runIngest(opts *ingestOptions) error {
	inputs, err := collectInputs(opts.paths)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("no .txt or .html files found in %s", strings.Join(opts.paths, ", "))
	}
	x, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	s, err := openStore(opts.root, false)
	if err != nil {
		return err
	}
	defer s.Close()

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

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Workers extract in parallel; one writer commits the results in input
	// order, so entity ids come out the same whatever the scheduling. The
	// window bounds how far extraction may run ahead of the writer, and so
	// the memory held by batches waiting for their turn.
	window := make(chan struct{}, 4*opts.workers)
	jobs := make(chan int)
	results := make(chan extracted, opts.workers)
	for w := 0; w < opts.workers; w++ {
		go func() {
			for i := range jobs {
				r := extractOne(x, inputs[i], stdinData)
				r.i = i
				results <- r
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()

	verbose := opts.verbose || len(inputs) <= 10
	progress := newProgress(opts.stderr, len(inputs), opts.quiet)
	start := time.Now()
	var added, skipped, failed, words int
	var ents, rels int
	pending := map[int]extracted{}
	next := 0
	interrupted := false
	for next < len(inputs) {
		var r extracted
		select {
		case r = <-results:
		case <-ctx.Done():
			interrupted = true
		}
		if interrupted {
			break
		}
		pending[r.i] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			<-window
			next++
			name := inputs[r.i].path
			if r.err != nil {
				failed++
				progress.clear()
				fmt.Fprintf(opts.stderr, "kg: %s: %v\n", name, r.err)
				continue
			}
			r.batch.Doc.Ingested = time.Now().UTC()
			res, err := s.Ingest(r.batch)
			if err != nil {
				failed++
				progress.clear()
				fmt.Fprintf(opts.stderr, "kg: %s: %v\n", name, err)
				continue
			}
			words += r.words
			progress.update(next, words)
			if res.Skipped {
				skipped++
				if verbose && !opts.quiet {
					progress.clear()
					fmt.Fprintf(opts.stderr, "%s: already in the database, skipped\n", name)
				}
				continue
			}
			added++
			ents += res.Entities
			rels += res.Relations
			if verbose && !opts.quiet {
				progress.clear()
				fmt.Fprintf(opts.stderr, "%s: %d entities, %d relations\n", name, res.Entities, res.Relations)
			}
		}
	}
	progress.clear()
	elapsed := time.Since(start)
	fmt.Fprintf(opts.stderr, "ingested %d of %d articles into %s (%d already there, %d failed): %d entities, %d relations; %s, %.0f words/s\n",
		added, len(inputs), opts.root.DB, skipped, failed, ents, rels, elapsed.Round(time.Millisecond), float64(words)/elapsed.Seconds())
	if interrupted {
		return &exitError{code: 130, msg: fmt.Sprintf("interrupted: the %d articles committed are kept; run the same command again to ingest the rest", added)}
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d inputs failed (see above)", failed, len(inputs))}
	}
	return nil
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
		return extracted{err: fmt.Errorf("larger than %d MiB; split it into articles", maxFileSize>>20)}
	}
	b, err := x.Extract(in.path, raw)
	if err != nil {
		return extracted{err: err}
	}
	return extracted{batch: b, words: len(strings.Fields(b.Doc.Body))}
}

func readArticle(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open: %w", unwrapPathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot stat: %w", unwrapPathError(err))
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("%d MiB is larger than the %d MiB an article may be; split it", st.Size()>>20, maxFileSize>>20)
	}
	raw, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	return raw, nil
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
// named files (whatever their extension) and "-" as they are.
func collectInputs(paths []string) ([]input, error) {
	var out []input
	stdin := false
	for _, p := range paths {
		if p == "-" {
			if stdin {
				return nil, errors.New("- (standard input) given twice")
			}
			stdin = true
			out = append(out, input{path: "-"})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			out = append(out, input{path: p, err: fmt.Errorf("cannot open: %w", unwrapPathError(err))})
			continue
		}
		if !st.IsDir() {
			out = append(out, input{path: p})
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, input{path: path, err: fmt.Errorf("cannot list: %w", unwrapPathError(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && articleExts[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", p, err)
		}
		sort.Strings(found)
		for _, f := range found {
			out = append(out, input{path: f})
		}
	}
	return out, nil
}
