package render

// A chunk of a document, as the reading pane takes it from the renderer.

// ChunkSize is about how many bytes of Markdown a chunk holds: a screen
// of text at 120x40 takes two, which render in about a millisecond each.
const ChunkSize = 2048

// Chunk is a chunk laid out at one width.
type Chunk struct {
	Lines      []string // ready to print; the last is a blank separator unless the chunk ends the document
	BlockLines []int    // the line each block of the chunk begins on
	BlockCols  []int    // the column, in characters, where each block's text begins on that line
	FirstPage  int      // index in Pages of the first page that begins in the chunk
	PageLines  []int    // the line each of those pages begins on
	size       int      // bytes held, for the cache's bound
}

// BlockSpan is the lines block k of the chunk takes: from its first line
// to just past its last, the blank lines after it left out.
func (c *Chunk) BlockSpan(k int) (start, end int) {
	start = c.BlockLines[k]
	end = len(c.Lines)
	if k+1 < len(c.BlockLines) {
		end = c.BlockLines[k+1]
	}
	for end > start+1 && c.Lines[end-1] == "" {
		end--
	}
	return start, max(end, start+1)
}
