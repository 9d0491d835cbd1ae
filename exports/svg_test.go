package exports

import (
	"bytes"
	"os/exec"
	"sync"
	"testing"
)

func TestSVG(t *testing.T) {
	svg := write(t, "svg", hostileGraph(t, false), hostileOpts)
	checkSVG(t, svg)
	for _, want := range []string{"xlink:title", "stroke-dasharray", "Legend"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// TestSVGConcurrent checks the mutex: unguarded, parallel renders crash.
func TestSVGConcurrent(t *testing.T) {
	g := hostileGraph(t, false)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = Write(&bytes.Buffer{}, "svg", g, Options{Layout: Layouts[i%len(Layouts)]})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("render %d: %v", i, err)
		}
	}
}

func TestSVGLayouts(t *testing.T) {
	g := hostileGraph(t, false)
	for _, layout := range Layouts {
		t.Run(layout, func(t *testing.T) {
			checkSVG(t, write(t, "svg", g, Options{Layout: layout}))
		})
	}
}

// TestSVGXmllint has libxml2 read the SVG.
func TestSVGXmllint(t *testing.T) {
	xmllint := tool(t, "xmllint", "libxml2-utils")
	cmd := exec.Command(xmllint, "--noout", "-")
	cmd.Stdin = bytes.NewReader(write(t, "svg", hostileGraph(t, false), hostileOpts))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v: %s", err, out)
	}
}
