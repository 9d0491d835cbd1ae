package extract

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// conll04Sentence is one sentence of the CoNLL04 corpus in SpERT's format.
type conll04Sentence struct {
	Tokens   []string `json:"tokens"`
	Entities []struct {
		Type       string `json:"type"`
		Start, End int
	} `json:"entities"`
	Relations []struct {
		Type       string `json:"type"`
		Head, Tail int
	} `json:"relations"`
}

// loadCoNLL04 reads split ("train" or "dev") from ../shared/datasets, or
// skips the test when it is absent.
func loadCoNLL04(t *testing.T, split string) []conll04Sentence {
	t.Helper()
	path := filepath.Join("..", "..", "shared", "datasets", "conll04", "conll04_"+split+".json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no CoNLL04 %s split at %s: %v", split, path, err)
	}
	var sents []conll04Sentence
	if err := json.Unmarshal(raw, &sents); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return sents
}

// detokenize joins CoNLL04 tokens into text as news prints it: with spaces,
// except before a clitic or a name's part that begins with an apostrophe
// ("Beijing 's" is "Beijing's", "wouldn 't" "wouldn't", "O 'Brien"
// "O'Brien"). Joined with a space, kg reads "'s" as a quote and an "s", and
// neither its rules nor the classifier trained on such text would see the
// possessive they see in articles.
func detokenize(tokens []string) string {
	var b strings.Builder
	for i, t := range tokens {
		if i > 0 && !(len(t) > 1 && t[0] == '\'' && isLetter(t[1])) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// conll04Types and conll04Preds map CoNLL04's labels to kg's (datasets/README.md).
var (
	conll04Types = map[string]graph.Type{"Peop": graph.Person, "Org": graph.Organization, "Loc": graph.Place}
	conll04Preds = map[string]graph.Predicate{"Work_For": graph.MemberOf, "Kill": graph.Killed,
		"Live_In": graph.LivesIn, "Located_In": graph.LocatedIn, "OrgBased_In": graph.LocatedIn}
)

// conll04Scored are the predicates CoNLL04 annotates; others are not scored.
var conll04Scored = map[graph.Predicate]bool{graph.MemberOf: true, graph.Killed: true, graph.LivesIn: true, graph.LocatedIn: true}

// TestCoNLL04 runs Extract over each CoNLL04 dev sentence (its tokens
// joined by spaces) and reports typed-entity and relation precision, recall
// and F1: a check, on sentences from another newswire and decade, that the
// rules are general. Entities of type Other are not scored; a system entity
// matches a gold one by any of its names. Floors sit a little below what
// the pipeline reaches. CONLL04_SPLIT=train reads the training split
// instead (to study misses; no floors apply), and CONLL04_DEBUG=1 with -v
// logs each sentence's misses and false relations.
func TestCoNLL04(t *testing.T) {
	split := "dev"
	if os.Getenv("CONLL04_SPLIT") == "train" {
		split = "train"
	}
	sents := loadCoNLL04(t, split)
	var ent, rel [3]int
	perPred := map[graph.Predicate]*[3]int{}
	for _, s := range sents {
		e, r := scoreCoNLL04(t, s, perPred)
		for i := range 3 {
			ent[i] += e[i]
			rel[i] += r[i]
		}
	}
	t.Logf("CoNLL04 %s (%d sentences): typed entities %s; relations %s", split, len(sents), prf(ent), prf(rel))
	for _, p := range graph.Predicates {
		if c, ok := perPred[p]; ok {
			t.Logf("  %-12s %s", p, prf(*c))
		}
	}
	if split != "dev" {
		return
	}
	if ef, rf := f1(ent), f1(rel); ef < 0.72 || rf < 0.37 {
		t.Errorf("CoNLL04 dev: typed-entity F1 %.3f (floor 0.72), relation F1 %.3f (floor 0.37)", ef, rf)
	}
}

func prf(c [3]int) string {
	p, r := 0.0, 0.0
	if c[0] > 0 {
		p = float64(c[0]) / float64(c[0]+c[1])
		r = float64(c[0]) / float64(c[0]+c[2])
	}
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp %d fp %d fn %d)", p, r, f1(c), c[0], c[1], c[2])
}

// scoreCoNLL04 returns (tp, fp, fn) for typed entities and relations of one sentence.
func scoreCoNLL04(t *testing.T, s conll04Sentence, perPred map[graph.Predicate]*[3]int) ([3]int, [3]int) {
	text := detokenize(s.Tokens)
	debug := testing.Verbose() && os.Getenv("CONLL04_DEBUG") != ""
	b, err := extractor(t).Extract("conll04.txt", []byte(text))
	if err != nil {
		b = graph.Batch{} // a sentence too short to be an article
	}
	// Gold entities by their folded text.
	gold := make([]string, len(s.Entities))
	goldType := make([]string, len(s.Entities))
	// CoNLL04 annotates "Amherst , Mass." as one place where kg keeps the
	// town and its state apart (Amherst located-in Massachusetts): such a
	// gold place also matches the town before its first comma.
	town := make([]string, len(s.Entities))
	for i, e := range s.Entities {
		gold[i] = norm(detokenize(s.Tokens[e.Start:e.End]))
		goldType[i] = e.Type
		if k := slices.Index(s.Tokens[e.Start:e.End], ","); k > 0 && e.Type == "Loc" {
			town[i] = norm(detokenize(s.Tokens[e.Start : e.Start+k]))
		}
	}
	forms := func(e graph.Entity) map[string]bool {
		m := map[string]bool{norm(e.Name): true}
		for _, a := range e.Aliases {
			m[norm(a)] = true
		}
		return m
	}
	// Match system entities to gold ones (untyped for relations).
	match := map[graph.ID]int{}
	var ent [3]int
	typedHit := map[int]bool{}
	for _, e := range b.Entities {
		fs := forms(e)
		hit, other := -1, false
		for i := range gold {
			if !fs[gold[i]] && (town[i] == "" || !fs[town[i]]) {
				continue
			}
			if goldType[i] == "Other" {
				other = true
				continue
			}
			if hit < 0 || conll04Types[goldType[i]] == e.Type {
				hit = i
			}
		}
		if hit >= 0 {
			match[e.ID] = hit
		}
		if debug && hit >= 0 && conll04Types[goldType[hit]] != e.Type && e.Type != graph.Event {
			t.Logf("TYPE %q gold %s got %s | %s", gold[hit], goldType[hit], e.Type, text)
		}
		switch {
		case hit >= 0 && conll04Types[goldType[hit]] == e.Type && !typedHit[hit]:
			typedHit[hit] = true
			ent[0]++
		case other || e.Type == graph.Event:
			// Other is not scored, and kg's events are CoNLL04's Other.
		default:
			ent[1]++
		}
	}
	for i := range gold {
		if goldType[i] != "Other" && !typedHit[i] {
			if debug && !slices.Contains(slices.Collect(maps.Values(match)), i) {
				t.Logf("NOENT %q gold %s | %s", gold[i], goldType[i], text)
			}
			ent[2]++
		}
	}
	// Relations over matched gold entities.
	key := func(h int, p graph.Predicate, tl int) string { return fmt.Sprintf("%d %s %d", h, p, tl) }
	want := map[string]graph.Predicate{}
	for _, r := range s.Relations {
		if p, ok := conll04Preds[r.Type]; ok {
			want[key(r.Head, p, r.Tail)] = p
		}
	}
	got := map[string]graph.Predicate{}
	var unmatched []graph.Predicate
	for _, r := range b.Relations {
		if !conll04Scored[r.Predicate] || !r.Status().Asserted() {
			continue
		}
		h, ok1 := match[r.Subject]
		tl, ok2 := match[r.Object]
		if !ok1 || !ok2 {
			if testing.Verbose() && os.Getenv("CONLL04_DEBUG") != "" {
				t.Logf("FP? %s %s %s | %s", r.Subject, r.Predicate, r.Object, text)
			}
			unmatched = append(unmatched, r.Predicate)
			continue
		}
		got[key(h, r.Predicate, tl)] = r.Predicate
	}
	count := func(p graph.Predicate) *[3]int {
		if perPred[p] == nil {
			perPred[p] = &[3]int{}
		}
		return perPred[p]
	}
	var rel [3]int
	for k, p := range got {
		if _, ok := want[k]; ok {
			rel[0]++
			count(p)[0]++
		} else {
			rel[1]++
			count(p)[1]++
		}
	}
	for _, p := range unmatched {
		rel[1]++
		count(p)[1]++
	}
	for k, p := range want {
		if _, ok := got[k]; !ok {
			rel[2]++
			count(p)[2]++
		}
	}
	if testing.Verbose() && os.Getenv("CONLL04_DEBUG") != "" {
		found := map[int]bool{}
		for _, i := range match {
			found[i] = true
		}
		for _, r := range s.Relations {
			p := conll04Preds[r.Type]
			if _, ok := got[key(r.Head, p, r.Tail)]; !ok {
				t.Logf("FN %s [%s|%v] -> [%s|%v] | %s", p, gold[r.Head], found[r.Head], gold[r.Tail], found[r.Tail], text)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Logf("FP %s | %s", k, text)
			}
		}
	}
	return ent, rel
}
