package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// FirstKey is the first key of a binding as the help shows it, or "" if
// it has none.
func FirstKey(b key.Binding) string {
	if !b.Enabled() {
		return ""
	}
	if f := strings.Fields(b.Help().Key); len(f) > 0 {
		return f[0]
	}
	return ""
}

// KeyName is how a message names a key.
func KeyName(msg tea.KeyMsg) string {
	switch s := msg.String(); s {
	case " ":
		return "space"
	default:
		return s
	}
}
