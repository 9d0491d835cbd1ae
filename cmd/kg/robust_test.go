package main

// Tests that kg survives what analysts feed it (issue 7): bad files, a
// database in use, foreign or newer databases, a full disk, hostile names
// and sentences in every export, and no network use. Tests that need a real
// second process build the kg binary once (kgBinary).

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// kgBinary builds kg once per test binary run and returns its path. Tests
// that need it are skipped under -short.
func kgBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the kg binary; skipped under -short")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "kg-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "kg")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// Names the generated articles put in place of the example's people.
var (
	givenNames = []string{"Amira", "Tarek", "Yusuf", "Leila", "Omar", "Samir", "Nadia", "Karim", "Hana", "Idris", "Rania", "Walid"}
	surnames   = []string{"Haddad", "Mansour", "Belkacem", "Sharif", "Zidane", "Khoury", "Nasser", "Qasim", "Rahimi", "Saleh", "Tamimi", "Farouk", "Jaber"}
)

// writeArticles writes n articles into dir, each the example article with
// its people renamed (so that each is a different document with its own
// entities) chosen by rng, and returns their paths in order.
func writeArticles(t *testing.T, dir string, n int, rng *rand.Rand) []string {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	// The people of the example, longest form first so that a full name is
	// replaced before its surname alone.
	people := [][2]string{
		{"Moussa Koussa", "Koussa"},
		{"Abdulati Al Obeidi", "Obeidi"},
		{"Abdullah Senussi", "Senussi"},
		{"Ali Abdussalam Treki", "Treki"},
		{"Mustafa Gheriani", "Gheriani"},
		{"Moussa Ibrahim", "Ibrahim"},
	}
	var paths []string
	for i := 0; i < n; i++ {
		body := string(src)
		for _, p := range people {
			given := givenNames[rng.Intn(len(givenNames))]
			sur := surnames[rng.Intn(len(surnames))]
			body = strings.ReplaceAll(body, p[0], given+" "+sur)
			body = strings.ReplaceAll(body, p[1], sur)
		}
		path := filepath.Join(dir, fmt.Sprintf("article-%03d.txt", i))
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// exportJSON exports db as JSON in-process and decodes it.
type exportDoc struct {
	Entities []struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Relations []struct {
		Subject   string `json:"subject"`
		Predicate string `json:"predicate"`
		Object    string `json:"object"`
		Evidence  []struct {
			Sentence string `json:"sentence"`
		} `json:"evidence"`
	} `json:"relations"`
}

func exportJSON(t *testing.T, db string) (string, exportDoc) {
	t.Helper()
	out, stderr, err := kg(t, "--db", db, "export", "--format", "json")
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	var doc exportDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	return out, doc
}

// linesNaming returns the stderr lines that start with "kg: path:".
func linesNaming(stderr, path string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "kg: "+path+": ") {
			out = append(out, l)
		}
	}
	return out
}

// badInputs writes one file for each kind of bad input into dir and
// returns, by file name, the text its message must contain. Big files are
// made here, at run time: the 100 MB one sparse, so it costs no disk.
func badInputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("empty.txt", nil)
	write("blank.txt", []byte(" \n\n\t \n"))
	write("image.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0x42, 0x00}, 64)...))
	write("paper.txt", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))
	write("program.txt", append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 64)...))
	write("archive.html", append([]byte("PK\x03\x04\x14\x00"), make([]byte, 32)...))
	big, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()
	sentence := "Amira Haddad met Tarek Mansour in Tripoli and they talked about oil and the economy and the war "
	write("oneline-10mb.txt", []byte(strings.Repeat(sentence, (10<<20)/len(sentence)+1)[:10<<20]))
	write("oneline-1mb.txt", []byte(strings.Repeat(sentence, (1<<20)/len(sentence)+1)[:1<<20]))
	return map[string]string{
		"empty.txt":        "empty",
		"blank.txt":        "empty",
		"image.txt":        "not text: a PNG image",
		"paper.txt":        "not text: a PDF document",
		"program.txt":      "not text: an executable",
		"archive.html":     "not text: a zip archive",
		"huge.txt":         "100 MiB is larger than the 16 MiB a file may be",
		"oneline-10mb.txt": "10.0 MiB of text is more than the 4 MiB",
		"oneline-1mb.txt":  "without a sentence break",
	}
}

// TestIngestEachBadInput feeds kg each bad file beside a good article: one
// line names the file and the reason, the good article goes in, and the
// exit status is non-zero with a summary.
func TestIngestEachBadInput(t *testing.T) {
	dir := t.TempDir()
	want := badInputs(t, dir)
	want["missing.txt"] = "no such file"
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "locked.txt")
		if err := os.WriteFile(locked, []byte("Amira Haddad met Tarek Mansour in Tripoli."), 0o000); err != nil {
			t.Fatal(err)
		}
		want["locked.txt"] = "permission denied"
	} else {
		t.Log("running as root, where chmod 000 does not stop reads: the unreadable-file case is skipped")
	}
	for name, reason := range want {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kg.db")
			path := filepath.Join(dir, name)
			start := time.Now()
			_, stderr, err := kg(t, "--db", db, "ingest", path, fixture)
			t.Logf("%s: %v", name, time.Since(start).Round(time.Millisecond))
			if err == nil {
				t.Fatalf("ingest succeeded; want a non-zero exit\n%s", stderr)
			}
			if !strings.Contains(err.Error(), "1 of 2 inputs skipped") {
				t.Errorf("summary = %q, want it to count 1 of 2 inputs skipped", err)
			}
			lines := linesNaming(stderr, path)
			if len(lines) != 1 {
				t.Fatalf("got %d lines naming %s, want 1:\n%s", len(lines), path, stderr)
			}
			if !strings.Contains(lines[0], reason) {
				t.Errorf("message %q does not say %q", lines[0], reason)
			}
			_, doc := exportJSON(t, db)
			if len(doc.Entities) < 5 {
				t.Errorf("the good article beside %s did not go in: %d entities", name, len(doc.Entities))
			}
		})
	}
}

// TestIngestRepairedEncodings checks that Windows-1252 text is decoded
// (names come out accented in the export) and that invalid UTF-8 is
// repaired, each with a note saying which.
func TestIngestRepairedEncodings(t *testing.T) {
	dir := t.TempDir()
	cp1252 := filepath.Join(dir, "cp1252.txt")
	// "José Müller" and curly quotes in Windows-1252 bytes.
	latin := "Foreign Minister Jos\xe9 M\xfcller met Fran\xe7oise Dupr\xe9 in Bogot\xe1 on Monday, officials said.\n\n" +
		"M\xfcller later flew to Paris with Dupr\xe9. \x93We agreed on trade,\x94 M\xfcller told reporters.\n"
	if err := os.WriteFile(cp1252, []byte(latin), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.txt")
	// Valid UTF-8 (accents, a dash) with two stray bytes in the middle.
	damaged := "Foreign Minister José Müller met Françoise Dupré in Bogotá on Monday — officials said.\n\n" +
		"Müller later flew to Paris \xff\xfe with Dupré. The ministry confirmed the trip.\n"
	if err := os.WriteFile(broken, []byte(damaged), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, note string }{
		{cp1252, "decoded as Windows-1252"},
		{broken, "invalid UTF-8 repaired"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kg.db")
			_, stderr, err := kg(t, "--db", db, "ingest", tt.path)
			if err != nil {
				t.Fatalf("ingest: %v\n%s", err, stderr)
			}
			lines := linesNaming(stderr, tt.path)
			if len(lines) != 1 || !strings.Contains(lines[0], tt.note) {
				t.Errorf("notes = %q, want one saying %q", lines, tt.note)
			}
			out, doc := exportJSON(t, db)
			if !utf8.ValidString(out) {
				t.Errorf("export is not valid UTF-8")
			}
			names := map[string]bool{}
			for _, e := range doc.Entities {
				names[e.Name] = true
			}
			for _, want := range []string{"José Müller", "Françoise Dupré"} {
				if !names[want] {
					t.Errorf("no entity named %q; got %v", want, names)
				}
			}
		})
	}
}

// TestIngestHTMLScripts checks that nothing inside script and style
// elements reaches the graph.
func TestIngestHTMLScripts(t *testing.T) {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Minister defects</title>\n")
	b.WriteString("<style>body { font-family: 'Vladimir Scriptov'; } .x::after { content: 'Olga Stylova met Ivan Cssky in Minsk.'; }</style>\n")
	b.WriteString(`<script>var story = "Boris Evalov met Nina Scriptova in Kiev on Monday."; document.write("<p>Pavel Injectov defected to Moscow.</p>");</script>` + "\n")
	b.WriteString(`<script type="application/ld+json">{"author": "Greta Jsonova", "headline": "Greta Jsonova met Lars Schema in Oslo"}</script>` + "\n")
	b.WriteString("</head><body><article>\n")
	body, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	for i, para := range strings.Split(string(body), "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", para)
		if i%2 == 0 {
			fmt.Fprintf(&b, "<script>track('Pavel Injectov', %d); if (a < b && c) { Dmitri Callback(); }</script><style>p.n%d{color:red}</style>\n", i, i)
		}
	}
	b.WriteString("</article><noscript>Nina Noscriptova met Boris Evalov.</noscript></body></html>\n")
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, err := kg(t, "--db", db, "ingest", path); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, doc := exportJSON(t, db)
	if len(doc.Entities) < 5 {
		t.Fatalf("the article's own text did not go in: %d entities", len(doc.Entities))
	}
	for _, bad := range []string{"Scriptov", "Stylova", "Cssky", "Evalov", "Injectov", "Jsonova", "Schema", "Callback", "font-family", "document.write", "track(", "color:red"} {
		if strings.Contains(out, bad) {
			t.Errorf("script or style text %q reached the graph", bad)
		}
	}
}

// TestIngestOtherScripts ingests Arabic, Russian and Chinese text. kg's
// extractor reads English, and on Russian it made entities of
// sentence-initial words ("Министр" as a person): so an article mostly in
// another script is refused with a line that names the script, and an
// English article quoting other scripts goes in without garbage entities
// (replacement characters, punctuation, broken pieces of words).
func TestIngestOtherScripts(t *testing.T) {
	texts := []struct{ name, body, refused string }{
		{"arabic.txt", "التقى وزير الخارجية الليبي موسى كوسا بمسؤولين بريطانيين في لندن يوم الأربعاء. وقال المتحدث باسم الحكومة إن الوزير سافر إلى تونس للعلاج.\n\n" +
			"وأكدت وزارة الخارجية البريطانية أن كوسا لم يحصل على أي حصانة من الملاحقة القضائية.\n", "written in Arabic script"},
		{"russian.txt", "Министр иностранных дел Ливии Муса Куса прибыл в Лондон в среду. Представитель правительства заявил, что министр уехал в Тунис на лечение.\n\n" +
			"Министерство иностранных дел Великобритании подтвердило, что Куса не получил иммунитета от уголовного преследования.\n", "written in Cyrillic script"},
		{"chinese.txt", "利比亚外交部长穆萨·库萨星期三抵达伦敦。政府发言人说，这位部长前往突尼斯接受治疗。\n\n" +
			"英国外交部证实，库萨没有获得免于起诉的豁免权。\n", "written in Han (Chinese) script"},
		{"quoting.txt", "Moussa Koussa flew to London on Wednesday, officials said. In Tripoli, the spokesman Moussa Ibrahim denied it.\n\n" +
			"The Russian press wrote «Куса в Лондоне», a Chinese site 阿拉伯媒体报道了这个消息, and Al Jazeera quoted وقال المتحدث إن الوزير سافر in full.\n", ""},
	}
	garbage := regexp.MustCompile(`\x{FFFD}|^[\p{P}\p{S}\s\d]*$|^\p{M}`)
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.name)
			if err := os.WriteFile(path, []byte(tt.body), 0o644); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(t.TempDir(), "kg.db")
			_, stderr, err := kg(t, "--db", db, "ingest", path)
			if tt.refused != "" {
				lines := linesNaming(stderr, path)
				if err == nil || len(lines) != 1 || !strings.Contains(lines[0], tt.refused) {
					t.Fatalf("err = %v, lines %q; want one line saying %q", err, lines, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatalf("ingest: %v\n%s", err, stderr)
			}
			_, doc := exportJSON(t, db)
			if len(doc.Entities) < 2 {
				t.Errorf("%d entities from an English article", len(doc.Entities))
			}
			for _, e := range doc.Entities {
				if garbage.MatchString(e.Name) || !utf8.ValidString(e.Name) || e.ID == "" {
					t.Errorf("garbage entity %q (id %q, %s)", e.Name, e.ID, e.Type)
				}
				for _, a := range e.Aliases {
					if garbage.MatchString(a) {
						t.Errorf("entity %q has garbage alias %q", e.Name, a)
					}
				}
			}
		})
	}
}

// TestMainScript checks the script detector on its edges.
func TestMainScript(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "Latin"},
		{"12 345 ... !!", "Latin"},
		{"Plain English text.", "Latin"},
		{"Müller, Dupré, Bogotá", "Latin"},
		{"Москва и Куса", "Cyrillic"},
		{"Moussa Koussa (موسى كوسا) met officials in London on Wednesday", "Latin"},
		{"موسى كوسا في لندن", "Arabic"},
		{"穆萨·库萨星期三抵达伦敦", "Han (Chinese)"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, _ := mainScript(tt.in); got != tt.want {
				t.Errorf("mainScript(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestIngestMixedFolder ingests a folder holding every bad input, good
// articles in a subfolder, a symbolic link loop, a link to a folder, a link
// to an article and a dangling link: the walk ends, every bad file gets its
// line, the good articles go in, and the summary counts them.
func TestIngestMixedFolder(t *testing.T) {
	dir := t.TempDir()
	want := badInputs(t, dir)
	sub := filepath.Join(dir, "news")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	good := writeArticles(t, sub, 3, rand.New(rand.NewSource(1)))
	links := map[string]string{
		"loop":         ".",                    // a loop back to the folder itself
		"news/up":      "..",                   // a loop through a subfolder
		"alias.txt":    "news/article-000.txt", // an article read through a link
		"dangling.txt": "nowhere.txt",
		"self.txt":     "self.txt", // a link to itself
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	want["dangling.txt"] = "does not exist"
	want["self.txt"] = "" // ELOOP: refused, whatever the words
	db := filepath.Join(t.TempDir(), "kg.db")
	done := make(chan struct{})
	var stderr string
	var err error
	go func() {
		defer close(done)
		_, stderr, err = kg(t, "--db", db, "ingest", dir)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("ingest of a folder with symbolic link loops did not finish")
	}
	if err == nil {
		t.Fatalf("ingest succeeded; want a non-zero exit\n%s", stderr)
	}
	for name, reason := range want {
		lines := linesNaming(stderr, filepath.Join(dir, name))
		if len(lines) != 1 || !strings.Contains(lines[0], reason) {
			t.Errorf("%s: lines %q, want one saying %q", name, lines, reason)
		}
	}
	for _, loop := range []string{"loop", "news/up"} {
		if !strings.Contains(stderr, filepath.Join(dir, loop)+": a symbolic link to a folder, not followed") {
			t.Errorf("no note that %s was not followed:\n%s", loop, stderr)
		}
	}
	// 3 articles, and the linked one is the same document as article-000.
	if !strings.Contains(stderr, fmt.Sprintf("ingested 3 of %d articles", len(want)+len(good)+1)) ||
		!strings.Contains(stderr, "1 already there") {
		t.Errorf("summary does not count 3 articles in and the linked one already there:\n%s", stderr)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("%d of %d inputs skipped", len(want), len(want)+len(good)+1)) {
		t.Errorf("exit message = %q", err)
	}
	t.Logf("stderr:\n%s", stderr)
}

// TestDatabaseInUse runs one kg ingest and, while it holds the database,
// a second kg ingest and a kg query: each must fail at once saying the
// database is in use, and the first must finish unharmed.
func TestDatabaseInUse(t *testing.T) {
	bin := kgBinary(t)
	dir := t.TempDir()
	articles := writeArticles(t, dir, 120, rand.New(rand.NewSource(7)))
	db := filepath.Join(t.TempDir(), "kg.db")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	first := exec.CommandContext(ctx, bin, "--db", db, "ingest", "-v", "-j", "1", dir)
	pr, pw := io.Pipe()
	first.Stderr = pw
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	firstDone := make(chan struct{})
	var firstErr error
	go func() { firstErr = first.Wait(); pw.Close(); close(firstDone) }()
	// The first per-article line means the database is open and being written.
	var firstOut bytes.Buffer
	started := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		once := sync.Once{}
		for {
			n, err := pr.Read(buf)
			firstOut.Write(buf[:n])
			if bytes.Contains(firstOut.Bytes(), []byte("article-000.txt:")) {
				once.Do(func() { close(started) })
			}
			if err != nil {
				once.Do(func() { close(started) })
				return
			}
		}
	}()
	<-started
	for _, args := range [][]string{
		{"ingest", articles[0]},
		{"query", "who travelled with Haddad"},
		{"export", "--format", "json"},
	} {
		t.Run(args[0], func(t *testing.T) {
			cmd := exec.CommandContext(ctx, bin, append([]string{"--db", db}, args...)...)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			elapsed := time.Since(start)
			t.Logf("kg %s refused after %v", args[0], elapsed.Round(time.Millisecond))
			if err == nil {
				select {
				case <-firstDone:
					t.Skip("the first ingest finished before the second command ran; nothing to test")
				default:
				}
				t.Fatalf("kg %s on a database in use succeeded:\n%s", args[0], out)
			}
			if !strings.Contains(string(out), "in use by another kg process") {
				t.Errorf("kg %s: message %q does not say the database is in use", args[0], out)
			}
			if elapsed > 10*time.Second {
				t.Errorf("kg %s took %v to refuse; it must not wait for the lock", args[0], elapsed)
			}
		})
	}
	<-firstDone
	if firstErr != nil {
		t.Fatalf("the first ingest failed: %v\n%s", firstErr, tail(firstOut.String(), 5))
	}
	if _, doc := exportJSON(t, db); len(doc.Entities) < 30 {
		t.Errorf("after the first ingest: %d entities", len(doc.Entities))
	}
}

// TestFullDisk ingests into a small tmpfs, fills it, and ingests more: kg
// must stop with an error that says the disk is full, and the database must
// open afterwards with what was committed. (Badger writes through
// memory-mapped files: left to fill the disk it dies of SIGBUS, which is
// why ingest checks the free space before each commit.)
func TestFullDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a tmpfs; skipped under -short")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (needs root): %v %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", mnt, err, out)
		}
	})
	db := filepath.Join(mnt, "kg.db")
	dir := t.TempDir()
	first := writeArticles(t, t.TempDir(), 3, rand.New(rand.NewSource(3)))
	writeArticles(t, dir, 5, rand.New(rand.NewSource(4)))
	if _, stderr, err := kg(t, append([]string{"--db", db, "ingest"}, first...)...); err != nil {
		t.Fatalf("ingest before the disk fills: %v\n%s", err, stderr)
	}
	_, before := exportJSON(t, db)
	// Fill the disk, leaving less than ingest needs.
	filler, err := os.Create(filepath.Join(mnt, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 1<<20)
	for {
		free, ok := diskFree(mnt)
		if !ok {
			t.Skip("cannot read the free space")
		}
		if free < minFree/2 {
			break
		}
		if _, err := filler.Write(chunk); err != nil {
			t.Fatalf("fill: %v", err)
		}
	}
	filler.Close()
	_, stderr, err := kg(t, "--db", db, "ingest", dir)
	t.Logf("ingest on a full disk: %v\n%s", err, tail(stderr, 4))
	if err == nil || !strings.Contains(err.Error(), "is full") {
		t.Fatalf("ingest on a full disk: err = %v, want one saying the disk is full", err)
	}
	out, estderr, err := kg(t, "--db", db, "export", "--format", "json")
	if err != nil {
		t.Fatalf("the database does not open after a full disk: %v\n%s", err, estderr)
	}
	var after exportDoc
	if err := json.Unmarshal([]byte(out), &after); err != nil {
		t.Fatalf("export after a full disk is not JSON: %v", err)
	}
	if len(after.Entities) != len(before.Entities) || len(after.Relations) != len(before.Relations) {
		t.Errorf("after the full disk: %d entities, %d relations; want the %d and %d committed before",
			len(after.Entities), len(after.Relations), len(before.Entities), len(before.Relations))
	}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// hostileArticle is an article whose names and sentences carry everything
// an export must escape.
const hostileArticle = `Minister <script>alert(1)</script> resigns

Foreign Minister Jo O'Neil met Amira Haddad in Tripoli on Monday, officials said "we & they agreed" on <b>trade</b> \ back\slash.

=HYPERLINK("http://example.invalid") Tarek Mansour travelled to Paris with Amira Haddad, the ministry said; +1 -2 @home.

Leila Sharif, a spokeswoman, said the talks with Tarek Mansour were "useful" & ` + "\x07" + `calm; ` + "\u202Eevil\u202C" + ` text was quoted.

The interior minister, Samir Khoury, accused Amira Haddad of </title><svg onload=alert(1)> fraud in Benghazi.

المتحدث موسى إبراهيم said Amira Haddad met Samir Khoury in Tripoli.
`

// TestHostileArticleExports ingests the hostile article and exports it in
// every text format; each parses back with a standard parser, the names
// come back as they went in, and no CSV cell is a formula.
func TestHostileArticleExports(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hostile.txt")
	if err := os.WriteFile(path, []byte(hostileArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, err := kg(t, "--db", db, "ingest", path); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	_, doc := exportJSON(t, db)
	if len(doc.Entities) < 3 || len(doc.Relations) < 1 {
		t.Fatalf("the hostile article gave %d entities and %d relations; want a graph to export", len(doc.Entities), len(doc.Relations))
	}
	hostileEvidence := false
	for _, r := range doc.Relations {
		for _, e := range r.Evidence {
			if strings.ContainsAny(e.Sentence, `<&"\`) {
				hostileEvidence = true
			}
		}
	}
	if !hostileEvidence {
		t.Errorf("no evidence sentence carries markup, quotes or backslashes: the test exports nothing hostile")
	}

	for _, format := range []string{"graphml", "gexf", "svg"} {
		t.Run(format, func(t *testing.T) {
			out, stderr, err := kg(t, "--db", db, "export", "--format", format)
			if err != nil {
				t.Fatalf("export: %v\n%s", err, stderr)
			}
			d := xml.NewDecoder(strings.NewReader(out))
			d.Strict = true
			var text strings.Builder
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s does not parse as XML: %v", format, err)
				}
				switch tok := tok.(type) {
				case xml.StartElement:
					if strings.EqualFold(tok.Name.Local, "script") {
						t.Errorf("%s has a <script> element", format)
					}
					for _, a := range tok.Attr {
						if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
							t.Errorf("%s has an event handler attribute %s=%q", format, a.Name.Local, a.Value)
						}
						text.WriteString(a.Value + "\n")
					}
				case xml.CharData:
					text.Write(tok)
				}
			}
			// The names come back whole from the parsed document.
			for _, e := range doc.Entities {
				if format != "svg" && !strings.Contains(text.String(), e.Name) {
					t.Errorf("%s: entity name %q not found in the parsed text", format, e.Name)
				}
			}
		})
	}

	t.Run("dot", func(t *testing.T) {
		out, stderr, err := kg(t, "--db", db, "export", "--format", "dot")
		if err != nil {
			t.Fatalf("export: %v\n%s", err, stderr)
		}
		if err := lexDOT(out); err != nil {
			t.Fatalf("DOT does not lex: %v", err)
		}
		if dot, err := exec.LookPath("dot"); err == nil {
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = strings.NewReader(out)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("Graphviz rejects the DOT: %v\n%s", err, tail(string(msg), 5))
			}
		}
	})

	t.Run("cypher", func(t *testing.T) {
		out, stderr, err := kg(t, "--db", db, "export", "--format", "cypher")
		if err != nil {
			t.Fatalf("export: %v\n%s", err, stderr)
		}
		if err := lexCypher(out); err != nil {
			t.Errorf("Cypher strings do not close: %v", err)
		}
	})

	t.Run("csv", func(t *testing.T) {
		outDir := t.TempDir()
		if _, stderr, err := kg(t, "--db", db, "export", "--format", "csv", "-o", outDir); err != nil {
			t.Fatalf("export: %v\n%s", err, stderr)
		}
		for _, name := range []string{"nodes.csv", "edges.csv"} {
			f, err := os.Open(filepath.Join(outDir, name))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil {
				t.Fatalf("%s does not parse as CSV: %v", name, err)
			}
			if len(rows) < 2 {
				t.Errorf("%s has %d rows", name, len(rows))
			}
			for _, row := range rows {
				for _, c := range row {
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !numeric.MatchString(c) {
						t.Errorf("%s: cell %q starts like a formula", name, c)
					}
					if strings.ContainsAny(c, "\n\r") {
						t.Errorf("%s: cell %q spans lines", name, c)
					}
				}
			}
		}
	})
}

var numeric = regexp.MustCompile(`^-?[0-9.]+(e-?[0-9]+)?$`)

// lexDOT checks DOT's token structure: every double-quoted string closes
// (with \" and \\ escapes), every HTML-like <...> label balances, braces
// balance, and no raw newline or control character sits inside a string.
func lexDOT(s string) error {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' {
					j++
				} else if s[j] < 0x20 && s[j] != '\t' {
					return fmt.Errorf("control byte %#x inside a string at %d", s[j], j)
				}
			}
			if j >= len(s) {
				return fmt.Errorf("string at %d does not close", i)
			}
			i = j
		case '<':
			n := 1
			j := i + 1
			for ; j < len(s) && n > 0; j++ {
				switch s[j] {
				case '<':
					n++
				case '>':
					n--
				}
			}
			if n > 0 {
				return fmt.Errorf("HTML label at %d does not close", i)
			}
			i = j - 1
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return fmt.Errorf("unbalanced } at %d", i)
			}
		case '/':
			if strings.HasPrefix(s[i:], "//") {
				if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
					i += k
				}
			}
		}
	}
	if depth != 0 {
		return fmt.Errorf("%d unclosed {", depth)
	}
	return nil
}

// lexCypher checks that every Cypher string literal closes on its line.
func lexCypher(s string) error {
	for n, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		var quote byte
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case quote != 0 && c == '\\':
				i++
			case quote != 0 && c == quote:
				quote = 0
			case quote == 0 && (c == '\'' || c == '"' || c == '`'):
				quote = c
			case c < 0x20 && c != '\t':
				return fmt.Errorf("line %d: control byte %#x", n+1, c)
			}
		}
		if quote != 0 {
			return fmt.Errorf("line %d: string does not close: %q", n+1, line)
		}
	}
	return nil
}

// TestNoNetwork checks both ways that kg touches no network. Statically:
// of kg's own packages only store/dgraph (the opt-in dgraph:// backend)
// imports a network package, and none imports os/exec but exports (which
// runs rsvg-convert, a fixed program, for PNG and PDF). At run time: kg
// ingest, query and export run under strace without creating one network
// socket.
func TestNoNetwork(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "github.com/kgraph/kg/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	netPkgs := regexp.MustCompile(`^(net|net/http|net/rpc|net/smtp|crypto/tls|google\.golang\.org/grpc.*|github\.com/dgraph-io/dgo.*)$`)
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := fields[0]
		for _, imp := range fields[1:] {
			if netPkgs.MatchString(imp) && pkg != "github.com/kgraph/kg/store/dgraph" && !strings.HasPrefix(pkg, "github.com/kgraph/kg/tools/") {
				t.Errorf("%s imports %s: kg works offline", pkg, imp)
			}
			if imp == "os/exec" && pkg != "github.com/kgraph/kg/exports" && !strings.HasPrefix(pkg, "github.com/kgraph/kg/tools/") && !strings.HasPrefix(pkg, "github.com/kgraph/kg/.ci") {
				t.Errorf("%s imports os/exec: kg runs nothing but rsvg-convert for rasters", pkg)
			}
		}
	}

	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace not installed: the run-time check is skipped (the import check above ran)")
	}
	bin := kgBinary(t)
	db := filepath.Join(t.TempDir(), "kg.db")
	trace := filepath.Join(t.TempDir(), "trace")
	for _, args := range [][]string{
		{"ingest", fixture},
		{"query", "who travelled with Koussa"},
		{"export", "--format", "svg"},
	} {
		cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=socket,connect", "-o", trace, bin, "--db", db}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			if strings.Contains(string(out), "PTRACE") || strings.Contains(string(out), "ptrace") {
				t.Skipf("strace cannot trace here: %s", tail(string(out), 2))
			}
			t.Fatalf("kg %s under strace: %v\n%s", args[0], err, tail(string(out), 5))
		}
		calls, err := os.ReadFile(trace)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(calls), "\n") {
			if strings.Contains(l, "AF_INET") || strings.Contains(l, "AF_INET6") || strings.Contains(l, "connect(") {
				t.Errorf("kg %s opened a network socket: %s", args[0], l)
			}
		}
	}
}

// killed reports whether err is a process killed by sig.
func killed(err error, sig syscall.Signal) bool {
	ee, ok := err.(*exec.ExitError)
	if !ok {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == sig
}
