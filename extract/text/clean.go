package text

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Errors returned by Clean.
var (
	// ErrEmpty means the input holds nothing but whitespace.
	ErrEmpty = errors.New("text: empty input")
	// ErrBinary means the input is not text (NUL bytes, control bytes, or a
	// known binary file signature).
	ErrBinary = errors.New("text: binary input")
	// ErrNoText means the input is text but no article text survived cleaning.
	ErrNoText = errors.New("text: no article text found")
)

// Article is the cleaned main text of a document.
type Article struct {
	Title  string   // headline where found (HTML <title>/og:title, or the first short line of plain text)
	Date   string   // publication date ISO yyyy-mm-dd where found, else ""
	Body   string   // the cleaned main text: paragraphs separated by "\n\n"; headline lines kept as their own paragraphs
	Format string   // "html" or "text"
	Notes  []string // what was repaired: "decoded windows-1252", "replaced invalid UTF-8"
}

// Notes recorded by Clean.
const (
	NoteWindows1252 = "decoded windows-1252"
	NoteReplaced    = "replaced invalid UTF-8"
	NoteUTF16       = "decoded UTF-16"
	NoteBOM         = "stripped byte order mark"
)

// Clean decodes raw, decides whether it is HTML or plain text (name's
// extension hints, the content decides), and returns the article's main
// text. It returns ErrEmpty for blank input, ErrBinary for binary input and
// ErrNoText when nothing that reads as article text remains; each is
// wrapped with name.
func Clean(raw []byte, name string) (Article, error) {
	var a Article
	s, notes, err := decode(raw)
	if err != nil {
		return a, fmt.Errorf("text: clean %q: %w", name, err)
	}
	a.Notes = notes
	s = normalizeNewlines(s)
	if looksHTML(s, name) {
		a.Format = "html"
		cleanHTML(s, &a)
	} else {
		a.Format = "text"
		cleanPlain(s, &a)
	}
	if strings.TrimSpace(a.Body) == "" {
		return a, fmt.Errorf("text: clean %q: %w", name, ErrNoText)
	}
	return a, nil
}

// decode returns raw as valid UTF-8 without a byte order mark, and notes
// on what it repaired.
func decode(raw []byte) (string, []string, error) {
	var notes []string
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", nil, ErrEmpty
	}
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		raw = raw[3:]
		notes = append(notes, NoteBOM)
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(raw)
		if err != nil {
			return "", nil, fmt.Errorf("decode UTF-16: %w", err)
		}
		raw = out
		notes = append(notes, NoteUTF16)
	}
	if isBinary(raw) {
		return "", nil, ErrBinary
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", nil, ErrEmpty
	}
	if utf8.Valid(raw) {
		return string(raw), notes, nil
	}
	if mostlyLegacy(raw) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
		if err == nil && utf8.Valid(out) {
			return string(out), append(notes, NoteWindows1252), nil
		}
	}
	return strings.ToValidUTF8(string(raw), "\uFFFD"), append(notes, NoteReplaced), nil
}

// mostlyLegacy reports whether invalid UTF-8 input reads as a single-byte
// encoding: it has more stray high bytes than well-formed multi-byte
// sequences, so it was not UTF-8 with a few damaged bytes.
func mostlyLegacy(raw []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	return invalid > valid
}

// magic lists signatures of binary formats that may otherwise pass as text.
var magic = [][]byte{
	[]byte("%PDF-"),
	{0x89, 'P', 'N', 'G'},
	{0xFF, 0xD8, 0xFF},
	[]byte("PK\x03\x04"),
	[]byte("\x7fELF"),
	[]byte("GIF87a"), []byte("GIF89a"),
	{0x1F, 0x8B},          // gzip
	[]byte("BZh"),         // bzip2 (followed by a digit; checked loosely)
	{0xFD, '7', 'z', 'X'}, // xz
	[]byte("7z\xBC\xAF"),
	[]byte("Rar!"),
	{0xCA, 0xFE, 0xBA, 0xBE},
	[]byte("MZ\x90\x00"),
	[]byte("\xD0\xCF\x11\xE0"), // OLE (old Office)
	[]byte("OggS"),
	[]byte("ID3"),
	[]byte("RIFF"),
	[]byte("SQLite format 3"),
}

// isBinary reports whether raw is not text: a known binary signature, a
// NUL byte, or more than one byte in ten a control character.
func isBinary(raw []byte) bool {
	for _, m := range magic {
		if bytes.HasPrefix(raw, m) {
			if string(m) == "BZh" && (len(raw) < 4 || raw[3] < '1' || raw[3] > '9') {
				continue
			}
			return true
		}
	}
	sample := raw
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' || c == 0x7F {
			ctrl++
		}
	}
	return ctrl*10 > len(sample)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// looksHTML reports whether s should be parsed as HTML: its name says so
// and it has tags, or its content starts like an HTML document.
func looksHTML(s, name string) bool {
	head := s
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = strings.ToLower(strings.TrimSpace(head))
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return strings.Contains(head, "<")
	}
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<html") {
		return true
	}
	if !strings.HasPrefix(head, "<") {
		return false
	}
	for _, tag := range []string{"<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}
