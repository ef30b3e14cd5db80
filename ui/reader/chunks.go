package reader

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/render"
)

// The chunks of the document laid out off the UI goroutine: those the
// screen shows first, then those near it, one at a time.

// RenderedMsg carries a chunk laid out off the UI goroutine. Sent by the
// pane's render commands; handled by the pane, which drops it unless the
// document, width and layout generation are still the ones it shows.
type RenderedMsg struct {
	doc        *corpus.Document
	chunk      int
	width      int
	gen        int
	background bool // rendered ahead of need, not for the screen
	rendered   *render.Chunk
	// cells is where the chunk's characters show, found with it when
	// ranges the pane paints (names, highlights) reach it; nil if not.
	cells *render.Cells
	err   error
}

// chunksOf cuts a document into chunks once.
func (r *Model) chunksOf(d *corpus.Document) []corpus.Chunk {
	if ch, ok := r.chunkOf[d]; ok {
		return ch
	}
	ch := d.Chunks(render.ChunkSize)
	r.chunkOf[d] = ch
	return ch
}

// rendered takes in a chunk laid out off the UI goroutine.
func (r *Model) rendered(msg RenderedMsg) tea.Cmd {
	if msg.gen != r.gen || msg.doc != r.doc || msg.width != r.textWidth {
		return nil // for a layout no longer shown
	}
	delete(r.inflight, msg.chunk)
	if msg.background {
		r.prefetching = false
	}
	if msg.err != nil {
		return common.Failure(fmt.Sprintf("could not render %s: %v", r.doc.ShortTitle(), msg.err))
	}
	r.cache.Put(r.key(msg.chunk), msg.rendered)
	if msg.cells != nil {
		r.ps.cells[r.key(msg.chunk)] = msg.cells
	}
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

func (r *Model) key(i int) render.Key {
	return render.Key{Doc: r.doc, Chunk: i, Width: r.textWidth}
}

func (r *Model) chunk(i int) (*render.Chunk, bool) {
	return r.cache.Peek(r.key(i))
}

// ensure asks for the chunks the screen shows and one either side, then,
// once those are in, for the nearest chunk not yet rendered.
func (r *Model) ensure() tea.Cmd {
	if r.doc == nil || len(r.chunks) == 0 || r.height <= 0 {
		return nil
	}
	cmds := []tea.Cmd{r.revealSpot()}
	first := max(0, r.top.chunk-1)
	last := r.top.chunk
	for need := r.height + r.top.line; last < len(r.chunks)-1 && need > r.linesOf(last); last++ {
		need -= r.linesOf(last)
	}
	last = min(last+1, len(r.chunks)-1)
	missing := false
	for i := first; i <= last; i++ {
		if _, ok := r.chunk(i); ok {
			r.cache.Touch(r.key(i))
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
	r.placeMarks()
	return tea.Batch(append(cmds, r.ensureSpans())...)
}

func (r *Model) nextToPrefetch() int {
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
func (r *Model) request(i int, background bool) tea.Cmd {
	if r.inflight[i] {
		return nil
	}
	r.inflight[i] = true
	doc, chunks, width, gen, rend := r.doc, r.chunks, r.textWidth, r.gen, r.renderer
	mapCells := r.showsRanges(i) // else the cells are found if ever needed
	return func() tea.Msg {
		rc, err := rend.Render(doc, chunks, i, width)
		msg := RenderedMsg{doc: doc, chunk: i, width: width, gen: gen, background: background, rendered: rc, err: err}
		if err == nil && mapCells {
			msg.cells = render.MapCells(doc, rc, chunks[i])
		}
		return msg
	}
}

// screenRendered says whether every chunk on screen is rendered.
func (r *Model) screenRendered() bool {
	if r.doc == nil || r.height <= 0 {
		return false
	}
	rows := r.height
	for i, l := r.top.chunk, r.top.line; rows > 0 && i < len(r.chunks); i, l = i+1, 0 {
		rc, ok := r.chunk(i)
		if !ok {
			return false
		}
		rows -= len(rc.Lines) - l
	}
	return r.top.settled
}
