package text

import (
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minReadable is the least text, in bytes, that counts as readability
// having found the article; below it Clean strips the whole page instead.
const minReadable = 200

// cleanHTML fills a from an HTML page: readability's article when it finds
// one, else the page's text with furniture removed by the plain-text
// classifier.
func cleanHTML(s string, a *Article) {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil { // html.Parse only fails on reader errors
		cleanPlain(s, a)
		return
	}
	meta := pageMeta(doc)
	parser := readability.NewParser()
	art, err := parser.ParseDocument(doc, nil)
	body := ""
	if err == nil && art.Node != nil {
		body = joinParagraphs(dropFurniture(blockText(art.Node)))
		if a.Title = strings.TrimSpace(art.Title()); a.Title == "" {
			a.Title = meta.title
		}
		if t, err := art.PublishedTime(); err == nil {
			a.Date = t.Format(time.DateOnly)
		}
	}
	if a.Title == "" {
		a.Title = meta.title
	}
	if a.Date == "" {
		a.Date = meta.date
	}
	if len(body) < minReadable {
		// readability mutates the tree; parse again for the fallback.
		doc, _ = html.Parse(strings.NewReader(s))
		paras := blockText(doc)
		var plain Article
		cleanLines(paras, &plain)
		if plain.Body != "" {
			body = plain.Body
		}
		if a.Date == "" {
			a.Date = plain.Date
		}
	}
	if a.Title != "" && body != "" && !strings.HasPrefix(body, a.Title) {
		body = a.Title + "\n\n" + body
	}
	a.Body = body
}

// dropFurniture removes the paragraphs readability leaves in that read as
// page furniture on their own: a bare date, a byline, a share prompt, a
// copyright line.
func dropFurniture(paras []string) []string {
	out := paras[:0]
	for _, p := range paras {
		if !measure(p).furniture {
			out = append(out, p)
		}
	}
	return out
}

type htmlMeta struct{ title, date string }

// pageMeta reads the <title>, og:title and a publication date from the
// page's meta tags and <time> elements.
func pageMeta(doc *html.Node) htmlMeta {
	var m htmlMeta
	var og string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = collapseSpace(textContent(n))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := attr(n, "content")
				switch {
				case key == "og:title" && og == "":
					og = collapseSpace(val)
				case m.date == "" && (strings.Contains(key, "published") || key == "date" ||
					strings.HasSuffix(key, "pubdate") || key == "dc.date" || key == "datepublished"):
					m.date = findDate(val)
				}
			case atom.Time:
				if m.date == "" {
					m.date = findDate(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if og != "" {
		m.title = og
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// skipped elements never contribute text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Head: true, atom.Select: true, atom.Option: true, atom.Button: true, atom.Canvas: true,
	atom.Audio: true, atom.Video: true, atom.Nav: true, atom.Form: true, atom.Input: true,
	atom.Textarea: true,
}

// blocks are elements that end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Figure: true,
	atom.Figcaption: true, atom.Main: true, atom.Br: true, atom.Hr: true, atom.Address: true,
	atom.Caption: true, atom.Details: true, atom.Summary: true, atom.Body: true, atom.Html: true,
}

// blockText returns the text of n's block elements, one string per
// paragraph, with whitespace collapsed and hidden or executable content
// left out.
func blockText(n *html.Node) []string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := collapseSpace(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.CommentNode, html.DoctypeNode:
			return
		case html.ElementNode:
			if skipped[n.DataAtom] || hidden(n) {
				return
			}
			// Unknown elements (custom tags) are treated as inline.
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode && (n.DataAtom == atom.Img) {
			cur.WriteByte(' ')
		}
	}
	walk(n)
	flush()
	return paras
}

func hidden(n *html.Node) bool {
	if _, ok := attrOK(n, "hidden"); ok {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func joinParagraphs(paras []string) string {
	return strings.Join(paras, "\n\n")
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\u2029', '\u200b', '\u3000', '\u2009', '\u202f':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
