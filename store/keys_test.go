package store

import (
	"bytes"
	"errors"
	"testing"

	"github.com/kgraph/kg/graph"
)

// Keys with awkward strings: empty, with 0x00, 0x01 and 0xFF bytes (the
// escape bytes), non-ASCII.
var keyCases = []graph.Key{
	{Subject: "moussa-koussa", Predicate: graph.Advised, Object: "muammar-gaddafi"},
	{Subject: "", Predicate: "", Object: ""},
	{Subject: "a\x00b", Predicate: "p\x00", Object: "\x00"},
	{Subject: "\x00\x01", Predicate: "\x01\x00\xff", Object: "\xff\x00\x01"},
	{Subject: "abdessalam-trékí", Predicate: graph.Met, Object: "شكري-غانم"},
}

func TestKeyRoundTrip(t *testing.T) {
	for _, k := range keyCases {
		t.Run("relation", func(t *testing.T) {
			got, err := parseRelationKey(relationKey(k))
			if err != nil || got != k {
				t.Errorf("parseRelationKey(relationKey(%q)) = %q, %v", k, got, err)
			}
		})
		t.Run("out", func(t *testing.T) {
			got, err := parseOutKey(outKey(k))
			if err != nil || got != k {
				t.Errorf("parseOutKey(outKey(%q)) = %q, %v", k, got, err)
			}
		})
		t.Run("in", func(t *testing.T) {
			got, err := parseInKey(inKey(k))
			if err != nil || got != k {
				t.Errorf("parseInKey(inKey(%q)) = %q, %v", k, got, err)
			}
		})
		t.Run("entity", func(t *testing.T) {
			got, err := parseEntityKey(entityKey(k.Subject))
			if err != nil || got != k.Subject {
				t.Errorf("parseEntityKey(entityKey(%q)) = %q, %v", k.Subject, got, err)
			}
		})
		t.Run("alias", func(t *testing.T) {
			idx, id, err := parseAliasKey(aliasKey(string(k.Predicate), k.Object))
			if err != nil || idx != string(k.Predicate) || id != k.Object {
				t.Errorf("parseAliasKey(aliasKey(%q, %q)) = %q, %q, %v", k.Predicate, k.Object, idx, id, err)
			}
		})
		t.Run("document", func(t *testing.T) {
			id := graph.DocID(k.Object)
			got, err := parseDocumentKey(documentKey(id))
			if err != nil || got != id {
				t.Errorf("parseDocumentKey(documentKey(%q)) = %q, %v", id, got, err)
			}
		})
	}
	t.Run("schema", func(t *testing.T) {
		if err := parseSchemaKey(schemaKey()); err != nil {
			t.Error(err)
		}
		v, err := decodeSchemaVersion(encodeSchemaVersion(7))
		if err != nil || v != 7 {
			t.Errorf("decodeSchemaVersion(encodeSchemaVersion(7)) = %d, %v", v, err)
		}
	})
}

// TestKeyLayout pins the byte layout documented in keys.go.
func TestKeyLayout(t *testing.T) {
	k := graph.Key{Subject: "a", Predicate: "met", Object: "b"}
	tests := []struct {
		name string
		got  []byte
		want string
	}{
		{"schema", schemaKey(), "\x01"},
		{"entity", entityKey("moussa-koussa"), "\x02moussa-koussa"},
		{"alias", aliasKey("n:koussa", "moussa-koussa"), "\x03n:koussa\x00\x01moussa-koussa"},
		{"relation", relationKey(k), "\x04a\x00\x01met\x00\x01b"},
		{"out", outKey(k), "\x05a\x00\x01met\x00\x01b"},
		{"in", inKey(k), "\x06b\x00\x01met\x00\x01a"},
		{"document", documentKey("d1"), "\x07d1"},
		{"escaped zero", entityKey("x\x00"), "\x02x\x00"}, // the last string is not escaped
		{"escaped zero inside", aliasKey("x\x00y", "z"), "\x03x\x00\xffy\x00\x01z"},
		{"adjacency prefix", adjacencyPredPrefix(kindOut, "a", "met"), "\x05a\x00\x01met\x00\x01"},
		{"schema version", encodeSchemaVersion(1), "\x00\x00\x00\x01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if string(tt.got) != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// TestKeyOrder checks that encoded keys sort as graph.Key.Less and id order
// do: what Entities, Relations and Edges rely on.
func TestKeyOrder(t *testing.T) {
	ids := []graph.ID{"", "\x00", "\x00\x00", "\x01", "a", "a\x00", "a\x00b", "a\x01", "ab", "b", "zed", "\xff"}
	for _, a := range ids {
		for _, b := range ids {
			for _, p := range []graph.Predicate{"met", "met\x00", "advised"} {
				ka := graph.Key{Subject: a, Predicate: p, Object: b}
				kb := graph.Key{Subject: b, Predicate: "met", Object: a}
				checkOrder(t, ka, kb)
			}
		}
	}
	if (bytes.Compare(aliasKey("n:a", "z"), aliasKey("n:ab", "a")) < 0) != ("n:a" < "n:ab") {
		t.Error("alias keys do not sort by index key first")
	}
}

func checkOrder(t *testing.T, a, b graph.Key) {
	t.Helper()
	want := a.Compare(b)
	if got := sign(bytes.Compare(relationKey(a), relationKey(b))); got != want {
		t.Errorf("relationKey order of %q, %q = %d, want %d", a, b, got, want)
	}
	// Out keys of one subject sort by (predicate, object); in keys of one
	// object by (predicate, subject).
	if a.Subject == b.Subject {
		if got := sign(bytes.Compare(outKey(a), outKey(b))); got != want {
			t.Errorf("outKey order of %q, %q = %d, want %d", a, b, got, want)
		}
	}
	if a.Object == b.Object {
		ia := graph.Key{Subject: a.Object, Predicate: a.Predicate, Object: a.Subject}
		ib := graph.Key{Subject: b.Object, Predicate: b.Predicate, Object: b.Subject}
		if got, want := sign(bytes.Compare(inKey(a), inKey(b))), ia.Compare(ib); got != want {
			t.Errorf("inKey order of %q, %q = %d, want %d", a, b, got, want)
		}
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name  string
		parse func([]byte) error
		key   string
	}{
		{"schema with payload", parseSchemaKey, "\x01x"},
		{"schema wrong kind", parseSchemaKey, "\x02"},
		{"entity empty", func(k []byte) error { _, err := parseEntityKey(k); return err }, ""},
		{"entity wrong kind", func(k []byte) error { _, err := parseEntityKey(k); return err }, "\x07x"},
		{"alias unterminated", func(k []byte) error { _, _, err := parseAliasKey(k); return err }, "\x03n:x"},
		{"alias bad escape", func(k []byte) error { _, _, err := parseAliasKey(k); return err }, "\x03n\x00\x02x"},
		{"alias trailing zero", func(k []byte) error { _, _, err := parseAliasKey(k); return err }, "\x03n\x00"},
		{"relation one string", func(k []byte) error { _, err := parseRelationKey(k); return err }, "\x04a\x00\x01met"},
		{"out as relation", func(k []byte) error { _, err := parseRelationKey(k); return err }, "\x05a\x00\x01met\x00\x01b"},
		{"in wrong kind", func(k []byte) error { _, err := parseInKey(k); return err }, "\x05a\x00\x01met\x00\x01b"},
		{"out wrong kind", func(k []byte) error { _, err := parseOutKey(k); return err }, "\x06a\x00\x01met\x00\x01b"},
		{"document wrong kind", func(k []byte) error { _, err := parseDocumentKey(k); return err }, "\x02d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.parse([]byte(tt.key)); !errors.Is(err, errBadKey) {
				t.Errorf("parse(%q) err = %v, want errBadKey", tt.key, err)
			}
		})
	}
	if _, err := decodeSchemaVersion([]byte{1, 2}); !errors.Is(err, errBadKey) {
		t.Errorf("decodeSchemaVersion of 2 bytes: err = %v, want errBadKey", err)
	}
}

// FuzzKeys checks, for any strings, that every key kind parses back to what
// built it and that relation keys sort as graph.Key.Less; and, for any
// bytes, that no parser panics and that whatever parses re-encodes to the
// same bytes (one encoding per key).
func FuzzKeys(f *testing.F) {
	f.Add("moussa-koussa", "advised", "muammar-gaddafi", "abdelati-obeidi", []byte("\x04a\x00\x01met\x00\x01b"))
	f.Add("", "", "", "\x00", []byte{})
	f.Add("a\x00", "\x00\xff", "\x00\x01", "a", []byte("\x03n\x00\xff\x00\x01id"))
	f.Fuzz(func(t *testing.T, s, p, o, other string, raw []byte) {
		k := graph.Key{Subject: graph.ID(s), Predicate: graph.Predicate(p), Object: graph.ID(o)}
		if got, err := parseRelationKey(relationKey(k)); err != nil || got != k {
			t.Errorf("relation round trip of %q: %q, %v", k, got, err)
		}
		if got, err := parseOutKey(outKey(k)); err != nil || got != k {
			t.Errorf("out round trip of %q: %q, %v", k, got, err)
		}
		if got, err := parseInKey(inKey(k)); err != nil || got != k {
			t.Errorf("in round trip of %q: %q, %v", k, got, err)
		}
		if idx, id, err := parseAliasKey(aliasKey(p, graph.ID(o))); err != nil || idx != p || id != graph.ID(o) {
			t.Errorf("alias round trip of %q, %q: %q, %q, %v", p, o, idx, id, err)
		}
		if id, err := parseEntityKey(entityKey(graph.ID(s))); err != nil || id != graph.ID(s) {
			t.Errorf("entity round trip of %q: %q, %v", s, id, err)
		}
		rec := graph.Evidence{Doc: graph.DocID(other), Start: len(raw) - 3, End: len(s)}
		if gotK, gotRec, err := parseEvidenceKey(evidenceKey(k, rec)); err != nil || gotK != k || gotRec != rec {
			t.Errorf("evidence round trip of %q, %+v: %q, %+v, %v", k, rec, gotK, gotRec, err)
		}
		if id, err := parseDocumentKey(documentKey(graph.DocID(s))); err != nil || id != graph.DocID(s) {
			t.Errorf("document round trip of %q: %q, %v", s, id, err)
		}
		checkOrder(t, k, graph.Key{Subject: graph.ID(other), Predicate: graph.Predicate(p), Object: graph.ID(s)})
		checkOrder(t, k, graph.Key{Subject: graph.ID(s), Predicate: graph.Predicate(other), Object: graph.ID(o)})

		reencode := map[string]func([]byte) ([]byte, error){
			"relation": func(b []byte) ([]byte, error) { k, err := parseRelationKey(b); return relationKey(k), err },
			"out":      func(b []byte) ([]byte, error) { k, err := parseOutKey(b); return outKey(k), err },
			"in":       func(b []byte) ([]byte, error) { k, err := parseInKey(b); return inKey(k), err },
			"entity":   func(b []byte) ([]byte, error) { id, err := parseEntityKey(b); return entityKey(id), err },
			"document": func(b []byte) ([]byte, error) { id, err := parseDocumentKey(b); return documentKey(id), err },
			"alias": func(b []byte) ([]byte, error) {
				idx, id, err := parseAliasKey(b)
				return aliasKey(idx, id), err
			},
			"schema": func(b []byte) ([]byte, error) { return schemaKey(), parseSchemaKey(b) },
			"evidence": func(b []byte) ([]byte, error) {
				k, rec, err := parseEvidenceKey(b)
				return evidenceKey(k, rec), err
			},
		}
		for name, re := range reencode {
			got, err := re(raw)
			if err == nil && !bytes.Equal(got, raw) {
				t.Errorf("%s: %q parses but re-encodes as %q", name, raw, got)
			}
		}
	})
}
