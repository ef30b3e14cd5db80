package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// fuzzKeys are the keys the fuzz test presses: every default binding and
// some that do nothing.
var fuzzKeys = []string{
	"j", "k", "d", "u", "space", "b", "g", "G", "]", "[", "}", "{", "%", "p", "5", "0",
	"t", "tab", "shift+tab", "o", "?", "esc", "enter", "l", "h", "up", "down", "left", "right",
	"pgup", "pgdown", "home", "end", "ctrl+d", "ctrl+u", "ctrl+n", "ctrl+p", "backspace",
	"x", "Z", "é", "jjj", "q", "f1", ":", "<", ">",
	"/", "n", "N", "ctrl+r", "ctrl+t", "alt+p", "alt+n", "dolor", "e",
	"v", "w", "W", ")", "(", "y", "c", "a", "H", "E", "D", "ctrl+s", "ctrl+x", "m", "*", "M", "'",
}

// FuzzModel feeds random keys, resizes and mouse wheels to the reader and
// requires no panic and a view that fits the terminal, whatever its size.
func FuzzModel(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 200, 40, 12, 4, 5, 6})
	f.Add([]byte{22, 30, 8, 201, 10, 3, 24, 0, 0, 41, 202, 7})
	f.Add([]byte{19, 33, 33, 34, 21, 200, 90, 50, 20, 1, 1})
	f.Add([]byte{201, 0, 0, 20, 2, 203, 1, 1, 18, 20, 13, 12})
	f.Add([]byte{47, 54, 21, 200, 50, 14, 48, 48, 22, 49, 21, 20, 55, 51, 52, 21, 53})
	// A note kept and listed, a passage copied, the list's keys.
	f.Add(scriptOf("v", ")", ")", "a", "dolor", "enter", "e", "ctrl+s", "H", "/", "e", "enter", "D", "esc", "E", "v", "w", "y", "v", "(", "c"))
	f.Fuzz(func(t *testing.T, script []byte) {
		d := testDeps(t)
		d.After = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
		h := newHarness(t, d, 80, 24)
		w, ht := 80, 24
		for i := 0; i < len(script); i++ {
			b := script[i]
			switch {
			case b >= 200 && i+2 < len(script): // a resize, to any size, tiny ones included
				w, ht = int(script[i+1])%220, int(script[i+2])%70
				h.send(tea.WindowSizeMsg{Width: w, Height: ht})
				i += 2
			case b >= 200:
				h.send(tea.MouseMsg{X: int(b) % max(1, w), Y: 3, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
			case int(b) < len(fuzzKeys):
				k := fuzzKeys[b]
				if k == "q" || k == "Q" {
					continue // quitting ends nothing in a test: the keys after it would run anyway
				}
				if strings.ContainsRune(k, '+') || len(k) > 1 && k != "jjj" && k != "dolor" {
					h.send(keyFor(k))
				} else {
					h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
				}
			default:
				h.send(tea.MouseMsg{X: int(b) % max(1, w), Y: int(b) % max(1, ht), Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
			}
			view := h.view()
			if w <= 0 || ht <= 0 {
				if view != "" {
					t.Fatalf("a view for a %dx%d terminal", w, ht)
				}
				continue
			}
			checkFits(t, view, w, ht)
		}
	})
}

// scriptOf is the script FuzzModel reads for these keys.
func scriptOf(keys ...string) []byte {
	out := make([]byte, len(keys))
	for i, k := range keys {
		out[i] = byte(slices.Index(fuzzKeys, k))
	}
	return out
}
