package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
)

// The pane wraps the text itself. glamour's own word wrap is not exact: it
// counts no column for a hyphen it may break after, so its lines ran a
// column over the measure for every hyphen on them, and the pane cut them
// again, stranding a comma or a dash on a line of its own; in lists and
// quotations it breaks after commas and full stops. So glamour renders
// each block's text on one line, unwrapped, and the lines are laid out
// here: filled greedily at the measure, broken at spaces only (a word
// longer than the measure is cut), the block's prefix (a quotation's bar,
// a list's bullet) on the first line and kept under it on the rest.

// glyph is a character of a rendered line, with its style. It holds no
// pointer, so the many of a chunk cost the collector nothing to scan.
type glyph struct {
	r     rune
	mark  int32  // for a marker: its index in the chunk's markers; -1 otherwise
	st    uint16 // its style: an index in the glyphs' styles table
	width uint8  // columns: 0 for a marker
}

// styleTable is the table of the styles of a run of glyphs; style 0 is no
// style.
type styleTable struct {
	sgrs []sgr
}

func newStyleTable() *styleTable {
	return &styleTable{sgrs: []sgr{{}}}
}

// index is the index of st in the table, added if it is not there.
func (t *styleTable) index(st sgr) uint16 {
	for i, s := range t.sgrs {
		if s == st {
			return uint16(i)
		}
	}
	if len(t.sgrs) == 1<<16-1 {
		return 0 // a line of sixty thousand styles: the rest is plain
	}
	t.sgrs = append(t.sgrs, st)
	return uint16(len(t.sgrs) - 1)
}

// parseLine reads a line of glamour's output into glyphs, their styles in
// t. Markers are numbered from *next on, in order. It is the guard between
// a document and the terminal: a glyph is a character and a style, and
// nothing else. An escape sequence that is not a style (a window title, a
// clipboard write, a hyperlink, a cursor move) is dropped, whole; a control
// character is shown as its picture, and a tab as the spaces to the next
// tab stop; so even a renderer that passed one on could not drive the
// terminal.
func parseLine(line string, next *int, t *styleTable) []glyph {
	out := make([]glyph, 0, len(line)/2)
	var cur sgr
	st := uint16(0)
	col := 0
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			end := escapeEnd(line, i)
			if params, ok := sgrParams(line[i:end]); ok {
				cur.apply(params)
				st = t.index(cur)
			}
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		g := glyph{r: r, width: 1, st: st, mark: -1}
		switch {
		case r == marker:
			g.width, g.mark = 0, int32(*next)
			*next++
		case r == '\t':
			for g.r = ' '; col%tabWidth != tabWidth-1; col++ {
				out = append(out, g)
			}
		case isControl(r):
			g.r = shownAs(r)
		case r >= 0x300:
			g.width = uint8(min(ansi.StringWidth(string(r)), 2))
		}
		out = append(out, g)
		col += int(g.width)
	}
	return out
}

func glyphsWidth(gs []glyph) int {
	n := 0
	for _, g := range gs {
		n += int(g.width)
	}
	return n
}

// word is a word of a line to wrap, with the spaces before it.
type word struct {
	gap, text []glyph
	at        int  // where text begins in the glyphs of the line
	cut       bool // the rest of a word cut at the end of a line: it begins one
}

// words splits gs at its spaces. Punctuation that stands alone (a spaced
// dash, the dots of a spaced ellipsis) stays with the word before it, so
// no line begins with it; a word wider than width is cut into pieces that
// fit.
func words(gs []glyph, width int) []word {
	var out []word
	last := -1 // where the text of the last word begins in gs
	for i := 0; i < len(gs); {
		gap := i
		for i < len(gs) && gs[i].r == ' ' {
			i++
		}
		end := i
		for end < len(gs) && gs[end].r != ' ' {
			end++
		}
		if end == i {
			break // spaces at the end
		}
		if n := len(out); n > 0 && !out[n-1].cut && bare(gs[i:end]) && glyphsWidth(gs[last:end]) <= width {
			out[n-1].text = gs[last:end]
			i = end
			continue
		}
		last = i
		w := word{gap: gs[gap:i], text: gs[i:end], at: i}
		for glyphsWidth(w.text) > width {
			cut, cw := 0, 0
			for cut < len(w.text) && (cw+int(w.text[cut].width) <= width || cw == 0) {
				cw += int(w.text[cut].width)
				cut++
			}
			out = append(out, word{gap: w.gap, text: w.text[:cut], at: w.at, cut: w.cut})
			w = word{text: w.text[cut:], at: w.at + cut, cut: true}
		}
		out = append(out, w)
		i = end
	}
	return out
}

// bare says whether gs shows punctuation or symbols only.
func bare(gs []glyph) bool {
	for _, g := range gs {
		if g.width > 0 && !unicode.IsPunct(g.r) && !unicode.IsSymbol(g.r) {
			return false
		}
	}
	return true
}

// wrapGlyphs fills lines of at most width columns greedily with the words
// of gs, which are separated by spaces; the spaces where a line breaks are
// dropped. Each line is a part of gs.
func wrapGlyphs(gs []glyph, width int) [][]glyph {
	width = max(width, 1)
	var lines [][]glyph
	from, to, lineW := 0, 0, 0 // the line so far: gs[from:to]
	for _, w := range words(gs, width) {
		start := w.at
		gw, tw := glyphsWidth(w.gap), glyphsWidth(w.text)
		if to > from && !w.cut && lineW+gw+tw <= width {
			to, lineW = start+len(w.text), lineW+gw+tw
			continue
		}
		if to > from {
			lines = append(lines, gs[from:to:to])
		}
		from, to, lineW = start, start+len(w.text), tw
	}
	return append(lines, gs[from:to:to])
}

// WrapText wraps plain text greedily at width, as the pane wraps its
// text; its line breaks are kept.
func WrapText(s string, width int) []string {
	var out []string
	t := newStyleTable()
	for line := range strings.SplitSeq(s, "\n") {
		next := 0
		for _, gs := range wrapGlyphs(parseLine(line, &next, t), width) {
			out = append(out, emit(t, nil, gs))
		}
	}
	return out
}

// emit writes a laid-out line, made of parts, with one SGR sequence for
// each change of style, without the unseen spaces at its end. mark, if not
// nil, is told the column, in characters, of each marker on it.
func emit(t *styleTable, mark func(index, col int), parts ...[]glyph) string {
	unseen := func(g glyph) bool { return g.r == ' ' && !t.sgrs[g.st].showsOnSpace() }
	n := 0 // how many glyphs to write: all but the unseen spaces at the end
	for _, p := range parts {
		n += len(p)
	}
	for k := len(parts) - 1; k >= 0; k-- {
		p := parts[k]
		i := len(p)
		for i > 0 && unseen(p[i-1]) {
			i--
		}
		n -= len(p) - i
		if i > 0 {
			break
		}
	}
	var b strings.Builder
	b.Grow(n + 16)
	var written uint16
	col := 0
	for _, p := range parts {
		for _, g := range p {
			if n == 0 {
				break
			}
			n--
			if g.mark >= 0 {
				if mark != nil {
					mark(int(g.mark), col)
				}
				continue
			}
			// An unseen space is written in whatever style is current, so
			// a run of words needs no change of style around its spaces.
			if g.st != written && !(unseen(g) && !t.sgrs[written].showsOnSpace()) {
				if written != 0 {
					b.WriteString("\x1b[0m")
				}
				if st := t.sgrs[g.st]; !st.isDefault() {
					b.WriteString(st.sequence())
				}
				written = g.st
			}
			b.WriteRune(g.r)
			col++
		}
	}
	if written != 0 {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// markAt is where a marker was laid out: a line of the chunk and a column
// of it, in characters.
type markAt struct{ line, col int }

// chunkLayout lays out glamour's lines of a chunk, one at a time.
type chunkLayout struct {
	r     *Renderer
	t     *styleTable // of the chunk's glyphs
	doc   *corpus.Document
	chunk corpus.Chunk
	marks *chunkMarks
	width int
	lines []string
	at    []markAt // where each marker went
	next  int      // the index of the next marker
	block int      // the block of the chunk the lines are in, -1 before the first
	quiet int      // within how many notes or note markers: a note may hold a marker
	rule  bool     // a part's heading is laid out: its rule comes after it
}

// level is the heading level of block b of the chunk, 0 if it is not a
// heading.
func (l *chunkLayout) level(b int) int {
	if b < 0 || l.chunk.First+b >= l.chunk.Last {
		return 0
	}
	blk := l.doc.Blocks[l.chunk.First+b]
	text := l.doc.Body[blk.Start:blk.End]
	n := 0
	for n < len(text) && n < 6 && text[n] == '#' {
		n++
	}
	if n < len(text) && text[n] == ' ' {
		return n
	}
	return 0
}

// add lays out a line of glamour's output: the whole text of a block, or
// of a line of it, or a line glamour put between blocks.
func (l *chunkLayout) add(raw string) {
	gs := parseLine(raw, &l.next, l.t)
	textAt, own := -1, false // where the text of a block begins, if it begins here
	for k := range gs {
		m := int(gs[k].mark)
		if m < 0 || m >= len(l.marks.owners) {
			if l.quiet > 0 {
				gs[k].st = l.quieten(gs[k].st)
			}
			continue
		}
		switch o := l.marks.owners[m]; o.kind {
		case blockMark:
			l.block = o.index
			if textAt < 0 {
				textAt, own = k, true
			}
		case quietStart:
			l.quiet++
		case quietEnd:
			l.quiet = max(0, l.quiet-1)
		}
	}
	if textAt < 0 {
		textAt = prefixEnd(gs)
	} else if l.marks.notes[l.block] {
		textAt = labelEnd(gs, textAt) // the note's label hangs
	}
	prefix, text := gs[:textAt], gs[textAt:]
	for k := range prefix {
		prefix[k].st = l.quieten(prefix[k].st)
	}
	level := l.level(l.block)
	if l.rule && (own || level != 1 || len(text) == 0) {
		l.putRule()
	}
	switch {
	case level == 1 && len(text) > 0:
		// A part or chapter: centred, as the work writes it, with its own
		// numbering ("Chapter 5: The Soviet Thermidor"), and a short rule
		// under it.
		for _, line := range wrapGlyphs(text, l.width) {
			l.centre(line)
		}
		l.rule = true
	case (level == 2 || level == 3) && len(text) > 0, level == 0 && len(prefix) == 0 && bare(text):
		// A section's heading, or an ornament between sections ("* * *").
		for _, line := range wrapGlyphs(text, l.width) {
			l.centre(line)
		}
	case glyphsWidth(gs) <= l.width:
		l.put(gs)
	default:
		pw := glyphsWidth(prefix)
		if pw > l.width/2 { // too deep to keep: wrap it with the text
			prefix, text, pw = nil, gs, 0
		}
		under := hanging(prefix)
		for n, line := range wrapGlyphs(text, l.width-pw) {
			lead := prefix
			if n > 0 {
				lead = under
			}
			l.put(lead, line)
		}
	}
}

// put adds a laid-out line, made of parts.
func (l *chunkLayout) put(parts ...[]glyph) {
	n := len(l.lines)
	l.lines = append(l.lines, emit(l.t, func(m, col int) {
		if m < len(l.at) {
			l.at[m] = markAt{n, col}
		}
	}, parts...))
}

// centre adds a line centred on the measure.
func (l *chunkLayout) centre(gs []glyph) {
	l.put(spaces(max(0, (l.width-glyphsWidth(gs))/2)), gs)
}

// spaces is n unstyled spaces.
func spaces(n int) []glyph {
	out := make([]glyph, n)
	for k := range out {
		out[k] = glyph{r: ' ', width: 1, mark: -1}
	}
	return out
}

// putRule adds the rule under a part's heading.
func (l *chunkLayout) putRule() {
	rule := make([]glyph, min(8, l.width))
	st := l.t.index(l.r.rule)
	for k := range rule {
		rule[k] = glyph{r: '─', width: 1, st: st, mark: -1}
	}
	l.centre(rule)
	l.rule = false
}

// finish ends the layout of a chunk.
func (l *chunkLayout) finish() {
	if l.rule {
		l.putRule()
	}
}

// quieten is style st as a note is set: in the notes' colour, or faint.
func (l *chunkLayout) quieten(st uint16) uint16 {
	s := l.t.sgrs[st]
	s.attrs |= l.r.quiet.attrs
	if l.r.quiet.fg != "" {
		s.fg = l.r.quiet.fg
	}
	return l.t.index(s)
}

// prefixEnd is where the text begins on a line without a block's marker (a
// list item after the first of a block, a line after a hard break): after
// the indent, the quotation bars, and a list's bullet or number.
func prefixEnd(gs []glyph) int {
	k := 0
	for k < len(gs) && (gs[k].r == ' ' || gs[k].r == '│' || gs[k].r == 0) {
		k++
	}
	j := k
	if j < len(gs) && gs[j].r == '•' {
		j++
	} else {
		for j < len(gs) && unicode.IsDigit(gs[j].r) {
			j++
		}
		if j == k || j >= len(gs) || gs[j].r != '.' {
			return k
		}
		j++
	}
	if j < len(gs) && gs[j].r == ' ' {
		return j + 1
	}
	return k
}

// labelEnd is where the text of a note begins, after its label ("[12] ")
// that begins at k.
func labelEnd(gs []glyph, k int) int {
	for j := k; j < len(gs) && j-k < 12; j++ {
		if gs[j].r == ' ' {
			if j > k && gs[j-1].r == ']' {
				return j + 1
			}
			break
		}
	}
	return k
}

// hanging is the prefix of the lines of a block after its first: the
// quotation bars kept, a bullet or a number blanked.
func hanging(prefix []glyph) []glyph {
	out := make([]glyph, 0, len(prefix))
	for _, g := range prefix {
		switch {
		case g.mark >= 0:
			continue
		case g.r != '│':
			out = append(out, spaces(int(g.width))...)
			continue
		}
		out = append(out, g)
	}
	return out
}
