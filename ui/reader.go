package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
)

// readerModel is the reading pane: one document, laid out chunk by chunk
// as the screen needs it. Where it is reading is a chunk and a line of that
// chunk's rendering, and the byte offset of Body that line shows, which is
// what survives a change of width.
type readerModel struct {
	c      *common
	doc    *corpus.Document
	chunks []corpus.Chunk

	width, height int // the pane
	textWidth     int // the measure the text is wrapped to
	margin        int // columns left of the text, to centre it

	// gen counts layouts: a new document or width makes the chunks in
	// flight useless, and their results are dropped.
	gen         int
	inflight    map[int]bool
	prefetching bool // a chunk is being rendered ahead of need

	top         position
	anchor      int  // the offset the reader moved to, kept when a resize or the end of the document moves the top
	stickBottom bool // keep the end of the document at the bottom as chunks arrive
	count       int  // a number typed before a command
	intent      *openPlace
	jumped      bool      // the last key was a jump within the document (top, bottom, percent), for the history
	hl          highlight // the search's hits, painted
}

// position is the first line on screen.
type position struct {
	chunk, line int
	off         int  // the byte offset of Body it shows; -1 for the document's head
	settled     bool // line was found in a rendering at the current width, not estimated
}

// Chunks are rendered ahead of the screen within this many chunks after
// and before it, one at a time.
const (
	prefetchAhead  = 24
	prefetchBehind = 8
)

func newReader(c *common) readerModel {
	return readerModel{c: c, inflight: map[int]bool{}, hl: newHighlight()}
}

// open shows doc from byte offset off (-1 for its head).
func (r *readerModel) open(doc *corpus.Document, off int) tea.Cmd {
	r.doc = doc
	r.chunks = r.c.chunksOf(doc)
	r.relayout()
	r.jump(off)
	return r.ensure()
}

// SetSize lays the pane out anew for a size; the offset at the top of the
// screen stays there.
func (r *readerModel) SetSize(width, height int) tea.Cmd {
	resized := width != r.width || height != r.height
	r.width, r.height = width, height
	textWidth := max(10, min(r.c.maxWidth, width-4))
	r.margin = max(0, (width-textWidth)/2)
	if textWidth != r.textWidth {
		r.textWidth = textWidth
		r.relayout()
	}
	if r.doc == nil {
		return nil
	}
	if !r.stickBottom {
		r.moveTop(r.anchor)
	}
	r.settle()
	if resized {
		return tea.Batch(r.ensure(), r.keepHit())
	}
	return r.ensure()
}

// relayout starts a new generation: what is in flight will be dropped.
func (r *readerModel) relayout() {
	r.gen++
	r.inflight = map[int]bool{}
	r.prefetching = false
}

func (r readerModel) Update(msg tea.Msg) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case chunkRenderedMsg:
		cmd := r.rendered(msg)
		if r.revealNow() {
			cmd = tea.Batch(cmd, r.ensure())
		}
		return r, cmd
	case hitSpansMsg:
		return r, r.spansFound(msg)
	case tea.KeyMsg:
		return r.handleKey(msg)
	}
	return r, nil
}

// rendered takes in a chunk laid out off the UI goroutine.
func (r *readerModel) rendered(msg chunkRenderedMsg) tea.Cmd {
	if msg.gen != r.gen || msg.doc != r.doc || msg.width != r.textWidth {
		return nil // for a layout no longer shown
	}
	delete(r.inflight, msg.chunk)
	if msg.background {
		r.prefetching = false
	}
	if msg.err != nil {
		return failure(fmt.Sprintf("could not render %s: %v", r.doc.ShortTitle(), msg.err))
	}
	r.c.cache.put(r.key(msg.chunk), msg.rendered)
	if msg.chunk > r.top.chunk && !r.stickBottom && r.top.off != r.anchor {
		// The top was held back from the end of the document by an
		// estimate of the chunks after it; now that one is laid out, it
		// goes back as near the anchor as the end allows.
		r.moveTop(r.anchor)
	}
	r.settle()
	if msg.chunk > r.top.chunk {
		r.clamp() // the end may now be known to be nearer
	}
	return r.ensure()
}

func (r *readerModel) handleKey(msg tea.KeyMsg) (readerModel, tea.Cmd) {
	k := r.c.keys
	if r.doc == nil {
		return *r, nil // an empty library
	}
	if d, ok := digit(msg); ok && !r.c.bound(msg) {
		r.count = min(r.count*10+d, 100000)
		return *r, nil
	}
	n, counted := max(1, r.count), r.count > 0
	r.count = 0
	r.leaveHit()
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Down):
		r.scroll(n)
	case key.Matches(msg, k.Up):
		r.scroll(-n)
	case key.Matches(msg, k.HalfDown):
		r.scroll(n * max(1, r.height/2))
	case key.Matches(msg, k.HalfUp):
		r.scroll(-n * max(1, r.height/2))
	case key.Matches(msg, k.PageDown):
		r.scroll(n * r.page())
	case key.Matches(msg, k.PageUp):
		r.scroll(-n * r.page())
	case key.Matches(msg, k.Top):
		r.jump(-1)
		r.jumped = true
	case key.Matches(msg, k.Bottom):
		r.bottom()
		r.jumped = true
	case key.Matches(msg, k.NextSection):
		cmd = r.nextSection()
	case key.Matches(msg, k.PrevSection):
		r.prevSection()
	case key.Matches(msg, k.NextDoc):
		cmd = r.otherDoc(+1)
	case key.Matches(msg, k.PrevDoc):
		cmd = r.otherDoc(-1)
	case key.Matches(msg, k.Percent):
		p := 0 // without a number, the start, as in less
		if counted {
			p = min(n, 100)
		}
		r.percent(p)
		r.jumped = true
	default:
		return *r, r.c.unknownKey(msg)
	}
	return *r, tea.Batch(cmd, r.ensure())
}

// page is how far a screen moves: all of it but two lines kept for context.
func (r *readerModel) page() int {
	if r.height > 6 {
		return r.height - 2
	}
	return max(1, r.height)
}

func (r *readerModel) key(i int) chunkKey {
	return chunkKey{doc: r.doc, chunk: i, width: r.textWidth}
}

func (r *readerModel) chunk(i int) (*renderedChunk, bool) {
	return r.c.cache.peek(r.key(i))
}

// linesOf is the number of lines chunk i takes, or an estimate of it until
// it is rendered.
func (r *readerModel) linesOf(i int) int {
	if rc, ok := r.chunk(i); ok {
		return len(rc.lines)
	}
	c := r.chunks[i]
	n := 0
	for _, b := range r.doc.Blocks[c.First:c.Last] {
		n += (b.End-b.Start)/max(1, r.textWidth-8) + 2
	}
	if i == 0 {
		n += 11 // the document's title page
	}
	return n
}

// estimateLine guesses the line of offset off in chunk i, in proportion.
func (r *readerModel) estimateLine(i, off int) int {
	if len(r.chunks) == 0 || off < 0 {
		return 0
	}
	c := r.chunks[i]
	if c.End <= c.Start {
		return 0
	}
	frac := float64(min(max(off-c.Start, 0), c.End-c.Start)) / float64(c.End-c.Start)
	return int(frac * float64(r.linesOf(i)-1))
}

// lineOf is the line of rendered chunk i that shows offset off: exactly for
// the start of a block or a page, in proportion within a block otherwise.
func (r *readerModel) lineOf(i int, rc *renderedChunk, off int) int {
	if off < 0 {
		return 0
	}
	for p, line := range rc.pageLines {
		if r.doc.Pages[rc.firstPage+p].Offset == off {
			return line
		}
	}
	c := r.chunks[i]
	b := min(max(r.doc.BlockAt(off), c.First), c.Last-1)
	start, end := r.blockSpan(rc, b-c.First)
	blk := r.doc.Blocks[b]
	if off <= blk.Start || blk.End <= blk.Start {
		return start
	}
	if off >= blk.End {
		return end - 1
	}
	return start + (off-blk.Start)*(end-start)/(blk.End-blk.Start)
}

// offsetOf is the offset of Body that line of rendered chunk i shows: the
// inverse of lineOf.
func (r *readerModel) offsetOf(i int, line int) int {
	c := r.chunks[i]
	rc, ok := r.chunk(i)
	if !ok {
		h := max(1, r.linesOf(i))
		return c.Start + min(max(line, 0), h)*(c.End-c.Start)/h
	}
	k := -1
	for j, l := range rc.blockLines {
		if l <= line {
			k = j
		}
	}
	if k < 0 {
		if i == 0 {
			return -1 // the document's head
		}
		return c.Start
	}
	start, end := r.blockSpan(rc, k)
	blk := r.doc.Blocks[c.First+k]
	if line == start {
		return blk.Start
	}
	for p, l := range rc.pageLines {
		if l == line {
			return r.doc.Pages[rc.firstPage+p].Offset
		}
	}
	if line >= end {
		return blk.End
	}
	span := end - start
	return blk.Start + ((line-start)*(blk.End-blk.Start)+span-1)/span
}

// blockSpan is the lines block k of a rendered chunk takes: from its first
// line to just past its last, the blank lines after it left out.
func (r *readerModel) blockSpan(rc *renderedChunk, k int) (start, end int) {
	start = rc.blockLines[k]
	end = len(rc.lines)
	if k+1 < len(rc.blockLines) {
		end = rc.blockLines[k+1]
	}
	for end > start+1 && rc.lines[end-1] == "" {
		end--
	}
	return start, max(end, start+1)
}

// settle corrects an estimated top line once its chunk is rendered, and
// keeps the end of the document at the bottom if that was asked for.
func (r *readerModel) settle() {
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
func (r *readerModel) jump(off int) {
	r.leaveHit()
	r.stickBottom = false
	r.anchor = min(off, len(r.doc.Body))
	r.moveTop(r.anchor)
	r.settle()
}

// moveTop puts offset off at the top, its line estimated until its chunk
// is rendered at the current width.
func (r *readerModel) moveTop(off int) {
	if len(r.chunks) == 0 {
		r.top = position{off: -1, settled: true}
		return
	}
	i := 0
	if off >= 0 {
		i = corpus.ChunkAt(r.chunks, off)
	}
	r.top = position{chunk: i, off: off, line: r.estimateLine(i, off)}
}

// scroll moves the top by n lines.
func (r *readerModel) scroll(n int) {
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
func (r *readerModel) normalise() {
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
func (r *readerModel) clamp() {
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
func (r *readerModel) bottom() {
	if len(r.chunks) == 0 {
		return
	}
	last := len(r.chunks) - 1
	r.top = position{chunk: last, line: r.linesOf(last) - r.height}
	r.normalise()
	r.top.off = r.offsetOf(r.top.chunk, r.top.line)
	r.anchor = r.top.off
	_, r.top.settled = r.chunk(r.top.chunk)
	r.stickBottom = true
}

func (r *readerModel) percent(p int) {
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
func (r *readerModel) nextSection() tea.Cmd {
	for _, h := range r.doc.Outline {
		if h.Offset > r.anchor {
			r.jump(h.Offset)
			return nil
		}
	}
	return notice("This is the last section of " + r.doc.ShortTitle() + ".")
}

// prevSection goes to the start of the section above, or of this one if
// the top is inside it, as [ does in vim.
func (r *readerModel) prevSection() {
	target := -1
	for _, h := range r.doc.Outline {
		if h.Offset >= r.anchor {
			break
		}
		target = h.Offset
	}
	r.jump(target)
}

func (r *readerModel) otherDoc(delta int) tea.Cmd {
	i := r.c.docIndex(r.doc) + delta
	if i < 0 || i >= len(r.c.lib.Docs) {
		if delta > 0 {
			return notice("This is the last document.")
		}
		return notice("This is the first document.")
	}
	r.intent = &openPlace{doc: i, resume: true}
	return nil
}

// ensure asks for the chunks the screen shows and one either side, then,
// once those are in, for the nearest chunk not yet rendered.
func (r *readerModel) ensure() tea.Cmd {
	if r.doc == nil || len(r.chunks) == 0 || r.height <= 0 {
		return nil
	}
	var cmds []tea.Cmd
	first := max(0, r.top.chunk-1)
	last := r.top.chunk
	for need := r.height + r.top.line; last < len(r.chunks)-1 && need > r.linesOf(last); last++ {
		need -= r.linesOf(last)
	}
	last = min(last+1, len(r.chunks)-1)
	missing := false
	for i := first; i <= last; i++ {
		if _, ok := r.chunk(i); ok {
			r.c.cache.touch(r.key(i))
			continue
		}
		missing = true
		cmds = append(cmds, r.request(i, false))
	}
	if !missing && !r.prefetching {
		if i := r.nextToPrefetch(); i >= 0 {
			r.prefetching = true
			cmds = append(cmds, r.request(i, true))
		}
	}
	return tea.Batch(append(cmds, r.ensureSpans())...)
}

func (r *readerModel) nextToPrefetch() int {
	for d := 1; d <= prefetchAhead; d++ {
		for _, i := range []int{r.top.chunk + d, r.top.chunk - d} {
			if i < 0 || i >= len(r.chunks) || d > prefetchBehind && i < r.top.chunk {
				continue
			}
			if _, ok := r.chunk(i); !ok && !r.inflight[i] {
				return i
			}
		}
	}
	return -1
}

// request renders chunk i off the UI goroutine, unless it is on its way.
func (r *readerModel) request(i int, background bool) tea.Cmd {
	if r.inflight[i] {
		return nil
	}
	r.inflight[i] = true
	doc, chunks, width, gen, rend := r.doc, r.chunks, r.textWidth, r.gen, r.c.renderer
	return func() tea.Msg {
		rc, err := rend.renderChunk(doc, chunks, i, width)
		return chunkRenderedMsg{doc: doc, chunk: i, width: width, gen: gen, background: background, rendered: rc, err: err}
	}
}

// screenRendered says whether every chunk on screen is rendered.
func (r *readerModel) screenRendered() bool {
	if r.doc == nil || r.height <= 0 {
		return false
	}
	rows := r.height
	for i, l := r.top.chunk, r.top.line; rows > 0 && i < len(r.chunks); i, l = i+1, 0 {
		rc, ok := r.chunk(i)
		if !ok {
			return false
		}
		rows -= len(rc.lines) - l
	}
	return r.top.settled
}

// View draws the lines on screen; chunks still being rendered are blank.
func (r readerModel) View() string {
	lines := make([]string, 0, r.height)
	pad := strings.Repeat(" ", r.margin)
	for i, l := 0, 0; r.doc != nil && len(lines) < r.height && r.top.chunk+i < len(r.chunks); i, l = i+1, 0 {
		c := r.top.chunk + i
		if i == 0 {
			l = r.top.line
		}
		rc, ok := r.chunk(c)
		if !ok {
			for n := r.linesOf(c) - l; n > 0 && len(lines) < r.height; n-- {
				lines = append(lines, "")
			}
			continue
		}
		for ; l < len(rc.lines) && len(lines) < r.height; l++ {
			if rc.lines[l] == "" {
				lines = append(lines, "")
				continue
			}
			lines = append(lines, pad+r.paint(c, l, rc.lines[l]))
		}
	}
	for len(lines) < r.height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// place is where the reader is, for the status bar and the contents.
type place struct {
	doc     *corpus.Document
	off     int // at the top of the screen
	bottom  int // just past the bottom line
	section int // index in Outline, -1 before the first heading
	page    string
	percent int
	match   string // which hit of a search is shown: "match 3 of 41"
}

func (r *readerModel) place() place {
	p := place{doc: r.doc, off: r.top.off, section: -1}
	if r.doc == nil || len(r.chunks) == 0 {
		p.percent = 100
		return p
	}
	// The section is where the reader went, if the screen shows it.
	at := max(r.top.off, r.anchor)
	if off, ok := r.hitShown(); ok {
		at = off // the search's hit the reader went to
	}
	if at >= 0 {
		p.section = r.doc.SectionAt(at)
		p.page, _ = r.doc.PageAt(at)
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
		p.bottom = len(r.doc.Body)
	} else {
		p.bottom = max(0, r.offsetOf(t.chunk, t.line))
	}
	p.percent = 100
	if n := len(r.doc.Body); n > 0 {
		p.percent = p.bottom * 100 / n
	}
	p.match = r.matchText(p.bottom)
	return p
}

// digit reads a key as a digit of a count.
func digit(msg tea.KeyMsg) (int, bool) {
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 || msg.Alt {
		return 0, false
	}
	r := msg.Runes[0]
	if r < '0' || r > '9' {
		return 0, false
	}
	return int(r - '0'), true
}
