package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"samizdat/corpus"
)

// marker is written into the Markdown of a chunk where the line of the
// rendering is wanted: at the start of every block's text and of every
// printed page. It is invisible and glamour's word wrap gives it no width
// (it counts U+2060 and U+2063 as a column), so it changes no wrapping; it
// is taken out of the rendered lines. That is how heading and page positions
// map to lines exactly at every width. Any in the text itself are dropped.
const marker = '\u200b' // ZERO WIDTH SPACE

// chunkRenderer renders chunks of documents. It holds only settings fixed for
// the run, so its methods may be called from any goroutine.
type chunkRenderer struct {
	style   gansi.StyleConfig
	profile termenv.Profile
	styles  *Styles // for the title block of each document
}

// newChunkRenderer prepares chunk rendering with a glamour style, whose outer
// document margins are removed: the reader centres the text itself.
func newChunkRenderer(style gansi.StyleConfig, profile termenv.Profile, styles *Styles) *chunkRenderer {
	zero := uint(0)
	style.Document.Margin = &zero
	style.Document.BlockPrefix = ""
	style.Document.BlockSuffix = ""
	return &chunkRenderer{style: style, profile: profile, styles: styles}
}

// renderedChunk is a chunk laid out at one width.
type renderedChunk struct {
	lines      []string // ready to print; the last is a blank separator unless the chunk ends the document
	blockLines []int    // the line each block of the chunk begins on
	blockCols  []int    // the column, in characters, where each block's text begins on that line
	firstPage  int      // index in Pages of the first page that begins in the chunk
	pageLines  []int    // the line each of those pages begins on
	size       int      // bytes held, for the cache's bound
}

// renderChunk lays out chunk i of doc at width columns: the document's
// title block first for chunk 0, then the chunk's Markdown through glamour.
func (r *chunkRenderer) renderChunk(doc *corpus.Document, chunks []corpus.Chunk, i, width int) (*renderedChunk, error) {
	c := chunks[i]
	src, marks := chunkSource(doc, chunks, i)
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(r.style),
		glamour.WithWordWrap(width),
		glamour.WithColorProfile(r.profile),
	)
	if err != nil {
		return nil, err
	}
	out, err := tr.Render(src)
	if err != nil {
		return nil, err
	}

	var lines []string
	markLines := make([]int, 0, len(marks.owners))
	markCols := make([]int, 0, len(marks.owners))
	for raw := range strings.SplitSeq(out, "\n") {
		line, n := compactLine(raw)
		for range n {
			markLines = append(markLines, len(lines))
		}
		if n > 0 {
			markCols = appendMarkerColumns(markCols, raw)
		}
		if ansi.StringWidth(line) > width {
			lines = append(lines, strings.Split(ansi.Hardwrap(line, width, true), "\n")...)
			continue
		}
		lines = append(lines, line)
	}
	// glamour frames its output with blank lines; the reader spaces chunks
	// itself.
	first, last := 0, len(lines)
	for first < last && lines[first] == "" {
		first++
	}
	for last > first && lines[last-1] == "" {
		last--
	}
	lines = lines[first:last]
	var head []string
	if i == 0 {
		head = r.titleBlock(doc.Meta, width)
	}
	shift := len(head) - first
	lines = append(head, lines...)
	if i < len(chunks)-1 {
		lines = append(lines, "")
	}

	rc := &renderedChunk{
		blockLines: make([]int, c.Last-c.First),
		blockCols:  make([]int, c.Last-c.First),
		firstPage:  marks.firstPage,
		pageLines:  make([]int, marks.pages),
	}
	// Blocks and pages without a marker found (an empty block) take the
	// line of what follows them.
	for b := range rc.blockLines {
		rc.blockLines[b] = -1
	}
	for p := range rc.pageLines {
		rc.pageLines[p] = -1
	}
	if len(markLines) == len(marks.owners) {
		for k, owner := range marks.owners {
			line := max(0, markLines[k]+shift)
			if owner.page {
				rc.pageLines[owner.index] = line
			} else {
				rc.blockLines[owner.index] = line
				rc.blockCols[owner.index] = markCols[k]
			}
		}
	}
	fillForward(rc.blockLines, len(lines))
	fillForward(rc.pageLines, len(lines))
	rc.lines = lines
	for _, l := range lines {
		rc.size += len(l) + 16
	}
	rc.size += 16*len(rc.blockLines) + 8*len(rc.pageLines) + 64
	return rc, nil
}

// appendMarkerColumns appends the column of each marker of a rendered
// line: how many characters show before it, which is where the text after
// it is once compactLine has taken the markers and escapes out.
func appendMarkerColumns(cols []int, raw string) []int {
	col := 0
	for i := 0; i < len(raw); {
		if raw[i] == 0x1b {
			i = escapeEnd(raw, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		i += size
		if r == marker {
			cols = append(cols, col)
			continue
		}
		col++
	}
	return cols
}

// fillForward gives every unknown (-1) line the next known one, or end.
// Known lines are kept in order, as markers are.
func fillForward(lines []int, end int) {
	next := end
	for k := len(lines) - 1; k >= 0; k-- {
		if lines[k] < 0 {
			lines[k] = next
			continue
		}
		next = lines[k]
	}
}

// markOwner says which block or page a marker stands for.
type markOwner struct {
	page  bool
	index int // block index within the chunk, or page index from firstPage
}

type chunkMarks struct {
	owners    []markOwner // in the order the markers appear in the source
	firstPage int
	pages     int
}

// chunkSource is the Markdown of chunk i with a marker at the start of the
// text of every block (after a heading's hashes or a list or quotation
// marker, where the text begins) and at every page that begins in the
// chunk.
func chunkSource(doc *corpus.Document, chunks []corpus.Chunk, i int) (string, chunkMarks) {
	c := chunks[i]
	end := len(doc.Body)
	if i+1 < len(chunks) {
		end = chunks[i+1].Start
	}
	// Pages that begin in the chunk or in the blank lines after it.
	firstPage, _ := slices.BinarySearchFunc(doc.Pages, c.Start, func(p corpus.Page, off int) int { return p.Offset - off })
	lastPage, _ := slices.BinarySearchFunc(doc.Pages, end, func(p corpus.Page, off int) int { return p.Offset - off })
	marks := chunkMarks{firstPage: firstPage, pages: lastPage - firstPage}

	var b strings.Builder
	b.Grow(c.End - c.Start + 3*(c.Last-c.First+marks.pages) + 2)
	page := firstPage
	for k := c.First; k < c.Last; k++ {
		blk := doc.Blocks[k]
		text := doc.Body[blk.Start:blk.End]
		if k > c.First {
			b.WriteString("\n\n")
		}
		if text == "" {
			continue
		}
		textStart := blk.Start + textOffset(text)
		blockEnd := blk.End
		if k+1 == c.Last {
			blockEnd = end // the block takes the pages in the gap after it
		}
		write := func(s string) {
			if strings.ContainsRune(s, marker) {
				s = strings.ReplaceAll(s, string(marker), "")
			}
			b.WriteString(s)
		}
		write(doc.Body[blk.Start:textStart])
		b.WriteRune(marker)
		marks.owners = append(marks.owners, markOwner{index: k - c.First})
		pos := textStart
		for page < lastPage && doc.Pages[page].Offset < blockEnd {
			at := min(max(doc.Pages[page].Offset, textStart), blk.End)
			write(doc.Body[pos:at])
			b.WriteRune(marker)
			marks.owners = append(marks.owners, markOwner{page: true, index: page - firstPage})
			pos = at
			page++
		}
		write(doc.Body[pos:blk.End])
	}
	return b.String(), marks
}

// textOffset is where the text of a block begins: after a heading's hashes
// or a list or quotation marker.
func textOffset(block string) int {
	n := 0
	for n < len(block) && n < 6 && block[n] == '#' {
		n++
	}
	if n > 0 && n < len(block) && block[n] == ' ' {
		return n + 1
	}
	if strings.HasPrefix(block, "- ") || strings.HasPrefix(block, "> ") {
		return 2
	}
	return 0
}

// titleBlock is the head of a document: its title and who wrote it, which
// are in the front matter, not in the Markdown.
func (r *chunkRenderer) titleBlock(m corpus.Meta, width int) []string {
	s := r.styles
	center := func(st lipgloss.Style, text string) []string {
		if text == "" {
			return nil
		}
		return strings.Split(st.Width(width).Render(text), "\n")
	}
	var lines []string
	lines = append(lines, "")
	lines = append(lines, center(s.DocTitle, m.Title)...)
	lines = append(lines, center(s.DocSubtitle, m.Subtitle)...)
	lines = append(lines, "")
	lines = append(lines, center(s.DocByline, m.Author)...)
	var more []string
	if m.Translator != "" {
		more = append(more, "translated by "+m.Translator)
	}
	if m.Editor != "" {
		more = append(more, "edited by "+m.Editor)
	}
	if m.Year != "" {
		more = append(more, m.Year)
	}
	lines = append(lines, center(s.DocMeta, strings.Join(more, " · "))...)
	lines = append(lines, center(s.DocRule, strings.Repeat("─", min(width, 24)))...)
	lines = append(lines, "")
	for i, l := range lines {
		lines[i], _ = compactLine(l)
	}
	return lines
}

// chunkSize is about how many bytes of Markdown a chunk holds: a screen
// of text at 120x40 takes two, which render in about a millisecond each.
const chunkSize = 2048
