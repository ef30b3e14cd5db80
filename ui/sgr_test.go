package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/corpus/corpustest"
)

// styleRE is the one escape sequence allowed to reach the terminal: SGR.
var styleRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// unsafeIn says what in s, other than SGR styles, text and line ends,
// would reach the terminal: another escape sequence, a control, a
// character that reorders text, or invalid UTF-8. "" if nothing.
func unsafeIn(s string) string {
	rest := styleRE.ReplaceAllString(s, "")
	if !utf8.ValidString(rest) {
		return "invalid UTF-8"
	}
	for i, r := range rest {
		if r != '\n' && isControl(r) {
			return fmt.Sprintf("%U in %q", r, rest[max(0, i-20):min(len(rest), i+20)])
		}
	}
	return ""
}

func TestCompactLineLetsOnlyStylesThrough(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"style", "\x1b[1;38;5;63mbold\x1b[0m", "\x1b[1;38;5;63mbold\x1b[0m"},
		{"window title", "a\x1b]0;pwned\x07b", "ab"},
		{"title ended by ST", "a\x1b]2;pwned\x1b\\b", "ab"},
		{"clipboard", "a\x1b]52;c;SGFja2Vk\x07b", "ab"},
		{"hyperlink", "\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"DCS", "a\x1bP+q544e\x1b\\b", "ab"},
		{"APC", "a\x1b_apc\x1b\\b", "ab"},
		{"PM and SOS", "a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", "abc"},
		{"unterminated string", "a\x1b]0;to the end", "a"},
		{"clear screen", "a\x1b[2J\x1b[Hb", "ab"},
		{"private mode", "a\x1b[?1049hb", "ab"},
		{"not quite a style", "a\x1b[?31mb\x1b[ 4mc", "abc"},
		{"reset", "a\x1bcb", "ab"},
		{"lone ESC", "a\x1b", "a"},
		{"ESC before a letter of another script", "a\x1bжb", "aжb"},
		{"C0 controls", "a\x07b\x08c\rd", "a␇b␈c␍d"},
		{"DEL", "a\x7fb", "a␡b"},
		{"C1 CSI", "a\u009b2Jb", "a\ufffd2Jb"},
		{"C1 OSC", "a\u009d0;t\u009cb", "a\ufffd0;t\ufffdb"},
		{"reordering", "abc\u202edef\u2066", "abc\ufffddef\ufffd"},
		{"invalid UTF-8", "a\x9b2Jb", "a\ufffd2Jb"},
		{"tabs", "a\tb\tc", "a       b       c"},
		{"tab in a style that shows spaces", "\x1b[48;5;1ma\tb", "\x1b[48;5;1ma       b\x1b[0m"},
	}
	for _, tt := range tests {
		got, _ := compactLine(tt.in)
		if got != tt.want {
			t.Errorf("%s: compactLine(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if u := unsafeIn(got); u != "" {
			t.Errorf("%s: %s reaches the terminal", tt.name, u)
		}
	}
}

// hostileMarkdown writes each attack in every kind of block, raw and as
// character references.
func hostileMarkdown() []string {
	attacks := append([]string{}, corpustest.Escapes...)
	attacks = append(attacks,
		"\x1bP+q544e\x1b\\", "\x1b_apc\x1b\\", "\x1b^pm\x1b\\", "\u009d0;c1\u009c",
		"&#27;]0;t&#7;", "&#x1b;]8;;http://e/&#x1b;\\", "&#27]52;c;eA==&#07", "&#157;0;t&#7;", "&#x202E;",
		"&#0000000027;[2J", "&#4294967323;[31m", "\t")
	var docs []string
	for _, a := range attacks {
		docs = append(docs, fmt.Sprintf("---\ntitle: \"%s\"\n---\n# Heading %s\n\nText %s text.\n\n- item %s\n  - nested %s\n\n> quote %s\n\n"+
			"| a %s | b |\n|---|---|\n| %s | c |\n\n[link %s](http://x/%s \"t%s\") <http://y/%s>\n\n`code %s`\n\n```\nfenced %s\n```\n\n<b>html %s</b>\n\n*em %s* **strong %s** ~~del %s~~\n",
			strings.ReplaceAll(a, `"`, ""), a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a))
	}
	return docs
}

// TestScreenSafe opens each hostile document in the reader, in colour,
// and requires that the screen holds nothing but text and styles.
func TestScreenSafe(t *testing.T) {
	for i, text := range append(hostileMarkdown(), corpustest.References) {
		doc := corpus.Parse("f.md", []byte(text))
		d := testDeps(t)
		d.Library = &corpus.Library{Docs: []*corpus.Document{doc}}
		d.Styles, d.Glamour, d.Profile = *colourStyles(), styles.DarkStyleConfig, termenv.ANSI256
		d.Start = corpus.Place{Doc: doc, Offset: -1}
		h := newHarness(t, d, 100, 30)
		for _, keys := range [][]string{nil, {"G"}, {"/", "t", "e", "x", "t", "enter"}, {"t"}} {
			h.press(keys...)
			if u := unsafeIn(h.view()); u != "" {
				t.Fatalf("document %d, after %q: %s reaches the terminal", i, keys, u)
			}
		}
	}
}

// FuzzRenderSafe renders any document as the reading pane does, its
// chunks at any width, and requires that nothing but text and styles
// reaches the terminal.
func FuzzRenderSafe(f *testing.F) {
	for _, doc := range hostileMarkdown() {
		f.Add(doc, uint8(40))
	}
	f.Add(corpustest.References, uint8(80))
	for name, data := range corpustest.BombFiles() {
		if name == "quotes.md" || name == "list-line.md" {
			f.Add(string(data[:min(len(data), 4<<10)]), uint8(30))
		}
	}
	st := colourStyles()
	r := newChunkRenderer(styles.DarkStyleConfig, termenv.ANSI256, st)
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		width := 8 + int(w)%120
		doc := corpus.Parse("f.md", []byte(text))
		chunks := doc.Chunks(chunkSize)
		for i := range min(len(chunks), 4) {
			rc, err := r.renderChunk(doc, chunks, i, width)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range rc.lines {
				if u := unsafeIn(line); u != "" {
					t.Fatalf("width %d, chunk %d: %s reaches the terminal", width, i, u)
				}
			}
		}
	})
}

// TestNoticeSafe: a notice may carry what came from outside (a path from
// the environment, a setting), which is shown as text.
func TestNoticeSafe(t *testing.T) {
	d := testDeps(t)
	d.Notices = []string{"/home/\x1b]0;pwned\x07/state.json: \x1b[2Jcannot read\nit\u009b"}
	h := newHarness(t, d, 100, 20)
	view := h.view()
	if u := unsafeIn(view); u != "" {
		t.Fatalf("%s reaches the terminal", u)
	}
	if !strings.Contains(view, "/home/␛]0;pwned␇/state.json: ␛[2Jcannot read␊it\ufffd") {
		t.Errorf("the notice is not shown as text:\n%s", view)
	}
}

// FuzzPrintSafe prints any document as `read` does on a terminal, and
// requires that nothing but text and styles reaches it.
func FuzzPrintSafe(f *testing.F) {
	f.Add(corpustest.References, uint8(80))
	for _, doc := range hostileMarkdown()[:4] {
		f.Add(doc, uint8(40))
	}
	// Past the budget: the rest is plain, its tabs expanded too.
	f.Add("x\ty\n\n"+strings.Repeat("[", 20_000)+"\n\na\tb\n", uint8(60))
	st := colourStyles()
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		doc := corpus.Parse("f.md", []byte(text))
		var out strings.Builder
		if _, err := Print(&out, doc, 0, len(doc.Body), 10+int(w)%110, *st, styles.DarkStyleConfig, termenv.ANSI256); err != nil {
			t.Fatal(err)
		}
		if u := unsafeIn(out.String()); u != "" {
			t.Fatalf("%s reaches the terminal", u)
		}
	})
}
