package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/ui/common"
)

// apply does what a part asked for, at once, after the command its Update
// returned.
func (m Model) apply(in common.Intent, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	var next tea.Model = m
	var more tea.Cmd
	switch in.Do {
	case common.None:
		return m, cmd
	case common.Open, common.Resume:
		m.jumped(m.here())
		next, more = m.open(in)
	case common.Jumped:
		m.jumped(in.At)
		return m, cmd
	case common.GoToMark:
		m.overlay = noOverlay
		next, more = m.goToMark(in.Mark)
	case common.DeleteMark:
		next, more = m.deleteMark(in.Mark)
	case common.ShowHit, common.ShowOrigin, common.AcceptHit, common.CancelSearch:
		next, more = m.followSearch(in)
	}
	return next, tea.Batch(cmd, more)
}
