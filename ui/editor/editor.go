// Package editor is the small box a note of the reader's own is written
// in: several lines, the usual editing keys (bubbles' textarea), a key to
// keep the note, and Esc, which asks before it drops a change.
package editor

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/keymap"
	"samizdat/ui/common"
)

// maxChars is the most characters a note holds: some pages.
const maxChars = 20000

// KeyMap is the keys of the editor besides those of the text: keep the
// note, and leave it.
type KeyMap struct {
	Save, Back key.Binding
}

// NewKeyMap takes the editor's keys from the reader's.
func NewKeyMap(k keymap.Map) KeyMap {
	return KeyMap{Save: k.SaveNote, Back: k.Back}
}

// Styles is how the editor is drawn.
type Styles struct {
	Box, Title, Foot, Text, Quiet, Warn lipgloss.Style
	Cursor                              lipgloss.Style
}

// Result is what a key did to the note being written.
type Result int

const (
	// Editing: the note is still being written.
	Editing Result = iota
	// Saved: the reader asked to keep the note; Value is it.
	Saved
	// Dropped: the reader left without keeping a change, or had made
	// none.
	Dropped
)

// Model is the editor.
type Model struct {
	KeyMap KeyMap
	Styles Styles

	// area is made when a note is first opened: a textarea allocates a
	// quarter of a megabyte, which a start that writes no note need not.
	// It is held by a pointer, as it is some 12 KB that every copy of the
	// root model would otherwise copy, at every message; a change makes a
	// new one, so that a copy of the editor keeps its own.
	area     *textarea.Model
	title    string
	original string
	asking   bool // Esc was pressed with a change: a second drops it
	width    int  // the box's, border included
	rows     int  // lines of text shown
}

// New is an editor, not open.
func New(c *common.Common, styles Styles) Model {
	return Model{KeyMap: NewKeyMap(c.Keys), Styles: styles}
}

// make makes the text area, once.
func (e *Model) make() {
	if e.area != nil {
		return
	}
	a := textarea.New()
	a.ShowLineNumbers = false
	a.Prompt = ""
	a.CharLimit = maxChars
	a.EndOfBufferCharacter = ' '
	st := textarea.Style{Base: lipgloss.NewStyle(), CursorLine: e.Styles.Text, Text: e.Styles.Text, Placeholder: e.Styles.Quiet,
		EndOfBuffer: e.Styles.Quiet, Prompt: e.Styles.Quiet, LineNumber: e.Styles.Quiet, CursorLineNumber: e.Styles.Quiet}
	a.FocusedStyle, a.BlurredStyle = st, st
	a.Placeholder = "What this passage is to you…"
	a.Cursor.Style = e.Styles.Cursor
	a.Cursor.TextStyle = e.Styles.Text
	_ = a.Cursor.SetMode(cursor.CursorStatic)
	e.area = &a
	e.layout()
}

// Open starts writing a note titled title, from text (empty for a new
// one).
func (e *Model) Open(title, text string) tea.Cmd {
	e.title, e.original, e.asking = title, text, false
	e.make()
	a := *e.area
	a.Reset()
	a.SetValue(text)
	e.area = &a
	e.layout()
	return e.area.Focus()
}

// Value is the note as written, without white space at either end.
func (e Model) Value() string {
	if e.area == nil {
		return ""
	}
	return strings.TrimSpace(e.area.Value())
}

// Changed says whether the note differs from what it was opened with.
func (e Model) Changed() bool { return e.Value() != strings.TrimSpace(e.original) }

// SetSize lays the box out for a text pane width columns wide and height
// rows high.
func (e *Model) SetSize(width, height int) {
	e.width = min(width-2, 76)
	e.rows = min(10, max(2, height/3))
	e.layout()
}

func (e *Model) layout() {
	if e.area == nil {
		return
	}
	a := *e.area
	a.SetWidth(max(4, e.width-4))
	a.SetHeight(e.rows)
	e.area = &a
}

// Update takes a key: save keeps the note, Esc leaves (asking first if
// there is a change), any other goes to the text.
func (e Model) Update(msg tea.Msg) (Model, tea.Cmd, Result) {
	e.make()
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		var cmd tea.Cmd
		e.area, cmd = update(*e.area, msg)
		return e, cmd, Editing
	}
	switch {
	case key.Matches(kmsg, e.KeyMap.Save):
		e.blur()
		return e, nil, Saved
	case key.Matches(kmsg, e.KeyMap.Back):
		if e.asking || !e.Changed() {
			e.blur()
			return e, nil, Dropped
		}
		e.asking = true
		return e, nil, Editing
	}
	e.asking = false
	var cmd tea.Cmd
	e.area, cmd = update(*e.area, kmsg)
	return e, cmd, Editing
}

// View is the box: the title, the text being written, and the keys.
func (e Model) View() string {
	e.make()
	s := e.Styles
	inner := max(4, e.width-4)
	lines := []string{s.Title.Render(ansi.Truncate(e.title, inner, "…"))}
	lines = append(lines, strings.Split(e.area.View(), "\n")...)
	save, back := common.FirstKey(e.KeyMap.Save), common.FirstKey(e.KeyMap.Back)
	foot := s.Foot.Render(ansi.Truncate(save+" keep · "+back+" cancel · enter new line", inner, ""))
	if e.asking {
		foot = s.Warn.Render(ansi.Truncate(back+" again drops your change · "+save+" keeps it · any other key goes on", inner, ""))
	}
	lines = append(lines, foot)
	for i, l := range lines {
		lines[i] = common.Fit(l, inner)
	}
	return s.Box.Width(inner + 2).Render(strings.Join(lines, "\n"))
}

// update is what msg makes of a, in a text area of its own.
func update(a textarea.Model, msg tea.Msg) (*textarea.Model, tea.Cmd) {
	a, cmd := a.Update(msg)
	return &a, cmd
}

// blur leaves the text, in a text area of the editor's own.
func (e *Model) blur() {
	a := *e.area
	a.Blur()
	e.area = &a
}
