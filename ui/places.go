package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/state"
)

// The root's handling of places: marks, the history of jumps, notes,
// citations, and keeping all of it in the state file.

// saveEvery is how often the state is saved while the reader runs, if
// anything changed: a crash or a closed terminal loses at most this much.
const saveEvery = 30 * time.Second

// prefix is a key that waits for the next: m and ' wait for a mark's name.
type prefix int

const (
	noPrefix prefix = iota
	setMarkPrefix
	goMarkPrefix
)

// placeKey handles the keys of places in the text and the contents; ok is
// false for any other key.
func (m Model) placeKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	k := m.c.keys
	inText := m.focus == textPane
	switch {
	case m.reader.doc == nil:
		return m, nil, false
	case key.Matches(msg, k.JumpBack, k.JumpForward, k.Marks):
	case inText && key.Matches(msg, k.SetMark, k.GoToMark, k.ShowNote, k.FollowNote, k.Cite):
	default:
		return m, nil, false
	}
	m.reader.count = 0 // a number typed before does not apply to these
	switch {
	case key.Matches(msg, k.JumpBack):
		next, cmd = m.walk(-1)
	case key.Matches(msg, k.JumpForward):
		next, cmd = m.walk(+1)
	case key.Matches(msg, k.Marks):
		next, cmd = m.openMarks()
	case key.Matches(msg, k.SetMark):
		m.pending = setMarkPrefix
		next = m
	case key.Matches(msg, k.GoToMark):
		m.pending = goMarkPrefix
		next = m
	case key.Matches(msg, k.ShowNote):
		next, cmd = m.showNote()
	case key.Matches(msg, k.FollowNote):
		next, cmd = m.followNote()
	default:
		next, cmd = m, m.cite()
	}
	return next, cmd, true
}

// prefixKey takes the key after m or ': the name of a mark, or ' again.
func (m Model) prefixKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	p := m.pending
	m.pending = noPrefix
	if key.Matches(msg, m.c.keys.Back) {
		return m, nil
	}
	name := ""
	if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && !msg.Alt {
		name = string(msg.Runes)
	}
	if p == goMarkPrefix && key.Matches(msg, m.c.keys.GoToMark) {
		return m.swapBack()
	}
	if !state.ValidMark(name) {
		first := firstKey(m.c.keys.SetMark)
		if p == goMarkPrefix {
			first = firstKey(m.c.keys.GoToMark)
		}
		return m, hint(fmt.Sprintf("%s %s: a mark is named by a letter or a digit.", first, keyName(msg)))
	}
	if p == setMarkPrefix {
		return m.setMark(name)
	}
	return m.goToMark(name)
}

// pendingText is the prefix waiting for its key, for the status bar.
func (m Model) pendingText() string {
	switch m.pending {
	case setMarkPrefix:
		return firstKey(m.c.keys.SetMark)
	case goMarkPrefix:
		return firstKey(m.c.keys.GoToMark)
	}
	return ""
}

// here is where the reader is, as a place of the history; its doc is -1
// when no document is shown (an empty library).
func (m *Model) here() spot {
	r := &m.reader
	if r.doc == nil {
		return spot{doc: -1}
	}
	return spot{doc: m.c.docIndex(r.doc), off: r.anchor, block: r.doc.BlockAt(max(r.anchor, 0))}
}

// jumped records a jump that left from.
func (m *Model) jumped(from spot) {
	if from.doc >= 0 {
		m.jumps.push(from)
	}
}

// goTo opens a place of the history, without recording a jump.
func (m Model) goTo(s spot) (tea.Model, tea.Cmd) {
	return m.open(openPlace{doc: s.doc, off: s.off})
}

// walk goes back (-1) or forward (+1) in the history of jumps.
func (m Model) walk(dir int) (tea.Model, tea.Cmd) {
	var to spot
	var ok bool
	if dir < 0 {
		to, ok = m.jumps.back(m.here())
	} else {
		to, ok = m.jumps.forward(m.here())
	}
	if !ok {
		if dir < 0 {
			return m, hint("No jump to go back to.")
		}
		return m, hint("No jump to go forward to.")
	}
	return m.goTo(to)
}

// swapBack goes to where the latest jump left, as ” does in less and vim.
func (m Model) swapBack() (tea.Model, tea.Cmd) {
	to, ok := m.jumps.swap(m.here())
	if !ok {
		return m, hint("No jump yet to go back to.")
	}
	return m.goTo(to)
}

func (m Model) setMark(name string) (tea.Model, tea.Cmd) {
	r := &m.reader
	off := r.anchor
	m.mem.setMark(name, r.doc, off, m.c.now())
	where := r.doc.ShortTitle()
	if i := r.doc.SectionAt(max(off, 0)); i >= 0 && off >= 0 {
		where += " › " + r.doc.Outline[i].Title
	}
	return m, tea.Batch(hint(fmt.Sprintf("Mark %s set: %s.", name, where)), m.save())
}

func (m Model) goToMark(name string) (tea.Model, tea.Cmd) {
	mk, ok := m.mem.mark(name)
	if !ok {
		return m, hint(fmt.Sprintf("No mark %s.", name))
	}
	doc, ok := m.c.docByID(mk.doc)
	if !ok {
		return m, failure(fmt.Sprintf("Mark %s is in %s, which is not in this library.", name, mk.doc))
	}
	m.jumped(m.here())
	return m.open(openPlace{doc: doc, mark: name})
}

// markOffset is where mark name is in doc, which has been read, and what
// to say if it was not found where it was set.
func (m *Model) markOffset(doc *corpus.Document, name string) (int, tea.Cmd) {
	mk, ok := m.mem.mark(name)
	if !ok {
		return -1, nil
	}
	mk.locate(doc)
	switch mk.found {
	case state.Section:
		return mk.off, wholeNotice(fmt.Sprintf("Mark %s: the marked text is not in this edition; at its section, %s.", name, sectionName(doc, mk.off)))
	case state.Start:
		return mk.off, wholeNotice(fmt.Sprintf("Mark %s: the marked text and its section are not in this edition; at the start of %s.", name, doc.ShortTitle()))
	}
	return mk.off, nil
}

// resumeOffset is where doc, which has been read, was left, and what to
// say, the first time, if it was not found where it was left.
func (m *Model) resumeOffset(doc *corpus.Document) (int, tea.Cmd) {
	r := m.mem.reading(doc)
	found := r.found
	r.found = state.Exact // said once
	switch found {
	case state.Section:
		return r.off, wholeNotice(fmt.Sprintf("The place you left in %s is not in this edition; at its section, %s.", doc.ShortTitle(), sectionName(doc, r.off)))
	case state.Start:
		return r.off, wholeNotice(fmt.Sprintf("The place you left in %s and its section are not in this edition; at its start.", doc.ShortTitle()))
	}
	return r.off, nil
}

func sectionName(d *corpus.Document, off int) string {
	if i := d.SectionAt(max(off, 0)); i >= 0 {
		return d.Outline[i].Title
	}
	return "its start"
}

// openMarks shows the list of marks, or closes it.
func (m Model) openMarks() (tea.Model, tea.Cmd) {
	if m.overlay == markListOverlay {
		m.overlay = noOverlay
		return m, nil
	}
	m.overlay = markListOverlay
	m.marks.SetSize(m.width, m.height)
	m.marks.Open(m.markRows())
	return m, nil
}

func (m *Model) markRows() []markRow {
	var rows []markRow
	for _, mk := range m.mem.liveMarks() {
		var d *corpus.Document
		if i, ok := m.c.docByID(mk.doc); ok {
			d = m.c.lib.Docs[i]
		}
		rows = append(rows, describeMark(d, mk))
	}
	return rows
}

func (m Model) markListKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Back, k.Quit, k.Marks):
		m.overlay = noOverlay
		return m, nil
	case key.Matches(msg, k.Help):
		return m.openHelp()
	}
	var cmd tea.Cmd
	m.marks, cmd = m.marks.Update(msg)
	intent := m.marks.intent
	m.marks.intent = nil
	switch {
	case intent == nil:
		return m, cmd
	case intent.delete:
		m.mem.deleteMark(intent.name, m.c.now())
		m.marks.Open(m.markRows())
		return m, tea.Batch(cmd, hint("Mark "+intent.name+" deleted."), m.save())
	}
	m.overlay = noOverlay
	next, open := m.goToMark(intent.name)
	return next, tea.Batch(cmd, open)
}

// openHelp shows the help in place of a box.
func (m Model) openHelp() (tea.Model, tea.Cmd) {
	m.overlay = helpOverlay
	m.help.offset = 0
	m.help.SetSize(m.width, m.height)
	return m, nil
}

// onScreen is the range of Body the screen shows.
func (m *Model) onScreen() (from, to int) {
	p := m.reader.place()
	return max(p.off, 0), max(p.bottom, p.off+1)
}

// showNote shows the note of the first marker on screen.
func (m Model) showNote() (tea.Model, tea.Cmd) {
	d := m.reader.doc
	from, to := m.onScreen()
	ms := markersIn(m.c.markersOf(d), from, to)
	if len(ms) == 0 {
		return m, hint(m.noNoteHere(d))
	}
	m.note.SetSize(m.layout().readerWidth, m.height)
	m.note.Open(d, ms)
	m.overlay = noteOverlay
	return m, nil
}

func (m *Model) noNoteHere(d *corpus.Document) string {
	if len(d.Notes) == 0 {
		return d.ShortTitle() + " has no notes."
	}
	return "No note marker on screen."
}

// followNote goes to the note of the first marker on screen, or, from a
// note on screen, back to its marker.
func (m Model) followNote() (tea.Model, tea.Cmd) {
	d := m.reader.doc
	from, to := m.onScreen()
	if ms := markersIn(m.c.markersOf(d), from, to); len(ms) > 0 {
		return m.goToNote(ms[0].note)
	}
	if ns := notesIn(d, from, to); len(ns) > 0 && len(d.Notes[ns[0]].Refs) > 0 {
		m.jumped(m.here())
		return m.open(openPlace{doc: m.c.docIndex(d), off: d.Notes[ns[0]].Refs[0]})
	}
	return m, hint(m.noNoteHere(d))
}

// goToNote jumps to note i of the document being read.
func (m Model) goToNote(i int) (tea.Model, tea.Cmd) {
	d := m.reader.doc
	m.jumped(m.here())
	return m.open(openPlace{doc: m.c.docIndex(d), off: d.Notes[i].Offset})
}

func (m Model) noteKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Back, k.Quit):
		m.overlay = noOverlay
		return m, nil
	case key.Matches(msg, k.FollowNote):
		m.overlay = noOverlay
		return m.goToNote(m.note.marker().note)
	case key.Matches(msg, k.Help):
		return m.openHelp()
	}
	var cmd tea.Cmd
	m.note, cmd = m.note.Update(msg)
	return m, cmd
}

// cite copies a citation of the place being read to the clipboard and
// shows it.
func (m Model) cite() tea.Cmd {
	r := &m.reader
	text := r.doc.Cite(max(r.top.off, r.anchor))
	copyText := m.c.copy
	if copyText == nil {
		return func() tea.Msg { return noticeMsg{text: text, whole: true} }
	}
	return func() tea.Msg {
		if err := copyText(text); err != nil {
			return noticeMsg{text: fmt.Sprintf("Could not copy (%v): %s", err, text), isError: true, whole: true}
		}
		return noticeMsg{text: "Copied: " + text, whole: true}
	}
}

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
	snap := m.mem.snapshot(m.c.lib)
	m.mem.dirty = false
	file := m.file
	return func() tea.Msg {
		merged, notice, err := file.Save(snap)
		return savedMsg{merged: merged, notice: notice, err: err}
	}
}

// saveTick saves what changed, or if nothing did, reads the marks other
// readers have saved since.
func (m Model) saveTick() (tea.Model, tea.Cmd) {
	next := m.c.after(saveEvery, saveTickMsg{})
	if m.mem.dirty {
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
	m.mem.adopt(msg.lib)
	if m.overlay == markListOverlay {
		m.marks.Open(m.markRows())
	}
	return m, nil
}

// saved takes in the result of a save: another reader's marks, or a
// failure, said once until a save succeeds again.
func (m Model) saved(msg savedMsg) (tea.Model, tea.Cmd) {
	m.saving = false
	var cmds []tea.Cmd
	if msg.err != nil {
		m.mem.dirty = true // tried again at the next tick
		if text := msg.err.Error(); text != m.saveErr {
			m.saveErr = text
			cmds = append(cmds, failure(fmt.Sprintf("Could not keep the reading state (%v); reading goes on.", msg.err)))
		}
		return m, tea.Batch(cmds...)
	}
	if m.saveErr != "" {
		m.saveErr = ""
		cmds = append(cmds, notice("The reading state is kept again."))
	}
	if msg.notice != "" {
		cmds = append(cmds, failure(msg.notice))
	}
	m.mem.adopt(msg.merged)
	if m.overlay == markListOverlay {
		m.marks.Open(m.markRows())
	}
	if m.saveAgain && m.mem.dirty {
		cmds = append(cmds, m.save())
	}
	return m, tea.Batch(cmds...)
}

// Snapshot is what the reader leaves for the next run: where each document
// was left, which one was open, and the marks, for the state file.
func (m Model) Snapshot() *state.Library {
	return m.mem.snapshot(m.c.lib)
}

// wholeNotice is a message shown whole, however long.
func wholeNotice(text string) tea.Cmd {
	return func() tea.Msg { return noticeMsg{text: text, whole: true} }
}

func hint(text string) tea.Cmd {
	return func() tea.Msg { return noticeMsg{text: text, hint: true} }
}
