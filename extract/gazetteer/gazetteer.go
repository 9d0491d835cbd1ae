package gazetteer

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// Entry is a known name.
type Entry struct {
	Name      string     // the name as listed
	Canonical string     // the preferred name where Name is a short or variant form ("UK" -> "United Kingdom"), else Name
	Type      graph.Type // place, organization, event
	Kind      string     // country, region, city, org, event
	Country   string     // the country a region or city is in, or an organisation is based in; "" when unknown
}

var entries = map[string]Entry{
	"libya":   {Name: "Libya", Canonical: "Libya", Type: graph.Place, Kind: "country"},
	"tripoli": {Name: "Tripoli", Canonical: "Tripoli", Type: graph.Place, Kind: "city", Country: "Libya"},
	"un":      {Name: "UN", Canonical: "United Nations", Type: graph.Organization, Kind: "org"},
}

// Lookup finds phrase by graph.NameKey.
func Lookup(phrase string) (Entry, bool) {
	e, ok := entries[graph.NameKey(phrase)]
	return e, ok
}

var demonyms = map[string]string{"libyan": "Libya", "british": "United Kingdom", "north korean": "North Korea"}

// Demonym returns the country a demonym refers to: "Libyan" -> "Libya".
func Demonym(word string) (string, bool) {
	c, ok := demonyms[graph.NameKey(word)]
	return c, ok
}

var titles = map[string]bool{"foreign minister": true, "colonel": true, "col": true, "mr": true, "spokesman": true}

// IsTitle reports whether words is a role, title or honorific: "Foreign
// Minister", "Colonel", "Mr", "spokesman".
func IsTitle(words string) bool {
	return titles[graph.NameKey(words)]
}

var firstNames = map[string]bool{"moussa": true, "david": true, "ali": true}

// FirstName reports whether word is a common given name.
func FirstName(word string) bool {
	return firstNames[strings.ToLower(word)]
}
