package ui

import (
	"fmt"
	"io"
	"strings"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"

	"samizdat/corpus"
)

// Print writes the text of doc from body offset start to end laid out as
// the reading pane lays it out at width columns, in the same styles: the
// title page first when the range is the whole document.
func Print(w io.Writer, doc *corpus.Document, start, end, width int, styles Styles, glamour gansi.StyleConfig, profile termenv.Profile) error {
	r := newChunkRenderer(glamour, profile, &styles)
	chunks := doc.Chunks(chunkSize)
	var out []string
	for i, c := range chunks {
		if c.End <= start || c.Start >= end {
			continue
		}
		rc, err := r.renderChunk(doc, chunks, i, width)
		if err != nil {
			return fmt.Errorf("render %s: %w", doc.ID, err)
		}
		from, to := -1, len(rc.lines)
		for b, line := range rc.blockLines {
			blk := doc.Blocks[c.First+b]
			if blk.Start >= end {
				to = line
				break
			}
			if from < 0 && blk.Start >= start {
				from = line
				if b == 0 && (len(out) > 0 || start == 0) {
					from = 0 // the chunk's head: the title page, or the space before a part
				}
			}
		}
		if from >= 0 && from < to {
			out = append(out, rc.lines[from:to]...)
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	for len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	_, err := io.WriteString(w, strings.Join(out, "\n")+"\n")
	return err
}
