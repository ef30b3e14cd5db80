package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"

	"samizdat/corpus"
)

// printBudget is how much Print may spend laying out size bytes of a
// document, in the units of corpus.LayoutCost (about a fifth of a
// microsecond): more than a book of prose needs (the edition's works cost
// about 2 units a byte, the most of them 0.9 million), but a document
// built to cost far more than its size (a hundred thousand headings, a
// code block of a hundred thousand lines) is laid out for under a second.
func printBudget(size int) int { return 1_000_000 + 3*size }

// chunkCost is what a chunk costs to lay out for being one, in the same
// units: a glamour renderer made, and the layout set up.
const chunkCost = 600

// Print writes the text of doc from body offset start to end laid out as
// the reading pane lays it out at width columns, in the same styles: the
// title page first when the range is the whole document. It writes a chunk
// at a time, as it goes. Past printBudget the rest is written as plain
// text, and plainRest says so.
func Print(w io.Writer, doc *corpus.Document, start, end, width int, styles Styles, glamour gansi.StyleConfig, profile termenv.Profile) (plainRest bool, err error) {
	r := NewRenderer(glamour, profile, styles)
	chunks := doc.Chunks(ChunkSize)
	bw := bufio.NewWriter(w)
	// Blank lines are held until a line follows them: the output begins
	// and ends with text.
	written, blanks := false, 0
	begun := false // a line of the range, blank or not, has come
	write := func(line string) {
		begun = true
		if line == "" {
			blanks++
			return
		}
		for ; written && blanks > 0; blanks-- {
			bw.WriteByte('\n')
		}
		blanks = 0
		bw.WriteString(line)
		bw.WriteByte('\n')
		written = true
	}
	budget := printBudget(end - start)
	for i, c := range chunks {
		if c.End <= start || c.Start >= end {
			continue
		}
		if budget -= chunkCost + doc.LayoutCost(c.First, c.Last); budget < 0 {
			from := max(c.Start, start)
			write("")
			for line := range strings.SplitSeq(doc.PlainRange(doc.PlainOffset(from), doc.PlainOffset(end)), "\n") {
				write(expandTabs(line))
			}
			return true, bw.Flush()
		}
		rc, err := r.Render(doc, chunks, i, width)
		if err != nil {
			return false, fmt.Errorf("render %s: %w", doc.ID, err)
		}
		from, to := -1, len(rc.Lines)
		for b, line := range rc.BlockLines {
			blk := doc.Blocks[c.First+b]
			if blk.Start >= end {
				to = line
				break
			}
			if from < 0 && blk.Start >= start {
				from = line
				if b == 0 && (begun || start == 0) {
					from = 0 // the chunk's head: the title page, or the space before a part
				}
			}
		}
		if from >= 0 && from < to {
			for _, line := range rc.Lines[from:to] {
				write(line)
			}
		}
		if err := bw.Flush(); err != nil {
			return false, err
		}
	}
	if !written {
		bw.WriteByte('\n')
	}
	return false, bw.Flush()
}

// expandTabs writes the tabs of a line of plain text as the spaces to the
// next tab stop, as the layout does.
func expandTabs(line string) string {
	if !strings.Contains(line, "\t") {
		return line
	}
	var b strings.Builder
	col := 0
	for _, r := range line {
		if r == '\t' {
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
