package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// View draws the screen: the text, with the contents beside it or over
// it, the box open over them, and the status bar.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	l := m.layout()
	if l.tooSmall {
		return m.tooSmallView()
	}
	body := strings.Split(m.reader.View(), "\n")
	if l.tocVisible {
		toc := strings.Split(m.toc.View(), "\n")
		border := m.styles.Border.Render("│")
		for i := range body {
			if l.sideBySide {
				body[i] = toc[i] + border + body[i]
			} else {
				body[i] = toc[i] + border + ansi.Cut(body[i], l.tocWidth+1, m.width)
			}
		}
	}
	// The lists are centred on the terminal; the boxes of a note, of a
	// note of the reader's own, of the editor and of a person sit at the
	// foot of the text, over it, so that the text being read stays in view
	// at the top, and the contents beside it.
	switch m.overlay {
	case helpOverlay:
		body = placeBox(body, m.help.View(), m.width, 1)
	case promptOverlay:
		body = placeBox(body, m.prompt.View(), m.width, 1)
	case markListOverlay:
		body = placeBox(body, m.marks.View(), m.width, 1)
	case noteOverlay:
		body = m.placeOnText(body, m.note.View(), l, false)
	case searchOverlay:
		return m.searchView(body)
	case editorOverlay:
		body = m.placeOnText(body, m.editor.View(), l, false)
	case passageOverlay:
		body = m.placeOnText(body, m.passage.View(), l, false)
	case annotationsOverlay:
		body = placeBox(body, m.annos.View(), m.width, 1)
	case personOverlay:
		// At the foot of the text, unless the name it is about is there:
		// then at the top.
		box := m.person.View()
		row, spotted := m.reader.SpotRow()
		body = m.placeOnText(body, box, l, spotted && row >= footRow(body, box))
	case placesOverlay:
		body = placeBox(body, m.places.View(), m.width, 1)
	case peopleOverlay:
		body = placeBox(body, m.peopleList.View(), m.width, 1)
	}
	count := m.reader.Count()
	if m.focus == contentsPane {
		count = m.toc.Count()
	}
	status := strings.Split(m.status.View(m.reader.Screen(), count, m.pendingText()), "\n")
	// A long message takes the last lines of the text for a while.
	body = body[:max(0, len(body)-(len(status)-1))]
	return strings.Join(append(body, status...), "\n")
}

// placeBox draws box over lines, centred, from row y: the text around it
// stays visible.
func placeBox(lines []string, box string, width, y int) []string {
	return placeBoxAt(lines, box, max(0, (width-lipgloss.Width(box))/2), width, y)
}

// placeOnText draws box over the text pane, centred on it: at its foot,
// or at the top if top.
func (m Model) placeOnText(lines []string, box string, l layout, top bool) []string {
	x := l.readerX + max(0, (l.readerWidth-lipgloss.Width(box))/2)
	y := 0
	if !top {
		y = footRow(lines, box)
	}
	return placeBoxAt(lines, box, x, m.width, y)
}

// footRow is the row a box over the text starts on to stand at its foot,
// the last line of the text left clear.
func footRow(lines []string, box string) int {
	return max(0, len(lines)-1-lipgloss.Height(box))
}

// placeBoxAt draws box over lines, width columns wide, from column x of
// row y.
func placeBoxAt(lines []string, box string, x, width, y int) []string {
	if box == "" {
		return lines
	}
	rows := strings.Split(box, "\n")
	w := lipgloss.Width(box)
	for i, row := range rows {
		at := y + i
		if at >= len(lines) {
			break
		}
		base := lines[at]
		left := ansi.Truncate(base, x, "")
		left += strings.Repeat(" ", x-lipgloss.Width(left))
		right := ansi.Cut(base, x+w, width)
		if strings.Contains(base, "\x1b") { // no style of the text runs into the box
			row = "\x1b[0m" + row + "\x1b[0m"
		}
		lines[at] = left + row + right
	}
	return lines
}

// tooSmallView says the terminal is too small, in the room there is.
func (m Model) tooSmallView() string {
	msg := fmt.Sprintf("samizdat needs a terminal of at least %dx%d; this one is %dx%d.", minWidth, minHeight, m.width, m.height)
	wrapped := strings.Split(lipgloss.NewStyle().Width(m.width).Render(msg), "\n")
	lines := make([]string, m.height)
	top := max(0, (m.height-len(wrapped))/2)
	for i := range lines {
		if k := i - top; k >= 0 && k < len(wrapped) {
			lines[i] = m.styles.TooSmall.Render(ansi.Truncate(strings.TrimRight(wrapped[k], " "), m.width, ""))
		}
	}
	return strings.Join(lines, "\n")
}

// searchView draws the open search bar: the list of hits over the bottom
// rows of the text, and the line typed in, where the status bar was.
func (m Model) searchView(body []string) string {
	lines := strings.Split(m.search.View(), "\n")
	panel, bar := lines[:len(lines)-1], lines[len(lines)-1]
	at := len(body) - len(panel)
	for i, line := range panel {
		if at+i >= 0 {
			body[at+i] = line
		}
	}
	return strings.Join(append(body, bar), "\n")
}
