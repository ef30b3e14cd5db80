package ui

import (
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
)

// An empty library, or a document with nothing in it, is no reason to
// fail.
func TestEmptyLibraryAndDocument(t *testing.T) {
	libs := map[string]fstest.MapFS{
		"no documents": {},
		"an empty document": {
			"empty.md": {Data: []byte("---\ntitle: Nothing Here\n---\n")},
			"some.md":  {Data: []byte("# One\n\nText.\n")},
		},
	}
	for name, fsys := range libs {
		t.Run(name, func(t *testing.T) {
			lib, err := corpus.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			d := testDeps(t)
			d.Library = lib
			h := newHarness(t, d, 80, 24)
			for _, k := range fuzzKeys {
				if k == "q" {
					continue
				}
				h.send(keyMsg(k))
				checkFits(t, h.view(), 80, 24)
			}
			h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
			h.press("tab", "j", "enter", "}", "{", "G", "g", "o", "x", "enter", "esc")
			checkFits(t, h.view(), 120, 30)
		})
	}
}
