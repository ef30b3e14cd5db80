package editor

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"samizdat/keymap"
	"samizdat/ui/common"
)

func newEditor(t *testing.T, width, height int) Model {
	t.Helper()
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	st := r.NewStyle()
	e := New(&common.Common{Keys: keymap.Default()}, Styles{Box: st.Border(lipgloss.RoundedBorder()),
		Title: st, Foot: st, Text: st, Quiet: st, Warn: st, Cursor: st})
	e.SetSize(width, height)
	return e
}

func typeText(t *testing.T, e Model, s string) Model {
	t.Helper()
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			e = press(t, e, tea.KeyMsg{Type: tea.KeyEnter}, Editing)
		}
		if line != "" {
			e = press(t, e, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(line)}, Editing)
		}
	}
	return e
}

func press(t *testing.T, e Model, k tea.KeyMsg, want Result) Model {
	t.Helper()
	e, _, got := e.Update(k)
	if got != want {
		t.Fatalf("%v: result %d, want %d", k, got, want)
	}
	return e
}

var (
	save = tea.KeyMsg{Type: tea.KeyCtrlS}
	esc  = tea.KeyMsg{Type: tea.KeyEsc}
)

func TestTwoLinesKept(t *testing.T) {
	e := newEditor(t, 80, 24)
	e.Open("A note on “The historians…”", "")
	e = typeText(t, e, "Why the faction won.\nSecond thought.  ")
	e = press(t, e, save, Saved)
	if got, want := e.Value(), "Why the faction won.\nSecond thought."; got != want {
		t.Errorf("value %q, want %q", got, want)
	}
}

func TestEscAsksBeforeItDropsAChange(t *testing.T) {
	e := newEditor(t, 80, 24)
	e.Open("title", "kept before")
	press(t, e, esc, Dropped) // nothing changed: Esc leaves at once

	e = typeText(t, e, " and now")
	e = press(t, e, esc, Editing)
	if !strings.Contains(ansi.Strip(e.View()), "again drops your change") {
		t.Errorf("the first Esc after a change does not ask:\n%s", e.View())
	}
	// Any other key goes on writing, and the question is asked again.
	e = typeText(t, e, "!")
	e = press(t, e, esc, Editing)
	e = press(t, e, esc, Dropped)
	if !e.Changed() || e.Value() != "kept before and now!" {
		t.Errorf("the text written is gone before the caller could keep a draft: %q", e.Value())
	}
}

func TestViewFitsItsWidth(t *testing.T) {
	for _, size := range [][2]int{{40, 10}, {80, 24}, {200, 60}} {
		e := newEditor(t, size[0], size[1])
		e.Open(strings.Repeat("a long title ", 20), strings.Repeat("word ", 200))
		view := e.View()
		for _, line := range strings.Split(view, "\n") {
			if w := ansi.StringWidth(line); w > size[0] {
				t.Errorf("%dx%d: a line of %d columns: %q", size[0], size[1], w, line)
			}
		}
		if rows := strings.Count(view, "\n") + 1; rows > size[1] {
			t.Errorf("%dx%d: %d rows", size[0], size[1], rows)
		}
	}
}
