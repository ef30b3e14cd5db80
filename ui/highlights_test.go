package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/notes"
	"samizdat/ui/common"
)

// embeddedDeps is the reader over the embedded library, opened at the
// heading of doc that begins with title, its notes kept in dir.
func embeddedDeps(t *testing.T, doc, title, dir string) Deps {
	t.Helper()
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(t)
	d.Library = lib
	rb := docNamed(t, lib, doc)
	d.Start = corpus.Place{Doc: rb, Offset: -1}
	for _, h := range rb.Outline {
		if strings.HasPrefix(h.Title, title) {
			d.Start.Offset = h.Offset
			break
		}
	}
	if d.Start.Offset < 0 {
		t.Fatalf("no heading %q in %s", title, doc)
	}
	d.NotesFile = notes.File{Path: filepath.Join(dir, "notes.json"), Key: "embedded"}
	d.ExportDir = filepath.Join(dir, "exports")
	return d
}

// A sentence of The Revolution Betrayed's fifth chapter is selected, kept
// with a note of two lines and saved; a new reader started from the same
// files draws the highlight, with its sign in the margin, and opens the
// note.
func TestKeepANoteAndFindItAgain(t *testing.T) {
	dir := t.TempDir()
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", dir)
	h := newHarness(t, d, 100, 30)
	doc := d.Start.Doc
	if !strings.HasPrefix(doc.Outline[doc.SectionAt(d.Start.Offset)-1].Title, "Chapter 5") {
		t.Fatal("the section is not in chapter 5")
	}
	top := doc.PlainOffset(d.Start.Offset)

	// v selects the first sentence of text on screen, past the headings
	// at the top, and leaves the pane where it is.
	before := h.m.reader.PlainTop()
	h.press("v")
	if !h.m.sel.on {
		t.Fatal("v did not start a selection")
	}
	if h.m.reader.PlainTop() != before {
		t.Errorf("v moved the pane from %d to %d, though the sentence is on screen", before, h.m.reader.PlainTop())
	}
	s, e, _ := doc.TextUnitAt(corpus.Sentence, top)
	first := doc.PlainRange(s, e)
	if !strings.HasPrefix(first, "The historians") {
		t.Fatalf("the section's first sentence of text is %q", first)
	}
	start, end := h.m.sel.span()
	if got := strings.TrimSpace(doc.PlainRange(start, end)); got != first {
		t.Fatalf("selected %q, want the section's first sentence %q", got, first)
	}
	if !strings.Contains(h.view(), "select "+common.Plural(len(strings.Fields(first)), "word", "words")) {
		t.Errorf("the status bar does not count the selection's words:\n%s", h.view())
	}

	h.press("a")
	if h.m.overlay != editorOverlay {
		t.Fatal("a did not open the editor")
	}
	h.press("The bureaucracy's victory,", "enter", "in one sentence.")
	h.press("esc") // a change: esc asks first
	if h.m.overlay != editorOverlay || !strings.Contains(h.view(), "again drops your change") {
		t.Fatalf("esc dropped a change without asking:\n%s", h.view())
	}
	h.press("ctrl+s")
	if h.m.overlay != noOverlay || h.m.sel.on {
		t.Fatalf("ctrl+s left the editor or the selection open (overlay %d)", h.m.overlay)
	}
	data, err := os.ReadFile(d.NotesFile.Path)
	if err != nil {
		t.Fatalf("the note was not saved: %v", err)
	}
	if !strings.Contains(string(data), `The bureaucracy's victory,\nin one sentence.`) {
		t.Fatalf("the notes file lacks the note:\n%s", data)
	}

	// Another reader, from the same files.
	h2 := newHarness(t, d, 100, 30)
	if h2.m.own.set.Len() != 1 {
		t.Fatalf("the new reader has %d notes, want 1", h2.m.own.set.Len())
	}
	view := h2.view()
	signed := false
	for _, line := range strings.Split(view, "\n") {
		if strings.Contains(line, "✎ ") && strings.Contains(line, "\x1b[4m"+strings.Fields(first)[0]) {
			signed = true
		}
	}
	if !signed {
		t.Errorf("no highlight drawn with a sign in the margin:\n%s", view)
	}
	h2.press("a")
	if h2.m.overlay != passageOverlay {
		t.Fatalf("a did not open the note of the highlight on screen")
	}
	view = h2.view()
	for _, want := range []string{"Your note", "The bureaucracy's victory,", "in one sentence.", strings.Fields(first)[0]} {
		if !strings.Contains(view, want) {
			t.Errorf("the note's box lacks %q:\n%s", want, view)
		}
	}
	// e edits it, from the box.
	h2.press("e")
	if h2.m.overlay != editorOverlay {
		t.Fatal("e did not open the editor on the note")
	}
	h2.press("end", " Again.", "ctrl+s")
	if n := h2.m.own.set.Live()[0]; !strings.HasSuffix(n.Comment, "Again.") {
		t.Errorf("the edited note is %q", n.Comment)
	}
}

// A quotation copied from Lenin's Fight carries its printed page.
func TestCopyAQuotationWithItsPage(t *testing.T) {
	d := embeddedDeps(t, "lenins-fight", "Letter to the Congress", t.TempDir())
	var copied string
	d.Copy = func(s string) error { copied = s; return nil }
	h := newHarness(t, d, 100, 30)
	h.press("v", ")", "y")
	if h.m.sel.on {
		t.Error("y left the selection on")
	}
	doc := d.Start.Doc
	if copied == "" {
		t.Fatal("nothing was copied")
	}
	start := doc.PlainOffset(d.Start.Offset)
	page, ok := doc.PageAt(doc.BodyOffset(start))
	if !ok {
		t.Fatal("the heading has no printed page")
	}
	if !strings.Contains(copied, "\n\n— ") || !strings.Contains(copied, ", p. "+page+".") {
		t.Errorf("the quotation lacks its citation with p. %s:\n%s", page, copied)
	}
	if !strings.Contains(h.view(), "Copied a quotation of") {
		t.Errorf("the status bar does not say what was copied:\n%s", h.view())
	}
}

// E writes the work's notes out as Markdown, and says where.
func TestExportTheWorksNotes(t *testing.T) {
	dir := t.TempDir()
	d := embeddedDeps(t, "revolution-betrayed", "Chapter 5", dir)
	h := newHarness(t, d, 120, 30)
	h.press("E")
	if !strings.Contains(h.view(), "No highlights or notes of yours") {
		t.Errorf("E with no notes says nothing of it:\n%s", h.view())
	}
	h.press("v", "h")
	h = newHarness(t, d, 120, 30) // a new reader, its status bar clear
	h.press("E")
	path := filepath.Join(dir, "exports", "revolution-betrayed.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("E wrote no export: %v", err)
	}
	if !strings.HasPrefix(string(data), "---\ntitle:") || !strings.Contains(string(data), "> ") {
		t.Errorf("the export is not Markdown with front matter and a quotation:\n%s", data)
	}
	if !strings.Contains(strings.ReplaceAll(h.view(), "\n", " "), "exports") {
		t.Errorf("the status bar does not say where:\n%s", h.view())
	}
}

// The list of highlights goes to one as a jump that ctrl+o undoes, and
// deletes one with undo.
func TestListOfHighlights(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "Chapter 5", t.TempDir())
	h := newHarness(t, d, 120, 40)
	h.press("v", "h")
	kept := h.m.reader.Here()
	h.press("g") // to the head of the work
	h.press("H")
	if h.m.overlay != annotationsOverlay {
		t.Fatal("H did not open the list")
	}
	h.press("enter")
	if h.m.overlay != noOverlay || h.m.reader.Here().Offset < kept.Offset-200 || h.m.reader.Here().Offset > kept.Offset+200 {
		t.Fatalf("enter went to %v, not near %v", h.m.reader.Here(), kept)
	}
	h.press("ctrl+o")
	if h.m.reader.Here().Offset > 0 {
		t.Errorf("ctrl+o did not go back to the head: %v", h.m.reader.Here())
	}
	h.press("H", "D")
	if h.m.own.set.Len() != 0 {
		t.Fatal("D did not delete the highlight")
	}
	h.press("u")
	if h.m.own.set.Len() != 1 {
		t.Fatal("u did not bring it back")
	}
}

// Esc in the list clears a filter kept first, and closes the list next.
func TestListEscClearsTheFilterFirst(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "Chapter 5", t.TempDir())
	h := newHarness(t, d, 100, 30)
	h.press("v", "h", "H", "/", "z", "z", "z", "enter")
	if !strings.Contains(h.view(), "Nothing kept matches") {
		t.Fatalf("the filter did not empty the list:\n%s", h.view())
	}
	h.press("esc")
	if h.m.overlay != annotationsOverlay {
		t.Fatal("esc closed the list with a filter kept")
	}
	if strings.Contains(h.view(), "Nothing kept matches") || !strings.Contains(h.view(), "historians") {
		t.Fatalf("esc did not clear the filter:\n%s", h.view())
	}
	h.press("esc")
	if h.m.overlay != noOverlay {
		t.Fatal("a second esc did not close the list")
	}
}

// The list of highlights takes typed text while its filter is typed, and
// only then.
func TestListFilterTakesText(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "Chapter 5", t.TempDir())
	h := newHarness(t, d, 100, 30)
	h.press("v", "h", "H")
	filterTakesText(t, h, "enter")
}

// filterTakesText checks that the list open in h takes typed text while
// its filter is typed, and only then: letters that arrive together go to
// the filter whole (q is no quit there), and after leave, which ends the
// typing, they are the list's keys again.
func filterTakesText(t *testing.T, h *harness, leave string) {
	t.Helper()
	open := h.m.overlay
	if h.m.typing() {
		t.Fatal("the list takes text before its filter is typed")
	}
	h.press("/")
	if !h.m.typing() {
		t.Fatal("the filter being typed takes no text")
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("qzq")})
	if h.m.overlay != open || !strings.Contains(h.view(), "qzq") {
		t.Fatalf("the letters typed together are not the filter's:\n%s", h.view())
	}
	h.press(leave)
	if h.m.typing() {
		t.Errorf("the list takes text after %s", leave)
	}
}

// The moving end of a selection shrinks it word by word, and past the end
// that stays it selects from the other side.
func TestSelectionShrinksAndCrosses(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", t.TempDir())
	h := newHarness(t, d, 100, 30)
	doc := d.Start.Doc
	h.press("v", ")", ")")
	anchor := h.m.sel.anchor
	_, end := h.m.sel.span()
	h.press("b")
	if _, e := h.m.sel.span(); e >= end || strings.Count(doc.PlainRange(e, end), " ") > 1 {
		t.Fatalf("b moved the end from %d to %d: %q", end, e, doc.PlainRange(e, end))
	}
	for range 200 {
		h.press("b")
	}
	start, e := h.m.sel.span()
	if e != anchor || start >= anchor {
		t.Fatalf("the end moved back past the start should select before it: [%d, %d), anchor %d", start, e, anchor)
	}
	h.press("esc")
	if h.m.sel.on || strings.Contains(h.view(), "select ") {
		t.Error("esc did not leave the selection")
	}
}

// The notes file and the people index are read once the first screen is
// drawn, so as not to take the processor from it: the start's commands
// read neither; the first screen's rendering sets both going.
func TestNotesAndPeopleWaitForTheFirstScreen(t *testing.T) {
	d := embeddedDeps(t, "revolution-betrayed", "1. Why Stalin Triumphed", t.TempDir())
	d.MarkPeople = true
	d.Width, d.Height = 100, 30
	started := 0
	d.Started = func() { started++ }
	m := New(d)
	run := func(cmd tea.Cmd, update bool) map[string]bool {
		seen := map[string]bool{}
		for queue := []tea.Cmd{cmd}; len(queue) > 0; queue = queue[1:] {
			if queue[0] == nil {
				continue
			}
			switch msg := queue[0]().(type) {
			case tea.BatchMsg:
				queue = append(queue, msg...)
			case nil:
			default:
				seen[fmt.Sprintf("%T", msg)] = true
				if update {
					next, more := m.Update(msg)
					m = next.(Model)
					queue = append(queue, more)
				}
			}
		}
		return seen
	}
	first := run(m.Init(), false)
	for _, early := range []string{"ui.notesLoadedMsg", "ui.peopleReadyMsg"} {
		if first[early] {
			t.Errorf("the start's commands send %s before the first screen", early)
		}
	}
	if started != 0 {
		t.Error("Started was called before the first screen")
	}
	all := run(m.Init(), true)
	if started != 1 {
		t.Errorf("Started was called %d times after the first screen, want once", started)
	}
	if !m.reader.Rendered() || !all["ui.notesLoadedMsg"] || !all["ui.peopleReadyMsg"] {
		t.Fatalf("after the first screen (drawn: %v), the messages were %v", m.reader.Rendered(), all)
	}
	if !m.peopleReady {
		t.Error("the people index is not read")
	}
}
