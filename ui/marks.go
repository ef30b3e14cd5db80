package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/ui/common"
)

// Marks: naming a place (m), going to it (' or the list of marks),
// deleting it.

// setMark names the place being read, and saves at once.
func (m Model) setMark(name string) (tea.Model, tea.Cmd) {
	here := m.reader.Here()
	m.mem.SetMark(name, here, m.c.Now())
	d, off := here.Doc, here.Offset
	where := d.ShortTitle()
	if i := d.SectionAt(max(off, 0)); i >= 0 && off >= 0 {
		where += " › " + d.Outline[i].Title
	}
	return m, tea.Batch(common.Hint(fmt.Sprintf("Mark %s set: %s.", name, where)), m.save())
}

// goToMark jumps to a mark, in whichever document it is.
func (m Model) goToMark(name string) (tea.Model, tea.Cmd) {
	mk, ok := m.mem.Mark(name)
	if !ok {
		return m, common.Hint(fmt.Sprintf("No mark %s.", name))
	}
	if mk.At.Doc == nil {
		return m, common.Failure(fmt.Sprintf("Mark %s is in %s, which is not in this library.", name, mk.DocID))
	}
	m.jumped(m.reader.Here())
	return m.open(common.Intent{Do: common.GoToMark, At: mk.At, Mark: name})
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

// deleteMark deletes a mark, and lists the marks left.
func (m Model) deleteMark(name string) (tea.Model, tea.Cmd) {
	m.mem.DeleteMark(name, m.c.Now())
	m.marks.Open(m.mem.Marks())
	return m, tea.Batch(common.Hint("Mark "+name+" deleted."), m.save())
}
