package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"samizdat/corpus/corpustest"
)

// styleRE is the one escape sequence allowed to reach the terminal: SGR.
var styleRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// unsafeIn says what in s, other than SGR styles, text and line ends,
// would reach the terminal, or "" if nothing.
func unsafeIn(s string) string {
	rest := styleRE.ReplaceAllString(s, "")
	if !utf8.ValidString(rest) {
		return "invalid UTF-8"
	}
	for i, r := range rest {
		if r != '\n' && (unicode.IsControl(r) || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069) {
			return fmt.Sprintf("%U in %q", r, rest[max(0, i-20):min(len(rest), i+20)])
		}
	}
	return ""
}

// TestStyledReadHostile runs `read` with colour over the hostile folder:
// the character references never reach the terminal as controls.
func TestStyledReadHostile(t *testing.T) {
	dir := t.TempDir()
	if err := corpustest.WriteHostile(dir, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"references", "escapes", "references#heading-0-heading"} {
		out, errOut, code := runCmd(t, "--dir", dir, "--color", "always", "read", doc)
		if code != exitOK {
			t.Fatalf("read %s: exit %d: %s", doc, code, errOut)
		}
		if u := unsafeIn(out); u != "" {
			t.Errorf("read %s: %s reaches the terminal", doc, u)
		}
		if u := unsafeIn(errOut); u != "" {
			t.Errorf("read %s: on stderr, %s reaches the terminal", doc, u)
		}
	}
}

// TestStyledReadBombs prints each Markdown bomb as `read` does on a
// terminal: safe output, and the rest of a document that costs too much
// printed plain, with a warning.
func TestStyledReadBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every bomb")
	}
	dir := t.TempDir()
	if err := corpustest.WriteBombs(dir); err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, name := range names {
		id := strings.TrimSuffix(filepath.Base(name), ".md")
		out, errOut, code := runCmd(t, "--dir", dir, "--color", "always", "read", id)
		if code != exitOK {
			t.Fatalf("read %s: exit %d: %s", id, code, errOut)
		}
		if u := unsafeIn(out); u != "" {
			t.Errorf("read %s: %s reaches the terminal", id, u)
		}
		if id == "headings" && (!strings.Contains(errOut, "the rest is printed plain") || !strings.Contains(out, "\nH99999\n")) {
			t.Errorf("read headings: %q, and the end %q", errOut, out[max(0, len(out)-40):])
		}
	}
}

// TestStyledReadWholeEdition: the edition's works are styled to the end.
func TestStyledReadWholeEdition(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every work")
	}
	for _, id := range []string{"revolution-betrayed", "lenins-fight"} {
		out, errOut, code := runCmd(t, "--color", "always", "read", id)
		if code != exitOK || errOut != "" || !strings.Contains(out, "\x1b[") {
			t.Errorf("read %s: exit %d, %q", id, code, errOut)
		}
	}
}
