package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract/text"
	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	sharedOnce sync.Once
	sharedX    *Extractor
	sharedErr  error
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	sharedOnce.Do(func() { sharedX, sharedErr = New() })
	if sharedErr != nil {
		t.Fatalf("New: %v", sharedErr)
	}
	return sharedX
}

func extractText(t *testing.T, s string) graph.Batch {
	t.Helper()
	b, err := extractor(t).Extract("test.txt", []byte(s))
	if err != nil {
		t.Fatalf("Extract(%q): %v", s, err)
	}
	return b
}

// triples lists a batch's relations as "Subject Name|predicate|Object Name|status".
func triples(b graph.Batch) []string {
	name := map[graph.ID]string{}
	for _, e := range b.Entities {
		name[e.ID] = e.Name
	}
	var out []string
	for _, r := range b.Relations {
		out = append(out, name[r.Subject]+"|"+string(r.Predicate)+"|"+name[r.Object]+"|"+string(r.Status()))
	}
	return out
}

// checkTriples extracts text and reports each triple of want that is
// missing from the result and each of not that is in it.
func checkTriples(t *testing.T, text string, want, not []string) {
	t.Helper()
	got := triples(extractText(t, text))
	for _, w := range want {
		if !hasTriple(got, w) {
			t.Errorf("missing %s; got %q", w, got)
		}
	}
	for _, w := range not {
		if hasTriple(got, w) {
			t.Errorf("unexpected %s; got %q", w, got)
		}
	}
}

func hasTriple(got []string, want string) bool {
	w := strings.Split(want, "|")
	for _, g := range got {
		parts := strings.Split(g, "|")
		if len(w) == 4 && parts[3] != w[3] {
			continue
		}
		if parts[1] != w[1] {
			continue
		}
		if parts[0] == w[0] && parts[2] == w[2] || graph.Predicate(w[1]).Symmetric() && parts[0] == w[2] && parts[2] == w[0] {
			return true
		}
	}
	return false
}

func TestRelationPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Subject|predicate|Object" or with "|status"
		not        []string
	}{
		{"apposition aide", "Karim Haddad, a senior aide to Nadia Farouk, arrived yesterday.",
			[]string{"Karim Haddad|advised|Nadia Farouk"}, nil},
		{"apposition kin and adviser", "Officials named Omar Suleiman, a security adviser and brother-in-law of Colonel Tarek Mansour, as a suspect.",
			[]string{"Omar Suleiman|advised|Tarek Mansour", "Omar Suleiman|family-of|Tarek Mansour"}, nil},
		{"apposition member", "Lena Brandt, a spokeswoman for the Nordic Shipping Council, declined to comment.",
			[]string{"Lena Brandt|member-of|Nordic Shipping Council"}, nil},
		{"prenominal org role", "Arab League chief Hamid Nasser met reporters in Amman.",
			[]string{"Hamid Nasser|member-of|Arab League"}, nil},
		{"possessive kin", "The minister's critics praised Viktor Sorin's son Andrei Sorin for his candour.",
			[]string{"Andrei Sorin|family-of|Viktor Sorin"}, nil},
		{"relative clause travel", "Peter Kalnins, who accompanied Janis Berzins as far as Riga, returned home.",
			[]string{"Peter Kalnins|accompanied|Janis Berzins", "Peter Kalnins|travelled-to|Riga", "Janis Berzins|travelled-to|Riga"}, nil},
		{"flew into", "Maria Keller flew into Zurich airport on Tuesday night.",
			[]string{"Maria Keller|travelled-to|Zurich airport"}, nil},
		{"held at, located in", "Police said Tomas Varga is being held at Hollow Castle in Devon.",
			[]string{"Tomas Varga|held-at|Hollow Castle", "Hollow Castle|located-in|Devon"}, nil},
		{"lower-case governing body", "Karim Haddad, head of the provisional government, flew to Rome.",
			[]string{"Karim Haddad|member-of|provisional government", "Karim Haddad|travelled-to|Rome"}, nil},
		{"joining a body is membership", "Officials said Omar Tarik had joined the transitional council.",
			[]string{"Omar Tarik|member-of|transitional council"}, []string{"Omar Tarik|met|transitional council"}},
		{"demonym, modifiers and a service", "Farid Salem, head of the Tarvian external intelligence service, fled.",
			[]string{"Farid Salem|member-of|Tarvian external intelligence service"}, nil},
		{"possessive pronoun kin", "Anton Weiss arrived in Oslo with his daughter, Marta Weiss, on Sunday.",
			[]string{"Marta Weiss|family-of|Anton Weiss"}, nil},
		{"possessor's kin with comma", "Sorin's brother, Pavel Sorin, is a judge in Cluj. Andrei Sorin denied it.",
			nil, []string{"Pavel Sorin|member-of|Cluj"}},
		{"personal staff", "Maria Lopez won the vote. Her spokesman, Tomas Ruiz, thanked voters.",
			[]string{"Tomas Ruiz|advised|Maria Lopez"}, nil},
		{"org role with comma stays membership", "Kenyan Police Chief, Paul Otieno, said so.",
			[]string{"Paul Otieno|member-of|Kenyan Police"}, nil},
		{"trade mission", "Viktor Lebedev was deputy head of the Soviet trade mission in Vienna.",
			[]string{"Viktor Lebedev|member-of|Soviet trade mission", "Soviet trade mission|located-in|Vienna"}, nil},
		{"possessive place", "The group waited at Tunisia's Djerba airport.",
			[]string{"Djerba airport|located-in|Tunisia"}, nil},
		{"based", "The Geneva-based Alpine Relief Foundation sent food.",
			[]string{"Alpine Relief Foundation|located-in|Geneva"}, nil},
		{"convicted", "Jonas Petrauskas was convicted of the Vilnius bombing in 2003.",
			[]string{"Jonas Petrauskas|convicted-of|Vilnius bombing"}, nil},
		{"victim", "Detectives reopened the inquiry into the murder of Anna Rossi outside the Italian embassy.",
			[]string{"Anna Rossi|victim-of|murder of Anna Rossi"}, nil},
		{"denied travel", "Rafael Ortiz denied he had fled to Panama.",
			[]string{"Rafael Ortiz|travelled-to|Panama|denied"}, nil},
		{"speech accusation", "Sofia Mendes said Carlos Ibarra was implicated in the Lima bombing.",
			[]string{"Sofia Mendes|accused|Carlos Ibarra", "Carlos Ibarra|accused-of|Lima bombing"}, nil},
		{"defected from regime", "General Karim Zayed has defected from the Mansour regime, aides said.",
			[]string{"Karim Zayed|defected-from|Mansour regime"}, nil},
		{"talks with", "The Danish Government held talks with Ingrid Holm in Oslo.",
			[]string{"Danish Government|met|Ingrid Holm"}, nil},
		{"killed by", "Aziz Rahman was killed by Northern Front fighters, officials said.",
			[]string{}, []string{"Aziz Rahman|killed|Northern Front"}},
		{"place chain", "The new plant lies near Aiken, South Carolina, officials said.",
			[]string{"Aiken|located-in|South Carolina"}, nil},
		{"place list is not a chain", "Delegates came from Peru, Chile and Bolivia.",
			nil, []string{"Peru|located-in|Chile", "Chile|located-in|Bolivia"}},
		{"person of place", "Nadia Price, 42, of Leeds, was arrested on Friday.",
			[]string{"Nadia Price|lives-in|Leeds"}, nil},
		{"person of organization", "Tomas Berg of the Nordic Shipping Council said the port was closed.",
			[]string{"Tomas Berg|member-of|Nordic Shipping Council"}, nil},
		{"born in", "Carla Mendes was born in Porto and studied in Lisbon.",
			[]string{"Carla Mendes|lives-in|Porto"}, nil},
		{"possessive assassin", "Anna Rossi's assassin, Marco Valli, was jailed for life.",
			[]string{"Marco Valli|killed|Anna Rossi"}, nil},
		{"gerund killing", "Marco Valli was convicted of killing Anna Rossi in 1998.",
			[]string{"Marco Valli|killed|Anna Rossi"}, nil},
		{"killing of is an event", "Marco Valli spoke about the killing of Anna Rossi.",
			nil, []string{"Marco Valli|killed|Anna Rossi"}},
		{"pronoun inside a quote is not its speaker", "Karim Zayed left Tripoli on Monday. Omar Badr, the regime's spokesman, spoke to reporters about Mr Zayed. \"We understand that he has flown to Tunisia,\" he said.",
			[]string{"Karim Zayed|travelled-to|Tunisia"}, []string{"Omar Badr|travelled-to|Tunisia"}},
		{"country as a noun", "Ahmed Salem studied in the US before he moved to Rome.",
			[]string{"Ahmed Salem|travelled-to|Rome"}, nil},
		{"organization before a title", "NATO Secretary General Lena Holm arrived in Riga.",
			[]string{"Lena Holm|member-of|NATO"}, nil},
		{"an ambassador to a body is not its member", "U.N. Ambassador Pablo Ruiz spoke for Chile.",
			nil, []string{"Pablo Ruiz|member-of|U.N."}},
		{"demonym, body and role", "Danish Police Chief, Erik Lund, said the port was closed.",
			[]string{"Erik Lund|member-of|Danish Police"}, nil},
		{"plural possessor in a name", "Rosa Lima, also from the ruling Farmers' Party, resigned.",
			[]string{"Rosa Lima|member-of|Farmers' Party"}, nil},
		{"described event", "The Harbour bombing killed nine people. Police want to question Karim Badr in relation to the destruction of the ferry Aurora.",
			[]string{"Karim Badr|accused-of|Harbour bombing"}, nil},
		{"event of the same class", "Lia Costa was named in the Ribeira scandal. Paulo Dias was questioned over his role in the affair.",
			[]string{"Paulo Dias|accused-of|Ribeira scandal"}, nil},
		{"defection of a described person", "Officials confirmed the defection of foreign minister and Mansour regime stalwart Ali Zayed.",
			[]string{"Ali Zayed|defected-from|Mansour regime"}, nil},
		{"talks in a place", "Omar Treki held talks on Sunday in Cairo with officials.",
			[]string{"Omar Treki|travelled-to|Cairo"}, nil},
		{"organization of a place by copula", "The Vargas group is Peru's biggest construction firm.",
			[]string{"Vargas group|located-in|Peru"}, nil},
		{"a thing as subject", "Rafael Ortiz missed the plane when it left for Havana.",
			nil, []string{"Rafael Ortiz|travelled-to|Havana"}},
		{"list is not apposition", "Paulo Reis, Ana Costa and Rui Lopes attended.",
			nil, []string{"Paulo Reis|advised|Ana Costa", "Paulo Reis|member-of|Ana Costa"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkTriples(t, tc.text, tc.want, tc.not)
		})
	}
}

func TestCoreference(t *testing.T) {
	tests := []struct {
		name, text string
		same       [][]string // names that must be one entity
		apart      [][2]string
	}{
		{"surname and Mr", "Moussa Kamal arrived on Monday. Mr Kamal later met Kamal's lawyer.",
			[][]string{{"Moussa Kamal", "Mr Kamal", "Kamal"}}, nil},
		{"shared first name is not enough", "Moussa Kamal met Moussa Ibrahim in Rome.",
			nil, [][2]string{{"Moussa Kamal", "Moussa Ibrahim"}}},
		{"transliteration", "Shokri Haddad spoke first. Later Shukri Haddad spoke again.",
			[][]string{{"Shokri Haddad", "Shukri Haddad"}}, nil},
		{"same first and last", "Ali Abdussalam Zaki resigned. Ali Abussalam Zaki left.",
			[][]string{{"Ali Abdussalam Zaki", "Ali Abussalam Zaki"}}, nil},
		{"junior apart", "Donald Marsh Jr. met Donald Marsh. Marsh Jr. smiled.",
			[][]string{{"Donald Marsh Jr.", "Marsh Jr."}}, [][2]string{{"Donald Marsh Jr.", "Donald Marsh"}}},
		{"regime forms", "The Mansour regime is weak. Critics of Mansour's regime and the Tarvian regime agree.",
			[][]string{{"Mansour regime", "Mansour's regime", "Tarvian regime"}}, nil},
		{"given names split differently", "General Abdel Fatah Rashidi was killed. Abdulfatah Rashidi had defected. Mourners praised Abdel Fattah Rashidi.",
			[][]string{{"Abdel Fatah Rashidi", "Abdulfatah Rashidi", "Abdel Fattah Rashidi"}}, nil},
		{"brothers apart", "Kim Song-chol met Kim Song-il in Seoul on Friday.",
			nil, [][2]string{{"Kim Song-chol", "Kim Song-il"}}},
		{"father and son apart", "Harold Vance Jr. said Harold Vance had left Boston.",
			nil, [][2]string{{"Harold Vance Jr.", "Harold Vance"}}},
		{"acronym", "The International Maritime Court ruled. The IMC said so.",
			[][]string{{"International Maritime Court", "IMC"}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := extractText(t, tc.text)
			owner := func(n string) graph.ID {
				for _, e := range b.Entities {
					if e.Name == n {
						return e.ID
					}
					for _, a := range e.Aliases {
						if a == n {
							return e.ID
						}
					}
				}
				return ""
			}
			for _, group := range tc.same {
				id := owner(group[0])
				for _, n := range group {
					if got := owner(n); got == "" || got != id {
						t.Errorf("%q is in %q, want it with %q in %q; entities %+v", n, got, group[0], id, b.Entities)
					}
				}
			}
			for _, pair := range tc.apart {
				if a, c := owner(pair[0]), owner(pair[1]); a == "" || a == c {
					t.Errorf("%q and %q: entities %q and %q, want two", pair[0], pair[1], a, c)
				}
			}
		})
	}
}

func TestHeadlineVerbsAreNotNames(t *testing.T) {
	b := extractText(t, "Veteran Envoy Slams Harrow At Summit\n\nThe veteran envoy Omar Harrow spoke in Geneva on Monday.")
	for _, e := range b.Entities {
		if strings.Contains(e.Name, "Slams") || strings.Contains(e.Name, "At") {
			t.Errorf("%q (%s) joins headline words into a name", e.Name, e.Type)
		}
	}
}

func TestNotEntities(t *testing.T) {
	b := extractText(t, "Libyan officials met British diplomats on Monday in March. The Foreign Minister said nothing. Whispres were spreading all night.")
	for _, e := range b.Entities {
		switch graph.NameKey(e.Name) {
		case "libyan", "british", "monday", "march", "foreign minister", "whispres":
			t.Errorf("%q (%s) should not be an entity", e.Name, e.Type)
		}
	}
}

func TestExtractErrors(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty", []byte("  \n"), text.ErrEmpty},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0, 0, 1, 2, 0, 0xff}, text.ErrBinary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := x.Extract("in.bin", tc.raw)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), "in.bin") {
				t.Errorf("error %q does not name the source", err)
			}
		})
	}
}

// TestExtractPanicIsAnError checks that a panic in extraction becomes an
// error wrapping ErrInternal naming the source, not a crash that would
// stop a whole ingest, and that sentences which once panicked extract.
func TestExtractPanicIsAnError(t *testing.T) {
	err := func() (err error) {
		defer recoverInternal("broken.txt", &err)
		var roles []string
		_ = roles[0] // the defect of "Smith's Office Supplies"
		return nil
	}()
	if !errors.Is(err, ErrInternal) || !strings.Contains(err.Error(), "broken.txt") {
		t.Errorf("got %v, want an error wrapping ErrInternal that names broken.txt", err)
	}
	x := extractor(t)
	for _, s := range []string{
		"Smith's Office Supplies was sold.", // a possessive person before a firm with no role word
	} {
		if _, err := x.Extract("once-panicked.txt", []byte(s)); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}

// TestEvidence checks what every evidence record must hold.
func TestEvidence(t *testing.T) {
	raw, err := os.ReadFile("testdata/defections.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := extractor(t).Extract("testdata/defections.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[graph.ID]bool{}
	for _, e := range b.Entities {
		if ids[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		if !e.Type.Valid() {
			t.Errorf("%s: bad type %q", e.ID, e.Type)
		}
	}
	for _, r := range b.Relations {
		if !ids[r.Subject] || !ids[r.Object] || !r.Predicate.Valid() {
			t.Errorf("bad relation %+v", r)
		}
		for _, ev := range r.Evidence {
			if ev.Doc != b.Doc.ID || b.Doc.Body[ev.Start:ev.End] != ev.Sentence || ev.Extractor == "" {
				t.Errorf("bad evidence %+v", ev)
			}
		}
	}
}

type goldenEntity struct {
	ID      graph.ID          `json:"id"`
	Name    string            `json:"name"`
	Type    graph.Type        `json:"type"`
	Aliases []string          `json:"aliases"`
	Attrs   map[string]string `json:"attrs,omitempty"`
}

type goldenRelation struct {
	Triple       string            `json:"triple"`
	Attrs        map[string]string `json:"attrs,omitempty"`
	Status       graph.Status      `json:"status"`
	Extractor    string            `json:"extractor"`
	AttributedTo string            `json:"attributed_to,omitempty"`
	Date         string            `json:"date,omitempty"`
}

func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/defections.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := extractor(t).Extract("testdata/defections.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Entities  []goldenEntity   `json:"entities"`
		Relations []goldenRelation `json:"relations"`
	}
	for _, e := range b.Entities {
		out.Entities = append(out.Entities, goldenEntity{e.ID, e.Name, e.Type, e.Aliases, e.Attrs})
	}
	for _, r := range b.Relations {
		ev := r.Evidence[0]
		out.Relations = append(out.Relations, goldenRelation{
			Triple: string(r.Subject) + " " + string(r.Predicate) + " " + string(r.Object),
			Attrs:  r.Attrs, Status: r.Status(), Extractor: ev.Extractor, AttributedTo: ev.AttributedTo, Date: ev.Date,
		})
	}
	got, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := "testdata/defections.golden.json"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("extraction of defections.txt changed; diff %s against the output of go test -run TestGolden -update", path)
	}
}

// TestCorpusFloors extracts every article of ../../shared/corpus and checks
// micro-averaged typed-entity and relation F1 (score.py's rules) against
// floors a little below what the pipeline achieves.
func TestCorpusFloors(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no shared corpus at %s: %v", root, err)
	}
	floors := map[string][2]float64{"seed": {0.92, 0.82}, "dev": {0.87, 0.66}}
	for set, floor := range floors {
		t.Run(set, func(t *testing.T) {
			golds, _ := filepath.Glob(filepath.Join(root, set, "*.gold.json"))
			if len(golds) == 0 {
				t.Skipf("no gold files in %s", set)
			}
			var ent, rel [3]int
			for _, g := range golds {
				e, r := scoreArticle(t, g)
				for i := range 3 {
					ent[i] += e[i]
					rel[i] += r[i]
				}
			}
			ef, rf := f1(ent), f1(rel)
			t.Logf("%s: typed-entity F1 %.3f, relation F1 %.3f", set, ef, rf)
			if ef < floor[0] || rf < floor[1] {
				t.Errorf("%s: typed-entity F1 %.3f (floor %.2f), relation F1 %.3f (floor %.2f)", set, ef, floor[0], rf, floor[1])
			}
		})
	}
}

func f1(c [3]int) float64 {
	tp, fp, fn := float64(c[0]), float64(c[1]), float64(c[2])
	if tp == 0 {
		return 0
	}
	p, r := tp/(tp+fp), tp/(tp+fn)
	return 2 * p * r / (p + r)
}

type goldFile struct {
	Doc      string `json:"doc"`
	Entities []struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Relations []struct {
		Subject, Predicate, Object string
	} `json:"relations"`
}

// norm folds a surface form as score.py does.
func norm(s string) string {
	k := graph.NameKey(s)
	return strings.TrimPrefix(k, "the ")
}

// scoreArticle returns (tp, fp, fn) for typed entities and relations.
func scoreArticle(t *testing.T, goldPath string) ([3]int, [3]int) {
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("%s: %v", goldPath, err)
	}
	article, err := os.ReadFile(filepath.Join(filepath.Dir(goldPath), g.Doc))
	if err != nil {
		t.Fatal(err)
	}
	b, err := extractor(t).Extract(g.Doc, article)
	if err != nil {
		t.Logf("%s: %v", g.Doc, err)
		b = graph.Batch{}
	}
	match := func(typed bool) map[graph.ID]string {
		taken := map[string]bool{}
		m := map[graph.ID]string{}
		ents := append([]graph.Entity(nil), b.Entities...)
		sort.SliceStable(ents, func(i, j int) bool { return len(ents[i].Name) > len(ents[j].Name) })
		for _, e := range ents {
			n := norm(e.Name)
			for _, ge := range g.Entities {
				if taken[ge.ID] || typed && string(e.Type) != ge.Type {
					continue
				}
				found := norm(ge.Name) == n
				for _, a := range ge.Aliases {
					found = found || norm(a) == n
				}
				if found {
					m[e.ID] = ge.ID
					taken[ge.ID] = true
					break
				}
			}
		}
		return m
	}
	typed := match(true)
	ent := [3]int{len(typed), len(b.Entities) - len(typed), len(g.Entities) - len(typed)}
	m := match(false)
	key := func(s, p, o string) string {
		if graph.Predicate(p).Symmetric() && o < s {
			s, o = o, s
		}
		return s + " " + p + " " + o
	}
	gold := map[string]bool{}
	for _, r := range g.Relations {
		gold[key(r.Subject, r.Predicate, r.Object)] = true
	}
	sys := map[string]bool{}
	unmatched := 0
	for _, r := range b.Relations {
		if !r.Status().Asserted() {
			continue
		}
		s, ok1 := m[r.Subject]
		o, ok2 := m[r.Object]
		if !ok1 || !ok2 {
			unmatched++
			continue
		}
		sys[key(s, string(r.Predicate), o)] = true
	}
	tp := 0
	for k := range sys {
		if gold[k] {
			tp++
		}
	}
	return ent, [3]int{tp, len(sys) - tp + unmatched, len(gold) - tp}
}

func BenchmarkExtract(b *testing.B) {
	raw, err := os.ReadFile("testdata/defections.txt")
	if err != nil {
		b.Fatal(err)
	}
	x := extractor(b)
	words := len(strings.Fields(string(raw)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := x.Extract("defections.txt", raw); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestClaims checks who each evidence record is attributed to, its status
// and date, and that one fact stated twice is one relation with two records.
func TestClaims(t *testing.T) {
	b := extractText(t, "Rebels claimed that Omar Haddad had fled to Malta on 3 March. According to Reuters, Omar Haddad flew to Malta. "+
		"Haddad's aide denied that Omar Haddad had fled to Tunisia. In 1984 Haddad flew to Malta again.")
	type want struct {
		status graph.Status
		by     string
		date   string
	}
	recs := map[string][]want{
		"malta":   {{graph.Alleged, "Rebels", "--03-03"}, {graph.Reported, "Reuters", ""}, {graph.Stated, "", "1984"}},
		"tunisia": {{graph.Denied, "Haddad's aide", ""}},
	}
	for _, r := range b.Relations {
		if r.Predicate != graph.TravelledTo {
			continue
		}
		w, ok := recs[string(r.Object)]
		if !ok {
			t.Errorf("unexpected relation %s %s %s", r.Subject, r.Predicate, r.Object)
			continue
		}
		delete(recs, string(r.Object))
		if len(r.Evidence) != len(w) {
			t.Errorf("%s: %d evidence records, want %d", r.Object, len(r.Evidence), len(w))
			continue
		}
		for i, ev := range r.Evidence {
			if ev.Status != w[i].status || ev.AttributedTo != w[i].by || ev.Date != w[i].date {
				t.Errorf("%s record %d: got %s by %q on %q, want %s by %q on %q", r.Object, i, ev.Status, ev.AttributedTo, ev.Date, w[i].status, w[i].by, w[i].date)
			}
		}
	}
	for obj := range recs {
		t.Errorf("missing travelled-to %s", obj)
	}
}

func TestInitialsAndStateAbbreviations(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "type:Name"
		not        []string // names that must not be entities
	}{
		{"middle initial", "Federal agents arrested Thomas J. Whitley in Denver on Friday.",
			[]string{"person:Thomas J. Whitley", "place:Denver"}, []string{"Thomas J", "Whitley"}},
		{"dotted state", "A former guard, Henry Pell, was arrested in Hartford, Conn., on Monday.",
			[]string{"person:Henry Pell", "place:Hartford", "place:Conn."}, nil},
		{"dateline", "AIKEN, S.C. (AP) — Investigators questioned Laura Benning on Monday.",
			[]string{"place:AIKEN", "place:S.C.", "person:Laura Benning"}, []string{"AIKEN Laura Benning"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := extractText(t, tt.text)
			got := map[string]bool{}
			names := map[string]bool{}
			for _, e := range b.Entities {
				got[string(e.Type)+":"+e.Name] = true
				names[e.Name] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("missing %s; got %v", w, got)
				}
			}
			for _, n := range tt.not {
				if names[n] {
					t.Errorf("unexpected entity %q", n)
				}
			}
		})
	}
}

// TestHeldoutFloors scores the articles of testdata/heldout: nine stories
// written for these tests, in other places and decades than the shared
// corpus, and annotated before any rule was tuned to them. Their figures
// estimate how extraction does on articles nobody prepared it for; the
// floors sit a little below what the pipeline achieves (0.954 / 0.840).
func TestHeldoutFloors(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join("testdata", "heldout", "*.gold.json"))
	if len(golds) == 0 {
		t.Fatal("no gold files in testdata/heldout")
	}
	var ent, rel [3]int
	for _, g := range golds {
		e, r := scoreArticle(t, g)
		for i := range 3 {
			ent[i] += e[i]
			rel[i] += r[i]
		}
	}
	ef, rf := f1(ent), f1(rel)
	t.Logf("heldout: typed-entity F1 %.3f, relation F1 %.3f", ef, rf)
	if ef < 0.92 || rf < 0.75 {
		t.Errorf("heldout: typed-entity F1 %.3f (floor 0.92), relation F1 %.3f (floor 0.75)", ef, rf)
	}
}
