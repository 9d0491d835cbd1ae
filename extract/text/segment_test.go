package text

import (
	"reflect"
	"strings"
	"testing"
)

// texts returns the texts of the sentences Segment finds in body.
func sentenceTexts(body string) []string {
	var out []string
	for _, s := range Segment(body) {
		out = append(out, s.Text)
	}
	return out
}

func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"plain", "The talks began. They ended late.", []string{"The talks began.", "They ended late."}},
		{"titles", "Mr. Smith met Dr. Jones and Mrs. Brown. Col. Ahmed was absent. Gen. Lee and Lt. Park came.",
			[]string{"Mr. Smith met Dr. Jones and Mrs. Brown.", "Col. Ahmed was absent.", "Gen. Lee and Lt. Park came."}},
		{"saint", "They prayed at St. Paul's. Then they left.", []string{"They prayed at St. Paul's.", "Then they left."}},
		{"acronym inside", "The U.S. Embassy and the U.N. Security Council agreed.", []string{"The U.S. Embassy and the U.N. Security Council agreed."}},
		{"acronym at end", "He flew to the U.S. The next day he met officials.", []string{"He flew to the U.S.", "The next day he met officials."}},
		{"month", "It happened on Jan. 24, 2013. Nobody noticed.", []string{"It happened on Jan. 24, 2013.", "Nobody noticed."}},
		{"initials", "J. R. Smith wrote it. Nobody read it.", []string{"J. R. Smith wrote it.", "Nobody read it."}},
		{"decimals", "Prices rose 3.5 per cent to $1,250.75 on Monday. Shares fell.", []string{"Prices rose 3.5 per cent to $1,250.75 on Monday.", "Shares fell."}},
		{"ellipsis lower", "I must speak out... innocent kids were killed.", []string{"I must speak out... innocent kids were killed."}},
		{"ellipsis upper", "He waited… Then the call came.", []string{"He waited…", "Then the call came."}},
		{"quote comma", `"He is safe," he said. Officials agreed.`, []string{`"He is safe," he said.`, "Officials agreed."}},
		{"quote attribution", `"We cannot comment at this time," Assange said. He left.`, []string{`"We cannot comment at this time," Assange said.`, "He left."}},
		{"quote full stop", `He said: "We left." Then he wept.`, []string{`He said: "We left."`, "Then he wept."}},
		{"curly quote full stop", "He said: “We left.” Then he wept.", []string{"He said: “We left.”", "Then he wept."}},
		{"question quote speaker", `"Is this glory?" Shalgham asked. Nobody answered.`, []string{`"Is this glory?" Shalgham asked.`, "Nobody answered."}},
		{"question quote lower", `"Why?" he asked.`, []string{`"Why?" he asked.`}},
		{"brackets", "The court sat (briefly.) It adjourned.", []string{"The court sat (briefly.)", "It adjourned."}},
		{"headline paragraph", "Libyan conflict:\n\nBritain in talks with aides\n\nTripoli\n\nThe British Government said so.",
			[]string{"Libyan conflict:", "Britain in talks with aides", "Tripoli", "The British Government said so."}},
		{"single newline is space", "The minister\nresigned. He left.", []string{"The minister\nresigned.", "He left."}},
		{"exclamation", "Stop! Who goes there? Nobody.", []string{"Stop!", "Who goes there?", "Nobody."}},
		{"etc", "They brought food, water, etc. The rest stayed.", []string{"They brought food, water, etc.", "The rest stayed."}},
		{"junior", "He met Donald Trump Jr. The talks failed. Trump Jr. was there.", []string{"He met Donald Trump Jr.", "The talks failed.", "Trump Jr. was there."}},
		{"digit after stop", "He was 62. 270 people died.", []string{"He was 62.", "270 people died."}},
		{"legal form at end", "The money went through Halden Construction Co. Cho was arrested on Friday.",
			[]string{"The money went through Halden Construction Co.", "Cho was arrested on Friday."}},
		{"legal form inside", "Ford Motor Co. Chairman Alan Hale said Acme Inc. Shares rose.",
			[]string{"Ford Motor Co. Chairman Alan Hale said Acme Inc. Shares rose."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.body)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tt.body, got, tt.want)
			}
		})
	}
}

func TestSegmentTokens(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // tokens joined by |
	}{
		{"hyphen and possessive", "Gaddafi's son Saif al-Islam", "Gaddafi|'s|son|Saif|al-Islam"},
		{"curly possessive", "Koussa’s lead", "Koussa|’s|lead"},
		{"apostrophe names", "O'Brien and Jong-nam don't", "O'Brien|and|Jong-nam|don't"},
		{"plural possessive", "Petrobras' investments", "Petrobras|'|investments"},
		{"numbers", "$30m (£21m) and 181,000 staff, 3.5%", "$|30m|(|£|21m|)|and|181,000|staff|,|3.5|%"},
		{"acronyms", "the U.S. and U.N. envoys", "the|U.S.|and|U.N.|envoys"},
		{"acronym sentence end", "in the U.S.", "in|the|U.S."},
		{"titles", "Mr. Koussa and Col. Gaddafi", "Mr.|Koussa|and|Col.|Gaddafi"},
		{"initials", "J. R. Smith", "J.|R.|Smith"},
		{"ellipsis and dashes", "wait... now – then—done", "wait|...|now|–|then|—|done"},
		{"quotes", `"safe," he`, `"|safe|,|"|he`},
		{"single quotes", "'in a Safe Place'", "'|in|a|Safe|Place|'"},
		{"age", "the 62-year-old chief", "the|62-year-old|chief"},
		{"full stop", "He left.", "He|left|."},
		{"accents", "Noël Coward in São Paulo", "Noël|Coward|in|São|Paulo"},
		{"question marks", "What?! No", "What|?!|No"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Segment(tt.body) {
				for _, tok := range s.Tokens {
					got = append(got, tok.Text)
				}
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("tokens of %q\n got %s\nwant %s", tt.body, g, tt.want)
			}
		})
	}
}

func TestSegmentHeadline(t *testing.T) {
	body := "Libyan conflict:\n\nBritain in talks with 10 more aides\n\nTripoli\n\nThe Government said it was in talks. It was late."
	var got []bool
	for _, s := range Segment(body) {
		got = append(got, s.Headline)
	}
	want := []bool{true, true, true, false, false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Headline flags: got %v, want %v", got, want)
	}
	if ss := Segment("Ambassador Denounces Leader At U.N.\n\nHe spoke in the U.S."); !ss[0].Headline || ss[1].Headline {
		t.Errorf("Headline of a title-case line ending in U.N.: got %v; of a sentence: got %v", ss[0].Headline, ss[1].Headline)
	}
	ss := Segment(body)
	if ss[3].Paragraph != 3 || ss[4].Paragraph != 3 {
		t.Errorf("Paragraph of last sentences: got %d, %d, want 3, 3", ss[3].Paragraph, ss[4].Paragraph)
	}
}

// checkOffsets fails t when a sentence or token does not index body.
func checkOffsets(t testing.TB, body string, ss []Sentence) {
	t.Helper()
	prev := 0
	for i, s := range ss {
		if s.Start < prev || s.End < s.Start || s.End > len(body) || body[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: bad offsets [%d,%d) for %q", i, s.Start, s.End, s.Text)
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d has no tokens", i)
		}
		if s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d: tokens do not span it", i)
		}
		tp := s.Start
		for _, tok := range s.Tokens {
			if tok.Start < tp || tok.End <= tok.Start || tok.End > s.End || body[tok.Start:tok.End] != tok.Text {
				t.Fatalf("sentence %d: bad token offsets [%d,%d) for %q", i, tok.Start, tok.End, tok.Text)
			}
			tp = tok.End
		}
		prev = s.End
	}
}

func TestSegmentOffsets(t *testing.T) {
	body := "Libyan conflict:\n\n\"He is safe,\" he said. Mr. O’Brien’s U.S. trip… cost $1,000.50!\n\n  \n\nJong-nam’s\u00a0death\tshocked Kuala Lumpur."
	checkOffsets(t, body, Segment(body))
}

func TestSegmentInitialsAndDatelines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"middle initial", "President John F. Kennedy was shot in Dallas. Dwight D. Eisenhower served before him.",
			[]string{"President John F. Kennedy was shot in Dallas.", "Dwight D. Eisenhower served before him."}},
		{"leading initial", "He hired J. Edgar Hoover in 1924.", []string{"He hired J. Edgar Hoover in 1924."}},
		{"letter ends a sentence", "They chose Plan B. The vote was close.", []string{"They chose Plan B.", "The vote was close."}},
		{"state abbreviation", "He lived in Hartford, Conn. The police said so.", []string{"He lived in Hartford, Conn.", "The police said so."}},
		{"state abbreviation mid-sentence", "Officials in Sacramento, Calif., said it was over.", []string{"Officials in Sacramento, Calif., said it was over."}},
		{"title after acronym", "The plan was drafted in the U.S. Mr. Smith disagreed.", []string{"The plan was drafted in the U.S.", "Mr. Smith disagreed."}},
		{"wire dateline", "WASHINGTON (Reuters) - The Senate voted on Tuesday.", []string{"WASHINGTON (Reuters) -", "The Senate voted on Tuesday."}},
		{"dateline with state", "AIKEN, S.C. (AP) — A man was arrested.", []string{"AIKEN, S.C. (AP) —", "A man was arrested."}},
		{"dateline with country", "LUSAKA, Zambia — The count went on.", []string{"LUSAKA, Zambia —", "The count went on."}},
		{"capitals but no dateline", "NATO and the EU met - briefly.", []string{"NATO and the EU met - briefly."}},
		{"dateline with a date", "NEW DELHI, Jan. 5 (Reuters) - Talks resumed.", []string{"NEW DELHI, Jan. 5 (Reuters) -", "Talks resumed."}},
		{"dateline with country and date", "SANAA, Yemen, Oct. 8 (AP) — Talks resumed.", []string{"SANAA, Yemen, Oct. 8 (AP) —", "Talks resumed."}},
		{"AP's underscore", "DAYTON, Ohio (AP) _ A plane crashed.", []string{"DAYTON, Ohio (AP) _", "A plane crashed."}},
		{"a number first is no dateline", "NATO 5 - the allies agreed.", []string{"NATO 5 - the allies agreed."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Segment(tt.in) {
				got = append(got, s.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Segment(%q):\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
