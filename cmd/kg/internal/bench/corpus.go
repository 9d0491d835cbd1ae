package bench

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgraph/kg/graph"
)

// templates are the sentences generated articles are made of. %[1]s and
// %[2]s are people, %[3]s an organization, %[4]s a place, %[5]s an event,
// %[6]s a role, %[7]s a weekday.
var templates = []string{
	"%[1]s, the %[6]s of the %[3]s, met %[2]s in %[4]s on %[7]s.",
	"%[1]s accompanied %[2]s on a visit to %[4]s, officials said.",
	"Witnesses said %[1]s ordered the attack that became known as %[5]s.",
	"%[2]s defected from the %[3]s last week and travelled to %[4]s.",
	"The %[3]s is based in %[4]s, where it has offices near the port.",
	"%[1]s, an adviser to %[2]s, said the talks would resume on %[7]s.",
	"Rebels claimed that %[2]s was held at a prison in %[4]s.",
	"%[1]s is a member of the %[3]s and has served as its %[6]s since 2009.",
	"In a statement on %[7]s, the %[3]s accused %[1]s of corruption.",
	"%[2]s, the brother-in-law of %[1]s, negotiated with the %[3]s for weeks.",
	"The talks lasted several hours and ended without a joint statement.",
	"Diplomats said the meeting had been arranged at short notice.",
	"Prices of fuel and bread rose sharply in the weeks that followed.",
	"Neither side would say what had been agreed, and reporters were kept outside.",
}

var (
	roles    = []string{"foreign minister", "spokesman", "deputy director", "chairman", "treasurer"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

// popularity draws entity indices with a power law, so that some names
// recur across many articles as a country or a leader does in coverage.
type popularity struct {
	rng *rand.Rand
	n   int
}

// draw returns an index in [0, n) whose type is t.
func (p popularity) draw(t graph.Type) int {
	for {
		// Inverse transform of a density proportional to x^-0.5 on [1, n]:
		// rank r has weight about r^-1/2.
		u := p.rng.Float64()
		i := int(u*u*float64(p.n)) % p.n
		if typeOf(i) == t {
			return i
		}
	}
}

// Articles returns n deterministic plain-text news articles of roughly 350
// words, made from templates over the names of pool entities (see name).
func Articles(n, pool int) [][]byte {
	rng := rand.New(rand.NewPCG(7, 11))
	pop := popularity{rng: rng, n: pool}
	out := make([][]byte, n)
	for a := range out {
		people := []string{name(pop.draw(graph.Person)), name(pop.draw(graph.Person)), name(pop.draw(graph.Person))}
		org := name(pop.draw(graph.Organization))
		place := name(pop.draw(graph.Place))
		event := name(pop.draw(graph.Event))
		var b strings.Builder
		fmt.Fprintf(&b, "%s meets %s in %s\n\n", people[0], people[1], place)
		for p := range 5 {
			for range 4 {
				t := templates[rng.IntN(len(templates))]
				x, y := people[rng.IntN(3)], people[rng.IntN(3)]
				if x == y {
					y = people[(slicesIndex(people, x)+1)%3]
				}
				if strings.Contains(t, "%") {
					t = fmt.Sprintf(t, x, y, org, place, event, roles[rng.IntN(len(roles))], weekdays[rng.IntN(len(weekdays))])
				}
				b.WriteString(t + " ")
			}
			if p%2 == 1 { // new names now and then, as a story moves on
				people[rng.IntN(3)] = name(pop.draw(graph.Person))
				place = name(pop.draw(graph.Place))
			}
			b.WriteString("\n\n")
		}
		out[a] = []byte(b.String())
	}
	return out
}

func slicesIndex(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// WriteCorpus writes Articles(n, 20n) into dir as article-NNNNNNN.txt,
// creating dir, and returns how many words they hold.
func WriteCorpus(dir string, n int) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("bench: %w", err)
	}
	words := 0
	for i, a := range Articles(n, 20*n) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%07d.txt", i)), a, 0o644); err != nil {
			return words, fmt.Errorf("bench: %w", err)
		}
		words += len(bytes.Fields(a))
	}
	return words, nil
}
