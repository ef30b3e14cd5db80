package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/notes"
)

// Another reader's notes while this one runs: the notes file is looked
// at every notesEvery (its size and time, a stat), and read again when it
// changed, so that two readers open at once show each other's notes
// without waiting for a save here.

// notesEvery is how often the notes file is looked at for a change.
const notesEvery = 3 * time.Second

// notesTickMsg comes every notesEvery while a notes file is kept. Sent by
// the root's timer; handled by the root, which reads the file again if it
// changed since it was last read.
type notesTickMsg struct{}

// notesReadMsg carries the notes file as another reader left it, found
// in the library. Sent by the root's command of notesTick; handled by the
// root, which takes in the later changes and paints them.
type notesReadMsg struct {
	stamp notes.Stamp
	set   *notes.Set
	where []notes.Located
}

// notesTick reads the notes file again off the UI goroutine if it changed
// since it was last read, and sets the next tick going.
func (m Model) notesTick() (tea.Model, tea.Cmd) {
	next := m.c.After(notesEvery, notesTickMsg{})
	if m.own.file.Path == "" {
		return m, nil
	}
	file, seen, lib, ix := m.own.file, m.own.stamp, m.c.Lib, m.c.Index
	return m, tea.Batch(next, func() tea.Msg {
		stamp := file.Stamp() // before the read: a change after it is seen next time
		if stamp == seen {
			return nil
		}
		set, ok := file.Read()
		if !ok {
			return nil // missing or damaged: the next save deals with it
		}
		return notesReadMsg{stamp: stamp, set: set, where: notes.NewResolver(lib, ix).Resolve(set.Live())}
	})
}

// notesRead takes in what another reader saved: each note that is a later
// change than the one here, drawn at once, and in the list if it is open.
func (m Model) notesRead(msg notesReadMsg) (tea.Model, tea.Cmd) {
	m.own.stamp = msg.stamp
	before := m.own.set.Revision()
	m.own.set.Adopt(msg.set)
	if m.own.set.Revision() == before {
		return m, nil
	}
	m.learnWhere(msg.where)
	m.showNotes()
	return m, nil
}
