package reader

import (
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// Screen is what the pane shows, for the status bar and the contents.
func (r *Model) Screen() common.Screen {
	p := common.Screen{Doc: r.doc, Top: r.top.off, Section: -1}
	if r.doc == nil || len(r.chunks) == 0 {
		p.Percent = 100
		return p
	}
	// The section is where the reader went, if the screen shows it.
	at := max(r.top.off, r.anchor)
	if off, ok := r.hitShown(); ok {
		at = off // the search's hit the reader went to
	}
	if at >= 0 {
		p.Section = r.doc.SectionAt(at)
		p.Page, _ = r.doc.PageAt(at)
	}
	// How far the screen reaches: the offset just past its last line, the
	// end of the document if that is on screen.
	t := r.top
	t.line += r.height
	for t.chunk < len(r.chunks) && t.line >= r.linesOf(t.chunk) {
		t.line -= r.linesOf(t.chunk)
		t.chunk++
	}
	if t.chunk >= len(r.chunks) {
		p.Bottom = len(r.doc.Body)
	} else {
		p.Bottom = max(0, r.offsetOf(t.chunk, t.line))
	}
	// How far through the document the top is, as a go-to by percentage
	// measures it; all of it once the end is on screen.
	p.Percent = 100
	if p.Bottom < len(r.doc.Body) {
		p.Percent = r.doc.Percent(r.top.off)
	}
	p.Match = r.matchText(p.Bottom)
	return p
}

// Doc is the document shown; nil for none.
func (r Model) Doc() *corpus.Document { return r.doc }

// Here is where the reader is: the offset it moved to, which is the top of
// the screen unless the end of the document keeps the top from reaching
// it; a nil Doc for no document.
func (r Model) Here() corpus.Place {
	if r.doc == nil {
		return corpus.Place{}
	}
	return corpus.Place{Doc: r.doc, Offset: r.anchor}
}

// Count is the number typed before a command, 0 for none.
func (r Model) Count() int { return r.count }

// ClearCount forgets the number typed: a command not of the pane took it.
func (r *Model) ClearCount() { r.count = 0 }

// Height is the rows of the pane; 0 before it has a size.
func (r Model) Height() int { return r.height }

// Measure is the width the text is laid out at.
func (r Model) Measure() int { return r.textWidth }

// TopLine is how many lines of the document's layout are above the
// screen: exact where the chunks above are rendered, estimated where not.
func (r *Model) TopLine() int {
	n := r.top.line
	for i := range r.top.chunk {
		n += r.linesOf(i)
	}
	return n
}

// Settled says whether the top line is where the offset it shows is in a
// rendering at the current width, not an estimate.
func (r Model) Settled() bool { return r.top.settled }

// Rendered says whether every chunk on screen is rendered.
func (r *Model) Rendered() bool { return r.screenRendered() }

// Scroll moves the text by n lines, as the mouse wheel does.
func (r *Model) Scroll(n int) tea.Cmd {
	r.scroll(n)
	return r.ensure()
}
