package field

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/keymap"
)

func TestEdit(t *testing.T) {
	runes := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	tests := []struct {
		name    string
		start   string
		key     tea.KeyMsg
		want    string
		changed bool
	}{
		{"a letter is typed", "ab", runes("c"), "abc", true},
		{"a paste is typed, its line breaks as spaces", "", tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("one\ntwo\tthree"), Paste: true}, "one two three", true},
		{"a space", "a", tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}, "a ", true},
		{"backspace deletes a character", "abc", tea.KeyMsg{Type: tea.KeyBackspace}, "ab", true},
		{"backspace in an empty field", "", tea.KeyMsg{Type: tea.KeyBackspace}, "", false},
		{"ctrl+w deletes a word", "the soviet thermidor  ", tea.KeyMsg{Type: tea.KeyCtrlW}, "the soviet ", true},
		{"ctrl+u clears", "the soviet", tea.KeyMsg{Type: tea.KeyCtrlU}, "", true},
		{"a key that edits nothing", "abc", tea.KeyMsg{Type: tea.KeyUp}, "abc", false},
		{"a control character is not typed", "a", runes("\x07"), "a", false},
		{"no more than the most it holds", strings.Repeat("x", maxLen), runes("y"), strings.Repeat("x", maxLen), false},
	}
	for _, tt := range tests {
		f := New("", NewKeyMap(keymap.Default()), Styles{})
		f.SetValue(tt.start)
		if changed := f.Edit(tt.key); changed != tt.changed || f.Value() != tt.want {
			t.Errorf("%s: %q, changed %v; want %q, %v", tt.name, f.Value(), changed, tt.want, tt.changed)
		}
	}
}

// The field shows the end of what is typed that fits, and its placeholder
// when nothing is.
func TestView(t *testing.T) {
	f := New("words to find", NewKeyMap(keymap.Default()), Styles{})
	f.SetWidth(8)
	if got := f.View(); got != " words …" {
		t.Errorf("empty: %q", got)
	}
	f.SetValue("the soviet thermidor")
	if got := f.View(); got != "ermidor " {
		t.Errorf("typed: %q", got)
	}
}
