package state

import (
	"strings"
	"unicode/utf8"

	"samizdat/corpus"
)

// contextLen is how much text a position remembers to find itself again.
const contextLen = 48

// At returns how the file keeps place p: its offset (the start of the
// text for the head), the section it is in, and the text that starts
// there.
func At(p corpus.Place) Position {
	d := p.Doc
	off := min(max(p.Offset, 0), len(d.Body))
	for off > 0 && off < len(d.Body) && !utf8.RuneStart(d.Body[off]) {
		off--
	}
	pos := Position{Offset: off}
	if i := d.SectionAt(off); i >= 0 {
		pos.Anchor = d.Outline[i].Anchor
	}
	end := min(off+contextLen, len(d.Body))
	for end < len(d.Body) && !utf8.RuneStart(d.Body[end]) {
		end++
	}
	pos.Context = d.Body[off:end]
	return pos
}

// Found says how a position was found in the text.
type Found int

const (
	Exact   Found = iota // at its offset, the text unchanged
	Moved                // its text found elsewhere: the edition changed
	Section              // only its section found
	Start                // nothing found: the start of the document
)

// Find returns the place in d that p keeps. A position saved from another
// edition of the text is found by its text, nearest its old offset, then
// by its section; failing both it is the start of the document.
func Find(d *corpus.Document, p Position) (corpus.Place, Found) {
	off, found := find(d, p)
	return corpus.Place{Doc: d, Offset: off}, found
}

func find(d *corpus.Document, p Position) (int, Found) {
	if p.Offset >= 0 && p.Offset <= len(d.Body) && strings.HasPrefix(d.Body[p.Offset:], p.Context) {
		return p.Offset, Exact
	}
	if p.Context != "" {
		best := -1
		for from := 0; ; {
			i := strings.Index(d.Body[from:], p.Context)
			if i < 0 {
				break
			}
			at := from + i
			if best < 0 || abs(at-p.Offset) < abs(best-p.Offset) {
				best = at
			}
			from = at + 1
		}
		if best >= 0 {
			return best, Moved
		}
	}
	if p.Anchor != "" {
		for _, h := range d.Outline {
			if h.Anchor == p.Anchor {
				return h.Offset, Section
			}
		}
	}
	return 0, Start
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
