package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// highlight is the reading pane's part of a search: the hits it paints,
// the one that stands out, and where each shows in the rendered chunks.
// Where the hits show is found off the UI goroutine, a chunk at a time,
// as chunks come on screen (findSpans); results for another search are
// dropped.
type highlight struct {
	res     *corpus.Results // nil: nothing is painted
	current int             // the hit that stands out, -1 for none
	spans   map[chunkKey]*chunkSpans
	pending map[chunkKey]bool

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
	return highlight{current: -1, at: -1, spans: map[chunkKey]*chunkSpans{}, pending: map[chunkKey]bool{}}
}

// setSearch paints the hits of res, hit current standing out; nil paints
// nothing.
func (r *readerModel) setSearch(res *corpus.Results, current int) tea.Cmd {
	if res != r.hl.res {
		r.hl.res = res
		r.hl.spans = map[chunkKey]*chunkSpans{}
		r.hl.pending = map[chunkKey]bool{}
		r.hl.reveal = nil
		r.hl.at = -1
	}
	r.hl.current = current
	return r.ensureSpans()
}

// showHit brings hit i, of the document shown, into view and makes it
// the current one: where it shows if it is on screen, else a third of the
// way down the rows the search bar leaves. After a jump to the hit (a
// document just opened at it), it is put a third of the way down anyway.
func (r *readerModel) showHit(i int, jumped bool) tea.Cmd {
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
func (r *readerModel) visibleRows() int {
	return max(1, r.height-r.hl.covered)
}

// revealNow brings the pending hit into view if its place is known, and
// says whether it did.
func (r *readerModel) revealNow() bool {
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
	line, found := cs.lineOf(rv.hit)
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
func (r *readerModel) rowShows(row int) bool {
	rows := r.visibleRows()
	if rows > 8 {
		rows -= 2
	}
	return row >= 0 && row < rows
}

// knownAbove says whether the chunks above chunk c are rendered for n
// lines up, or up to the head of the document.
func (r *readerModel) knownAbove(c, n int) bool {
	for i := c - 1; n > 0 && i >= 0; i-- {
		rc, ok := r.chunk(i)
		if !ok {
			return false
		}
		n -= len(rc.lines)
	}
	return true
}

// rowOf is the row of the screen that shows line of chunk c, counting from
// the top; ok is false when it is too far to count.
func (r *readerModel) rowOf(c, line int) (row int, ok bool) {
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
func (r *readerModel) putLine(c, line, row int) {
	r.stickBottom = false
	r.top = position{chunk: c, line: line - row}
	r.normalise()
	_, r.top.settled = r.chunk(r.top.chunk)
	r.clamp()
	r.top.off = r.offsetOf(r.top.chunk, r.top.line)
	r.anchor = r.top.off
}

// leaveHit forgets the hit brought into view: the reader moved.
func (r *readerModel) leaveHit() {
	r.hl.reveal = nil
	r.hl.at = -1
}

// hitShown is the offset of Body of the hit last brought into view, while
// the reader stays there: the status bar names its section and page.
func (r *readerModel) hitShown() (int, bool) {
	if r.hl.res == nil || r.hl.at < 0 || r.hl.at != r.hl.current || r.hl.at >= r.hl.res.Total() {
		return 0, false
	}
	return r.doc.BodyOffset(r.hl.res.Hit(r.hl.at).Start), true
}

// keepHit brings the hit last shown into view again after a change of
// layout, a third of the way down, unless the reader has moved since.
func (r *readerModel) keepHit() tea.Cmd {
	if r.hl.at < 0 || r.hl.reveal != nil || r.hl.res == nil {
		return nil
	}
	return r.showHit(r.hl.at, true)
}

// ensureSpans asks where the hits show in the rendered chunks on screen,
// and in the chunk of a hit waiting to be brought into view.
func (r *readerModel) ensureSpans() tea.Cmd {
	if r.hl.res == nil || r.doc == nil || len(r.chunks) == 0 {
		return nil
	}
	if len(r.hl.spans) > maxSpans {
		r.hl.spans = map[chunkKey]*chunkSpans{}
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
func (r *readerModel) requestSpans(i int) tea.Cmd {
	k := r.key(i)
	rc, ok := r.chunk(i)
	if !ok || r.hl.pending[k] || r.hl.spans[k] != nil {
		return nil
	}
	res, doc := r.hl.res, r.doc
	docIndex := r.c.IndexOf(doc)
	if res.PerDoc[docIndex] == 0 {
		r.hl.spans[k] = &chunkSpans{res: res}
		return nil
	}
	c := r.chunks[i]
	blocks := make([]blockRange, 0, c.Last-c.First)
	for b := c.First; b < c.Last; b++ {
		from, to := r.blockSpan(rc, b-c.First)
		blocks = append(blocks, blockRange{block: b, from: from, to: to, col: rc.blockCols[b-c.First]})
	}
	r.hl.pending[k] = true
	return func() tea.Msg {
		return hitSpansMsg{key: k, res: res, spans: findSpans(res, doc, docIndex, rc, blocks)}
	}
}

// spansFound takes in where the hits show in a chunk.
func (r *readerModel) spansFound(msg hitSpansMsg) tea.Cmd {
	if msg.res != r.hl.res {
		return nil // for another search
	}
	delete(r.hl.pending, msg.key)
	if msg.key.doc != r.doc || msg.key.width != r.textWidth {
		return nil // for a layout no longer shown
	}
	r.hl.spans[msg.key] = msg.spans
	r.revealNow()
	return r.ensure()
}

// paint is line l of rendered chunk c with the hits on it painted.
func (r *readerModel) paint(c, l int, line string) string {
	if r.hl.res == nil {
		return line
	}
	cs := r.hl.spans[r.key(c)]
	if cs == nil || len(cs.lines[l]) == 0 {
		return line
	}
	return paintLine(line, cs.lines[l], r.hl.current, r.look)
}

// newHLLook takes the escape sequences that begin a match and the current
// match from their styles. A style that writes none (no colour and no
// attribute) would paint nothing, so underline and reverse stand in.
func newHLLook(s *Styles) hlLook {
	look := hlLook{match: sgrOf(s.SearchMatch), current: sgrOf(s.SearchCurrent)}
	if look.match == "" {
		look.match = "\x1b[4m"
	}
	if look.current == "" {
		look.current = "\x1b[7m"
	}
	return look
}

// sgrOf is what a style writes before the text it styles.
func sgrOf(st lipgloss.Style) string {
	out := st.Render("x")
	if i := strings.IndexByte(out, 'x'); i > 0 {
		return out[:i]
	}
	return ""
}

// setOrigin remembers where the pane is, to go back to: where a search
// began.
func (r *readerModel) setOrigin() {
	r.origin.doc, r.origin.top, r.origin.anchor, r.origin.stickBottom, r.origin.width = r.doc, r.top, r.anchor, r.stickBottom, r.textWidth
}

// originPlace is where the search began, as a place of the history of
// jumps.
func (r *readerModel) originPlace() corpus.Place {
	if r.origin.doc == nil {
		return corpus.Place{}
	}
	return corpus.Place{Doc: r.origin.doc, Offset: r.origin.anchor}
}

// toOrigin goes back to where the search began: to the very line if the
// measure is the same, else to the offset it showed.
func (r *readerModel) toOrigin() tea.Cmd {
	o := r.origin
	if o.doc == nil {
		return nil
	}
	var cmd tea.Cmd
	if o.doc != r.doc {
		cmd = r.open(o.doc, o.anchor)
	}
	r.leaveHit()
	if o.width == r.textWidth {
		r.top, r.anchor, r.stickBottom = o.top, o.anchor, o.stickBottom
		r.settle()
	} else {
		r.jump(o.anchor)
	}
	return tea.Batch(cmd, r.ensure())
}

// plainTop is the offset of the plain text at the top of the screen.
func (r *readerModel) plainTop() int {
	if r.doc == nil || r.top.off <= 0 {
		return 0
	}
	return r.doc.PlainOffset(r.top.off)
}

// hitOnScreen says whether hit i of res shows on the screen.
func (r *readerModel) hitOnScreen(res *corpus.Results, i int) bool {
	return r.hitAbove(res, i, r.place().bottom)
}

// hitAbove says whether hit i of res is in the document shown, between
// the top of the screen and offset bottom of its Body.
func (r *readerModel) hitAbove(res *corpus.Results, i, bottom int) bool {
	h := res.Hit(i)
	if r.doc == nil || r.c.Lib.Docs[h.Doc] != r.doc {
		return false
	}
	off := r.doc.BodyOffset(h.Start)
	return off >= max(r.top.off, 0) && off < bottom
}

// matchText is the status bar's count of the search's matches: which one
// is current, "match 3 of 41", while it is on the screen, whose bottom is
// offset bottom of Body; how many, "41 matches", when the reader has gone
// elsewhere.
func (r *readerModel) matchText(bottom int) string {
	res := r.hl.res
	switch {
	case res == nil:
		return ""
	case r.hl.current >= 0 && r.hl.current < res.Total() && r.hitAbove(res, r.hl.current, bottom):
		return fmt.Sprintf("match %d of %d", r.hl.current+1, res.Total())
	}
	return common.Plural(res.Total(), "match", "matches")
}
