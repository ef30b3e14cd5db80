package ui

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/corpus/corpustest"
)

// bombDeps is the reader over one Markdown bomb, in colour, as a terminal
// would see it.
func bombDeps(t testing.TB, name string, data []byte) Deps {
	doc := corpus.Parse(name, data)
	d := testDeps(t)
	d.Library = &corpus.Library{Docs: []*corpus.Document{doc}}
	d.Styles, d.Glamour, d.Profile = *colourStyles(), styles.DarkStyleConfig, termenv.ANSI256
	d.Start = corpus.Place{Doc: doc, Offset: -1}
	d.Width, d.Height = 120, 40
	return d
}

func bombNames() []string {
	return slices.Sorted(maps.Keys(corpustest.Bombs))
}

// TestBombsOpen opens each Markdown bomb in the reader, goes to its end and
// back, and requires a screen of text that holds nothing but text and
// styles.
func TestBombsOpen(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a screen of each bomb")
	}
	files := corpustest.BombFiles()
	for _, name := range bombNames() {
		h := newHarness(t, bombDeps(t, name, files[name]), 120, 40)
		for _, keys := range [][]string{nil, {"space"}, {"G"}, {"g"}} {
			h.press(keys...)
			view := h.view()
			if u := corpustest.Unsafe(view); u != "" {
				t.Fatalf("%s, after %q: %s reaches the terminal", name, keys, u)
			}
			if !strings.ContainsAny(view, "abcdefghijklmnopqrstuvwxyz") {
				t.Errorf("%s, after %q: no text on the screen", name, keys)
			}
		}
	}
}

// BenchmarkOpenBomb is opening each Markdown bomb at 120x40: the model
// built and the first screen rendered.
func BenchmarkOpenBomb(b *testing.B) {
	files := corpustest.BombFiles()
	for _, name := range bombNames() {
		b.Run(strings.TrimSuffix(name, ".md"), func(b *testing.B) {
			d := bombDeps(b, name, files[name])
			b.ReportAllocs()
			for b.Loop() {
				m := New(d)
				m = untilScreen(b, m, m.Init())
				_ = m.View()
			}
		})
	}
}
