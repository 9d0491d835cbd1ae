package exports

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// PNG is painted in-process from the scene with fogleman/gg (anti-aliased
// paths, dashes) and the Go fonts: go-graphviz's own PNG renderer draws
// edges as black blobs, and shelling out to rsvg-convert would need a
// system package.

const (
	// pngScale is pixels per Graphviz point: 2 is a 1.5 zoom of the SVG
	// as a browser shows it (96 pixels per inch), sharp on ordinary screens.
	pngScale = 2.0
	// maxPNGSide and maxPNGPixels cap a PNG's size: a 300-entity layout at
	// full scale is some 50 megapixels, 200 MB in memory and 10 s to paint
	// and encode (the PNG encoder's filtering and deflate dominate); capped
	// at 10 megapixels, 11-point labels stay about 15 pixels high.
	maxPNGSide   = 8000
	maxPNGPixels = 10e6
	// scenePad is the margin around the drawing, in points, as in Graphviz's SVG.
	scenePad = 4.0
)

// pngSize returns the image size in pixels and the scale used.
func pngSize(sc *scene) (w, h int, scale float64) {
	pw, ph := sc.width+2*scenePad, sc.height+2*scenePad
	scale = pngScale
	if side := max(pw, ph) * scale; side > maxPNGSide {
		scale = maxPNGSide / max(pw, ph)
	}
	if px := pw * ph * scale * scale; px > maxPNGPixels {
		scale *= math.Sqrt(maxPNGPixels / px)
	}
	return int(math.Ceil(pw * scale)), int(math.Ceil(ph * scale)), scale
}

func writePNG(w io.Writer, sc *scene) error {
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	iw, ih, scale := pngSize(sc)
	img := image.NewRGBA(image.Rect(0, 0, iw, ih))
	dc := gg.NewContextForRGBA(img)
	dc.SetRGB(1, 1, 1)
	dc.Clear()
	// Graphviz's y axis points up; the image's points down.
	at := func(p point) (float64, float64) {
		return (p.x + scenePad) * scale, (sc.height - p.y + scenePad) * scale
	}
	faces := map[faceKey]font.Face{}
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	var buf sfnt.Buffer
	for _, it := range sc.items {
		if p := it.path; p != nil {
			paintPath(dc, p, at, scale)
			continue
		}
		t := it.text
		gf := fs[styleFor(t)]
		size, left := fitText(t, unitsWide(gf.shape(&buf, t.text)), gf.upem)
		key := faceKey{styleFor(t), math.Round(size*scale*100) / 100}
		face, ok := faces[key]
		if !ok {
			face, err = opentype.NewFace(gf.sf, &opentype.FaceOptions{Size: key.px, DPI: 72, Hinting: font.HintingNone})
			if err != nil {
				return fmt.Errorf("font face %s %.1fpx: %w", gf.name, key.px, err)
			}
			faces[key] = face
		}
		x, y := at(point{left, t.at.y})
		d := font.Drawer{Dst: img, Face: face}
		draw := func(c color.Color, x, y float64) {
			d.Src = image.NewUniform(c)
			d.Dot = fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}
			d.DrawString(t.text)
		}
		if t.halo {
			r := haloWidth * scale
			for _, o := range haloOffsets {
				draw(color.White, x+o.x*r, y+o.y*r)
			}
		}
		draw(t.color, x, y)
	}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, img)
}

// haloWidth is how far, in points, a label's white halo reaches; the PNG
// draws it as the text repeated at eight offsets around the glyphs.
const haloWidth = 1.0

var haloOffsets = []point{{-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-0.7, -0.7}, {0.7, -0.7}, {-0.7, 0.7}, {0.7, 0.7}}

type faceKey struct {
	style fontStyle
	px    float64
}

func paintPath(dc *gg.Context, p *scenePath, at func(point) (float64, float64), scale float64) {
	dc.NewSubPath()
	for _, s := range p.segs {
		switch s.op {
		case 'M':
			dc.NewSubPath()
			dc.MoveTo(at(s.p[0]))
		case 'L':
			dc.LineTo(at(s.p[0]))
		case 'C':
			x1, y1 := at(s.p[0])
			x2, y2 := at(s.p[1])
			x3, y3 := at(s.p[2])
			dc.CubicTo(x1, y1, x2, y2, x3, y3)
		case 'Z':
			dc.ClosePath()
		}
	}
	if p.filled {
		dc.SetColor(p.fill)
		dc.FillPreserve()
	}
	if p.stroked {
		dc.SetColor(p.stroke)
		dc.SetLineWidth(p.width * scale)
		dash := make([]float64, len(p.dash))
		for i, d := range p.dash {
			dash[i] = d * scale
		}
		dc.SetDash(dash...)
		dc.SetLineCapButt()
		dc.SetLineJoinRound()
		dc.StrokePreserve()
	}
	dc.ClearPath()
}
