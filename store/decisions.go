package store

// Curation: the analyst's decisions (merge, split, aliases, rename, retype,
// added and rejected relations, distinct pairs), the retraction of a
// document (Forget) and the import of a graph from elsewhere (AddGraph).
//
// Every decision is applied at once, in the transaction that records it in
// the decision log (decision keys, keys.go), and again to every batch
// ingested later (policy, below): the analyst has the last word.
//
// Invariant: a decision and the changes it makes are written in one
// transaction; so are an undo and its changes.

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// Sentinel errors of curation. Errors also wrap graph.ErrNotFound when an
// entity, relation or document named does not exist.
var (
	// ErrNoDecision: no decision with that number in the log.
	ErrNoDecision = errors.New("no such decision")
	// ErrCannotUndo: the decision cannot be undone (already undone, of a
	// kind that cannot be, or the graph has moved on in a way that forbids it).
	ErrCannotUndo = errors.New("cannot undo")
	// ErrConflict: the decision contradicts the graph or an earlier decision.
	ErrConflict = errors.New("conflicting decision")
	// ErrInvalid: the decision lacks a field its kind needs, or has a bad one.
	ErrInvalid = errors.New("invalid decision")
)

// maxRedirects bounds how many merges a chain of redirects may go through.
const maxRedirects = 64

// now is the clock of the decision log (a variable for tests).
var now = func() time.Time { return time.Now().UTC().Truncate(time.Second) }

// ImportEvidenceDoc is the document id AddGraph gives the evidence record it
// adds to an imported relation that has none: imported facts are the
// importer's word. Re-importing the same relation adds no second record.
const ImportEvidenceDoc graph.DocID = "import"

// Decide applies d and records it in the decision log, in one transaction.
// The store fills in d.Seq, d.Date and d.Prior (the state it replaced), and
// resolves d.Subject and d.Object through earlier merges. It returns the
// decision as recorded.
//
// Forget and AddGraph record their own decisions; Decide refuses those kinds.
// It returns errors wrapping ErrInvalid, ErrConflict, graph.ErrNotFound and
// ErrReadOnly.
func (s *Store) Decide(d graph.Decision) (graph.Decision, error) {
	if s.readOnly {
		return d, fmt.Errorf("store: %s: %w", d.Kind, ErrReadOnly)
	}
	if !d.Kind.Valid() || !d.Kind.Undoable() {
		return d, fmt.Errorf("store: decide %q: %w: not a decision Decide makes", d.Kind, ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.Update(func(txn *badger.Txn) error {
		seq, err := nextDecision(txn)
		if err != nil {
			return err
		}
		d.Seq, d.Date, d.Undone, d.UndoneAt, d.Prior = seq, now(), false, nil, nil
		if err := applyDecision(txn, &d); err != nil {
			return err
		}
		return putDecision(txn, d)
	})
	if err != nil {
		return d, fmt.Errorf("store: %s: %w", d.Kind, err)
	}
	return d, nil
}

// Undo reverses decision seq and marks it undone, in one transaction.
// Undoing a merge splits the entities again: the merged entity comes back
// with its names and the relations and evidence it brought; evidence that
// articles ingested after the merge added stays with the kept entity.
//
// It returns errors wrapping ErrNoDecision and ErrCannotUndo.
func (s *Store) Undo(seq uint64) (graph.Decision, error) {
	var d graph.Decision
	if s.readOnly {
		return d, fmt.Errorf("store: undo %d: %w", seq, ErrReadOnly)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.Update(func(txn *badger.Txn) error {
		var (
			ok  bool
			err error
		)
		d, ok, err = getDecision(txn, seq)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%w %d: `kg log` lists them", ErrNoDecision, seq)
		}
		if d.Undone {
			return fmt.Errorf("%w: decision %d was undone on %s", ErrCannotUndo, seq, d.UndoneAt.Format(time.DateTime))
		}
		if !d.Kind.Undoable() {
			return fmt.Errorf("%w: decision %d (%s) is a record, not a judgement; ingest or forget the documents instead", ErrCannotUndo, seq, d.Kind)
		}
		if err := undoDecision(txn, d); err != nil {
			return err
		}
		t := now()
		d.Undone, d.UndoneAt = true, &t
		return putDecision(txn, d)
	})
	if err != nil {
		return d, fmt.Errorf("store: undo %d: %w", seq, err)
	}
	return d, nil
}

// Decisions yields the decision log in order, undone decisions included.
func (s *Store) Decisions() iter.Seq2[graph.Decision, error] {
	return scanValues(s, decisionPrefix(), func(k, v []byte) (graph.Decision, error) {
		seq, err := parseDecisionKey(k)
		if err != nil {
			return graph.Decision{}, err
		}
		return decodeDecision(seq, v)
	})
}

// ForgetResult says what Forget removed.
type ForgetResult struct {
	Doc       graph.DocID `json:"doc"`
	Source    string      `json:"source"`
	Evidence  int         `json:"evidence"`  // evidence records removed
	Relations int         `json:"relations"` // relations left without evidence, removed
	Entities  int         `json:"entities"`  // entities left without documents or relations, removed
	Decision  uint64      `json:"decision"`  // the forget decision recorded in the log
}

// Forget retracts document id: its evidence records go, then the relations
// left without evidence, then the entities that appeared in it and are left
// with no document, no relation and no analyst decision; the document goes
// last. Adjacency and alias keys go with what they index. All of it happens
// in one transaction, with a "forget" decision in the log. Mention counts
// are not lowered: they are not kept per document.
//
// It returns an error wrapping graph.ErrNotFound when no such document is stored.
func (s *Store) Forget(id graph.DocID) (ForgetResult, error) {
	res := ForgetResult{Doc: id}
	if s.readOnly {
		return res, fmt.Errorf("store: forget %s: %w", id, ErrReadOnly)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.Update(func(txn *badger.Txn) error {
		var err error
		res, err = forgetTxn(txn, id)
		return err
	})
	if err != nil {
		return ForgetResult{Doc: id}, fmt.Errorf("store: forget %s: %w", id, err)
	}
	return res, nil
}

func forgetTxn(txn *badger.Txn, id graph.DocID) (ForgetResult, error) {
	res := ForgetResult{Doc: id}
	doc, ok, err := getDocument(txn, id)
	if err != nil {
		return res, err
	}
	if !ok {
		return res, fmt.Errorf("document %s: %w", id, graph.ErrNotFound)
	}
	res.Source = doc.Source
	keys, err := docRelations(txn, id)
	if err != nil {
		return res, err
	}
	for _, k := range keys {
		n, deleted, err := removeRecords(txn, k, evidenceDocPrefix(k, id), func(e graph.Evidence) bool { return e.Doc == id })
		if err != nil {
			return res, err
		}
		res.Evidence += n
		if deleted {
			res.Relations++
		}
	}
	ents, err := collectValues(txn, entityPrefix(), func(k, v []byte) (graph.Entity, bool, error) {
		eid, err := parseEntityKey(k)
		if err != nil {
			return graph.Entity{}, false, err
		}
		e, err := decodeEntity(eid, v)
		if err != nil {
			return graph.Entity{}, false, err
		}
		return e, slices.Contains(e.Docs, id), nil
	})
	if err != nil {
		return res, err
	}
	decided, err := decidedEntities(txn)
	if err != nil {
		return res, err
	}
	for _, e := range ents {
		e.Docs = slices.DeleteFunc(slices.Clone(e.Docs), func(d graph.DocID) bool { return d == id })
		if len(e.Docs) == 0 && !decided[e.ID] {
			linked, err := hasEdges(txn, e.ID)
			if err != nil {
				return res, err
			}
			if !linked {
				if err := deleteEntity(txn, e.ID); err != nil {
					return res, err
				}
				res.Entities++
				continue
			}
		}
		if err := writeEntity(txn, e); err != nil {
			return res, err
		}
	}
	if err := txn.Delete(documentKey(id)); err != nil {
		return res, fmt.Errorf("delete document: %w", err)
	}
	seq, err := nextDecision(txn)
	if err != nil {
		return res, err
	}
	res.Decision = seq
	return res, putDecision(txn, graph.Decision{
		Seq: seq, Date: now(), Kind: graph.DecideForget, Doc: id, Name: doc.Source,
		Note: fmt.Sprintf("%d evidence records, %d relations, %d entities removed", res.Evidence, res.Relations, res.Entities),
	})
}

// GraphData is a graph from elsewhere for AddGraph: an export of kg, a
// curated list of officials. Entities without an id are matched by name
// against those stored (as Ingest matches an article's); relations name
// their ends by an id of the data or of the database, or by a name that
// resolves to one entity.
type GraphData struct {
	Entities  []graph.Entity
	Relations []graph.Relation
	Documents []graph.Document // documents the evidence cites (bodies may be empty)
	Source    string           // where it came from, for the decision log
}

// AddGraphResult says what AddGraph did.
type AddGraphResult struct {
	Entities    int    `json:"entities"`     // entities written (new or merged)
	NewEntities int    `json:"new_entities"` // entities the database did not hold
	Relations   int    `json:"relations"`    // relations written
	Evidence    int    `json:"evidence"`     // evidence records added
	Rejected    int    `json:"rejected"`     // relations left out: the analyst rejected them
	Documents   int    `json:"documents"`    // documents added
	Decision    uint64 `json:"decision"`     // the import decision recorded in the log
}

// AddGraph merges data into the database in one transaction, and records
// an "import" decision. An entity whose id is stored (or was merged away)
// merges into it: names, documents and attributes are united and the
// larger mention count kept, so importing the same data twice changes
// nothing. Relations merge their evidence; one without evidence gets a
// record with document ImportEvidenceDoc. Earlier decisions hold: rejected
// relations stay out, curated names and types stay.
//
// It returns an error wrapping ErrInvalid for a bad type, predicate or
// missing name, graph.ErrNotFound for a relation end it cannot find, and
// ErrTooBig when the data does not fit in one transaction (split the file).
func (s *Store) AddGraph(data GraphData) (AddGraphResult, error) {
	var res AddGraphResult
	if s.readOnly {
		return res, fmt.Errorf("store: import: %w", ErrReadOnly)
	}
	for _, e := range data.Entities {
		if strings.TrimSpace(e.Name) == "" && e.ID == "" {
			return res, fmt.Errorf("store: import: %w: an entity has neither id nor name", ErrInvalid)
		}
		if !e.Type.Valid() {
			return res, fmt.Errorf("store: import: entity %q: %w: type %q is not one of person, organization, place, event", nameOr(e), ErrInvalid, e.Type)
		}
	}
	for _, r := range data.Relations {
		if !r.Predicate.Valid() {
			return res, fmt.Errorf("store: import: relation %s %s %s: %w: unknown predicate", r.Subject, r.Predicate, r.Object, ErrInvalid)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.db.Update(func(txn *badger.Txn) error {
		var err error
		res, err = addGraphTxn(txn, data)
		return err
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		return AddGraphResult{}, fmt.Errorf("store: import %s: %w: %d entities and %d relations exceed one transaction; split the file (JSON Lines splits by line) and import the parts",
			data.Source, ErrTooBig, len(data.Entities), len(data.Relations))
	}
	if err != nil {
		return AddGraphResult{}, fmt.Errorf("store: import %s: %w", data.Source, err)
	}
	return res, nil
}

// importMerge folds an imported entity into the stored one with the same
// id: the stored name and type stay, names, documents and attributes are
// united, and the larger mention count kept, so that importing twice
// changes nothing.
func importMerge(old, e graph.Entity) graph.Entity {
	out := old
	out.Aliases = slices.Clone(old.Aliases)
	if e.Name != old.Name {
		out.AddAlias(e.Name)
	}
	out.AddAlias(e.Aliases...)
	out.Mentions = max(old.Mentions, e.Mentions)
	for k, v := range e.Attrs {
		if _, ok := old.Attrs[k]; !ok {
			if out.Attrs == nil || len(out.Attrs) == len(old.Attrs) {
				out.Attrs = maps.Clone(old.Attrs)
				if out.Attrs == nil {
					out.Attrs = map[string]string{}
				}
			}
			out.Attrs[k] = v
		}
	}
	out.Docs = slices.Clone(old.Docs)
	for _, d := range e.Docs {
		if !slices.Contains(out.Docs, d) {
			out.Docs = append(out.Docs, d)
		}
	}
	slices.Sort(out.Docs)
	return out
}

func nameOr(e graph.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return string(e.ID)
}

func addGraphTxn(txn *badger.Txn, data GraphData) (AddGraphResult, error) {
	var res AddGraphResult
	pol, err := loadPolicy(txn)
	if err != nil {
		return res, err
	}
	ids := map[graph.ID]graph.ID{} // the data's ids -> the database's
	byName := map[string]graph.ID{}
	for _, e := range data.Entities {
		if e.Name == "" {
			e.Name = string(e.ID)
		}
		var id graph.ID
		if e.ID != "" {
			if id, err = follow(txn, e.ID); err != nil {
				return res, err
			}
		} else {
			plan, err := graph.PlanBatch(graph.Batch{Entities: []graph.Entity{{ID: graph.Slug(e.Name), Name: e.Name, Type: e.Type, Aliases: e.Aliases}}}, txnIndex{txn})
			if err != nil {
				return res, fmt.Errorf("resolve %q: %w", e.Name, err)
			}
			id = plan[graph.Slug(e.Name)]
		}
		old, exists, err := getEntity(txn, id)
		if err != nil {
			return res, err
		}
		e.ID = id
		if exists {
			e = importMerge(old, e)
		} else {
			res.NewEntities++
		}
		pol.curate(&e)
		if err := writeEntity(txn, e); err != nil {
			return res, err
		}
		res.Entities++
		if k := graph.NameKey(e.Name); k != "" {
			byName[k] = id
		}
		for _, n := range e.Aliases {
			if k := graph.NameKey(n); k != "" {
				if _, taken := byName[k]; !taken {
					byName[k] = id
				}
			}
		}
	}
	for _, e := range data.Entities {
		if e.ID != "" {
			ids[e.ID], _ = follow(txn, e.ID)
		}
	}
	for _, d := range data.Documents {
		if d.ID == "" {
			continue
		}
		_, have, err := getDocument(txn, d.ID)
		if err != nil {
			return res, err
		}
		if have {
			continue
		}
		v, err := encodeDocument(d)
		if err != nil {
			return res, err
		}
		if err := txn.Set(documentKey(d.ID), v); err != nil {
			return res, fmt.Errorf("put document: %w", err)
		}
		res.Documents++
	}
	end := func(ref graph.ID) (graph.ID, error) {
		if id, ok := ids[ref]; ok {
			return id, nil
		}
		if id, ok := byName[graph.NameKey(string(ref))]; ok {
			return id, nil
		}
		id, err := follow(txn, ref)
		if err != nil {
			return "", err
		}
		if _, ok, err := getEntity(txn, id); err != nil || ok {
			return id, err
		}
		for _, k := range graph.LookupKeys(string(ref)) {
			found, err := lookup(txn, k)
			if err != nil {
				return "", err
			}
			if len(found) == 1 {
				return found[0], nil
			}
			if len(found) > 1 {
				return "", fmt.Errorf("%w: %q names %d entities (%s); give an id", ErrInvalid, ref, len(found), joinIDs(found))
			}
		}
		return "", fmt.Errorf("no entity %q in the data or the database: %w", ref, graph.ErrNotFound)
	}
	for _, r := range data.Relations {
		var err error
		if r.Subject, err = end(r.Subject); err != nil {
			return res, fmt.Errorf("relation subject: %w", err)
		}
		if r.Object, err = end(r.Object); err != nil {
			return res, fmt.Errorf("relation object: %w", err)
		}
		if r.Subject == r.Object {
			continue
		}
		if pol.rejects(r.Key()) {
			res.Rejected++
			continue
		}
		if len(r.Evidence) == 0 {
			r.Evidence = []graph.Evidence{{Doc: ImportEvidenceDoc, Sentence: "imported from " + data.Source, Extractor: "import", Confidence: 1}}
		}
		added, err := putRelation(txn, r)
		if err != nil {
			return res, err
		}
		res.Relations++
		res.Evidence += added
	}
	seq, err := nextDecision(txn)
	if err != nil {
		return res, err
	}
	res.Decision = seq
	return res, putDecision(txn, graph.Decision{
		Seq: seq, Date: now(), Kind: graph.DecideImport, Name: data.Source,
		Note: fmt.Sprintf("%d entities (%d new), %d relations, %d documents", res.Entities, res.NewEntities, res.Relations, res.Documents),
	})
}

func joinIDs(ids []graph.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = string(id)
	}
	return strings.Join(s, ", ")
}

// applyDecision makes the change d stands for and fills in d.Prior.
func applyDecision(txn *badger.Txn, d *graph.Decision) error {
	switch d.Kind {
	case graph.DecideMerge:
		return applyMerge(txn, d)
	case graph.DecideDistinct:
		return applyDistinct(txn, d)
	case graph.DecideAliasAdd, graph.DecideAliasRemove, graph.DecideRename, graph.DecideRetype:
		return applyEntityEdit(txn, d)
	case graph.DecideAddEntity:
		return applyAddEntity(txn, d)
	case graph.DecideAddRelation:
		return applyAddRelation(txn, d)
	case graph.DecideRejectRelation:
		return applyReject(txn, d)
	}
	return fmt.Errorf("%w: kind %q", ErrInvalid, d.Kind)
}

// liveEntity follows id through merges to the entity that holds it now.
func liveEntity(txn *badger.Txn, id graph.ID) (graph.Entity, error) {
	if id == "" {
		return graph.Entity{}, fmt.Errorf("%w: no entity given", ErrInvalid)
	}
	to, err := follow(txn, id)
	if err != nil {
		return graph.Entity{}, err
	}
	e, ok, err := getEntity(txn, to)
	if err != nil {
		return graph.Entity{}, err
	}
	if !ok {
		return graph.Entity{}, fmt.Errorf("entity %q: %w", id, graph.ErrNotFound)
	}
	return e, nil
}

func applyMerge(txn *badger.Txn, d *graph.Decision) error {
	a, err := liveEntity(txn, d.Subject)
	if err != nil {
		return err
	}
	b, err := liveEntity(txn, d.Object)
	if err != nil {
		return err
	}
	if a.ID == b.ID {
		return fmt.Errorf("%w: %s and %s are already one entity (%s)", ErrConflict, d.Subject, d.Object, a.ID)
	}
	if seq, err := distinctDecision(txn, a.ID, b.ID); err != nil {
		return err
	} else if seq != 0 {
		return fmt.Errorf("%w: decision %d says %s and %s are distinct; undo it first (kg log undo %d)", ErrConflict, seq, a.ID, b.ID, seq)
	}
	d.Subject, d.Object = a.ID, b.ID
	rels, err := relationsOf(txn, b.ID)
	if err != nil {
		return err
	}
	prior := &graph.Prior{Entity: &b, Relations: rels}
	have := map[string]bool{a.Name: true}
	for _, n := range a.Aliases {
		have[n] = true
	}
	for _, n := range append([]string{b.Name}, b.Aliases...) {
		if n = strings.TrimSpace(n); n != "" && !have[n] {
			have[n] = true
			prior.Aliases = append(prior.Aliases, n)
		}
	}
	for _, doc := range b.Docs {
		if !slices.Contains(a.Docs, doc) {
			prior.Docs = append(prior.Docs, doc)
		}
	}
	merged := graph.MergeEntity(a, b)
	merged.Name, merged.Type = a.Name, a.Type // the analyst named the entity to keep
	merged.Aliases = slices.DeleteFunc(merged.Aliases, func(n string) bool { return n == a.Name && !slices.Contains(a.Aliases, n) })
	merged.AddAlias(b.Name)
	pol, err := loadPolicy(txn)
	if err != nil {
		return err
	}
	if err := deleteEntity(txn, b.ID); err != nil {
		return err
	}
	if err := writeEntity(txn, merged); err != nil {
		return err
	}
	for _, r := range rels {
		if err := deleteRelation(txn, r.Key()); err != nil {
			return err
		}
		moved := r
		moved.Subject, moved.Object = swapID(r.Subject, b.ID, a.ID), swapID(r.Object, b.ID, a.ID)
		if moved.Subject == moved.Object || pol.rejects(moved.Key()) {
			continue
		}
		if _, err := putRelation(txn, moved); err != nil {
			return err
		}
	}
	if err := txn.Set(redirectKey(b.ID), []byte(a.ID)); err != nil {
		return fmt.Errorf("put redirect %s: %w", b.ID, err)
	}
	d.Prior = prior
	return nil
}

func swapID(id, from, to graph.ID) graph.ID {
	if id == from {
		return to
	}
	return id
}

// undoMerge splits a merge: the merged-away entity comes back as it was,
// with its relations and their evidence, and the kept entity loses the
// names, documents and evidence it gained from it.
func undoMerge(txn *badger.Txn, d graph.Decision) error {
	keep, gone := d.Subject, d.Object
	if d.Prior == nil || d.Prior.Entity == nil {
		return fmt.Errorf("%w: decision %d kept no copy of %s", ErrCannotUndo, d.Seq, gone)
	}
	to, ok, err := getRedirect(txn, gone)
	if err != nil {
		return err
	}
	if !ok || to != keep {
		return fmt.Errorf("%w: %s no longer leads to %s", ErrCannotUndo, gone, keep)
	}
	a, ok, err := getEntity(txn, keep)
	if err != nil {
		return err
	}
	if !ok {
		if next, merged, _ := getRedirect(txn, keep); merged {
			return fmt.Errorf("%w: %s was merged into %s since; split that first", ErrCannotUndo, keep, next)
		}
		return fmt.Errorf("%w: %s is gone", ErrCannotUndo, keep)
	}
	if err := txn.Delete(redirectKey(gone)); err != nil {
		return fmt.Errorf("delete redirect %s: %w", gone, err)
	}
	for _, r := range d.Prior.Relations {
		other := r.Object
		if other == gone {
			other = r.Subject
		}
		otherNow := other
		if other != keep {
			if otherNow, err = follow(txn, other); err != nil {
				return err
			}
		}
		moved := r
		moved.Subject, moved.Object = swapID(r.Subject, gone, keep), swapID(r.Object, gone, keep)
		moved.Subject, moved.Object = swapID(moved.Subject, other, otherNow), swapID(moved.Object, other, otherNow)
		if moved.Subject != moved.Object {
			if err := removeEvidence(txn, moved.Key(), func(e graph.Evidence) bool {
				return slices.ContainsFunc(r.Evidence, func(x graph.Evidence) bool { return sameRecord(x, e) })
			}); err != nil {
				return err
			}
		}
		back := r
		back.Subject, back.Object = swapID(r.Subject, other, otherNow), swapID(r.Object, other, otherNow)
		if _, ok, err := getEntity(txn, otherNow); err != nil {
			return err
		} else if !ok && otherNow != keep {
			continue // the other end was forgotten since
		}
		if _, err := putRelation(txn, back); err != nil {
			return err
		}
	}
	a.Aliases = slices.DeleteFunc(slices.Clone(a.Aliases), func(n string) bool { return slices.Contains(d.Prior.Aliases, n) })
	a.Docs = slices.DeleteFunc(slices.Clone(a.Docs), func(doc graph.DocID) bool { return slices.Contains(d.Prior.Docs, doc) })
	a.Mentions = max(0, a.Mentions-d.Prior.Entity.Mentions)
	if err := writeEntity(txn, a); err != nil {
		return err
	}
	return writeEntity(txn, *d.Prior.Entity)
}

func sameRecord(a, b graph.Evidence) bool {
	return a.Doc == b.Doc && a.Start == b.Start && a.End == b.End
}

// removeEvidence drops the records of relation k that drop selects and
// deletes the relation when none is left. A missing relation is no error.
func removeEvidence(txn *badger.Txn, k graph.Key, drop func(graph.Evidence) bool) error {
	_, _, err := removeRecords(txn, k, evidencePrefix(k), drop)
	return err
}

func applyDistinct(txn *badger.Txn, d *graph.Decision) error {
	a, err := liveEntity(txn, d.Subject)
	if err != nil {
		return err
	}
	b, err := liveEntity(txn, d.Object)
	if err != nil {
		return err
	}
	if a.ID == b.ID {
		return fmt.Errorf("%w: %s and %s are one entity (%s); split them first (kg split)", ErrConflict, d.Subject, d.Object, a.ID)
	}
	d.Subject, d.Object = a.ID, b.ID
	d.Prior = &graph.Prior{SubjectNames: names(a), ObjectNames: names(b)}
	return nil
}

func names(e graph.Entity) []string {
	out := []string{e.Name}
	for _, n := range e.Aliases {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// applyEntityEdit handles alias-add, alias-rm, rename and retype.
func applyEntityEdit(txn *badger.Txn, d *graph.Decision) error {
	e, err := liveEntity(txn, d.Subject)
	if err != nil {
		return err
	}
	d.Subject = e.ID
	d.Name = strings.TrimSpace(d.Name)
	switch d.Kind {
	case graph.DecideAliasAdd:
		if graph.NameKey(d.Name) == "" {
			return fmt.Errorf("%w: an alias needs letters or digits", ErrInvalid)
		}
		if d.Name == e.Name || slices.Contains(e.Aliases, d.Name) {
			return fmt.Errorf("%w: %s already has the name %q", ErrConflict, e.ID, d.Name)
		}
		e.AddAlias(d.Name)
	case graph.DecideAliasRemove:
		key := graph.NameKey(d.Name)
		if key == graph.NameKey(e.Name) {
			return fmt.Errorf("%w: %q is the name of %s, not an alias; rename it first", ErrConflict, d.Name, e.ID)
		}
		before := len(e.Aliases)
		e.Aliases = slices.DeleteFunc(e.Aliases, func(n string) bool { return graph.NameKey(n) == key })
		if len(e.Aliases) == before {
			return fmt.Errorf("%s has no alias %q (aliases: %s): %w", e.ID, d.Name, strings.Join(e.Aliases, ", "), graph.ErrNotFound)
		}
	case graph.DecideRename:
		if graph.NameKey(d.Name) == "" {
			return fmt.Errorf("%w: a name needs letters or digits", ErrInvalid)
		}
		if d.Name == e.Name {
			return fmt.Errorf("%w: %s is already called %q", ErrConflict, e.ID, d.Name)
		}
		d.Prior = &graph.Prior{Name: e.Name}
		if !slices.Contains(e.Aliases, e.Name) {
			e.AddAlias(e.Name) // the old spelling still finds it
			d.Prior.Aliases = []string{e.Name}
		}
		e.Name = d.Name
	case graph.DecideRetype:
		if !d.Type.Valid() {
			return fmt.Errorf("%w: type %q is not one of person, organization, place, event", ErrInvalid, d.Type)
		}
		if d.Type == e.Type {
			return fmt.Errorf("%w: %s is already a %s", ErrConflict, e.ID, e.Type)
		}
		d.Prior = &graph.Prior{Type: e.Type}
		e.Type = d.Type
	}
	return writeEntity(txn, e)
}

func undoEntityEdit(txn *badger.Txn, d graph.Decision) error {
	e, err := liveEntity(txn, d.Subject)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCannotUndo, err)
	}
	switch d.Kind {
	case graph.DecideAliasAdd:
		e.Aliases = slices.DeleteFunc(e.Aliases, func(n string) bool { return n == d.Name })
	case graph.DecideAliasRemove:
		e.AddAlias(d.Name)
	case graph.DecideRename:
		if e.Name != d.Name {
			return fmt.Errorf("%w: %s is called %q now, not %q", ErrCannotUndo, e.ID, e.Name, d.Name)
		}
		e.Aliases = slices.DeleteFunc(e.Aliases, func(n string) bool { return slices.Contains(d.Prior.Aliases, n) })
		e.AddAlias(d.Name)
		e.Name = d.Prior.Name
	case graph.DecideRetype:
		if e.Type != d.Type {
			return fmt.Errorf("%w: %s is a %s now, not a %s", ErrCannotUndo, e.ID, e.Type, d.Type)
		}
		e.Type = d.Prior.Type
	}
	return writeEntity(txn, e)
}

func applyAddEntity(txn *badger.Txn, d *graph.Decision) error {
	d.Name = strings.TrimSpace(d.Name)
	if graph.NameKey(d.Name) == "" {
		return fmt.Errorf("%w: an entity needs a name with letters or digits", ErrInvalid)
	}
	if !d.Type.Valid() {
		return fmt.Errorf("%w: type %q is not one of person, organization, place, event", ErrInvalid, d.Type)
	}
	same, err := lookup(txn, "n:"+graph.NameKey(d.Name))
	if err != nil {
		return err
	}
	for _, id := range same {
		if e, ok, err := getEntity(txn, id); err != nil {
			return err
		} else if ok && e.Type == d.Type {
			return fmt.Errorf("%w: %s %q already names %s; add a spelling with `kg alias add`", ErrConflict, d.Type, d.Name, id)
		}
	}
	id, err := freeID(txn, graph.Slug(d.Name), nil)
	if err != nil {
		return err
	}
	d.Subject = id
	e := graph.Entity{ID: id, Name: d.Name, Type: d.Type}
	e.AddAlias(d.Aliases...)
	return writeEntity(txn, e)
}

// freeID returns base, or base-2, base-3...: the first that no entity,
// redirect or taken holds.
func freeID(txn *badger.Txn, base graph.ID, taken map[graph.ID]bool) (graph.ID, error) {
	for n := 1; ; n++ {
		id := base
		if n > 1 {
			id = graph.ID(fmt.Sprintf("%s-%d", base, n))
		}
		if taken[id] {
			continue
		}
		_, used, err := getEntity(txn, id)
		if err != nil {
			return "", err
		}
		_, merged, err := getRedirect(txn, id)
		if err != nil {
			return "", err
		}
		if !used && !merged {
			return id, nil
		}
	}
}

func undoAddEntity(txn *badger.Txn, d graph.Decision) error {
	e, ok, err := getEntity(txn, d.Subject)
	if err != nil {
		return err
	}
	if !ok {
		return nil // merged or gone: nothing of it to remove
	}
	linked, err := hasEdges(txn, e.ID)
	if err != nil {
		return err
	}
	if linked || len(e.Docs) > 0 {
		return fmt.Errorf("%w: %s now has relations or documents; remove them first", ErrCannotUndo, e.ID)
	}
	return deleteEntity(txn, e.ID)
}

// relationEnds resolves a decision's subject and object through merges and
// checks the predicate, returning the canonical key.
func relationEnds(txn *badger.Txn, d *graph.Decision) (graph.Key, error) {
	if !d.Predicate.Valid() {
		return graph.Key{}, fmt.Errorf("%w: unknown predicate %q", ErrInvalid, d.Predicate)
	}
	s, err := liveEntity(txn, d.Subject)
	if err != nil {
		return graph.Key{}, err
	}
	o, err := liveEntity(txn, d.Object)
	if err != nil {
		return graph.Key{}, err
	}
	if s.ID == o.ID {
		return graph.Key{}, fmt.Errorf("%w: a relation needs two different entities (%s)", ErrInvalid, s.ID)
	}
	k := graph.Key{Subject: s.ID, Predicate: d.Predicate, Object: o.ID}.Canonical()
	d.Subject, d.Object = k.Subject, k.Object
	return k, nil
}

func applyAddRelation(txn *badger.Txn, d *graph.Decision) error {
	k, err := relationEnds(txn, d)
	if err != nil {
		return err
	}
	if strings.TrimSpace(d.Note) == "" {
		return fmt.Errorf("%w: say where the fact comes from (--source)", ErrInvalid)
	}
	pol, err := loadPolicy(txn)
	if err != nil {
		return err
	}
	if seq := pol.rejected[k]; seq != 0 {
		return fmt.Errorf("%w: decision %d rejected %s %s %s; undo it instead (kg log undo %d)", ErrConflict, seq, k.Subject, k.Predicate, k.Object, seq)
	}
	_, err = putRelation(txn, graph.Relation{Subject: k.Subject, Predicate: k.Predicate, Object: k.Object, Evidence: []graph.Evidence{{
		Doc: graph.AnalystDoc(d.Seq), Sentence: d.Note, Extractor: graph.AnalystExtractor, Confidence: 1, Status: graph.Stated,
	}}})
	return err
}

func undoAddRelation(txn *badger.Txn, d graph.Decision) error {
	s, err := follow(txn, d.Subject)
	if err != nil {
		return err
	}
	o, err := follow(txn, d.Object)
	if err != nil {
		return err
	}
	doc := graph.AnalystDoc(d.Seq)
	return removeEvidence(txn, graph.Key{Subject: s, Predicate: d.Predicate, Object: o}.Canonical(),
		func(e graph.Evidence) bool { return e.Doc == doc })
}

func applyReject(txn *badger.Txn, d *graph.Decision) error {
	k, err := relationEnds(txn, d)
	if err != nil {
		return err
	}
	r, ok, err := getRelation(txn, k)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("relation %s %s %s: %w", k.Subject, k.Predicate, k.Object, graph.ErrNotFound)
	}
	d.Prior = &graph.Prior{Relations: []graph.Relation{r}}
	return deleteRelation(txn, k)
}

func undoReject(txn *badger.Txn, d graph.Decision) error {
	if d.Prior == nil {
		return nil
	}
	for _, r := range d.Prior.Relations {
		var err error
		if r.Subject, err = follow(txn, r.Subject); err != nil {
			return err
		}
		if r.Object, err = follow(txn, r.Object); err != nil {
			return err
		}
		_, sok, err := getEntity(txn, r.Subject)
		if err != nil {
			return err
		}
		_, ook, err := getEntity(txn, r.Object)
		if err != nil {
			return err
		}
		if !sok || !ook || r.Subject == r.Object {
			continue
		}
		if _, err := putRelation(txn, r); err != nil {
			return err
		}
	}
	return nil
}

func undoDecision(txn *badger.Txn, d graph.Decision) error {
	switch d.Kind {
	case graph.DecideMerge:
		return undoMerge(txn, d)
	case graph.DecideDistinct:
		return nil
	case graph.DecideAliasAdd, graph.DecideAliasRemove, graph.DecideRename, graph.DecideRetype:
		return undoEntityEdit(txn, d)
	case graph.DecideAddEntity:
		return undoAddEntity(txn, d)
	case graph.DecideAddRelation:
		return undoAddRelation(txn, d)
	case graph.DecideRejectRelation:
		return undoReject(txn, d)
	}
	return fmt.Errorf("%w: decision %d of kind %q", ErrCannotUndo, d.Seq, d.Kind)
}

// policy is what the active decisions ask of every batch ingested later.
type policy struct {
	rejected map[graph.Key]uint64 // canonical keys, ends followed through merges -> decision
	names    map[graph.ID]string  // curated names
	types    map[graph.ID]typePin // curated types
	// notNames: names (NameKey) that do not belong to an entity, and the
	// entity they belong to instead ("" when none: a removed alias).
	notNames map[graph.ID]map[string]graph.ID
}

type typePin struct{ to, from graph.Type }

// loadPolicy reads the active decisions in log order; a later decision
// overrides an earlier one about the same thing.
func loadPolicy(txn *badger.Txn) (*policy, error) {
	p := &policy{
		rejected: map[graph.Key]uint64{},
		names:    map[graph.ID]string{},
		types:    map[graph.ID]typePin{},
		notNames: map[graph.ID]map[string]graph.ID{},
	}
	notName := func(id graph.ID, key string, owner graph.ID) {
		if key == "" {
			return
		}
		if p.notNames[id] == nil {
			p.notNames[id] = map[string]graph.ID{}
		}
		p.notNames[id][key] = owner
	}
	ds, err := activeDecisions(txn)
	if err != nil {
		return nil, err
	}
	for _, d := range ds {
		switch d.Kind {
		case graph.DecideRejectRelation:
			s, err := follow(txn, d.Subject)
			if err != nil {
				return nil, err
			}
			o, err := follow(txn, d.Object)
			if err != nil {
				return nil, err
			}
			p.rejected[graph.Key{Subject: s, Predicate: d.Predicate, Object: o}.Canonical()] = d.Seq
		case graph.DecideRename:
			p.names[d.Subject] = d.Name
		case graph.DecideRetype:
			if d.Prior != nil {
				p.types[d.Subject] = typePin{to: d.Type, from: d.Prior.Type}
			}
		case graph.DecideAliasRemove:
			notName(d.Subject, graph.NameKey(d.Name), "")
		case graph.DecideAliasAdd:
			delete(p.notNames[d.Subject], graph.NameKey(d.Name))
		case graph.DecideDistinct:
			if d.Prior == nil {
				continue
			}
			own := func(ns []string) map[string]bool {
				m := map[string]bool{}
				for _, n := range ns {
					m[graph.NameKey(n)] = true
				}
				return m
			}
			a, b := own(d.Prior.SubjectNames), own(d.Prior.ObjectNames)
			for k := range b {
				if !a[k] {
					notName(d.Subject, k, d.Object)
				}
			}
			for k := range a {
				if !b[k] {
					notName(d.Object, k, d.Subject)
				}
			}
		}
	}
	return p, nil
}

// rejects reports whether the analyst rejected the relation with key k.
func (p *policy) rejects(k graph.Key) bool {
	return p != nil && p.rejected[k.Canonical()] != 0
}

// retype gives a batch entity the curated type of the stored entity one of
// its names exactly names, when the batch has the type the analyst
// corrected: an extractor that keeps calling a person an organization
// still lands on the person. It returns b with a copied entity slice when
// it changes anything.
func (p *policy) retype(txn *badger.Txn, b graph.Batch) (graph.Batch, error) {
	if p == nil || len(p.types) == 0 {
		return b, nil
	}
	copied := false
	for i, e := range b.Entities {
	names:
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			ids, err := lookup(txn, "n:"+graph.NameKey(n))
			if err != nil {
				return b, err
			}
			for _, id := range ids {
				if pin, ok := p.types[id]; ok && pin.from == e.Type {
					if !copied {
						b.Entities = slices.Clone(b.Entities)
						copied = true
					}
					b.Entities[i].Type = pin.to
					break names
				}
			}
		}
	}
	return b, nil
}

// replan moves a batch entity off the stored entity PlanBatch chose when its
// name is one the analyst said is not that entity's: to the entity it
// belongs to (a distinct decision), or to a new entity (a removed alias).
func (p *policy) replan(txn *badger.Txn, b graph.Batch, plan map[graph.ID]graph.ID) error {
	if p == nil || len(p.notNames) == 0 {
		return nil
	}
	taken := map[graph.ID]bool{}
	for _, id := range plan {
		taken[id] = true
	}
	for _, e := range b.Entities {
		to := plan[e.ID]
		owner, wrong := p.notNames[to][graph.NameKey(e.Name)]
		if !wrong {
			continue
		}
		if owner != "" {
			live, err := follow(txn, owner)
			if err != nil {
				return err
			}
			if live != to {
				plan[e.ID] = live
				continue
			}
		}
		id, err := freeID(txn, graph.Slug(e.Name), taken)
		if err != nil {
			return err
		}
		taken[id] = true
		plan[e.ID] = id
	}
	return nil
}

// curate applies the curated name of e and drops aliases the analyst
// said are not e's, after a batch entity merged into it.
func (p *policy) curate(e *graph.Entity) {
	if p == nil {
		return
	}
	if name, ok := p.names[e.ID]; ok && e.Name != name {
		e.AddAlias(e.Name)
		e.Name = name
	}
	if pin, ok := p.types[e.ID]; ok {
		e.Type = pin.to
	}
	if not := p.notNames[e.ID]; len(not) > 0 {
		e.Aliases = slices.DeleteFunc(e.Aliases, func(n string) bool {
			_, drop := not[graph.NameKey(n)]
			return drop
		})
	}
}

// activeDecisions returns the decisions not undone, in log order.
func activeDecisions(txn *badger.Txn) ([]graph.Decision, error) {
	return collectValues(txn, decisionPrefix(), func(k, v []byte) (graph.Decision, bool, error) {
		seq, err := parseDecisionKey(k)
		if err != nil {
			return graph.Decision{}, false, err
		}
		d, err := decodeDecision(seq, v)
		return d, err == nil && !d.Undone, err
	})
}

// decidedEntities returns the ids that active decisions are about: Forget
// keeps them.
func decidedEntities(txn *badger.Txn) (map[graph.ID]bool, error) {
	ds, err := activeDecisions(txn)
	if err != nil {
		return nil, err
	}
	ids := map[graph.ID]bool{}
	for _, d := range ds {
		if d.Kind == graph.DecideForget || d.Kind == graph.DecideImport {
			continue
		}
		for _, id := range []graph.ID{d.Subject, d.Object} {
			if id == "" {
				continue
			}
			live, err := follow(txn, id)
			if err != nil {
				return nil, err
			}
			ids[live] = true
		}
	}
	return ids, nil
}

// distinctDecision returns the active decision saying a and b are distinct, or 0.
func distinctDecision(txn *badger.Txn, a, b graph.ID) (uint64, error) {
	ds, err := activeDecisions(txn)
	if err != nil {
		return 0, err
	}
	for _, d := range ds {
		if d.Kind != graph.DecideDistinct {
			continue
		}
		s, err := follow(txn, d.Subject)
		if err != nil {
			return 0, err
		}
		o, err := follow(txn, d.Object)
		if err != nil {
			return 0, err
		}
		if s == a && o == b || s == b && o == a {
			return d.Seq, nil
		}
	}
	return 0, nil
}

// collectValues decodes the values under prefix and keeps those keep approves.
func collectValues[T any](txn *badger.Txn, prefix []byte, decode func(k, v []byte) (T, bool, error)) ([]T, error) {
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 64, Prefix: prefix})
	defer it.Close()
	var out []T
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		err := item.Value(func(v []byte) error {
			x, keep, err := decode(item.KeyCopy(nil), v)
			if keep {
				out = append(out, x)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nextDecision returns the number the next decision takes: one more than
// the last in the log.
func nextDecision(txn *badger.Txn) (uint64, error) {
	it := txn.NewIterator(badger.IteratorOptions{Reverse: true, Prefix: decisionPrefix()})
	defer it.Close()
	it.Seek(decisionKey(^uint64(0)))
	if !it.Valid() {
		return 1, nil
	}
	seq, err := parseDecisionKey(it.Item().Key())
	if err != nil {
		return 0, err
	}
	return seq + 1, nil
}

func getDecision(txn *badger.Txn, seq uint64) (graph.Decision, bool, error) {
	var d graph.Decision
	ok, err := getValue(txn, decisionKey(seq), func(v []byte) error {
		var err error
		d, err = decodeDecision(seq, v)
		return err
	})
	if err != nil {
		return graph.Decision{}, false, fmt.Errorf("get decision %d: %w", seq, err)
	}
	return d, ok, nil
}

func putDecision(txn *badger.Txn, d graph.Decision) error {
	v, err := encodeDecision(d)
	if err != nil {
		return err
	}
	if err := txn.Set(decisionKey(d.Seq), v); err != nil {
		return fmt.Errorf("put decision %d: %w", d.Seq, err)
	}
	return nil
}

// getRedirect returns the id a merged-away id leads to, one step.
func getRedirect(txn *badger.Txn, id graph.ID) (graph.ID, bool, error) {
	var to graph.ID
	ok, err := getValue(txn, redirectKey(id), func(v []byte) error {
		to = graph.ID(v)
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("get redirect %q: %w", id, err)
	}
	return to, ok, nil
}

// follow returns the id that id leads to through merges: id itself when it
// was never merged away.
func follow(txn *badger.Txn, id graph.ID) (graph.ID, error) {
	for range maxRedirects {
		to, ok, err := getRedirect(txn, id)
		if err != nil || !ok {
			return id, err
		}
		id = to
	}
	return "", fmt.Errorf("redirects from %q go round in circles", id)
}

// getLiveEntity reads the entity id names, following merges: the entity of
// an id merged away is the one it was merged into.
func getLiveEntity(txn *badger.Txn, id graph.ID) (graph.Entity, bool, error) {
	e, ok, err := getEntity(txn, id)
	if err != nil || ok {
		return e, ok, err
	}
	to, err := follow(txn, id)
	if err != nil || to == id {
		return graph.Entity{}, false, err
	}
	return getEntity(txn, to)
}

// writeEntity stores e as it is (no merging) and keeps its index keys in
// step: keys only the stored version had go, new ones come.
func writeEntity(txn *badger.Txn, e graph.Entity) error {
	old, exists, err := getEntity(txn, e.ID)
	if err != nil {
		return err
	}
	oldKeys := map[string]bool{}
	if exists {
		for _, k := range graph.IndexKeys(old) {
			oldKeys[k] = true
		}
	}
	v, err := encodeEntity(e)
	if err != nil {
		return err
	}
	if err := txn.Set(entityKey(e.ID), v); err != nil {
		return fmt.Errorf("put entity %q: %w", e.ID, err)
	}
	for _, k := range graph.IndexKeys(e) {
		if oldKeys[k] {
			delete(oldKeys, k)
			continue
		}
		if err := txn.Set(aliasKey(k, e.ID), nil); err != nil {
			return fmt.Errorf("index entity %q under %q: %w", e.ID, k, err)
		}
	}
	for k := range oldKeys {
		if err := txn.Delete(aliasKey(k, e.ID)); err != nil {
			return fmt.Errorf("unindex entity %q from %q: %w", e.ID, k, err)
		}
	}
	return nil
}

// deleteEntity removes an entity and its index keys.
func deleteEntity(txn *badger.Txn, id graph.ID) error {
	e, ok, err := getEntity(txn, id)
	if err != nil || !ok {
		return err
	}
	for _, k := range graph.IndexKeys(e) {
		if err := txn.Delete(aliasKey(k, id)); err != nil {
			return fmt.Errorf("unindex entity %q from %q: %w", id, k, err)
		}
	}
	if err := txn.Delete(entityKey(id)); err != nil {
		return fmt.Errorf("delete entity %q: %w", id, err)
	}
	return nil
}

// deleteRelation removes relation k, its evidence keys and both its
// adjacency keys.
func deleteRelation(txn *badger.Txn, k graph.Key) error {
	k = k.Canonical()
	overflow := false
	if _, err := getValue(txn, relationKey(k), func(v []byte) error {
		overflow = hasOverflow(v)
		return nil
	}); err != nil {
		return fmt.Errorf("delete relation %v: %w", k, err)
	}
	if overflow {
		if err := deleteEvidenceKeys(txn, k); err != nil {
			return err
		}
	}
	for _, key := range [][]byte{relationKey(k), outKey(k), inKey(k)} {
		if err := txn.Delete(key); err != nil {
			return fmt.Errorf("delete relation %v: %w", k, err)
		}
	}
	return nil
}

// relationsOf returns every relation id is an end of, in key order.
func relationsOf(txn *badger.Txn, id graph.ID) ([]graph.Relation, error) {
	var keys []graph.Key
	for _, kind := range []byte{kindOut, kindIn} {
		err := func() error {
			it := txn.NewIterator(badger.IteratorOptions{Prefix: adjacencyPrefix(kind, id)})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				parse := parseOutKey
				if kind == kindIn {
					parse = parseInKey
				}
				k, err := parse(it.Item().Key())
				if err != nil {
					return err
				}
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
			return nil
		}()
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	rels := make([]graph.Relation, 0, len(keys))
	for _, k := range keys {
		r, ok, err := getRelation(txn, k)
		if err != nil {
			return nil, err
		}
		if ok {
			rels = append(rels, r)
		}
	}
	return rels, nil
}

// hasEdges reports whether id is an end of any relation.
func hasEdges(txn *badger.Txn, id graph.ID) (bool, error) {
	for _, kind := range []byte{kindOut, kindIn} {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false, Prefix: adjacencyPrefix(kind, id)})
		it.Rewind()
		found := it.Valid()
		it.Close()
		if found {
			return true, nil
		}
	}
	return false, nil
}

func encodeDecision(d graph.Decision) ([]byte, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode decision %d: %w", d.Seq, err)
	}
	return b, nil
}

func decodeDecision(seq uint64, b []byte) (graph.Decision, error) {
	var d graph.Decision
	if err := json.Unmarshal(b, &d); err != nil {
		return graph.Decision{}, fmt.Errorf("decode decision %d: %w", seq, err)
	}
	d.Seq = seq
	return d, nil
}
