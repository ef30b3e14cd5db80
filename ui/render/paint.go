package render

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"

	"samizdat/corpus"
)

// A search's hits are byte ranges of a document's plain text; the screen
// shows glamour's rendering of its Markdown: wrapped, styled, and decorated
// with what the text does not hold (a quotation's bar, a heading's hashes).
// For each block of a rendered chunk, alignBlock walks the block's plain
// text and the characters its lines show side by side, stepping over what
// glamour added, so that every character of the plain text has the cell
// that shows it. A hit is then painted on exactly those cells, on two lines
// if it wraps, and on the lines alone: the styles around it stay as they
// were.

// cellAt is where a character shows: a line of a rendered chunk and a
// column of it, counted in characters of its text (escapes left out).
type cellAt struct {
	line, col int32
}

var nowhere = cellAt{-1, -1}

// shown is a character of a rendered block; '\n' stands between two of
// its lines.
type shown struct {
	r  rune
	at cellAt
}

// blockText lists the characters that lines from..to of a rendered chunk
// show, from column startCol of the first: a block's text.
func blockText(lines []string, from, to, startCol int) []shown {
	var out []shown
	for l := from; l < to && l < len(lines); l++ {
		if l > from {
			out = append(out, shown{'\n', nowhere})
		}
		line := lines[l]
		col := 0
		for i := 0; i < len(line); {
			if line[i] == 0x1b {
				i = escapeEnd(line, i)
				continue
			}
			r, size := utf8.DecodeRuneInString(line[i:])
			i += size
			if l > from || col >= startCol {
				out = append(out, shown{r, cellAt{int32(l), int32(col)}})
			}
			col++
		}
	}
	return out
}

// resync is how far ahead alignBlock looks for the two texts to agree again
// after they differ.
const resync = 12

// alignBlock maps each byte of plain that begins a character to the cell
// that shows it, or to nowhere. White space matches white space or a line
// break, however much of either; where the texts differ, the shorter way
// back into step is taken: characters glamour added are stepped over,
// characters it left out are left unmapped.
func alignBlock(plain string, text []shown) []cellAt {
	pos := make([]cellAt, len(plain))
	for i := range pos {
		pos[i] = nowhere
	}
	i, j := 0, 0
	for i < len(plain) && j < len(text) {
		p, size := utf8.DecodeRuneInString(plain[i:])
		if unicode.IsSpace(p) {
			i += size
			continue
		}
		c := text[j].r
		if unicode.IsSpace(c) {
			j++
			continue
		}
		if sameChar(p, c) {
			pos[i] = text[j].at
			i += size
			j++
			continue
		}
		added := -1 // characters of text to step over
		for k := 1; k <= resync && j+k < len(text); k++ {
			if sameChar(p, text[j+k].r) {
				added = k
				break
			}
		}
		dropped, skip := -1, 0 // characters of plain left out, and their bytes
		for k, at := 1, i+size; k <= resync && at < len(plain); k++ {
			q, n := utf8.DecodeRuneInString(plain[at:])
			if sameChar(q, c) {
				dropped, skip = k, at-i
				break
			}
			at += n
		}
		switch {
		case added > 0 && (dropped < 0 || added <= dropped):
			j += added
		case dropped > 0:
			i += skip
		default: // shown otherwise: take it as it shows
			pos[i] = text[j].at
			i += size
			j++
		}
	}
	return pos
}

func sameChar(a, b rune) bool {
	return a == b || unicode.ToLower(a) == unicode.ToLower(b)
}

// seg is a run of a line to paint: columns from to to (exclusive) of
// the line's text, as kind; a search's run covers the hits first to last
// (several only where hits overlap), and is the current hit's look if it
// covers that.
type seg struct {
	from, to    int
	first, last int
	kind        Kind
}

// Spans is where a search's hits show in one rendered chunk.
type Spans struct {
	res   *corpus.Results
	lines map[int][]seg // by line of the chunk, in order of column
	hits  map[int]int   // the first line of each hit
}

// Results is the search whose hits these are.
func (cs *Spans) Results() *corpus.Results { return cs.res }

// On says whether line l of the chunk shows a hit.
func (cs *Spans) On(l int) bool { return len(cs.lines[l]) > 0 }

// LineOf is the first line of the chunk that shows hit i.
func (cs *Spans) LineOf(i int) (int, bool) {
	l, ok := cs.hits[i]
	return l, ok
}

// Paint is line l of the chunk, line, with the hits on it painted: hit
// current as the current one.
func (cs *Spans) Paint(line string, l, current int, look Look) string {
	return PaintLine(line, l, cs, current, nil, look)
}

// PaintLine is line l of a rendered chunk, line, with what shows on it
// painted: the hits of a search (spans, nil for none; hit current as the
// current one) and the ranges placed on the chunk (marks, nil for none).
// Where two overlap, the kind that takes precedence is painted.
func PaintLine(line string, l int, spans *Spans, current int, marks *Marks, look Look) string {
	var hits, ranges []seg
	if spans != nil {
		hits = spans.lines[l]
	}
	if marks != nil {
		ranges = marks.lines[l]
	}
	switch {
	case len(ranges) == 0:
		return paintLine(line, hits, current, look)
	case len(hits) == 0:
		return paintLine(line, ranges, current, look)
	}
	all := make([]seg, 0, len(hits)+len(ranges))
	for _, s := range hits {
		if s.first <= current && current <= s.last {
			s.kind = CurrentHit
		}
		all = append(all, s)
	}
	return paintLine(line, flatten(append(all, ranges...)), -1, look)
}

// blockRange is the lines a block of a rendered chunk takes, from to just
// past to, and the column its text begins at on the first.
type blockRange struct {
	block         int // index in the document's Blocks
	from, to, col int
}

// blockRanges lists the lines each block of chunk c takes in its
// rendering rc.
func blockRanges(rc *Chunk, c corpus.Chunk) []blockRange {
	out := make([]blockRange, 0, c.Last-c.First)
	for b := c.First; b < c.Last; b++ {
		from, to := rc.BlockSpan(b - c.First)
		out = append(out, blockRange{block: b, from: from, to: to, col: rc.BlockCols[b-c.First]})
	}
	return out
}

// FindSpans places the hits of res in rc, chunk c of document doc
// rendered (doc's index in the library: docIndex).
func FindSpans(res *corpus.Results, doc *corpus.Document, docIndex int, rc *Chunk, c corpus.Chunk) *Spans {
	cs := &Spans{res: res, lines: map[int][]seg{}, hits: map[int]int{}}
	if res.PerDoc[docIndex] == 0 {
		return cs
	}
	for _, b := range blockRanges(rc, c) {
		blk := doc.Blocks[b.block]
		from, to := doc.PlainOffset(blk.Start), doc.PlainOffset(blk.End)
		first, end := res.Within(docIndex, from, to)
		if first == end {
			continue
		}
		pos := alignBlock(doc.PlainRange(from, to), blockText(rc.Lines, b.from, b.to, b.col))
		for i := first; i < end; i++ {
			h := res.Hit(i)
			cs.addHit(i, pos[max(h.Start-from, 0):min(h.End-from, len(pos))])
		}
	}
	for l, segs := range cs.lines {
		cs.lines[l] = mergeSegs(segs)
	}
	return cs
}

// addHit paints hit i on the cells of its characters, a run per line.
func (cs *Spans) addHit(i int, cells []cellAt) {
	cur := seg{from: -1, first: i, last: i}
	line := int32(-1)
	flush := func() {
		if cur.from < 0 {
			return
		}
		cs.lines[int(line)] = append(cs.lines[int(line)], cur)
		if _, ok := cs.hits[i]; !ok {
			cs.hits[i] = int(line)
		}
	}
	for _, at := range cells {
		if at == nowhere {
			continue
		}
		if at.line != line {
			flush()
			line = at.line
			cur = seg{from: int(at.col), to: int(at.col) + 1, first: i, last: i}
			continue
		}
		cur.from = min(cur.from, int(at.col))
		cur.to = max(cur.to, int(at.col)+1)
	}
	flush()
}

// mergeSegs sorts a line's runs and joins those that overlap.
func mergeSegs(segs []seg) []seg {
	slices.SortFunc(segs, func(a, b seg) int { return a.from - b.from })
	out := segs[:0]
	for _, s := range segs {
		if n := len(out); n > 0 && s.from < out[n-1].to {
			out[n-1].to = max(out[n-1].to, s.to)
			out[n-1].first = min(out[n-1].first, s.first)
			out[n-1].last = max(out[n-1].last, s.last)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Look is how each kind of range is painted: the SGR sequence that starts
// it.
type Look struct {
	sgr [kinds]string
}

// NewLook takes the escape sequences that begin a match and the current
// match from their styles. A style that writes none (no colour and no
// attribute) would paint nothing, so underline and reverse stand in.
// Other kinds are painted as matches until With gives them a look.
func NewLook(match, current lipgloss.Style) Look {
	var look Look
	look = look.With(Hit, match, "\x1b[4m").With(CurrentHit, current, "\x1b[7m")
	for k := range look.sgr {
		if look.sgr[k] == "" {
			look.sgr[k] = look.sgr[Hit]
		}
	}
	return look
}

// With is look with kind k painted in st, or, if st writes no escape
// sequence (no colour and no attribute), with stand, an SGR sequence.
func (look Look) With(k Kind, st lipgloss.Style, stand string) Look {
	look.sgr[k] = sgrOf(st)
	if look.sgr[k] == "" {
		look.sgr[k] = stand
	}
	return look
}

// sgrOf is what a style writes before the text it styles.
func sgrOf(st lipgloss.Style) string {
	out := st.Render("x")
	if i := strings.IndexByte(out, 'x'); i > 0 {
		return out[:i]
	}
	return ""
}

// over are the kinds painted over the text's own styles, which go on
// under them (a highlight keeps a heading's colour and a word's italics,
// a name underlined keeps all of them); the others hold the text's styles
// back.
var over = [kinds]bool{Highlight: true, Name: true}

// paintLine paints segs over a rendered line. Inside a run the text's own
// styles are held back, so a match looks the same wherever it is, unless
// its kind is painted over them; after it they resume as they stood,
// tracked as the line goes.
func paintLine(line string, segs []seg, current int, look Look) string {
	if len(segs) == 0 {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + 24*len(segs))
	var style sgr // the text's style at this point of the line
	col, k := 0, 0
	inside := false
	kind := Hit // of the run inside
	end := func() {
		b.WriteString("\x1b[0m")
		if !style.isDefault() {
			b.WriteString(style.sequence())
		}
		inside = false
		k++
	}
	for i := 0; i < len(line); {
		if !inside && k < len(segs) && col >= segs[k].from {
			b.WriteString("\x1b[0m")
			kind = segs[k].kind
			if kind == Hit && segs[k].first <= current && current <= segs[k].last {
				kind = CurrentHit
			}
			if over[kind] && !style.isDefault() {
				b.WriteString(style.sequence())
			}
			b.WriteString(look.sgr[kind])
			inside = true
		}
		if line[i] == 0x1b {
			e := escapeEnd(line, i)
			seq := line[i:e]
			i = e
			if len(seq) > 2 && seq[1] == '[' && seq[len(seq)-1] == 'm' {
				style.apply(seq[2 : len(seq)-1])
				if inside && over[kind] {
					// The text's own style goes on under the look.
					b.WriteString(seq)
					b.WriteString(look.sgr[kind])
					continue
				}
				if inside {
					continue
				}
			}
			b.WriteString(seq)
			continue
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		b.WriteString(line[i : i+size])
		i += size
		col++
		if inside && col >= segs[k].to {
			end()
		}
	}
	if inside {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}
