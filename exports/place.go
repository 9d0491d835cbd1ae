package exports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Force-directed layouts of more than a few dozen nodes need their
// overlaps removed. Graphviz's fast remover, overlap=scale, scales the
// whole drawing until the closest pair no longer touches: a 300-entity
// ego network came out 12,000 points wide with nodes as specks (1% of the
// area inked). Its local removers (prism, voronoi) keep the drawing dense
// but took 30-36 s for 300 nodes in go-graphviz's WASM. So kg lays out with
// sfdp without overlap removal, pushes overlapping nodes apart itself
// (separate, a few milliseconds), and has Graphviz draw the result with the
// nodes pinned (the "nop" engine, neato -n), routing edges and placing
// labels. The DOT export keeps overlap=scale, so it lays out the same way
// in any Graphviz.

// nodeGap is the space kept between node boxes, in points: room for an
// edge to pass and an arrowhead to show.
const nodeGap = 10.0

// placed is one node of a laid-out graph: its name and its box.
type placed struct {
	name       string
	x, y, w, h float64 // centre and size, in points
}

// placeSFDP lays out an sfdp diagram as the file comment describes and
// returns the DOT source with every node pinned, for the nop engine.
// Caller holds no lock: each Graphviz call takes gvMu itself.
func placeSFDP(d dotGraph) ([]byte, error) {
	first := withGraphAttrs(d.src, "overlap=true")
	js, err := renderGraphviz(first, "sfdp", "json")
	if err != nil {
		return nil, err
	}
	nodes, err := readPlaced(js)
	if err != nil {
		return nil, err
	}
	// The legend is unconnected: sfdp throws it far out. It goes beside
	// the drawing's top right corner once the rest is placed.
	var legend *placed
	if i := slices.IndexFunc(nodes, func(n placed) bool { return n.name == d.legend }); i >= 0 {
		l := nodes[i]
		legend = &l
		nodes = slices.Delete(nodes, i, i+1)
	}
	density := denseUnlabelled
	if d.labels {
		density = denseLabelled
	}
	spread(nodes, nodeGap, density)
	separate(nodes, nodeGap)
	if legend != nil && len(nodes) > 0 {
		x1, y1 := math.Inf(-1), math.Inf(-1)
		for _, n := range nodes {
			x1, y1 = max(x1, n.x+n.w/2), max(y1, n.y+n.h/2)
		}
		legend.x, legend.y = x1+2*nodeGap+legend.w/2, y1-legend.h/2
		nodes = append(nodes, *legend)
	}
	var pins strings.Builder
	for _, n := range nodes {
		fmt.Fprintf(&pins, "\t%s [pos=\"%s,%s!\"];\n", dotID(n.name), num(n.x), num(n.y))
	}
	pins.WriteString("\tgraph [layout=nop, splines=false, overlap=true];\n") // the layout attribute overrides the engine asked for
	return appendToGraph(d.src, pins.String()), nil
}

// readPlaced reads the nodes (not the clusters) of Graphviz's json output.
func readPlaced(js []byte) ([]placed, error) {
	var raw struct {
		Objects []struct {
			Name, Pos, Width, Height string
			Nodes                    []int `json:"nodes"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(js, &raw); err != nil {
		return nil, fmt.Errorf("read graphviz json: %w", err)
	}
	var out []placed
	for _, o := range raw.Objects {
		xy := strings.Split(o.Pos, ",")
		if len(xy) != 2 {
			continue // a cluster
		}
		x, err1 := strconv.ParseFloat(xy[0], 64)
		y, err2 := strconv.ParseFloat(xy[1], 64)
		w, err3 := strconv.ParseFloat(o.Width, 64)
		h, err4 := strconv.ParseFloat(o.Height, 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return nil, fmt.Errorf("read graphviz json: node %q: bad position %q or size %s x %s", o.Name, o.Pos, o.Width, o.Height)
		}
		out = append(out, placed{name: o.Name, x: x, y: y, w: w * 72, h: h * 72})
	}
	return out, nil
}

// The share of the drawing spread aims to cover with node boxes (gaps
// included) before separate removes what overlap remains: edge labels
// need room between the nodes.
const (
	denseUnlabelled = 0.3
	denseLabelled   = 0.12
)

// spread scales positions about their centre, the same in x and y, so that
// the node boxes grown by gap would cover density of the bounding box of
// the centres: sfdp without overlap removal piles nodes up, and pushing
// them apart from a pile would stretch the drawing into bands. It never
// shrinks a layout.
func spread(nodes []placed, gap, density float64) {
	if len(nodes) < 2 {
		return
	}
	x0, y0, x1, y1 := nodes[0].x, nodes[0].y, nodes[0].x, nodes[0].y
	var area float64
	for _, n := range nodes {
		x0, y0, x1, y1 = min(x0, n.x), min(y0, n.y), max(x1, n.x), max(y1, n.y)
		area += (n.w + gap) * (n.h + gap)
	}
	box := (x1 - x0) * (y1 - y0)
	if box <= 0 {
		return
	}
	s := math.Sqrt(area / density / box)
	if s <= 1 {
		return
	}
	cx, cy := (x0+x1)/2, (y0+y1)/2
	for i := range nodes {
		nodes[i].x = cx + (nodes[i].x-cx)*s
		nodes[i].y = cy + (nodes[i].y-cy)*s
	}
}

// separate moves nodes until no two boxes, grown by gap, overlap: each
// overlapping pair is pushed apart, half each, along the axis where they
// overlap least, which keeps the layout's shape. Sweeping along x finds
// the pairs in O(n log n + overlaps) per pass. Deterministic: ties go by
// index.
func separate(nodes []placed, gap float64) {
	order := make([]int, len(nodes))
	var maxW float64
	for _, n := range nodes {
		maxW = max(maxW, n.w)
	}
	for pass := 0; pass < 500; pass++ {
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			switch {
			case nodes[a].x < nodes[b].x:
				return -1
			case nodes[a].x > nodes[b].x:
				return 1
			}
			return a - b
		})
		moved := false
		for oi, i := range order {
			for _, j := range order[oi+1:] {
				a, b := &nodes[i], &nodes[j]
				if b.x-a.x >= (a.w+maxW)/2+gap {
					break // sorted by x: no later node can reach a
				}
				dx, dy := b.x-a.x, b.y-a.y
				ox := (a.w+b.w)/2 + gap - abs(dx)
				oy := (a.h+b.h)/2 + gap - abs(dy)
				if ox <= 0 || oy <= 0 {
					continue
				}
				moved = true
				if ox < oy {
					s := sign(dx, i, j)
					a.x -= s * ox / 2
					b.x += s * ox / 2
				} else {
					s := sign(dy, i, j)
					a.y -= s * oy / 2
					b.y += s * oy / 2
				}
			}
		}
		if !moved {
			return
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// sign is the direction from node i to node j along an axis: that of d,
// or by index when they coincide.
func sign(d float64, i, j int) float64 {
	switch {
	case d > 0:
		return 1
	case d < 0:
		return -1
	case i < j:
		return 1
	}
	return -1
}

// withGraphAttrs returns dot with graph attributes set after everything
// else: a later graph statement overrides earlier values.
func withGraphAttrs(dot []byte, attrs string) []byte {
	return appendToGraph(dot, "\tgraph ["+attrs+"];\n")
}

// appendToGraph inserts statements before the closing brace of the graph.
func appendToGraph(dot []byte, stmts string) []byte {
	end := bytes.LastIndexByte(dot, '}')
	if end < 0 {
		end = len(dot)
	}
	out := make([]byte, 0, len(dot)+len(stmts))
	out = append(out, dot[:end]...)
	out = append(out, stmts...)
	return append(out, dot[end:]...)
}

// dotID quotes a node name read back from Graphviz for a DOT statement.
// In a DOT quoted string only \" is an escape (a backslash before anything
// else stays), and the names came from dotQuote, so a name never ends in
// an odd backslash: escaping quotes gives back the statement's own ID.
func dotID(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `\"`) + `"`
}
