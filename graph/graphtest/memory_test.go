package graphtest_test

import (
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/graphtest"
)

func TestMemory(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) graphtest.Graph { return graph.NewMemory() })
}
