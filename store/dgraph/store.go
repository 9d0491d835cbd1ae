package dgraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
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

	retries atomic.Int64 // transactions run again after an abort

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
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, fmt.Errorf("dgraph: open %s: %w", addr, err)
	}
	s := &Store{conn: conn, dg: dgo.NewDgraphClient(api.NewDgraphClient(conn))}
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	if _, err := api.NewDgraphClient(conn).CheckVersion(ctx, &api.Check{}); err != nil {
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

// query runs a DQL query in txn and decodes its JSON answer into out.
func query(ctx context.Context, txn *dgo.Txn, q string, vars map[string]string, out any) error {
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
