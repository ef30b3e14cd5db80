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

// percent puts the place p percent through the document at the top: the
// status bar, which measures the top, then says p percent.
func (r *Model) percent(p int) {
	if p <= 0 {
		r.jump(-1)
		return
	}
	r.jump(r.doc.PercentOffset(float64(p)))
}

// nextSection goes n headings on from the anchor, which is the top
// unless the end of the document keeps the top from reaching it; to the
// last if there are fewer.
func (r *Model) nextSection(n int) tea.Cmd {
	target := -1
	for _, h := range r.doc.Outline {
		if h.Offset > r.anchor {
			target = h.Offset
			if n--; n == 0 {
				break
			}
		}
	}
	if target < 0 {
		return common.Notice("This is the last section of " + r.doc.ShortTitle() + ".")
	}
	r.jump(target)
	return nil
}

// prevSection goes n section starts back: to the start of this section
// first if the top is inside it, as [ does in vim; to the document's
// head if there are fewer.
func (r *Model) prevSection(n int) {
	var before []int
	for _, h := range r.doc.Outline {
		if h.Offset >= r.anchor {
			break
		}
		before = append(before, h.Offset)
	}
	target := -1
	if n <= len(before) {
		target = before[len(before)-n]
	}
	r.jump(target)
}

// otherDoc asks to open the document delta on (negative: back), where it
// was left; the last or the first if there are fewer.
func (r *Model) otherDoc(delta int) (tea.Cmd, common.Intent) {
	here := r.c.IndexOf(r.doc)
	i := min(max(here+delta, 0), len(r.c.Lib.Docs)-1)
	if i == here {
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
