package extract_test

import (
	"fmt"

	"github.com/kgraph/kg/extract"
)

func Example() {
	x, err := extract.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := x.Extract("-", []byte("Farida Nasser, a senior aide to Colonel Omar Haddad, flew to Vienna on Monday."))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range b.Relations {
		fmt.Println(r.Subject, r.Predicate, r.Object)
	}
	// Output:
	// farida-nasser advised omar-haddad
	// farida-nasser travelled-to vienna
}
