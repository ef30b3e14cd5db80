package reader

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// passages is the pane's part of the passages painted on the text besides
// a search's hits: the highlights of the document shown and the passage
// being selected, with the names and the spot (spots.go). Where each
// character shows in a rendered chunk (render.MapCells, about 0.1 ms for
// a chunk, some hundreds of bytes kept) is found with its rendering, off
// the UI goroutine, when ranges reach the chunk, else once it is on
// screen, and kept; the runs to paint are placed again when the ranges
// change.
type passages struct {
	kept      map[*corpus.Document][]render.Range // each sorted by Start
	selection render.Range                        // none when End <= Start
	all       []render.Range                      // the document's, the spots and the selection, sorted by Start
	cells     map[render.Key]*render.Cells
	marks     map[render.Key]*render.Marks
	painted   map[render.Key]map[int]string // the lines with marks and no hit, painted once
}

// maxCells bounds the chunks whose cells are kept; past it they are found
// again as they come on screen.
const maxCells = 128

func newPassages() passages {
	return passages{cells: map[render.Key]*render.Cells{}, marks: map[render.Key]*render.Marks{}, painted: map[render.Key]map[int]string{}}
}

// SetHighlights paints the ranges of byDoc on the plain text of each
// document when it is shown; they replace those set before. The map is
// the pane's from then on.
func (r *Model) SetHighlights(byDoc map[*corpus.Document][]render.Range) {
	for _, rs := range byDoc {
		slices.SortFunc(rs, func(a, b render.Range) int { return a.Start - b.Start })
	}
	r.ps.kept = byDoc
	r.rangesChanged()
}

// SetSelection paints the passage [start, end) of the plain text of the
// document shown as selected; an empty one paints none.
func (r *Model) SetSelection(start, end int) {
	sel := render.Range{Start: min(start, end), End: max(start, end), Kind: render.Selection}
	if sel == r.ps.selection {
		return
	}
	r.ps.selection = sel
	r.rangesChanged()
}

// rangesChanged places the ranges anew on the chunks on screen.
func (r *Model) rangesChanged() {
	all := r.withSpots(r.ps.kept[r.doc]) // a copy of the model keeps its own
	if r.ps.selection.End > r.ps.selection.Start {
		i, _ := slices.BinarySearchFunc(all, r.ps.selection.Start, func(a render.Range, s int) int { return a.Start - s })
		all = slices.Insert(all, i, r.ps.selection)
	}
	r.ps.all = all
	r.ps.marks = map[render.Key]*render.Marks{}
	r.ps.painted = map[render.Key]map[int]string{}
	r.placeMarks()
}

// placeMarks places the ranges on the rendered chunks on screen that show
// any, finding where their characters show first if that is not known.
func (r *Model) placeMarks() {
	if r.doc == nil || len(r.chunks) == 0 || len(r.ps.all) == 0 {
		return
	}
	if len(r.ps.cells) > maxCells || len(r.ps.marks) > maxCells {
		r.ps.cells = map[render.Key]*render.Cells{}
		r.ps.marks = map[render.Key]*render.Marks{}
		r.ps.painted = map[render.Key]map[int]string{}
	}
	first, last := r.onScreen()
	for i := first; i <= last; i++ {
		k := r.key(i)
		if r.ps.marks[k] != nil {
			continue
		}
		rc, ok := r.chunk(i)
		if !ok || !r.showsRanges(i) {
			continue
		}
		if cs := r.cellsOf(i); cs != nil {
			r.ps.marks[k] = cs.Place(r.ps.all)
			r.ps.painted[k] = r.ps.marks[k].Painted(rc, r.look)
		}
	}
}

// onScreen is the chunks the screen shows and one either side.
func (r *Model) onScreen() (first, last int) {
	first = max(0, r.top.chunk-1)
	last = r.top.chunk
	for need := r.height + r.top.line; last < len(r.chunks)-1 && need > r.linesOf(last); last++ {
		need -= r.linesOf(last)
	}
	return first, min(last+1, len(r.chunks)-1)
}

// showsRanges says whether any range reaches chunk i.
func (r *Model) showsRanges(i int) bool {
	c := r.chunks[i]
	from, to := r.doc.PlainOffset(c.Start), r.doc.PlainOffset(c.End)
	for _, rg := range r.ps.all {
		if rg.Start >= to {
			return false
		}
		if rg.End > from {
			return true
		}
	}
	return false
}

// cellsOf is where the characters of rendered chunk i show; nil if it is
// not rendered.
func (r *Model) cellsOf(i int) *render.Cells {
	k := r.key(i)
	if cs := r.ps.cells[k]; cs != nil {
		return cs
	}
	rc, ok := r.chunk(i)
	if !ok {
		return nil
	}
	cs := render.MapCells(r.doc, rc, r.chunks[i])
	r.ps.cells[k] = cs
	return cs
}

// chunkPainter paints the lines of one rendered chunk: the search's hits
// on it, its ranges, and the lines of ranges painted already. It is looked
// up once a chunk, not once a line, for a frame.
type chunkPainter struct {
	spans   *render.Spans
	marks   *render.Marks
	painted map[int]string
	current int
	look    render.Look
}

// painterOf is what paints the lines of rendered chunk c.
func (r *Model) painterOf(c int) chunkPainter {
	k := r.key(c)
	p := chunkPainter{marks: r.ps.marks[k], painted: r.ps.painted[k], current: r.hl.current, look: r.look}
	if r.hl.res != nil {
		p.spans = r.hl.spans[k]
	}
	return p
}

// line is line l of the chunk with the hits and the passages on it
// painted, and whether it has a sign in the margin.
func (p chunkPainter) line(l int, line string) (string, bool) {
	if p.spans == nil && p.marks == nil {
		return line, false
	}
	if p.spans == nil || !p.spans.On(l) {
		if painted, ok := p.painted[l]; ok {
			return painted, p.marks.Sign(l)
		}
		if p.marks == nil {
			return line, false
		}
	}
	return render.PaintLine(line, l, p.spans, p.current, p.marks, p.look), p.marks.Sign(l)
}

// Reveal brings the character at plain offset off of the document shown
// into view, if it is not, moving as few lines as it takes: the end of a
// selection that moves.
func (r *Model) Reveal(off int) tea.Cmd {
	c, line, ok := r.lineAt(off)
	if !ok {
		return nil
	}
	row, known := r.rowOf(c, line)
	shown := r.height - r.hl.covered // rows the search bar leaves
	keep := min(2, shown/4)          // lines kept beyond it for context
	switch {
	case known && row >= 0 && row < shown:
		return nil
	case known && row >= shown:
		r.putLine(c, line, max(0, shown-1-keep))
	default:
		r.putLine(c, line, keep)
	}
	r.leaveHit()
	return r.ensure()
}

// Shows says whether the character at plain offset off of the document
// shown is on screen.
func (r *Model) Shows(off int) bool {
	c, line, ok := r.lineAt(off)
	if !ok {
		return false
	}
	row, known := r.rowOf(c, line)
	return known && row >= 0 && row < r.height
}

// lineAt is the chunk and the line of it that show plain offset off:
// exactly once the chunk is rendered, estimated until then.
func (r *Model) lineAt(off int) (c, line int, ok bool) {
	if r.doc == nil || len(r.chunks) == 0 {
		return 0, 0, false
	}
	body := r.doc.BodyOffset(off)
	c = corpus.ChunkAt(r.chunks, body)
	line = r.estimateLine(c, body)
	if cs := r.cellsOf(c); cs != nil {
		if l, found := cs.Line(off); found {
			line = l
		}
	}
	return c, line, true
}

// OffsetAt is the plain offset of the character shown at column x, row y
// of the pane, or the nearest on its line; ok is false where the row
// shows no text.
func (r *Model) OffsetAt(x, y int) (int, bool) {
	if r.doc == nil || y < 0 || y >= r.height {
		return 0, false
	}
	c, l := r.top.chunk, r.top.line+y
	for c < len(r.chunks) && l >= r.linesOf(c) {
		l -= r.linesOf(c)
		c++
	}
	if c >= len(r.chunks) {
		return 0, false
	}
	cs := r.cellsOf(c)
	if cs == nil {
		return 0, false
	}
	return cs.At(l, x-r.margin)
}
