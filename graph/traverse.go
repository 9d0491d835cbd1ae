package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// ErrBadArgument is returned by traversals given a negative depth or hop count.
var ErrBadArgument = errors.New("bad argument")

// Hop is an entity reached by a traversal: how many edges away it is and
// the edge that first reached it.
type Hop struct {
	ID    ID
	Depth int
	Via   Edge
}

// Neighbors returns the entities within depth edges of id, following edges
// in both directions and only those with one of preds when any are given.
// id itself is not included. Hops come in breadth-first order, nearer first
// and by id within a depth; each entity's Via is the edge from the smallest
// id of the previous depth that reaches it (by the reader's edge order).
// It returns ErrBadArgument for a negative depth.
func Neighbors(r Reader, id ID, depth int, preds []Predicate) ([]Hop, error) {
	if depth < 0 {
		return nil, fmt.Errorf("neighbors of %q: depth %d: %w", id, depth, ErrBadArgument)
	}
	seen := map[ID]struct{}{id: {}}
	frontier := []ID{id}
	var (
		hops  []Hop
		layer []Hop
		order []hopIndex
	)
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		layer = layer[:0]
		err := frontierEdges(r, frontier, preds, func(from ID, e Edge) bool {
			to := e.Other(from)
			if _, ok := seen[to]; !ok {
				seen[to] = struct{}{}
				layer = append(layer, Hop{ID: to, Depth: d, Via: e})
			}
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("neighbors of %q: %w", id, err)
		}
		// Sort the layer by id through a slice of (prefix, id, index):
		// smaller than a Hop, which is what sorting moves about, and most
		// comparisons are settled by the ids' first 8 bytes as an integer.
		order = order[:0]
		for i, h := range layer {
			order = append(order, hopIndex{idPrefix(h.ID), h.ID, int32(i)})
		}
		slices.SortFunc(order, func(a, b hopIndex) int {
			if c := cmp.Compare(a.prefix, b.prefix); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		frontier = make([]ID, 0, len(order))
		hops = slices.Grow(hops, len(order))
		for _, o := range order {
			frontier = append(frontier, o.id)
			hops = append(hops, layer[o.i])
		}
	}
	return hops, nil
}

// hopIndex is a hop's id and its place in the unsorted layer.
type hopIndex struct {
	prefix uint64
	id     ID
	i      int32
}

// idPrefix returns id's first 8 bytes as a big-endian integer, zeros past
// its end: ids whose prefixes differ compare as the prefixes do.
func idPrefix(id ID) uint64 {
	var p uint64
	for i := range 8 {
		p <<= 8
		if i < len(id) {
			p |= uint64(id[i])
		}
	}
	return p
}

// frontierEdges passes fn every edge of each entity of frontier in both
// directions, restricted to preds when any are given, entity by entity in
// frontier order, until fn returns false: with one call to EdgesFrom when
// r is a FrontierReader, with one call to Edges per entity otherwise.
func frontierEdges(r Reader, frontier []ID, preds []Predicate, fn func(from ID, e Edge) bool) error {
	if fr, ok := r.(FrontierReader); ok {
		if err := fr.EdgesFrom(frontier, Both, preds, fn); err != nil {
			return fmt.Errorf("edges of a frontier of %d: %w", len(frontier), err)
		}
		return nil
	}
	for _, from := range frontier {
		for e, err := range r.Edges(from, Both, preds...) {
			if err != nil {
				return fmt.Errorf("edges of %q: %w", from, err)
			}
			if !fn(from, e) {
				return nil
			}
		}
	}
	return nil
}

// bfsSide is one half of a bidirectional search: the distance of each
// entity from the side's root and, for each, every edge that reaches it
// from an entity one step nearer the root.
type bfsSide struct {
	dist     map[ID]int
	parents  map[ID][]Edge
	frontier []ID
	depth    int
}

func newSide(root ID) *bfsSide {
	return &bfsSide{dist: map[ID]int{root: 0}, parents: map[ID][]Edge{}, frontier: []ID{root}}
}

// expand advances the side by one full layer.
func (s *bfsSide) expand(r Reader, preds []Predicate) error {
	s.depth++
	var next []ID
	err := frontierEdges(r, s.frontier, preds, func(from ID, e Edge) bool {
		to := e.Other(from)
		if to == from {
			return true
		}
		d, ok := s.dist[to]
		if !ok {
			s.dist[to] = s.depth
			next = append(next, to)
			d = s.depth
		}
		if d == s.depth {
			s.parents[to] = append(s.parents[to], e)
		}
		return true
	})
	if err != nil {
		return err
	}
	slices.Sort(next)
	s.frontier = next
	return nil
}

// ShortestPaths returns every shortest path (all of equal length) between
// from and to of at most maxHops edges, following edges in either direction
// and only those with one of preds when any are given. Each path lists its
// edges from from's end to to's; an edge keeps its stored subject and
// object, so read it with Edge.Other. At most limit paths are returned
// (limit <= 0: all), in a deterministic order. It returns no paths and no
// error when the two are not connected within maxHops, one empty path when
// from == to, and ErrBadArgument for a negative maxHops.
//
// The search is a bidirectional breadth-first search that always expands
// the smaller frontier.
func ShortestPaths(r Reader, from, to ID, maxHops int, preds []Predicate, limit int) ([][]Edge, error) {
	if maxHops < 0 {
		return nil, fmt.Errorf("paths from %q to %q: max hops %d: %w", from, to, maxHops, ErrBadArgument)
	}
	if from == to {
		return [][]Edge{{}}, nil
	}
	fw, bw := newSide(from), newSide(to)
	for fw.depth+bw.depth < maxHops && len(fw.frontier) > 0 && len(bw.frontier) > 0 {
		grow, other := fw, bw
		if len(bw.frontier) < len(fw.frontier) {
			grow, other = bw, fw
		}
		if err := grow.expand(r, preds); err != nil {
			return nil, fmt.Errorf("paths from %q to %q: %w", from, to, err)
		}
		// The first layer that touches the other side fixes the length:
		// every shortest path crosses this layer exactly once, at an
		// entity the other side reached at its current depth.
		var meet []ID
		for _, id := range grow.frontier {
			if _, ok := other.dist[id]; ok {
				meet = append(meet, id)
			}
		}
		if len(meet) > 0 {
			return joinPaths(fw, bw, meet, limit), nil
		}
	}
	return nil, nil
}

// joinPaths combines, for each meeting entity, every shortest path from the
// forward root to it with every shortest path from it to the backward root.
func joinPaths(fw, bw *bfsSide, meet []ID, limit int) [][]Edge {
	var out [][]Edge
	full := func() bool { return limit > 0 && len(out) >= limit }
	for _, m := range meet {
		heads := walkBack(fw, m, limit)
		tails := walkBack(bw, m, limit)
		for _, h := range heads {
			// walkBack lists edges from m back to the root: reverse the head.
			path := make([]Edge, 0, len(h))
			for i := len(h) - 1; i >= 0; i-- {
				path = append(path, h[i])
			}
			for _, t := range tails {
				if full() {
					return out
				}
				p := append(append(make([]Edge, 0, len(path)+len(t)), path...), t...)
				out = append(out, p)
			}
		}
		if full() {
			break
		}
	}
	return out
}

// walkBack lists the edge sequences from id back to the side's root, each
// going from id toward the root, at most limit of them (limit <= 0: all).
func walkBack(s *bfsSide, id ID, limit int) [][]Edge {
	if s.dist[id] == 0 {
		return [][]Edge{{}}
	}
	var out [][]Edge
	for _, e := range sortedEdges(s.parents[id], id) {
		for _, rest := range walkBack(s, e.Other(id), limit) {
			if limit > 0 && len(out) >= limit {
				return out
			}
			out = append(out, append([]Edge{e}, rest...))
		}
	}
	return out
}

// sortedEdges orders edges by the entity at their other end, then predicate.
func sortedEdges(es []Edge, id ID) []Edge {
	es = append([]Edge(nil), es...)
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Other(id), es[j].Other(id)
		if a != b {
			return a < b
		}
		return es[i].Predicate < es[j].Predicate
	})
	return es
}
