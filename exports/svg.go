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
func renderSVG(d dotGraph) ([]byte, error) {
	dot, layout, err := place(d)
	if err != nil {
		return nil, err
	}
	return renderGraphviz(dot, layout, graphviz.SVG)
}

// place returns the DOT source and engine that draw d as laid out by its
// engine: for sfdp, the nodes pinned where placeSFDP put them.
func place(d dotGraph) ([]byte, string, error) {
	if d.layout != "sfdp" {
		return d.src, d.layout, nil
	}
	pinned, err := placeSFDP(d)
	if err != nil {
		return nil, "", err
	}
	return pinned, "nop", nil
}

// layoutScene lays out DOT source with the named engine and returns the
// drawing as a scene, for the PNG and PDF painters.
func layoutScene(d dotGraph) (*scene, error) {
	dot, layout, err := place(d)
	if err != nil {
		return nil, err
	}
	js, err := renderGraphviz(dot, layout, "json")
	if err != nil {
		return nil, err
	}
	return parseScene(js)
}

// renderGraphviz lays out DOT source with the named engine and returns it
// in one of Graphviz's output formats. The WASM build has the core
// renderers (svg, json, xdot, plain, dot) but not cairo's png or pdf.
func renderGraphviz(dot []byte, layout string, format graphviz.Format) ([]byte, error) {
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
	if err := gv.SetLayout(graphviz.Layout(layout)).Render(ctx, g, format, &buf); err != nil {
		return nil, fmt.Errorf("graphviz: render %s with %s: %w", format, layout, err)
	}
	return buf.Bytes(), nil
}
