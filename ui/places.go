package ui

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/state"
	"samizdat/ui/common"
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
	k := m.c.Keys
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
	if key.Matches(msg, m.c.Keys.Back) {
		return m, nil
	}
	name := ""
	if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && !msg.Alt {
		name = string(msg.Runes)
	}
	if p == goMarkPrefix && key.Matches(msg, m.c.Keys.GoToMark) {
		return m.swapBack()
	}
	if !state.ValidMark(name) {
		first := common.FirstKey(m.c.Keys.SetMark)
		if p == goMarkPrefix {
			first = common.FirstKey(m.c.Keys.GoToMark)
		}
		return m, common.Hint(fmt.Sprintf("%s %s: a mark is named by a letter or a digit.", first, common.KeyName(msg)))
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
		return common.FirstKey(m.c.Keys.SetMark)
	case goMarkPrefix:
		return common.FirstKey(m.c.Keys.GoToMark)
	}
	return ""
}

// here is where the reader is; its Doc is nil when no document is shown
// (an empty library).
func (m *Model) here() corpus.Place {
	r := &m.reader
	if r.doc == nil {
		return corpus.Place{}
	}
	return corpus.Place{Doc: r.doc, Offset: r.anchor}
}

// jumped records a jump that left from.
func (m *Model) jumped(from corpus.Place) {
	if from.Doc != nil {
		m.jumps.Push(from)
	}
}

// goTo opens a place of the history, without recording a jump.
func (m Model) goTo(p corpus.Place) (tea.Model, tea.Cmd) {
	return m.open(common.Intent{Do: common.Open, At: p})
}

// walk goes back (-1) or forward (+1) in the history of jumps.
func (m Model) walk(dir int) (tea.Model, tea.Cmd) {
	var to corpus.Place
	var ok bool
	if dir < 0 {
		to, ok = m.jumps.Back(m.here())
	} else {
		to, ok = m.jumps.Forward(m.here())
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
	to, ok := m.jumps.Swap(m.here())
	if !ok {
		return m, common.Hint("No jump yet to go back to.")
	}
	return m.goTo(to)
}

func (m Model) setMark(name string) (tea.Model, tea.Cmd) {
	r := &m.reader
	off := r.anchor
	m.mem.SetMark(name, m.here(), m.c.Now())
	where := r.doc.ShortTitle()
	if i := r.doc.SectionAt(max(off, 0)); i >= 0 && off >= 0 {
		where += " › " + r.doc.Outline[i].Title
	}
	return m, tea.Batch(common.Hint(fmt.Sprintf("Mark %s set: %s.", name, where)), m.save())
}

func (m Model) goToMark(name string) (tea.Model, tea.Cmd) {
	mk, ok := m.mem.Mark(name)
	if !ok {
		return m, common.Hint(fmt.Sprintf("No mark %s.", name))
	}
	if mk.At.Doc == nil {
		return m, common.Failure(fmt.Sprintf("Mark %s is in %s, which is not in this library.", name, mk.DocID))
	}
	m.jumped(m.here())
	return m.open(common.Intent{Do: common.GoToMark, At: mk.At, Mark: name})
}

// markPlace is where mark name is in doc, which has been read, and what
// to say if it was not found where it was set.
func (m *Model) markPlace(doc *corpus.Document, name string) (corpus.Place, tea.Cmd) {
	mk, ok := m.mem.Mark(name)
	if !ok {
		return corpus.Place{Doc: doc, Offset: -1}, nil
	}
	at := mk.At
	switch mk.Found {
	case state.Section:
		return at, common.WholeNotice(fmt.Sprintf("Mark %s: the marked text is not in this edition; at its section, %s.", name, sectionName(doc, at.Offset)))
	case state.Start:
		return at, common.WholeNotice(fmt.Sprintf("Mark %s: the marked text and its section are not in this edition; at the start of %s.", name, doc.ShortTitle()))
	}
	return at, nil
}

// resume is where doc, which has been read, was left, and what to say,
// the first time, if it was not found where it was left.
func (m *Model) resume(doc *corpus.Document) (corpus.Place, tea.Cmd) {
	at, found := m.mem.Resume(doc)
	switch found {
	case state.Section:
		return at, common.WholeNotice(fmt.Sprintf("The place you left in %s is not in this edition; at its section, %s.", doc.ShortTitle(), sectionName(doc, at.Offset)))
	case state.Start:
		return at, common.WholeNotice(fmt.Sprintf("The place you left in %s and its section are not in this edition; at its start.", doc.ShortTitle()))
	}
	return at, nil
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
	m.marks.Open(m.mem.Marks())
	return m, nil
}

func (m Model) markListKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back, k.Quit, k.Marks):
		m.overlay = noOverlay
		return m, nil
	case key.Matches(msg, k.Help):
		return m.openHelp()
	}
	var cmd tea.Cmd
	var in common.Intent
	m.marks, cmd, in = m.marks.Update(msg)
	return m.apply(in, cmd)
}

// deleteMark deletes a mark, and lists the marks left.
func (m Model) deleteMark(name string) (tea.Model, tea.Cmd) {
	m.mem.DeleteMark(name, m.c.Now())
	m.marks.Open(m.mem.Marks())
	return m, tea.Batch(common.Hint("Mark "+name+" deleted."), m.save())
}

// openHelp shows the help in place of a box.
func (m Model) openHelp() (tea.Model, tea.Cmd) {
	m.overlay = helpOverlay
	m.help.Open(m.width, m.height)
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
	ms := markersIn(m.reader.markersOf(d), from, to)
	if len(ms) == 0 {
		return m, common.Hint(m.noNoteHere(d))
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
	if ms := markersIn(m.reader.markersOf(d), from, to); len(ms) > 0 {
		return m.goToNote(ms[0].note)
	}
	if ns := notesIn(d, from, to); len(ns) > 0 && len(d.Notes[ns[0]].Refs) > 0 {
		return m.apply(common.Intent{Do: common.Open, At: corpus.Place{Doc: d, Offset: d.Notes[ns[0]].Refs[0]}}, nil)
	}
	return m, common.Hint(m.noNoteHere(d))
}

// goToNote jumps to note i of the document being read.
func (m Model) goToNote(i int) (tea.Model, tea.Cmd) {
	d := m.reader.doc
	return m.apply(common.Intent{Do: common.Open, At: corpus.Place{Doc: d, Offset: d.Notes[i].Offset}}, nil)
}

func (m Model) noteKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back, k.Quit):
		m.overlay = noOverlay
		return m, nil
	case key.Matches(msg, k.Help):
		return m.openHelp()
	}
	var cmd tea.Cmd
	var in common.Intent
	m.note, cmd, in = m.note.Update(msg)
	return m.apply(in, cmd)
}

// cite copies a citation of the place being read to the clipboard and
// shows it.
func (m Model) cite() tea.Cmd {
	r := &m.reader
	text := r.doc.Cite(max(r.top.off, r.anchor))
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

// Snapshot is what the reader leaves for the next run: where each document
// was left, which one was open, and the marks, for the state file.
func (m Model) Snapshot() *state.Library {
	return m.mem.Snapshot()
}
