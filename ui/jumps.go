package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// The history of jumps: where the reader was when it jumped, for ctrl+o,
// alt+→ and ''.

// jumped records a jump that left from.
func (m *Model) jumped(from corpus.Place) {
	if from.Doc != nil {
		m.jumps.Push(from)
	}
}

// walk goes back (-1) or forward (+1) in the history of jumps.
func (m Model) walk(dir int) (tea.Model, tea.Cmd) {
	var to corpus.Place
	var ok bool
	if dir < 0 {
		to, ok = m.jumps.Back(m.reader.Here())
	} else {
		to, ok = m.jumps.Forward(m.reader.Here())
	}
	if !ok {
		if dir < 0 {
			return m, common.Hint("No jump to go back to.")
		}
		return m, common.Hint("No jump to go forward to.")
	}
	return m.goTo(to)
}

// swapBack goes to where the latest jump left, as ” does in less and vim.
func (m Model) swapBack() (tea.Model, tea.Cmd) {
	to, ok := m.jumps.Swap(m.reader.Here())
	if !ok {
		return m, common.Hint("No jump yet to go back to.")
	}
	return m.goTo(to)
}
