package exports

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image/color"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// PDF is written by hand: one page of vector paths and text, the scene's
// points as PDF points. go-graphviz's WASM build has no PDF renderer, and
// a PDF library (tdewolff/canvas pulls in a text-shaping stack and a
// dozen modules) is more than one page of lines and labels needs. Text is
// set in the Go fonts, embedded whole as TrueType (CIDFontType2, Identity-H,
// with a ToUnicode map so that viewers can search and copy it); only the
// faces a diagram uses are embedded, about 70 KB each once compressed.
// Colours are opaque: Graphviz's translucent colours, which kg does not
// use, are drawn solid.

// maxPDFSide is the largest page side most viewers accept (200 inches).
const maxPDFSide = 14400.0

func writePDF(w io.Writer, sc *scene) error {
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	pw, ph := sc.width+2*scenePad, sc.height+2*scenePad
	scale := 1.0
	if side := max(pw, ph); side > maxPDFSide {
		scale = maxPDFSide / side
	}
	pw, ph = pw*scale, ph*scale

	used := map[fontStyle]map[sfnt.GlyphIndex]pdfGlyph{}
	var content bytes.Buffer
	c := &content
	fmt.Fprintf(c, "%s 0 0 %s %s %s cm\n0 J 1 j\n", num(scale), num(scale), num(scenePad*scale), num(scenePad*scale))
	var buf sfnt.Buffer
	for _, it := range sc.items {
		if p := it.path; p != nil {
			writePDFPath(c, p)
			continue
		}
		t := it.text
		st := styleFor(t)
		gf := fs[st]
		glyphs := gf.shape(&buf, t.text)
		size, left := fitText(t, unitsWide(glyphs), gf.upem)
		if used[st] == nil {
			used[st] = map[sfnt.GlyphIndex]pdfGlyph{}
		}
		var hex strings.Builder
		for _, g := range glyphs {
			fmt.Fprintf(&hex, "%04X", uint16(g.index))
			if _, ok := used[st][g.index]; !ok {
				used[st][g.index] = pdfGlyph{r: g.r, width: g.advance * 1000 / gf.upem}
			}
		}
		if t.halo { // the outline first (render mode 1), in white, under the glyphs
			fmt.Fprintf(c, "1 1 1 RG %s w [] 0 d BT 1 Tr /F%d %s Tf %s %s Td <%s> Tj ET\n",
				num(2*haloWidth), st, num(size), num(left), num(t.at.y), hex.String())
		}
		fmt.Fprintf(c, "%s rg BT 0 Tr /F%d %s Tf %s %s Td <%s> Tj ET\n", rgb(t.color), st, num(size), num(left), num(t.at.y), hex.String())
	}

	pdf := &pdfFile{}
	pdf.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	styles := make([]fontStyle, 0, len(used))
	for st := range used {
		styles = append(styles, st)
	}
	slices.Sort(styles)
	// Objects: 1 catalog, 2 pages, 3 page, 4 content, then five per font.
	var fontRefs strings.Builder
	for i, st := range styles {
		fmt.Fprintf(&fontRefs, " /F%d %d 0 R", st, 5+5*i)
	}
	pdf.object("<< /Type /Catalog /Pages 2 0 R >>")
	pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	pdf.object(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Contents 4 0 R /Resources << /Font <<%s >> >> >>",
		num(pw), num(ph), fontRefs.String()))
	if err := pdf.stream("", content.Bytes()); err != nil {
		return err
	}
	for i, st := range styles {
		if err := pdf.font(fs[st], used[st], 5+5*i, st == fontItalic || st == fontBoldItalic); err != nil {
			return err
		}
	}
	pdf.finish()
	_, err = w.Write(pdf.buf.Bytes())
	return err
}

// pdfGlyph is a glyph a PDF's text uses: the rune it stands for (for the
// ToUnicode map) and its width in thousandths of an em.
type pdfGlyph struct {
	r     rune
	width float64
}

func writePDFPath(c *bytes.Buffer, p *scenePath) {
	for _, s := range p.segs {
		switch s.op {
		case 'M':
			fmt.Fprintf(c, "%s %s m\n", num(s.p[0].x), num(s.p[0].y))
		case 'L':
			fmt.Fprintf(c, "%s %s l\n", num(s.p[0].x), num(s.p[0].y))
		case 'C':
			fmt.Fprintf(c, "%s %s %s %s %s %s c\n", num(s.p[0].x), num(s.p[0].y), num(s.p[1].x), num(s.p[1].y), num(s.p[2].x), num(s.p[2].y))
		case 'Z':
			c.WriteString("h\n")
		}
	}
	op := "n"
	if p.filled {
		fmt.Fprintf(c, "%s rg\n", rgb(p.fill))
		op = "f"
	}
	if p.stroked {
		fmt.Fprintf(c, "%s RG %s w [", rgb(p.stroke), num(p.width))
		for i, d := range p.dash {
			if i > 0 {
				c.WriteByte(' ')
			}
			c.WriteString(num(d))
		}
		c.WriteString("] 0 d\n")
		op = "S"
		if p.filled {
			op = "B"
		}
	}
	c.WriteString(op + "\n")
}

func rgb(c color.NRGBA) string {
	return fmt.Sprintf("%s %s %s", num(float64(c.R)/255), num(float64(c.G)/255), num(float64(c.B)/255))
}

// num formats a PDF number: at most three decimals, no trailing zeros.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// pdfFile accumulates numbered objects and their offsets for the xref table.
type pdfFile struct {
	buf     bytes.Buffer
	offsets []int
}

func (p *pdfFile) object(body string) {
	p.offsets = append(p.offsets, p.buf.Len())
	fmt.Fprintf(&p.buf, "%d 0 obj\n%s\nendobj\n", len(p.offsets), body)
}

// stream writes a Flate-compressed stream object; extra goes into its dictionary.
func (p *pdfFile) stream(extra string, data []byte) error {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	if _, err := zw.Write(data); err != nil {
		return fmt.Errorf("pdf: compress stream: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("pdf: compress stream: %w", err)
	}
	p.offsets = append(p.offsets, p.buf.Len())
	fmt.Fprintf(&p.buf, "%d 0 obj\n<< /Length %d /Filter /FlateDecode%s >>\nstream\n", len(p.offsets), z.Len(), extra)
	p.buf.Write(z.Bytes())
	p.buf.WriteString("\nendstream\nendobj\n")
	return nil
}

// font writes a Go face as five objects numbered from first: the Type0
// font, its CIDFontType2, the descriptor, the TrueType file and the
// ToUnicode map.
func (p *pdfFile) font(f *goFont, glyphs map[sfnt.GlyphIndex]pdfGlyph, first int, italic bool) error {
	gids := make([]sfnt.GlyphIndex, 0, len(glyphs))
	for g := range glyphs {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	var widths, cmap strings.Builder
	var mapped []sfnt.GlyphIndex
	for _, g := range gids {
		fmt.Fprintf(&widths, " %d [%s]", g, num(glyphs[g].width))
		if g != 0 {
			mapped = append(mapped, g)
		}
	}
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for chunk := range slices.Chunk(mapped, 100) {
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&cmap, "<%04X> <", uint16(g))
			for _, u := range utf16.Encode([]rune{glyphs[g].r}) {
				fmt.Fprintf(&cmap, "%04X", u)
			}
			cmap.WriteString(">\n")
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")

	var buf sfnt.Buffer
	ppem := fixed.Int26_6(f.sf.UnitsPerEm()) << 6
	m, err := f.sf.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return fmt.Errorf("pdf: %s metrics: %w", f.name, err)
	}
	b, err := f.sf.Bounds(&buf, ppem, font.HintingNone)
	if err != nil {
		return fmt.Errorf("pdf: %s bounds: %w", f.name, err)
	}
	em := func(v fixed.Int26_6) string { return num(float64(v) / 64 * 1000 / f.upem) }
	flags, angle := 32, 0 // nonsymbolic
	if italic {
		flags, angle = 32|64, -12
	}
	p.object(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		f.name, first+1, first+4))
	p.object(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /CIDToGIDMap /Identity /DW 0 /W [%s ] >>",
		f.name, first+2, widths.String()))
	p.object(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %d /Ascent %s /Descent -%s /CapHeight %s /StemV 80 /FontFile2 %d 0 R >>",
		f.name, flags, em(b.Min.X), em(-b.Max.Y), em(b.Max.X), em(-b.Min.Y), angle, em(m.Ascent), em(m.Descent), em(m.CapHeight), first+3))
	if err := p.stream(fmt.Sprintf(" /Length1 %d", len(f.ttf)), f.ttf); err != nil {
		return err
	}
	return p.stream("", []byte(cmap.String()))
}

// finish writes the cross-reference table and the trailer.
func (p *pdfFile) finish() {
	xref := p.buf.Len()
	fmt.Fprintf(&p.buf, "xref\n0 %d\n0000000000 65535 f \n", len(p.offsets)+1)
	for _, off := range p.offsets {
		fmt.Fprintf(&p.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&p.buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(p.offsets)+1, xref)
}
