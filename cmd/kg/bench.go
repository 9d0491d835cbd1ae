package main

import (
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/cmd/kg/internal/bench"
)

type benchOptions struct {
	entities   int
	articles   int
	workers    int
	format     string
	cpuProfile string
	tmp        string
	corpusOut  string
	stdout     io.Writer
	stderr     io.Writer
}

func init() { register(newBenchCmd) }

func newBenchCmd(*rootOptions) *cobra.Command {
	opts := &benchOptions{}
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure kg on a generated corpus and graph",
		Long: `Generate a deterministic synthetic corpus and graph and measure kg on them:
ingest (extraction and storage) on one core (one worker, GOMAXPROCS 1), on
all cores, and with one worker on all cores, beside tokenizing alone; bulk
import, size on disk, one- and two-hop neighbours and shortest paths beside
a raw key scan, rendering a diagram, and peak memory.

The graph has --entities entities and ten times as many relations, with
power-law degrees; it is bulk-imported into a temporary database (--db is not
touched) and removed afterwards.`,
		Example: `  kg bench
  kg bench --entities 1000000 --format json
  kg bench --entities 10000 --cpuprofile ingest.pprof && go tool pprof -top kg ingest.pprof`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.entities < 10 {
				return fmt.Errorf("--entities must be at least 10")
			}
			opts.stdout, opts.stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runBench(opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.entities, "entities", 100_000, "entities in the generated graph (relations: ten times as many)")
	f.IntVar(&opts.articles, "articles", 2000, "generated articles for the ingest figures")
	f.IntVarP(&opts.workers, "workers", "j", runtime.NumCPU(), "workers for the all-cores ingest figure")
	f.StringVar(&opts.format, "format", "text", "output format: text|json")
	f.StringVar(&opts.cpuProfile, "cpuprofile", "", "write a CPU profile of the ingest runs to this file")
	f.StringVar(&opts.tmp, "tmp", "", "directory for the temporary databases (default: the system's)")
	f.StringVar(&opts.corpusOut, "write-corpus", "", "only write the --articles generated articles into this directory (to time `kg ingest` on them)")
	return cmd
}

func runBench(opts *benchOptions) error {
	if opts.corpusOut != "" {
		n, err := bench.WriteCorpus(opts.corpusOut, opts.articles)
		if err != nil {
			return err
		}
		fmt.Fprintf(opts.stderr, "wrote %d articles (%d words) into %s\n", opts.articles, n, opts.corpusOut)
		return nil
	}
	cfg := bench.Config{Entities: opts.entities, Articles: opts.articles, Workers: opts.workers, Dir: opts.tmp, Log: opts.stderr}
	if opts.cpuProfile != "" {
		f, err := os.Create(opts.cpuProfile)
		if err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer f.Close()
		cfg.CPUProfile = f
	}
	res, err := bench.Run(cfg)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return res.WriteJSON(opts.stdout)
	}
	return res.WriteText(opts.stdout)
}
