package gazetteer_test

import (
	"fmt"

	"github.com/kgraph/kg/extract/gazetteer"
)

func ExampleLookup() {
	e, ok := gazetteer.Lookup("U.K.")
	fmt.Println(ok, e.Canonical, e.Type, e.Kind)
	e, _ = gazetteer.Lookup("Tripoli")
	fmt.Println(e.Name, e.Kind, e.Country)
	_, ok = gazetteer.Lookup("us")
	fmt.Println(ok)
	// Output:
	// true United Kingdom place country
	// Tripoli city Libya
	// false
}

func ExampleIsTitle() {
	fmt.Println(gazetteer.IsTitle("Deputy Foreign Minister"), gazetteer.IsTitle("Gaddafi"))
	// Output: true false
}

func ExampleDemonym() {
	fmt.Println(gazetteer.Demonym("North Koreans"))
	// Output: North Korea true
}
