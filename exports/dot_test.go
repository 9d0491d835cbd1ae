package exports

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestDOTGolden(t *testing.T) {
	golden(t, "hostile.dot", write(t, "dot", hostileGraph(t, false), hostileOpts))
}

func TestDOTQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, `"plain"`},
		{`say "hi"`, `"say \"hi\""`},
		{`back\slash`, `"back\\slash"`},
		{`trailing\`, `"trailing\\"`},
		{"two\nlines", `"two\nlines"`},
		{"tab\there", `"tab here"`},
		{"bell\x07nul\x00del\x7f", `"bellnuldel"`},
		{"AT&T &amp;", `"AT&amp;T &amp;amp;"`},
		{"<script>", `"<script>"`},
		{"طرابلس", `"طرابلس"`},
		{"Москва", `"Москва"`},
		{"a\u202Eb\u2066c\u2069", `"abc"`},
		{"bad\xffutf8", `"badutf8"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := dotQuote(tt.in); got != tt.want {
				t.Errorf("dotQuote(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDOTStyles(t *testing.T) {
	dot := string(write(t, "dot", hostileGraph(t, false), hostileOpts))
	tests := []struct{ name, line, want string }{
		{"focus is bold", `"amira-haddad" [`, "penwidth=3"},
		{"person is an ellipse", `"amira-haddad" [`, "shape=ellipse"},
		{"organization is a box", `"script-co" [`, "shape=box"},
		{"place is a house", `"moskva" [`, "shape=house"},
		{"event is a diamond", `"sum-event" [`, "shape=diamond"},
		{"symmetric drawn once without arrow", `"amira-haddad" -> "quote-man"`, "dir=none"},
		{"accusation dashed", `"quote-man" -> "sum-event"`, "style=dashed"},
		{"speculation dotted", `"amira-haddad" -> "moskva"`, "style=dotted"},
		{"speculation names who claims it", `"amira-haddad" -> "moskva"`, `(speculated: Mr Cameron)`},
		{"reported dashed", `"script-co" -> "tarabulus"`, "style=dashed"},
		{"denied dotted grey", `"bidi" -> "amira-haddad"`, `color="` + paleGrey},
		{"defection coloured and dated", `"amira-haddad" -> "script-co"`, `defected-from\n2011-03-30`},
		{"role on member-of", `"amira-haddad" -> "no-aliases"`, `member-of\nChair \"acting\"`},
		{"edge tooltip quotes evidence", `"quote-man" -> "sum-event"`, `attributed to rebels`},
		{"node tooltip lists aliases", `"tarabulus" [`, `also: Tarabulus; Tripoli`},
		{"title names focus and sources", "graph [", `Focus: Amira Haddad\nSources: Minister flees &amp; <b>defects</b>; dev/second &amp; last.txt`},
		{"legend lists types", `"legend:event"`, "shape=diamond"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line := findLine(dot, tt.line)
			if line == "" {
				t.Fatalf("no line starting %q in:\n%s", tt.line, dot)
			}
			if !strings.Contains(line, tt.want) {
				t.Errorf("line %q lacks %q", line, tt.want)
			}
		})
	}
	if n := strings.Count(dot, `"quote-man" -> "amira-haddad"`); n != 0 {
		t.Errorf("symmetric relation drawn in its stored direction %d times", n)
	}
}

func findLine(text, prefix string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return l
		}
	}
	return ""
}

func TestDOTDeterministic(t *testing.T) {
	for _, format := range []string{"json", "dot"} {
		t.Run(format, func(t *testing.T) {
			a := write(t, format, hostileGraph(t, false), hostileOpts)
			b := write(t, format, hostileGraph(t, true), hostileOpts)
			c := write(t, format, hostileGraph(t, false), hostileOpts)
			if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
				t.Errorf("two writes of the same graph differ")
			}
		})
	}
}

// TestDOTNative has Graphviz's own parser read the DOT and render SVG.
func TestDOTNative(t *testing.T) {
	dotBin := tool(t, "dot", "graphviz")
	src := write(t, "dot", hostileGraph(t, false), hostileOpts)
	cmd := exec.Command(dotBin, "-Tsvg")
	cmd.Stdin = bytes.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v: %s", err, stderr.String())
	}
	checkSVG(t, out)
}

func TestDiagramTooLarge(t *testing.T) {
	g := graph.NewMemory()
	for i := range MaxDiagramNodes + 1 {
		g.PutEntity(graph.Entity{ID: graph.ID(fmt.Sprintf("e%04d", i)), Name: "x", Type: graph.Person})
	}
	for _, format := range []string{"dot", "svg", "png", "pdf"} {
		if err := Write(&bytes.Buffer{}, format, g, Options{}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", format, err)
		}
	}
	if err := Write(&bytes.Buffer{}, "json", g, Options{}); err != nil {
		t.Errorf("json of a large graph: %v", err)
	}
}

func TestWriteErrors(t *testing.T) {
	g := hostileGraph(t, false)
	if err := Write(&bytes.Buffer{}, "xlsx", g, Options{}); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format: err = %v, want ErrUnknownFormat", err)
	}
	if err := Write(&bytes.Buffer{}, "svg", g, Options{Layout: "osage; rm"}); !errors.Is(err, ErrLayout) {
		t.Errorf("bad layout: err = %v, want ErrLayout", err)
	}
}
