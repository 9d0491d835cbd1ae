package dgraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/kgraph/kg/graph"
)

// Sentinel errors. Functions wrap them with context.
var (
	// ErrAddress: the address given to Open is not host:port.
	ErrAddress = errors.New("dgraph address must be host:port")
	// ErrUnreachable: no Dgraph alpha answered at the address.
	ErrUnreachable = errors.New("dgraph alpha unreachable")
	// ErrSchemaNewer: the cluster was set up by a newer kg.
	ErrSchemaNewer = errors.New("dgraph schema is newer than this kg")
	// ErrConflict: a transaction still conflicted with concurrent writers
	// after every retry. It wraps dgo.ErrAborted.
	ErrConflict = fmt.Errorf("dgraph transaction kept conflicting: %w", dgo.ErrAborted)
)

// Timeouts: how long Open waits for the cluster, and how long any one
// request may take.
const (
	openTimeout    = 10 * time.Second
	requestTimeout = 2 * time.Minute
)

// maxAnswer is the largest answer kg accepts from the cluster.
const maxAnswer = 256 << 20

// maxAttempts bounds how often Ingest runs a document's transaction when
// concurrent writers make it abort.
const maxAttempts = 12

// Store is kg's graph on a Dgraph cluster. It implements graph.Reader,
// graph.RelationReader, graph.Lister, graph.DocumentReader and graph.Index,
// and ingests like the Badger store (see Ingest). It is safe for
// concurrent use, also by several processes on several machines sharing
// one cluster.
type Store struct {
	conn *grpc.ClientConn
	dg   *dgo.Dgraph
	api  api.DgraphClient

	retries atomic.Int64 // transactions run again after an abort

	snapMu sync.Mutex
	snapTs uint64    // the start timestamp readers share; 0: take a new one
	snapAt time.Time // when snapTs was taken

	// beforeCommit, when set (tests only), runs after Ingest has read what
	// it needs and before it writes and commits.
	beforeCommit func(attempt int) error
}

// Compile-time checks that Store provides graph's interfaces.
var (
	_ graph.Reader         = (*Store)(nil)
	_ graph.RelationReader = (*Store)(nil)
	_ graph.Lister         = (*Store)(nil)
	_ graph.DocumentReader = (*Store)(nil)
	_ graph.Index          = (*Store)(nil)
)

// Open connects to the Dgraph alpha whose gRPC endpoint is addr
// ("127.0.0.1:9080"), checks that it answers, and creates or upgrades kg's
// schema (see doc.go). It returns ErrAddress, ErrUnreachable or
// ErrSchemaNewer, wrapped.
func Open(addr string) (*Store, error) {
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return nil, fmt.Errorf("dgraph: open %q: %w", addr, ErrAddress)
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		// A chunk of 500 relations with all their evidence can outgrow
		// gRPC's default 4 MB answer.
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxAnswer)))
	if err != nil {
		return nil, fmt.Errorf("dgraph: open %s: %w", addr, err)
	}
	client := api.NewDgraphClient(conn)
	s := &Store{conn: conn, dg: dgo.NewDgraphClient(client), api: client}
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	if _, err := client.CheckVersion(ctx, &api.Check{}); err != nil {
		conn.Close()
		return nil, fmt.Errorf("dgraph: open %s: %w: %v", addr, ErrUnreachable, err)
	}
	if err := s.ensureSchema(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("dgraph: open %s: %w", addr, err)
	}
	return s, nil
}

// Close closes the connection to the cluster.
func (s *Store) Close() error {
	if err := s.conn.Close(); err != nil {
		return fmt.Errorf("dgraph: close: %w", err)
	}
	return nil
}

// Retries reports how many transactions were run again after a conflict
// since Open.
func (s *Store) Retries() int64 { return s.retries.Load() }

// DropAll deletes every node, predicate and type in the cluster (not only
// kg's) and applies kg's schema again. Tests use it to start empty.
func (s *Store) DropAll() error {
	ctx, cancel := context.WithTimeout(context.Background(), requestTimeout)
	defer cancel()
	if err := s.dg.Alter(ctx, &api.Operation{DropAll: true}); err != nil {
		return fmt.Errorf("dgraph: drop all: %w", err)
	}
	s.dropSnapshot()
	if err := s.ensureSchema(ctx); err != nil {
		return fmt.Errorf("dgraph: drop all: %w", err)
	}
	return nil
}

// retry runs fn until it does not fail with dgo.ErrAborted, backing off
// exponentially with jitter between attempts; after maxAttempts it returns
// ErrConflict.
func (s *Store) retry(ctx context.Context, fn func(ctx context.Context) error) error {
	backoff := 5 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := fn(ctx)
		if !errors.Is(err, dgo.ErrAborted) {
			return err
		}
		if attempt == maxAttempts {
			return fmt.Errorf("%w: %d attempts", ErrConflict, attempt)
		}
		s.retries.Add(1)
		sleep := backoff/2 + rand.N(backoff)
		select {
		case <-time.After(sleep):
		case <-ctx.Done():
			return ctx.Err()
		}
		backoff = min(2*backoff, time.Second)
	}
}

// querier runs DQL queries: a dgo transaction, or the Store's shared
// read snapshot (see snapshot).
type querier interface {
	QueryWithVars(ctx context.Context, q string, vars map[string]string) (*api.Response, error)
}

// snapshotAge is how long readers share one read timestamp.
const snapshotAge = time.Second

// snapshot returns the querier that the reading methods (Entity, Resolve,
// Edges, Relation, Document) use. They share one read-only timestamp for
// up to snapshotAge, which saves asking zero for a timestamp on every
// call (a third of a small query's time) and lets a traversal see one
// state of the graph. A snapshot never predates this Store's own last
// ingest: Ingest drops it. Writes by other processes show within
// snapshotAge.
func (s *Store) snapshot() querier { return snapshotQuerier{s} }

type snapshotQuerier struct{ s *Store }

func (q snapshotQuerier) QueryWithVars(ctx context.Context, dql string, vars map[string]string) (*api.Response, error) {
	s := q.s
	s.snapMu.Lock()
	ts := s.snapTs
	if time.Since(s.snapAt) > snapshotAge {
		ts = 0
	}
	s.snapMu.Unlock()
	resp, err := s.api.Query(ctx, &api.Request{Query: dql, Vars: vars, ReadOnly: true, StartTs: ts})
	if err != nil {
		return nil, err
	}
	if ts == 0 && resp.GetTxn().GetStartTs() != 0 {
		s.snapMu.Lock()
		if s.snapTs == 0 || time.Since(s.snapAt) > snapshotAge {
			s.snapTs, s.snapAt = resp.GetTxn().GetStartTs(), time.Now()
		}
		s.snapMu.Unlock()
	}
	return resp, nil
}

// dropSnapshot makes the next read take a new timestamp.
func (s *Store) dropSnapshot() {
	s.snapMu.Lock()
	s.snapTs = 0
	s.snapMu.Unlock()
}

// query runs a DQL query in txn and decodes its JSON answer into out.
func query(ctx context.Context, txn querier, q string, vars map[string]string, out any) error {
	resp, err := txn.QueryWithVars(ctx, q, vars)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(resp.Json, out); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}

func jsonBytes(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode mutation: %w", err)
	}
	return b, nil
}
