package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// The root's part of notes and citations: a note's box, following a note
// and back, and copying a citation of the place being read.

// showNote shows the note of the first marker on screen.
func (m Model) showNote() (tea.Model, tea.Cmd) {
	d := m.reader.Doc()
	notes := m.reader.NotesMarked()
	if len(notes) == 0 {
		return m, common.Hint(noNoteHere(d))
	}
	m.note.SetSize(m.layout().readerWidth, m.height)
	m.note.Open(d, notes)
	m.overlay = noteOverlay
	return m, nil
}

// noNoteHere says why there is no note to show or go to.
func noNoteHere(d *corpus.Document) string {
	if len(d.Notes) == 0 {
		return d.ShortTitle() + " has no notes."
	}
	return "No note marker on screen."
}

// followNote goes to the note of the first marker on screen, or, from a
// note on screen, back: to the screen it was followed from, else to its
// marker.
func (m Model) followNote(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	d := m.reader.Doc()
	if notes := m.reader.NotesMarked(); len(notes) > 0 {
		return m.goToNote(notes[0])
	}
	if cmd, wait := m.needPeople(msg); wait {
		return m, cmd // the index of a work is known from the people index
	}
	if entries := m.indexOnScreen(); len(entries) > 0 {
		return m.choosePage(entries)
	}
	if m.inIndex() {
		return m, common.Hint("No entry of the index on screen.")
	}
	ns := m.reader.NotesShown()
	if len(ns) > 0 && m.cameFrom(d.Notes[ns[0]].Offset) {
		// back to the very screen the note was followed from
		m.jumped(m.reader.Here())
		return m.goTo(m.noteFrom.at)
	}
	if len(ns) > 0 && len(d.Notes[ns[0]].Refs) > 0 {
		return m.apply(common.Intent{Do: common.Open, At: corpus.Place{Doc: d, Offset: d.Notes[ns[0]].Refs[0]}}, nil)
	}
	return m, common.Hint(noNoteHere(d))
}

// goToNote jumps to note i of the document being read; Enter on the
// note comes back.
func (m Model) goToNote(i int) (tea.Model, tea.Cmd) {
	d := m.reader.Doc()
	m.leaveForNote(d.Notes[i].Offset)
	return m.apply(common.Intent{Do: common.Open, At: corpus.Place{Doc: d, Offset: d.Notes[i].Offset}}, nil)
}

// leaveForNote remembers where the reader leaves for the note at offset
// note, to come back to.
func (m *Model) leaveForNote(note int) {
	m.noteFrom.note, m.noteFrom.at = note, m.reader.Here()
}

// cameFrom says whether the reader came to the note at offset note by
// following it, and no other jump came since.
func (m Model) cameFrom(note int) bool {
	last, ok := m.jumps.Last()
	return ok && m.noteFrom.note == note && m.noteFrom.at.Doc != nil && last == m.noteFrom.at
}

// cite copies a citation of the place being read to the clipboard and
// shows it.
func (m Model) cite() tea.Cmd {
	here := m.reader.Here()
	text := here.Doc.Cite(max(m.reader.Screen().Top, here.Offset))
	copyText := m.c.Copy
	if copyText == nil {
		return func() tea.Msg { return common.NoticeMsg{Text: text, Whole: true} }
	}
	return func() tea.Msg {
		if err := copyText(text); err != nil {
			return common.NoticeMsg{Text: fmt.Sprintf("Could not copy (%v): %s", err, text), Error: true, Whole: true}
		}
		return common.NoticeMsg{Text: "Copied: " + text, Whole: true}
	}
}
