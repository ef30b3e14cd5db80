package render

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// A line of glamour's output read into glyphs, each with its style, and
// written out again with one escape sequence for each change of style.

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

// spaces is n unstyled spaces.
func spaces(n int) []glyph {
	out := make([]glyph, n)
	for k := range out {
		out[k] = glyph{r: ' ', width: 1, mark: -1}
	}
	return out
}
