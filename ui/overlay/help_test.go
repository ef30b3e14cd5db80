package overlay

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"samizdat/keymap"
	"samizdat/ui/common"
)

// The help's first line says how to quit, with the keys the config file
// gives quitting, as less says it first.
func TestHelpSaysHowToQuit(t *testing.T) {
	for _, tt := range []struct {
		config, want string
	}{
		{"", "quit: q Q once this is closed, ctrl+c at once"},
		{"[keys]\nquit = \"x\"\n", "quit: x once this is closed, ctrl+c at once"},
		{"[keys]\nquit = []\n", "quit: ctrl+c at once"},
	} {
		keys, problems := keymap.Parse([]byte(tt.config))
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		h := NewHelp(&common.Common{Keys: keys}, Styles{})
		h.Open(100, 30)
		first, _, _ := strings.Cut(ansi.Strip(h.View()), "\n")
		if !strings.Contains(first, "Keys   "+tt.want+" ") {
			t.Errorf("config %q: the help opens with %q, want %q", tt.config, first, tt.want)
		}
	}
}
