package reader

import (
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// Moving in the document: the top of the screen, a line, a page, a jump,
// a section or a document on.

// settle corrects an estimated top line once its chunk is rendered, and
// keeps the end of the document at the bottom if that was asked for.
func (r *Model) settle() {
	if r.doc == nil {
		return
	}
	if r.stickBottom {
		r.bottom()
		return
	}
	if r.top.settled {
		return
	}
	if rc, ok := r.chunk(r.top.chunk); ok {
		r.top.line = r.lineOf(r.top.chunk, rc, r.top.off)
		r.top.settled = true
		r.clamp()
	}
}

// jump puts offset off (-1 for the document's head) at the top.
func (r *Model) jump(off int) {
	r.leaveHit()
	r.stickBottom = false
	r.anchor = min(off, len(r.doc.Body))
	r.moveTop(r.anchor)
	r.settle()
}

// moveTop puts offset off at the top, its line estimated until its chunk
// is rendered at the current width.
func (r *Model) moveTop(off int) {
	if len(r.chunks) == 0 {
		r.top = topLine{off: -1, settled: true}
		return
	}
	i := 0
	if off >= 0 {
		i = corpus.ChunkAt(r.chunks, off)
	}
	r.top = topLine{chunk: i, off: off, line: r.estimateLine(i, off)}
}

// scroll moves the top by n lines.
func (r *Model) scroll(n int) {
	if len(r.chunks) == 0 {
		return
	}
	r.leaveHit()
	r.stickBottom = false
	r.top.line += n
	r.normalise()
	r.clamp()
	r.top.off = r.offsetOf(r.top.chunk, r.top.line)
	r.anchor = r.top.off
	_, r.top.settled = r.chunk(r.top.chunk)
}

// normalise moves the top into the chunk that holds its line.
func (r *Model) normalise() {
	t := &r.top
	for t.line < 0 && t.chunk > 0 {
		t.chunk--
		t.line += r.linesOf(t.chunk)
	}
	t.line = max(t.line, 0)
	for t.chunk < len(r.chunks)-1 && t.line >= r.linesOf(t.chunk) {
		t.line -= r.linesOf(t.chunk)
		t.chunk++
	}
}

// clamp keeps the screen from scrolling past the end of the document,
// once the top's line is known. The anchor stays where the reader put it.
func (r *Model) clamp() {
	if len(r.chunks) == 0 || !r.top.settled {
		return
	}
	rest := r.linesOf(r.top.chunk) - r.top.line
	for i := r.top.chunk + 1; rest < r.height && i < len(r.chunks); i++ {
		rest += r.linesOf(i)
	}
	if rest < r.height {
		r.top.line -= r.height - rest
		r.normalise()
		r.top.off = r.offsetOf(r.top.chunk, r.top.line)
		_, r.top.settled = r.chunk(r.top.chunk)
	}
}

// bottom puts the end of the document at the bottom of the screen.
func (r *Model) bottom() {
	if len(r.chunks) == 0 {
		return
	}
	last := len(r.chunks) - 1
	r.top = topLine{chunk: last, line: r.linesOf(last) - r.height}
	r.normalise()
	r.top.off = r.offsetOf(r.top.chunk, r.top.line)
	r.anchor = r.top.off
	_, r.top.settled = r.chunk(r.top.chunk)
	r.stickBottom = true
}

func (r *Model) percent(p int) {
	if p <= 0 {
		r.jump(-1)
		return
	}
	off := len(r.doc.Body) * p / 100
	if len(r.doc.Blocks) > 0 {
		off = r.doc.Blocks[r.doc.BlockAt(off)].Start
	}
	r.jump(off)
}

// nextSection goes to the next heading after the anchor, which is the top
// unless the end of the document keeps the top from reaching it.
func (r *Model) nextSection() tea.Cmd {
	for _, h := range r.doc.Outline {
		if h.Offset > r.anchor {
			r.jump(h.Offset)
			return nil
		}
	}
	return common.Notice("This is the last section of " + r.doc.ShortTitle() + ".")
}

// prevSection goes to the start of the section above, or of this one if
// the top is inside it, as [ does in vim.
func (r *Model) prevSection() {
	target := -1
	for _, h := range r.doc.Outline {
		if h.Offset >= r.anchor {
			break
		}
		target = h.Offset
	}
	r.jump(target)
}

// otherDoc asks to open the next document (delta 1) or the one before
// (-1) where it was left.
func (r *Model) otherDoc(delta int) (tea.Cmd, common.Intent) {
	i := r.c.IndexOf(r.doc) + delta
	if i < 0 || i >= len(r.c.Lib.Docs) {
		if delta > 0 {
			return common.Notice("This is the last document."), common.Intent{}
		}
		return common.Notice("This is the first document."), common.Intent{}
	}
	return nil, common.Intent{Do: common.Resume, At: corpus.Place{Doc: r.c.Lib.Docs[i], Offset: -1}}
}

// page is how far a screen moves: all of it but two lines kept for context.
func (r *Model) page() int {
	if r.height > 6 {
		return r.height - 2
	}
	return max(1, r.height)
}
