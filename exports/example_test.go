package exports_test

import (
	"fmt"
	"os"

	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/graph"
)

func Example() {
	g := graph.NewMemory()
	g.PutEntity(graph.Entity{ID: "moussa-koussa", Name: "Moussa Koussa", Type: graph.Person})
	g.PutEntity(graph.Entity{ID: "gaddafi-regime", Name: "Gaddafi regime", Type: graph.Organization})
	g.PutEntity(graph.Entity{ID: "tripoli", Name: "Tripoli", Type: graph.Place})
	g.PutRelation(graph.Relation{Subject: "moussa-koussa", Predicate: graph.DefectedFrom, Object: "gaddafi-regime",
		Evidence: []graph.Evidence{{Doc: "d1", Sentence: "Koussa defected.", Date: "2011-03-30"}}})

	sel, err := exports.Select(g, exports.Selection{Focus: []graph.ID{"moussa-koussa"}, Depth: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := exports.Write(os.Stdout, "cypher", sel, exports.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// // kg export: 2 entities, 1 relations. Safe to run more than once.
	// CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
	// MERGE (e:Entity {id: 'gaddafi-regime'}) SET e:Organization, e.name = 'Gaddafi regime', e.type = 'organization', e.aliases = [], e.mentions = 0;
	// MERGE (e:Entity {id: 'moussa-koussa'}) SET e:Person, e.name = 'Moussa Koussa', e.type = 'person', e.aliases = [], e.mentions = 0;
	// MATCH (s:Entity {id: 'moussa-koussa'}), (o:Entity {id: 'gaddafi-regime'}) MERGE (s)-[r:DEFECTED_FROM]->(o) SET r.predicate = 'defected-from', r.status = 'stated', r.symmetric = false, r.evidence_count = 1, r.sentences = ['Koussa defected.'], r.docs = ['d1'], r.statuses = ['stated'], r.attributed_to = [''];
}
