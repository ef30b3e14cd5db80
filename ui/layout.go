package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/ui/common"
)

// Where the panes go: the contents beside the text on a wide terminal,
// over it on a narrow one; and the focus moved between them.

// layout is where the panes go on a terminal of the model's size.
type layout struct {
	tooSmall    bool
	sideBySide  bool // the terminal is wide enough for contents beside the text
	tocVisible  bool
	tocWidth    int // without the border column
	readerX     int
	readerWidth int
	bodyHeight  int // all but the status bar
}

// The contents' width beside the text, and the narrowest text worth
// putting beside them.
const (
	tocMinWidth = 24
	tocMaxWidth = 48 // over the text, on a narrow terminal
	sideMinText = 64
)

// tocStep is how many columns the keys that widen and narrow the
// contents add or take away.
const tocStep = 4

// sideBySideWidth is the narrowest terminal with the contents beside the
// text.
const sideBySideWidth = tocMinWidth + 1 + sideMinText

// layout places the panes on the terminal.
func (m Model) layout() layout {
	l := layout{bodyHeight: m.height - 1}
	if m.width < minWidth || m.height < minHeight {
		l.tooSmall = true
		return l
	}
	l.sideBySide = m.width >= sideBySideWidth
	if l.sideBySide {
		l.tocWidth = m.sideTOCWidth()
		l.tocVisible = m.showTOC
	} else {
		l.tocWidth = min(m.width-6, tocMaxWidth+4)
		l.tocVisible = m.focus == contentsPane
	}
	l.readerWidth = m.width
	if l.sideBySide && l.tocVisible {
		l.readerX = l.tocWidth + 1
		l.readerWidth = m.width - l.readerX
	}
	return l
}

// sideTOCWidth is the contents' width beside the text: tocFit, as much
// wider or narrower as the reader asked, the text keeping sideMinText
// columns.
func (m Model) sideTOCWidth() int {
	return min(max(m.tocFit()+m.tocWiden, tocMinWidth), m.width-1-sideMinText)
}

// tocFit is the width the contents' titles ask for beside the text: what
// the longest needs, within about a quarter of the terminal, or more when
// the text keeps its full measure beside it, and never over two fifths.
func (m Model) tocFit() int {
	room := max(m.width/4, m.width-1-(m.c.MaxWidth+4))
	return min(m.tocNeed, room, m.width*2/5)
}

// widenTOC makes the contents beside the text wider by columns (narrower,
// for fewer than none), as far as they go.
func (m *Model) widenTOC(columns int) tea.Cmd {
	l := m.layout()
	if !l.sideBySide || !l.tocVisible {
		hint := "The contents are not beside the text."
		if k := common.FirstKey(m.c.Keys.ToggleTOC); k != "" && l.sideBySide {
			hint = "The contents are not beside the text: " + k + " shows them."
		}
		return common.Hint(hint)
	}
	m.tocWiden += columns
	w := m.sideTOCWidth()
	// Only what the width follows is kept, so that the other key acts at
	// once at either end.
	m.tocWiden = w - m.tocFit()
	switch {
	case w != l.tocWidth:
		return m.relayout()
	case columns > 0:
		return common.Hint("The contents are as wide as they go.")
	}
	return common.Hint("The contents are as narrow as they go.")
}

func (m Model) resize(width, height int) (Model, tea.Cmd) {
	if m.width == 0 && m.height == 0 {
		m.showTOC = width >= sideBySideWidth
	}
	m.width, m.height = width, height
	cmd := m.relayout()
	if m.sel.on && m.sel.doc == m.reader.Doc() && !m.layout().tooSmall {
		cmd = tea.Batch(cmd, m.showSelection()) // the end that moves stays in view
	}
	m.afterLayout()
	return m, cmd
}

// relayout gives every part its size for the terminal's.
func (m *Model) relayout() tea.Cmd {
	m.tocNeed = m.toc.Need()
	l := m.layout()
	if l.tooSmall {
		return nil
	}
	m.toc.SetSize(l.tocWidth, l.bodyHeight)
	m.status.SetWidth(m.width)
	if m.overlay == helpOverlay { // laid out when opened otherwise
		m.help.SetSize(m.width, m.height)
	}
	m.prompt.SetSize(m.width, m.height)
	m.marks.SetSize(m.width, m.height)
	m.note.SetSize(l.readerWidth, m.height)
	m.search.SetSize(m.width, l.bodyHeight)
	if m.overlay == searchOverlay {
		m.reader.SetCovered(m.search.PanelHeight())
	}
	m.editor.SetSize(l.readerWidth, l.bodyHeight)
	m.passage.SetSize(l.readerWidth, m.height)
	m.annos.SetSize(m.width, m.height)
	m.person.SetSize(l.readerWidth, m.height)
	m.places.SetSize(m.width, m.height)
	m.peopleList.SetSize(m.width, m.height)
	m.reader.SetBordered(l.readerX > 0)
	return m.reader.SetSize(l.readerWidth, l.bodyHeight)
}

// toggleTOC shows or hides the contents: beside the text on a wide
// terminal, over it on a narrow one, where it has the focus while shown.
func (m *Model) toggleTOC() tea.Cmd {
	if m.layout().sideBySide {
		m.showTOC = !m.showTOC
		if m.showTOC {
			return m.setFocus(contentsPane)
		}
		return m.setFocus(textPane)
	}
	if m.focus == contentsPane {
		return m.setFocus(textPane)
	}
	return m.setFocus(contentsPane)
}

// switchFocus moves between contents and text, showing the contents if
// they were hidden.
func (m *Model) switchFocus() tea.Cmd {
	if m.focus == contentsPane {
		return m.setFocus(textPane)
	}
	if m.layout().sideBySide {
		m.showTOC = true
	}
	return m.setFocus(contentsPane)
}

func (m *Model) setFocus(p pane) tea.Cmd {
	m.focus = p
	if p == contentsPane {
		m.toc.Focus()
	} else {
		m.toc.Blur()
	}
	return m.relayout()
}

// The smallest terminal the reader draws in; below it, it says so.
const (
	minWidth  = 40
	minHeight = 10
)
