package query_test

import (
	"fmt"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/query"
)

func ExampleAsk() {
	g := graph.NewMemory()
	g.PutEntity(graph.Entity{ID: "hamid-qadir", Name: "Hamid Qadir", Type: graph.Person, Aliases: []string{"Qadir"}})
	g.PutEntity(graph.Entity{ID: "yusuf-bakri", Name: "Yusuf Bakri", Type: graph.Person})
	g.PutRelation(graph.Relation{
		Subject: "yusuf-bakri", Predicate: graph.FamilyOf, Object: "hamid-qadir",
		Evidence: []graph.Evidence{{Doc: "d1", Sentence: "Bakri, the colonel's brother-in-law, runs the police."}},
	})

	res, err := query.Ask(g, "Who is Gadir's brother-in-law?") // another spelling finds Qadir
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Interpretation)
	for _, a := range res.Answers {
		fmt.Printf("%s: %s\n", a.Name, a.Evidence[0].Sentence)
	}
	// Output:
	// hamid-qadir family-of ? (? is a person or organization); only relations that say "brother-in-law"
	// Yusuf Bakri: Bakri, the colonel's brother-in-law, runs the police.
}
