package exports

import (
	"fmt"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// PNG and PDF text is set in the Go fonts, compiled into the binary, so
// that no system font is needed. They cover Latin, Greek and Cyrillic;
// other scripts (Arabic, Chinese, ...) come out as empty boxes: the SVG
// keeps the real text for those.

// fontStyle indexes the four Go faces.
type fontStyle int

const (
	fontRegular fontStyle = iota
	fontBold
	fontItalic
	fontBoldItalic
)

// goFont is one parsed Go face with its TrueType bytes (for PDF embedding).
type goFont struct {
	name string // PostScript-style name used in the PDF
	ttf  []byte
	sf   *sfnt.Font
	upem float64
}

var (
	fontsOnce sync.Once
	fonts     [4]*goFont
	fontsErr  error
)

// loadFonts parses the Go fonts once; sfnt.Font is safe for concurrent use
// as long as each caller brings its own sfnt.Buffer.
func loadFonts() ([4]*goFont, error) {
	fontsOnce.Do(func() {
		src := [4]struct {
			name string
			ttf  []byte
		}{{"GoRegular", goregular.TTF}, {"GoBold", gobold.TTF}, {"GoItalic", goitalic.TTF}, {"GoBoldItalic", gobolditalic.TTF}}
		for i, s := range src {
			f, err := sfnt.Parse(s.ttf)
			if err != nil {
				fontsErr = fmt.Errorf("parse %s font: %w", s.name, err)
				return
			}
			fonts[i] = &goFont{name: s.name, ttf: s.ttf, sf: f, upem: float64(f.UnitsPerEm())}
		}
	})
	return fonts, fontsErr
}

func styleFor(t *sceneText) fontStyle {
	switch {
	case t.bold && t.italic:
		return fontBoldItalic
	case t.bold:
		return fontBold
	case t.italic:
		return fontItalic
	}
	return fontRegular
}

// shapedGlyph is one glyph of a laid-out line: its index in the font, the
// rune it stands for, and its advance in font units.
type shapedGlyph struct {
	index   sfnt.GlyphIndex
	r       rune
	advance float64
}

// shape maps text to glyphs left to right, one per rune, with advances
// (no kerning, no contextual shaping). Runes the font lacks become glyph 0,
// the font's empty box.
func (f *goFont) shape(buf *sfnt.Buffer, text string) []shapedGlyph {
	ppem := fixed.Int26_6(f.sf.UnitsPerEm()) << 6
	glyphs := make([]shapedGlyph, 0, len(text))
	for _, r := range text {
		gi, err := f.sf.GlyphIndex(buf, r)
		if err != nil {
			gi = 0
		}
		adv, err := f.sf.GlyphAdvance(buf, gi, ppem, font.HintingNone)
		if err != nil {
			adv = 0
		}
		glyphs = append(glyphs, shapedGlyph{index: gi, r: r, advance: float64(adv) / 64})
	}
	return glyphs
}

// fitText returns the font size and left x for drawing t in a face whose
// line is unitsWide font units wide at one unit per em. The Go fonts run
// wider than the Helvetica metrics Graphviz sized its shapes with, so text
// wider than Graphviz's estimate is set smaller to stay inside its node.
func fitText(t *sceneText, unitsWide, upem float64) (size, left float64) {
	size = t.size
	w := unitsWide / upem * size
	if t.width > 0 && w > t.width*1.02 {
		size *= t.width / w
		w = t.width
	}
	switch t.align {
	case 'l':
		left = t.at.x
	case 'r':
		left = t.at.x - w
	default:
		left = t.at.x - w/2
	}
	return size, left
}

func unitsWide(glyphs []shapedGlyph) float64 {
	var w float64
	for _, g := range glyphs {
		w += g.advance
	}
	return w
}

// fontCovers reports whether the Go fonts have a glyph for every letter,
// digit, mark and symbol of text.
func fontCovers(text string) bool {
	fs, err := loadFonts()
	if err != nil {
		return false
	}
	var buf sfnt.Buffer
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		if gi, err := fs[fontRegular].sf.GlyphIndex(&buf, r); err != nil || gi == 0 {
			return false
		}
	}
	return true
}
