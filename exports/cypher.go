package exports

import (
	"fmt"
	"io"
	"strings"
)

// writeCypher writes MERGE statements that load g into Neo4j (or any
// openCypher database) and can be run again without duplicating anything:
// entities are merged on id, relations on their endpoints and type, and
// every property is SET. Each entity carries the label Entity and its type
// (Person, Organization, Place, Event); relationship types are predicates in
// UPPER_SNAKE (accused-of -> ACCUSED_OF). Symmetric relations are stored
// once, from the smaller id, with symmetric = true.
func writeCypher(w io.Writer, s *snap) error {
	var b strings.Builder
	fmt.Fprintf(&b, "// kg export: %d entities, %d relations. Safe to run more than once.\n", len(s.entities), len(s.relations))
	b.WriteString("CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n")
	for _, e := range s.entities {
		fmt.Fprintf(&b, "MERGE (e:Entity {id: %s}) SET ", cypherString(string(e.ID)))
		if l := typeLabel(e.Type); l != "" {
			fmt.Fprintf(&b, "e:%s, ", l)
		}
		fmt.Fprintf(&b, "e.name = %s, e.type = %s, e.aliases = %s, e.mentions = %d",
			cypherString(e.Name), cypherString(string(e.Type)), cypherList(e.Aliases), e.Mentions)
		for _, k := range sortedKeys(e.Attrs) {
			fmt.Fprintf(&b, ", e.%s = %s", cypherName("attr_"+k), cypherString(e.Attrs[k]))
		}
		b.WriteString(";\n")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
	}
	for _, id := range s.missingEnds() {
		fmt.Fprintf(&b, "MERGE (e:Entity {id: %s});\n", cypherString(string(id)))
	}
	for _, r := range s.relations {
		var sentences, docs, statuses, attributed []string
		for _, e := range r.Evidence {
			sentences = append(sentences, e.Sentence)
			docs = append(docs, string(e.Doc))
			statuses = append(statuses, string(status(e)))
			attributed = append(attributed, e.AttributedTo)
		}
		fmt.Fprintf(&b, "MATCH (s:Entity {id: %s}), (o:Entity {id: %s}) MERGE (s)-[r:%s]->(o) SET r.predicate = %s, r.status = %s, r.symmetric = %t, r.evidence_count = %d, r.sentences = %s, r.docs = %s, r.statuses = %s, r.attributed_to = %s",
			cypherString(string(r.Subject)), cypherString(string(r.Object)), upperSnake(r.Predicate), // [A-Z0-9_] only: no quoting needed
			cypherString(string(r.Predicate)), cypherString(string(r.Status())), r.Predicate.Symmetric(), len(r.Evidence),
			cypherList(sentences), cypherList(docs), cypherList(statuses), cypherList(attributed))
		for _, k := range sortedKeys(r.Attrs) {
			fmt.Fprintf(&b, ", r.%s = %s", cypherName("attr_"+k), cypherString(r.Attrs[k]))
		}
		b.WriteString(";\n")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cypherString quotes s as a Cypher string literal. C1 controls and the
// Unicode line separators are escaped too: Neo4j's parser reads them as line
// breaks.
func cypherString(s string) string {
	return quoteEscaped(s, '\'', func(r rune) bool {
		return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029
	})
}

func cypherList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = cypherString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// cypherName quotes an identifier (property key, label, relationship type)
// in backticks, doubling any backtick inside.
func cypherName(s string) string {
	return "`" + strings.ReplaceAll(oneLine(s), "`", "``") + "`"
}
