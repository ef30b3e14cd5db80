package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
)

// TestContentsWidthFollowsTheTitles: beside the text, the contents are as
// wide as their titles need within about a quarter of the terminal, more
// when the text keeps its full measure; at 200 columns no chapter of the
// library is cut, and at 120 the text keeps its measure.
func TestContentsWidthFollowsTheTitles(t *testing.T) {
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(t)
	d.Library = lib
	h := newHarness(t, d, 200, 60)
	l := h.m.layout()
	if !l.tocVisible || l.readerWidth < h.m.c.MaxWidth+4 {
		t.Fatalf("200 columns: %+v", l)
	}
	for _, doc := range lib.Docs {
		top := 99
		for _, s := range doc.Outline {
			top = min(top, s.Level)
		}
		for i, s := range doc.Outline {
			if s.Level != top {
				continue
			}
			h.m.toc.Follow(doc, i)
			found := false
			for line := range strings.SplitSeq(h.m.toc.View(), "\n") {
				line = ansi.Strip(line)
				if strings.Contains(line, s.Title) {
					found = true
				}
				if strings.Contains(line, "…") {
					t.Errorf("200 columns, contents %d wide: %q is cut", l.tocWidth, line)
				}
			}
			if !found {
				t.Errorf("200 columns: %q is not shown whole while read", s.Title)
			}
		}
	}

	for _, tt := range []struct{ width, min, max int }{
		{200, 50, 80},
		{160, 40, 64},
		{120, tocMinWidth, 120 - 1 - (h.m.c.MaxWidth + 4)},
		{sideBySideWidth, tocMinWidth, tocMinWidth},
	} {
		h := newHarness(t, d, tt.width, 40)
		if w := h.m.layout().tocWidth; w < tt.min || w > tt.max {
			t.Errorf("%d columns: contents %d wide, want %d to %d", tt.width, w, tt.min, tt.max)
		}
	}
}

// TestContentsWidenAndNarrow: + and - widen and narrow the contents beside
// the text, a step at a time, as far as they go, and say so at either end.
func TestContentsWidenAndNarrow(t *testing.T) {
	h := newHarness(t, testDeps(t), 120, 30)
	start := h.m.layout().tocWidth
	h.press("+")
	if w := h.m.layout().tocWidth; w != start+tocStep {
		t.Fatalf("+: %d wide, want %d", w, start+tocStep)
	}
	h.press("-", "-")
	if w := h.m.layout().tocWidth; w != max(start-tocStep, tocMinWidth) {
		t.Errorf("+--: %d wide, want %d", w, max(start-tocStep, tocMinWidth))
	}
	for range 40 {
		h.press("-")
	}
	if w := h.m.layout().tocWidth; w != tocMinWidth || !strings.Contains(statusLine(h), "as narrow as they go") {
		t.Errorf("narrowed all the way: %d wide, status %q", w, statusLine(h))
	}
	h.press("+")
	if w := h.m.layout().tocWidth; w != tocMinWidth+tocStep {
		t.Errorf("+ after narrowing past the end: %d wide, want %d at once", w, tocMinWidth+tocStep)
	}
	for range 40 {
		h.press("+")
	}
	l := h.m.layout()
	if l.readerWidth < sideMinText || !strings.Contains(statusLine(h), "as wide as they go") {
		t.Errorf("widened all the way: text %d wide, status %q", l.readerWidth, statusLine(h))
	}
	checkFits(t, h.view(), 120, 30)
}
