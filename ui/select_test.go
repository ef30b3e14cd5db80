package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
)

// Growing a selection by paragraphs stops at the end of the section's
// text, says so, and runs on past the heading only when asked again.
func TestSelectionStopsAtTheSectionsEnd(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", t.TempDir())
	h := newHarness(t, d, 100, 30)
	doc := d.Start.Doc
	heading := doc.PlainOffset(doc.Outline[doc.SectionAt(d.Start.Offset)+1].Offset)
	h.press("v")
	for range 100 {
		if h.m.sel.held.on {
			break
		}
		h.press("}")
	}
	if !h.m.sel.held.on {
		t.Fatal("the selection never stopped at the section's end")
	}
	_, end := h.m.sel.span()
	if end > heading || strings.TrimSpace(doc.PlainRange(end, heading)) != "" {
		t.Fatalf("the selection stopped at %d, not at the end of the text before the heading at %d: %q", end, heading, doc.PlainRange(end, heading))
	}
	if !strings.Contains(h.view(), "The section ends here") {
		t.Errorf("no word of the section's end:\n%s", h.view())
	}
	h.press("}")
	_, end = h.m.sel.span()
	s, e, _ := doc.TextUnitAt(corpus.Paragraph, heading)
	if end != e || !doc.InText(s) {
		t.Errorf("} again ended the selection at %d, want the end of the next section's first paragraph %d", end, e)
	}
}

// v scrolls the pane only when the sentence it selects is off screen, and
// a selection grown past the bottom moves the pane the least it can.
func TestSelectionMovesThePaneOnlyWhenItLeaves(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", t.TempDir())
	h := newHarness(t, d, 80, 24)
	h.press("j", "j", "j", "j") // a sentence that ends on the second row
	top := h.m.reader.PlainTop()
	h.press("v")
	if !strings.HasPrefix(d.Start.Doc.PlainRange(h.m.sel.anchor, h.m.sel.head), "The attempt") {
		t.Fatalf("v selected %q", d.Start.Doc.PlainRange(h.m.sel.anchor, h.m.sel.head))
	}
	for range 3 {
		h.press(")")
	}
	if got := h.m.reader.PlainTop(); got != top {
		t.Fatalf("the pane moved from %d to %d with the selection on screen", top, got)
	}
	prev := h.m.sel.head
	for range 40 {
		if h.m.reader.PlainTop() != top {
			break
		}
		prev = h.m.sel.head
		h.press(")")
	}
	if h.m.reader.PlainTop() == top {
		t.Fatal("the pane never moved as the selection grew")
	}
	if !h.m.reader.Shows(h.m.sel.head - 1) {
		t.Error("the selection's end is not on screen after it grew past the bottom")
	}
	if !h.m.reader.Shows(prev - 1) {
		t.Error("the pane moved more than it had to: the sentence before the new one left the screen")
	}
}

// The sign of a note in the margin keeps a column of air from the
// contents' border, at every size, and stays beside its line.
func TestNoteSignKeepsClearOfTheContents(t *testing.T) {
	dir := t.TempDir()
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", dir)
	h := newHarness(t, d, 124, 30)
	h.press("v", "a", "why", "ctrl+s")
	if h.m.own.set.Len() != 1 {
		t.Fatal("the note was not kept")
	}
	for _, size := range [][2]int{{124, 30}, {80, 24}, {200, 60}, {30, 10}, {100, 30}} {
		for _, contents := range []bool{false, true} {
			h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			if contents != h.m.showTOC {
				h.press("t")
			}
			v := ansi.Strip(h.view())
			if strings.Contains(v, "│✎") {
				t.Errorf("%dx%d, contents %v: the sign touches the border:\n%s", size[0], size[1], contents, v)
			}
			for _, line := range strings.Split(v, "\n") {
				if i := strings.Index(line, "✎"); i >= 0 && !strings.HasPrefix(line[i:], "✎ The historians") {
					t.Errorf("%dx%d, contents %v: the sign is not beside its line: %q", size[0], size[1], contents, line)
				}
			}
			if contents && h.m.layout().sideBySide && !strings.Contains(v, " ✎ The historians") {
				t.Errorf("%dx%d: no sign with air before it beside the contents:\n%s", size[0], size[1], v)
			}
		}
		if h.m.showTOC {
			h.press("t")
		}
	}
}

// A drag held at the bottom row scrolls the text a line at a time and
// selects on; back in the middle it stops scrolling; the button let go
// leaves the selection.
func TestDragAtTheEdgeScrolls(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", t.TempDir())
	var ticks []dragScrollMsg
	d.After = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		if tick, ok := msg.(dragScrollMsg); ok {
			ticks = append(ticks, tick)
		}
		return nil
	}
	h := newHarness(t, d, 80, 24)
	bottom := h.m.layout().bodyHeight - 1
	h.send(tea.MouseMsg{X: 4, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	h.send(tea.MouseMsg{X: 10, Y: 10, Button: tea.MouseButtonLeft, Action: tea.MouseActionMotion})
	if len(ticks) != 0 {
		t.Fatal("a drag in the middle of the pane scrolls")
	}
	top := h.m.reader.PlainTop()
	h.send(tea.MouseMsg{X: 10, Y: bottom + 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionMotion}) // on the status bar
	if len(ticks) != 1 {
		t.Fatalf("a drag at the bottom did not start scrolling: %d ticks", len(ticks))
	}
	_, end := h.m.sel.span()
	for range 5 {
		h.send(ticks[len(ticks)-1])
	}
	if h.m.reader.PlainTop() <= top {
		t.Fatal("the text did not scroll")
	}
	if _, e := h.m.sel.span(); e <= end || !h.m.reader.Shows(e-1) {
		t.Fatalf("the selection did not grow with the scrolling: %d to %d", end, e)
	}
	if len(ticks) != 6 {
		t.Errorf("each line scrolled waits for the next: %d ticks", len(ticks))
	}
	h.send(tea.MouseMsg{X: 10, Y: 10, Button: tea.MouseButtonLeft, Action: tea.MouseActionMotion})
	scrolled := h.m.reader.PlainTop()
	h.send(ticks[len(ticks)-1]) // a tick of the edge left behind
	if h.m.reader.PlainTop() != scrolled {
		t.Error("the text scrolled after the drag left the edge")
	}
	h.send(tea.MouseMsg{X: 10, Y: 10, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
	if !h.m.sel.on || h.m.sel.dragging {
		t.Error("letting go lost the selection or kept dragging")
	}
	// Up at the top row it scrolls back.
	y := 10
	for _, ok := h.m.reader.OffsetAt(10, y); !ok && y < bottom; _, ok = h.m.reader.OffsetAt(10, y) {
		y++ // a row of text, not a blank line between paragraphs
	}
	h.send(tea.MouseMsg{X: 10, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	h.send(tea.MouseMsg{X: 10, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionMotion})
	h.send(ticks[len(ticks)-1])
	if h.m.reader.PlainTop() >= scrolled {
		t.Error("a drag at the top row did not scroll up")
	}
	// At the head of the work there is nothing more to scroll: the ticks
	// stop.
	h.press("g")
	h.send(tea.MouseMsg{X: 10, Y: 10, Button: tea.MouseButtonLeft, Action: tea.MouseActionMotion})
	h.send(tea.MouseMsg{X: 10, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionMotion})
	n := len(ticks)
	h.send(ticks[n-1])
	if len(ticks) != n {
		t.Error("a drag at the top of the work still waits to scroll")
	}
}

// A resize while a passage is selected keeps its moving end in view.
func TestResizeKeepsTheSelectionsEnd(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", t.TempDir())
	h := newHarness(t, d, 80, 24)
	h.press("v", "}", "}", "}")
	for _, size := range [][2]int{{40, 10}, {200, 60}, {60, 15}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if !h.m.sel.on || !h.m.reader.Shows(h.m.sel.head-1) {
			t.Errorf("%dx%d: the selection's end is not on screen", size[0], size[1])
		}
	}
}
