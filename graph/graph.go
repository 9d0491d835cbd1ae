package graph

import (
	"cmp"
	"sort"
	"strings"
	"time"
)

// ID is an entity's readable, stable slug, unique within a database: "moussa-koussa".
type ID string

// DocID identifies a document: the hex SHA-256 of its cleaned body, so the
// same article ingested twice has the same id.
type DocID string

// Type is an entity's kind.
type Type string

// The entity types kg recognizes.
const (
	Person       Type = "person"
	Organization Type = "organization"
	Place        Type = "place"
	Event        Type = "event"
)

// Types lists every entity type in a fixed order.
var Types = []Type{Person, Organization, Place, Event}

// Valid reports whether t is one of Types.
func (t Type) Valid() bool {
	for _, x := range Types {
		if t == x {
			return true
		}
	}
	return false
}

// Predicate names a relation in kg's fixed vocabulary.
type Predicate string

// The predicate vocabulary (see ../shared/eval/SCHEMA.md for direction and typing).
const (
	Advised      Predicate = "advised"
	Accompanied  Predicate = "accompanied"
	AccusedOf    Predicate = "accused-of"
	Accused      Predicate = "accused"
	ConvictedOf  Predicate = "convicted-of"
	VictimOf     Predicate = "victim-of"
	DefectedFrom Predicate = "defected-from"
	MemberOf     Predicate = "member-of"
	FamilyOf     Predicate = "family-of"
	LocatedIn    Predicate = "located-in"
	TravelledTo  Predicate = "travelled-to"
	HeldAt       Predicate = "held-at"
	Ordered      Predicate = "ordered"
	Negotiated   Predicate = "negotiated"
	Met          Predicate = "met"
	OccurredIn   Predicate = "occurred-in"
	Killed       Predicate = "killed"
	LivesIn      Predicate = "lives-in"
)

// Predicates lists the whole vocabulary in a fixed order.
var Predicates = []Predicate{
	Advised, Accompanied, AccusedOf, Accused, ConvictedOf, VictimOf, DefectedFrom, MemberOf,
	FamilyOf, LocatedIn, TravelledTo, HeldAt, Ordered, Negotiated, Met, OccurredIn, Killed, LivesIn,
}

// Valid reports whether p is in the vocabulary.
func (p Predicate) Valid() bool {
	for _, x := range Predicates {
		if p == x {
			return true
		}
	}
	return false
}

// Symmetric reports whether p reads the same in both directions
// (accompanied, family-of, met).
func (p Predicate) Symmetric() bool {
	return p == Accompanied || p == FamilyOf || p == Met
}

// Status says how the text asserts a piece of evidence.
type Status string

// Evidence statuses. The zero value reads as Stated.
const (
	Stated     Status = "stated"
	Reported   Status = "reported"
	Alleged    Status = "alleged"
	Denied     Status = "denied"
	Speculated Status = "speculated"
)

// Asserted reports whether the text asserts the claim (it is not denied or speculation).
func (s Status) Asserted() bool { return s != Denied && s != Speculated }

// Entity is a person, organization, place or event.
type Entity struct {
	ID       ID                `json:"id"`
	Name     string            `json:"name"`
	Type     Type              `json:"type"`
	Aliases  []string          `json:"aliases"`
	Attrs    map[string]string `json:"attrs,omitempty"`
	Mentions int               `json:"mentions,omitempty"`
	Docs     []DocID           `json:"docs,omitempty"`
}

// Evidence is one sentence that states a relation.
type Evidence struct {
	Doc          DocID   `json:"doc"`
	Sentence     string  `json:"sentence"`
	Start        int     `json:"start"` // byte offset of the sentence in the document's cleaned body
	End          int     `json:"end"`
	Extractor    string  `json:"extractor,omitempty"` // the stage or rule that produced it, with its version
	Confidence   float64 `json:"confidence,omitempty"`
	Status       Status  `json:"status,omitempty"`
	AttributedTo string  `json:"attributed_to,omitempty"` // "rebels", "Mr Cameron"; empty when the text asserts it itself
	Date         string  `json:"date,omitempty"`          // a date the text gives for the fact, ISO where it can
}

// Key identifies a relation: its subject, predicate and object. Symmetric
// predicates are keyed with the smaller id first (see Canonical).
type Key struct {
	Subject   ID
	Predicate Predicate
	Object    ID
}

// Canonical returns k with subject and object ordered for a symmetric predicate.
func (k Key) Canonical() Key {
	if k.Predicate.Symmetric() && k.Object < k.Subject {
		k.Subject, k.Object = k.Object, k.Subject
	}
	return k
}

// Less orders keys by subject, predicate, object.
func (k Key) Less(o Key) bool { return k.Compare(o) < 0 }

// Compare orders keys as Less does, returning -1, 0 or +1, for
// slices.SortFunc and friends.
func (k Key) Compare(o Key) int {
	return cmp.Or(cmp.Compare(k.Subject, o.Subject), cmp.Compare(k.Predicate, o.Predicate), cmp.Compare(k.Object, o.Object))
}

// Relation is a subject-predicate-object triple with the evidence for it.
type Relation struct {
	Subject   ID                `json:"subject"`
	Predicate Predicate         `json:"predicate"`
	Object    ID                `json:"object"`
	Attrs     map[string]string `json:"attrs,omitempty"` // "role": "Oil minister", "kin": "brother-in-law"
	Evidence  []Evidence        `json:"evidence"`
}

// Key returns the relation's canonical key.
func (r Relation) Key() Key { return Key{r.Subject, r.Predicate, r.Object}.Canonical() }

// Status is the strongest status among the relation's evidence: stated if
// any record states it, and so on down to speculated.
func (r Relation) Status() Status {
	if len(r.Evidence) == 0 {
		return Stated
	}
	best := Denied
	for _, e := range r.Evidence {
		if statusRank(e.Status) > statusRank(best) {
			best = e.Status
		}
	}
	if best == "" {
		return Stated
	}
	return best
}

func statusRank(s Status) int {
	switch s {
	case Stated, "":
		return 5
	case Reported:
		return 4
	case Alleged:
		return 3
	case Speculated:
		return 2
	}
	return 1
}

// Document is one ingested article.
type Document struct {
	ID       DocID     `json:"id"`
	Source   string    `json:"source"` // the path or "-" it was read from
	Title    string    `json:"title,omitempty"`
	Date     string    `json:"date,omitempty"`
	Body     string    `json:"body,omitempty"` // the cleaned text that evidence offsets point into
	Ingested time.Time `json:"ingested"`
}

// Batch is what extraction makes of one document: its entities (with ids
// local to the batch) and relations between them. A store resolves the
// batch's entities against those it holds and writes it whole or not at all.
type Batch struct {
	Doc       Document
	Entities  []Entity
	Relations []Relation
}

// MergeEvidence adds to r the records of ev it does not hold yet (same
// document and offsets), keeping the records sorted.
func (r *Relation) MergeEvidence(ev ...Evidence) {
	for _, e := range ev {
		dup := false
		for _, have := range r.Evidence {
			if have.Doc == e.Doc && have.Start == e.Start && have.End == e.End {
				dup = true
				break
			}
		}
		if !dup {
			r.Evidence = append(r.Evidence, e)
		}
	}
	SortEvidence(r.Evidence)
}

// SortEvidence orders records by document, then offset.
func SortEvidence(ev []Evidence) {
	sort.SliceStable(ev, func(i, j int) bool {
		if ev[i].Doc != ev[j].Doc {
			return ev[i].Doc < ev[j].Doc
		}
		if ev[i].Start != ev[j].Start {
			return ev[i].Start < ev[j].Start
		}
		return ev[i].End < ev[j].End
	})
}

// AddAlias adds a surface form to e's aliases unless an equal one is there,
// keeping them sorted.
func (e *Entity) AddAlias(names ...string) {
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		found := false
		for _, a := range e.Aliases {
			if a == n {
				found = true
				break
			}
		}
		if !found {
			e.Aliases = append(e.Aliases, n)
		}
	}
	sort.Strings(e.Aliases)
}
