package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/kgraph/kg/extract/relclass"
	"github.com/kgraph/kg/graph"
)

// ErrInternal: extraction failed on a defect of kg's own (a panic on some
// text), not on the input; the error says where, for a bug report.
var ErrInternal = errors.New("internal error in extraction (please report it with the article)")

// Extractor turns articles into batches. It holds the models and
// gazetteers, loaded once by New, and is safe for concurrent use.
type Extractor struct {
	tagger tagger
	rel    *relclass.Model
}

// New loads the tagger, the relation classifier and gazetteers.
func New() (*Extractor, error) {
	t, err := loadTagger()
	if err != nil {
		return nil, fmt.Errorf("extract: load tagger: %w", err)
	}
	m, err := relclass.Load()
	if err != nil {
		return nil, fmt.Errorf("extract: load relation classifier: %w", err)
	}
	return &Extractor{tagger: t, rel: m}, nil
}

// Extract reads one article (plain text or HTML) and returns its document,
// entities and relations. source names where it came from: a path, or "-".
// Input that is empty, binary or holds no article text gives an error
// wrapping the extract/text sentinel that says so. A defect of the
// extractor's own that would panic on some text gives an error wrapping
// ErrInternal instead, so that one article cannot stop a whole ingest.
func (x *Extractor) Extract(source string, raw []byte) (_ graph.Batch, err error) {
	defer recoverInternal(source, &err)
	a, err := cleanArticle(raw, source)
	if err != nil {
		return graph.Batch{}, fmt.Errorf("extract %s: %w", source, err)
	}
	seg := segment(source, a)
	rec := x.recognize(seg)
	res := resolve(rec)
	rel := relate(res)
	rel.sourceLines()
	rel.learn(x.rel)
	return rel.batch(), nil
}

// recoverInternal, deferred, turns a panic into an error wrapping
// ErrInternal with the source and the stack.
func recoverInternal(source string, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("extract %s: %w: %v\n%s", source, ErrInternal, p, debug.Stack())
	}
}

// batch assembles the graph.Batch of a related article.
func (r related) batch() graph.Batch {
	sum := sha256.Sum256([]byte(r.Article.Body))
	doc := graph.Document{
		ID:     graph.DocID(hex.EncodeToString(sum[:])),
		Source: r.Source,
		Title:  r.Article.Title,
		Date:   r.Article.Date,
		Body:   r.Article.Body,
	}
	b := graph.Batch{Doc: doc}
	for _, e := range r.Entities {
		ge := graph.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Mentions: len(e.Mentions), Docs: []graph.DocID{doc.ID}}
		for a := range e.Aliases {
			ge.AddAlias(a)
		}
		if len(e.Attrs) > 0 {
			ge.Attrs = map[string]string{}
			for k, v := range e.Attrs {
				ge.Attrs[k] = v
			}
		}
		b.Entities = append(b.Entities, ge)
	}
	sort.Slice(b.Entities, func(i, j int) bool { return b.Entities[i].ID < b.Entities[j].ID })
	for _, rel := range r.Relations {
		rel := rel
		for i := range rel.Evidence {
			rel.Evidence[i].Doc = doc.ID
		}
		graph.SortEvidence(rel.Evidence)
		b.Relations = append(b.Relations, rel)
	}
	sort.Slice(b.Relations, func(i, j int) bool { return b.Relations[i].Key().Less(b.Relations[j].Key()) })
	return b
}
