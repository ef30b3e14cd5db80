package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Two readers open on one notes file: a note kept in one is drawn in the
// other at its next look at the file, with no save there; a file that did
// not change is not read again.
func TestTwoReadersConverge(t *testing.T) {
	dir := t.TempDir()
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", dir)
	a := newHarness(t, d, 100, 30)
	b := newHarness(t, d, 100, 30)
	b.send(notesTickMsg{})
	if b.m.own.set.Len() != 0 {
		t.Fatal("notes before any was kept")
	}
	a.press("v", "a", "from the other reader", "ctrl+s")
	if a.m.own.set.Len() != 1 {
		t.Fatal("the note was not kept")
	}
	if b.m.own.set.Len() != 0 {
		t.Fatal("the second reader has the note before it looked")
	}
	b.send(notesTickMsg{})
	if b.m.own.set.Len() != 1 {
		t.Fatal("the second reader did not take in the note saved by the first")
	}
	if !strings.Contains(ansi.Strip(b.view()), "✎ The historians") {
		t.Errorf("the other reader's note is not drawn:\n%s", b.view())
	}
	// The second reader's change goes back to the first the same way.
	b.press("H", "D", "esc") // delete the note there
	if b.m.own.set.Len() != 0 {
		t.Fatal("D did not delete the note")
	}
	a.send(notesTickMsg{})
	if a.m.own.set.Len() != 0 {
		t.Errorf("the first reader still has the note deleted by the second: %d", a.m.own.set.Len())
	}
	stamp := a.m.own.stamp
	a.send(notesTickMsg{})
	if a.m.own.stamp != stamp {
		t.Error("the stamp changed though the file did not")
	}
}
