package store

import (
	"cmp"
	"iter"
	"slices"
	"sync"

	"github.com/kgraph/kg/graph"
)

// CacheMinDegree is the fewest edges an entity has for CachedReader to keep
// them in memory: the hubs, where traversals spend their time.
const CacheMinDegree = 64

// CachedReader is a Store whose Edges and EdgesFrom keep the adjacency of
// high-degree entities (CacheMinDegree edges or more) in memory, up to a
// bound in bytes, so that a process running many traversals over one
// database (kg bench, a server) reads a hub's keys from Badger once rather
// than once per traversal that reaches it. A single traversal reads each
// entity once and gains nothing from it.
//
// The cache belongs to one snapshot of the database: a read transaction
// that sees a newer one (any committed write, through this Store or any
// other of the process) empties it, and one that sees an older one goes
// around it. A read-only Store never sees a write. Store.Import, which
// bypasses transactions, writes only into an empty database, whose
// entities have no edges to cache.
//
// Its other methods are the Store's. It is safe for concurrent use.
type CachedReader struct {
	*Store
	cache *adjCache
}

// NewCachedReader returns s with an adjacency cache of about maxBytes at
// most (entries counted by their ids' bytes and slice and map overheads).
func NewCachedReader(s *Store, maxBytes int64) *CachedReader {
	return &CachedReader{Store: s, cache: &adjCache{minDegree: CacheMinDegree, maxBytes: maxBytes, lists: map[graph.ID]*adjList{}}}
}

// Edges implements graph.Reader, as Store.Edges does, through the cache.
func (c *CachedReader) Edges(id graph.ID, dir graph.Direction, preds ...graph.Predicate) iter.Seq2[graph.Edge, error] {
	return c.Store.edges(c.cache, id, dir, preds)
}

// EdgesFrom implements graph.FrontierReader, as Store.EdgesFrom does,
// through the cache.
func (c *CachedReader) EdgesFrom(ids []graph.ID, dir graph.Direction, preds []graph.Predicate, yield func(from graph.ID, e graph.Edge) bool) error {
	return c.Store.edgesFrom(c.cache, ids, dir, preds, yield)
}

// CacheSize reports how many entities' edges the cache holds and their
// size in bytes as it counts them.
func (c *CachedReader) CacheSize() (entities int, bytes int64) {
	c.cache.mu.RLock()
	defer c.cache.mu.RUnlock()
	return len(c.cache.lists), c.cache.bytes
}

// halfEdge is an adjacency key seen from its entity: the predicate and the
// other end.
type halfEdge struct {
	pred  graph.Predicate
	other graph.ID
}

// adjList is one entity's cached adjacency, exactly the keys Edges reads
// for Both and every predicate: its out keys, then its in keys but for a
// self-loop, each side in key order (predicate, then the other end).
type adjList struct {
	edges []halfEdge
	nOut  int   // edges[:nOut] are the out side
	bytes int64 // the size counted against the cache's bound
}

// Sizes counted for a cache entry beyond its ids' bytes: a map entry with
// its key's header and the list's pointer, the list, and per edge a
// halfEdge.
const (
	entryOverhead = 64 + 16 + 8 + 48
	halfEdgeSize  = 32
)

// yield passes the edges of the list that the scans select, in the order
// scanEdges would: the list holds every predicate of each side in key
// order, so the edges of one predicate are a run found by binary search.
func (l *adjList) yield(from graph.ID, scans []edgeScan, yield func(graph.ID, graph.Edge) bool) bool {
	for _, sc := range scans {
		side, in := l.edges[:l.nOut], sc.kind == kindIn
		if in {
			side = l.edges[l.nOut:]
		}
		emit := func(h halfEdge) bool {
			if in {
				return yield(from, graph.Edge{Subject: h.other, Predicate: h.pred, Object: from})
			}
			return yield(from, graph.Edge{Subject: from, Predicate: h.pred, Object: h.other})
		}
		if sc.preds == nil {
			for _, h := range side {
				if !emit(h) {
					return false
				}
			}
			continue
		}
		for _, p := range sc.preds {
			i, _ := slices.BinarySearchFunc(side, p, func(h halfEdge, p graph.Predicate) int { return cmp.Compare(h.pred, p) })
			for ; i < len(side) && side[i].pred == p; i++ {
				if !emit(side[i]) {
					return false
				}
			}
		}
	}
	return true
}

// adjCache maps entities to their adjacency lists for one snapshot of the
// database, the one read at Badger read timestamp ts.
type adjCache struct {
	minDegree int
	maxBytes  int64

	mu    sync.RWMutex
	ts    uint64
	lists map[graph.ID]*adjList
	bytes int64
}

// cacheView is the cache as one read transaction may use it: only while
// the cache still holds the transaction's snapshot.
type cacheView struct {
	c  *adjCache
	ts uint64
}

// generation returns the view of c for a transaction reading at readTs,
// first emptying c if readTs is newer than the snapshot it holds. The view
// of a nil cache, or of one holding a newer snapshot, is disabled.
func (c *adjCache) generation(readTs uint64) cacheView {
	if c == nil {
		return cacheView{}
	}
	c.mu.RLock()
	cur := c.ts
	c.mu.RUnlock()
	if readTs > cur {
		c.mu.Lock()
		if readTs > c.ts {
			c.ts = readTs
			clear(c.lists)
			c.bytes = 0
		}
		c.mu.Unlock()
	} else if readTs < cur {
		return cacheView{}
	}
	return cacheView{c: c, ts: readTs}
}

// enabled reports whether the view may be read and filled.
func (v cacheView) enabled() bool { return v.c != nil }

// get returns id's cached list.
func (v cacheView) get(id graph.ID) (*adjList, bool) {
	if v.c == nil {
		return nil, false
	}
	v.c.mu.RLock()
	defer v.c.mu.RUnlock()
	if v.c.ts != v.ts {
		return nil, false
	}
	l, ok := v.c.lists[id]
	return l, ok
}

// put caches id's edges, read in full: rec[:nOut] from the out side, the
// rest from the in side. Fewer than the cache's minimum degree are not
// kept; to make room, entries are dropped in the map's (random) order.
func (v cacheView) put(id graph.ID, rec []halfEdge, nOut int) {
	if v.c == nil || len(rec) < v.c.minDegree {
		return
	}
	l := &adjList{edges: slices.Clone(rec), nOut: nOut, bytes: int64(entryOverhead + len(id) + halfEdgeSize*len(rec))}
	for _, h := range rec {
		l.bytes += int64(len(h.other))
	}
	if l.bytes > v.c.maxBytes {
		return
	}
	v.c.mu.Lock()
	defer v.c.mu.Unlock()
	if v.c.ts != v.ts {
		return
	}
	if _, ok := v.c.lists[id]; ok {
		return
	}
	for k, old := range v.c.lists {
		if v.c.bytes+l.bytes <= v.c.maxBytes {
			break
		}
		delete(v.c.lists, k)
		v.c.bytes -= old.bytes
	}
	v.c.lists[id] = l
	v.c.bytes += l.bytes
}
