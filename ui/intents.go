package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/state"
	"samizdat/ui/common"
)

// part is a component whose Update returns, with its command, what it
// asks of the root.
type part[T any] interface {
	Update(tea.Msg) (T, tea.Cmd, common.Intent)
}

// updatePart hands msg to the part at p, keeps the part it becomes, and
// returns what it asks and its command, for apply.
func updatePart[T part[T]](p *T, msg tea.Msg) (common.Intent, tea.Cmd) {
	next, cmd, in := (*p).Update(msg)
	*p = next
	return in, cmd
}

// apply does what a part asked for, at once, after the command its Update
// returned.
func (m Model) apply(in common.Intent, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	var next tea.Model = m
	var more tea.Cmd
	switch in.Do {
	case common.None:
		return m, cmd
	case common.Open, common.Resume:
		m.jumped(m.reader.Here())
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
	case common.GoToAnnotation:
		m.overlay = noOverlay
		m.jumped(m.reader.Here())
		next, more = m.open(common.Intent{Do: common.Open, At: in.At})
	case common.EditAnnotation, common.DeleteAnnotation, common.RestoreAnnotation:
		next, more = m.annotationIntent(in)
	case common.ShowPerson, common.ChoosePage:
		next, more = m.fromList(in)
	case common.Quit:
		more = tea.Quit
	}
	return next, tea.Batch(cmd, more)
}

// open shows a place (Open), a document where it was left (Resume), or
// a mark (GoToMark), once the text of its document has been read.
func (m Model) open(in common.Intent) (tea.Model, tea.Cmd) {
	doc := in.At.Doc
	if doc == nil {
		return m, nil
	}
	if !doc.Loaded() {
		m.waiting = &in
		return m, loadDoc(doc)
	}
	m.waiting = nil
	at := in.At
	var cmds []tea.Cmd
	var said tea.Cmd
	switch in.Do {
	case common.GoToMark:
		at, said = m.markPlace(doc, in.Mark)
	case common.Resume:
		at, said = m.resume(doc)
	}
	off := at.Offset
	cmds = append(cmds, said)
	m.overlay = noOverlay
	if m.focus == contentsPane {
		cmds = append(cmds, m.setFocus(textPane))
	}
	opened := doc != m.reader.Doc()
	if opened && m.sel.on {
		m.leaveSelection()
	}
	cmds = append(cmds, m.reader.Show(corpus.Place{Doc: doc, Offset: off}))
	if opened {
		cmds = append(cmds, m.warn(doc))
	}
	m.afterMove()
	return m, tea.Batch(cmds...)
}

// goTo opens a place of the history, without recording a jump.
func (m Model) goTo(p corpus.Place) (tea.Model, tea.Cmd) {
	return m.open(common.Intent{Do: common.Open, At: p})
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

// sectionName names the section that holds off, for a notice.
func sectionName(d *corpus.Document, off int) string {
	if i := d.SectionAt(max(off, 0)); i >= 0 {
		return d.Outline[i].Title
	}
	return "its start"
}
