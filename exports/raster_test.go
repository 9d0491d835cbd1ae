package exports

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/graph"
)

// nodeBox is where Graphviz put a node: centre and half sizes, in points.
type nodeBox struct{ x, y, rx, ry float64 }

// layoutNodes lays out the PNG/PDF DOT of g as Write does and returns the
// scene and every node's box by name, read from Graphviz's json.
func layoutNodes(t *testing.T, g Graph, opts Options) (*scene, map[string]nodeBox) {
	t.Helper()
	s, err := snapshot(g)
	if err != nil {
		t.Fatal(err)
	}
	src, layout, err := place(buildDOTFor(s, opts, fontCovers))
	if err != nil {
		t.Fatal(err)
	}
	js, err := renderGraphviz(src, layout, "json")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := parseScene(js)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Objects []struct {
			Name, Pos, Width, Height string
		} `json:"objects"`
	}
	if err := json.Unmarshal(js, &raw); err != nil {
		t.Fatal(err)
	}
	boxes := map[string]nodeBox{}
	for _, o := range raw.Objects {
		xy := strings.Split(o.Pos, ",")
		if len(xy) != 2 {
			continue // a cluster
		}
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		boxes[o.Name] = nodeBox{f(xy[0]), f(xy[1]), f(o.Width) * 36, f(o.Height) * 36}
	}
	return sc, boxes
}

func decodePNG(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	return img
}

func near(got color.Color, want string, tol int) bool {
	w := parseColor(xdotOp{Color: want})
	r, g, b, _ := got.RGBA()
	d := func(a uint32, b uint8) int { return max(int(a>>8)-int(b), int(b)-int(a>>8)) }
	return d(r, w.R) <= tol && d(g, w.G) <= tol && d(b, w.B) <= tol
}

// TestPNG checks the in-process PNG for every layout: it decodes, has the
// size the layout asks for, is not mostly black (go-graphviz's own PNG
// draws edges as black blobs), and shows each node's fill colour where
// Graphviz placed the node.
func TestPNG(t *testing.T) {
	g := hostileGraph(t, false)
	for _, layout := range []string{"dot", "sfdp"} { // the two kg picks by size
		t.Run(layout, func(t *testing.T) {
			opts := Options{Focus: hostileOpts.Focus, Layout: layout}
			sc, boxes := layoutNodes(t, g, opts)
			img := decodePNG(t, write(t, "png", g, opts))
			w, h, scale := pngSize(sc)
			if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
				t.Fatalf("PNG is %dx%d, want %dx%d", b.Dx(), b.Dy(), w, h)
			}
			if w < 400 || h < 300 || w > maxPNGSide || h > maxPNGSide {
				t.Errorf("PNG size %dx%d outside the expected range", w, h)
			}
			rgba, ok := img.(*image.RGBA)
			if !ok {
				t.Fatalf("PNG decodes to %T, want an opaque RGB image", img)
			}
			var dark, blank int
			for i := 0; i < len(rgba.Pix); i += 4 {
				r, g, b := rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2]
				switch {
				case r < 80 && g < 80 && b < 80:
					dark++
				case r == 255 && g == 255 && b == 255:
					blank++
				}
			}
			if frac := float64(dark) / float64(w*h); frac > 0.03 {
				t.Errorf("%.1f%% of the pixels are dark: edges drawn as blobs?", 100*frac)
			}
			if frac := float64(blank) / float64(w*h); frac > 0.97 || frac < 0.3 {
				t.Errorf("%.1f%% of the pixels are background", 100*frac)
			}
			for _, e := range hostileEntities() {
				nb, ok := boxes[string(e.ID)]
				if !ok {
					t.Fatalf("no position for %s", e.ID)
				}
				// Below the label, inside every shape kg uses.
				px := int((nb.x + scenePad) * scale)
				py := int((sc.height - (nb.y - 0.7*nb.ry) + scenePad) * scale)
				if got, want := img.At(px, py), styleOf(e.Type).fill; !near(got, want, 6) {
					t.Errorf("%s at (%d,%d) is %v, want its fill %s", e.ID, px, py, got, want)
				}
			}
		})
	}
}

func TestPNGText(t *testing.T) {
	// A lone node whose name is long: its pixels must not all be fill, or
	// the label was not drawn.
	g := graph.NewMemory()
	g.PutEntity(graph.Entity{ID: "a", Name: "WWWWWWWWWWWWWWWWWWWW", Type: graph.Organization})
	sc, boxes := layoutNodes(t, g, Options{})
	img := decodePNG(t, write(t, "png", g, Options{}))
	_, _, scale := pngSize(sc)
	nb := boxes["a"]
	py := int((sc.height - nb.y + scenePad) * scale)
	var ink int
	for x := int((nb.x - nb.rx + scenePad) * scale); x < int((nb.x+nb.rx+scenePad)*scale); x++ {
		for y := py - 6; y <= py+6; y++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r>>8 < 100 {
				ink++
			}
		}
	}
	if ink < 100 {
		t.Errorf("only %d dark pixels across the label line: label not drawn", ink)
	}
}

// TestRasterConcurrent renders the same graph, inserted in two orders, to
// PNG and PDF from parallel goroutines: the outputs must be byte-identical
// (deterministic, and no render disturbs another: the Graphviz calls are
// serialized, the painters share only the parsed fonts).
func TestRasterConcurrent(t *testing.T) {
	type job struct {
		format  string
		reverse bool
	}
	jobs := []job{{"png", false}, {"png", true}, {"pdf", false}, {"pdf", true}}
	got := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		g := smallHostileGraph(j.reverse)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			errs[i] = Write(&b, j.format, g, hostileOpts)
			got[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for i, j := range jobs {
		if errs[i] != nil {
			t.Fatalf("%s render: %v", j.format, errs[i])
		}
	}
	if !bytes.Equal(got[0], got[1]) || !bytes.Equal(got[2], got[3]) {
		t.Errorf("two renders of the same graph differ (png equal: %v, pdf equal: %v)",
			bytes.Equal(got[0], got[1]), bytes.Equal(got[2], got[3]))
	}
}

// smallHostileGraph is three of the hostile entities (Latin, Cyrillic,
// Arabic names) and two relations, inserted in either order: enough to
// catch nondeterminism while keeping the race detector's runs short.
func smallHostileGraph(reverse bool) *graph.Memory {
	ents := hostileEntities()
	ents = []graph.Entity{ents[0], ents[3], ents[4]}
	rels := hostileRelations()
	rels = []graph.Relation{rels[5], {Subject: "amira-haddad", Predicate: graph.TravelledTo, Object: "tarabulus", Evidence: rels[4].Evidence}}
	if reverse {
		slices.Reverse(ents)
		slices.Reverse(rels)
	}
	g := graph.NewMemory()
	for _, e := range ents {
		g.PutEntity(e)
	}
	for _, r := range rels {
		g.PutRelation(r)
	}
	return g
}

var (
	pdfObj   = regexp.MustCompile(`(?m)^(\d+) 0 obj$`)
	pdfXref  = regexp.MustCompile(`(?m)^(\d{10}) 00000 n \n`)
	pdfStart = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`)
)

// TestPDFStructure checks the PDF by hand: header, an xref entry pointing
// at each object, a trailer, a startxref pointing at the xref table, and
// a content stream drawing paths and text.
func TestPDFStructure(t *testing.T) {
	pdf := write(t, "pdf", hostileGraph(t, false), hostileOpts)
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.4\n")) {
		t.Fatalf("no PDF header: %q", pdf[:min(20, len(pdf))])
	}
	m := pdfStart.FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref and EOF marker at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the xref table", xref)
	}
	if !bytes.Contains(pdf[xref:], []byte("trailer\n<< /Size ")) {
		t.Error("no trailer")
	}
	objs := pdfObj.FindAllSubmatchIndex(pdf, -1)
	offs := pdfXref.FindAllSubmatch(pdf[xref:], -1)
	if len(objs) < 5 || len(objs) != len(offs) {
		t.Fatalf("%d objects, %d xref entries", len(objs), len(offs))
	}
	for i, o := range offs {
		off, _ := strconv.Atoi(string(o[1]))
		if want := strconv.Itoa(i+1) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q, want %q", i+1, pdf[off:off+10], want)
		}
	}
	// Object 4 is the page content.
	start := bytes.Index(pdf, []byte("4 0 obj\n"))
	s := bytes.Index(pdf[start:], []byte("stream\n")) + start + len("stream\n")
	e := bytes.Index(pdf[s:], []byte("\nendstream")) + s
	zr, err := zlib.NewReader(bytes.NewReader(pdf[s:e]))
	if err != nil {
		t.Fatal(err)
	}
	content, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range []string{" c\n", " m\n", " Tj ET", " rg", "[5 2] 0 d", "[1 5] 0 d", "B\n"} {
		if !bytes.Contains(content, []byte(op)) {
			t.Errorf("content stream lacks %q", op)
		}
	}
}

// TestPDFReaders has poppler extract the text and qpdf check the file.
func TestPDFReaders(t *testing.T) {
	pdf := write(t, "pdf", hostileGraph(t, false), hostileOpts)
	t.Run("pdftotext", func(t *testing.T) {
		bin := tool(t, "pdftotext", "poppler-utils")
		cmd := exec.Command(bin, "-", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("pdftotext: %v: %s", err, out)
		}
		for _, want := range []string{"Amira Haddad", "Москва", "Tarabulus", `O'Neil \ back\slash`, "<script>alert(1)</script> & Sons", "Legend", "defected-from"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("pdftotext output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("qpdf", func(t *testing.T) {
		bin := tool(t, "qpdf", "qpdf")
		path := filepath.Join(t.TempDir(), "g.pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, "--check", path).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check: %v: %s", err, out)
		}
	})
}

func TestAliasFallback(t *testing.T) {
	s, err := snapshot(hostileGraph(t, false))
	if err != nil {
		t.Fatal(err)
	}
	painted := string(buildDOTFor(s, hostileOpts, fontCovers).src)
	plain := string(buildDOT(s, hostileOpts).src)
	if !strings.Contains(painted, `label="Tarabulus"`) || strings.Contains(painted, `label="طرابلس"`) {
		t.Errorf("PNG/PDF DOT does not label طرابلس by its Latin alias")
	}
	if !strings.Contains(plain, `label="طرابلس"`) {
		t.Errorf("SVG DOT lost the Arabic name")
	}
	if !strings.Contains(painted, `label="Москва"`) {
		t.Errorf("Cyrillic, which the Go fonts draw, was replaced")
	}
}

func TestFontCovers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Amira Haddad", true}, {"Москва", true}, {"Αθήνα", true}, {"Café – “quoted”", true},
		{"طرابلس", false}, {"北京", false}, {"Tripoli طرابلس", false},
	} {
		if got := fontCovers(tt.in); got != tt.want {
			t.Errorf("fontCovers(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFitText(t *testing.T) {
	for _, tt := range []struct {
		name             string
		t                sceneText
		units            float64
		wantSize, wantLx float64
	}{
		{"fits, centred", sceneText{at: point{100, 0}, align: 'c', width: 50, size: 10}, 4000, 10, 80},
		{"too wide, shrunk", sceneText{at: point{100, 0}, align: 'c', width: 50, size: 10}, 10000, 5, 75},
		{"left", sceneText{at: point{100, 0}, align: 'l', width: 50, size: 10}, 4000, 10, 100},
		{"right", sceneText{at: point{100, 0}, align: 'r', width: 50, size: 10}, 4000, 10, 60},
	} {
		t.Run(tt.name, func(t *testing.T) {
			size, left := fitText(&tt.t, tt.units, 1000)
			if size != tt.wantSize || left != tt.wantLx {
				t.Errorf("fitText = %v, %v; want %v, %v", size, left, tt.wantSize, tt.wantLx)
			}
		})
	}
}

func TestParseScene(t *testing.T) {
	// Hand-written Graphviz json: a filled (B) and an outline (b) spline,
	// a dashed edge with a label, a bold HTML text, an invisible shape.
	js := `{"bb": "0,0,200,100",
	 "_draw_": [{"op":"C","grad":"none","color":"#ffffff"},{"op":"P","points":[[0,0],[0,100],[200,100],[200,0]]}],
	 "_subgraph_cnt": 0,
	 "objects": [
	  {"_gvid":0,"name":"n","_draw_":[{"op":"c","grad":"none","color":"#333333"},{"op":"C","grad":"none","color":"#56b4e980"},
	    {"op":"B","points":[[0,0],[1,1],[2,2],[3,3]]}],
	   "_ldraw_":[{"op":"F","size":9,"face":"Helvetica"},{"op":"t","fontchar":1},{"op":"T","pt":[10,20],"align":"l","width":30,"text":"a\\\\b"}]},
	  {"_gvid":1,"name":"ghost","_draw_":[{"op":"S","style":"invis"},{"op":"E","rect":[5,5,2,2]}]}],
	 "edges": [{"_gvid":0,"tail":0,"head":1,
	   "_draw_":[{"op":"S","style":"dashed"},{"op":"S","style":"setlinewidth(2.5)"},{"op":"b","points":[[0,0],[1,1],[2,2],[3,3]]}],
	   "_ldraw_":[{"op":"c","grad":"none","color":"#d55e00"},{"op":"T","pt":[50,50],"align":"c","width":20,"text":"edge"}]}]}`
	sc, err := parseScene([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	if sc.width != 200 || sc.height != 100 {
		t.Errorf("size %vx%v", sc.width, sc.height)
	}
	if len(sc.items) != 5 {
		t.Fatalf("%d items, want background, edge, node, node label, edge label", len(sc.items))
	}
	bg, edge, node, label, elabel := sc.items[0].path, sc.items[1].path, sc.items[2].path, sc.items[3].text, sc.items[4].text
	if !bg.filled || bg.fill != (color.NRGBA{255, 255, 255, 255}) {
		t.Errorf("background %+v", bg)
	}
	if edge.filled || !edge.stroked || edge.width != 2.5 || len(edge.dash) != 2 || edge.segs[len(edge.segs)-1].op == 'Z' {
		t.Errorf("edge (json b: an open outline) %+v", edge)
	}
	if !node.filled || node.fill != (color.NRGBA{0x56, 0xb4, 0xe9, 0x80}) || node.segs[len(node.segs)-1].op != 'Z' {
		t.Errorf("node (json B: filled) %+v", node)
	}
	if label.text != `a\b` || !label.bold || label.halo || label.align != 'l' || label.size != 9 {
		t.Errorf("node label %+v", label)
	}
	if elabel.text != "edge" || !elabel.halo || elabel.color != (color.NRGBA{0xd5, 0x5e, 0x00, 255}) || elabel.size != 14 {
		t.Errorf("edge label %+v", elabel)
	}
	if _, err := parseScene([]byte(`{"bb": "0,0,0,0"}`)); err == nil {
		t.Error("an empty bounding box was accepted")
	}
	if _, err := parseScene([]byte(`not json`)); err == nil {
		t.Error("bad json was accepted")
	}
}

func TestParseColor(t *testing.T) {
	for _, tt := range []struct {
		op   xdotOp
		want color.NRGBA
	}{
		{xdotOp{Color: "#56b4e9"}, color.NRGBA{0x56, 0xb4, 0xe9, 255}},
		{xdotOp{Color: "#fffffe00"}, color.NRGBA{0xff, 0xff, 0xfe, 0}},
		{xdotOp{Color: "white"}, color.NRGBA{255, 255, 255, 255}},
		{xdotOp{Color: "transparent"}, color.NRGBA{}},
		{xdotOp{Stops: []xdotStop{{Color: "#102030"}}}, color.NRGBA{0x10, 0x20, 0x30, 255}},
		{xdotOp{Color: "#zzzzzz"}, color.NRGBA{A: 255}},
		{xdotOp{Color: "chartreuse"}, color.NRGBA{A: 255}},
	} {
		if got := parseColor(tt.op); got != tt.want {
			t.Errorf("parseColor(%+v) = %v, want %v", tt.op, got, tt.want)
		}
	}
}

func TestPNGSizeCap(t *testing.T) {
	w, h, scale := pngSize(&scene{width: 12000, height: 3000})
	if w > maxPNGSide || h > maxPNGSide || scale >= pngScale || w*h > maxPNGPixels*1.01 {
		t.Errorf("pngSize = %d, %d, %v: not capped", w, h, scale)
	}
	if w, h, scale := pngSize(&scene{width: 600, height: 400}); scale != pngScale || w != 1216 || h != 816 {
		t.Errorf("pngSize = %d, %d, %v; want 1216, 816, %v", w, h, scale, pngScale)
	}
}

func TestSeparate(t *testing.T) {
	// A pile: twenty boxes on nearly the same spot, as sfdp leaves a hub's
	// neighbours without overlap removal, and two far apart.
	var nodes []placed
	for i := range 20 {
		nodes = append(nodes, placed{name: strconv.Itoa(i), x: float64(i % 3), y: float64(i % 2), w: 100, h: 30})
	}
	nodes = append(nodes, placed{name: "far", x: 5000, y: 0, w: 50, h: 50}, placed{name: "far2", x: 5000, y: 3000, w: 50, h: 50})
	before := slices.Clone(nodes)
	separate(nodes, nodeGap)
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			a, b := nodes[i], nodes[j]
			if abs(a.x-b.x) < (a.w+b.w)/2+nodeGap-1e-3 && abs(a.y-b.y) < (a.h+b.h)/2+nodeGap-1e-3 {
				t.Errorf("%s and %s still overlap: %+v %+v", a.name, b.name, a, b)
			}
		}
	}
	if n := nodes[len(nodes)-1]; n != before[len(before)-1] {
		t.Errorf("a node with no neighbour moved: %+v", n)
	}
	again := slices.Clone(before)
	separate(again, nodeGap)
	if !slices.Equal(again, nodes) {
		t.Error("separate is not deterministic")
	}
}

func TestSpread(t *testing.T) {
	nodes := []placed{{x: 0, y: 0, w: 100, h: 100}, {x: 10, y: 10, w: 100, h: 100}}
	spread(nodes, 0, 0.5)
	// Two 100x100 boxes are to cover half the centres' box: it grows from
	// 10x10 to 200x200.
	if d := nodes[1].x - nodes[0].x; math.Abs(d-200) > 1e-9 {
		t.Errorf("spread the centres %v apart, want 200", d)
	}
	wide := []placed{{x: 0, y: 0, w: 1, h: 1}, {x: 1000, y: 1000, w: 1, h: 1}}
	spread(wide, 0, 0.5)
	if wide[1].x != 1000 {
		t.Errorf("spread shrank a sparse layout: %+v", wide)
	}
}

// TestPlaceSFDP checks the pinned sfdp layout of a 300-entity graph: no
// two nodes overlap, the drawing is dense (overlap=scale left 1% of it
// inked), and the legend sits outside the nodes.
func TestPlaceSFDP(t *testing.T) {
	s, err := snapshot(powerLawGraph(300))
	if err != nil {
		t.Fatal(err)
	}
	d := buildDOT(s, Options{})
	if d.layout != "sfdp" || d.legend == "" {
		t.Fatalf("layout %q, legend %q", d.layout, d.legend)
	}
	src, layout, err := place(d)
	if err != nil {
		t.Fatal(err)
	}
	js, err := renderGraphviz(src, layout, "json")
	if err != nil {
		t.Fatal(err)
	}
	nodes, err := readPlaced(js)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := parseScene(js)
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 301 {
		t.Fatalf("%d nodes, want 300 and the legend", len(nodes))
	}
	var area float64
	for i, a := range nodes {
		area += a.w * a.h
		for _, b := range nodes[i+1:] {
			if abs(a.x-b.x) < (a.w+b.w)/2-0.5 && abs(a.y-b.y) < (a.h+b.h)/2-0.5 {
				t.Errorf("%s and %s overlap", a.name, b.name)
			}
		}
	}
	if density := area / (sc.width * sc.height); density < 0.08 {
		t.Errorf("nodes cover %.1f%% of the drawing: too spread out", 100*density)
	}
}
