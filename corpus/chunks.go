package corpus

import "sort"

// Chunk is a run of consecutive blocks of a document that can be rendered
// on its own. Every heading begins a chunk, so a heading is always the
// first line of its chunk's rendering, and a chunk is cut at the first block
// boundary past the size it was asked for, so a reader can render the few
// chunks a screen needs without the rest of the document.
type Chunk struct {
	Start, End  int // byte range of Body, from the first block's start to the last block's end
	First, Last int // the blocks it holds: Blocks[First:Last]
}

// Chunks cuts the document into chunks of about size bytes of Body each.
// A block longer than size makes a chunk of its own; the chunks cover
// every block, in order.
func (d *Document) Chunks(size int) []Chunk {
	var chunks []Chunk
	next := 0 // index in Outline of the next heading to meet
	for i, b := range d.Blocks {
		heading := false
		for next < len(d.Outline) && d.Outline[next].Offset <= b.Start {
			heading = heading || d.Outline[next].Offset == b.Start
			next++
		}
		n := len(chunks)
		if n > 0 && !heading && b.End-chunks[n-1].Start <= size {
			chunks[n-1].End = b.End
			chunks[n-1].Last = i + 1
			continue
		}
		chunks = append(chunks, Chunk{Start: b.Start, End: b.End, First: i, Last: i + 1})
	}
	return chunks
}

// ChunkAt is the index of the chunk that holds byte offset off of Body:
// the last chunk that starts at or before it, or 0 before the first.
func ChunkAt(chunks []Chunk, off int) int {
	return max(0, sort.Search(len(chunks), func(i int) bool { return chunks[i].Start > off })-1)
}

// BlockAt is the index of the block that holds byte offset off of Body:
// the last block that starts at or before it, or 0 before the first.
func (d *Document) BlockAt(off int) int {
	return max(0, sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].Start > off })-1)
}
