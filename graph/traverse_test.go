package graph

import (
	"errors"
	"fmt"
	"iter"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// chain builds a Memory from "a pred b" lines; every entity is a person.
func chain(t testing.TB, lines ...string) *Memory {
	t.Helper()
	m := NewMemory()
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 {
			t.Fatalf("bad edge line %q", l)
		}
		for _, id := range []string{f[0], f[2]} {
			if _, ok, _ := m.Entity(ID(id)); !ok {
				m.PutEntity(Entity{ID: ID(id), Name: id, Type: Person})
			}
		}
		m.PutRelation(Relation{Subject: ID(f[0]), Predicate: Predicate(f[1]), Object: ID(f[2])})
	}
	return m
}

// pathString renders a path as "a -pred- b -pred- c", reading each edge from the near end.
func pathString(from ID, p []Edge) string {
	var b strings.Builder
	b.WriteString(string(from))
	at := from
	for _, e := range p {
		at = e.Other(at)
		fmt.Fprintf(&b, " -%s- %s", e.Predicate, at)
	}
	return b.String()
}

func hopString(hs []Hop) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%d:%s via %s %s %s", h.Depth, h.ID, h.Via.Subject, h.Via.Predicate, h.Via.Object))
	}
	return out
}

func TestNeighbors(t *testing.T) {
	m := chain(t,
		"adviser advised leader",
		"leader family-of inlaw",
		"inlaw member-of regime",
		"leader member-of regime",
		"envoy accompanied adviser",
		"envoy travelled-to tunis",
		"tunis located-in tunisia",
	)
	tests := []struct {
		name  string
		id    ID
		depth int
		preds []Predicate
		want  []string
	}{
		{"depth 0", "leader", 0, nil, []string{}},
		{"one hop both directions", "leader", 1, nil, []string{
			"1:adviser via adviser advised leader",
			"1:inlaw via inlaw family-of leader",
			"1:regime via leader member-of regime",
		}},
		{"two hops", "leader", 2, nil, []string{
			"1:adviser via adviser advised leader",
			"1:inlaw via inlaw family-of leader",
			"1:regime via leader member-of regime",
			"2:envoy via adviser accompanied envoy",
		}},
		{"predicate filter", "leader", 3, []Predicate{MemberOf}, []string{
			"1:regime via leader member-of regime",
			"2:inlaw via inlaw member-of regime",
		}},
		{"four hops reach the country", "leader", 4, nil, []string{
			"1:adviser via adviser advised leader",
			"1:inlaw via inlaw family-of leader",
			"1:regime via leader member-of regime",
			"2:envoy via adviser accompanied envoy",
			"3:tunis via envoy travelled-to tunis",
			"4:tunisia via tunis located-in tunisia",
		}},
		{"unknown id", "nobody", 2, nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := Neighbors(m, tt.id, tt.depth, tt.preds)
			if err != nil {
				t.Fatal(err)
			}
			if got := hopString(hs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Neighbors(%s, %d) = %q, want %q", tt.id, tt.depth, got, tt.want)
			}
		})
	}
	if _, err := Neighbors(m, "leader", -1, nil); !errors.Is(err, ErrBadArgument) {
		t.Errorf("Neighbors(depth -1) error = %v, want ErrBadArgument", err)
	}
}

func TestShortestPaths(t *testing.T) {
	// A diamond a-b-d, a-c-d, plus a longer route a-e-f-d and a tail d-g.
	m := chain(t,
		"a advised b",
		"b met d",
		"c accompanied a",
		"d family-of c",
		"a member-of e",
		"e located-in f",
		"f located-in d",
		"g ordered d",
		"x met y",
	)
	tests := []struct {
		name     string
		from, to ID
		maxHops  int
		preds    []Predicate
		limit    int
		want     []string
	}{
		{"all shortest", "a", "d", 6, nil, 0, []string{
			"a -advised- b -met- d",
			"a -accompanied- c -family-of- d",
		}},
		{"limit", "a", "d", 6, nil, 1, []string{"a -advised- b -met- d"}},
		{"reverse direction", "d", "a", 6, nil, 0, []string{
			"d -met- b -advised- a",
			"d -family-of- c -accompanied- a",
		}},
		{"predicate filter forces the long route", "a", "d", 6, []Predicate{MemberOf, LocatedIn}, 0, []string{
			"a -member-of- e -located-in- f -located-in- d",
		}},
		{"too far", "a", "d", 2, []Predicate{MemberOf, LocatedIn}, 0, []string{}},
		{"one hop", "g", "d", 1, nil, 0, []string{"g -ordered- d"}},
		{"three hops", "g", "a", 5, nil, 0, []string{
			"g -ordered- d -met- b -advised- a",
			"g -ordered- d -family-of- c -accompanied- a",
		}},
		{"disconnected", "a", "x", 10, nil, 0, []string{}},
		{"same entity", "a", "a", 3, nil, 0, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := ShortestPaths(m, tt.from, tt.to, tt.maxHops, tt.preds, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, p := range ps {
				got = append(got, pathString(tt.from, p))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ShortestPaths(%s, %s) = %q, want %q", tt.from, tt.to, got, tt.want)
			}
		})
	}
	if _, err := ShortestPaths(m, "a", "d", -1, nil, 0); !errors.Is(err, ErrBadArgument) {
		t.Errorf("ShortestPaths(maxHops -1) error = %v, want ErrBadArgument", err)
	}
}

// TestShortestPathsAgainstBFS checks, on random graphs, that every path
// returned is a real path of the true shortest length and that the number
// of paths equals the number a plain single-source count finds.
func TestShortestPathsAgainstBFS(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 30; trial++ {
		n := 30
		m := NewMemory()
		for i := 0; i < n; i++ {
			m.PutEntity(Entity{ID: nodeID(i), Name: string(nodeID(i)), Type: Person})
		}
		for i := 0; i < 45; i++ {
			a, b := rng.Intn(n), rng.Intn(n)
			if a == b {
				continue
			}
			m.PutRelation(Relation{Subject: nodeID(a), Predicate: Predicates[rng.Intn(3)], Object: nodeID(b)})
		}
		from, to := nodeID(rng.Intn(n)), nodeID(rng.Intn(n))
		if from == to {
			continue
		}
		dist, count := countPaths(m, from, to)
		ps, err := ShortestPaths(m, from, to, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if dist < 0 {
			if len(ps) != 0 {
				t.Errorf("trial %d: %s-%s unconnected, got %d paths", trial, from, to, len(ps))
			}
			continue
		}
		if len(ps) != count {
			t.Errorf("trial %d: %s-%s got %d paths, want %d", trial, from, to, len(ps), count)
		}
		for _, p := range ps {
			if len(p) != dist {
				t.Errorf("trial %d: path %s has %d edges, want %d", trial, pathString(from, p), len(p), dist)
			}
			at := from
			for _, e := range p {
				if e.Subject != at && e.Object != at {
					t.Fatalf("trial %d: path %s is broken at %s", trial, pathString(from, p), at)
				}
				at = e.Other(at)
			}
			if at != to {
				t.Errorf("trial %d: path %s ends at %s", trial, pathString(from, p), at)
			}
		}
	}
}

func nodeID(i int) ID { return ID(fmt.Sprintf("n%03d", i)) }

// countPaths is a plain one-sided BFS counting shortest paths (edges, not
// just entity sequences) from from to to; dist -1 when unreachable.
func countPaths(r Reader, from, to ID) (dist, count int) {
	d := map[ID]int{from: 0}
	c := map[ID]int{from: 1}
	q := []ID{from}
	for len(q) > 0 {
		u := q[0]
		q = q[1:]
		for e := range r.Edges(u, Both) {
			v := e.Other(u)
			if _, ok := d[v]; !ok {
				d[v] = d[u] + 1
				q = append(q, v)
			}
			if d[v] == d[u]+1 {
				c[v] += c[u]
			}
		}
	}
	if dd, ok := d[to]; ok {
		return dd, c[to]
	}
	return -1, 0
}

// errReader fails on every Edges call.
type errReader struct{ *Memory }

var errBroken = errors.New("broken")

func (errReader) Edges(ID, Direction, ...Predicate) iter.Seq2[Edge, error] {
	return func(yield func(Edge, error) bool) { yield(Edge{}, errBroken) }
}

func TestTraversalErrors(t *testing.T) {
	r := errReader{NewMemory()}
	if _, err := Neighbors(r, "a", 2, nil); !errors.Is(err, errBroken) {
		t.Errorf("Neighbors error = %v, want it to wrap errBroken", err)
	}
	if _, err := ShortestPaths(r, "a", "b", 2, nil, 0); !errors.Is(err, errBroken) {
		t.Errorf("ShortestPaths error = %v, want it to wrap errBroken", err)
	}
}

// bigGraph is a random graph of n entities with about 3 edges each,
// generated once per benchmark run.
func bigGraph(b *testing.B, n int) *Memory {
	b.Helper()
	rng := rand.New(rand.NewSource(1))
	m := NewMemory()
	for i := 0; i < n; i++ {
		id := ID(fmt.Sprintf("e%06d", i))
		m.PutEntity(Entity{ID: id, Name: string(id), Type: Person})
	}
	for i := 0; i < 3*n; i++ {
		a, c := rng.Intn(n), rng.Intn(n)
		if a == c {
			continue
		}
		m.PutRelation(Relation{
			Subject:   ID(fmt.Sprintf("e%06d", a)),
			Predicate: Predicates[rng.Intn(len(Predicates))],
			Object:    ID(fmt.Sprintf("e%06d", c)),
		})
	}
	return m
}

func BenchmarkNeighbors(b *testing.B) {
	m := bigGraph(b, 100_000)
	for _, depth := range []int{1, 2, 3} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				if _, err := Neighbors(m, ID(fmt.Sprintf("e%06d", i%1000)), depth, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkShortestPaths(b *testing.B) {
	m := bigGraph(b, 100_000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		from := ID(fmt.Sprintf("e%06d", (i*7919)%100_000))
		to := ID(fmt.Sprintf("e%06d", (i*104729+13)%100_000))
		if _, err := ShortestPaths(m, from, to, 12, nil, 10); err != nil {
			b.Fatal(err)
		}
	}
}

func TestIDPrefixOrder(t *testing.T) {
	ids := []ID{"", "a", "a\x00", "a\x00b", "ab", "abcdefgh", "abcdefgh\x00", "abcdefghi", "abcdefgi", "b", "\xff"}
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			if pa, pb := idPrefix(a), idPrefix(b); pa > pb {
				t.Errorf("idPrefix(%q) = %x > idPrefix(%q) = %x, but %q < %q", a, pa, b, pb, a, b)
			}
		}
	}
}
