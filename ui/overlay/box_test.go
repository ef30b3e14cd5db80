package overlay

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/keymap"
)

// The moving keys scroll a box's window over its lines, never past either
// end, a page at a time keeping a line; other keys are not the box's.
func TestBoxScroll(t *testing.T) {
	k := NewKeyMap(keymap.Default())
	key := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	tests := []struct {
		from int
		key  tea.KeyMsg
		want int
		ok   bool
	}{
		{0, key("j"), 1, true},
		{0, key("k"), 0, true},
		{0, tea.KeyMsg{Type: tea.KeyPgDown}, 9, true},
		{5, key("d"), 14, true},
		{14, key("b"), 5, true},
		{20, key("j"), 20, true}, // 30 lines in 10 rows: 20 is the last window
		{3, key("G"), 20, true},
		{13, key("g"), 0, true},
		{7, key("x"), 7, false},
	}
	for _, tt := range tests {
		b := box{offset: tt.from}
		ok := b.scroll(tt.key, k, 10, 30)
		if b.offset != tt.want || ok != tt.ok {
			t.Errorf("%q from %d: at %d (%v), want %d (%v)", tt.key, tt.from, b.offset, ok, tt.want, tt.ok)
		}
	}
}

func TestMoreMark(t *testing.T) {
	tests := []struct {
		offset, shown, total int
		want                 string
	}{
		{0, 10, 5, ""},
		{0, 10, 30, "↓ more"},
		{5, 10, 30, "↕ more"},
		{20, 10, 30, "↑ more"},
	}
	for _, tt := range tests {
		if got := moreMark(tt.offset, tt.shown, tt.total); got != tt.want {
			t.Errorf("moreMark(%d, %d, %d) = %q, want %q", tt.offset, tt.shown, tt.total, got, tt.want)
		}
	}
}

// A foot names as many of the keys that act as fit whole beside its mark.
func TestHints(t *testing.T) {
	keys := []string{"enter go", "D delete", "esc close"}
	for _, tt := range []struct {
		width int
		want  string
	}{
		{60, "enter go · D delete · esc close"},
		{30, "enter go · D delete"},
		{10, ""},
	} {
		if got := hints(keys, "↓ more", tt.width); got != tt.want {
			t.Errorf("at %d: %q, want %q", tt.width, got, tt.want)
		}
	}
}
