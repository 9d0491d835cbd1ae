package exports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// FuzzDOT writes a two-entity graph whose ids, names, alias, evidence
// sentence, attribution and document title are fuzzed, and parses the DOT
// back with a small parser of DOT's grammar: it must parse whole, every
// quoted string must be free of raw control characters, and the two
// entities must come back as two nodes joined by the one edge.
func FuzzDOT(f *testing.F) {
	f.Add("amira-haddad", "Amira Haddad", `Jo "the Quote" O'Neil \ back\slash`, "Haddad left the <script> & Sons board.", "rebels", "Minister flees & <b>defects</b>")
	f.Add("x", "line one\nline two\x07bell\x00nul", "=SUM(A1:A9)", "he said \"we flew\"\n</title><svg onload=alert(1)>", "Mr \\\"Cameron", "\u202Eevil\u202C")
	f.Add("طرابلس", "Москва", "<<>>", "\\", "\"", "a\\")
	f.Add("", "", "", "", "", "")
	f.Add("a\"b", "trailing\\", "\xff\xfe", "-> -- { } [ ] ; = ,", "// comment", "/* open")
	f.Fuzz(func(t *testing.T, id, name, alias, sentence, attributed, title string) {
		if id == "" || id == "b" {
			id = "a"
		}
		g := graph.NewMemory()
		g.PutEntity(graph.Entity{ID: graph.ID(id), Name: name, Type: graph.Person, Aliases: []string{name, alias}, Attrs: map[string]string{"title": alias}})
		g.PutEntity(graph.Entity{ID: "b", Name: alias, Type: graph.Organization})
		g.PutDocument(graph.Document{ID: "d1", Source: title, Title: title})
		g.PutRelation(graph.Relation{Subject: graph.ID(id), Predicate: graph.DefectedFrom, Object: "b",
			Attrs:    map[string]string{"role": sentence},
			Evidence: []graph.Evidence{{Doc: "d1", Sentence: sentence, End: len(sentence), AttributedTo: attributed, Status: graph.Alleged}}})
		var b bytes.Buffer
		if err := Write(&b, "dot", g, Options{Title: title}); err != nil {
			t.Fatalf("Write: %v", err)
		}
		if !utf8.Valid(b.Bytes()) {
			t.Fatalf("DOT is not valid UTF-8")
		}
		p := &dotParser{src: b.String()}
		if err := p.parse(); err != nil {
			t.Fatalf("DOT does not parse: %v\n%s", err, b.String())
		}
		var nodes []string
		for _, n := range p.nodes {
			if !strings.HasPrefix(n, "legend:") {
				nodes = append(nodes, n)
			}
		}
		if len(nodes) != 2 {
			t.Fatalf("parsed nodes %q, want the 2 entities\n%s", nodes, b.String())
		}
		var edges []string
		for _, e := range p.edges {
			if !strings.HasPrefix(e[0], "legend:") {
				edges = append(edges, e[0]+" -> "+e[1])
			}
		}
		if len(edges) != 1 || !strings.Contains(edges[0], nodes[0]) && !strings.Contains(edges[0], nodes[1]) {
			t.Fatalf("parsed edges %q, want one between %q", edges, nodes)
		}
	})
}

// dotParser parses the subset of DOT's grammar kg writes (graph, subgraph,
// node, edge and attribute statements; IDs, quoted and HTML strings) and
// records the node and edge statements.
type dotParser struct {
	src   string
	pos   int
	nodes []string
	edges [][2]string
}

func (p *dotParser) parse() error {
	if kw, err := p.token(); err != nil || kw != "digraph" && kw != "graph" && kw != "strict" {
		return fmt.Errorf("starts with %q (%v), want digraph", kw, err)
	}
	tok, err := p.token()
	if err != nil {
		return err
	}
	if tok != "{" {
		if tok, err = p.token(); err != nil || tok != "{" {
			return fmt.Errorf("at %d: %q, want {", p.pos, tok)
		}
	}
	if err := p.stmts(); err != nil {
		return err
	}
	if tok, err := p.token(); err == nil {
		return fmt.Errorf("at %d: %q after the graph", p.pos, tok)
	}
	return nil
}

// stmts parses statements up to and including the closing brace.
func (p *dotParser) stmts() error {
	for {
		tok, err := p.token()
		if err != nil {
			return fmt.Errorf("unclosed {: %w", err)
		}
		switch tok {
		case "}":
			return nil
		case ";":
			continue
		case "graph", "node", "edge":
			if err := p.attrs(); err != nil {
				return err
			}
			continue
		case "subgraph":
			if tok, err = p.token(); err != nil {
				return err
			}
			if tok != "{" {
				if tok, err = p.token(); err != nil || tok != "{" {
					return fmt.Errorf("at %d: subgraph without {", p.pos)
				}
			}
			if err := p.stmts(); err != nil {
				return err
			}
			continue
		case "{", "[", "]", "=", ",", "->", "--":
			return fmt.Errorf("at %d: unexpected %q", p.pos, tok)
		}
		// tok is an ID: a node, an edge, or ID = ID.
		next, err := p.peek()
		if err != nil {
			return err
		}
		switch next {
		case "=":
			p.token()
			if v, err := p.token(); err != nil || isPunct(v) {
				return fmt.Errorf("at %d: %s = %q", p.pos, tok, v)
			}
		case "->", "--":
			p.token()
			to, err := p.token()
			if err != nil || isPunct(to) {
				return fmt.Errorf("at %d: edge to %q", p.pos, to)
			}
			p.edges = append(p.edges, [2]string{strings.TrimPrefix(tok, `"`), strings.TrimPrefix(to, `"`)})
			if next, _ := p.peek(); next == "[" {
				if err := p.attrs(); err != nil {
					return err
				}
			}
		default:
			p.nodes = append(p.nodes, strings.TrimPrefix(tok, `"`))
			if next == "[" {
				if err := p.attrs(); err != nil {
					return err
				}
			}
		}
	}
}

// attrs parses [a=b, c=d; ...].
func (p *dotParser) attrs() error {
	if tok, err := p.token(); err != nil || tok != "[" {
		return fmt.Errorf("at %d: %q, want [", p.pos, tok)
	}
	for {
		k, err := p.token()
		if err != nil {
			return err
		}
		if k == "]" {
			return nil
		}
		if k == "," || k == ";" {
			continue
		}
		if isPunct(k) {
			return fmt.Errorf("at %d: attribute name %q", p.pos, k)
		}
		if eq, err := p.token(); err != nil || eq != "=" {
			return fmt.Errorf("at %d: attribute %s without =", p.pos, k)
		}
		if v, err := p.token(); err != nil || isPunct(v) {
			return fmt.Errorf("at %d: attribute %s = %q", p.pos, k, v)
		}
	}
}

func isPunct(s string) bool {
	switch s {
	case "{", "}", "[", "]", "=", ",", ";", "->", "--":
		return true
	}
	return false
}

func (p *dotParser) peek() (string, error) {
	save := p.pos
	tok, err := p.token()
	p.pos = save
	return tok, err
}

// token returns the next token: punctuation, or an ID; a quoted string
// comes back unescaped (\" and \\) after one '"' that marks it as an ID,
// an HTML string as written.
func (p *dotParser) token() (string, error) {
	s := p.src
	for p.pos < len(s) {
		c := s[p.pos]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			p.pos++
			continue
		}
		if strings.HasPrefix(s[p.pos:], "//") || c == '#' {
			for p.pos < len(s) && s[p.pos] != '\n' {
				p.pos++
			}
			continue
		}
		if strings.HasPrefix(s[p.pos:], "/*") {
			end := strings.Index(s[p.pos+2:], "*/")
			if end < 0 {
				return "", fmt.Errorf("unclosed comment at %d", p.pos)
			}
			p.pos += end + 4
			continue
		}
		break
	}
	if p.pos >= len(s) {
		return "", fmt.Errorf("end of input")
	}
	start := p.pos
	switch c := s[p.pos]; {
	case strings.HasPrefix(s[p.pos:], "->"), strings.HasPrefix(s[p.pos:], "--"):
		p.pos += 2
		return s[start:p.pos], nil
	case strings.ContainsRune("{}[]=,;", rune(c)):
		p.pos++
		return s[start:p.pos], nil
	case c == '"':
		var b strings.Builder
		b.WriteByte('"') // marks an ID, whatever it holds: "," is not punctuation
		for p.pos++; p.pos < len(s); p.pos++ {
			switch ch := s[p.pos]; {
			case ch == '"':
				p.pos++
				return b.String(), nil
			case ch == '\\' && p.pos+1 < len(s) && (s[p.pos+1] == '"' || s[p.pos+1] == '\\'):
				p.pos++
				b.WriteByte(s[p.pos])
			case ch < 0x20 || ch == 0x7f:
				return "", fmt.Errorf("raw control byte %#x in a string at %d", ch, p.pos)
			default:
				b.WriteByte(ch)
			}
		}
		return "", fmt.Errorf("unclosed string at %d", start)
	case c == '<':
		depth := 0
		for ; p.pos < len(s); p.pos++ {
			switch s[p.pos] {
			case '<':
				depth++
			case '>':
				depth--
			}
			if depth == 0 {
				p.pos++
				return s[start:p.pos], nil
			}
		}
		return "", fmt.Errorf("unclosed HTML string at %d", start)
	default:
		for p.pos < len(s) {
			ch := s[p.pos]
			if ch == '_' || ch == '.' || ch == '-' && !strings.HasPrefix(s[p.pos:], "->") && !strings.HasPrefix(s[p.pos:], "--") ||
				ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= 0x80 {
				p.pos++
				continue
			}
			break
		}
		if p.pos == start {
			return "", fmt.Errorf("unexpected byte %q at %d", c, start)
		}
		return s[start:p.pos], nil
	}
}

// TestDOTParserRejects keeps the fuzz target's parser honest: it must
// refuse broken DOT.
func TestDOTParserRejects(t *testing.T) {
	for _, bad := range []string{
		`digraph kg { "a" [label="x] }`,
		`digraph kg { "a" [label="x"] `,
		"digraph kg { \"a\" [label=\"two\nlines\"] }",
		`digraph kg { "a" -> }`,
		`digraph kg { "a" [label=<b>x</b] }`,
		`digraph kg { "a" [label="x" tooltip] }`,
		`digraph kg { } }`,
	} {
		if err := (&dotParser{src: bad}).parse(); err == nil {
			t.Errorf("parser accepted %q", bad)
		}
	}
	good := `digraph kg { graph [label="a \"q\" \\"]; "a" [label=<<b>x</b>>]; "a" -> "b" [tooltip="t"]; subgraph cluster_x { "c"; } }`
	p := &dotParser{src: good}
	if err := p.parse(); err != nil || len(p.nodes) != 2 || len(p.edges) != 1 {
		t.Errorf("parse(%q) = %v, nodes %q, edges %q", good, err, p.nodes, p.edges)
	}
}
