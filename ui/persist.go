package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/state"
	"samizdat/ui/common"
)

// Keeping the reading: where the reader is, in the memory of positions
// and in the contents, and the memory in the state file.

// afterMove records where the reader is after a move the reader made that
// is not reading (a jump, a document opened, the end of a search): in the
// memory, stamped for the state file, and in the contents' mark and
// progress. How far the work was read does not change.
func (m *Model) afterMove() { m.record(state.Jumped) }

// afterRead records where the reader is after a reading move (lines, half
// pages, pages, the wheel), which may read further.
func (m *Model) afterRead() { m.record(state.Read) }

// afterLayout records where the reader is after the layout settled (a
// chunk rendered, a resize): not a move of the reader's, so not stamped.
func (m *Model) afterLayout() { m.record(state.Settled) }

// afterKey records where the reader is after a key of the reading pane:
// a reading move, or a jump.
func (m *Model) afterKey(msg tea.KeyMsg) {
	k := m.c.Keys
	if key.Matches(msg, k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp) {
		m.afterRead()
		return
	}
	m.afterMove()
}

// record keeps where the reader is, unless a search is only showing a
// hit. A move of the reader's starts the wait for a dwell again.
func (m *Model) record(how state.Move) {
	doc := m.reader.Doc()
	if doc == nil || m.reader.Height() <= 0 || m.overlay == searchOverlay { // a search's preview is no move
		return
	}
	p := m.reader.Screen()
	// Here, not the top: at the end of a document they differ, and here
	// puts the same screen back and names the same section.
	m.mem.Moved(m.reader.Here(), p.Top, p.Bottom, how, m.c.Now())
	m.toc.SetProgress(doc, m.mem.Progress(doc))
	m.toc.Follow(doc, p.Section)
	if how == state.Jumped || how == state.Read {
		m.moves++
	}
}

// dwellTime is how long a screen stays still to count as read.
const dwellTime = 5 * time.Second

// dwellAfter starts the wait for a dwell if the reader moved since moves
// was counted.
func (m Model) dwellAfter(moves int) tea.Cmd {
	if m.moves == moves {
		return nil
	}
	return m.c.After(dwellTime, dwellMsg{moves: m.moves})
}

// dwelt counts the screen as read if the reader has not moved since the
// wait began, and nothing covers the text.
func (m Model) dwelt(msg dwellMsg) (tea.Model, tea.Cmd) {
	if msg.moves == m.moves && m.overlay == noOverlay {
		m.record(state.Dwelt)
	}
	return m, nil
}

// saveEvery is how often the state is saved while the reader runs, if
// anything changed: a crash or a closed terminal loses at most this much.
const saveEvery = 30 * time.Second

// save writes the state file off the UI goroutine, if one is kept and a
// save is not on its way already; one that is will be followed by another.
func (m *Model) save() tea.Cmd {
	if m.file.Path == "" {
		return nil
	}
	if m.saving {
		m.saveAgain = true
		return nil
	}
	m.saving, m.saveAgain = true, false
	snap := m.mem.ToSave()
	file := m.file
	return func() tea.Msg {
		merged, notice, err := file.Save(snap)
		return savedMsg{merged: merged, notice: notice, err: err}
	}
}

// saveTick saves what changed, or if nothing did, reads the marks other
// readers have saved since.
func (m Model) saveTick() (tea.Model, tea.Cmd) {
	next := m.c.After(saveEvery, saveTickMsg{})
	if m.mem.Dirty() {
		return m, tea.Batch(next, m.save())
	}
	if m.saving || m.file.Path == "" {
		return m, next
	}
	file := m.file
	return m, tea.Batch(next, func() tea.Msg {
		lib, ok := file.Read()
		if !ok {
			return nil
		}
		return marksReadMsg{lib: lib}
	})
}

// marksRead takes in what another reader saved: its marks, and the
// revisions the next changes here must be later than.
func (m Model) marksRead(msg marksReadMsg) (tea.Model, tea.Cmd) {
	m.mem.Adopt(msg.lib)
	if m.overlay == markListOverlay {
		m.marks.Open(m.mem.Marks())
	}
	return m, nil
}

// saved takes in the result of a save: another reader's marks, or a
// failure, said once until a save succeeds again.
func (m Model) saved(msg savedMsg) (tea.Model, tea.Cmd) {
	m.saving = false
	var cmds []tea.Cmd
	if msg.err != nil {
		m.mem.Unsaved() // tried again at the next tick
		if text := msg.err.Error(); text != m.saveErr {
			m.saveErr = text
			cmds = append(cmds, common.Failure(fmt.Sprintf("Could not keep the reading state (%v); reading goes on.", msg.err)))
		}
		return m, tea.Batch(cmds...)
	}
	if m.saveErr != "" {
		m.saveErr = ""
		cmds = append(cmds, common.Notice("The reading state is kept again."))
	}
	if msg.notice != "" {
		cmds = append(cmds, common.Failure(msg.notice))
	}
	m.mem.Adopt(msg.merged)
	if m.overlay == markListOverlay {
		m.marks.Open(m.mem.Marks())
	}
	if m.saveAgain && m.mem.Dirty() {
		cmds = append(cmds, m.save())
	}
	return m, tea.Batch(cmds...)
}
