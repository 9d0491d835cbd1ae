package store

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// withInline sets maxInline for one test.
func withInline(t *testing.T, n int) {
	t.Helper()
	was := maxInline
	maxInline = n
	t.Cleanup(func() { maxInline = was })
}

// TestEvidenceKey checks that evidence keys round-trip and sort as
// graph.SortEvidence orders records, after every other key of their
// relation's and before the next relation's.
func TestEvidenceKey(t *testing.T) {
	k := graph.Key{Subject: "a\x00b", Predicate: graph.MemberOf, Object: "gov"}
	recs := []graph.Evidence{
		{Doc: "d1", Start: -5, End: 3},
		{Doc: "d1", Start: 0, End: 10},
		{Doc: "d1", Start: 0, End: 11},
		{Doc: "d1", Start: 1 << 40, End: 1<<40 + 1},
		{Doc: "d1\x00", Start: 0, End: 1},
		{Doc: "d10", Start: 0, End: 1},
		{Doc: "d2", Start: -1 << 40, End: 0},
	}
	for _, rec := range recs {
		t.Run(fmt.Sprintf("%q/%d/%d", rec.Doc, rec.Start, rec.End), func(t *testing.T) {
			b := evidenceKey(k, rec)
			gotK, gotRec, err := parseEvidenceKey(b)
			if err != nil || gotK != k || gotRec != rec {
				t.Errorf("parseEvidenceKey(evidenceKey(%v, %+v)) = %v, %+v, %v", k, rec, gotK, gotRec, err)
			}
			if !bytes.HasPrefix(b, evidenceDocPrefix(k, rec.Doc)) || !bytes.HasPrefix(b, evidencePrefix(k)) {
				t.Errorf("evidenceKey %x lacks its prefixes", b)
			}
		})
	}
	shuffled := slices.Clone(recs)
	slices.Reverse(shuffled)
	graph.SortEvidence(shuffled)
	for i := 1; i < len(shuffled); i++ {
		if a, b := evidenceKey(k, shuffled[i-1]), evidenceKey(k, shuffled[i]); bytes.Compare(a, b) >= 0 {
			t.Errorf("evidence key of %+v sorts at or after that of %+v, which SortEvidence puts later", shuffled[i-1], shuffled[i])
		}
	}
	next := graph.Key{Subject: "a\x00b", Predicate: graph.MemberOf, Object: "gov2"}
	if a, b := evidenceKey(k, recs[len(recs)-1]), evidencePrefix(next); bytes.Compare(a, b) >= 0 {
		t.Errorf("evidence key of %v sorts after the prefix of %v", k, next)
	}
	for _, bad := range []string{"", "\x07", "\x08a\x00\x01", "\x08a\x00\x01p\x00\x01o\x00\x01d\x00\x01short"} {
		if _, _, err := parseEvidenceKey([]byte(bad)); err == nil {
			t.Errorf("parseEvidenceKey(%q): no error", bad)
		}
	}
}

// statedIn is a batch of one document stating that a is a member of b.
func statedIn(n int) graph.Batch {
	doc := graph.DocID(fmt.Sprintf("doc-%06d", n))
	sentence := fmt.Sprintf("Article %d says Ann Lee sits in the Cabinet.", n)
	return graph.Batch{
		Doc: graph.Document{ID: doc, Body: sentence},
		Entities: []graph.Entity{
			{ID: "ann-lee", Name: "Ann Lee", Type: graph.Person, Mentions: 1, Docs: []graph.DocID{doc}},
			{ID: "cabinet", Name: "Cabinet", Type: graph.Organization, Mentions: 1, Docs: []graph.DocID{doc}},
		},
		Relations: []graph.Relation{{Subject: "ann-lee", Predicate: graph.MemberOf, Object: "cabinet", Evidence: []graph.Evidence{
			{Doc: doc, Sentence: sentence, Start: 0, End: len(sentence), Extractor: "test", Confidence: 0.8, Status: graph.Stated},
		}}},
	}
}

// txnSize reads what Badger counts against its transaction limit: the
// unexported size and count of a Txn (there is no accessor).
func txnSize(t *testing.T, txn *badger.Txn) (size, count int64) {
	t.Helper()
	v := reflect.ValueOf(txn).Elem()
	s, c := v.FieldByName("size"), v.FieldByName("count")
	if !s.IsValid() || !c.IsValid() {
		t.Fatal("badger.Txn has no size or count field any more: measure the bytes another way")
	}
	return s.Int(), c.Int()
}

// checkEvidenceInvariant checks that a relation value is in format 0x02
// exactly when its relation has evidence keys, and that no evidence key
// is left without its relation.
func checkEvidenceInvariant(t *testing.T, s *Store) {
	t.Helper()
	flagged := map[graph.Key]bool{}
	withKeys := map[graph.Key]bool{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			switch item.Key()[0] {
			case kindRelation:
				k, err := parseRelationKey(item.Key())
				if err != nil {
					return err
				}
				if err := item.Value(func(v []byte) error { flagged[k] = hasOverflow(v); return nil }); err != nil {
					return err
				}
			case kindEvidence:
				k, _, err := parseEvidenceKey(item.Key())
				if err != nil {
					return err
				}
				withKeys[k] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, f := range flagged {
		if f != withKeys[k] {
			t.Errorf("relation %v: value format 0x02 is %v, evidence keys %v", k, f, withKeys[k])
		}
	}
	for k := range withKeys {
		if _, ok := flagged[k]; !ok {
			t.Errorf("evidence keys of %v, which has no relation key", k)
		}
	}
}

// TestManyDocuments ingests one relation stated in thousands of
// documents: no ingest fails, each one after the value fills writes as
// much as the first ones did, every record reads back in order, and
// forgetting a document removes its record only.
func TestManyDocuments(t *testing.T) {
	n := 20000
	if testing.Short() || raceEnabled {
		n = 3000 // still far past maxInline; the full run is without -race
	}
	s := openMem(t)
	var sizes, counts []int64
	s.beforeCommit = func(txn *badger.Txn) error {
		size, count := txnSize(t, txn)
		sizes, counts = append(sizes, size), append(counts, count)
		return nil
	}
	for i := range n {
		if _, err := s.Ingest(statedIn(i)); err != nil {
			t.Fatalf("ingest of document %d: %v", i, err)
		}
	}
	s.beforeCommit = nil
	// The first maxInline ingests grow the value; afterwards each writes
	// the same keys: the document, two entities (their lists of documents
	// are capped) and one evidence key.
	// The entities' values grow until they list MaxEntityDocs documents.
	from := MaxEntityDocs + 2*maxInline
	early := slices.Max(sizes[from : from+100])
	late := slices.Max(sizes[n-100:])
	t.Logf("transaction bytes: ingest 1 %d, %d-%d max %d, last 100 max %d; keys %d then %d", sizes[0], from, from+100, early, late, counts[0], counts[n-1])
	if late > early+64 {
		t.Errorf("the last ingests write up to %d bytes, ingests %d-%d %d: the writes grow with the relation", late, from, from+100, early)
	}
	if counts[n-1] > counts[from] {
		t.Errorf("the last ingest wrote %d keys, ingest %d %d", counts[n-1], from, counts[from])
	}

	k := graph.Key{Subject: "ann-lee", Predicate: graph.MemberOf, Object: "cabinet"}
	want := make([]graph.Evidence, n)
	for i := range n {
		want[i] = statedIn(i).Relations[0].Evidence[0]
	}
	r, ok, err := s.Relation(k)
	if err != nil || !ok {
		t.Fatalf("Relation(%v) = %v, %v", k, ok, err)
	}
	if !reflect.DeepEqual(r.Evidence, want) {
		t.Fatalf("Relation(%v) has %d records, want the %d ingested in order", k, len(r.Evidence), n)
	}
	rels := collect(t, s.Relations())
	if len(rels) != 1 || !reflect.DeepEqual(rels[0], r) {
		t.Errorf("Relations() differs from Relation(%v)", k)
	}
	if st, err := s.Stats(); err != nil || st.Evidence != n {
		t.Errorf("Stats().Evidence = %d, %v; want %d", st.Evidence, err, n)
	}
	checkEvidenceInvariant(t, s)

	for _, tc := range []struct {
		name string
		doc  int
	}{
		{"in the value", 3},
		{"under an evidence key", n / 2},
		{"the last", n - 1},
	} {
		t.Run("forget "+tc.name, func(t *testing.T) {
			doc := statedIn(tc.doc).Doc.ID
			res, err := s.Forget(doc)
			if err != nil {
				t.Fatal(err)
			}
			if res.Evidence != 1 || res.Relations != 0 {
				t.Errorf("Forget(%s) removed %d records and %d relations, want 1 and 0", doc, res.Evidence, res.Relations)
			}
			want = slices.DeleteFunc(want, func(e graph.Evidence) bool { return e.Doc == doc })
			r, _, err := s.Relation(k)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Evidence, want) {
				t.Errorf("after Forget(%s) the relation has %d records, want %d", doc, len(r.Evidence), len(want))
			}
			checkEvidenceInvariant(t, s)
		})
	}
}

// TestImportEvidenceKeys imports a relation with 100 records (given out
// of order, one twice) and reads it back whole; ingesting it again adds to it.
func TestImportEvidenceKeys(t *testing.T) {
	k := graph.Key{Subject: "ann-lee", Predicate: graph.MemberOf, Object: "cabinet"}
	var ev []graph.Evidence
	for i := 99; i >= 0; i-- {
		ev = append(ev, statedIn(i).Relations[0].Evidence[0])
	}
	ev = append(ev, ev[10])
	ents := statedIn(0).Entities
	rels := []graph.Relation{{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object, Attrs: map[string]string{"role": "minister"}, Evidence: ev}}
	s := openMem(t)
	res, err := s.Import(slices.Values(ents), slices.Values(rels))
	if err != nil {
		t.Fatal(err)
	}
	if res.Relations != 1 || res.Evidence != 100 {
		t.Errorf("Import wrote %d relations and %d records, want 1 and 100", res.Relations, res.Evidence)
	}
	want := slices.Clone(ev[:100])
	graph.SortEvidence(want)
	got := collect(t, s.Relations())
	if len(got) != 1 || !reflect.DeepEqual(got[0].Evidence, want) || got[0].Attrs["role"] != "minister" {
		t.Fatalf("Relations() after Import = %d relations, first with %d records; want 1 with the 100 imported in order", len(got), len(got[0].Evidence))
	}
	if r, _, err := s.Relation(k); err != nil || !reflect.DeepEqual(r, got[0]) {
		t.Errorf("Relation(%v) differs from Relations(): %v", k, err)
	}
	checkEvidenceInvariant(t, s)

	// The same relation ingested: the same reads.
	ref := openMem(t)
	for i := range 100 {
		b := statedIn(i)
		b.Relations[0].Attrs = map[string]string{"role": "minister"}
		if _, err := ref.Ingest(b); err != nil {
			t.Fatal(err)
		}
	}
	if g, w := collect(t, s.Relations()), collect(t, ref.Relations()); !reflect.DeepEqual(g, w) {
		t.Errorf("imported and ingested relations differ")
	}
	for _, st := range []*Store{s, ref} {
		if r, err := st.Ingest(statedIn(100)); err != nil || r.Evidence != 1 {
			t.Errorf("ingest of one more record: %+v, %v", r, err)
		}
		if r, err := st.Ingest(statedIn(50)); err != nil || r.Evidence != 0 {
			t.Errorf("ingest of a record stored under an evidence key: added %d, %v; want 0", r.Evidence, err)
		}
	}
	if g, w := collect(t, s.Relations()), collect(t, ref.Relations()); !reflect.DeepEqual(g, w) || len(g[0].Evidence) != 101 {
		t.Errorf("after one more ingest: imported has %d records, ingested %d; want 101 each", len(g[0].Evidence), len(w[0].Evidence))
	}
}

// TestSchemaVersion2 opens a database written as version 2 wrote it (no
// evidence keys; a relation value in format 0x01 holding more records
// than maxInline): it reads the same, is marked version 3 when opened for
// writing, and takes more evidence under evidence keys.
func TestSchemaVersion2(t *testing.T) {
	dir := t.TempDir()
	k := graph.Key{Subject: "ann-lee", Predicate: graph.MemberOf, Object: "cabinet"}
	r := graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object}
	for i := range 20 {
		r.Evidence = append(r.Evidence, statedIn(i).Relations[0].Evidence[0])
	}
	var v2 []byte
	v2 = append(v2, 0x01) // format 0x01, written out by hand
	v2 = append(v2, 0)    // no attributes
	v2 = append(v2, byte(len(r.Evidence)))
	for _, e := range r.Evidence {
		v2 = appendEvidence(v2, e)
	}
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		kvs := [][2][]byte{
			{schemaKey(), encodeSchemaVersion(2)},
			{relationKey(k), v2},
			{outKey(k), nil},
			{inKey(k), nil},
		}
		for _, e := range statedIn(0).Entities {
			kvs = append(kvs, [2][]byte{entityKey(e.ID), appendEntity(nil, e)})
			for _, ik := range graph.IndexKeys(e) {
				kvs = append(kvs, [2][]byte{aliasKey(ik, e.ID), nil})
			}
		}
		for i := range 20 {
			b := statedIn(i)
			doc, _ := encodeDocument(b.Doc)
			kvs = append(kvs, [2][]byte{documentKey(b.Doc.ID), doc})
		}
		for _, kv := range kvs {
			if err := txn.Set(kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	version := func(s *Store) uint32 {
		var v uint32
		if err := s.db.View(func(txn *badger.Txn) error {
			_, err := getValue(txn, schemaKey(), func(b []byte) error { v, err = decodeSchemaVersion(b); return err })
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name     string
		readOnly bool
		ingest   int // a document to ingest, or -1
		version  uint32
		records  int
	}{
		{"read-only", true, -1, 2, 20},
		{"for writing", false, -1, 3, 20},
		{"one more article", false, 20, 3, 21},
		{"another", false, 21, 3, 22},
		{"an article forgotten", false, -1, 3, 21},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(dir, Options{ReadOnly: tc.readOnly})
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := s.Close(); err != nil {
					t.Error(err)
				}
			}()
			if tc.ingest >= 0 {
				if _, err := s.Ingest(statedIn(tc.ingest)); err != nil {
					t.Fatal(err)
				}
			}
			if tc.name == "an article forgotten" {
				if res, err := s.Forget(statedIn(21).Doc.ID); err != nil || res.Evidence != 1 {
					t.Fatalf("Forget: %+v, %v", res, err)
				}
			}
			if v := version(s); v != tc.version {
				t.Errorf("schema version %d, want %d", v, tc.version)
			}
			got, ok, err := s.Relation(k)
			if err != nil || !ok {
				t.Fatalf("Relation: %v, %v", ok, err)
			}
			if len(got.Evidence) != tc.records || !reflect.DeepEqual(got.Evidence[:20], r.Evidence) {
				t.Errorf("Relation has %d records, want %d beginning with the 20 stored", len(got.Evidence), tc.records)
			}
			checkEvidenceInvariant(t, s)
		})
	}
}

// TestCurationEvidenceKeys runs curation (reject, merge, add a relation,
// forget, and their undoing) on relations that have evidence keys, with
// several values of maxInline, and checks that every reader sees what it
// sees when all records are in the values.
func TestCurationEvidenceKeys(t *testing.T) {
	run := func(t *testing.T) *Store {
		s := openMem(t)
		for i := range 6 {
			if _, err := s.Ingest(statedIn(i)); err != nil {
				t.Fatal(err)
			}
			b := statedIn(100 + i) // Lee, another spelling, on the same cabinet
			b.Entities[0] = graph.Entity{ID: "a-lee", Name: "A. Lee", Type: graph.Person, Mentions: 1, Docs: []graph.DocID{b.Doc.ID}}
			b.Relations[0].Subject = "a-lee"
			if _, err := s.Ingest(b); err != nil {
				t.Fatal(err)
			}
		}
		steps := []graph.Decision{
			{Kind: graph.DecideMerge, Subject: "ann-lee", Object: "a-lee"},
			{Kind: graph.DecideAddRelation, Subject: "ann-lee", Predicate: graph.MemberOf, Object: "cabinet", Note: "the analyst knows"},
		}
		var seqs []uint64
		for _, d := range steps {
			got, err := s.Decide(d)
			if err != nil {
				t.Fatalf("%s: %v", d.Kind, err)
			}
			seqs = append(seqs, got.Seq)
		}
		if _, err := s.Forget(statedIn(2).Doc.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Undo(seqs[1]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Undo(seqs[0]); err != nil {
			t.Fatal(err)
		}
		rej, err := s.Decide(graph.Decision{Kind: graph.DecideRejectRelation, Subject: "a-lee", Predicate: graph.MemberOf, Object: "cabinet"})
		if err != nil {
			t.Fatal(err)
		}
		checkEvidenceInvariant(t, s)
		if rels := collect(t, s.Relations()); len(rels) != 1 {
			t.Errorf("after the reject: %d relations, want 1", len(rels))
		}
		if _, err := s.Undo(rej.Seq); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Ingest(statedIn(7)); err != nil {
			t.Fatal(err)
		}
		checkEvidenceInvariant(t, s)
		return s
	}
	ref := run(t)
	// ann-lee: documents 0-5 and 7 but the forgotten 2; a-lee: 100-105.
	if rels := collect(t, ref.Relations()); len(rels) != 2 || len(rels[0].Evidence)+len(rels[1].Evidence) != 12 {
		t.Fatalf("reference: %+v, want 2 relations with 12 records", rels)
	}
	for _, n := range []int{0, 1, 2, 4} {
		t.Run(fmt.Sprintf("maxInline %d", n), func(t *testing.T) {
			withInline(t, n)
			compareReaders(t, run(t), ref)
		})
	}
}

// TestRecordValue checks that an evidence key's value round-trips and that
// every truncation of it, and bytes after it, are errors.
func TestRecordValue(t *testing.T) {
	for _, rec := range []graph.Evidence{
		{Doc: "d", Sentence: "s"},
		statedIn(7).Relations[0].Evidence[0],
		{Doc: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Start: -3, End: 9, AttributedTo: "officials", Date: "2011-05-02", Status: graph.Reported},
	} {
		b := encodeRecord(rec)
		if got, err := decodeRecord(b); err != nil || got != rec {
			t.Errorf("decodeRecord(encodeRecord(%+v)) = %+v, %v", rec, got, err)
		}
		for n := range len(b) {
			if _, err := decodeRecord(b[:n]); !errors.Is(err, errBadValue) {
				t.Errorf("decodeRecord of %d of %d bytes: err = %v, want errBadValue", n, len(b), err)
			}
		}
		if _, err := decodeRecord(append(b[:len(b):len(b)], 0)); !errors.Is(err, errBadValue) {
			t.Errorf("decodeRecord with a byte after the record: err = %v, want errBadValue", err)
		}
	}
}

// TestForgetEveryDocument forgets, one by one, every document stating a
// relation whose records are split between its value and evidence keys:
// each Forget removes one record, and the last removes the relation with
// its keys.
func TestForgetEveryDocument(t *testing.T) {
	for _, inline := range []int{0, 1, 2, 3} {
		t.Run(fmt.Sprintf("maxInline %d", inline), func(t *testing.T) {
			withInline(t, inline)
			s := openMem(t)
			for i := range 3 {
				if _, err := s.Ingest(statedIn(i)); err != nil {
					t.Fatal(err)
				}
			}
			k := graph.Key{Subject: "ann-lee", Predicate: graph.MemberOf, Object: "cabinet"}
			for i, doc := range []int{1, 0, 2} {
				res, err := s.Forget(statedIn(doc).Doc.ID)
				if err != nil {
					t.Fatal(err)
				}
				last := i == 2
				if res.Evidence != 1 || (res.Relations == 1) != last {
					t.Errorf("Forget of document %d: %d records, %d relations removed", doc, res.Evidence, res.Relations)
				}
				r, ok, err := s.Relation(k)
				if err != nil || ok == last || len(r.Evidence) != 2-i {
					t.Errorf("after Forget of document %d: Relation = %d records, %v, %v; want %d", doc, len(r.Evidence), ok, err, 2-i)
				}
				checkEvidenceInvariant(t, s)
			}
		})
	}
}
