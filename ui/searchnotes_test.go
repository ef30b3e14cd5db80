package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"samizdat/corpus"
)

// With the notes toggled on, a search finds the words of a note as a hit
// of its own, listed first; its preview and Enter show the passage, and
// esc goes back. Off, which it is at first, the note's words find
// nothing.
func TestSearchFindsYourNotes(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", t.TempDir())
	h := newHarness(t, d, 100, 30)
	doc := d.Start.Doc
	h.press("v", "a")
	h.typeText("quixotic zigzags")
	h.press("ctrl+s")
	h.press("G") // elsewhere, at the end of the work
	far := h.m.reader.PlainTop()

	h.press("/")
	h.typeText("quixotic")
	if v := ansi.Strip(h.view()); !strings.Contains(v, "Nothing matches") {
		t.Fatalf("the notes are searched though the toggle is off:\n%s", v)
	}
	h.press("ctrl+x")
	v := ansi.Strip(h.view())
	if !strings.Contains(v, "+ your notes ›") {
		t.Errorf("the bar does not say the notes are searched:\n%s", v)
	}
	if !strings.Contains(v, "Your notes") || !strings.Contains(v, "your note on “The historians of…”: quixotic zigzags") {
		t.Fatalf("the note is not listed as a hit:\n%s", v)
	}
	if !strings.Contains(v, "note 1 of 1") {
		t.Errorf("the bar does not count the note:\n%s", v)
	}
	// The preview shows the passage.
	first, _, _ := doc.TextUnitAt(corpus.Word, doc.PlainOffset(d.Start.Offset)) // its first word
	if !h.m.reader.Shows(first) {
		t.Errorf("the preview does not show the passage: top %d", h.m.reader.PlainTop())
	}
	h.press("esc")
	if got := h.m.reader.PlainTop(); got != far {
		t.Errorf("esc did not go back to where the search began: %d, want %d", got, far)
	}
	// The toggle stays on for the next search; Enter goes to the passage,
	// a jump that ctrl+o takes back.
	h.press("/")
	if !strings.Contains(ansi.Strip(h.view()), "+ your notes ›") {
		t.Error("the toggle did not stay on")
	}
	h.typeText("quixotic")
	h.press("enter")
	if h.m.overlay != noOverlay || !h.m.reader.Shows(first) {
		t.Fatalf("enter did not go to the passage: overlay %v, top %d", h.m.overlay, h.m.reader.PlainTop())
	}
	h.press("ctrl+o")
	if got := h.m.reader.PlainTop(); got != far {
		t.Errorf("ctrl+o did not go back: %d, want %d", got, far)
	}
	// A word of the text and of the note: the note first, the text's
	// matches after it, the nearest of them selected.
	h.press("/")
	h.typeText("zigzags")
	v = ansi.Strip(h.view())
	if !strings.Contains(v, "matches and 1 note for “zigzags”") || h.m.search.Selected() < 0 {
		t.Errorf("the text's nearest match is not selected, or the notes not counted:\n%s", v)
	}
	h.press("ctrl+x")
	if strings.Contains(ansi.Strip(h.view()), "Your notes") {
		t.Error("ctrl+x again did not leave the notes out")
	}
}

// The bar with the notes searched: its label, the notes' group listed
// first, the note selected, and the text's matches after it.
func TestSearchNotesGoldenView(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("v", "a")
	h.typeText("An essay on the dolor of it.")
	h.press("ctrl+s")
	h.press("/", "ctrl+x")
	h.typeText("essay")
	for range 20 {
		h.press("up")
	}
	v := ansi.Strip(h.view())
	if !strings.Contains(v, "Your notes") || !strings.Contains(v, "note 1 of 1") {
		t.Fatalf("the note is not listed and selected:\n%s", v)
	}
	golden.RequireEqual(t, []byte(h.view()))
}
