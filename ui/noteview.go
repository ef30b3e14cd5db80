package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
)

// noteModel shows a note over the text without moving it: the note of one
// of the markers on screen, the next one each time show-note is pressed
// again, scrolled with the moving keys if it is long.
type noteModel struct {
	c             *common
	doc           *corpus.Document
	markers       []noteMarker // the markers on screen
	at            int          // the one whose note is shown
	lines         []string     // the note, wrapped to the box
	offset        int
	width, height int // the terminal
}

func newNoteView(c *common) noteModel {
	return noteModel{c: c}
}

// Open shows the note of the first of the markers on screen.
func (n *noteModel) Open(doc *corpus.Document, markers []noteMarker) {
	n.doc, n.markers, n.at = doc, markers, 0
	n.layout()
}

// next shows the note of the next marker on screen, round to the first.
func (n *noteModel) next() {
	if len(n.markers) > 0 {
		n.at = (n.at + 1) % len(n.markers)
		n.layout()
	}
}

// marker is the marker whose note is shown.
func (n *noteModel) marker() noteMarker { return n.markers[n.at] }

func (n *noteModel) SetSize(width, height int) {
	n.width, n.height = width, height
	if n.doc != nil {
		n.layout()
	}
}

// innerWidth is the width of the note's text: a comfortable measure.
func (n *noteModel) innerWidth() int { return min(n.width-2, 76) - boxFrameW }

// rows is how many lines of the note the box shows: the title and the
// foot aside, and a line of text kept above it.
func (n *noteModel) rows() int {
	return max(0, min(len(n.lines), n.height-1-boxFrameH-2-2))
}

func (n *noteModel) layout() {
	n.offset = 0
	n.lines = nil
	if w := n.innerWidth(); w > 0 && len(n.markers) > 0 {
		n.lines = wrapText(noteText(n.doc, n.marker().note), w)
	}
}

func (n noteModel) Update(msg tea.Msg) (noteModel, tea.Cmd) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return n, nil
	}
	k := n.c.keys
	page := max(1, n.rows()-1)
	switch {
	case key.Matches(kmsg, k.ShowNote):
		n.next()
	case key.Matches(kmsg, k.Down):
		n.offset++
	case key.Matches(kmsg, k.Up):
		n.offset--
	case key.Matches(kmsg, k.PageDown, k.HalfDown):
		n.offset += page
	case key.Matches(kmsg, k.PageUp, k.HalfUp):
		n.offset -= page
	case key.Matches(kmsg, k.Top):
		n.offset = 0
	case key.Matches(kmsg, k.Bottom):
		n.offset = len(n.lines)
	default:
		return n, n.c.unknownKey(kmsg)
	}
	n.offset = min(max(n.offset, 0), max(0, len(n.lines)-n.rows()))
	return n, nil
}

// View is the box: the note's label, its text, and the keys that act on
// it.
func (n noteModel) View() string {
	s := n.c.styles
	inner := n.innerWidth()
	rows := n.rows()
	if inner <= 4 || len(n.markers) == 0 {
		return ""
	}
	note := n.doc.Notes[n.marker().note]
	title := "Note " + note.Label
	if len(n.markers) > 1 {
		title += fmt.Sprintf("  (%d of %d on screen)", n.at+1, len(n.markers))
	}
	body := []string{s.BoxTitle.Render(ansi.Truncate(title, inner, "…"))}
	for _, l := range n.lines[n.offset:min(len(n.lines), n.offset+rows)] {
		body = append(body, fit(s.HelpText.Render(l), inner))
	}
	k := n.c.keys
	var hints []string
	add := func(b key.Binding, what string) {
		if first := firstKey(b); first != "" {
			hints = append(hints, first+" "+what)
		}
	}
	add(k.FollowNote, "go to it")
	if len(n.markers) > 1 {
		add(k.ShowNote, "next")
	}
	add(k.Back, "close")
	body = append(body, boxFoot(s, hints, moreMark(n.offset, rows, len(n.lines)), inner))
	return s.Box.Width(inner + 2).Render(strings.Join(body, "\n"))
}
