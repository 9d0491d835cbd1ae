package exports

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// gvMu serializes every call into go-graphviz: its WASM runtime is not safe
// for concurrent use (FACTS.md: concurrent maps, out-of-bounds errors).
var (
	gvMu sync.Mutex
	gv   *graphviz.Graphviz // created on first use, then reused: WASM memory never shrinks anyway
)

// renderSVG lays out DOT source with the named engine and returns the SVG
// Graphviz draws, in-process.
func renderSVG(dot []byte, layout string) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
	ctx := context.Background()
	if gv == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("start graphviz: %w", err)
		}
		gv = g
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz: parse dot: %w", err)
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gv.SetLayout(graphviz.Layout(layout)).Render(ctx, g, graphviz.SVG, &buf); err != nil {
		return nil, fmt.Errorf("graphviz: render svg with %s: %w", layout, err)
	}
	return buf.Bytes(), nil
}
