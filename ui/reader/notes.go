package reader

import (
	"slices"

	"samizdat/corpus"
)

// noteMarker is a marker of a note in the text ("[12]"): where it is, and
// which note of the document's Notes it cites.
type noteMarker struct {
	off, note int
}

// markersOf lists a document's note markers in the order of the text,
// once.
func (r *Model) markersOf(d *corpus.Document) []noteMarker {
	if ms, ok := r.markers[d]; ok {
		return ms
	}
	var ms []noteMarker
	for i, n := range d.Notes {
		for _, ref := range n.Refs {
			ms = append(ms, noteMarker{off: ref, note: i})
		}
	}
	slices.SortFunc(ms, func(a, b noteMarker) int { return a.off - b.off })
	r.markers[d] = ms
	return ms
}

// markersIn lists the markers between body offsets from and to.
func markersIn(ms []noteMarker, from, to int) []noteMarker {
	i, _ := slices.BinarySearchFunc(ms, from, func(m noteMarker, off int) int { return m.off - off })
	j := i
	for j < len(ms) && ms[j].off < to {
		j++
	}
	return ms[i:j]
}

// notesIn lists the notes whose text lies, in part, between body offsets
// from and to, in order.
func notesIn(d *corpus.Document, from, to int) []int {
	var out []int
	for i, n := range d.Notes {
		if n.Offset < to && n.End > from {
			out = append(out, i)
		}
	}
	return out
}

// NotesMarked lists the notes of the markers on screen, in the order of
// the text: a note once for each of its markers.
func (r *Model) NotesMarked() []int {
	if r.doc == nil {
		return nil
	}
	p := r.Screen()
	var out []int
	for _, m := range markersIn(r.markersOf(r.doc), max(p.Top, 0), max(p.Bottom, p.Top+1)) {
		out = append(out, m.note)
	}
	return out
}

// NotesShown lists the notes whose text is on screen, in part, in order.
func (r *Model) NotesShown() []int {
	if r.doc == nil {
		return nil
	}
	p := r.Screen()
	return notesIn(r.doc, max(p.Top, 0), max(p.Bottom, p.Top+1))
}
