package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
	"github.com/kgraph/kg/store/dgraph"
)

// database is what the commands need of a backend: the graph interfaces,
// ingestion and statistics. The Badger store provides it.
type database interface {
	graph.Reader
	graph.RelationReader
	graph.Lister
	graph.DocumentReader
	Ingest(b graph.Batch) (store.IngestResult, error)
	Stats() (store.Stats, error)
	Close() error
}

// rootOptions holds the flags every command shares.
type rootOptions struct {
	DB string
}

// commandFactories are the verbs, each registered from its own file's init.
var commandFactories []func(*rootOptions) *cobra.Command

// register adds a verb to the command tree; call it from an init function.
func register(f func(*rootOptions) *cobra.Command) {
	commandFactories = append(commandFactories, f)
}

func defaultDB() string {
	if db := os.Getenv("KG_DB"); db != "" {
		return db
	}
	return "kg.db"
}

func newRootCmd() *cobra.Command {
	ro := &rootOptions{}
	root := &cobra.Command{
		Use:   "kg",
		Short: "Build a knowledge graph from news articles, question it, draw it",
		Long: `kg reads news articles (plain text or HTML, page furniture and all), finds the
people, organizations, places and events in them and the relations between them,
keeps the sentence each fact came from, and stores it all in an embedded database.
It answers questions over the graph and draws or exports the network.

Everything runs offline: no network, no model downloads, no API keys.`,
		Example: `  kg ingest articles/                       # a folder of .txt/.html files (or files, or - for stdin)
  kg query "who travelled with Koussa" --why
  kg show Koussa
  kg path Senussi Koussa
  kg export --format svg -o network.svg
  kg export --format json -o graph.json`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&ro.DB, "db", defaultDB(), "database directory, or dgraph://HOST:PORT for a Dgraph cluster; $KG_DB sets the default")
	root.CompletionOptions.HiddenDefaultCmd = true
	for _, f := range commandFactories {
		root.AddCommand(f(ro))
	}
	return root
}

// openStore opens the database the --db flag names: a Badger directory, or
// a Dgraph cluster for dgraph://HOST:PORT. Reading commands pass
// readOnly, and a database that does not exist yet is then an error that
// says to ingest first, rather than an empty directory left behind.
func openStore(ro *rootOptions, readOnly bool) (database, error) {
	if addr, ok := strings.CutPrefix(ro.DB, "dgraph://"); ok {
		s, err := dgraph.Open(addr)
		if err != nil {
			return nil, fmt.Errorf("open database %s: %w", ro.DB, err)
		}
		return s, nil
	}
	if readOnly {
		if _, err := os.Stat(ro.DB); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s: run `kg ingest FILE` first, or point --db (or $KG_DB) at one", ro.DB)
		}
	}
	// Readers share the database: Badger gives read-only opens a shared lock.
	s, err := store.Open(ro.DB, store.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, err // the store's errors name the path and say what to do
	}
	return s, nil
}
