package store

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
)

const hexDoc = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

var valueEntities = []graph.Entity{
	{ID: "bare"},
	{ID: "full", Name: "Nouri al-Maliki", Type: graph.Person, Aliases: []string{"Maliki", "al-Maliki"},
		Attrs: map[string]string{"role": "prime minister", "nationality": "Iraqi", "": "empty key"}, Mentions: 42,
		Docs: []graph.DocID{hexDoc, "doc-1", graph.DocID(strings.ToUpper(hexDoc)), graph.DocID(hexDoc[:63] + "g"), ""}},
	{ID: "odd", Name: "a\x00b\xff", Type: "custom type", Mentions: -3, Aliases: []string{""}},
	{ID: "one attr", Name: "Basra", Type: graph.Place, Attrs: map[string]string{"k": "v"}, Docs: []graph.DocID{hexDoc}},
}

var valueRelations = []graph.Relation{
	{Subject: "a", Predicate: graph.MemberOf, Object: "b"},
	{Subject: "a", Predicate: "custom", Object: "b", Attrs: map[string]string{"role": "Oil minister", "kin": "brother-in-law"}},
	{Subject: "a", Predicate: graph.Met, Object: "c", Evidence: []graph.Evidence{
		{Doc: hexDoc, Sentence: "A met C in Baghdad.", Start: 10, End: 29},
		{Doc: "doc-2", Sentence: "They met again, officials said.", Start: 0, End: 31, Extractor: "relate/3",
			Confidence: 0.8125, Status: graph.Reported, AttributedTo: "officials", Date: "2011-05-02"},
		{Doc: "", Sentence: "", Start: -1, End: 1 << 40, Confidence: 1e-300},
	}},
}

// TestValueRoundTrip encodes entities and relations and decodes them back.
func TestValueRoundTrip(t *testing.T) {
	for _, e := range valueEntities {
		t.Run("entity/"+string(e.ID), func(t *testing.T) {
			b, err := encodeEntity(e)
			if err != nil {
				t.Fatal(err)
			}
			if b[0] == jsonStart {
				t.Fatalf("binary value %q starts with '{'", b)
			}
			got, err := decodeEntity(e.ID, b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, e) {
				t.Errorf("decodeEntity(encodeEntity(e)) =\n%#v\nwant\n%#v", got, e)
			}
		})
	}
	for _, r := range valueRelations {
		t.Run("relation/"+string(r.Predicate)+"/"+string(r.Object), func(t *testing.T) {
			b, err := encodeRelation(r)
			if err != nil {
				t.Fatal(err)
			}
			if b[0] == jsonStart {
				t.Fatalf("binary value %q starts with '{'", b)
			}
			got, err := decodeRelation(r.Key(), b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, r) {
				t.Errorf("decodeRelation(encodeRelation(r)) =\n%#v\nwant\n%#v", got, r)
			}
		})
	}
}

// TestValueDeterministic checks that equal values encode alike whatever
// the order maps iterate in.
func TestValueDeterministic(t *testing.T) {
	r := valueRelations[1]
	first, _ := encodeRelation(r)
	for range 20 {
		if b, _ := encodeRelation(r); string(b) != string(first) {
			t.Fatalf("encodeRelation gave %x, then %x", first, b)
		}
	}
}

// TestValueHexDocPacked checks that a SHA-256 document id takes 32 bytes,
// not 64.
func TestValueHexDocPacked(t *testing.T) {
	short, _ := encodeEntity(graph.Entity{Docs: []graph.DocID{hexDoc}})
	long, _ := encodeEntity(graph.Entity{Docs: []graph.DocID{graph.DocID(strings.ToUpper(hexDoc))}})
	if len(long)-len(short) != 32 {
		t.Errorf("a lowercase hex id takes %d bytes less than an uppercase one; want 32", len(long)-len(short))
	}
}

// TestValueOldJSON decodes values as the JSON encoding of earlier kg
// versions wrote them: databases written then must still read.
func TestValueOldJSON(t *testing.T) {
	t.Run("entity literal", func(t *testing.T) {
		old := `{"id":"nouri-al-maliki","name":"Nouri al-Maliki","type":"person","aliases":["Maliki"],"attrs":{"role":"prime minister"},"mentions":3,"docs":["` + hexDoc + `"]}`
		got, err := decodeEntity("nouri-al-maliki", []byte(old))
		if err != nil {
			t.Fatal(err)
		}
		want := graph.Entity{ID: "nouri-al-maliki", Name: "Nouri al-Maliki", Type: graph.Person, Aliases: []string{"Maliki"},
			Attrs: map[string]string{"role": "prime minister"}, Mentions: 3, Docs: []graph.DocID{hexDoc}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decodeEntity(old JSON) =\n%#v\nwant\n%#v", got, want)
		}
	})
	t.Run("relation literal", func(t *testing.T) {
		old := `{"attrs":{"role":"envoy"},"evidence":[{"doc":"` + hexDoc + `","sentence":"A met C.","start":4,"end":12,"extractor":"relate/2","confidence":0.9,"status":"reported","attributed_to":"aides","date":"2010"}]}`
		k := graph.Key{Subject: "a", Predicate: graph.Met, Object: "c"}
		got, err := decodeRelation(k, []byte(old))
		if err != nil {
			t.Fatal(err)
		}
		want := graph.Relation{Subject: "a", Predicate: graph.Met, Object: "c", Attrs: map[string]string{"role": "envoy"},
			Evidence: []graph.Evidence{{Doc: hexDoc, Sentence: "A met C.", Start: 4, End: 12, Extractor: "relate/2",
				Confidence: 0.9, Status: graph.Reported, AttributedTo: "aides", Date: "2010"}}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decodeRelation(old JSON) =\n%#v\nwant\n%#v", got, want)
		}
	})
	// Every fixture, as the old encoder (json.Marshal) wrote it; but JSON
	// cannot hold a name that is not UTF-8 (the binary form can).
	for _, e := range valueEntities {
		if !utf8.ValidString(e.Name) {
			continue
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeEntity(e.ID, b)
		if err != nil {
			t.Fatalf("decodeEntity(%s): %v", b, err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("decodeEntity(%s) =\n%#v\nwant\n%#v", b, got, e)
		}
	}
	for _, r := range valueRelations {
		b, err := json.Marshal(relationValue{Attrs: r.Attrs, Evidence: r.Evidence})
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeRelation(r.Key(), b)
		if err != nil {
			t.Fatalf("decodeRelation(%s): %v", b, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("decodeRelation(%s) =\n%#v\nwant\n%#v", b, got, r)
		}
	}
}

// TestOldJSONDatabase rewrites a database's entity and relation values as
// JSON, as kg wrote them before the binary form, and checks that it answers
// every reader as the database it came from does, before and after more
// articles are ingested into both (which merges into JSON values and
// writes them back in the binary form).
func TestOldJSONDatabase(t *testing.T) {
	ref, old := openMem(t), openMem(t)
	for _, s := range []*Store{ref, old} {
		if _, err := s.Ingest(graphtest.BatchA()); err != nil {
			t.Fatal(err)
		}
	}
	rewritten := 0
	err := old.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().KeyCopy(nil)
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			var j []byte
			switch k[0] {
			case kindEntity:
				e, err := decodeEntity(graph.ID(k[1:]), v)
				if err != nil {
					return err
				}
				j, err = json.Marshal(e)
				if err != nil {
					return err
				}
			case kindRelation:
				rk, err := parseRelationKey(k)
				if err != nil {
					return err
				}
				r, err := decodeRelation(rk, v)
				if err != nil {
					return err
				}
				j, err = json.Marshal(relationValue{Attrs: r.Attrs, Evidence: r.Evidence})
				if err != nil {
					return err
				}
			default:
				continue
			}
			if err := txn.Set(k, j); err != nil {
				return err
			}
			rewritten++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rewritten < 5 {
		t.Fatalf("rewrote %d values as JSON; the fixture has more", rewritten)
	}
	compareReaders(t, old, ref)
	for _, b := range []graph.Batch{graphtest.BatchB(), graphtest.BatchC()} {
		for _, s := range []*Store{ref, old} {
			if _, err := s.Ingest(b); err != nil {
				t.Fatal(err)
			}
		}
	}
	compareReaders(t, old, ref)
}

// TestValueMalformed checks that every truncation of a value, bytes after
// it, an unknown format and a bad JSON value are errors, not panics or
// silently wrong results.
func TestValueMalformed(t *testing.T) {
	ent, _ := encodeEntity(valueEntities[1])
	rel, _ := encodeRelation(valueRelations[2])
	for n := range len(ent) {
		if _, err := decodeEntity("x", ent[:n]); !errors.Is(err, errBadValue) {
			t.Errorf("decodeEntity of %d of %d bytes: err = %v, want errBadValue", n, len(ent), err)
		}
	}
	for n := range len(rel) {
		if _, err := decodeRelation(graph.Key{}, rel[:n]); !errors.Is(err, errBadValue) {
			t.Errorf("decodeRelation of %d of %d bytes: err = %v, want errBadValue", n, len(rel), err)
		}
	}
	for _, tt := range []struct {
		name string
		b    []byte
	}{
		{"trailing byte", append(rel[:len(rel):len(rel)], 0)},
		{"unknown format", append([]byte{0x03}, rel[1:]...)},
		{"huge count", []byte{valueFormat1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F}},
		{"varint overflow", []byte{valueFormat1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := decodeRelation(graph.Key{}, tt.b); !errors.Is(err, errBadValue) {
				t.Errorf("decodeRelation(%x): err = %v, want errBadValue", tt.b, err)
			}
		})
	}
	if _, err := decodeRelation(graph.Key{}, []byte(`{"evidence":`)); err == nil {
		t.Error("decodeRelation of truncated JSON: no error")
	}
}

// FuzzDecodeRelation checks that decoding any bytes fails or succeeds
// without panicking, and that what decodes re-encodes to a value that
// decodes to the same relation.
func FuzzDecodeRelation(f *testing.F) {
	for _, r := range valueRelations {
		b, _ := encodeRelation(r)
		f.Add(b)
	}
	for _, e := range valueEntities {
		b, _ := encodeEntity(e)
		f.Add(b)
	}
	k := graph.Key{Subject: "a", Predicate: graph.Met, Object: "c"}
	f.Fuzz(func(t *testing.T, b []byte) {
		if r, err := decodeRelation(k, b); err == nil && (len(b) == 0 || b[0] != jsonStart) {
			again, err := decodeRelation(k, appendRelation(nil, r))
			if err != nil || !reflect.DeepEqual(again, r) {
				t.Errorf("relation %x decoded to %#v, re-encoded decodes to %#v, %v", b, r, again, err)
			}
		}
		if e, err := decodeEntity("e", b); err == nil && (len(b) == 0 || b[0] != jsonStart) {
			again, err := decodeEntity("e", appendEntity(nil, e))
			if err != nil || !reflect.DeepEqual(again, e) {
				t.Errorf("entity %x decoded to %#v, re-encoded decodes to %#v, %v", b, e, again, err)
			}
		}
	})
}

// BenchmarkRelationValue measures encoding and decoding a relation value
// with one evidence record, as extraction stores them.
func BenchmarkRelationValue(b *testing.B) {
	r := graph.Relation{Subject: "a", Predicate: graph.Met, Object: "c", Evidence: []graph.Evidence{{
		Doc: hexDoc, Sentence: "Nouri al-Maliki met Ali al-Sistani in Najaf, the paper reported on Monday.",
		Start: 400, End: 474, Extractor: "relate/3", Confidence: 0.8}}}
	b.Run("encode", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = appendRelation(buf[:0], r)
		}
		b.ReportMetric(float64(len(buf)), "bytes")
	})
	b.Run("decode", func(b *testing.B) {
		v, _ := encodeRelation(r)
		for b.Loop() {
			if _, err := decodeRelation(r.Key(), v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode-json", func(b *testing.B) {
		var n int
		for b.Loop() {
			v, _ := json.Marshal(relationValue{Evidence: r.Evidence})
			n = len(v)
		}
		b.ReportMetric(float64(n), "bytes")
	})
	b.Run("decode-json", func(b *testing.B) {
		v, _ := json.Marshal(relationValue{Evidence: r.Evidence})
		for b.Loop() {
			if _, err := decodeRelation(r.Key(), v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
