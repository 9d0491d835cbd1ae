package bench

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// syllables spell generated names: entity i's word is i written in base
// len(syllables), one syllable a digit, at least three digits, so every
// entity has a word of its own and no two words are spelled alike.
var syllables = []string{
	"ka", "lo", "mi", "ra", "te", "vu", "no", "sa", "di", "be", "zo", "ha",
	"re", "ta", "li", "mo", "na", "si", "fa", "ko", "du", "ne", "gi", "po",
}

// givenNames are first names for generated people.
var givenNames = []string{
	"Amara", "Boris", "Carmen", "Dario", "Elena", "Farid", "Greta", "Hassan", "Ines", "Jonas",
	"Karim", "Lena", "Marco", "Nadia", "Omar", "Petra", "Rashid", "Sonia", "Tomas", "Yusuf",
}

// word returns entity i's capitalized word.
func word(i int) string {
	var digits []string
	for n := i; n > 0 || len(digits) < 3; n /= len(syllables) {
		digits = append(digits, syllables[n%len(syllables)])
	}
	w := strings.Join(digits, "")
	return strings.ToUpper(w[:1]) + w[1:]
}

// typeOf spreads entity types as news does: half people, then
// organizations and places, a few events.
func typeOf(i int) graph.Type {
	switch i % 10 {
	case 0, 2, 4, 6, 8:
		return graph.Person
	case 1, 5:
		return graph.Organization
	case 3, 7:
		return graph.Place
	}
	return graph.Event
}

// orgKinds and eventKinds make organization and event names read as such.
var (
	orgKinds   = []string{"Oil Company", "National Council", "Central Bank", "Liberation Front", "Brigade", "Foundation"}
	eventKinds = []string{"massacre", "bombing", "summit", "uprising", "siege"}
)

// name returns entity i's name: "Amara Kolomi", "Kolomi Oil Company",
// "Kolomi", "the Kolomi massacre".
func name(i int) string {
	w := word(i)
	switch typeOf(i) {
	case graph.Person:
		return givenNames[(i/10)%len(givenNames)] + " " + w
	case graph.Organization:
		return w + " " + orgKinds[(i/10)%len(orgKinds)]
	case graph.Event:
		return "the " + w + " " + eventKinds[(i/10)%len(eventKinds)]
	}
	return w
}
