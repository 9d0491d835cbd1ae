package exports

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
)

// ErrNoRasterizer is returned for png and pdf when rsvg-convert (librsvg)
// is not on PATH.
var ErrNoRasterizer = errors.New("png and pdf need rsvg-convert on PATH (Debian: apt-get install librsvg2-bin); svg and dot need nothing")

// PNG and PDF are converted from Graphviz's SVG by librsvg's rsvg-convert:
// go-graphviz's own PNG is broken (edges come out as black blobs), its WASM
// build has no PDF (cairo) renderer, and the pure-Go SVG rasterizers either
// draw no text (oksvg) or need system fonts found by name and cannot
// shape Arabic reliably. librsvg draws exactly what browsers show.

func writePNG(w io.Writer, svg []byte) error { return rsvgConvert(w, svg, "png") }

func writePDF(w io.Writer, svg []byte) error { return rsvgConvert(w, svg, "pdf") }

func rsvgConvert(w io.Writer, svg []byte, format string) error {
	bin, err := exec.LookPath("rsvg-convert")
	if err != nil {
		return ErrNoRasterizer
	}
	args := []string{"--format", format}
	if format == "png" {
		args = append(args, "--zoom", strconv.FormatFloat(pngZoom(svg), 'f', 3, 64), "--background-color", "white")
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin = bytes.NewReader(svg)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("rsvg-convert to %s: %w: %s", format, err, bytes.TrimSpace(stderr.Bytes()))
	}
	_, err = w.Write(out.Bytes())
	return err
}

// maxPNGSide caps a PNG's longer side in pixels: a large sfdp layout at
// full zoom would make an image of hundreds of megabytes.
const maxPNGSide = 8000

var svgSize = regexp.MustCompile(`<svg[^>]*?width="([0-9.]+)pt"[^>]*?height="([0-9.]+)pt"`)

// pngZoom is 1.5 (sharp text on ordinary screens), less when that would
// exceed maxPNGSide. Graphviz sizes SVGs in points; librsvg draws a point
// as 4/3 pixels.
func pngZoom(svg []byte) float64 {
	const zoom = 1.5
	m := svgSize.FindSubmatch(svg)
	if m == nil {
		return zoom
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	side := max(w, h) * 4 / 3
	if side*zoom <= maxPNGSide || side <= 0 {
		return zoom
	}
	return maxPNGSide / side
}
