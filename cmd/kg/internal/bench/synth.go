package bench

import (
	"encoding/binary"
	"encoding/hex"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/kgraph/kg/graph"
)

// synthGraph is a deterministic random graph of n entities and 10n
// relations whose degrees follow a power law: both ends of a relation are
// drawn with weight r^-1/2 for the entity of popularity rank r, which gives
// degree exponent 3, that of a Barabási-Albert graph. At 10^6 entities the
// biggest hub has about 10^4 relations and the median entity about 14.
//
// Entities are numbered in id order, so that relations, packed into
// integers (subject, predicate, object), sort in Badger's key order.
//
// An entity's id and name lie side by side in one string (text), located
// by at, so that the relation generator, which reads the objects' ids and
// names at random, misses the cache once for both, not once for each
// string header and again for its bytes: at 10^6 entities those misses
// were a tenth of the import's CPU, and they are the bench's, not kg's.
type synthGraph struct {
	ids  []graph.ID // slices of text
	text string     // id 0, name 0, id 1, name 1, ...
	at   []uint32   // id i is text[at[2i]:at[2i+1]], its name text[at[2i+1]:at[2i+2]]
	typ  []graph.Type
	rels []uint64 // subject<<32 | predicate<<26 | object, sorted
	perm []int32  // popularity rank -> id rank
}

// idOf and nameOf return entity i's id and name, cut from g.text.
func (g *synthGraph) idOf(i int) graph.ID { return graph.ID(g.text[g.at[2*i]:g.at[2*i+1]]) }
func (g *synthGraph) nameOf(i int) string { return g.text[g.at[2*i+1]:g.at[2*i+2]] }

// predsByKey is the vocabulary in key (string) order.
var predsByKey = func() []graph.Predicate {
	ps := slices.Clone(graph.Predicates)
	slices.Sort(ps)
	return ps
}()

func newSynthGraph(n int) *synthGraph {
	type ent struct {
		id   graph.ID
		name string
		typ  graph.Type
	}
	ents := make([]ent, n)
	for i := range ents {
		nm := name(i)
		ents[i] = ent{graph.Slug(nm), nm, typeOf(i)}
	}
	slices.SortFunc(ents, func(a, b ent) int { return strings.Compare(string(a.id), string(b.id)) })
	g := &synthGraph{ids: make([]graph.ID, n), at: make([]uint32, 0, 2*n+1), typ: make([]graph.Type, n)}
	var text strings.Builder
	for i, e := range ents {
		g.at = append(g.at, uint32(text.Len()))
		text.WriteString(string(e.id))
		g.at = append(g.at, uint32(text.Len()))
		text.WriteString(e.name)
		g.typ[i] = e.typ
	}
	g.at = append(g.at, uint32(text.Len()))
	g.text = text.String()
	for i := range g.ids {
		g.ids[i] = g.idOf(i)
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	g.perm = make([]int32, n)
	for i := range g.perm {
		g.perm[i] = int32(i)
	}
	rng.Shuffle(n, func(i, j int) { g.perm[i], g.perm[j] = g.perm[j], g.perm[i] })
	draw := func() int {
		u := rng.Float64()
		return int(g.perm[int(u*u*float64(n))%n])
	}
	want := 10 * n
	for len(g.rels) < want {
		for len(g.rels) < want+want/20 {
			s, o := draw(), draw()
			if s == o {
				continue
			}
			p := rng.IntN(len(predsByKey))
			if predsByKey[p].Symmetric() && o < s {
				s, o = o, s
			}
			g.rels = append(g.rels, uint64(s)<<32|uint64(p)<<26|uint64(o))
		}
		slices.Sort(g.rels)
		g.rels = slices.Compact(g.rels)
	}
	g.rels = g.rels[:want]
	return g
}

func unpack(r uint64) (s int, p graph.Predicate, o int) {
	return int(r >> 32), predsByKey[(r>>26)&63], int(r & (1<<26 - 1))
}

// docID is a document id of the length real ones have (hex SHA-256).
func docID(i int) graph.DocID {
	x := uint64(i)*0x9E3779B97F4A7C15 + 1
	var b [32]byte
	for j := range 4 {
		binary.BigEndian.PutUint64(b[8*j:], x*uint64(2*j+1))
	}
	return graph.DocID(hex.EncodeToString(b[:]))
}

// entities yields the graph's entities in id order, each with an alias
// (a person's surname) and the document it came from.
func (g *synthGraph) entities() iter.Seq[graph.Entity] {
	return func(yield func(graph.Entity) bool) {
		for i, id := range g.ids {
			e := graph.Entity{ID: id, Name: g.nameOf(i), Type: g.typ[i], Mentions: 1 + i%7, Docs: []graph.DocID{docID(i / 10)}}
			if e.Type == graph.Person {
				e.AddAlias(e.Name[strings.IndexByte(e.Name, ' ')+1:])
			}
			if !yield(e) {
				return
			}
		}
	}
}

// relations yields the relations in key order, each with one evidence
// record: a sentence of about 70 bytes, as extraction would keep. What it
// allocates is counted in the import's time, so it allocates little:
// sentences are cut from one string per relGroup relations, evidence
// records from one slice, and a document's id is made once for its ten
// relations.
func (g *synthGraph) relations() iter.Seq[graph.Relation] {
	return func(yield func(graph.Relation) bool) {
		var (
			text  strings.Builder
			ends  []int
			evs   []graph.Evidence
			doc   graph.DocID
			docOf = -1
		)
		for i, r := range g.rels {
			k := i % relGroup
			if k == 0 {
				text.Reset()
				text.Grow(relGroup * 80)
				ends = ends[:0]
				for j := i; j < min(i+relGroup, len(g.rels)); j++ {
					s, p, o := unpack(g.rels[j])
					for _, part := range [...]string{g.nameOf(s), " ", string(p), " ", g.nameOf(o), ", the paper reported on ", weekdays[j%len(weekdays)], "."} {
						text.WriteString(part)
					}
					ends = append(ends, text.Len())
				}
				evs = make([]graph.Evidence, relGroup)
			}
			all := text.String()
			sent := all[:ends[k]]
			if k > 0 {
				sent = all[ends[k-1]:ends[k]]
			}
			if i/10 != docOf {
				doc, docOf = docID(i/10), i/10
			}
			s, p, o := unpack(r)
			start := 40 * (i % 50)
			evs[k] = graph.Evidence{Doc: doc, Sentence: sent, Start: start, End: start + len(sent), Extractor: "bench/1", Confidence: 0.8}
			rel := graph.Relation{Subject: g.ids[s], Predicate: p, Object: g.idOf(o), Evidence: evs[k : k+1 : k+1]}
			if !yield(rel) {
				return
			}
		}
	}
}

// relGroup is how many relations' sentences relations builds at once.
const relGroup = 1024

// hub returns the entity of popularity rank r (0: the biggest hub).
func (g *synthGraph) hub(r int) graph.ID { return g.ids[g.perm[r]] }
