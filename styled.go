package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/glamour"

	"samizdat/corpus"
	"samizdat/ui"
)

// readChunk is about how many bytes of Markdown `read` renders at once.
const readChunk = 4 << 10

// styleBudget is how much `read` may spend laying out a document of size
// bytes with styles, in the units of corpus.LayoutCost (about a quarter of
// a microsecond): more than a book of prose needs (the edition's works
// cost up to 3.5 units a byte, the most of them 1.26 million), but a
// document built to cost far more than its size (a hundred thousand
// headings, a word of a megabyte) is styled for under a second, and the
// rest is printed plain.
func styleBudget(size int) int { return 1_000_000 + 3*size/2 }

// writeStyled writes head, then Body[start:end] of d, rendered by r a
// chunk at a time, as the reading pane renders: the output goes out as it
// is made, and every line is made safe for the terminal by the pane's
// guard. Chunks are separated by a blank line, as glamour separates
// blocks, and the whole is framed by blank lines, as glamour frames it.
// Past the budget the rest is plain text, and warn says so.
func writeStyled(w, warn io.Writer, r *glamour.TermRenderer, head string, d *corpus.Document, start, end int) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\n")
	render := func(md string) error {
		out, err := r.Render(md)
		if err != nil {
			return fmt.Errorf("render %s: %w", d.ID, err)
		}
		lines := strings.Split(out, "\n")
		for i := range lines {
			lines[i] = ui.SafeLine(lines[i])
		}
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
		for len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		for _, l := range lines {
			bw.WriteString(l)
			bw.WriteString("\n")
		}
		if len(lines) > 0 {
			bw.WriteString("\n")
		}
		return bw.Flush()
	}
	if head != "" {
		if err := render(head); err != nil {
			return err
		}
	}
	budget := styleBudget(end - start)
	chunks := d.Chunks(readChunk)
	for i := 0; i < len(chunks); i++ {
		c := chunks[i]
		if c.Start < start || c.Start >= end {
			continue
		}
		// A list goes on across chunks as one list, glamour spacing its
		// items otherwise than blocks, as far as a group may cost.
		cost := d.LayoutCost(c.First, c.Last)
		for i+1 < len(chunks) && chunks[i+1].Start < end && isListItem(d, c.Last-1) && isListItem(d, chunks[i+1].First) {
			next := d.LayoutCost(chunks[i+1].First, chunks[i+1].Last)
			if cost+next > maxGroupCost {
				break
			}
			i++
			c.End, c.Last = chunks[i].End, chunks[i].Last
			cost += next
		}
		if budget -= cost; budget < 0 {
			fmt.Fprintf(warn, "samizdat: %s: too costly to lay out with styles; the rest is printed plain\n", d.Path)
			bw.WriteString(d.PlainRange(d.PlainOffset(c.Start), d.PlainOffset(end)))
			bw.WriteString("\n")
			break
		}
		if err := render(d.Body[c.Start:min(c.End, end)]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// maxGroupCost is the most `read` lays out at once to keep a list whole,
// in the units of corpus.LayoutCost: about a tenth of a second.
const maxGroupCost = 400_000

// isListItem says whether block b of d is an item of a bulleted list.
func isListItem(d *corpus.Document, b int) bool {
	blk := d.Blocks[b]
	return strings.HasPrefix(d.Body[blk.Start:blk.End], "- ")
}
