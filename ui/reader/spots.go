package reader

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// spots are the ranges painted besides the reader's own passages: the
// names of people, marked quietly when the reader asks for it, and the
// spot, words that stand out (the name a person's box shows, the place
// of a mention gone to, an index entry's words on its page). They are
// painted with the passages (see ranges.go), placed on a chunk once.
type spots struct {
	names map[*corpus.Document][]render.Range // each sorted by Start; nil when names are not marked
	doc   *corpus.Document                    // the spot's document
	spot  []render.Range                      // the spot, in plain offsets of doc, sorted by Start; none for no spot
	// reveal asks for the spot to be brought into view, if the screen
	// does not show it once it is rendered; a move forgets it.
	reveal bool
}

// SetSpot makes ranges of doc's plain text stand out, painted as Spot
// whatever their kind, until another spot or none is set; nil ranges for
// none.
func (r *Model) SetSpot(doc *corpus.Document, ranges []render.Range) {
	spot := make([]render.Range, len(ranges))
	for i, rg := range ranges {
		spot[i] = render.Range{Start: rg.Start, End: rg.End, Kind: render.Spot}
	}
	slices.SortFunc(spot, func(a, b render.Range) int { return a.Start - b.Start })
	if len(spot) == 0 {
		doc = nil
	}
	r.sp.reveal = false
	if doc == r.sp.doc && slices.Equal(spot, r.sp.spot) {
		return
	}
	shown := r.sp.doc == r.doc || doc == r.doc
	r.sp.doc, r.sp.spot = doc, spot
	if shown {
		r.rangesChanged()
	}
}

// Spot is the document and ranges that stand out; none for no spot.
func (r Model) Spot() (*corpus.Document, []render.Range) { return r.sp.doc, r.sp.spot }

// MarkNames marks the names of people quietly: the ranges of byDoc, of
// kind Name, on the plain text of each document; nil marks none. The map
// is the pane's from then on.
func (r *Model) MarkNames(byDoc map[*corpus.Document][]render.Range) {
	for _, rs := range byDoc {
		slices.SortFunc(rs, func(a, b render.Range) int { return a.Start - b.Start })
	}
	r.sp.names = byDoc
	r.rangesChanged()
}

// withSpots is the ranges kept, sorted by Start, with the names and the
// spot of the document shown merged in, in a slice of its own.
func (r *Model) withSpots(kept []render.Range) []render.Range {
	var spot []render.Range
	if r.sp.doc == r.doc {
		spot = r.sp.spot
	}
	return merge(merge(kept, r.sp.names[r.doc]), spot)
}

// merge is the ranges of a and b, each sorted by Start, in one new slice
// sorted by Start.
func merge(a, b []render.Range) []render.Range {
	out := make([]render.Range, 0, len(a)+len(b)+1) // room for the selection
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start < a[0].Start {
			out, b = append(out, b[0]), b[1:]
			continue
		}
		out, a = append(out, a[0]), a[1:]
	}
	return append(append(out, a...), b...)
}

// RevealSpot brings the first range of the spot into view if the screen
// does not show it once the screen is rendered, moving as few lines as it
// takes: a printed page gone to keeps its start at the top when its words
// show there.
func (r *Model) RevealSpot() tea.Cmd {
	r.sp.reveal = r.doc != nil && r.sp.doc == r.doc && len(r.sp.spot) > 0
	return r.ensure()
}

// revealSpot brings the spot into view, if that was asked for and the
// screen and the chunk that shows its first range are rendered; cmd
// renders that chunk if the screen is and it is not.
func (r *Model) revealSpot() tea.Cmd {
	if !r.sp.reveal {
		return nil
	}
	if r.sp.doc != r.doc || len(r.sp.spot) == 0 {
		r.sp.reveal = false
		return nil
	}
	if !r.screenRendered() {
		return nil // ensure asks for the chunks on screen
	}
	off := r.sp.spot[0].Start
	c, line, ok := r.lineAt(off)
	if !ok {
		r.sp.reveal = false
		return nil
	}
	if _, rendered := r.chunk(c); !rendered {
		return r.request(c, false)
	}
	r.sp.reveal = false
	keep := min(2, r.height/4) // lines kept below it for context
	row, known := r.rowOf(c, line)
	switch {
	case known && row >= 0 && row < r.height-keep:
	case known && row >= r.height-keep:
		r.putLine(c, line, r.height-1-keep)
		r.leaveHit()
	default:
		r.putLine(c, line, keep)
		r.leaveHit()
	}
	return nil
}

// SpotRow is the row of the pane that shows the first range of the spot
// on screen, counted from the top; ok is false if none shows.
func (r *Model) SpotRow() (row int, ok bool) {
	if r.doc == nil || r.sp.doc != r.doc {
		return 0, false
	}
	for _, rg := range r.sp.spot {
		if row, ok := r.rowShowing(rg.Start); ok && row >= 0 && row < r.height {
			return row, true
		}
	}
	return 0, false
}

// rowShowing is the row of the pane that shows plain offset off of the
// document shown, counted from the top, once its chunk is rendered; ok is
// false before, or when it is too far to count.
func (r *Model) rowShowing(off int) (row int, ok bool) {
	c, line, ok := r.lineAt(off)
	if !ok {
		return 0, false
	}
	if _, rendered := r.chunk(c); !rendered {
		return 0, false
	}
	return r.rowOf(c, line)
}
