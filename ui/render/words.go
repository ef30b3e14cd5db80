package render

import (
	"sort"
	"strings"
	"unicode/utf8"

	"samizdat/corpus"
)

// Ranges of the plain text other than a search's hits are placed on the
// rendered lines as the hits are (see paint.go): the name a person's box
// shows, the words of an index entry on the page it names, the names of
// people marked quietly in the text.

// Words are a byte range [Start, End) of a document's plain text.
type Words struct {
	Start, End int
}

// FindWords places ranges, in order and not overlapping, in rc, chunk c
// of document doc rendered: hit i of the Spans is ranges[i]. It has no
// search: its Results are nil.
func FindWords(ranges []Words, doc *corpus.Document, rc *Chunk, c corpus.Chunk) *Spans {
	cs := &Spans{lines: map[int][]seg{}, hits: map[int]int{}}
	if len(ranges) == 0 {
		return cs
	}
	for _, b := range blockRanges(rc, c) {
		blk := doc.Blocks[b.block]
		from, to := doc.PlainOffset(blk.Start), doc.PlainOffset(blk.End)
		// The ranges that end after the block begins and begin before it
		// ends.
		first := sort.Search(len(ranges), func(i int) bool { return ranges[i].End > from })
		end := first
		for end < len(ranges) && ranges[end].Start < to {
			end++
		}
		if first == end {
			continue
		}
		pos := alignBlock(doc.PlainRange(from, to), blockText(rc.Lines, b.from, b.to, b.col))
		for i := first; i < end; i++ {
			r := ranges[i]
			cs.addHit(i, pos[max(r.Start-from, 0):min(max(r.End-from, 0), len(pos))])
		}
	}
	for l, segs := range cs.lines {
		cs.lines[l] = mergeSegs(segs)
	}
	return cs
}

// Empty says whether no range shows in the chunk.
func (cs *Spans) Empty() bool { return len(cs.lines) == 0 }

// Underline is line l of the chunk, line, with the ranges on it
// underlined, dotted where the terminal can, and nothing else changed: the
// text keeps its own colours and attributes, and a style of the text that
// would end the underline inside a range is followed by it again. A
// terminal that knows no dotted underline keeps the plain one, which is
// set first; one that does tells a name from a highlight, underlined
// plainly without colour.
func (cs *Spans) Underline(line string, l int) string {
	segs := cs.lines[l]
	if len(segs) == 0 {
		return line
	}
	const on, off = "\x1b[4m\x1b[4:4m", "\x1b[24m"
	var b strings.Builder
	b.Grow(len(line) + 10*len(segs))
	col, k := 0, 0
	inside := false
	for i := 0; i < len(line); {
		if !inside && k < len(segs) && col >= segs[k].from {
			b.WriteString(on)
			inside = true
		}
		if line[i] == 0x1b {
			e := escapeEnd(line, i)
			b.WriteString(line[i:e])
			i = e
			if inside {
				b.WriteString(on)
			}
			continue
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		b.WriteString(line[i : i+size])
		i += size
		col++
		if inside && col >= segs[k].to {
			b.WriteString(off)
			inside = false
			k++
		}
	}
	if inside {
		b.WriteString(off)
	}
	return b.String()
}
