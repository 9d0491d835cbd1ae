package exports

import (
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
)

// A scene is a laid-out diagram as a list of things to paint, in Graphviz
// points with the origin at the bottom left (Graphviz's and PDF's
// convention). It is read from Graphviz's "json" output, whose _draw_
// lists are the xdot drawing operations Graphviz itself uses to write SVG,
// so the PNG and PDF painters draw what the SVG shows: shapes, fills, line
// styles, arrowheads, every label, the legend and the title.
type scene struct {
	width, height float64 // the bounding box
	items         []sceneItem
}

// sceneItem is a path or a text, never both.
type sceneItem struct {
	path *scenePath
	text *sceneText
}

// scenePath is an outline filled, stroked or both.
type scenePath struct {
	segs            []pathSeg
	fill, stroke    color.NRGBA // alpha 0: not painted
	width           float64     // stroke width in points
	dash            []float64   // on/off lengths in points; nil: solid
	filled, stroked bool
}

// pathSeg is one path command: 'M' and 'L' use p[0], 'C' p[0..2], 'Z' none.
type pathSeg struct {
	op byte
	p  [3]point
}

type point struct{ x, y float64 }

// sceneText is one line of text at a baseline point. width is Graphviz's
// estimate of its width (Helvetica metrics), which painters use to keep the
// text inside the space Graphviz made for it.
type sceneText struct {
	at           point
	align        byte // 'l', 'c' or 'r'
	width        float64
	text         string
	size         float64
	bold, italic bool
	color        color.NRGBA
	// halo asks for a white outline under the glyphs: edge labels keep
	// legible where a line or another edge crosses them.
	halo bool
}

// Graphviz's SVG dash patterns, in points.
var (
	dashDashed = []float64{5, 2}
	dashDotted = []float64{1, 5}
)

// gvJSON is the part of Graphviz's json output a scene needs.
type gvJSON struct {
	BB          string     `json:"bb"`
	Draw        []xdotOp   `json:"_draw_"`
	LDraw       []xdotOp   `json:"_ldraw_"`
	SubgraphCnt int        `json:"_subgraph_cnt"`
	Objects     []gvObject `json:"objects"`
	Edges       []gvObject `json:"edges"`
}

type gvObject struct {
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

// xdotOp is one xdot drawing operation as Graphviz's json writes it.
type xdotOp struct {
	Op     string       `json:"op"`
	Color  string       `json:"color"`
	Stops  []xdotStop   `json:"stops"`
	Points [][2]float64 `json:"points"`
	Rect   [4]float64   `json:"rect"`
	Pt     [2]float64   `json:"pt"`
	Align  string       `json:"align"`
	Width  float64      `json:"width"`
	Text   string       `json:"text"`
	Size   float64      `json:"size"`
	Face   string       `json:"face"`
	Style  string       `json:"style"`
	Flags  int          `json:"fontchar"` // the "t" operation's bold (1) and italic (2) bits
}

type xdotStop struct {
	Color string `json:"color"`
}

// parseScene reads Graphviz's json output. The painting order is the
// SVG's with one change: edge labels come last, above the nodes and
// edges and with a white halo, so that a crowded force-directed layout
// cannot hide them.
func parseScene(data []byte) (*scene, error) {
	var g gvJSON
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("read graphviz json: %w", err)
	}
	sc := &scene{}
	if bb := strings.Split(g.BB, ","); len(bb) == 4 {
		x0, _ := strconv.ParseFloat(bb[0], 64)
		y0, _ := strconv.ParseFloat(bb[1], 64)
		x1, _ := strconv.ParseFloat(bb[2], 64)
		y1, _ := strconv.ParseFloat(bb[3], 64)
		sc.width, sc.height = x1-x0, y1-y0
	}
	if sc.width <= 0 || sc.height <= 0 || math.IsNaN(sc.width+sc.height) {
		return nil, fmt.Errorf("read graphviz json: bad bounding box %q", g.BB)
	}
	sc.add(g.Draw)
	sc.add(g.LDraw)
	nsub := min(max(g.SubgraphCnt, 0), len(g.Objects))
	for _, o := range g.Objects[:nsub] { // clusters
		sc.add(o.Draw)
		sc.add(o.LDraw)
	}
	for _, e := range g.Edges {
		sc.add(e.Draw)
		sc.add(e.TDraw)
		sc.add(e.HDraw)
	}
	for _, o := range g.Objects[nsub:] { // nodes
		sc.add(o.Draw)
		sc.add(o.LDraw)
	}
	labels := len(sc.items)
	for _, e := range g.Edges {
		sc.add(e.LDraw)
		sc.add(e.TLDraw)
		sc.add(e.HLDraw)
	}
	for _, it := range sc.items[labels:] {
		if it.text != nil {
			it.text.halo = true
		}
	}
	return sc, nil
}

// add appends one xdot operation list. Each list starts from xdot's
// default state: black pen and fill, solid one-point lines, 14pt text.
func (sc *scene) add(ops []xdotOp) {
	black := color.NRGBA{A: 255}
	pen, fill := black, black
	width, size := 1.0, 14.0
	var dash []float64
	var bold, italic, invisible bool
	for _, op := range ops {
		switch op.Op {
		case "c":
			pen = parseColor(op)
		case "C":
			fill = parseColor(op)
		case "S":
			switch s := op.Style; {
			case s == "solid":
				dash = nil
			case s == "dashed":
				dash = dashDashed
			case s == "dotted":
				dash = dashDotted
			case s == "bold":
				width = 2
			case s == "invis" || s == "invisible":
				invisible = true
			case strings.HasPrefix(s, "setlinewidth("):
				if w, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(s, "setlinewidth("), ")"), 64); err == nil && w >= 0 {
					width = w
				}
			}
		case "F":
			if op.Size > 0 {
				size = op.Size
			}
			bold = strings.Contains(op.Face, "Bold")
			italic = strings.Contains(op.Face, "Italic") || strings.Contains(op.Face, "Oblique")
		case "t":
			bold, italic = op.Flags&1 != 0, op.Flags&2 != 0
		case "T":
			if invisible || op.Text == "" {
				continue
			}
			align := byte('c')
			if op.Align == "l" || op.Align == "r" {
				align = op.Align[0]
			}
			// Graphviz's json writer escapes the backslashes of xdot text, which
			// xdot had escaped already: one backslash in a name comes out as two.
			text := strings.ReplaceAll(op.Text, `\\`, `\`)
			sc.items = append(sc.items, sceneItem{text: &sceneText{
				at: point{op.Pt[0], op.Pt[1]}, align: align, width: op.Width, text: text,
				size: size, bold: bold, italic: italic, color: pen,
			}})
		// Graphviz's json writer swaps the B-spline letters of xdot: there
		// "B" is the filled one and "b" the outline (xdot text has it the
		// other way round), as its output for a rounded filled box shows.
		case "E", "e", "P", "p", "L", "B", "b":
			if invisible {
				continue
			}
			p := &scenePath{segs: shapeSegs(op), fill: fill, stroke: pen, width: width, dash: dash}
			p.filled = (op.Op == "E" || op.Op == "P" || op.Op == "B") && fill.A > 0
			p.stroked = pen.A > 0 && width > 0
			if len(p.segs) > 0 && (p.filled || p.stroked) {
				sc.items = append(sc.items, sceneItem{path: p})
			}
		}
	}
}

// shapeSegs turns an ellipse, polygon, polyline or B-spline into path
// segments. Graphviz's B-splines are already piecewise cubic Béziers: a
// start point, then three points per piece.
func shapeSegs(op xdotOp) []pathSeg {
	pt := func(p [2]float64) point { return point{p[0], p[1]} }
	switch op.Op {
	case "E", "e":
		return ellipseSegs(op.Rect[0], op.Rect[1], op.Rect[2], op.Rect[3])
	case "P", "p", "L":
		if len(op.Points) < 2 {
			return nil
		}
		segs := []pathSeg{{op: 'M', p: [3]point{pt(op.Points[0])}}}
		for _, p := range op.Points[1:] {
			segs = append(segs, pathSeg{op: 'L', p: [3]point{pt(p)}})
		}
		if op.Op != "L" {
			segs = append(segs, pathSeg{op: 'Z'})
		}
		return segs
	default: // "B" (filled, in json), "b"
		if len(op.Points) < 4 {
			return nil
		}
		segs := []pathSeg{{op: 'M', p: [3]point{pt(op.Points[0])}}}
		for i := 1; i+2 < len(op.Points); i += 3 {
			segs = append(segs, pathSeg{op: 'C', p: [3]point{pt(op.Points[i]), pt(op.Points[i+1]), pt(op.Points[i+2])}})
		}
		if op.Op == "B" {
			segs = append(segs, pathSeg{op: 'Z'})
		}
		return segs
	}
}

// ellipseSegs approximates an ellipse by four cubic Béziers.
func ellipseSegs(cx, cy, rx, ry float64) []pathSeg {
	const k = 0.5522847498 // 4/3 (sqrt 2 - 1)
	kx, ky := k*rx, k*ry
	c := func(x1, y1, x2, y2, x3, y3 float64) pathSeg {
		return pathSeg{op: 'C', p: [3]point{{x1, y1}, {x2, y2}, {x3, y3}}}
	}
	return []pathSeg{
		{op: 'M', p: [3]point{{cx + rx, cy}}},
		c(cx+rx, cy+ky, cx+kx, cy+ry, cx, cy+ry),
		c(cx-kx, cy+ry, cx-rx, cy+ky, cx-rx, cy),
		c(cx-rx, cy-ky, cx-kx, cy-ry, cx, cy-ry),
		c(cx+kx, cy-ry, cx+rx, cy-ky, cx+rx, cy),
		{op: 'Z'},
	}
}

// parseColor reads an xdot colour: #rrggbb or #rrggbbaa as Graphviz
// writes them, a gradient's first stop, or a few names. Anything else is
// black, Graphviz's own fallback.
func parseColor(op xdotOp) color.NRGBA {
	s := op.Color
	if s == "" && len(op.Stops) > 0 {
		s = op.Stops[0].Color
	}
	switch strings.ToLower(s) {
	case "white":
		return color.NRGBA{255, 255, 255, 255}
	case "transparent", "none", "invis":
		return color.NRGBA{}
	}
	if len(s) == 7 || len(s) == 9 {
		if v, err := strconv.ParseUint(s[1:], 16, 32); err == nil && s[0] == '#' {
			if len(s) == 7 {
				return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
			}
			return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
		}
	}
	return color.NRGBA{A: 255}
}
