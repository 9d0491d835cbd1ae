package store

// Every Badger key kg writes is built and parsed in this file.
//
// A key starts with one byte naming its kind; the rest depends on the kind:
//
//	kind      byte  key                                     value
//	schema    0x01  0x01                                    uint32 big-endian schema version
//	entity    0x02  0x02 id                                 graph.Entity (values.go)
//	alias     0x03  0x03 str(indexKey) id                   empty
//	relation  0x04  0x04 str(subject) str(predicate) object relationValue (values.go)
//	out       0x05  0x05 str(subject) str(predicate) object empty
//	in        0x06  0x06 str(object) str(predicate) subject empty
//	document  0x07  0x07 docID                              JSON graph.Document
//	evidence  0x08  0x08 str(subject) str(predicate) str(object) str(doc) int(start) int(end)
//	                                                        one evidence record (values.go)
//	decision  0x10  0x10 uint64 seq big-endian               JSON graph.Decision
//	redirect  0x11  0x11 id                                 the id it now leads to
//
// int(x) is x as 8 bytes big-endian with the sign bit flipped, so that
// integers sort as their bytes do.
//
// str(s) is a self-delimiting, order-preserving string: s with each 0x00
// byte written as 0x00 0xFF, then the terminator 0x00 0x01. A string that
// ends a key (not str) runs to the end of the key and is written as it is;
// an evidence key ends with its offsets, so all its strings are str.
//
// Why not a length prefix (Dgraph's choice)? Badger iterates keys in byte
// order, and kg promises entities in id order, relations in key order and
// edges in (predicate, other end) order straight from an iterator. A length
// prefix would sort "zed" before "anna"; the escaped form sorts exactly as
// the strings do, because the terminator 0x00 0x01 sorts below every byte
// that can follow inside a string (0x00 0xFF, or any byte above 0x00).
//
// Invariant: for every relation key there is exactly one out key and one in
// key with the same (subject, predicate, object), and no adjacency key
// without its relation. Ingest writes all three in the transaction that
// creates the relation; curation (decisions.go) deletes all three together.
//
// Invariant: a relation's evidence is the records in its value (at most
// maxInline of them, unless an older kg wrote the value) and those under
// its evidence keys, which exist only
// for a relation key whose value says so (valueFormat2, values.go); every
// record's identity (document, start, end) is in one place only. Deleting
// a relation deletes its evidence keys in the same transaction.
//
// Invariant: an id with a redirect key (an entity merged away by a
// decision) has no entity key; redirects may chain (b -> a -> c) and are
// followed to the entity that exists.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/kgraph/kg/graph"
)

// Key kinds: the first byte of every key.
const (
	kindSchema   byte = 0x01
	kindEntity   byte = 0x02
	kindAlias    byte = 0x03
	kindRelation byte = 0x04
	kindOut      byte = 0x05
	kindIn       byte = 0x06
	kindDoc      byte = 0x07
	kindEvidence byte = 0x08
	kindDecision byte = 0x10
	kindRedirect byte = 0x11
)

// String escaping bytes (see str above).
const (
	escByte    byte = 0x00
	escZero    byte = 0xFF // 0x00 0xFF stands for a 0x00 inside the string
	escEnd     byte = 0x01 // 0x00 0x01 ends the string
	maxKeySize      = 65000
)

// errBadKey is wrapped by every parse function when a key is malformed.
var errBadKey = errors.New("malformed key")

// schemaKey returns the key of the schema version.
//
//	+------+
//	| 0x01 |
//	+------+
func schemaKey() []byte { return []byte{kindSchema} }

// parseSchemaKey checks that k is the schema version key.
func parseSchemaKey(k []byte) error {
	if len(k) != 1 || k[0] != kindSchema {
		return fmt.Errorf("schema key %x: %w", k, errBadKey)
	}
	return nil
}

// encodeSchemaVersion and decodeSchemaVersion convert the schema key's value.
//
//	+---------------------------+
//	| version uint32 big-endian |
//	+---------------------------+
func encodeSchemaVersion(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

func decodeSchemaVersion(b []byte) (uint32, error) {
	if len(b) != 4 {
		return 0, fmt.Errorf("schema version value %x: %w", b, errBadKey)
	}
	return binary.BigEndian.Uint32(b), nil
}

// entityKey returns the key of an entity.
//
//	+------+------------------+
//	| 0x02 | id (to the end)  |
//	+------+------------------+
func entityKey(id graph.ID) []byte {
	return append([]byte{kindEntity}, id...)
}

// entityPrefix is the prefix shared by every entity key.
func entityPrefix() []byte { return []byte{kindEntity} }

// parseEntityKey returns the id in an entity key.
func parseEntityKey(k []byte) (graph.ID, error) {
	if len(k) < 1 || k[0] != kindEntity {
		return "", fmt.Errorf("entity key %x: %w", k, errBadKey)
	}
	return graph.ID(k[1:]), nil
}

// aliasKey returns the key filing entity id under an index key (see
// graph.IndexKeys): one key per (index key, entity), with an empty value.
//
//	+------+---------------------+------------------+
//	| 0x03 | str(index key)      | id (to the end)  |
//	+------+---------------------+------------------+
func aliasKey(indexKey string, id graph.ID) []byte {
	return append(aliasPrefix(indexKey), id...)
}

// aliasPrefix returns the prefix of every alias key under indexKey.
func aliasPrefix(indexKey string) []byte {
	return appendStr([]byte{kindAlias}, indexKey)
}

// parseAliasKey returns the index key and entity id of an alias key.
func parseAliasKey(k []byte) (string, graph.ID, error) {
	if len(k) < 1 || k[0] != kindAlias {
		return "", "", fmt.Errorf("alias key %x: %w", k, errBadKey)
	}
	idx, rest, err := readStr(k[1:])
	if err != nil {
		return "", "", fmt.Errorf("alias key %x: %w", k, err)
	}
	return idx, graph.ID(rest), nil
}

// relationKey returns the key of a relation, which holds its attributes and
// evidence. k must already be canonical (graph.Key.Canonical).
//
//	+------+---------------+-----------------+----------------------+
//	| 0x04 | str(subject)  | str(predicate)  | object (to the end)  |
//	+------+---------------+-----------------+----------------------+
func relationKey(k graph.Key) []byte {
	return tripleKey(kindRelation, string(k.Subject), k.Predicate, string(k.Object))
}

// relationPrefix is the prefix shared by every relation key.
func relationPrefix() []byte { return []byte{kindRelation} }

// parseRelationKey returns the relation key k encodes.
func parseRelationKey(k []byte) (graph.Key, error) {
	s, p, o, err := parseTriple(kindRelation, k)
	if err != nil {
		return graph.Key{}, fmt.Errorf("relation key %x: %w", k, err)
	}
	return graph.Key{Subject: graph.ID(s), Predicate: p, Object: graph.ID(o)}, nil
}

// outKey returns the adjacency key that lists k under its subject.
//
//	+------+---------------+-----------------+----------------------+
//	| 0x05 | str(subject)  | str(predicate)  | object (to the end)  |
//	+------+---------------+-----------------+----------------------+
func outKey(k graph.Key) []byte {
	return tripleKey(kindOut, string(k.Subject), k.Predicate, string(k.Object))
}

// parseOutKey returns the relation key an out key stands for.
func parseOutKey(k []byte) (graph.Key, error) {
	s, p, o, err := parseTriple(kindOut, k)
	if err != nil {
		return graph.Key{}, fmt.Errorf("out key %x: %w", k, err)
	}
	return graph.Key{Subject: graph.ID(s), Predicate: p, Object: graph.ID(o)}, nil
}

// inKey returns the adjacency key that lists k under its object.
//
//	+------+---------------+-----------------+-----------------------+
//	| 0x06 | str(object)   | str(predicate)  | subject (to the end)  |
//	+------+---------------+-----------------+-----------------------+
func inKey(k graph.Key) []byte {
	return tripleKey(kindIn, string(k.Object), k.Predicate, string(k.Subject))
}

// parseInKey returns the relation key an in key stands for.
func parseInKey(k []byte) (graph.Key, error) {
	o, p, s, err := parseTriple(kindIn, k)
	if err != nil {
		return graph.Key{}, fmt.Errorf("in key %x: %w", k, err)
	}
	return graph.Key{Subject: graph.ID(s), Predicate: p, Object: graph.ID(o)}, nil
}

// adjacencyPrefix returns the prefix of id's out (kindOut) or in (kindIn)
// keys.
//
//	+-------------+-----------+
//	| 0x05 / 0x06 | str(id)   |
//	+-------------+-----------+
func adjacencyPrefix(kind byte, id graph.ID) []byte {
	return appendStr([]byte{kind}, string(id))
}

// adjacencyPredPrefix returns the prefix of id's out or in keys with one
// predicate.
//
//	+-------------+-----------+-----------------+
//	| 0x05 / 0x06 | str(id)   | str(predicate)  |
//	+-------------+-----------+-----------------+
func adjacencyPredPrefix(kind byte, id graph.ID, pred graph.Predicate) []byte {
	return appendStr(adjacencyPrefix(kind, id), string(pred))
}

// documentKey returns the key of a document.
//
//	+------+---------------------+
//	| 0x07 | doc id (to the end) |
//	+------+---------------------+
func documentKey(id graph.DocID) []byte {
	return append([]byte{kindDoc}, id...)
}

// documentPrefix is the prefix shared by every document key.
func documentPrefix() []byte { return []byte{kindDoc} }

// parseDocumentKey returns the document id in a document key.
func parseDocumentKey(k []byte) (graph.DocID, error) {
	if len(k) < 1 || k[0] != kindDoc {
		return "", fmt.Errorf("document key %x: %w", k, errBadKey)
	}
	return graph.DocID(k[1:]), nil
}

// evidenceKey returns the key of one evidence record of relation k (which
// must be canonical), named by the record's identity: the relation's
// records sort by document, then start, then end, as graph.SortEvidence
// orders them.
//
//	+------+---------------+-----------------+--------------+-----------+--------------+------------+
//	| 0x08 | str(subject)  | str(predicate)  | str(object)  | str(doc)  | int(start)   | int(end)   |
//	+------+---------------+-----------------+--------------+-----------+--------------+------------+
func evidenceKey(k graph.Key, ev graph.Evidence) []byte {
	b := appendStr(evidencePrefix(k), string(ev.Doc))
	b = appendOrderedInt(b, ev.Start)
	return appendOrderedInt(b, ev.End)
}

// evidencePrefix returns the prefix of every evidence key of relation k.
//
//	+------+---------------+-----------------+--------------+
//	| 0x08 | str(subject)  | str(predicate)  | str(object)  |
//	+------+---------------+-----------------+--------------+
func evidencePrefix(k graph.Key) []byte {
	b := make([]byte, 0, 1+len(k.Subject)+len(k.Predicate)+len(k.Object)+6+64+2+16)
	b = append(b, kindEvidence)
	b = appendStr(b, string(k.Subject))
	b = appendStr(b, string(k.Predicate))
	return appendStr(b, string(k.Object))
}

// evidenceDocPrefix returns the prefix of the evidence keys of relation k
// that cite document doc.
//
//	+------+---------------+-----------------+--------------+-----------+
//	| 0x08 | str(subject)  | str(predicate)  | str(object)  | str(doc)  |
//	+------+---------------+-----------------+--------------+-----------+
func evidenceDocPrefix(k graph.Key, doc graph.DocID) []byte {
	return appendStr(evidencePrefix(k), string(doc))
}

// evidenceKindPrefix is the prefix shared by every evidence key.
func evidenceKindPrefix() []byte { return []byte{kindEvidence} }

// parseEvidenceKey returns the relation key and the record identity
// (document, start, end) an evidence key holds.
func parseEvidenceKey(b []byte) (graph.Key, graph.Evidence, error) {
	if len(b) < 1 || b[0] != kindEvidence {
		return graph.Key{}, graph.Evidence{}, fmt.Errorf("evidence key %x: %w", b, errBadKey)
	}
	s, rest, err := readStr(b[1:])
	if err != nil {
		return graph.Key{}, graph.Evidence{}, fmt.Errorf("evidence key %x: %w", b, err)
	}
	p, rest, err := readPredicate(rest)
	if err != nil {
		return graph.Key{}, graph.Evidence{}, fmt.Errorf("evidence key %x: %w", b, err)
	}
	o, rest, err := readStr(rest)
	if err != nil {
		return graph.Key{}, graph.Evidence{}, fmt.Errorf("evidence key %x: %w", b, err)
	}
	doc, rest, err := readStr(rest)
	if err != nil {
		return graph.Key{}, graph.Evidence{}, fmt.Errorf("evidence key %x: %w", b, err)
	}
	if len(rest) != 16 {
		return graph.Key{}, graph.Evidence{}, fmt.Errorf("evidence key %x: offsets of %d bytes, want 16: %w", b, len(rest), errBadKey)
	}
	k := graph.Key{Subject: graph.ID(s), Predicate: p, Object: graph.ID(o)}
	ev := graph.Evidence{Doc: graph.DocID(doc), Start: readOrderedInt(rest[:8]), End: readOrderedInt(rest[8:])}
	return k, ev, nil
}

// appendOrderedInt appends int(x): 8 bytes big-endian, sign bit flipped.
func appendOrderedInt(b []byte, x int) []byte {
	return binary.BigEndian.AppendUint64(b, uint64(int64(x))^(1<<63))
}

func readOrderedInt(b []byte) int {
	return int(int64(binary.BigEndian.Uint64(b) ^ (1 << 63)))
}

// decisionKey returns the key of decision seq in the decision log; keys
// sort in log order.
//
//	+------+-----------------------+
//	| 0x10 | seq uint64 big-endian |
//	+------+-----------------------+
func decisionKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{kindDecision}, seq)
}

// decisionPrefix is the prefix shared by every decision key.
func decisionPrefix() []byte { return []byte{kindDecision} }

// parseDecisionKey returns the sequence number in a decision key.
func parseDecisionKey(k []byte) (uint64, error) {
	if len(k) != 9 || k[0] != kindDecision {
		return 0, fmt.Errorf("decision key %x: %w", k, errBadKey)
	}
	return binary.BigEndian.Uint64(k[1:]), nil
}

// redirectKey returns the key saying where the id of a merged-away entity
// leads; its value is the id of the entity it was merged into.
//
//	+------+------------------+
//	| 0x11 | id (to the end)  |
//	+------+------------------+
func redirectKey(id graph.ID) []byte {
	return append([]byte{kindRedirect}, id...)
}

// parseRedirectKey returns the id in a redirect key.
func parseRedirectKey(k []byte) (graph.ID, error) {
	if len(k) < 1 || k[0] != kindRedirect {
		return "", fmt.Errorf("redirect key %x: %w", k, errBadKey)
	}
	return graph.ID(k[1:]), nil
}

func tripleKey(kind byte, first string, pred graph.Predicate, last string) []byte {
	b := make([]byte, 0, 1+len(first)+len(pred)+len(last)+4)
	b = append(b, kind)
	b = appendStr(b, first)
	b = appendStr(b, string(pred))
	return append(b, last...)
}

// parseAdjacencyTail returns the predicate and the other end of an out or
// in key, given what follows its adjacencyPrefix (which the caller has
// matched, so the entity's own id is not decoded again).
func parseAdjacencyTail(tail []byte) (graph.Predicate, graph.ID, error) {
	p, rest, err := readPredicate(tail)
	if err != nil {
		return "", "", err
	}
	return p, graph.ID(rest), nil
}

// readPredicate reads the str of a predicate at the start of b; one of the
// vocabulary is returned as its constant, without allocating.
func readPredicate(b []byte) (graph.Predicate, []byte, error) {
	if i := bytes.IndexByte(b, escByte); i >= 0 && i+1 < len(b) && b[i+1] == escEnd {
		if known, ok := predicates[string(b[:i])]; ok {
			return known, b[i+2:], nil
		}
	}
	p, rest, err := readStr(b)
	return graph.Predicate(p), rest, err
}

// predicates maps each predicate of the vocabulary to itself.
var predicates = func() map[string]graph.Predicate {
	m := make(map[string]graph.Predicate, len(graph.Predicates))
	for _, p := range graph.Predicates {
		m[string(p)] = p
	}
	return m
}()

func parseTriple(kind byte, k []byte) (first string, pred graph.Predicate, last string, err error) {
	if len(k) < 1 || k[0] != kind {
		return "", "", "", errBadKey
	}
	first, rest, err := readStr(k[1:])
	if err != nil {
		return "", "", "", err
	}
	p, rest, err := readPredicate(rest)
	if err != nil {
		return "", "", "", err
	}
	return first, p, string(rest), nil
}

// appendStr appends str(s): s with 0x00 escaped as 0x00 0xFF, then 0x00 0x01.
func appendStr(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == escByte {
			b = append(b, escByte, escZero)
			continue
		}
		b = append(b, s[i])
	}
	return append(b, escByte, escEnd)
}

// readStr decodes the str at the start of b and returns it with the rest of
// b. It accepts only the canonical form appendStr writes.
func readStr(b []byte) (string, []byte, error) {
	// Most strings hold no 0x00: one allocation, for the string itself.
	if i := bytes.IndexByte(b, escByte); i >= 0 && i+1 < len(b) && b[i+1] == escEnd {
		return string(b[:i]), b[i+2:], nil
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != escByte {
			out = append(out, b[i])
			continue
		}
		if i+1 >= len(b) {
			return "", nil, fmt.Errorf("unterminated string: %w", errBadKey)
		}
		switch b[i+1] {
		case escEnd:
			return string(out), b[i+2:], nil
		case escZero:
			out = append(out, escByte)
			i++
		default:
			return "", nil, fmt.Errorf("bad escape 0x00 0x%02x: %w", b[i+1], errBadKey)
		}
	}
	return "", nil, fmt.Errorf("unterminated string: %w", errBadKey)
}
