package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// The curation fixture: short articles written for these tests about a
// militia commander whose name is spelled two ways that automatic
// resolution does not join (Abdelhakim Belhadj, Abdul Hakim Belhaj).

// article builds a batch for body: entities are given as "id|Name|type|alias;alias",
// relations as "subject predicate object|sentence prefix".
func article(doc graph.DocID, body string, entities []string, relations []string) graph.Batch {
	b := graph.Batch{Doc: graph.Document{ID: doc, Source: string(doc) + ".txt", Body: body}}
	for _, spec := range entities {
		f := strings.Split(spec, "|")
		e := graph.Entity{ID: graph.ID(f[0]), Name: f[1], Type: graph.Type(f[2]), Mentions: 1, Docs: []graph.DocID{doc}}
		if len(f) > 3 && f[3] != "" {
			e.Aliases = strings.Split(f[3], ";")
		}
		b.Entities = append(b.Entities, e)
	}
	for _, spec := range relations {
		triple, prefix, _ := strings.Cut(spec, "|")
		f := strings.Fields(triple)
		start := strings.Index(body, prefix)
		if start < 0 {
			panic(fmt.Sprintf("%q not in %s", prefix, doc))
		}
		end := start + len(prefix)
		b.Relations = append(b.Relations, graph.Relation{
			Subject: graph.ID(f[0]), Predicate: graph.Predicate(f[1]), Object: graph.ID(f[2]),
			Evidence: []graph.Evidence{{Doc: doc, Sentence: body[start:end], Start: start, End: end, Extractor: "test/1", Confidence: 0.8}},
		})
	}
	return b
}

const (
	bodyOne   = "Abdelhakim Belhadj commanded the Tripoli Military Council. Belhadj was held in Bangkok in 2004."
	bodyTwo   = "Abdul Hakim Belhaj sued the British government. Abdul Hakim Belhaj met Mustafa Abdul Jalil in Benghazi."
	bodyThree = "Abdul Hakim Belhaj returned to Tripoli. He met Mustafa Abdul Jalil again."
)

func articleOne() graph.Batch {
	return article("doc-one", bodyOne,
		[]string{"belhadj|Abdelhakim Belhadj|person|Belhadj", "council|Tripoli Military Council|organization", "bangkok|Bangkok|place"},
		[]string{"belhadj member-of council|Abdelhakim Belhadj commanded", "belhadj held-at bangkok|Belhadj was held"})
}

func articleTwo() graph.Batch {
	return article("doc-two", bodyTwo,
		[]string{"belhaj|Abdul Hakim Belhaj|person", "uk|British government|organization", "jalil|Mustafa Abdul Jalil|person", "benghazi|Benghazi|place"},
		[]string{"belhaj accused uk|Abdul Hakim Belhaj sued", "belhaj met jalil|Abdul Hakim Belhaj met"})
}

func articleThree() graph.Batch {
	return article("doc-three", bodyThree,
		[]string{"b|Abdul Hakim Belhaj|person", "t|Tripoli|place", "j|Mustafa Abdul Jalil|person"},
		[]string{"b travelled-to t|Abdul Hakim Belhaj returned", "b met j|He met Mustafa"})
}

func ingestAll(t *testing.T, s *Store, bs ...graph.Batch) {
	t.Helper()
	for _, b := range bs {
		if _, err := s.Ingest(b); err != nil {
			t.Fatalf("ingest %s: %v", b.Doc.ID, err)
		}
	}
}

func decide(t *testing.T, s *Store, d graph.Decision) graph.Decision {
	t.Helper()
	got, err := s.Decide(d)
	if err != nil {
		t.Fatalf("decide %s: %v", d.Kind, err)
	}
	checkInvariants(t, s)
	return got
}

func resolveOne(t *testing.T, s *Store, name string) graph.ID {
	t.Helper()
	ids, err := s.Resolve(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 {
		t.Fatalf("Resolve(%q) = %v, want one id", name, ids)
	}
	return ids[0]
}

func mustRelation(t *testing.T, s *Store, sub graph.ID, p graph.Predicate, obj graph.ID) graph.Relation {
	t.Helper()
	r, ok, err := s.Relation(graph.Key{Subject: sub, Predicate: p, Object: obj})
	if err != nil || !ok {
		t.Fatalf("relation %s %s %s: ok=%v err=%v", sub, p, obj, ok, err)
	}
	return r
}

func hasRelation(t *testing.T, s *Store, sub graph.ID, p graph.Predicate, obj graph.ID) bool {
	t.Helper()
	_, ok, err := s.Relation(graph.Key{Subject: sub, Predicate: p, Object: obj})
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// checkInvariants reads every key and checks what keys.go promises: each
// relation has its two adjacency keys and no adjacency key lacks its
// relation; each alias key files an entity under one of its index keys and
// each entity is filed under all of them; a redirected id has no entity.
func checkInvariants(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		has := func(k []byte) bool {
			_, err := txn.Get(k)
			return err == nil
		}
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().KeyCopy(nil)
			switch k[0] {
			case kindRelation:
				key, _ := parseRelationKey(k)
				if !has(outKey(key)) || !has(inKey(key)) {
					t.Errorf("relation %v lacks an adjacency key", key)
				}
			case kindOut, kindIn:
				parse := parseOutKey
				if k[0] == kindIn {
					parse = parseInKey
				}
				key, _ := parse(k)
				if !has(relationKey(key)) {
					t.Errorf("adjacency key %v has no relation", key)
				}
			case kindAlias:
				idx, id, _ := parseAliasKey(k)
				e, ok, err := getEntity(txn, id)
				if err != nil || !ok {
					t.Errorf("alias key %q files missing entity %q", idx, id)
					continue
				}
				if !slices.Contains(graph.IndexKeys(e), idx) {
					t.Errorf("alias key %q files %q, whose names do not give it", idx, id)
				}
			case kindEntity:
				id, _ := parseEntityKey(k)
				e, _, err := getEntity(txn, id)
				if err != nil {
					return err
				}
				for _, idx := range graph.IndexKeys(e) {
					if !has(aliasKey(idx, id)) {
						t.Errorf("entity %q not filed under %q", id, idx)
					}
				}
				if has(redirectKey(id)) {
					t.Errorf("entity %q exists and redirects", id)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestDecisionKeysRoundTrip(t *testing.T) {
	for _, seq := range []uint64{1, 255, 256, 1 << 40, ^uint64(0)} {
		got, err := parseDecisionKey(decisionKey(seq))
		if err != nil || got != seq {
			t.Errorf("parseDecisionKey(decisionKey(%d)) = %d, %v", seq, got, err)
		}
	}
	if string(decisionKey(255)) >= string(decisionKey(256)) {
		t.Errorf("decision keys do not sort in log order")
	}
	for _, id := range []graph.ID{"", "moussa-koussa", "a\x00b"} {
		got, err := parseRedirectKey(redirectKey(id))
		if err != nil || got != id {
			t.Errorf("parseRedirectKey(redirectKey(%q)) = %q, %v", id, got, err)
		}
	}
	if _, err := parseDecisionKey([]byte{kindDecision, 1}); !errors.Is(err, errBadKey) {
		t.Errorf("short decision key: err = %v, want errBadKey", err)
	}
	if _, err := parseRedirectKey(entityKey("x")); !errors.Is(err, errBadKey) {
		t.Errorf("entity key parsed as redirect: err = %v", err)
	}
}

func TestMergeHoldsForLaterArticles(t *testing.T) {
	s := openMem(t)
	ingestAll(t, s, articleOne(), articleTwo())
	a, b := resolveOne(t, s, "Abdelhakim Belhadj"), resolveOne(t, s, "Abdul Hakim Belhaj")
	if a == b {
		t.Fatalf("the fixture's spellings were joined automatically (%s); the test needs them apart", a)
	}
	d := decide(t, s, graph.Decision{Kind: graph.DecideMerge, Subject: a, Object: b})
	if d.Seq != 1 || d.Date.IsZero() || d.Prior == nil || d.Prior.Entity.ID != b {
		t.Errorf("recorded decision = %+v", d)
	}
	// B's id and names lead to A.
	e, ok, err := s.Entity(b)
	if err != nil || !ok || e.ID != a {
		t.Errorf("Entity(%s) = %s, %v, %v; want %s", b, e.ID, ok, err, a)
	}
	if got := resolveOne(t, s, "Abdul Hakim Belhaj"); got != a {
		t.Errorf("Resolve(old spelling) = %s, want %s", got, a)
	}
	if e.Name != "Abdelhakim Belhadj" || !slices.Contains(e.Aliases, "Abdul Hakim Belhaj") {
		t.Errorf("merged entity = %+v", e)
	}
	if !slices.Contains(e.Docs, "doc-two") {
		t.Errorf("merged entity lacks B's document: %v", e.Docs)
	}
	jalil := resolveOne(t, s, "Mustafa Abdul Jalil")
	mustRelation(t, s, a, graph.Met, jalil)
	if hasRelation(t, s, b, graph.Met, jalil) {
		t.Errorf("B's relation is still stored under B")
	}
	// A later article spelling it B's way lands on A.
	ingestAll(t, s, articleThree())
	if got := resolveOne(t, s, "Abdul Hakim Belhaj"); got != a {
		t.Errorf("after a new article, Resolve = %s, want %s", got, a)
	}
	tripoli := resolveOne(t, s, "Tripoli")
	r := mustRelation(t, s, a, graph.TravelledTo, tripoli)
	if r.Evidence[0].Doc != "doc-three" {
		t.Errorf("evidence = %+v", r.Evidence)
	}
	if n := len(mustRelation(t, s, a, graph.Met, jalil).Evidence); n != 2 {
		t.Errorf("met has %d evidence records after the new article, want 2", n)
	}
	for e, err := range s.Entities() {
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != a && e.Type == graph.Person && strings.Contains(e.Name, "Bel") {
			t.Errorf("a second Belhadj entity appeared: %+v", e)
		}
	}
	checkInvariants(t, s)
}

func TestSplitUndoesMerge(t *testing.T) {
	s := openMem(t)
	ingestAll(t, s, articleOne(), articleTwo())
	a, b := resolveOne(t, s, "Abdelhakim Belhadj"), resolveOne(t, s, "Abdul Hakim Belhaj")
	before, _, _ := s.Entity(a)
	jalil := resolveOne(t, s, "Mustafa Abdul Jalil")
	d := decide(t, s, graph.Decision{Kind: graph.DecideMerge, Subject: a, Object: b})
	undone, err := s.Undo(d.Seq)
	if err != nil {
		t.Fatalf("undo: %v", err)
	}
	if !undone.Undone || undone.UndoneAt == nil {
		t.Errorf("undone decision = %+v", undone)
	}
	checkInvariants(t, s)
	if got := resolveOne(t, s, "Abdul Hakim Belhaj"); got != b {
		t.Errorf("after split Resolve = %s, want %s", got, b)
	}
	after, _, _ := s.Entity(a)
	if !slices.Equal(after.Aliases, before.Aliases) || !slices.Equal(after.Docs, before.Docs) || after.Mentions != before.Mentions {
		t.Errorf("A after split = %+v\nwant %+v", after, before)
	}
	mustRelation(t, s, b, graph.Met, jalil)
	if hasRelation(t, s, a, graph.Met, jalil) {
		t.Errorf("A kept B's relation after the split")
	}
	if _, err := s.Undo(d.Seq); !errors.Is(err, ErrCannotUndo) {
		t.Errorf("second undo: err = %v, want ErrCannotUndo", err)
	}
	// The split holds for later articles: B's spelling lands on B again.
	ingestAll(t, s, articleThree())
	mustRelation(t, s, b, graph.TravelledTo, resolveOne(t, s, "Tripoli"))
}

func TestRejectedRelationStaysOut(t *testing.T) {
	s := openMem(t)
	ingestAll(t, s, articleOne(), articleTwo())
	b, jalil := resolveOne(t, s, "Abdul Hakim Belhaj"), resolveOne(t, s, "Mustafa Abdul Jalil")
	d := decide(t, s, graph.Decision{Kind: graph.DecideRejectRelation, Subject: b, Predicate: graph.Met, Object: jalil, Note: "they met later"})
	if hasRelation(t, s, b, graph.Met, jalil) {
		t.Fatalf("rejected relation still there")
	}
	for e, err := range s.Edges(jalil, graph.Both) {
		if err != nil {
			t.Fatal(err)
		}
		t.Errorf("jalil still has edge %+v", e)
	}
	// Forget and re-ingest its article, and another article stating it.
	if _, err := s.Forget("doc-two"); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	ingestAll(t, s, articleTwo(), articleThree())
	b, jalil = resolveOne(t, s, "Abdul Hakim Belhaj"), resolveOne(t, s, "Mustafa Abdul Jalil")
	if hasRelation(t, s, b, graph.Met, jalil) {
		t.Errorf("rejected relation came back with a re-ingested article")
	}
	if !hasRelation(t, s, b, graph.TravelledTo, resolveOne(t, s, "Tripoli")) {
		t.Errorf("the other relations of the new article are missing")
	}
	// Undo brings the relation back and lets articles add to it.
	if _, err := s.Undo(d.Seq); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	r := mustRelation(t, s, b, graph.Met, jalil)
	if len(r.Evidence) != 1 || r.Evidence[0].Doc != "doc-two" {
		t.Errorf("restored relation evidence = %+v", r.Evidence)
	}
}

func TestRenameAndRetypeHold(t *testing.T) {
	s := openMem(t)
	one := article("doc-r1", "Koussa flew out. The Koussa office denied it.",
		[]string{"k|Koussa|organization"}, nil)
	two := article("doc-r2", "Moussa Koussa flew to London. Koussa resigned.",
		[]string{"k|Koussa|organization|Moussa Koussa", "l|London|place"},
		[]string{"k travelled-to l|Moussa Koussa flew"})
	ingestAll(t, s, one)
	id := resolveOne(t, s, "Koussa")
	decide(t, s, graph.Decision{Kind: graph.DecideRetype, Subject: id, Type: graph.Person})
	decide(t, s, graph.Decision{Kind: graph.DecideRename, Subject: id, Name: "Musa Kusa"})
	ingestAll(t, s, two)
	e, _, err := s.Entity(id)
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Musa Kusa" || e.Type != graph.Person {
		t.Errorf("after a new article the entity is %q (%s), want the curated \"Musa Kusa\" (person)", e.Name, e.Type)
	}
	if !slices.Contains(e.Aliases, "Moussa Koussa") || !slices.Contains(e.Docs, "doc-r2") {
		t.Errorf("the new article did not land on the curated entity: %+v", e)
	}
	n := 0
	for range s.Entities() {
		n++
	}
	if n != 2 {
		t.Errorf("%d entities, want 2 (the curated one and London)", n)
	}
	checkInvariants(t, s)
}

func TestRemovedAliasAndDistinctHold(t *testing.T) {
	s := openMem(t)
	// The extractor confused the spokesman with the minister.
	bad := article("doc-bad", "Moussa Koussa, also Moussa Ibrahim, spoke.",
		[]string{"k|Moussa Koussa|person|Moussa Ibrahim"}, nil)
	ingestAll(t, s, bad, articleOne(), articleTwo())
	k := resolveOne(t, s, "Moussa Koussa")
	decide(t, s, graph.Decision{Kind: graph.DecideAliasRemove, Subject: k, Name: "Moussa Ibrahim"})
	if ids, _ := s.Resolve("Moussa Ibrahim"); len(ids) != 0 {
		t.Errorf("removed alias still resolves to %v", ids)
	}
	// A new article naming the spokesman, again with the minister's name
	// as an alias, must not land on the minister.
	again := article("doc-again", "Moussa Ibrahim, not Moussa Koussa, spoke.",
		[]string{"i|Moussa Ibrahim|person|Moussa Koussa"}, nil)
	ingestAll(t, s, again)
	ids, _ := s.Resolve("Moussa Ibrahim")
	if len(ids) != 1 || ids[0] == k {
		t.Errorf("Resolve(Moussa Ibrahim) = %v after a new article; want one entity other than %s", ids, k)
	}
	e, _, _ := s.Entity(k)
	if slices.Contains(e.Aliases, "Moussa Ibrahim") {
		t.Errorf("the removed alias came back: %v", e.Aliases)
	}

	a, b := resolveOne(t, s, "Abdelhakim Belhadj"), resolveOne(t, s, "Abdul Hakim Belhaj")
	dist := decide(t, s, graph.Decision{Kind: graph.DecideDistinct, Subject: a, Object: b})
	if _, err := s.Decide(graph.Decision{Kind: graph.DecideMerge, Subject: a, Object: b}); !errors.Is(err, ErrConflict) {
		t.Errorf("merge of a distinct pair: err = %v, want ErrConflict", err)
	}
	// An article giving B's name with A's as an alias lands on B, not A.
	mixed := article("doc-mixed", "Abdul Hakim Belhaj (Abdelhakim Belhadj) went to Tripoli.",
		[]string{"x|Abdul Hakim Belhaj|person|Abdelhakim Belhadj", "t|Tripoli|place"},
		[]string{"x travelled-to t|Abdul Hakim Belhaj"})
	ingestAll(t, s, mixed)
	tripoli := resolveOne(t, s, "Tripoli")
	if !hasRelation(t, s, b, graph.TravelledTo, tripoli) || hasRelation(t, s, a, graph.TravelledTo, tripoli) {
		t.Errorf("the mixed article's relation did not land on %s", b)
	}
	if e, _, _ := s.Entity(b); slices.Contains(e.Aliases, "Abdelhakim Belhadj") {
		t.Errorf("B took A's name as an alias: %v", e.Aliases)
	}
	if _, err := s.Undo(dist.Seq); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decide(graph.Decision{Kind: graph.DecideMerge, Subject: a, Object: b}); err != nil {
		t.Errorf("merge after undoing distinct: %v", err)
	}
	checkInvariants(t, s)
}

func TestForget(t *testing.T) {
	s := openMem(t)
	ingestAll(t, s, articleOne(), articleTwo(), articleThree())
	b, jalil := resolveOne(t, s, "Abdul Hakim Belhaj"), resolveOne(t, s, "Mustafa Abdul Jalil")
	uk := resolveOne(t, s, "British government")
	// An analyst decision protects the Benghazi entity.
	benghazi := resolveOne(t, s, "Benghazi")
	decide(t, s, graph.Decision{Kind: graph.DecideAliasAdd, Subject: benghazi, Name: "Banghazi"})

	res, err := s.Forget("doc-two")
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	if res.Source != "doc-two.txt" || res.Evidence != 2 || res.Relations != 1 || res.Entities != 1 || res.Decision == 0 {
		t.Errorf("result = %+v; want 2 evidence, 1 relation (accused), 1 entity (the British government)", res)
	}
	if ok, _ := s.HasDocument("doc-two"); ok {
		t.Errorf("document still stored")
	}
	if _, ok, _ := s.Entity(uk); ok {
		t.Errorf("entity only doc-two named is still there")
	}
	if ids, _ := s.Resolve("British government"); len(ids) != 0 {
		t.Errorf("its name still resolves: %v", ids)
	}
	if _, ok, _ := s.Entity(benghazi); !ok {
		t.Errorf("an entity with an analyst decision was forgotten")
	}
	r := mustRelation(t, s, b, graph.Met, jalil) // doc-three also states it
	if len(r.Evidence) != 1 || r.Evidence[0].Doc != "doc-three" {
		t.Errorf("met evidence = %+v", r.Evidence)
	}
	e, _, _ := s.Entity(b)
	if slices.Contains(e.Docs, "doc-two") {
		t.Errorf("entity still lists the forgotten document: %v", e.Docs)
	}
	if _, err := s.Forget("doc-two"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("forget twice: err = %v, want ErrNotFound", err)
	}
	// Re-ingesting the article brings it back.
	ingestAll(t, s, articleTwo())
	if !hasRelation(t, s, b, graph.Accused, resolveOne(t, s, "British government")) {
		t.Errorf("re-ingest after forget did not restore the relation")
	}
	checkInvariants(t, s)
}

func TestAnalystFacts(t *testing.T) {
	s := openMem(t)
	ingestAll(t, s, articleOne())
	a := resolveOne(t, s, "Abdelhakim Belhadj")
	add := decide(t, s, graph.Decision{Kind: graph.DecideAddEntity, Name: "Sami al-Saadi", Type: graph.Person, Aliases: []string{"Abu Munthir"}})
	if add.Subject != "sami-al-saadi" {
		t.Errorf("new entity id = %q", add.Subject)
	}
	if got := resolveOne(t, s, "Abu Munthir"); got != add.Subject {
		t.Errorf("alias resolves to %s", got)
	}
	if _, err := s.Decide(graph.Decision{Kind: graph.DecideAddEntity, Name: "Sami al-Saadi", Type: graph.Person}); !errors.Is(err, ErrConflict) {
		t.Errorf("adding the same entity twice: err = %v, want ErrConflict", err)
	}
	rel := decide(t, s, graph.Decision{Kind: graph.DecideAddRelation, Subject: add.Subject, Predicate: graph.MemberOf, Object: resolveOne(t, s, "Tripoli Military Council"), Note: "court papers, 2012"})
	r := mustRelation(t, s, add.Subject, graph.MemberOf, rel.Object)
	want := graph.Evidence{Doc: graph.AnalystDoc(rel.Seq), Sentence: "court papers, 2012", Extractor: graph.AnalystExtractor, Confidence: 1, Status: graph.Stated}
	if len(r.Evidence) != 1 || r.Evidence[0] != want {
		t.Errorf("evidence = %+v, want %+v", r.Evidence, want)
	}
	if _, err := s.Decide(graph.Decision{Kind: graph.DecideAddRelation, Subject: a, Predicate: graph.Met, Object: add.Subject}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a relation without a source: err = %v, want ErrInvalid", err)
	}
	// Forgetting the article keeps the analyst's facts.
	if _, err := s.Forget("doc-one"); err != nil {
		t.Fatal(err)
	}
	mustRelation(t, s, add.Subject, graph.MemberOf, rel.Object)
	if _, err := s.Undo(add.Seq); !errors.Is(err, ErrCannotUndo) {
		t.Errorf("undo of an entity with relations: err = %v, want ErrCannotUndo", err)
	}
	if _, err := s.Undo(rel.Seq); err != nil {
		t.Fatal(err)
	}
	if hasRelation(t, s, add.Subject, graph.MemberOf, rel.Object) {
		t.Errorf("undone analyst relation is still there")
	}
	if _, err := s.Undo(add.Seq); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Entity(add.Subject); ok {
		t.Errorf("undone analyst entity is still there")
	}
	checkInvariants(t, s)
}

func TestDecisionLog(t *testing.T) {
	s := openMem(t)
	ingestAll(t, s, articleOne())
	a := resolveOne(t, s, "Abdelhakim Belhadj")
	decide(t, s, graph.Decision{Kind: graph.DecideAliasAdd, Subject: a, Name: "Abu Abdullah al-Sadiq"})
	r := decide(t, s, graph.Decision{Kind: graph.DecideRename, Subject: a, Name: "Abdel Hakim Belhadj"})
	if _, err := s.Forget("doc-one"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(r.Seq); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for d, err := range s.Decisions() {
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, fmt.Sprintf("%d:%s:%v", d.Seq, d.Kind, d.Undone))
	}
	want := []string{"1:alias-add:false", "2:rename:true", "3:forget:false"}
	if !slices.Equal(kinds, want) {
		t.Errorf("log = %v, want %v", kinds, want)
	}
	e, _, _ := s.Entity(a)
	if e.Name != "Abdelhakim Belhadj" {
		t.Errorf("name after undoing the rename = %q", e.Name)
	}
	for _, tc := range []struct {
		seq  uint64
		want error
	}{{3, ErrCannotUndo}, {2, ErrCannotUndo}, {99, ErrNoDecision}} {
		if _, err := s.Undo(tc.seq); !errors.Is(err, tc.want) {
			t.Errorf("Undo(%d): err = %v, want %v", tc.seq, err, tc.want)
		}
	}
	if _, err := s.Decide(graph.Decision{Kind: graph.DecideForget}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Decide(forget): err = %v, want ErrInvalid", err)
	}
}

func TestAddGraphRoundTrip(t *testing.T) {
	src := openMem(t)
	ingestAll(t, src, articleOne(), articleTwo(), articleThree())
	g, err := graph.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	data := GraphData{Source: "test"}
	for e := range g.Entities() {
		data.Entities = append(data.Entities, e)
	}
	for r := range g.Relations() {
		data.Relations = append(data.Relations, r)
	}
	for d := range g.Documents() {
		d.Body = ""
		data.Documents = append(data.Documents, d)
	}
	dst := openMem(t)
	res, err := dst.AddGraph(data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Entities != len(data.Entities) || res.NewEntities != len(data.Entities) || res.Relations != len(data.Relations) || res.Documents != 3 {
		t.Errorf("result = %+v for %d entities, %d relations", res, len(data.Entities), len(data.Relations))
	}
	checkInvariants(t, dst)
	got, err := graph.Load(dst)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := collect(t, got.Entities()), collect(t, g.Entities()); !slices.EqualFunc(a, b, entityEqual) {
		t.Errorf("entities differ\ngot  %+v\nwant %+v", a, b)
	}
	if a, b := fmt.Sprint(collect(t, got.Relations())), fmt.Sprint(collect(t, g.Relations())); a != b {
		t.Errorf("relations differ\ngot  %s\nwant %s", a, b)
	}
	// Importing again changes nothing.
	if _, err := dst.AddGraph(data); err != nil {
		t.Fatal(err)
	}
	again, _ := graph.Load(dst)
	if a, b := fmt.Sprint(collect(t, again.Entities())), fmt.Sprint(collect(t, got.Entities())); a != b {
		t.Errorf("a second import changed entities\n%s\n%s", a, b)
	}
	if a, b := fmt.Sprint(collect(t, again.Relations())), fmt.Sprint(collect(t, got.Relations())); a != b {
		t.Errorf("a second import changed relations")
	}
}

func entityEqual(a, b graph.Entity) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

func TestAddGraphByName(t *testing.T) {
	s := openMem(t)
	ingestAll(t, s, articleOne())
	a := resolveOne(t, s, "Abdelhakim Belhadj")
	res, err := s.AddGraph(GraphData{
		Source: "officials.jsonl",
		Entities: []graph.Entity{
			{Name: "Abdelhakim Belhadj", Type: graph.Person, Aliases: []string{"Abu Abdullah"}},
			{Name: "Mahmoud Jibril", Type: graph.Person},
		},
		Relations: []graph.Relation{{Subject: "Mahmoud Jibril", Predicate: graph.Met, Object: "Abdelhakim Belhadj"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.NewEntities != 1 || res.Entities != 2 || res.Relations != 1 {
		t.Errorf("result = %+v", res)
	}
	if got := resolveOne(t, s, "Abu Abdullah"); got != a {
		t.Errorf("imported alias resolves to %s, want %s", got, a)
	}
	r := mustRelation(t, s, a, graph.Met, resolveOne(t, s, "Mahmoud Jibril"))
	if len(r.Evidence) != 1 || r.Evidence[0].Doc != ImportEvidenceDoc {
		t.Errorf("imported relation evidence = %+v", r.Evidence)
	}
	_, err = s.AddGraph(GraphData{Relations: []graph.Relation{{Subject: "Nobody Known", Predicate: graph.Met, Object: a}}})
	if !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("relation to an unknown name: err = %v, want ErrNotFound", err)
	}
	_, err = s.AddGraph(GraphData{Entities: []graph.Entity{{Name: "X", Type: "robot"}}})
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("bad type: err = %v, want ErrInvalid", err)
	}
	checkInvariants(t, s)
}
