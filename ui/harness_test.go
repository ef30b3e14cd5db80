package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/internal/uitest"
	"samizdat/ui/render"
)

// testDeps builds the reader over the fixture corpus as the tests see it:
// no colour, glamour's plain style, timers that never fire (a message
// stays in the status bar until replaced).
func testDeps(t testing.TB) Deps {
	return Deps{
		Library: fixtureLibrary(t),
		Keys:    keymap.Default(),
		Styles:  *asciiStyles(),
		Glamour: render.GlamourStyle(true, false),
		Profile: termenv.Ascii,
		After:   func(time.Duration, tea.Msg) tea.Cmd { return nil },
	}
}

// harness drives a model as the program would, running every command
// that follows a message to the end, inline.
type harness struct {
	t    testing.TB
	m    Model
	quit bool // a quit command was run
}

// newHarness builds a model and gives it a terminal of w by h.
func newHarness(t testing.TB, d Deps, w, h int) *harness {
	t.Helper()
	m := New(d)
	hs := &harness{t: t, m: m}
	hs.run(m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send updates the model with msg and runs what follows.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	next, cmd := h.m.Update(msg)
	h.m = next.(Model)
	h.run(cmd)
}

// press sends keys, each named as keymap writes it ("j", "enter",
// "ctrl+d", "space").
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func (h *harness) view() string { return h.m.View() }

// run runs cmd and every command that follows from it; a quit is noted.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	uitest.Run(h.t, cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(tea.QuitMsg); ok {
			h.quit = true
			return nil
		}
		next, more := h.m.Update(msg)
		h.m = next.(Model)
		return more
	})
}

func keyMsg(k string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD,
		"ctrl+u": tea.KeyCtrlU, "ctrl+n": tea.KeyCtrlN, "ctrl+p": tea.KeyCtrlP, "f1": tea.KeyF1,
		"ctrl+o": tea.KeyCtrlO, "delete": tea.KeyDelete, "ctrl+s": tea.KeyCtrlS,
	}
	if k == "alt+left" || k == "alt+right" {
		return tea.KeyMsg{Type: types[strings.TrimPrefix(k, "alt+")], Alt: true}
	}
	if k == "space" {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	if t, ok := types[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// checkFits fails unless view has exactly h lines, none wider than w.
func checkFits(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines for a terminal %d high:\n%s", len(lines), h, view)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Fatalf("line %d is %d wide in a terminal %d wide: %q", i, lw, w, l)
		}
	}
}

// docID names a document in a message; "none" for nil.
func docID(d *corpus.Document) string {
	if d == nil {
		return "none"
	}
	return d.ID
}

func docNamed(t testing.TB, lib *corpus.Library, id string) *corpus.Document {
	return uitest.Doc(t, lib, id)
}

// fixtureLibrary is the tests' small library: three documents with parts,
// chapters, notes and printed pages.
func fixtureLibrary(t testing.TB) *corpus.Library {
	return uitest.Library(t)
}

func asciiStyles() *Styles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	s := NewStyles(r, true, false)
	return &s
}

func colourStyles() *Styles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	s := NewStyles(r, true, true)
	return &s
}

// topAt is where the top of the reading pane is: the offset it shows, the
// line of the layout it is, and whether that line is known.
type topAt struct {
	off, line int
	settled   bool
}

func topOf(h *harness) topAt {
	r := h.m.reader
	return topAt{r.Screen().Top, r.TopLine(), r.Settled()}
}
