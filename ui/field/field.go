// Package field is a one-line text input that edits at its end: what the
// go-to prompt, the search bar and the filters of the lists over the text
// are typed into. Letters typed into it are text, never commands.
package field

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/keymap"
)

// maxLen is the most characters a field holds.
const maxLen = 200

// KeyMap is the keys that edit a field; any other printable key is typed.
type KeyMap struct {
	DeleteChar, DeleteWord, Clear key.Binding
}

// NewKeyMap takes a field's keys from the reader's.
func NewKeyMap(k keymap.Map) KeyMap {
	return KeyMap{DeleteChar: k.DeleteChar, DeleteWord: k.DeleteWord, Clear: k.ClearInput}
}

// Styles is how a field is drawn.
type Styles struct {
	Cursor      lipgloss.Style
	Placeholder lipgloss.Style
}

// Model is the field.
type Model struct {
	KeyMap      KeyMap
	Styles      Styles
	Placeholder string // shown while nothing is typed

	value []rune
	width int
}

// New is an empty field.
func New(placeholder string, keys KeyMap, styles Styles) Model {
	return Model{KeyMap: keys, Styles: styles, Placeholder: placeholder}
}

// Value is what is typed.
func (f Model) Value() string { return string(f.value) }

// SetValue replaces what is typed.
func (f *Model) SetValue(s string) { f.value = []rune(s) }

// SetWidth is how many columns the field takes.
func (f *Model) SetWidth(w int) { f.width = w }

// Edit applies a key to the text and says whether the text changed:
// printable characters are typed, and the editing keys edit.
func (f *Model) Edit(msg tea.KeyMsg) bool {
	before := string(f.value)
	k := f.KeyMap
	switch {
	case key.Matches(msg, k.DeleteChar):
		if len(f.value) > 0 {
			f.value = f.value[:len(f.value)-1]
		}
	case key.Matches(msg, k.DeleteWord):
		v := strings.TrimRightFunc(string(f.value), unicode.IsSpace)
		i := strings.LastIndexFunc(v, unicode.IsSpace)
		f.value = []rune(v[:i+1])
	case key.Matches(msg, k.Clear):
		f.value = nil
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		for _, r := range msg.Runes {
			if unicode.IsSpace(r) {
				r = ' ' // a line break or tab pasted in
			}
			if unicode.IsPrint(r) && len(f.value) < maxLen {
				f.value = append(f.value, r)
			}
		}
	}
	return string(f.value) != before
}

// View shows the end of the text that fits, and a cursor after it.
func (f Model) View() string {
	cursor := f.Styles.Cursor.Render(" ")
	if len(f.value) == 0 {
		return cursor + f.Styles.Placeholder.Render(ansi.Truncate(f.Placeholder, max(0, f.width-1), "…"))
	}
	text := string(f.value)
	if w := ansi.StringWidth(text); w > f.width-1 {
		text = ansi.TruncateLeft(text, w-(f.width-1), "")
	}
	return text + cursor
}
