// Package render lays the text out: each chunk of a document rendered by
// glamour unwrapped and laid out at the measure (wrapping is exact, and
// every block and printed page has its line), its styles compacted and
// nothing but styles and text let through to the terminal; a bounded
// cache of rendered chunks; the hits of a search found on the cells that
// show them, and painted; and the same layout printed for read. It knows
// nothing of bubbletea: the reading pane calls it off the UI goroutine.
package render

import (
	"slices"
	"strings"

	"github.com/charmbracelet/glamour"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"samizdat/corpus"
)

// marker is written into the Markdown of a chunk where something of the
// rendering must be found: the start of every block's text (so its line
// and kind are known), every printed page, and the start and end of what
// is set quieter than the text (a note, a note's marker). It is invisible
// and takes no column; the layout takes it out of the lines. That is how
// heading and page positions map to lines exactly at every width. Any in
// the text itself are dropped.
const marker = '\u200b' // ZERO WIDTH SPACE

// Renderer renders chunks of documents. It holds only settings fixed for
// the run, so its methods may be called from any goroutine.
type Renderer struct {
	style      gansi.StyleConfig
	tableStyle gansi.StyleConfig // for a chunk with a table, which glamour wraps
	profile    termenv.Profile
	styles     Styles // for the title page of each document
	quiet      sgr    // what a note and a note's marker add to the text's style
	rule       sgr    // the style of the rule under a part or chapter
}

// Styles is what the text is set in besides glamour's style: the title
// page of a document, its notes and their markers, and the rule under a
// part or chapter.
type Styles struct {
	Title, Subtitle, Byline, Meta lipgloss.Style // the title page
	TitleRule                     lipgloss.Style // the short rule that ends it
	Quiet                         lipgloss.Style // a note and a note's marker, quieter than the text
	Rule                          lipgloss.Style // the rule under a part or chapter
}

// NewRenderer prepares chunk rendering with a glamour style, whose outer
// document margins are removed: the reader centres the text itself.
func NewRenderer(style gansi.StyleConfig, profile termenv.Profile, styles Styles) *Renderer {
	zero := uint(0)
	style.Document.Margin = &zero
	style.Document.BlockPrefix = ""
	style.Document.BlockSuffix = ""
	table := style
	bar, zero, one := "│ ", uint(0), uint(1)
	table.BlockQuote.IndentToken, table.BlockQuote.Indent, table.BlockQuote.Margin = &bar, &zero, &one
	return &Renderer{style: style, tableStyle: table, profile: profile, styles: styles,
		quiet: styleOf(styles.Quiet), rule: styleOf(styles.Rule)}
}

// styleOf is the SGR style a lipgloss style gives text.
func styleOf(st lipgloss.Style) sgr {
	next, t := 0, newStyleTable()
	for _, g := range parseLine(st.Render("x"), &next, t) {
		if g.r == 'x' {
			return t.sgrs[g.st]
		}
	}
	return sgr{}
}

// Render lays out chunk i of doc at width columns: the document's title
// page first for chunk 0, then the chunk's Markdown, rendered by glamour
// unwrapped and laid out at the measure.
func (r *Renderer) Render(doc *corpus.Document, chunks []corpus.Chunk, i, width int) (*Chunk, error) {
	c := chunks[i]
	src, marks := chunkSource(doc, chunks, i)
	style, wrap := r.style, 0 // glamour does not wrap: the layout does
	if marks.table {
		// But a table needs the measure to fit its columns to, and glamour
		// then wraps the rest itself, counting one column for a
		// quotation's bar: with a bar of two, it must count two.
		style, wrap = r.tableStyle, width
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(style),
		glamour.WithWordWrap(wrap),
		glamour.WithColorProfile(r.profile),
	)
	if err != nil {
		return nil, err
	}
	out, err := tr.Render(src)
	if err != nil {
		return nil, err
	}

	lay := chunkLayout{r: r, t: newStyleTable(), doc: doc, chunk: c, marks: &marks, width: width, block: -1}
	lay.at = make([]markAt, len(marks.owners))
	for k := range lay.at {
		lay.at[k] = markAt{-1, 0}
	}
	for raw := range strings.SplitSeq(out, "\n") {
		lay.add(raw)
	}
	lay.finish()
	lines := lay.lines
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
		head = r.titlePage(doc.Meta, width)
	} else if c.Last > c.First && lay.level(0) == 1 {
		head = []string{""} // a part or chapter opens after more space
	}
	shift := len(head) - first
	lines = append(head, lines...)
	if i < len(chunks)-1 {
		lines = append(lines, "")
	}

	rc := &Chunk{
		BlockLines: make([]int, c.Last-c.First),
		BlockCols:  make([]int, c.Last-c.First),
		FirstPage:  marks.firstPage,
		PageLines:  make([]int, marks.pages),
	}
	// Blocks and pages without a marker found (an empty block) take the
	// line of what follows them.
	for b := range rc.BlockLines {
		rc.BlockLines[b] = -1
	}
	for p := range rc.PageLines {
		rc.PageLines[p] = -1
	}
	for k, owner := range marks.owners {
		at := lay.at[k]
		if at.line < 0 {
			continue
		}
		line := max(0, at.line+shift)
		switch owner.kind {
		case pageMark:
			rc.PageLines[owner.index] = line
		case blockMark:
			rc.BlockLines[owner.index] = line
			rc.BlockCols[owner.index] = at.col
		}
	}
	fillForward(rc.BlockLines, len(lines))
	fillForward(rc.PageLines, len(lines))
	rc.Lines = lines
	for _, l := range lines {
		rc.size += len(l) + 16
	}
	rc.size += 16*len(rc.BlockLines) + 8*len(rc.PageLines) + 64
	return rc, nil
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

// markKind is what a marker stands for.
type markKind uint8

const (
	blockMark  markKind = iota // the start of a block's text
	pageMark                   // a printed page begins
	quietStart                 // a note or a note's marker begins
	quietEnd                   // and ends
)

// markOwner says what a marker stands for.
type markOwner struct {
	kind  markKind
	index int // for a block, its index within the chunk; for a page, its index from firstPage
}

type chunkMarks struct {
	owners    []markOwner // in the order the markers appear in the source
	firstPage int
	pages     int
	table     bool         // the chunk holds a table
	notes     map[int]bool // the blocks of the chunk that are notes
}

// chunkSource is the Markdown of chunk i with a marker at the start of the
// text of every block (after a heading's hashes or a list or quotation
// marker, where the text begins), at every page that begins in the chunk,
// and around every note and note marker.
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
	notes, refs := notesOf(doc, c.Start, end)

	var b strings.Builder
	b.Grow(c.End - c.Start + 3*(c.Last-c.First+marks.pages+2*len(refs)) + 2)
	var ins []insert
	page := firstPage
	multiline := false
	for k := c.First; k < c.Last; k++ {
		blk := doc.Blocks[k]
		text := doc.Body[blk.Start:blk.End]
		if k > c.First {
			b.WriteString("\n\n")
		}
		if text == "" {
			continue
		}
		multiline = multiline || strings.IndexByte(text, '\n') >= 0
		textStart := blk.Start + textOffset(text)
		blockEnd := blk.End
		if k+1 == c.Last {
			blockEnd = end // the block takes the pages in the gap after it
		}
		ins = append(ins[:0], insert{textStart, markOwner{blockMark, k - c.First}})
		if slices.Contains(notes, blk.Start) {
			if marks.notes == nil {
				marks.notes = map[int]bool{}
			}
			marks.notes[k-c.First] = true
			ins = append(ins, insert{textStart, markOwner{kind: quietStart}}, insert{blk.End, markOwner{kind: quietEnd}})
		}
		for _, ref := range refs {
			if ref.off >= textStart && ref.off < blk.End {
				ins = append(ins, insert{ref.off, markOwner{kind: quietStart}}, insert{min(ref.off+ref.len, blk.End), markOwner{kind: quietEnd}})
			}
		}
		for page < lastPage && doc.Pages[page].Offset < blockEnd {
			at := min(max(doc.Pages[page].Offset, textStart), blk.End)
			ins = append(ins, insert{at, markOwner{pageMark, page - firstPage}})
			page++
		}
		slices.SortStableFunc(ins, func(a, b insert) int { return a.at - b.at })
		pos := blk.Start
		for _, in := range ins {
			writeText(&b, doc.Body[pos:in.at])
			b.WriteRune(marker)
			marks.owners = append(marks.owners, in.owner)
			pos = in.at
		}
		writeText(&b, doc.Body[pos:blk.End])
	}
	src := b.String()
	if multiline {
		src, marks.table = joinSoftBreaks(src)
	}
	return src, marks
}

// insert is a marker to write into a block, at a byte offset of Body.
type insert struct {
	at    int
	owner markOwner
}

// writeText writes text of the Body without the markers it may hold.
func writeText(b *strings.Builder, s string) {
	if strings.ContainsRune(s, marker) {
		s = strings.ReplaceAll(s, string(marker), "")
	}
	b.WriteString(s)
}

// noteRef is a note's marker in the Body: where it is and how long.
type noteRef struct {
	off, len int
}

// notesOf lists where the notes that begin between body offsets from and to
// begin, and the note markers there.
func notesOf(doc *corpus.Document, from, to int) (notes []int, refs []noteRef) {
	for _, n := range doc.Notes {
		if n.Offset >= from && n.Offset < to {
			notes = append(notes, n.Offset)
		}
		for _, off := range n.Refs {
			if off >= from && off < to {
				refs = append(refs, noteRef{off, len(n.Label) + 2})
			}
		}
	}
	return notes, refs
}

// textOffset is where the text of a block begins: after a heading's
// hashes, a list's bullet or number ("1.", not "1)", which begins
// sentences), a quotation's marker, a table's first bar, or the opening
// fence of a code block. A marker written before them would make the block
// a paragraph.
func textOffset(block string) int {
	n := 0
	for n < len(block) && n < 6 && block[n] == '#' {
		n++
	}
	if n > 0 && n < len(block) && block[n] == ' ' {
		return n + 1
	}
	for _, p := range []string{"- ", "* ", "+ ", "> ", "| "} {
		if strings.HasPrefix(block, p) {
			return 2
		}
	}
	if strings.HasPrefix(block, "```") || strings.HasPrefix(block, "~~~") {
		if i := strings.IndexByte(block, '\n'); i >= 0 {
			return i + 1
		}
		return 0
	}
	n = 0
	for n < len(block) && n < 9 && block[n] >= '0' && block[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(block) && block[n] == '.' && block[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// titlePage is the head of a document, set as a title page: its title
// and who wrote it, which are in the front matter, not in the Markdown.
func (r *Renderer) titlePage(m corpus.Meta, width int) []string {
	s := r.styles
	var lines []string
	add := func(st lipgloss.Style, text string) {
		if text == "" {
			return
		}
		for _, line := range WrapText(text, width) {
			pad := strings.Repeat(" ", max(0, (width-ansi.StringWidth(line))/2))
			out, _ := compactLine(pad + st.Render(line))
			lines = append(lines, out)
		}
	}
	blank := func() { lines = append(lines, "") }
	blank()
	add(s.Title, m.Title)
	add(s.Subtitle, m.Subtitle)
	blank()
	add(s.Byline, m.Author)
	if m.Translator != "" {
		add(s.Meta, "translated by "+m.Translator)
	}
	if m.Editor != "" {
		add(s.Meta, "edited by "+m.Editor)
	}
	var imprint []string
	for _, f := range []string{m.Publisher, m.Year} {
		if f != "" {
			imprint = append(imprint, f)
		}
	}
	if len(imprint) > 0 {
		blank()
		add(s.Meta, strings.Join(imprint, ", "))
	}
	blank()
	add(s.TitleRule, strings.Repeat("─", min(width, 12)))
	blank()
	return lines
}
