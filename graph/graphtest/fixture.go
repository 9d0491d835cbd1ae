package graphtest

import (
	"fmt"
	"strings"
	"time"

	"github.com/kgraph/kg/graph"
)

// The fixture: three short articles (written for these tests) about a
// foreign minister's trip, as an extractor would hand them over. Batch ids
// are local to each batch; the graph must join them across documents:
//
//   - doc-a names "Moussa Koussa" (alias "Koussa"), his aide "Abdelati
//     Obeidi", "Muammar Gaddafi", the spokesman "Moussa Ibrahim" and London.
//   - doc-b spells them "Musa Kusa" and "Muammar Qaddafi" (transliterations
//     that must join), adds "Aisha Gaddafi" (a shared surname that must not
//     join), and repeats two relations with new evidence.
//   - doc-c has "Koussa" alone (a surname that must join), "Abdelati Obéidi"
//     with an accent, and two entities that land on one stored entity.
//
// Relations to an unknown id and self-loops are in the batches and must be
// dropped; symmetric relations are given against their canonical direction.
const (
	docA graph.DocID = "doc-a"
	docB graph.DocID = "doc-b"
	docC graph.DocID = "doc-c"
)

const (
	bodyA = "Moussa Koussa, the foreign minister, flew to London on Wednesday with his aide Abdelati Obeidi. " +
		"Koussa had advised Muammar Gaddafi for two decades. " +
		"Government spokesman Moussa Ibrahim said the minister was on a private trip."
	bodyB = "Musa Kusa arrived in London, officials said. " +
		"Musa Kusa was long an adviser to Muammar Qaddafi. " +
		"Qaddafi's daughter Aisha Gaddafi met Kusa before he left. " +
		"Moussa Ibrahim called the reports lies."
	bodyC = "Koussa later reached Tunisia. " +
		"Abdelati Obéidi stayed behind in Tripoli. " +
		"The National Transitional Council accused Koussa of abuses."
)

// ingestTime is the same for every document: the suite compares documents
// read back with those given.
var ingestTime = time.Date(2011, 3, 31, 12, 0, 0, 0, time.UTC)

// ev returns evidence for the sentence of body that starts with prefix.
func ev(doc graph.DocID, body, prefix string, st graph.Status) graph.Evidence {
	start := strings.Index(body, prefix)
	if start < 0 {
		panic(fmt.Sprintf("graphtest: %q not in %s", prefix, doc))
	}
	end := start + strings.Index(body[start:], ". ") + 1
	if end <= start {
		end = len(body)
	}
	return graph.Evidence{
		Doc: doc, Sentence: body[start:end], Start: start, End: end,
		Extractor: "graphtest/1", Confidence: 0.9, Status: st,
	}
}

func person(id graph.ID, name string, mentions int, doc graph.DocID, aliases ...string) graph.Entity {
	return graph.Entity{ID: id, Name: name, Type: graph.Person, Aliases: aliases, Mentions: mentions, Docs: []graph.DocID{doc}}
}

func entity(id graph.ID, name string, t graph.Type, doc graph.DocID, aliases ...string) graph.Entity {
	return graph.Entity{ID: id, Name: name, Type: t, Aliases: aliases, Mentions: 1, Docs: []graph.DocID{doc}}
}

func rel(s graph.ID, p graph.Predicate, o graph.ID, ev ...graph.Evidence) graph.Relation {
	return graph.Relation{Subject: s, Predicate: p, Object: o, Evidence: ev}
}

// BatchA, BatchB and BatchC return the fixture's batches, fresh each call.
func BatchA() graph.Batch {
	koussa := person("moussa-koussa", "Moussa Koussa", 2, docA, "Koussa")
	koussa.Attrs = map[string]string{"title": "Foreign Minister"}
	ibrahim := person("moussa-ibrahim", "Moussa Ibrahim", 1, docA)
	ibrahim.Attrs = map[string]string{"title": "spokesman"}
	return graph.Batch{
		Doc: graph.Document{ID: docA, Source: "a.txt", Title: "Minister flies to London", Date: "2011-03-30", Body: bodyA, Ingested: ingestTime},
		Entities: []graph.Entity{
			koussa,
			person("abdelati-obeidi", "Abdelati Obeidi", 1, docA),
			person("muammar-gaddafi", "Muammar Gaddafi", 1, docA),
			ibrahim,
			entity("london", "London", graph.Place, docA),
		},
		Relations: []graph.Relation{
			rel("moussa-koussa", graph.TravelledTo, "london", ev(docA, bodyA, "Moussa Koussa, the", graph.Stated)),
			// Symmetric, given against its canonical direction.
			rel("moussa-koussa", graph.Accompanied, "abdelati-obeidi", ev(docA, bodyA, "Moussa Koussa, the", graph.Stated)),
			rel("moussa-koussa", graph.Advised, "muammar-gaddafi", ev(docA, bodyA, "Koussa had", graph.Stated)),
			// Dropped: "ghost" is no entity of the batch.
			rel("moussa-ibrahim", graph.Met, "ghost", ev(docA, bodyA, "Government", graph.Stated)),
			// Dropped: a self-loop.
			rel("muammar-gaddafi", graph.Met, "muammar-gaddafi", ev(docA, bodyA, "Koussa had", graph.Stated)),
		},
	}
}

// BatchB is the second article: transliterated spellings of doc-a's people.
func BatchB() graph.Batch {
	daughter := rel("muammar-qaddafi", graph.FamilyOf, "aisha-gaddafi", ev(docB, bodyB, "Qaddafi's", graph.Stated))
	daughter.Attrs = map[string]string{"kin": "daughter"}
	return graph.Batch{
		Doc: graph.Document{ID: docB, Source: "b.html", Title: "Kusa in London", Body: bodyB, Ingested: ingestTime},
		Entities: []graph.Entity{
			person("musa-kusa", "Musa Kusa", 3, docB, "Kusa"),
			person("muammar-qaddafi", "Muammar Qaddafi", 2, docB, "Qaddafi"),
			person("aisha-gaddafi", "Aisha Gaddafi", 1, docB),
			person("moussa-ibrahim", "Moussa Ibrahim", 1, docB),
			entity("london", "London", graph.Place, docB),
		},
		Relations: []graph.Relation{
			rel("musa-kusa", graph.TravelledTo, "london", ev(docB, bodyB, "Musa Kusa arrived", graph.Reported)),
			// The same triple and sentence again: one evidence record.
			rel("musa-kusa", graph.TravelledTo, "london", ev(docB, bodyB, "Musa Kusa arrived", graph.Reported)),
			rel("musa-kusa", graph.Advised, "muammar-qaddafi", ev(docB, bodyB, "Musa Kusa was", graph.Stated)),
			rel("aisha-gaddafi", graph.Met, "musa-kusa", ev(docB, bodyB, "Qaddafi's", graph.Stated)),
			daughter,
		},
	}
}

// BatchC is the third article: a bare surname and an accented spelling.
func BatchC() graph.Batch {
	accused := rel("national-transitional-council", graph.Accused, "koussa", ev(docC, bodyC, "The National", graph.Alleged))
	return graph.Batch{
		Doc: graph.Document{ID: docC, Source: "c.txt", Body: bodyC, Ingested: ingestTime},
		Entities: []graph.Entity{
			person("koussa", "Koussa", 2, docC),
			person("moussa-koussa", "Moussa Koussa", 1, docC),
			person("abdelati-obeidi-c", "Abdelati Obéidi", 1, docC),
			entity("tunisia", "Tunisia", graph.Place, docC),
			entity("tripoli", "Tripoli", graph.Place, docC),
			entity("national-transitional-council", "National Transitional Council", graph.Organization, docC, "NTC"),
		},
		Relations: []graph.Relation{
			rel("koussa", graph.TravelledTo, "tunisia", ev(docC, bodyC, "Koussa later", graph.Stated)),
			rel("abdelati-obeidi-c", graph.LivesIn, "tripoli", ev(docC, bodyC, "Abdelati", graph.Stated)),
			accused,
		},
	}
}
