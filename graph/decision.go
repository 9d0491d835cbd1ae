package graph

import (
	"fmt"
	"time"
)

// DecisionKind names what an analyst decided about the graph.
type DecisionKind string

// The decisions an analyst can make. Each is recorded, applied at once, and
// applied again to everything ingested later, until it is undone.
const (
	// DecideMerge: Object is the same entity as Subject; Object's names,
	// relations and evidence move to Subject and Object's id leads to it.
	DecideMerge DecisionKind = "merge"
	// DecideDistinct: Subject and Object are different entities; review does
	// not propose them again and ingest keeps their names apart.
	DecideDistinct DecisionKind = "distinct"
	// DecideAliasAdd: Name is another name of Subject.
	DecideAliasAdd DecisionKind = "alias-add"
	// DecideAliasRemove: Name is not a name of Subject; articles using it
	// no longer land on Subject.
	DecideAliasRemove DecisionKind = "alias-rm"
	// DecideRename: Subject is called Name, whatever articles call it.
	DecideRename DecisionKind = "rename"
	// DecideRetype: Subject is of Type; articles that give it Prior.Type
	// still land on it.
	DecideRetype DecisionKind = "retype"
	// DecideAddEntity: the analyst knows of Subject (Name, Type, Aliases).
	DecideAddEntity DecisionKind = "add-entity"
	// DecideAddRelation: Subject Predicate Object holds, with Note as its
	// evidence (see AnalystDoc).
	DecideAddRelation DecisionKind = "add-relation"
	// DecideRejectRelation: Subject Predicate Object does not hold; it is
	// removed and no document brings it back.
	DecideRejectRelation DecisionKind = "reject-relation"
	// DecideForget: the document Doc was retracted (recorded, not undoable:
	// ingest the article again instead).
	DecideForget DecisionKind = "forget"
	// DecideImport: entities and relations were imported from Name
	// (recorded, not undoable).
	DecideImport DecisionKind = "import"
)

// DecisionKinds lists every kind in a fixed order.
var DecisionKinds = []DecisionKind{
	DecideMerge, DecideDistinct, DecideAliasAdd, DecideAliasRemove, DecideRename, DecideRetype,
	DecideAddEntity, DecideAddRelation, DecideRejectRelation, DecideForget, DecideImport,
}

// Decision is one judgement of an analyst, kept in the database's decision
// log. Which fields are set depends on Kind (see the DecisionKind constants).
type Decision struct {
	Seq       uint64       `json:"id"` // its place in the log, from 1
	Date      time.Time    `json:"date"`
	Kind      DecisionKind `json:"kind"`
	Subject   ID           `json:"subject,omitempty"`
	Predicate Predicate    `json:"predicate,omitempty"`
	Object    ID           `json:"object,omitempty"`
	Name      string       `json:"name,omitempty"`
	Type      Type         `json:"type,omitempty"`
	Aliases   []string     `json:"aliases,omitempty"`
	Doc       DocID        `json:"doc,omitempty"`
	Note      string       `json:"note,omitempty"` // the analyst's source or reason
	Undone    bool         `json:"undone,omitempty"`
	UndoneAt  *time.Time   `json:"undone_at,omitempty"`
	// Prior is the state the decision replaced, kept so that it can be undone.
	Prior *Prior `json:"prior,omitempty"`
}

// Prior is what a decision changed, as it was before.
type Prior struct {
	Name         string     `json:"name,omitempty"`          // rename: the old name
	Type         Type       `json:"type,omitempty"`          // retype: the old type
	Entity       *Entity    `json:"entity,omitempty"`        // merge: the entity merged away
	Relations    []Relation `json:"relations,omitempty"`     // merge: its relations; reject-relation: the relation
	Aliases      []string   `json:"aliases,omitempty"`       // merge, rename: the names the kept entity gained
	Docs         []DocID    `json:"docs,omitempty"`          // merge: the documents the kept entity gained
	SubjectNames []string   `json:"subject_names,omitempty"` // distinct: both sides' names when decided
	ObjectNames  []string   `json:"object_names,omitempty"`
}

// AnalystExtractor is the Extractor of evidence an analyst gave (kg add relation).
const AnalystExtractor = "analyst"

// AnalystDoc is the document id of the evidence an analyst added with
// decision seq: "analyst:7". No document with that id is stored; the
// prefix keeps analyst notes apart from articles, whose ids are hex hashes,
// and the number keeps two notes on one relation apart.
func AnalystDoc(seq uint64) DocID { return DocID(fmt.Sprintf("analyst:%d", seq)) }

// Undoable reports whether a decision of this kind can be undone.
func (k DecisionKind) Undoable() bool { return k != DecideForget && k != DecideImport }

// Valid reports whether k is one of DecisionKinds.
func (k DecisionKind) Valid() bool {
	for _, x := range DecisionKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Involves reports whether the decision names entity id as its subject or
// object (merge, distinct, alias, rename, retype, add and reject).
func (d Decision) Involves(id ID) bool {
	if d.Kind == DecideForget || d.Kind == DecideImport {
		return false
	}
	return d.Subject == id || d.Object == id
}

// String describes the decision in a line: "merge musa-kusa into moussa-koussa".
func (d Decision) String() string {
	switch d.Kind {
	case DecideMerge:
		return fmt.Sprintf("merge %s into %s", d.Object, d.Subject)
	case DecideDistinct:
		return fmt.Sprintf("%s and %s are distinct", d.Subject, d.Object)
	case DecideAliasAdd:
		return fmt.Sprintf("alias %q added to %s", d.Name, d.Subject)
	case DecideAliasRemove:
		return fmt.Sprintf("alias %q removed from %s", d.Name, d.Subject)
	case DecideRename:
		old := ""
		if d.Prior != nil {
			old = fmt.Sprintf(" (was %q)", d.Prior.Name)
		}
		return fmt.Sprintf("rename %s to %q%s", d.Subject, d.Name, old)
	case DecideRetype:
		old := ""
		if d.Prior != nil {
			old = fmt.Sprintf(" (was %s)", d.Prior.Type)
		}
		return fmt.Sprintf("retype %s to %s%s", d.Subject, d.Type, old)
	case DecideAddEntity:
		return fmt.Sprintf("add %s %s %q", d.Type, d.Subject, d.Name)
	case DecideAddRelation:
		return fmt.Sprintf("add %s %s %s", d.Subject, d.Predicate, d.Object)
	case DecideRejectRelation:
		return fmt.Sprintf("reject %s %s %s", d.Subject, d.Predicate, d.Object)
	case DecideForget:
		return fmt.Sprintf("forget document %s %s", shortDoc(d.Doc), d.Name)
	case DecideImport:
		return fmt.Sprintf("import %s", d.Name)
	}
	return string(d.Kind)
}

func shortDoc(id DocID) string {
	if len(id) > 12 {
		return string(id[:12])
	}
	return string(id)
}
