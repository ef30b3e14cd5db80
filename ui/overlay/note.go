package overlay

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/render"
)

// Note shows a note over the text without moving it: the note of one of
// the markers on screen, the next one each time show-note is pressed
// again, scrolled with the moving keys if it is long.
type Note struct {
	KeyMap KeyMap
	Styles Styles

	c     *common.Common
	box   box // on the text pane; its offset is the first line of the note shown
	doc   *corpus.Document
	notes []int    // the notes of the markers on screen, in order
	at    int      // the one shown
	lines []string // the note, wrapped to the box
}

// NewNote is a note's box, showing none.
func NewNote(c *common.Common, styles Styles) Note {
	return Note{KeyMap: NewKeyMap(c.Keys), Styles: styles, c: c, box: box{widest: 76}}
}

// Open shows the first of the notes of doc, those of the markers on
// screen.
func (n *Note) Open(doc *corpus.Document, notes []int) {
	n.doc, n.notes, n.at = doc, notes, 0
	n.layout()
}

// next shows the note of the next marker on screen, round to the first.
func (n *Note) next() {
	if len(n.notes) > 0 {
		n.at = (n.at + 1) % len(n.notes)
		n.layout()
	}
}

// Shown is the note shown, an index in the document's Notes.
func (n Note) Shown() int { return n.notes[n.at] }

// At is which of the markers on screen has its note shown, counted from 0.
func (n Note) At() int { return n.at }

// Notes is the notes of the markers on screen, in order.
func (n Note) Notes() []int { return n.notes }

// SetSize lays the box out over a text pane width columns wide, on a
// terminal height rows high.
func (n *Note) SetSize(width, height int) {
	n.box.width, n.box.height = width, height
	if n.doc != nil {
		n.layout()
	}
}

// rows is how many lines of the note the box shows: the title and the
// foot aside, and a line of text kept above it.
func (n *Note) rows() int {
	return n.box.textRows(len(n.lines))
}

func (n *Note) layout() {
	n.box.offset = 0
	n.lines = nil
	if w := n.box.innerWidth(); w > 0 && len(n.notes) > 0 {
		n.lines = render.WrapText(noteText(n.doc, n.Shown()), w)
	}
}

// Update takes a key: follow-note asks the root to go to the note shown,
// show-note shows the next, the moving keys scroll it.
func (n Note) Update(msg tea.Msg) (Note, tea.Cmd, common.Intent) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return n, nil, common.Intent{}
	}
	k := n.KeyMap
	switch {
	case key.Matches(kmsg, k.FollowNote):
		note := n.doc.Notes[n.Shown()]
		return n, nil, common.Intent{Do: common.Open, At: corpus.Place{Doc: n.doc, Offset: note.Offset}}
	case key.Matches(kmsg, k.ShowNote):
		n.next()
	case n.box.scroll(kmsg, k, n.rows(), len(n.lines)):
	default:
		return n, n.c.UnknownKey(kmsg), common.Intent{}
	}
	return n, nil, common.Intent{}
}

// View is the box: the note's label, its text, and the keys that act on
// it.
func (n Note) View() string {
	s := n.Styles
	inner := n.box.innerWidth()
	rows := n.rows()
	if inner <= 4 || len(n.notes) == 0 {
		return ""
	}
	note := n.doc.Notes[n.Shown()]
	title := "Note " + note.Label
	if len(n.notes) > 1 {
		title += fmt.Sprintf("  (%d of %d on screen)", n.at+1, len(n.notes))
	}
	body := []string{s.Title.Render(ansi.Truncate(title, inner, "…"))}
	for _, l := range n.box.window(n.lines, rows) {
		body = append(body, common.Fit(s.Text.Render(l), inner))
	}
	k := n.KeyMap
	hs := []keyHint{{k.FollowNote, "go to it"}}
	if len(n.notes) > 1 {
		hs = append(hs, keyHint{k.ShowNote, "next"})
	}
	hs = append(hs, keyHint{k.Back, "close"})
	body = append(body, keyFoot(s, hs, moreMark(n.box.offset, rows, len(n.lines)), inner))
	return frame(s, inner, body)
}

// noteText is a note as the reader reads it: plain text, without the
// label it begins with.
func noteText(d *corpus.Document, i int) string {
	n := d.Notes[i]
	text := d.PlainRange(d.PlainOffset(n.Offset), d.PlainOffset(n.End))
	text = strings.TrimPrefix(strings.TrimSpace(text), "["+n.Label+"]")
	return strings.TrimSpace(text)
}
