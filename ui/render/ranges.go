package render

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"samizdat/corpus"
)

// Besides a search's hits, any run of a document's plain text can be
// painted on the cells that show it: a passage the reader kept, the
// passage being selected, the names of people, words that stand out. MapCells aligns every block of a rendered chunk
// once (alignBlock); Place then puts any ranges on it, and PaintLine
// paints them with the hits, a kind over another where they overlap.

// Kind is what a painted range of the text is. Where two overlap, the one
// of higher precedence is painted (see precedence). A new kind is added
// before kinds, with its place in precedence and a look (Look.With).
type Kind uint8

const (
	// Hit is a search's match; the zero Kind, as the search's runs are
	// made without one.
	Hit Kind = iota
	// CurrentHit is the search's match that stands out.
	CurrentHit
	// Highlight is a passage the reader kept.
	Highlight
	// Selection is the passage being selected.
	Selection
	// Name is the name of a person the notes know, marked quietly.
	Name
	// Spot is words that stand out as a current match does: the name a
	// person's box shows, a mention gone to, an index entry's words on
	// its page.
	Spot
	kinds
)

// precedence orders the kinds, lowest first: a name shows under
// everything, a highlight under a search's match, the selection over
// everything.
var precedence = [kinds]int{Name: 0, Highlight: 1, Hit: 2, CurrentHit: 3, Spot: 4, Selection: 5}

// DottedUnderline is an SGR sequence for a quiet underline: dotted where
// the terminal can, plain where it cannot (the plain one is set first, and
// a terminal that knows no dotted one keeps it).
const DottedUnderline = "\x1b[4m\x1b[4:4m"

// Range is a run of a document's plain text to paint.
type Range struct {
	Start, End int // byte offsets of the plain text, End excluded
	Kind       Kind
	// Sign asks for a sign in the margin beside the range's first line
	// (a highlight that has a note).
	Sign bool
}

// Cells is where each character of a rendered chunk's plain text shows.
// It is kept as runs, not a cell per byte: most of a line's characters
// follow one another, a column apart, as the plain text has them.
type Cells struct {
	from, to int // the chunk's plain text
	blocks   []cellBlock
}

// cellBlock is where the characters of one block's plain text show, from
// offset from of the plain text on.
type cellBlock struct {
	from  int
	plain string // the block's plain text
	runs  []cellRun
}

// cellRun is a run of a block's plain text, bytes [from, to) of it, shown
// on one line from column col on: each of its characters one column after
// the one before it, a space too, though a space is not taken to show
// (the rendering may break a line there, or gather spaces into one). A
// character of a block in no run does not show.
type cellRun struct {
	from, to  int32
	line, col int32
}

// MapCells finds where each character of the plain text of chunk c of
// doc shows in rc, its rendering.
func MapCells(doc *corpus.Document, rc *Chunk, c corpus.Chunk) *Cells {
	cs := &Cells{from: doc.PlainOffset(c.Start), to: doc.PlainOffset(c.End)}
	for _, b := range blockRanges(rc, c) {
		blk := doc.Blocks[b.block]
		from, to := doc.PlainOffset(blk.Start), doc.PlainOffset(blk.End)
		plain := doc.PlainRange(from, to)
		pos := alignBlock(plain, blockText(rc.Lines, b.from, b.to, b.col))
		cs.blocks = append(cs.blocks, cellBlock{from: from, plain: plain, runs: cellRuns(plain, pos)})
	}
	return cs
}

// cellRuns gathers pos, the cell of each byte of plain (alignBlock), into
// runs.
func cellRuns(plain string, pos []cellAt) []cellRun {
	var runs []cellRun
	open := false   // the last run may take the next character
	var want cellAt // where the next character shows if it does
	for i := 0; i < len(plain); {
		r, size := utf8.DecodeRuneInString(plain[i:])
		switch {
		case unicode.IsSpace(r):
			want.col++
		case pos[i] == nowhere:
			open = false
		case open && pos[i] == want:
			runs[len(runs)-1].to = int32(i + size)
			want.col++
		default:
			runs = append(runs, cellRun{from: int32(i), to: int32(i + size), line: pos[i].line, col: pos[i].col})
			open, want = true, cellAt{pos[i].line, pos[i].col + 1}
		}
		i += size
	}
	return slices.Clip(runs)
}

// each calls yield with the offset in the block and the cell of every
// character of run that shows, in order, until yield returns false.
func (b *cellBlock) each(run cellRun, yield func(i int, at cellAt) bool) bool {
	at := cellAt{run.line, run.col}
	for i := int(run.from); i < int(run.to); {
		r, size := utf8.DecodeRuneInString(b.plain[i:])
		if !unicode.IsSpace(r) && !yield(i, at) {
			return false
		}
		at.col++
		i += size
	}
	return true
}

// cells calls yield with the cell of every character of block offsets
// [lo, hi) that shows, in order.
func (b *cellBlock) cells(lo, hi int, yield func(at cellAt)) {
	k := sort.Search(len(b.runs), func(k int) bool { return int(b.runs[k].to) > lo })
	for ; k < len(b.runs) && int(b.runs[k].from) < hi; k++ {
		b.each(b.runs[k], func(i int, at cellAt) bool {
			if i >= hi {
				return false
			}
			if i >= lo {
				yield(at)
			}
			return true
		})
	}
}

// positions is the cell of each byte of the block's plain text, nowhere
// for those that do not show: what alignBlock found.
func (b *cellBlock) positions() []cellAt {
	pos := make([]cellAt, len(b.plain))
	for i := range pos {
		pos[i] = nowhere
	}
	for _, run := range b.runs {
		b.each(run, func(i int, at cellAt) bool { pos[i] = at; return true })
	}
	return pos
}

// Span is the run of the plain text the chunk shows.
func (cs *Cells) Span() (from, to int) { return cs.from, cs.to }

// Line is the line of the chunk that shows the character at plain offset
// off, or the first shown after it within its block; ok is false if none
// shows.
func (cs *Cells) Line(off int) (int, bool) {
	for _, b := range cs.blocks {
		if off >= b.from+len(b.plain) {
			continue
		}
		i := max(off-b.from, 0)
		k := sort.Search(len(b.runs), func(k int) bool { return int(b.runs[k].to) > i })
		if k < len(b.runs) {
			// A run ends with a character that shows: the first at or
			// after i is on its line.
			return int(b.runs[k].line), true
		}
	}
	return 0, false
}

// At is the plain offset of the character shown at column col of line of
// the chunk, or of the nearest one on that line; ok is false if the line
// shows none.
func (cs *Cells) At(line, col int) (int, bool) {
	best, dist := 0, -1
	for _, b := range cs.blocks {
		for _, run := range b.runs {
			if int(run.line) != line {
				continue
			}
			b.each(run, func(i int, at cellAt) bool {
				if d := abs(int(at.col) - col); dist < 0 || d < dist {
					best, dist = b.from+i, d
				}
				return true
			})
		}
	}
	return best, dist >= 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Marks is where ranges show on a rendered chunk: runs of its lines to
// paint, and the lines with a sign in the margin.
type Marks struct {
	lines map[int][]seg
	signs map[int]bool
}

// Painted is each line of rc, the chunk the marks were placed on, that
// has a run to paint, painted: what a frame draws while only the marks
// are on those lines.
func (mk *Marks) Painted(rc *Chunk, look Look) map[int]string {
	out := make(map[int]string, len(mk.lines))
	for l := range mk.lines {
		if l >= 0 && l < len(rc.Lines) {
			out[l] = PaintLine(rc.Lines[l], l, nil, -1, mk, look)
		}
	}
	return out
}

// Sign says whether line l has a sign in the margin.
func (mk *Marks) Sign(l int) bool { return mk != nil && mk.signs[l] }

// Place puts on the chunk those of ranges, sorted by Start, that it shows.
func (cs *Cells) Place(ranges []Range) *Marks {
	mk := &Marks{lines: map[int][]seg{}, signs: map[int]bool{}}
	// A long range may reach the chunk from far back: every range that
	// starts before its end is looked at, which for a thousand is a few
	// microseconds.
	last := sort.Search(len(ranges), func(i int) bool { return ranges[i].Start >= cs.to })
	for _, rg := range ranges[:last] {
		if rg.End <= cs.from {
			continue
		}
		line := -1
		for k := range cs.blocks {
			b := &cs.blocks[k]
			lo, hi := max(rg.Start-b.from, 0), min(rg.End-b.from, len(b.plain))
			if lo >= hi {
				continue
			}
			l := mk.add(b, lo, hi, rg.Kind)
			if line < 0 {
				line = l
			}
		}
		if rg.Sign && line >= 0 && rg.Start >= cs.from {
			mk.signs[line] = true
		}
	}
	for l, segs := range mk.lines {
		mk.lines[l] = flatten(segs)
	}
	return mk
}

// add paints the cells of block offsets [lo, hi) of b as kind, a run per
// line, and says the first line, -1 if none shows.
func (mk *Marks) add(b *cellBlock, lo, hi int, kind Kind) int {
	first := -1
	cur := seg{from: -1, kind: kind}
	line := int32(-1)
	flush := func() {
		if cur.from >= 0 {
			mk.lines[int(line)] = append(mk.lines[int(line)], cur)
		}
	}
	b.cells(lo, hi, func(at cellAt) {
		if at.line != line {
			flush()
			line = at.line
			if first < 0 {
				first = int(line)
			}
			cur = seg{from: int(at.col), to: int(at.col) + 1, kind: kind}
			return
		}
		cur.from = min(cur.from, int(at.col))
		cur.to = max(cur.to, int(at.col)+1)
	})
	flush()
	return first
}

// flatten turns runs that may overlap into runs that do not, in order,
// each column taking the kind of highest precedence over it; neighbouring
// runs of one kind are joined.
func flatten(segs []seg) []seg {
	if len(segs) == 0 {
		return segs
	}
	edges := make([]int, 0, 2*len(segs))
	for _, s := range segs {
		edges = append(edges, s.from, s.to)
	}
	slices.Sort(edges)
	edges = slices.Compact(edges)
	var out []seg
	for i := 0; i+1 < len(edges); i++ {
		from, to := edges[i], edges[i+1]
		top, found := seg{}, false
		for _, s := range segs {
			if s.from <= from && to <= s.to && (!found || precedence[s.kind] > precedence[top.kind]) {
				top, found = s, true
			}
		}
		if !found {
			continue
		}
		if n := len(out); n > 0 && out[n-1].to == from && out[n-1].kind == top.kind {
			out[n-1].to = to
			continue
		}
		top.from, top.to = from, to
		out = append(out, top)
	}
	return out
}
