package text_test

import (
	"fmt"

	"github.com/kgraph/kg/extract/text"
)

func ExampleSegment() {
	body := "Harbour dispute:\n\n\"It is over,\" Mr. Borg said. The U.S. Embassy welcomed the deal."
	for _, s := range text.Segment(body) {
		fmt.Printf("%d %v %q\n", s.Paragraph, s.Headline, body[s.Start:s.End])
	}
	// Output:
	// 0 true "Harbour dispute:"
	// 1 false "\"It is over,\" Mr. Borg said."
	// 1 false "The U.S. Embassy welcomed the deal."
}

func ExampleClean() {
	raw := []byte("Skip to main content\n\nPort workers end strike\n\n" +
		"Dock workers returned to work on Tuesday after their union accepted a revised pay offer, ending a month-long strike.\n\n" +
		"Share this article\n")
	a, err := text.Clean(raw, "story.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s\n%q\n", a.Title, a.Body)
	// Output:
	// Port workers end strike
	// "Port workers end strike\n\nDock workers returned to work on Tuesday after their union accepted a revised pay offer, ending a month-long strike."
}
