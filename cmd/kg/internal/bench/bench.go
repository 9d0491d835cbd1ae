// Package bench is the engine of `kg bench`: it generates a deterministic
// synthetic corpus and graph and measures kg on them (ingest, bulk import,
// size on disk, traversal, rendering), each beside the limit it is held
// against: a raw Badger key scan for traversal, tokenizing alone for
// ingest.
package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/kgraph/kg/cmd/kg/internal/ordered"
	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/text"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

// Config says what to measure.
type Config struct {
	// Entities in the synthetic graph; it has ten times as many relations.
	Entities int
	// Articles generated for the ingest figures (0: 2,000).
	Articles int
	// Workers for the all-cores ingest (0: runtime.NumCPU()).
	Workers int
	// Samples of each traversal (0: 2,000 one-hop, 200 two-hop, 50 paths).
	Samples int
	// RenderNodes is the size of the diagram rendered (0: 300).
	RenderNodes int
	// Dir holds the temporary databases ("": the system's temporary directory).
	Dir string
	// CPUProfile, when set, receives a CPU profile of the ingest runs.
	CPUProfile io.Writer
	// Log receives a line as each stage starts; nil discards them.
	Log io.Writer
}

// Result is what Run measured. Rates are per second, latencies medians
// (p50) or 99th percentiles (p99) over the samples.
type Result struct {
	Entities              int     `json:"entities"`
	Relations             int     `json:"relations"`
	IngestWordsPerSec1    float64 `json:"ingest_words_per_sec_1core"`
	IngestWordsPerSecAll  float64 `json:"ingest_words_per_sec_all"`
	ImportRelationsPerSec float64 `json:"import_relations_per_sec"`
	BytesPerRelation      float64 `json:"bytes_per_relation"`
	NeighborsP50us        float64 `json:"neighbors_p50_us"`
	NeighborsP99us        float64 `json:"neighbors_p99_us"`
	TwoHopP50us           float64 `json:"two_hop_p50_us"`
	ShortestPathP50us     float64 `json:"shortest_path_p50_us"`
	RawScanP50us          float64 `json:"raw_scan_p50_us"`
	TokenizeWordsPerSec   float64 `json:"tokenize_words_per_sec"`
	Render300NodesMs      float64 `json:"render_300_nodes_ms"`
	PeakRSSBytes          int64   `json:"peak_rss_bytes"`

	// Details for the text table, not in the JSON object.
	workers     int
	articles    int
	words       int
	render      int
	importTime  time.Duration   // the best import's
	importRuns  []time.Duration // every import's, in order
	compactTime time.Duration   // Compact after the import: not in the import rate
	bytesOnDisk int64
	meanDegree  float64
	twoHopNodes int
	// CPU time (user and system, all threads) each stage took: on a shared
	// machine the wall clock also counts the others' work.
	ingestCPU [3]time.Duration // one core, all cores, one worker on all cores
	// ingestOneWorker is the ingest rate of one worker free to use every
	// core.
	ingestOneWorker float64
	importCPU       time.Duration
	tokenizeCPU     time.Duration
	load            string // /proc/loadavg at the end
}

// Run generates the corpus and graph and measures everything in Result.
func Run(cfg Config) (Result, error) {
	if cfg.Entities < 10 {
		return Result{}, fmt.Errorf("bench: %d entities: need at least 10", cfg.Entities)
	}
	if cfg.Articles <= 0 {
		cfg.Articles = 2000
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.RenderNodes <= 0 {
		cfg.RenderNodes = 300
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	dir, err := os.MkdirTemp(cfg.Dir, "kg-bench-")
	if err != nil {
		return Result{}, fmt.Errorf("bench: %w", err)
	}
	defer os.RemoveAll(dir)

	res := Result{Entities: cfg.Entities, workers: cfg.Workers, articles: cfg.Articles, render: cfg.RenderNodes}
	if err := runIngest(cfg, dir, &res); err != nil {
		return res, err
	}
	if err := runGraph(cfg, dir, &res); err != nil {
		return res, err
	}
	res.PeakRSSBytes = peakRSS()
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		res.load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return res, nil
}

// ingestRounds is how many times each ingest setting runs. Five rather
// than three: the ratio of two best runs moved by +-0.3 between whole
// benches with three, as the machine's speed moved by a third from minute
// to minute; a round takes 10-15 s.
const ingestRounds = 5

// The graph is imported at least importRuns times and, while the runs so
// far took less than importTime, again, up to importMaxRuns times. A small
// graph's import lasts under a second and its first runs in a process are
// the slowest (at 10^4 entities 1.1 CPU-s for the first, 0.6 for the
// third: memory touched for the first time), so it gets more runs.
const (
	importRuns    = 3
	importMaxRuns = 10
	importTime    = 5 * time.Second
)

// runIngest measures the whole pipeline over generated articles on one
// core, on all cores, and with one worker on all cores, and tokenizing
// alone.
func runIngest(cfg Config, dir string, res *Result) error {
	fmt.Fprintf(cfg.Log, "bench: generating %d articles\n", cfg.Articles)
	arts := Articles(cfg.Articles, 20*cfg.Articles)
	x, err := extract.New()
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if cfg.CPUProfile != nil {
		if err := pprof.StartCPUProfile(cfg.CPUProfile); err != nil {
			return fmt.Errorf("bench: cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	// One core (one worker, GOMAXPROCS 1: the writer, Badger's goroutines
	// and the collector share its CPU), all cores, and one worker with all
	// cores (it keeps about 1.5 CPUs busy); ingestRounds rounds of the
	// three, interleaved: each figure is the best of its runs, the one the
	// machine's other work disturbed least (on a shared machine the same
	// run varies by a third).
	type setting struct {
		workers, procs int
		rate           *float64
	}
	settings := []setting{{1, 1, &res.IngestWordsPerSec1}, {cfg.Workers, 0, &res.IngestWordsPerSecAll}, {1, 0, &res.ingestOneWorker}}
	for run := range ingestRounds * len(settings) {
		k := run % len(settings)
		set := settings[k]
		on, prev := "", 0
		if set.procs > 0 {
			on, prev = fmt.Sprintf(" on %d CPU", set.procs), runtime.GOMAXPROCS(set.procs)
		}
		fmt.Fprintf(cfg.Log, "bench: ingesting %d articles with %d worker(s)%s\n", len(arts), set.workers, on)
		cpu := cpuTime()
		words, took, err := ingest(x, arts, set.workers, filepath.Join(dir, fmt.Sprintf("ingest-%d", run)))
		if prev > 0 {
			runtime.GOMAXPROCS(prev)
		}
		if err != nil {
			return err
		}
		used := cpuTime() - cpu
		if rate := float64(words) / took.Seconds(); rate > *set.rate {
			*set.rate, res.ingestCPU[k] = rate, used
		}
		res.words = words
	}
	if cfg.CPUProfile != nil {
		pprof.StopCPUProfile()
	}

	fmt.Fprintf(cfg.Log, "bench: tokenizing\n")
	words := 0
	cpu := cpuTime()
	start := time.Now()
	for range 3 {
		for _, a := range arts {
			for _, s := range text.Segment(string(a)) {
				words += len(s.Tokens)
			}
		}
	}
	took := time.Since(start)
	res.tokenizeCPU = cpuTime() - cpu
	// Tokens count punctuation too: rate the ceiling in the words the
	// pipeline counts (fields of the body), over the same three passes.
	res.TokenizeWordsPerSec = float64(3*res.words) / took.Seconds()
	_ = words
	return nil
}

// ingest runs extraction on workers goroutines and one writer committing
// in article order, as `kg ingest` does, into a new database at path. It
// returns the words ingested (fields of the cleaned bodies) and the time
// taken, the database's Close included.
func ingest(x *extract.Extractor, arts [][]byte, workers int, path string) (int, time.Duration, error) {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		return 0, 0, fmt.Errorf("bench: %w", err)
	}
	type result struct {
		batch graph.Batch
		err   error
	}
	start := time.Now()
	words := 0
	work := func(i int) result {
		b, err := x.Extract(fmt.Sprintf("article-%05d.txt", i), arts[i])
		return result{b, err}
	}
	firstErr := ordered.Run(context.Background(), len(arts), workers, work, func(i int, r result) error {
		if r.err == nil {
			_, r.err = s.Ingest(r.batch)
		}
		if r.err != nil {
			return fmt.Errorf("bench: article %d: %w", i, r.err)
		}
		words += len(strings.Fields(r.batch.Doc.Body))
		return nil
	})
	if err := s.Close(); err != nil && firstErr == nil {
		firstErr = fmt.Errorf("bench: %w", err)
	}
	return words, time.Since(start), firstErr
}

// runGraph bulk-imports the synthetic graph, compacts it, weighs it and
// times traversals on it, opened read-only as a query process opens it.
func runGraph(cfg Config, dir string, res *Result) error {
	fmt.Fprintf(cfg.Log, "bench: generating a graph of %d entities\n", cfg.Entities)
	g := newSynthGraph(cfg.Entities)
	res.Relations = len(g.rels)
	res.meanDegree = 2 * float64(len(g.rels)) / float64(cfg.Entities)
	// The import runs importRuns to importMaxRuns times (see importTime),
	// each into a new database; its figure is the best run's, as ingest's
	// are, and the last database is the one measured from here on.
	var (
		path  string
		s     *store.Store
		spent time.Duration // by the runs so far
	)
	for run := 0; run < importRuns || run < importMaxRuns && spent < importTime; run++ {
		if s != nil {
			if err := s.Close(); err != nil {
				return fmt.Errorf("bench: %w", err)
			}
			if err := os.RemoveAll(path); err != nil {
				return fmt.Errorf("bench: %w", err)
			}
		}
		path = filepath.Join(dir, fmt.Sprintf("graph-%d", run))
		var err error
		if s, err = store.Open(path, store.Options{}); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		fmt.Fprintf(cfg.Log, "bench: importing %d relations (run %d)\n", len(g.rels), run+1)
		cpu := cpuTime()
		start := time.Now()
		if _, err := s.Import(g.entities(), g.relations()); err != nil {
			s.Close()
			return fmt.Errorf("bench: %w", err)
		}
		took, used := time.Since(start), cpuTime()-cpu
		spent += took
		res.importRuns = append(res.importRuns, took)
		if rate := float64(len(g.rels)) / took.Seconds(); rate > res.ImportRelationsPerSec {
			res.ImportRelationsPerSec, res.importTime, res.importCPU = rate, took, used
		}
	}
	fmt.Fprintf(cfg.Log, "bench: compacting\n")
	start := time.Now()
	if err := s.Compact(); err != nil {
		s.Close()
		return fmt.Errorf("bench: %w", err)
	}
	res.compactTime = time.Since(start)
	if err := s.Close(); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	var err error
	if res.bytesOnDisk, err = dirSize(path); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	res.BytesPerRelation = float64(res.bytesOnDisk) / float64(len(g.rels))

	s, err = store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer s.Close()
	samples := func(def int) int {
		if cfg.Samples > 0 {
			return min(cfg.Samples, def)
		}
		return def
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func(k int) []graph.ID {
		ids := make([]graph.ID, k)
		for i := range ids {
			ids[i] = g.ids[rng.IntN(len(g.ids))]
		}
		return ids
	}

	fmt.Fprintf(cfg.Log, "bench: one hop\n")
	one := pick(samples(2000))
	var edges []graph.Edge
	neighbors := func(id graph.ID) error {
		edges = edges[:0]
		for e, err := range s.Edges(id, graph.Both) {
			if err != nil {
				return err
			}
			edges = append(edges, e)
		}
		return nil
	}
	raw := func(id graph.ID) error { _, err := s.ScanAdjacency(id); return err }
	// Warm: a first pass over the samples fills the page and block caches.
	if _, err := timeEach(one, neighbors); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	// The two alternate, sample by sample and each first half the time, so
	// that both see the same caches and the same load from the machine's
	// other work.
	var rawT, nT []time.Duration
	for i, id := range one {
		var r, n []time.Duration
		var err error
		if i%2 == 0 {
			if r, err = timeEach([]graph.ID{id}, raw); err == nil {
				n, err = timeEach([]graph.ID{id}, neighbors)
			}
		} else {
			if n, err = timeEach([]graph.ID{id}, neighbors); err == nil {
				r, err = timeEach([]graph.ID{id}, raw)
			}
		}
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		rawT, nT = append(rawT, r...), append(nT, n...)
	}
	res.RawScanP50us, res.NeighborsP50us, res.NeighborsP99us = us(pct(rawT, 50)), us(pct(nT, 50)), us(pct(nT, 99))

	fmt.Fprintf(cfg.Log, "bench: two hops\n")
	// Traversals read through an adjacency cache of the hubs, as a process
	// running many of them would (store.CachedReader); one hop above reads
	// the store itself, to compare with the raw scan.
	cr := store.NewCachedReader(s, 256<<20)
	two := pick(samples(200))
	nodes := 0
	twoHop := func(id graph.ID) error {
		hops, err := graph.Neighbors(cr, id, 2, nil)
		nodes += len(hops)
		return err
	}
	if _, err := timeEach(two, twoHop); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	nodes = 0
	tT, err := timeEach(two, twoHop)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	res.TwoHopP50us = us(pct(tT, 50))
	res.twoHopNodes = nodes / len(two)

	fmt.Fprintf(cfg.Log, "bench: shortest paths\n")
	from, to := pick(samples(50)), pick(samples(50))
	k := 0
	path1 := func(id graph.ID) error {
		_, err := graph.ShortestPaths(cr, id, to[k%len(to)], 6, nil, 1)
		k++
		return err
	}
	if _, err := timeEach(from, path1); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	k = 0
	pT, err := timeEach(from, path1)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	res.ShortestPathP50us = us(pct(pT, 50))

	fmt.Fprintf(cfg.Log, "bench: rendering %d nodes\n", cfg.RenderNodes)
	m, focus, err := neighbourhood(s, g.hub(len(g.ids)/100), cfg.RenderNodes)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	start = time.Now()
	if err := exports.Write(io.Discard, "svg", m, exports.Options{Focus: []graph.ID{focus}}); err != nil {
		return fmt.Errorf("bench: render: %w", err)
	}
	res.Render300NodesMs = float64(time.Since(start).Microseconds()) / 1000
	return nil
}

// neighbourhood copies into memory the nearest n entities of id (id
// included) and the relations between them.
func neighbourhood(s *store.Store, id graph.ID, n int) (*graph.Memory, graph.ID, error) {
	hops, err := graph.Neighbors(s, id, 3, nil)
	if err != nil {
		return nil, "", err
	}
	keep := map[graph.ID]bool{id: true}
	for _, h := range hops {
		if len(keep) >= n {
			break
		}
		keep[h.ID] = true
	}
	m := graph.NewMemory()
	for k := range keep {
		e, _, err := s.Entity(k)
		if err != nil {
			return nil, "", err
		}
		m.PutEntity(e)
		for ed, err := range s.Edges(k, graph.Out) {
			if err != nil {
				return nil, "", err
			}
			if ed.Subject != k || !keep[ed.Object] {
				continue
			}
			r, _, err := s.Relation(ed.Key())
			if err != nil {
				return nil, "", err
			}
			m.PutRelation(r)
		}
	}
	return m, id, nil
}

// timeEach times fn on each id.
func timeEach(ids []graph.ID, fn func(graph.ID) error) ([]time.Duration, error) {
	out := make([]time.Duration, len(ids))
	for i, id := range ids {
		start := time.Now()
		if err := fn(id); err != nil {
			return nil, err
		}
		out[i] = time.Since(start)
	}
	return out, nil
}

// pct returns the p-th percentile of ds (nearest rank).
func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[max(0, min(i-1, len(s)-1))]
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// perCPU formats n per CPU-second of d.
func perCPU(n int, d time.Duration) string {
	if d <= 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f/cpu-s", float64(n)/d.Seconds())
}

// coresUsed formats how many CPUs a run kept busy on average: its CPU time
// over its wall time (words at rate words/s). One ingest worker keeps more
// than one busy, since the committing writer, Badger's flushes and
// compactions and the collector run beside it.
func coresUsed(cpu time.Duration, words int, rate float64) string {
	if cpu <= 0 || rate <= 0 {
		return ""
	}
	return fmt.Sprintf(", %.2f cores", cpu.Seconds()/(float64(words)/rate))
}

// dirSize adds up the sizes of the files in dir.
func dirSize(dir string) (int64, error) {
	var n int64
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			return 0, err
		}
		n += fi.Size()
	}
	return n, nil
}

// peakRSS is the process's peak resident set size so far, in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024 // Linux reports kilobytes
}

// WriteJSON writes r as one JSON object.
func (r Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes r as a table, each figure beside its target or limit.
func (r Result) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(name, value, against string, cpu ...string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", name, value, strings.Join(cpu, ""), against)
	}
	row("measure", "value", "target / limit", "per CPU-second")
	row("entities", fmt.Sprint(r.Entities), "")
	row("relations", fmt.Sprintf("%d (mean degree %.0f)", r.Relations, r.meanDegree), "")
	row("ingest, 1 core", fmt.Sprintf("%.0f words/s", r.IngestWordsPerSec1), fmt.Sprintf(">= 20,000; 1 worker, GOMAXPROCS 1; %d articles, %d words", r.articles, r.words), perCPU(r.words, r.ingestCPU[0]), coresUsed(r.ingestCPU[0], r.words, r.IngestWordsPerSec1))
	row(fmt.Sprintf("ingest, %d workers", r.workers), fmt.Sprintf("%.0f words/s (%.2fx)", r.IngestWordsPerSecAll, r.IngestWordsPerSecAll/r.IngestWordsPerSec1), fmt.Sprintf(">= 1.8x one core; %d CPUs", runtime.NumCPU()), perCPU(r.words, r.ingestCPU[1]), coresUsed(r.ingestCPU[1], r.words, r.IngestWordsPerSecAll))
	row("ingest, 1 worker", fmt.Sprintf("%.0f words/s", r.ingestOneWorker), fmt.Sprintf("all CPUs; %d workers: %.2fx this", r.workers, r.IngestWordsPerSecAll/r.ingestOneWorker), perCPU(r.words, r.ingestCPU[2]), coresUsed(r.ingestCPU[2], r.words, r.ingestOneWorker))
	row("tokenize only", fmt.Sprintf("%.0f words/s", r.TokenizeWordsPerSec), fmt.Sprintf("ceiling: ingest is %.1f%% of it", 100*r.IngestWordsPerSec1/r.TokenizeWordsPerSec), perCPU(3*r.words, r.tokenizeCPU))
	runs := make([]string, len(r.importRuns))
	for i, d := range r.importRuns {
		runs[i] = d.Round(time.Millisecond).String()
	}
	row("bulk import", fmt.Sprintf("%.0f relations/s", r.ImportRelationsPerSec), fmt.Sprintf(">= 200,000; best of %s, then compact %v (not counted)", strings.Join(runs, ", "), r.compactTime.Round(time.Millisecond)), perCPU(r.Relations, r.importCPU), coresUsed(r.importCPU, r.Relations, r.ImportRelationsPerSec))
	row("size on disk", fmt.Sprintf("%.0f bytes/relation", r.BytesPerRelation), fmt.Sprintf("<= 200; %d MB compacted", r.bytesOnDisk>>20))
	row("neighbours p50", fmt.Sprintf("%.1f us", r.NeighborsP50us), fmt.Sprintf("< 50 us; %.2fx the raw scan", r.NeighborsP50us/r.RawScanP50us))
	row("neighbours p99", fmt.Sprintf("%.1f us", r.NeighborsP99us), "")
	row("raw key scan p50", fmt.Sprintf("%.1f us", r.RawScanP50us), "floor: neighbours within 1.5x")
	row("two hops p50", fmt.Sprintf("%.0f us", r.TwoHopP50us), fmt.Sprintf("< 1,000 us; %d entities reached on average", r.twoHopNodes))
	row("shortest path p50", fmt.Sprintf("%.0f us", r.ShortestPathP50us), "up to 6 hops, random pairs")
	row(fmt.Sprintf("render %d nodes (svg)", r.render), fmt.Sprintf("%.0f ms", r.Render300NodesMs), "")
	row("peak RSS", fmt.Sprintf("%d MB", r.PeakRSSBytes>>20), "")
	row("load average", r.load, fmt.Sprintf("%d CPUs", runtime.NumCPU()))
	return tw.Flush()
}
