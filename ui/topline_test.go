package ui

import (
	"strings"
	"testing"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// Going to a heading or a printed page puts it on the top line, at any
// width: of the fixture corpus and, unless the tests are short, of every
// embedded document.
func TestHeadingsAndPagesLandOnTheTopLine(t *testing.T) {
	lib := fixtureLibrary(t)
	if embedded, err := corpus.Embedded(); err == nil && !testing.Short() {
		lib.Docs = append(lib.Docs, embedded.Docs...)
	}
	for _, size := range [][2]int{{60, 30}, {120, 40}} {
		d := testDeps(t)
		d.Library = lib
		h := newHarness(t, d, size[0], size[1])
		for di, doc := range lib.Docs {
			step := max(1, len(doc.Outline)/12)
			for hi := 0; hi < len(doc.Outline); hi += step {
				head := doc.Outline[hi]
				checkTop(t, h, di, head.Offset, strings.Fields(head.Title)[0], size)
			}
			step = max(1, len(doc.Pages)/12)
			for pi := 0; pi < len(doc.Pages); pi += step {
				p := doc.Pages[pi]
				words := strings.Fields(doc.Body[p.Offset:])
				if len(words) == 0 {
					continue
				}
				word := strings.TrimLeft(words[0], `\#>-*_[`)
				checkTop(t, h, di, p.Offset, word, size)
				if got := h.m.reader.Screen().Page; got != p.Label {
					t.Errorf("%s page %s: the status bar says page %q", doc.ID, p.Label, got)
				}
			}
		}
	}
}

// checkTop opens offset off of document di and checks that the top line
// shows word, unless the end of the document keeps it lower on the screen.
func checkTop(t *testing.T, h *harness, di, off int, word string, size [2]int) {
	t.Helper()
	next, cmd := h.m.open(common.Intent{Do: common.Open, At: corpus.Place{Doc: h.m.c.Lib.Docs[di], Offset: off}})
	h.m = next.(Model)
	h.run(cmd)
	r := &h.m.reader
	if got := r.Screen().Top; got != off {
		if r.Here().Offset == off && strings.Contains(r.View(), word) {
			return // near the end: on screen, lower down
		}
		t.Errorf("%s at %d: top at %d", r.Doc().ID, off, got)
		return
	}
	top := strings.Split(r.View(), "\n")[0]
	if !strings.Contains(top, word) {
		t.Errorf("%s at %dx%d: offset %d shows %q on top, want %q", r.Doc().ID, size[0], size[1], off, top, word)
	}
}
