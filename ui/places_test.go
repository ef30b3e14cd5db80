package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/state"
	"samizdat/ui/common"
)

// where is the document and offset the reader is at.
func where(h *harness) (string, int) {
	return h.m.reader.Doc().ID, h.m.reader.Here().Offset
}

func TestMarks(t *testing.T) {
	d := testDeps(t)
	h := newHarness(t, d, 100, 20)
	alpha, beta := docNamed(t, d.Library, "alpha"), docNamed(t, d.Library, "beta")
	h.press("]", "]", "m")
	if !strings.Contains(statusLine(h), " m ") {
		t.Errorf("the status bar does not show m waiting for its letter: %q", statusLine(h))
	}
	h.press("a")
	if !strings.Contains(statusLine(h), "Mark a set: Alpha › Chapter 1") {
		t.Errorf("status %q", statusLine(h))
	}
	h.press("}", "]", "]", "m", "B") // Second Essay of beta
	h.press("G", "'", "a")
	if doc, off := where(h); doc != "alpha" || off != alpha.Outline[1].Offset {
		t.Errorf("'a: at %s %d, want alpha at Chapter 1, %d", doc, off, alpha.Outline[1].Offset)
	}
	h.press("'", "B")
	if doc, off := where(h); doc != "beta" || off != beta.Outline[1].Offset {
		t.Errorf("'B: at %s %d, want beta at Second Essay, %d", doc, off, beta.Outline[1].Offset)
	}
	// '' goes back to before the last jump, and again returns.
	h.press("'", "'")
	if doc, off := where(h); doc != "alpha" || off != alpha.Outline[1].Offset {
		t.Errorf("'': at %s %d, want alpha at Chapter 1", doc, off)
	}
	h.press("'", "'")
	if doc, _ := where(h); doc != "beta" {
		t.Errorf("'' again: at %s, want beta", doc)
	}
	// A key that names no mark, esc, and a mark not set.
	h.press("m", "esc")
	if h.m.pending != noPrefix || len(h.m.mem.Marks()) != 2 {
		t.Error("esc did not cancel m")
	}
	h.press("m", "enter")
	if !strings.Contains(notices(h), "named by a letter or a digit") || h.m.overlay != noOverlay {
		t.Errorf("m enter: notices %q", notices(h))
	}
	h.press("'", "z")
	if !strings.Contains(notices(h), "No mark z") {
		t.Errorf("'z: notices %q", notices(h))
	}
}

func TestMarkList(t *testing.T) {
	d := testDeps(t)
	h := newHarness(t, d, 100, 30)
	h.press("M")
	if h.m.overlay != markListOverlay || !strings.Contains(h.view(), "No marks yet. m and a letter marks") {
		t.Fatalf("empty list:\n%s", h.view())
	}
	h.press("M")
	alpha := docNamed(t, d.Library, "alpha")
	page2, _ := alpha.PageOffset("2")
	h.press("]", "]", "m", "c")
	next, cmd := h.m.open(common.Intent{Do: common.Open, At: corpus.Place{Doc: alpha, Offset: page2}})
	h.m = next.(Model)
	h.run(cmd)
	h.press("m", "a", "}", "m", "b", "M")
	view := h.view()
	for _, want := range []string{"a  Alpha › Chapter 1: The Start", "p. 2", "to a second printed page", "b  Beta Essays", "c  Alpha › Chapter 1", "The first chapter begins"} {
		if !strings.Contains(view, want) {
			t.Errorf("the list lacks %q:\n%s", want, view)
		}
	}
	if strings.Index(view, "a  Alpha") > strings.Index(view, "b  Beta") || strings.Index(view, "b  Beta") > strings.Index(view, "c  Alpha") {
		t.Error("the marks are not in the order of their names")
	}
	checkFits(t, view, 100, 30)
	h.press("j", "D") // delete b
	if strings.Contains(h.view(), "b  Beta") || h.m.overlay != markListOverlay {
		t.Fatalf("b not deleted, or the list closed:\n%s", h.view())
	}
	if _, ok := h.m.mem.Mark("b"); ok {
		t.Error("b is still a mark")
	}
	if s := h.m.Snapshot(); !s.Marks["b"].Deleted {
		t.Error("the deletion is not kept for the file")
	}
	h.press("enter") // the cursor is on c now
	if doc, off := where(h); h.m.overlay != noOverlay || doc != "alpha" || off != alpha.Outline[1].Offset {
		t.Errorf("enter on c: overlay %v, at %s %d", h.m.overlay, doc, off)
	}
	h.press("ctrl+o")
	if doc, _ := where(h); doc != "beta" {
		t.Errorf("back after a jump from the list: at %s, want beta", doc)
	}
	for _, size := range [][2]int{{40, 10}, {200, 60}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		h.press("M")
		checkFits(t, h.view(), size[0], size[1])
		h.press("q")
		if h.quit || h.m.overlay != noOverlay {
			t.Error("q in the list should close it")
		}
	}
}

func TestJumpHistory(t *testing.T) {
	d := testDeps(t)
	h := newHarness(t, d, 100, 20)
	alpha := docNamed(t, d.Library, "alpha")
	h.press("ctrl+o")
	if !strings.Contains(notices(h), "No jump to go back to") {
		t.Errorf("ctrl+o with no jumps: %q", notices(h))
	}
	// Jumps: G, the go-to prompt, }, the contents.
	h.press("G")
	bottom := h.m.reader.Here().Offset
	h.press("o")
	for _, r := range "chapter 2" {
		h.send(keyMsg(string(r)))
	}
	h.press("enter", "}", "tab", "G", "enter") // gamma, from the contents
	h.press("]")                               // not a jump
	type stop struct {
		doc string
		off int
	}
	backs := []stop{{"beta", -1}, {"alpha", alpha.Outline[2].Offset}, {"alpha", bottom}, {"alpha", -1}}
	for i, want := range backs {
		h.press("ctrl+o")
		if doc, off := where(h); doc != want.doc || off != want.off {
			t.Fatalf("back #%d: at %s %d, want %s %d", i+1, doc, off, want.doc, want.off)
		}
	}
	forwards := []stop{{"alpha", bottom}, {"alpha", alpha.Outline[2].Offset}, {"beta", -1}, {"gamma", -1}}
	for i, want := range forwards {
		h.press("alt+right")
		if doc, off := where(h); doc != want.doc || off != want.off {
			t.Fatalf("forward #%d: at %s %d, want %s %d", i+1, doc, off, want.doc, want.off)
		}
	}
	h.press("alt+right")
	if !strings.Contains(notices(h), "No jump to go forward to") {
		t.Errorf("forward at the end: %q", notices(h))
	}
	// From the contents too, and tab still moves between panes.
	h.press("tab")
	h.press("ctrl+o")
	if doc, _ := where(h); doc != "beta" || h.m.focus != textPane {
		t.Errorf("ctrl+o from the contents: at %s, focus %v", doc, h.m.focus)
	}
}

func TestNotes(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	marker := alpha.Notes[0].Refs[0]
	d.Start.Doc, d.Start.Offset = alpha, alpha.Outline[1].Offset // Chapter 1, with the marker
	h := newHarness(t, d, 100, 20)
	h.press("*")
	view := h.view()
	if h.m.overlay != noteOverlay || !strings.Contains(view, "Note 1") || !strings.Contains(view, "The note to the first") {
		t.Fatalf("* did not show the note:\n%s", view)
	}
	if strings.Contains(view, "[1] The note") {
		t.Error("the note is shown with its label")
	}
	if h.m.reader.Here().Offset != alpha.Outline[1].Offset {
		t.Error("showing the note moved the text")
	}
	checkFits(t, view, 100, 20)
	h.press("esc")
	if h.m.overlay != noOverlay {
		t.Fatal("esc did not close the note")
	}
	h.press("*", "enter") // from the box: go to the note
	if doc, off := where(h); doc != "alpha" || off != alpha.Notes[0].Offset || h.m.overlay != noOverlay {
		t.Fatalf("enter in the note: at %s %d, want the note at %d", doc, off, alpha.Notes[0].Offset)
	}
	h.press("enter") // from the note, back to where it was followed from
	if _, off := where(h); off != alpha.Outline[1].Offset {
		t.Errorf("enter on the note: at %d, want Chapter 1 at %d", off, alpha.Outline[1].Offset)
	}
	h.press("ctrl+o")
	if _, off := where(h); off != alpha.Notes[0].Offset {
		t.Errorf("back: at %d, want the note", off)
	}
	h.press("alt+right")
	if _, off := where(h); off != alpha.Outline[1].Offset {
		t.Errorf("forward: at %d, want Chapter 1", off)
	}
	h.press("j", "G", "enter") // the notes reached by another jump
	if _, off := where(h); off == alpha.Outline[1].Offset {
		t.Errorf("enter on a note reached by another jump went back to where it was followed from")
	}
	start := d.Start
	d.Start.Offset = alpha.Notes[0].Offset // a note not followed here
	h2 := newHarness(t, d, 100, 20)
	h2.press("enter")
	if _, off := where(h2); off != marker {
		t.Errorf("enter on a note read first: at %d, want its marker at %d", off, marker)
	}
	d.Start = start
	h.press("}", "*")
	if h.m.overlay != noOverlay || !strings.Contains(notices(h), "Beta Essays has no notes") {
		t.Errorf("* in a document without notes: %q", notices(h))
	}
}

// TestNoteRoundTripKeepsTheScreen: to a note and back, with Enter or
// ctrl+o, the screen is as it was, the marker on the same line.
func TestNoteRoundTripKeepsTheScreen(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	d.Start.Doc, d.Start.Offset = alpha, alpha.Outline[1].Offset
	for _, back := range []string{"enter", "ctrl+o"} {
		t.Run(back, func(t *testing.T) {
			h := newHarness(t, d, 100, 20)
			h.press("j", "j", "j")
			if len(h.m.reader.NotesMarked()) == 0 {
				t.Fatal("no marker on screen to follow")
			}
			top, screen := h.m.reader.TopLine(), h.m.reader.View()
			h.press("enter")
			if h.m.reader.TopLine() == top {
				t.Fatal("enter did not go to the note")
			}
			h.press(back)
			if got := h.m.reader.TopLine(); got != top {
				t.Errorf("back from the note with %s: top line %d, want %d", back, got, top)
			}
			if got := h.m.reader.View(); got != screen {
				t.Errorf("back from the note with %s, the screen:\n%s\nwant:\n%s", back, got, screen)
			}
		})
	}
}

// TestNotesInTheLibrary follows a note and back in every work that has
// notes, and shows each note of a screen in turn.
func TestNotesInTheLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the notes of every work")
	}
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	withNotes := 0
	for _, doc := range lib.Docs {
		if len(doc.Notes) == 0 {
			continue
		}
		withNotes++
		t.Run(doc.ID, func(t *testing.T) {
			d := testDeps(t)
			d.Library = lib
			last := doc.Notes[len(doc.Notes)-1]
			ref := last.Refs[0]
			d.Start.Doc, d.Start.Offset = doc, doc.Blocks[doc.BlockAt(ref)].Start
			h := newHarness(t, d, 120, 40)
			h.press("*")
			if h.m.overlay != noteOverlay {
				t.Fatalf("no note shown: %q", statusLine(h))
			}
			// Every marker on screen in turn, then round to the first.
			shown := map[int]bool{}
			for range len(h.m.note.Notes()) {
				shown[h.m.note.Shown()] = true
				if !strings.Contains(h.view(), "Note "+doc.Notes[h.m.note.Shown()].Label) {
					t.Errorf("the box does not name note %s", doc.Notes[h.m.note.Shown()].Label)
				}
				h.press("*")
			}
			if !shown[len(doc.Notes)-1] || h.m.note.At() != 0 {
				t.Errorf("notes shown %v; at %d after a round", shown, h.m.note.At())
			}
			h.press("esc", "enter")
			first := h.m.note.Notes()[0]
			if _, off := where(h); off != doc.Notes[first].Offset {
				t.Errorf("enter: at %d, want note %s at %d", off, doc.Notes[first].Label, doc.Notes[first].Offset)
			}
			h.press("ctrl+o")
			if _, off := where(h); off != d.Start.Offset {
				t.Errorf("back: at %d, want %d", off, d.Start.Offset)
			}
		})
	}
	if withNotes < 3 {
		t.Errorf("%d works with notes, want lenins-fight, rise-of-stalinism and notes-in-the-margins", withNotes)
	}
}

func TestCite(t *testing.T) {
	d := testDeps(t)
	var copied []string
	d.Copy = func(s string) error {
		copied = append(copied, s)
		return nil
	}
	alpha := docNamed(t, d.Library, "alpha")
	page2, _ := alpha.PageOffset("2")
	d.Start.Doc, d.Start.Offset = alpha, page2
	h := newHarness(t, d, 100, 20)
	h.press("c")
	want := alpha.Cite(page2)
	if len(copied) != 1 || copied[0] != want {
		t.Fatalf("copied %q, want %q", copied, want)
	}
	if !strings.Contains(want, "p. 2") || !strings.Contains(want, "Chapter 1: The Start") {
		t.Errorf("the citation lacks the page or the section: %q", want)
	}
	// The whole citation shows, over the last lines of the text if need be.
	view := h.view()
	checkFits(t, view, 100, 20)
	if !strings.Contains(strings.Join(strings.Fields(view), " "), "Copied: "+want) {
		t.Errorf("the citation is not shown whole:\n%s", view)
	}

	d.Copy = func(string) error { return errors.New("no terminal") }
	h = newHarness(t, d, 100, 20)
	h.press("c")
	if s := notices(h); !strings.Contains(s, "Could not copy (no terminal)") || !strings.Contains(s, want) {
		t.Errorf("a failed copy: %q", s)
	}
}

// saveDeps is testDeps with a state file, a clock that moves on, and the
// timers the reader sets kept for the test to fire.
func saveDeps(t *testing.T, path string, timers *[]tea.Msg) Deps {
	d := testDeps(t)
	d.StateFile = state.File{Path: path, Key: "embedded"}
	clock := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	d.Now = func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}
	d.After = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		*timers = append(*timers, msg)
		return nil
	}
	return d
}

// tick fires the periodic save's timer.
func tick(h *harness, timers *[]tea.Msg) {
	for i, msg := range *timers {
		if _, ok := msg.(saveTickMsg); ok {
			*timers = append((*timers)[:i], (*timers)[i+1:]...)
			h.send(msg)
			return
		}
	}
	h.t.Fatal("no save timer set")
}

// TestSavesWhileReading: the state is saved at each tick if it changed,
// and at once when a mark changes.
func TestSavesWhileReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "samizdat", "state.json")
	var timers []tea.Msg
	h := newHarness(t, saveDeps(t, path, &timers), 100, 20)
	tick(h, &timers)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("saved with nothing changed")
	}
	h.press("]", "]")
	tick(h, &timers)
	st, _ := state.Load(path)
	if off := st.Library("embedded").Readings["alpha"].Position.Offset; off != h.m.reader.Here().Offset {
		t.Fatalf("saved at %d, the reader is at %d", off, h.m.reader.Here().Offset)
	}
	h.press("m", "k")
	st, _ = state.Load(path)
	if _, ok := st.Library("embedded").Marks["k"]; !ok {
		t.Error("a new mark was not saved at once")
	}
}

// TestTwoReaders: two readers on one state file each see the other's
// marks after their next save, and a mark deleted by one stays deleted.
func TestTwoReaders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	var ta, tb []tea.Msg
	a := newHarness(t, saveDeps(t, path, &ta), 100, 20)
	b := newHarness(t, saveDeps(t, path, &tb), 100, 20)
	a.press("]", "m", "a")
	b.press("}", "m", "b")
	a.press("m", "c") // saves, and takes in b's mark
	if _, ok := a.m.mem.Mark("b"); !ok {
		t.Error("a does not see b's mark")
	}
	b.press("M")
	tick(b, &tb) // b's next save: a's marks come in, and show in its list
	if v := b.view(); !strings.Contains(v, "a  Alpha") || !strings.Contains(v, "c  Alpha") {
		t.Errorf("b's list lacks a's marks:\n%s", v)
	}
	b.press("D") // delete a
	a.press("j")
	tick(a, &ta)
	if _, ok := a.m.mem.Mark("a"); ok {
		t.Error("a mark b deleted is still in a")
	}
	st, _ := state.Load(path)
	lib := st.Library("embedded")
	if !lib.Marks["a"].Deleted || lib.Marks["b"].Deleted || lib.Marks["c"].Deleted {
		t.Errorf("the file's marks: %+v", lib.Marks)
	}
}

// TestStateFileTroubles: a state directory that cannot be written is said
// once and reading goes on; a file spoilt or deleted while reading costs
// a notice at most.
func TestStateFileTroubles(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var timers []tea.Msg
	h := newHarness(t, saveDeps(t, filepath.Join(blocker, "state.json"), &timers), 100, 20)
	h.press("m", "a")
	if s := notices(h); !strings.Contains(s, "Could not keep the reading state") || !strings.Contains(s, "reading goes on") {
		t.Fatalf("notices %q", s)
	}
	h.press("j", "m", "b", "j")
	tick(h, &timers)
	if n := strings.Count(notices(h), "Could not keep"); n != 1 {
		t.Errorf("the failure was said %d times", n)
	}
	h.press("]")
	if _, off := where(h); off < 0 {
		t.Error("reading did not go on")
	}

	path := filepath.Join(dir, "state.json")
	timers = nil
	h = newHarness(t, saveDeps(t, path, &timers), 100, 20)
	h.press("m", "a")
	if err := os.WriteFile(path, []byte("\x00garbage{{"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.press("m", "b")
	if s := notices(h); !strings.Contains(s, "moved it to") {
		t.Errorf("a spoilt file: notices %q", s)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	h.press("]")
	tick(h, &timers)
	st, notice := state.Load(path)
	if notice != "" || len(st.Library("embedded").Marks) != 2 {
		t.Errorf("after a delete: %q, marks %+v", notice, st.Library("embedded").Marks)
	}
}

// TestMarksAndJumpsInTheLibrary marks the middle of each of the five
// works, returns to each mark from another work, and walks the jumps back
// and forward across them.
func TestMarksAndJumpsInTheLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("marks and jumps through every work")
	}
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(t)
	d.Library = lib
	h := newHarness(t, d, 120, 40)
	names := "abcde"
	want := map[string]int{}
	for i, doc := range lib.Docs {
		if i > 0 {
			h.press("}")
		}
		h.press("5", "0", "%", "m", names[i:i+1])
		if got, _ := where(h); got != doc.ID {
			t.Fatalf("} went to %s, want %s", got, doc.ID)
		}
		want[doc.ID] = h.m.reader.Here().Offset
	}
	for i := len(lib.Docs) - 1; i >= 0; i-- {
		h.press("'", names[i:i+1])
		if doc, off := where(h); doc != lib.Docs[i].ID || off != want[doc] {
			t.Errorf("'%s: at %s %d, want %s %d", names[i:i+1], doc, off, lib.Docs[i].ID, want[lib.Docs[i].ID])
		}
	}
	// Back through the marks just visited, then forward again.
	for i := 1; i < len(lib.Docs); i++ {
		h.press("ctrl+o")
		if doc, _ := where(h); doc != lib.Docs[i].ID {
			t.Errorf("back #%d: at %s, want %s", i, doc, lib.Docs[i].ID)
		}
	}
	for i := len(lib.Docs) - 2; i >= 0; i-- {
		h.press("alt+right")
		if doc, off := where(h); doc != lib.Docs[i].ID || off != want[doc] {
			t.Errorf("forward: at %s %d, want %s", doc, off, lib.Docs[i].ID)
		}
	}
}

// TestCountBeforeAPlaceKey: a number typed before m, ', *, c or ctrl+o is
// dropped, not kept for the next move.
func TestCountBeforeAPlaceKey(t *testing.T) {
	for _, keys := range [][]string{{"5", "m", "a"}, {"5", "'", "esc"}, {"5", "c"}, {"5", "ctrl+o"}, {"5", "M", "esc"}} {
		h := newHarness(t, testDeps(t), 100, 20)
		h.press("]", "]")
		h.press(keys...)
		if h.m.reader.Count() != 0 {
			t.Errorf("%q: count %d kept", keys, h.m.reader.Count())
		}
		if s := statusLine(h); strings.Contains(s, " 5 ") {
			t.Errorf("%q: the status bar still shows the count: %q", keys, s)
		}
	}
}
