package ui

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"samizdat/keymap"
)

// field is a one-line text input that edits at its end: all the go-to
// prompt needs. Letters typed into it are text, never commands.
type field struct {
	value       []rune
	placeholder string
	width       int
}

func (f field) Value() string { return string(f.value) }

// edit applies a key to the text and says whether the text changed:
// printable characters are typed, and the keymap's editing keys edit.
func (f *field) edit(msg tea.KeyMsg, k keymap.Map) bool {
	before := string(f.value)
	switch {
	case key.Matches(msg, k.DeleteChar):
		if len(f.value) > 0 {
			f.value = f.value[:len(f.value)-1]
		}
	case key.Matches(msg, k.DeleteWord):
		v := strings.TrimRightFunc(string(f.value), unicode.IsSpace)
		i := strings.LastIndexFunc(v, unicode.IsSpace)
		f.value = []rune(v[:i+1])
	case key.Matches(msg, k.ClearInput):
		f.value = nil
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		for _, r := range msg.Runes {
			if unicode.IsSpace(r) {
				r = ' ' // a line break or tab pasted in
			}
			if unicode.IsPrint(r) && len(f.value) < 200 {
				f.value = append(f.value, r)
			}
		}
	}
	return string(f.value) != before
}

// View shows the end of the text that fits, and a cursor after it.
func (f field) View(s *Styles) string {
	cursor := s.TOCCursor.Render(" ")
	if len(f.value) == 0 {
		return cursor + s.PromptDoc.Render(ansi.Truncate(f.placeholder, max(0, f.width-1), "…"))
	}
	text := string(f.value)
	if w := ansi.StringWidth(text); w > f.width-1 {
		text = ansi.TruncateLeft(text, w-(f.width-1), "")
	}
	return text + cursor
}
