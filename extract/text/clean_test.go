package text

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

// article is a short news text in the project's own words, with page
// furniture above and below it.
const article = `Skip to main content

Share this article

Harbour dispute:

Port workers end strike after pay deal

Union leaders accept offer after three weeks of talks

Valletta

Dock workers in the capital returned to work on Tuesday after their union accepted a revised pay offer from the port authority, ending a strike that had stranded dozens of cargo ships in the harbour for almost a month.

The agreement, reached late on Monday after talks mediated by the labour ministry, gives workers a rise of four per cent this year and a further three per cent next year. "We are glad it is over," one crane operator said as he clocked on.

Mr. Borg, the union's general secretary, told reporters that the deal was "the best that could be won in the circumstances" and thanked members for their patience.

Share This Article
Leave a comment
Copyright 2024 Example Media. All rights reserved.
`

func TestCleanPlain(t *testing.T) {
	a, err := Clean([]byte(article), "story.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != "text" {
		t.Errorf("Format: got %q, want text", a.Format)
	}
	if a.Title != "Port workers end strike after pay deal" {
		t.Errorf("Title: got %q", a.Title)
	}
	paras := strings.Split(a.Body, "\n\n")
	want := []string{"Harbour dispute:", "Port workers end strike after pay deal",
		"Union leaders accept offer after three weeks of talks", "Valletta"}
	if len(paras) < len(want)+3 || !slices.Equal(paras[:len(want)], want) {
		t.Fatalf("head paragraphs: got %q, want %q first", paras, want)
	}
	if !strings.HasPrefix(paras[len(paras)-1], "Mr. Borg") {
		t.Errorf("last paragraph: got %q, want the article's last", paras[len(paras)-1])
	}
	for _, junk := range []string{"Skip", "Share", "comment", "Copyright"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("furniture %q kept in body", junk)
		}
	}
}

func TestCleanErrors(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n "), ErrEmpty},
		{"bom only", []byte("\xEF\xBB\xBF \n"), ErrEmpty},
		{"nul", []byte("hello\x00world, this is text"), ErrBinary},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ErrBinary},
		{"png", []byte("\x89PNG\r\n\x1a\n...."), ErrBinary},
		{"jpeg", []byte("\xFF\xD8\xFF\xE0..JFIF"), ErrBinary},
		{"zip", []byte("PK\x03\x04\x14\x00"), ErrBinary},
		{"elf", []byte("\x7fELF\x02\x01\x01"), ErrBinary},
		{"control bytes", []byte("\x01\x02\x03\x04\x05\x06abc\x07\x08\x0e\x0f"), ErrBinary},
		{"only punctuation", []byte("--- *** ---"), ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Clean(tt.raw, "x.txt")
			if !errors.Is(err, tt.want) {
				t.Errorf("Clean: got error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCleanEncoding(t *testing.T) {
	para := " is the capital, said the minister in a long statement to the press on Monday evening after the talks."
	tests := []struct {
		name     string
		raw      string
		wantBody string
		wantNote string
	}{
		{"utf8", "Bogotá" + para, "Bogotá" + para, ""},
		{"windows-1252", "Bogot\xe1" + para + " \x93Yes,\x94 he said.", "Bogotá" + para + " “Yes,” he said.", NoteWindows1252},
		{"damaged utf8", "Bogotá and São Paulo and Zürich\xff" + para, "Bogotá and São Paulo and Zürich\uFFFD" + para, NoteReplaced},
		{"bom and crlf", "\xEF\xBB\xBFPort workers end strike\r\n\r\nBogotá" + para + "\r\n", "Port workers end strike\n\nBogotá" + para, NoteBOM},
		{"lone cr", "Port workers end strike\r\rBogotá" + para, "Port workers end strike\n\nBogotá" + para, ""},
		{"utf16", "\xFF\xFEB\x00o\x00", "", NoteUTF16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Clean([]byte(tt.raw), "x.txt")
			if tt.wantBody != "" && err != nil {
				t.Fatal(err)
			}
			if tt.wantBody != "" && a.Body != tt.wantBody {
				t.Errorf("Body:\n got %q\nwant %q", a.Body, tt.wantBody)
			}
			if tt.wantNote == "" && len(a.Notes) > 0 {
				t.Errorf("Notes: got %q, want none", a.Notes)
			}
			if tt.wantNote != "" && !slices.Contains(a.Notes, tt.wantNote) {
				t.Errorf("Notes: got %q, want %q", a.Notes, tt.wantNote)
			}
		})
	}
}

const page = `<!DOCTYPE html>
<html><head>
<title>Port workers end strike after pay deal | Example News</title>
<meta property="og:title" content="Port workers end strike after pay deal">
<meta property="article:published_time" content="2024-05-14T09:30:00Z">
<style>body { color: red } .secret-style {}</style>
<script>var tracking = "secret-script";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Port workers end strike after pay deal</h1>
<p>Dock workers in the capital returned to work on Tuesday after their union accepted a revised pay offer from the port authority, ending a strike that had stranded dozens of cargo ships.</p>
<p>The agreement, reached late on Monday after talks mediated by the labour ministry, gives workers a rise of four per cent this year and a further three per cent next year.<script>document.write("secret-inline")</script></p>
<p>Mr. Borg, the union's general secretary, told reporters that the deal was <em>the best that could be won</em> in the circumstances, and thanked members for their patience during the dispute.</p>
<noscript>secret-noscript</noscript>
</article>
<footer>Copyright 2024 Example Media</footer>
</body></html>`

func TestCleanHTML(t *testing.T) {
	a, err := Clean([]byte(page), "story.html")
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != "html" {
		t.Errorf("Format: got %q, want html", a.Format)
	}
	if a.Title != "Port workers end strike after pay deal" {
		t.Errorf("Title: got %q", a.Title)
	}
	if a.Date != "2024-05-14" {
		t.Errorf("Date: got %q, want 2024-05-14", a.Date)
	}
	if strings.Contains(a.Body, "secret-") || strings.Contains(a.Body, "color: red") {
		t.Errorf("script or style leaked into body: %q", a.Body)
	}
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) != 4 {
		t.Fatalf("got %d paragraphs, want 4 (headline and three): %q", len(paras), paras)
	}
	if paras[0] != a.Title || !strings.HasPrefix(paras[1], "Dock workers") || !strings.Contains(paras[3], "the best that could be won in the circumstances") {
		t.Errorf("paragraphs: got %q", paras)
	}
}

func TestCleanHTMLSniffedAndFallback(t *testing.T) {
	// No extension, too little for readability: the tag stripper and the
	// plain-text classifier take over.
	raw := `<html><body><div>Menu</div><div>Sign in</div>
<div>The committee met on Friday and agreed to publish its findings next month, the chairman said.</div>
<script>alert("secret")</script></body></html>`
	a, err := Clean([]byte(raw), "download")
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != "html" {
		t.Errorf("Format: got %q, want html", a.Format)
	}
	if !strings.Contains(a.Body, "The committee met on Friday") || strings.Contains(a.Body, "secret") || strings.Contains(a.Body, "Sign in") {
		t.Errorf("Body: got %q", a.Body)
	}
}

func TestCleanNotHTML(t *testing.T) {
	raw := "Prices <b>rose</b> sharply on Monday as traders reacted to the news from the central bank about its plans."
	a, err := Clean([]byte(raw), "notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != "text" {
		t.Errorf("Format: got %q, want text", a.Format)
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2011-03-31T10:00:00Z", "2011-03-31"},
		{"29/07/2011 10:24:00", "2011-07-29"},
		{"07/29/2011", "2011-07-29"},
		{"Jun. 24, 2013 - 03:45AM", "2013-06-24"},
		{"Published Oct. 30, 2017", "2017-10-30"},
		{"Friday, 21 July, 2017, 9:34", "2017-07-21"},
		{"- Published16 September 2015", "2015-09-16"},
		{"16 September 2015", "2015-09-16"},
		{"He may return in 2015", ""},
		{"31/31/2011", ""},
		{"no date here", ""},
	}
	for _, tt := range tests {
		if got := findDate(tt.in); got != tt.want {
			t.Errorf("findDate(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanHTMLNewsPage(t *testing.T) {
	raw, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Clean(raw, "news.html")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Minister resigns over harbour contracts" || a.Date != "2023-02-11" {
		t.Errorf("Title, Date: got %q, %q", a.Title, a.Date)
	}
	paras := strings.Split(a.Body, "\n\n")
	want := []string{
		"Minister resigns over harbour contracts",
		"Opposition demands inquiry into tender process",
		"The minister leaving the ministry on Friday evening. Photo: Example Agency",
	}
	if len(paras) < len(want) || !slices.Equal(paras[:len(want)], want) {
		t.Errorf("head paragraphs: got %q, want %q", paras, want)
	}
	if last := paras[len(paras)-1]; last != "It has not commented further." {
		t.Errorf("last paragraph: got %q", last)
	}
	for _, junk := range []string{"cookies", "Home", "Related", "Most read", "Share", "©", "analytics", "color:red", "11 February", "Jane Doe"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("furniture %q kept in body", junk)
		}
	}
}

func TestCleanHardWrapped(t *testing.T) {
	raw := `Council approves budget

The city council approved next year's budget on Thursday after a
debate that lasted well into the night, with members of the ruling
coalition voting in favour and the opposition abstaining.

The budget raises spending on public transport by a fifth and freezes
property taxes for a second year. The mayor said the plan was
"balanced and fair" and thanked officials for their work on it.

Opposition councillors said the figures relied on optimistic
forecasts of tourist numbers and warned of cuts later in the year if
those forecasts were not met.
`
	a, err := Clean([]byte(raw), "wire.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) != 4 {
		t.Fatalf("got %d paragraphs, want 4: %q", len(paras), paras)
	}
	if !strings.HasPrefix(paras[1], "The city council approved") || !strings.Contains(paras[1], "after a debate that lasted") {
		t.Errorf("wrapped lines not joined: %q", paras[1])
	}
	ss := Segment(a.Body)
	if len(ss) != 5 {
		t.Errorf("got %d sentences, want 5", len(ss))
	}
}

func TestCleanShortNote(t *testing.T) {
	a, err := Clean([]byte("Meeting moved to Friday.\n"), "note.txt")
	if err != nil {
		t.Fatal(err)
	}
	if a.Body != "Meeting moved to Friday." {
		t.Errorf("Body: got %q", a.Body)
	}
}

func TestCleanStopsAtComments(t *testing.T) {
	raw := article[:strings.Index(article, "Share This Article")] + `Comments (2)

harbourwatcher
3 hours ago
About time too. The whole tender process was a scandal from the start and everyone on the island knew it, whatever the ministry claims now.
Reply

kmuscat
2 hours ago
I doubt anything will change after this. The same people will be back in a year and we will be reading the same story again, mark my words.
Reply
`
	a, err := Clean([]byte(raw), "story.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(a.Body, "thanked members for their patience.") {
		t.Errorf("body does not end with the article: %q", a.Body[max(0, len(a.Body)-120):])
	}
	if strings.Contains(a.Body, "About time") || strings.Contains(a.Body, "mark my words") {
		t.Errorf("reader comments kept in body")
	}
}

func TestCleanMidBodyFurniture(t *testing.T) {
	raw := `Menu
Search
World
Business
Sport

Fishermen rescued after three days adrift

Coastguard finds crew of seven alive near reef

Updated 14:32, 3 March 2022

Seven fishermen who had been missing for three days were found alive on Thursday clinging to their damaged boat near an outlying reef, the coastguard said.

The men had set out from the northern port on Monday morning but lost contact with the shore when their engine failed during a storm later that day.

Advertisement

"They were exhausted and very thirsty, but all of them could walk," a coastguard officer told reporters at the harbour, where relatives had gathered since dawn.

Read more: Storm season starts early this year

The fishermen were taken to hospital for checks and are expected to be released on Friday, according to the regional health authority.

Follow us on Twitter
Sign up for our morning newsletter
Related
Ferry service suspended as storm hits coast
Record catch reported by southern fleet
Port strike enters third week
`
	a, err := Clean([]byte(raw), "story.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(a.Body, "\n\n")
	want := []string{"Fishermen rescued after three days adrift", "Coastguard finds crew of seven alive near reef"}
	if len(paras) < 2 || !slices.Equal(paras[:2], want) {
		t.Errorf("head: got %q, want %q", paras[:min(2, len(paras))], want)
	}
	if a.Date != "2022-03-03" {
		t.Errorf("Date: got %q, want 2022-03-03", a.Date)
	}
	for _, keep := range []string{"Seven fishermen", "lost contact", "very thirsty", "expected to be released on Friday"} {
		if !strings.Contains(a.Body, keep) {
			t.Errorf("article text %q missing", keep)
		}
	}
	for _, junk := range []string{"Menu", "Advertisement", "Read more", "Follow us", "newsletter", "Related", "Ferry", "Port strike", "Updated"} {
		if strings.Contains(a.Body, junk) {
			t.Errorf("furniture %q kept", junk)
		}
	}
}

// A document that is one line of names (a wire dateline, a monitoring
// service's source line, a town and its state, as sentence-per-line corpora
// give them) is kept for its names; a one-line menu, prompt or lower-case
// fragment still has no article text.
func TestCleanNameLineAlone(t *testing.T) {
	for _, tc := range []struct {
		in   string
		keep bool
	}{
		{"OSLO , Norway ( AP )", true},
		{"HAVRE, Mont. (AP)", true},
		{"QUITO (Reuters)", true},
		{"Lisbon LUSA", true},
		{"Fort Ord , Calif. ;", true},
		{"Share this article", false},
		{"Home | Contact | Advertise", false},
		{"read more", false},
		{"Oslo, Norway\n\nHome", false}, // two lines: context decides, as before
		{"3 Min Read", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			a, err := Clean([]byte(tc.in+"\n"), "line.txt")
			if tc.keep {
				if err != nil || a.Body != tc.in {
					t.Fatalf("got %q, %v; want the line kept", a.Body, err)
				}
				return
			}
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("got %q, %v; want ErrNoText", a.Body, err)
			}
		})
	}
}
