package store_test

import (
	"fmt"
	"log"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/store"
)

func Example() {
	s, err := store.Open("", store.Options{InMemory: true}) // a path such as "kg.db" in real use
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	ev := graph.Evidence{Doc: "d1", Sentence: "Koussa flew to London with Obeidi.", Start: 0, End: 35}
	res, err := s.Ingest(graph.Batch{
		Doc: graph.Document{ID: "d1", Body: "Koussa flew to London with Obeidi."},
		Entities: []graph.Entity{
			{ID: "moussa-koussa", Name: "Moussa Koussa", Type: graph.Person, Aliases: []string{"Koussa"}},
			{ID: "abdelati-obeidi", Name: "Abdelati Obeidi", Type: graph.Person},
			{ID: "london", Name: "London", Type: graph.Place},
		},
		Relations: []graph.Relation{
			{Subject: "moussa-koussa", Predicate: graph.TravelledTo, Object: "london", Evidence: []graph.Evidence{ev}},
			{Subject: "moussa-koussa", Predicate: graph.Accompanied, Object: "abdelati-obeidi", Evidence: []graph.Evidence{ev}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d entities, %d relations\n", res.NewEntities, res.Relations)

	ids, err := s.Resolve("Musa Kusa") // another transliteration
	if err != nil {
		log.Fatal(err)
	}
	for e, err := range s.Edges(ids[0], graph.Out) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(e.Subject, e.Predicate, e.Object)
	}
	// Output:
	// 3 entities, 2 relations
	// moussa-koussa travelled-to london
	// abdelati-obeidi accompanied moussa-koussa
}
