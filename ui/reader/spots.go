package reader

import (
	"slices"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// spots are ranges of the text painted apart from a search: the spot,
// a few words that stand out as a search's current hit does (the name a
// person's box shows, the place of a mention gone to, an index entry's
// words on its page), and the names of people, underlined quietly when
// the reader asks for it. Where they show in a rendered chunk is found
// the first time the chunk is drawn, and kept.
type spots struct {
	doc    *corpus.Document // the spot's document
	ranges []render.Words   // the spot, in plain offsets of doc; none for no spot
	look   render.Look
	// names lists the names of people in plain offsets from to to of a
	// document, in order; nil when names are not marked.
	names func(d *corpus.Document, from, to int) []render.Words

	spotSpans, nameSpans map[render.Key]*render.Spans
}

func newSpots(look render.Look) spots {
	return spots{look: look, spotSpans: map[render.Key]*render.Spans{}, nameSpans: map[render.Key]*render.Spans{}}
}

// SetSpot makes ranges of doc's plain text stand out, until another spot
// or none is set; nil ranges for none.
func (r *Model) SetSpot(doc *corpus.Document, ranges []render.Words) {
	if doc == r.sp.doc && slices.Equal(ranges, r.sp.ranges) {
		return
	}
	r.sp.doc, r.sp.ranges = doc, slices.Clone(ranges)
	r.sp.spotSpans = map[render.Key]*render.Spans{}
}

// Spot is the document and ranges that stand out; none for no spot.
func (r Model) Spot() (*corpus.Document, []render.Words) { return r.sp.doc, r.sp.ranges }

// MarkNames underlines the names of people that names lists, quietly; nil
// marks none.
func (r *Model) MarkNames(names func(d *corpus.Document, from, to int) []render.Words) {
	r.sp.names = names
	r.sp.nameSpans = map[render.Key]*render.Spans{}
}

// paintSpots is line l of rendered chunk c, line, with the names on it
// underlined and the spot painted.
func (r *Model) paintSpots(c, l int, line string) string {
	if r.sp.names != nil {
		if cs := r.nameSpansOf(c); cs != nil {
			line = cs.Underline(line, l)
		}
	}
	if len(r.sp.ranges) > 0 && r.sp.doc == r.doc {
		k := r.key(c)
		cs, ok := r.sp.spotSpans[k]
		if !ok {
			rc, _ := r.chunk(c)
			cs = render.FindWords(r.sp.ranges, r.doc, rc, r.chunks[c])
			r.sp.spotSpans[k] = cs
		}
		line = cs.Paint(line, l, -1, r.sp.look)
	}
	return line
}

// nameSpansOf is where the names of people show in rendered chunk c.
func (r *Model) nameSpansOf(c int) *render.Spans {
	k := r.key(c)
	if cs, ok := r.sp.nameSpans[k]; ok {
		return cs
	}
	if len(r.sp.nameSpans) > maxSpans {
		r.sp.nameSpans = map[render.Key]*render.Spans{}
	}
	rc, ok := r.chunk(c)
	if !ok {
		return nil
	}
	ch := r.chunks[c]
	names := r.sp.names(r.doc, r.doc.PlainOffset(ch.Start), r.doc.PlainOffset(ch.End))
	cs := render.FindWords(names, r.doc, rc, ch)
	r.sp.nameSpans[k] = cs
	return cs
}

// SpotRow is the row of the pane that shows the first range of the spot
// on screen, counted from the top; ok is false if none shows.
func (r *Model) SpotRow() (row int, ok bool) {
	if r.doc == nil || r.sp.doc != r.doc || len(r.chunks) == 0 {
		return 0, false
	}
	for i, rg := range r.sp.ranges {
		c := corpus.ChunkAt(r.chunks, r.doc.BodyOffset(rg.Start))
		k := r.key(c)
		cs, ok := r.sp.spotSpans[k]
		if !ok {
			rc, rendered := r.chunk(c)
			if !rendered {
				continue
			}
			cs = render.FindWords(r.sp.ranges, r.doc, rc, r.chunks[c])
			r.sp.spotSpans[k] = cs
		}
		line, found := cs.LineOf(i)
		if !found {
			continue
		}
		if row, on := r.rowOf(c, line); on && row >= 0 && row < r.height {
			return row, true
		}
	}
	return 0, false
}
