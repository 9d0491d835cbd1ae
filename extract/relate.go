package extract

import "github.com/kgraph/kg/graph"

// related is a resolved article with its relations (the output of relate).
type related struct {
	resolved
	Relations []graph.Relation
	index     map[graph.Key]int
}

// relate reads relations off each sentence.
func relate(r resolved) related {
	out := related{resolved: r, index: map[graph.Key]int{}}
	return out
}
