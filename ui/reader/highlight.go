package reader

import (
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// highlight is the reading pane's part of a search: the hits it paints,
// the one that stands out, and where each shows in the rendered chunks.
// Where the hits show is found off the UI goroutine, a chunk at a time,
// as chunks come on screen (findSpans); results for another search are
// dropped.
type highlight struct {
	res     *corpus.Results // nil: nothing is painted
	current int             // the hit that stands out, -1 for none
	spans   map[render.Key]*render.Spans
	pending map[render.Key]bool

	// reveal is a hit to bring into view once its chunk is rendered and
	// its place there is known.
	reveal *revealHit
	// at is the hit last brought into view, until the reader moves: a
	// resize brings it into view again. -1 for none.
	at int
	// covered is how many rows at the bottom of the pane the search bar
	// hides: a hit is brought into view above them.
	covered int
}

type revealHit struct {
	hit   int
	chunk int
	force bool // put it a third of the way down, even if it shows already
}

// maxSpans bounds the chunks whose spans are kept; past it they are found
// again as they come on screen.
const maxSpans = 256

func newHighlight() highlight {
	return highlight{current: -1, at: -1, spans: map[render.Key]*render.Spans{}, pending: map[render.Key]bool{}}
}

// SetSearch paints the hits of res, hit current standing out; nil paints
// nothing.
func (r *Model) SetSearch(res *corpus.Results, current int) tea.Cmd {
	if res != r.hl.res {
		r.hl.res = res
		r.hl.spans = map[render.Key]*render.Spans{}
		r.hl.pending = map[render.Key]bool{}
		r.hl.reveal = nil
		r.hl.at = -1
	}
	r.hl.current = current
	return r.ensureSpans()
}

// ShowHit brings hit i, of the document shown, into view and makes it
// the current one: where it shows if it is on screen, else a third of the
// way down the rows the search bar leaves. After a jump to the hit (a
// document just opened at it), it is put a third of the way down anyway.
func (r *Model) ShowHit(i int, jumped bool) tea.Cmd {
	res := r.hl.res
	if res == nil || i < 0 || i >= res.Total() || r.doc == nil || len(r.chunks) == 0 {
		return nil
	}
	r.hl.current = i
	off := r.doc.BodyOffset(res.Hit(i).Start)
	c := corpus.ChunkAt(r.chunks, off)
	rv := &revealHit{hit: i, chunk: c, force: jumped}
	line := r.estimateLine(c, off)
	if rc, ok := r.chunk(c); ok {
		line = r.lineOf(c, rc, off)
	}
	if row, ok := r.rowOf(c, line); !ok || !r.rowShows(row) {
		// Near it by estimate until its place is known.
		r.jump(off)
		rv.force = true
	}
	r.hl.reveal = rv
	r.revealNow()
	return r.ensure()
}

// visibleRows is the rows of the pane the search bar leaves.
func (r *Model) visibleRows() int {
	return max(1, r.height-r.hl.covered)
}

// revealNow brings the pending hit into view if its place is known, and
// says whether it did.
func (r *Model) revealNow() bool {
	rv := r.hl.reveal
	if rv == nil {
		return false
	}
	cs, ok := r.hl.spans[r.key(rv.chunk)]
	if !ok {
		return false
	}
	rc, rendered := r.chunk(rv.chunk)
	if !rendered {
		return false
	}
	off := r.doc.BodyOffset(r.hl.res.Hit(rv.hit).Start)
	line, found := cs.LineOf(rv.hit)
	if !found {
		// Not where the rendering shows it (a block glamour drew too
		// differently): as near as the reader can tell.
		line = r.lineOf(rv.chunk, rc, off)
	}
	rows := r.visibleRows()
	row, on := r.rowOf(rv.chunk, line)
	if rv.force || !on || !r.rowShows(row) {
		if !r.knownAbove(rv.chunk, rows/3-line) {
			return false // the lines that go above it are not rendered yet
		}
		r.putLine(rv.chunk, line, rows/3)
	}
	r.hl.reveal = nil
	r.hl.at = rv.hit
	return true
}

// rowShows says whether a row of the screen shows well enough for a hit
// not to be moved: above the search bar, and off the last lines when there
// is room.
func (r *Model) rowShows(row int) bool {
	rows := r.visibleRows()
	if rows > 8 {
		rows -= 2
	}
	return row >= 0 && row < rows
}

// knownAbove says whether the chunks above chunk c are rendered for n
// lines up, or up to the head of the document.
func (r *Model) knownAbove(c, n int) bool {
	for i := c - 1; n > 0 && i >= 0; i-- {
		rc, ok := r.chunk(i)
		if !ok {
			return false
		}
		n -= len(rc.Lines)
	}
	return true
}

// rowOf is the row of the screen that shows line of chunk c, counting from
// the top; ok is false when it is too far to count.
func (r *Model) rowOf(c, line int) (row int, ok bool) {
	const far = 64 // chunks
	t := r.top
	switch {
	case c == t.chunk:
		return line - t.line, true
	case c > t.chunk && c-t.chunk < far:
		row = r.linesOf(t.chunk) - t.line
		for i := t.chunk + 1; i < c; i++ {
			row += r.linesOf(i)
		}
		return row + line, true
	case c < t.chunk && t.chunk-c < far:
		row = -t.line
		for i := t.chunk - 1; i > c; i-- {
			row -= r.linesOf(i)
		}
		return row - (r.linesOf(c) - line), true
	}
	return 0, false
}

// putLine puts line of chunk c on row of the screen, as near as the ends
// of the document allow.
func (r *Model) putLine(c, line, row int) {
	r.stickBottom = false
	r.top = topLine{chunk: c, line: line - row}
	r.normalise()
	_, r.top.settled = r.chunk(r.top.chunk)
	r.clamp()
	r.top.off = r.offsetOf(r.top.chunk, r.top.line)
	r.anchor = r.top.off
}

// leaveHit forgets the hit brought into view, and the spot to bring into
// view: the reader moved.
func (r *Model) leaveHit() {
	r.hl.reveal = nil
	r.hl.at = -1
	r.sp.reveal = false
}

// hitShown is the offset of Body of the hit last brought into view, while
// the reader stays there: the status bar names its section and page.
func (r *Model) hitShown() (int, bool) {
	if r.hl.res == nil || r.hl.at < 0 || r.hl.at != r.hl.current || r.hl.at >= r.hl.res.Total() {
		return 0, false
	}
	return r.doc.BodyOffset(r.hl.res.Hit(r.hl.at).Start), true
}

// keepHit brings the hit last shown into view again after a change of
// layout, a third of the way down, unless the reader has moved since.
func (r *Model) keepHit() tea.Cmd {
	if r.hl.at < 0 || r.hl.reveal != nil || r.hl.res == nil {
		return nil
	}
	return r.ShowHit(r.hl.at, true)
}

// ensureSpans asks where the hits show in the rendered chunks on screen,
// and in the chunk of a hit waiting to be brought into view.
func (r *Model) ensureSpans() tea.Cmd {
	if r.hl.res == nil || r.doc == nil || len(r.chunks) == 0 {
		return nil
	}
	if len(r.hl.spans) > maxSpans {
		r.hl.spans = map[render.Key]*render.Spans{}
	}
	var cmds []tea.Cmd
	first := max(0, r.top.chunk-1)
	last := r.top.chunk
	for need := r.height + r.top.line; last < len(r.chunks)-1 && need > r.linesOf(last); last++ {
		need -= r.linesOf(last)
	}
	last = min(last+1, len(r.chunks)-1)
	for i := first; i <= last; i++ {
		cmds = append(cmds, r.requestSpans(i))
	}
	if rv := r.hl.reveal; rv != nil {
		if rv.chunk < first || rv.chunk > last {
			cmds = append(cmds, r.requestSpans(rv.chunk))
		}
		// The lines that will go above it.
		for i, n := rv.chunk-1, r.visibleRows()/3; i >= 0 && n > 0; i-- {
			if _, ok := r.chunk(i); !ok {
				cmds = append(cmds, r.request(i, false))
			}
			n -= r.linesOf(i)
		}
	}
	return tea.Batch(cmds...)
}

// requestSpans finds where the hits show in chunk i off the UI goroutine,
// once it is rendered, unless that is known or on its way.
func (r *Model) requestSpans(i int) tea.Cmd {
	k := r.key(i)
	rc, ok := r.chunk(i)
	if !ok || r.hl.pending[k] || r.hl.spans[k] != nil {
		return nil
	}
	res, doc, c := r.hl.res, r.doc, r.chunks[i]
	docIndex := r.c.IndexOf(doc)
	if res.PerDoc[docIndex] == 0 {
		r.hl.spans[k] = render.FindSpans(res, doc, docIndex, rc, c) // none, at once
		return nil
	}
	r.hl.pending[k] = true
	return func() tea.Msg {
		return SpansMsg{key: k, res: res, spans: render.FindSpans(res, doc, docIndex, rc, c)}
	}
}

// spansFound takes in where the hits show in a chunk.
func (r *Model) spansFound(msg SpansMsg) tea.Cmd {
	if msg.res != r.hl.res {
		return nil // for another search
	}
	delete(r.hl.pending, msg.key)
	if msg.key.Doc != r.doc || msg.key.Width != r.textWidth {
		return nil // for a layout no longer shown
	}
	r.hl.spans[msg.key] = msg.spans
	r.revealNow()
	return r.ensure()
}

// SpansMsg says where a search's hits show in a rendered chunk. Sent by
// the pane's highlight command; handled by the pane, which drops it unless
// the search, document and width are still the ones it shows.
type SpansMsg struct {
	key   render.Key
	res   *corpus.Results
	spans *render.Spans
}
