package graph

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

// batched gives a Memory an EdgesFrom built on its Edges, counting calls,
// to check that traversals take the FrontierReader path and get from it
// what the per-entity path gets.
type batched struct {
	*Memory
	calls int
	fail  error
}

func (b *batched) EdgesFrom(ids []ID, dir Direction, preds []Predicate, yield func(ID, Edge) bool) error {
	b.calls++
	if b.fail != nil {
		return b.fail
	}
	for _, id := range ids {
		for e, err := range b.Edges(id, dir, preds...) {
			if err != nil {
				return err
			}
			if !yield(id, e) {
				return nil
			}
		}
	}
	return nil
}

func TestTraversalsUseFrontierReader(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	m := NewMemory()
	const n = 150
	id := func(i int) ID { return ID(fmt.Sprintf("f%03d", i)) }
	for i := 0; i < n; i++ {
		m.PutEntity(Entity{ID: id(i), Name: string(id(i)), Type: Person})
	}
	for i := 0; i < 500; i++ {
		f := rng.Float64()
		a, c := int(f*f*n), rng.Intn(n)
		if a != c {
			m.PutRelation(Relation{Subject: id(a), Predicate: Predicates[rng.Intn(len(Predicates))], Object: id(c)})
		}
	}
	b := &batched{Memory: m}
	preds := [][]Predicate{nil, {Met, FamilyOf, Advised}}
	for i := 0; i < 20; i++ {
		from, to, p := id(rng.Intn(n)), id(rng.Intn(n)), preds[i%2]
		t.Run(fmt.Sprintf("%s-%s-%d", from, to, len(p)), func(t *testing.T) {
			want, err := Neighbors(m, from, 3, p)
			if err != nil {
				t.Fatal(err)
			}
			calls := b.calls
			got, err := Neighbors(b, from, 3, p)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) > 0 && b.calls == calls {
				t.Error("Neighbors did not call EdgesFrom")
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Neighbors with EdgesFrom:\n%v\nwithout:\n%v", hopString(got), hopString(want))
			}
			wantP, err := ShortestPaths(m, from, to, 6, p, 0)
			if err != nil {
				t.Fatal(err)
			}
			gotP, err := ShortestPaths(b, from, to, 6, p, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotP, wantP) {
				t.Errorf("ShortestPaths with EdgesFrom gave %d paths, without %d, or they differ", len(gotP), len(wantP))
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		f := &batched{Memory: m, fail: errBroken}
		if _, err := Neighbors(f, id(0), 2, nil); !errors.Is(err, errBroken) {
			t.Errorf("Neighbors error = %v, want it to wrap errBroken", err)
		}
		if _, err := ShortestPaths(f, id(0), id(1), 2, nil, 0); !errors.Is(err, errBroken) {
			t.Errorf("ShortestPaths error = %v, want it to wrap errBroken", err)
		}
	})
}
