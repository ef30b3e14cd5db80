package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/corpus/corpustest"
)

// TestScreenSafe opens each hostile document in the reader, in colour,
// and requires that the screen holds nothing but text and styles.
func TestScreenSafe(t *testing.T) {
	for i, text := range append(corpustest.HostileMarkdown(), corpustest.References) {
		doc := corpus.Parse("f.md", []byte(text))
		d := testDeps(t)
		d.Library = &corpus.Library{Docs: []*corpus.Document{doc}}
		d.Styles, d.Glamour, d.Profile = *colourStyles(), styles.DarkStyleConfig, termenv.ANSI256
		d.Start = corpus.Place{Doc: doc, Offset: -1}
		h := newHarness(t, d, 100, 30)
		for _, keys := range [][]string{nil, {"G"}, {"/", "t", "e", "x", "t", "enter"}, {"t"}} {
			h.press(keys...)
			if u := corpustest.Unsafe(h.view()); u != "" {
				t.Fatalf("document %d, after %q: %s reaches the terminal", i, keys, u)
			}
		}
	}
}

// TestNoticeSafe: a notice may carry what came from outside (a path from
// the environment, a setting), which is shown as text.
func TestNoticeSafe(t *testing.T) {
	d := testDeps(t)
	d.Notices = []string{"/home/\x1b]0;pwned\x07/state.json: \x1b[2Jcannot read\nit\u009b"}
	h := newHarness(t, d, 100, 20)
	view := h.view()
	if u := corpustest.Unsafe(view); u != "" {
		t.Fatalf("%s reaches the terminal", u)
	}
	if !strings.Contains(view, "/home/␛]0;pwned␇/state.json: ␛[2Jcannot read␊it\ufffd") {
		t.Errorf("the notice is not shown as text:\n%s", view)
	}
}
