package reader

import "samizdat/ui/render"

// A chunk's lines and the offsets of Body they show: exactly once it is
// rendered, in proportion until then.

// linesOf is the number of lines chunk i takes, or an estimate of it until
// it is rendered.
func (r *Model) linesOf(i int) int {
	if rc, ok := r.chunk(i); ok {
		return len(rc.Lines)
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
func (r *Model) estimateLine(i, off int) int {
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
func (r *Model) lineOf(i int, rc *render.Chunk, off int) int {
	if off < 0 {
		return 0
	}
	for p, line := range rc.PageLines {
		if r.doc.Pages[rc.FirstPage+p].Offset == off {
			return line
		}
	}
	c := r.chunks[i]
	b := min(max(r.doc.BlockAt(off), c.First), c.Last-1)
	start, end := rc.BlockSpan(b - c.First)
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
func (r *Model) offsetOf(i int, line int) int {
	c := r.chunks[i]
	rc, ok := r.chunk(i)
	if !ok {
		h := max(1, r.linesOf(i))
		return c.Start + min(max(line, 0), h)*(c.End-c.Start)/h
	}
	k := -1
	for j, l := range rc.BlockLines {
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
	start, end := rc.BlockSpan(k)
	blk := r.doc.Blocks[c.First+k]
	if line == start {
		return blk.Start
	}
	for p, l := range rc.PageLines {
		if l == line {
			return r.doc.Pages[rc.FirstPage+p].Offset
		}
	}
	if line >= end {
		return blk.End
	}
	span := end - start
	return blk.Start + ((line-start)*(blk.End-blk.Start)+span-1)/span
}
