package render

import (
	"strings"
	"unicode"

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
