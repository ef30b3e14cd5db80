package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// Selecting a passage: from the keyboard, a sentence or the search's
// match to start with, grown and shrunk by words, sentences and
// paragraphs at its moving end; with the mouse, a drag over whole words.
// What a selection becomes (a quotation copied, a highlight, a note) is
// in highlights.go.

// selection is the passage being selected, between two offsets of the
// plain text of doc: anchor stays, head moves. on is false when there is
// none.
type selection struct {
	on           bool
	doc          *corpus.Document
	anchor, head int
	// dragFrom is the word the mouse was pressed on, a drag's first end;
	// dragging says a press on the text is waiting to become a drag.
	dragFrom [2]int
	dragging bool
	// pressY is the row the drag began on; dragX, dragY where the pointer
	// is, in the pane; edge is -1 or 1 while the drag is held at the top
	// or the bottom row, and edgeGen counts its changes, for the timer.
	pressY, dragX, dragY int
	edge, edgeGen        int
	// held is the move last held back at a section's end.
	held heldStep
}

// span is the passage selected, start to end.
func (s selection) span() (start, end int) {
	return min(s.anchor, s.head), max(s.anchor, s.head)
}

// startSelection selects the search's match if one is on screen, else
// the first sentence of text that begins on it: not a heading, a rule or
// the title page.
func (m Model) startSelection() (tea.Model, tea.Cmd) {
	d := m.reader.Doc()
	if d == nil {
		return m, nil
	}
	m.reader.ClearCount()
	start, end, ok := 0, 0, false
	if res, cur := m.reader.Search(); res != nil && cur >= 0 && cur < res.Total() && m.reader.HitOnScreen(res, cur) {
		h := res.Hit(cur)
		start, end, ok = h.Start, h.End, true
	}
	if !ok {
		start, end, ok = d.TextUnitAt(corpus.Sentence, m.reader.PlainTop())
		if ok && !m.reader.Shows(start) {
			if s, e, next := d.TextUnitAt(corpus.Sentence, end); next && m.reader.Shows(s) {
				start, end = s, e
			}
		}
	}
	if !ok {
		return m, common.Hint("There is no text here to select.")
	}
	m.sel = selection{on: true, doc: d, anchor: start, head: end}
	cmd := m.showSelection()
	k := m.c.Keys
	hint := fmt.Sprintf("%s copy · %s keep · %s note · %s move",
		common.FirstKey(k.CopyQuote), common.FirstKey(k.KeepHighlight), common.FirstKey(k.KeepNote),
		strings.Join([]string{common.FirstKey(k.WordForward), common.FirstKey(k.WordBack), common.FirstKey(k.SentenceForward),
			common.FirstKey(k.SentenceBack), common.FirstKey(k.ParagraphForward), common.FirstKey(k.ParagraphBack)}, " "))
	return m, tea.Batch(cmd, common.Hint(hint))
}

// leaveSelection forgets the selection and stops painting it.
func (m *Model) leaveSelection() {
	m.sel = selection{}
	m.reader.SetSelection(0, 0)
}

// showSelection paints the selection and brings its moving end into view.
func (m *Model) showSelection() tea.Cmd {
	start, end := m.sel.span()
	m.reader.SetSelection(start, end)
	at := m.sel.head
	if m.sel.head > m.sel.anchor {
		at = max(m.sel.head-1, m.sel.anchor) // the last character, not the space after it
	}
	return m.reader.Reveal(at)
}

// selectKey takes a key while a passage is selected: the keys that move
// its ends, those that make something of it, and the moving keys, which
// scroll as they do when reading.
func (m Model) selectKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.Keys
	if m.sel.doc != m.reader.Doc() {
		m.leaveSelection()
		return m.handleKey(msg)
	}
	switch {
	case key.Matches(msg, k.Back, k.Select):
		m.leaveSelection()
		return m, nil
	case key.Matches(msg, k.Help):
		return m.openHelp()
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.WordForward):
		return m.moveSelection(corpus.Word, true, k.WordForward)
	case key.Matches(msg, k.WordBack):
		return m.moveSelection(corpus.Word, false, k.WordBack)
	case key.Matches(msg, k.SentenceForward):
		return m.moveSelection(corpus.Sentence, true, k.SentenceForward)
	case key.Matches(msg, k.SentenceBack):
		return m.moveSelection(corpus.Sentence, false, k.SentenceBack)
	case key.Matches(msg, k.ParagraphForward):
		return m.moveSelection(corpus.Paragraph, true, k.ParagraphForward)
	case key.Matches(msg, k.ParagraphBack):
		return m.moveSelection(corpus.Paragraph, false, k.ParagraphBack)
	case key.Matches(msg, k.SwapEnds):
		m.sel.anchor, m.sel.head = m.sel.head, m.sel.anchor
		return m, m.showSelection()
	case key.Matches(msg, k.CopyQuote):
		cmd := m.copyQuote()
		m.leaveSelection()
		return m, cmd
	case key.Matches(msg, k.KeepHighlight):
		return m.keepSelection()
	case key.Matches(msg, k.KeepNote):
		return m.noteSelection()
	}
	r := m.reader.KeyMap
	if _, digit := common.Digit(msg); digit || key.Matches(msg, r.Down, r.Up, r.HalfDown, r.HalfUp, r.PageDown, r.PageUp, r.Top, r.Bottom, r.NextSection, r.PrevSection) {
		var cmd tea.Cmd
		m.reader, cmd, _ = m.reader.Update(msg)
		m.afterKey(msg)
		return m, cmd
	}
	return m, m.c.UnknownKey(msg)
}

// moveSelection moves the selection's moving end a unit on or back. The
// end that moves past the other becomes the start, and the passage is
// then the units before the end that stays. Headings and rules are
// passed over, and a passage grows into the next section (or the one
// before) only when the same key is pressed again at the section's end.
func (m Model) moveSelection(u corpus.Unit, forward bool, b key.Binding) (tea.Model, tea.Cmd) {
	d := m.sel.doc
	s := &m.sel
	head, crossed, moved := 0, false, false
	if s.head > s.anchor { // the moving end is the end
		if e, c, ok := d.TextEdge(u, s.head, true, forward); ok && (forward || e > s.anchor) {
			head, crossed, moved = e, c && forward, true
		} else if !forward {
			if b, c, ok := d.TextEdge(u, s.anchor, false, false); ok {
				head, crossed, moved = b, c, true
			}
		}
	} else { // the moving end is the start
		if b, c, ok := d.TextEdge(u, s.head, false, forward); ok && (!forward || b < s.anchor) {
			head, crossed, moved = b, c && !forward, true
		} else if forward {
			if e, c, ok := d.TextEdge(u, s.anchor, true, true); ok {
				head, crossed, moved = e, c, true
			}
		}
	}
	if !moved {
		where := "end"
		if !forward {
			where = "start"
		}
		return m, common.Hint(fmt.Sprintf("The selection reaches the %s of %s.", where, d.ShortTitle()))
	}
	step := heldStep{unit: u, forward: forward, from: s.head, on: true}
	if crossed && s.held != step {
		s.held = step
		hint := "The section ends here: %s again runs on into the next."
		if !forward {
			hint = "The section begins here: %s again runs back into the one before."
		}
		return m, common.Hint(fmt.Sprintf(hint, common.FirstKey(b)))
	}
	s.held = heldStep{}
	s.head = head
	return m, m.showSelection()
}

// heldStep is a move the selection was held back from, at a section's
// end: the same move again makes it.
type heldStep struct {
	unit    corpus.Unit
	forward bool
	from    int
	on      bool
}

// selectionText is the status bar's word of the selection: how many words.
func (m Model) selectionText() string {
	start, end := m.sel.span()
	n := len(strings.Fields(m.sel.doc.PlainRange(start, end)))
	return "select " + common.Plural(n, "word", "words")
}

// mouseSelect selects with the mouse: a press on the text marks the word
// a drag starts from, a drag with the left button selects whole words to
// where it is, and the selection stays when the button is let go. A drag
// held at the pane's top or bottom row (or on the status bar below it)
// scrolls the text, a line at a time, and selects on.
func (m Model) mouseSelect(msg tea.MouseMsg, l layout) (tea.Model, tea.Cmd, bool) {
	d := m.reader.Doc()
	if d == nil {
		return m, nil, false
	}
	switch {
	case msg.Action == tea.MouseActionMotion && m.sel.dragging:
		return m.dragTo(msg.X, msg.Y, l)
	case msg.Action == tea.MouseActionRelease && m.sel.dragging:
		m.sel.dragging, m.sel.edge = false, 0
		return m, nil, true
	case msg.Y >= l.bodyHeight || msg.X < l.readerX:
		return m, nil, false
	}
	off, ok := m.reader.OffsetAt(msg.X-l.readerX, msg.Y)
	switch {
	case msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft:
		m.sel.dragging, m.sel.edge = false, 0
		if !ok {
			return m, nil, true
		}
		if s, e, found := d.UnitAt(corpus.Word, off); found {
			m.sel.dragFrom, m.sel.dragging, m.sel.pressY = [2]int{s, e}, true, msg.Y
		}
		return m, nil, true
	case msg.Action == tea.MouseActionRelease:
		return m, nil, true
	}
	return m, nil, false
}

// dragEvery is how often a drag held at the pane's edge scrolls a line.
const dragEvery = 60 * time.Millisecond

// dragScrollMsg scrolls a drag held at the pane's edge a line on. Sent by
// the root's timer while the drag is held there; handled by the root,
// which drops it if the drag has moved or ended since (gen).
type dragScrollMsg struct{ gen int }

// dragTo selects from the word the drag began on to the word at column
// x, row y of the terminal; at the pane's top or bottom row it starts the
// scrolling.
func (m Model) dragTo(x, y int, l layout) (tea.Model, tea.Cmd, bool) {
	x, y = max(x, l.readerX), min(max(y, 0), l.bodyHeight)
	edge := 0
	switch {
	case y >= l.bodyHeight-1 && m.sel.pressY < l.bodyHeight-1:
		edge = 1
	case y == 0 && m.sel.pressY > 0:
		edge = -1
	}
	m.sel.dragX, m.sel.dragY = x-l.readerX, min(y, l.bodyHeight-1)
	var tick tea.Cmd
	if edge != m.sel.edge {
		m.sel.edge = edge
		m.sel.edgeGen++
		if edge != 0 {
			tick = m.c.After(dragEvery, dragScrollMsg{gen: m.sel.edgeGen})
		}
	}
	return m, tea.Batch(m.dragSelect(), tick), true
}

// dragScroll scrolls a line toward the edge the drag is held at, selects
// on to the word under it, and waits for the next line.
func (m Model) dragScroll(msg dragScrollMsg) (tea.Model, tea.Cmd) {
	if !m.sel.dragging || m.sel.edge == 0 || msg.gen != m.sel.edgeGen || m.overlay != noOverlay {
		return m, nil
	}
	top := m.reader.TopLine()
	scrolled := m.reader.Scroll(m.sel.edge)
	m.afterRead()
	if m.reader.TopLine() == top { // the end of the work: nothing more to scroll
		return m, tea.Batch(scrolled, m.dragSelect())
	}
	return m, tea.Batch(scrolled, m.dragSelect(), m.c.After(dragEvery, dragScrollMsg{gen: m.sel.edgeGen}))
}

// dragSelect selects from the word the drag began on to the word under
// the pointer.
func (m *Model) dragSelect() tea.Cmd {
	d := m.reader.Doc()
	off, ok := m.reader.OffsetAt(m.sel.dragX, m.sel.dragY)
	if d == nil || !ok {
		return nil
	}
	s, e, found := d.UnitAt(corpus.Word, off)
	if !found {
		return nil
	}
	from := m.sel.dragFrom
	sel := m.sel
	sel.on, sel.doc, sel.anchor, sel.head = true, d, from[0], e
	if s < from[0] {
		sel.anchor, sel.head = from[1], s
	}
	m.sel = sel
	return m.showSelection()
}
