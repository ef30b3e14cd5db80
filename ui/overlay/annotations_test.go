package overlay

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/notes"
	"samizdat/ui/common"
)

const (
	annotatedWork = `---
id: thermidor
title: The Revolution Betrayed
short: Revolution Betrayed
author: Leon Trotsky
---

# Chapter 5: The Soviet Thermidor

<!--page:86-->The historians of the Soviet Union cannot fail to conclude that the policy of the ruling bureaucracy upon great questions has been a series of contradictory zigzags.

The attempt to explain or justify them “by changing circumstances” obviously won’t hold water.

# Chapter 6: The Growth of Inequality

<!--page:112-->The Dühring of the bureaucracy, its théoricien, spoke of socialism in one country.
`
	otherWork = `---
id: fight
title: Lenin's Fight Against Stalinism
short: Lenin's Fight
---

# Part I: Introduction

Few myths have been more generally accepted than the view that Stalin was Lenin's heir.
`
)

// annotated is a library of two works and a highlight or note kept in
// each chapter, the oldest first, and one whose words an edition lost.
func annotated(t *testing.T) (*common.Common, []notes.Located) {
	t.Helper()
	work := corpus.Parse("thermidor.md", []byte(annotatedWork))
	other := corpus.Parse("fight.md", []byte(otherWork))
	lib := &corpus.Library{Docs: []*corpus.Document{work, other}}
	s := notes.NewSet()
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { at = at.Add(time.Minute); return at }
	keep := func(d *corpus.Document, words, note string) notes.Note {
		i := strings.Index(d.Plain(), words)
		if i < 0 {
			t.Fatalf("%q is not in %s", words, d.ID)
		}
		n, err := s.Add(d, i, i+len(words), note)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	keep(work, "a series of contradictory zigzags", "Zigzags, not a line:\nsee chapter 2 on the five-year plans.")
	keep(work, "The Dühring of the bureaucracy, its théoricien", "")
	keep(other, "Few myths have been more generally accepted", "The myth the book sets out to undo.")
	lost := keep(work, "obviously won’t hold water", "A note on words since rewritten.")
	ns := s.Live()
	for i := range ns {
		ns[i].ID = strings.Repeat(string(rune('a'+i)), 16) // stable, for the golden file
	}
	ls := notes.Resolve(lib, ns)
	for i := range ls {
		if ls[i].Note.Text == lost.Text {
			ls[i].Detached = true
		}
	}
	return common.New(common.Common{Lib: lib, Keys: keymap.Default()}), ls
}

func testStyles() Styles {
	return Styles{Box: lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)}
}

func openAnnotations(t *testing.T) Annotations {
	t.Helper()
	c, ls := annotated(t)
	l := NewAnnotations(c, testStyles())
	l.SetSize(90, 30)
	l.Open(ls, c.Lib.Docs[0])
	return l
}

func press(l Annotations, keys ...string) (Annotations, tea.Cmd, common.Intent) {
	var cmd tea.Cmd
	var in common.Intent
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "backspace":
			msg = tea.KeyMsg{Type: tea.KeyBackspace}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		l, cmd, in = l.Update(msg)
	}
	return l, cmd, in
}

// listed is the passages the list shows, in order.
func listed(l Annotations) []string {
	var out []string
	for _, i := range l.shown {
		out = append(out, l.all[i].l.Note.Text)
	}
	return out
}

func TestAnnotationsOrderAndScope(t *testing.T) {
	l := openAnnotations(t)
	want := []string{"obviously won’t hold water", "Few myths have been more generally accepted",
		"The Dühring of the bureaucracy, its théoricien", "a series of contradictory zigzags"}
	if got := listed(l); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("newest first: %q", got)
	}
	l, _, _ = press(l, "o")
	want = []string{"a series of contradictory zigzags", "The Dühring of the bureaucracy, its théoricien",
		"obviously won’t hold water", "Few myths have been more generally accepted"}
	if got := listed(l); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("reading order, the detached last in their work: %q", got)
	}
	l, _, _ = press(l, "w")
	if got := listed(l); len(got) != 3 || strings.Contains(strings.Join(got, "|"), "Few myths") {
		t.Errorf("this work only: %q", got)
	}
	if !strings.Contains(ansi.Strip(l.View()), "Highlights and notes of this work · 3 entries · in reading order") {
		t.Errorf("the title does not say what is listed:\n%s", ansi.Strip(l.View()))
	}
	l, _, _ = press(l, "w", "o")
	if got := listed(l); len(got) != 4 || got[0] != "obviously won’t hold water" {
		t.Errorf("back to the library, newest first: %q", got)
	}
}

func TestAnnotationsFilter(t *testing.T) {
	l := openAnnotations(t)
	// Letters typed after the filter key are text, never commands: n
	// here does not ask to edit a note.
	l, _, in := press(l, "/", "d", "u", "h", "r", "i", "n")
	if !l.Filtering() || in.Do != common.None {
		t.Fatalf("filtering %v, asked %v", l.Filtering(), in.Do)
	}
	if got := listed(l); len(got) != 1 || !strings.HasPrefix(got[0], "The Dühring") {
		t.Errorf("duhrin, accents forgiven: %q", got)
	}
	// Words are matched apart, in the note and the work's title too.
	l, _, _ = press(l, "esc", "/", "Z", "I", "G", "Z", "A", "G", " ", "p", "l", "a", "n", "s")
	if got := listed(l); len(got) != 1 || !strings.Contains(got[0], "zigzags") {
		t.Errorf("zigzag plans: %q", got)
	}
	l, _, _ = press(l, "enter")
	if l.Filtering() || len(l.shown) != 1 {
		t.Errorf("enter keeps the filter and gives the keys back: filtering %v, %d shown", l.Filtering(), len(l.shown))
	}
	if !strings.Contains(ansi.Strip(l.View()), "/ ZIGZAG plans") {
		t.Errorf("the filter kept is not shown:\n%s", ansi.Strip(l.View()))
	}
	l, _, _ = press(l, "/", "esc")
	if len(l.shown) != 4 {
		t.Errorf("esc clears the filter: %d shown", len(l.shown))
	}
	l, _, _ = press(l, "/", "x", "y", "z", "q")
	if v := ansi.Strip(l.View()); !strings.Contains(v, "Nothing kept matches “xyzq”.") {
		t.Errorf("no match:\n%s", v)
	}
}

func TestAnnotationsGoAndEdit(t *testing.T) {
	l := openAnnotations(t)
	// The newest is detached: there is nowhere to go.
	_, cmd, in := press(l, "enter")
	if in.Do != common.None || cmd == nil {
		t.Errorf("enter on a detached note: %v", in.Do)
	} else if msg := cmd(); !strings.Contains(hintText(msg), "no longer in this edition") {
		t.Errorf("hint %v", msg)
	}
	l, _, in = press(l, "j", "j", "enter")
	sel, _ := l.Selected()
	if in.Do != common.GoToAnnotation || in.Note != sel.Note.ID || in.At.Doc == nil ||
		!strings.HasPrefix(in.At.Doc.Body[in.At.Offset:], "The Dühring") {
		t.Errorf("enter: %+v", in)
	}
	if _, _, in = press(l, "n"); in.Do != common.EditAnnotation || in.Note != sel.Note.ID {
		t.Errorf("n: %+v", in)
	}
}

func hintText(msg tea.Msg) string {
	n, _ := msg.(common.NoticeMsg)
	return n.Text
}

func TestAnnotationsDeleteAndUndo(t *testing.T) {
	l := openAnnotations(t)
	l, _, _ = press(l, "j")
	first, _ := l.Selected()
	l, _, in := press(l, "D")
	if in.Do != common.DeleteAnnotation || in.Note != first.Note.ID || len(l.shown) != 3 {
		t.Fatalf("delete: %+v, %d shown", in, len(l.shown))
	}
	l, _, _ = press(l, "j")
	second, _ := l.Selected()
	l, _, _ = press(l, "D")
	if !strings.Contains(ansi.Strip(l.View()), "u undo") {
		t.Error("the foot does not offer undo after a delete")
	}
	// Undo brings back the last deleted first, under the cursor.
	l, _, in = press(l, "u")
	if sel, _ := l.Selected(); in.Do != common.RestoreAnnotation || in.Note != second.Note.ID || sel.Note.ID != second.Note.ID {
		t.Errorf("undo: %+v, cursor on %q", in, sel.Note.Text)
	}
	l, _, in = press(l, "u")
	if in.Note != first.Note.ID || len(l.shown) != 4 {
		t.Errorf("undo again: %+v, %d shown", in, len(l.shown))
	}
	_, cmd, in := press(l, "u")
	if in.Do != common.None || cmd == nil {
		t.Errorf("undo with nothing deleted: %+v", in)
	}
	// Opened anew, the list forgets what it could bring back.
	l, _, _ = press(l, "D")
	_, ls := annotated(t)
	l.Open(ls, nil)
	if _, _, in = press(l, "u"); in.Do != common.None {
		t.Errorf("undo after reopening: %+v", in)
	}
}

// The list shown anew after a note was edited keeps its place.
func TestAnnotationsSetKeepsCursor(t *testing.T) {
	l := openAnnotations(t)
	l, _, _ = press(l, "j", "j")
	sel, _ := l.Selected()
	_, ls := annotated(t)
	for i := range ls {
		if ls[i].Note.ID == sel.Note.ID {
			ls[i].Note.Comment = "edited"
		}
	}
	l.SetAnnotations(ls)
	if now, _ := l.Selected(); now.Note.ID != sel.Note.ID || now.Note.Comment != "edited" {
		t.Errorf("cursor on %+v after the list was set anew", now.Note)
	}
}

func TestAnnotationsView(t *testing.T) {
	l := openAnnotations(t)
	l, _, _ = press(l, "j")
	golden.RequireEqual(t, []byte(l.View()))
}

func TestAnnotationsEmpty(t *testing.T) {
	c, _ := annotated(t)
	l := NewAnnotations(c, testStyles())
	l.SetSize(60, 20)
	l.Open(nil, c.Lib.Docs[0])
	if v := ansi.Strip(l.View()); !strings.Contains(v, "Nothing kept yet") {
		t.Errorf("empty:\n%s", v)
	}
	if _, _, in := press(l, "enter"); in.Do != common.None {
		t.Errorf("enter on nothing: %+v", in)
	}
	if _, _, in := press(l, "D"); in.Do != common.None {
		t.Errorf("delete on nothing: %+v", in)
	}
	l, _, _ = press(l, "w")
	if v := ansi.Strip(l.View()); !strings.Contains(v, "Nothing kept in this work yet. w shows the whole") {
		t.Errorf("empty work:\n%s", v)
	}
}
