package corpus

import (
	"strings"
	"unicode/utf8"
)

// A reader's own file may be built to cost a Markdown renderer far more
// than its size: glamour's work grows with the square of a word's length,
// with every line it pads to the width, and beyond all bounds with
// quotations and lists nested deeper than the width has room for. The
// guards here keep each block within what renders in a few tens of
// milliseconds, on the Markdown itself as it is loaded, so that the
// reading pane and `read` render the same bounded blocks: nesting is
// flattened, long words broken, and blocks cut in pieces. A document the
// guards changed says so in its warnings.

const (
	// maxBlock is the most bytes a block holds.
	maxBlock = 16 << 10
	// maxLines is the most lines a block holds.
	maxLines = 256
	// maxMarkup is the most characters of inline markup (brackets,
	// emphasis and code marks, angle brackets...) a block holds.
	maxMarkup = 1500
	// maxWord is the longest run of bytes without a space in a block
	// other than code.
	maxWord = 1000
	// maxCodeLine is the longest line of code.
	maxCodeLine = 4 << 10
	// maxHeading is the longest heading title.
	maxHeading = 1000
	// maxDepth is how many quotations and lists may hold one another.
	maxDepth = 8
)

// repairs records what the guards changed in a document.
type repairs struct {
	nesting, words, blocks, code bool
}

func (r *repairs) warnings() []string {
	var w []string
	if r.nesting {
		w = append(w, "quotations and lists nested more than 8 deep shown less deep")
	}
	if r.words {
		w = append(w, "words of more than 1000 characters broken")
	}
	if r.blocks {
		w = append(w, "blocks too large to lay out at once cut in pieces")
	}
	if r.code {
		w = append(w, "long code blocks cut in pieces")
	}
	return w
}

// guardText yields the pieces of a block that is not code and not a
// heading (a paragraph, a list, a quotation, a table), each within the
// limits: every line nested at most maxDepth deep, no word longer than
// maxWord, and at most maxBlock bytes, maxLines lines and maxMarkup
// characters of markup to a piece.
func guardText(block string, rep *repairs, yield func(string) bool) bool {
	if nested := guardLines(block); nested != block {
		block = nested
		rep.nesting = true
	}
	if broken := breakWords(block); broken != block {
		block = broken
		rep.words = true
	}
	code := indentOf(block) >= 4 // an indented code block keeps its indentation when cut
	for piece := 0; block != ""; piece++ {
		cut := blockCut(block)
		if cut == 0 {
			cut = len(block)
		} else {
			rep.blocks = true
		}
		text := block[:cut]
		if piece > 0 {
			// The words after a cut begin a line of their own, which may
			// now open quotations and lists.
			first, _, _ := strings.Cut(text, "\n")
			if flat := flattenLine(first); flat != first {
				text = breakWords(flat) + text[len(first):]
				rep.nesting = true
			}
		}
		if !yield(text) {
			return false
		}
		block = strings.TrimLeft(block[cut:], "\n")
		if !code {
			block = strings.TrimLeft(block, " \n")
		}
	}
	return true
}

// cutRoom is what blockCut leaves of the limits for the escape and the
// breaks that flattening the first line of the next piece may add.
const cutRoom = 32

// blockCut is where a block must be cut to stay within maxBlock bytes,
// maxLines lines and maxMarkup characters of markup: at the last line end
// before the limit, else the last space, else a character boundary; or 0 if
// it may stay whole.
func blockCut(block string) int {
	limit := min(len(block), maxBlock-cutRoom)
	lines, markup := 0, 0
scan:
	for i := 0; i < limit; i++ {
		switch {
		case block[i] == '\n':
			if lines++; lines == maxLines {
				limit = i
				break scan
			}
		case isMarkup(block[i]):
			if markup++; markup > maxMarkup-cutRoom {
				limit = i
				break scan
			}
		}
	}
	if limit == len(block) {
		return 0
	}
	if i := strings.LastIndexByte(block[:limit], '\n'); i > limit/2 {
		return i
	}
	if i := strings.LastIndexByte(block[:limit], ' '); i > limit/2 {
		return i
	}
	return runeStart(block, limit)
}

func isMarkup(c byte) bool {
	switch c {
	case '[', ']', '*', '_', '`', '<', '>', '!', '|', '~', '\\', '&':
		return true
	}
	return false
}

// runeStart is the start of the character that holds byte i of s.
func runeStart(s string, i int) int {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// breakWords puts a space into every run of more than maxWord bytes
// without one, at a character boundary, so that no word is longer.
func breakWords(block string) string {
	var b strings.Builder
	last, run := 0, 0 // run: bytes since the last space
	for i := 0; i < len(block); i++ {
		if c := block[i]; c == ' ' || c == '\n' || c == '\t' {
			run = 0
			continue
		}
		if run++; run <= maxWord {
			continue
		}
		cut := runeStart(block, i)
		if cut > 0 && block[cut-1] == '\\' {
			cut-- // an escape stays with what it escapes
		}
		if cut <= last {
			continue // nowhere to break yet
		}
		if b.Len() == 0 {
			b.Grow(len(block) + len(block)/maxWord + 1)
		}
		b.WriteString(block[last:cut])
		b.WriteByte(' ')
		last = cut
		run = i - cut + 1
	}
	if last == 0 {
		return block
	}
	b.WriteString(block[last:])
	return b.String()
}

// guardLines flattens every line of block that opens more than maxDepth
// quotations and lists.
func guardLines(block string) string {
	var b strings.Builder
	changed := false
	for start := 0; start < len(block); {
		end := strings.IndexByte(block[start:], '\n')
		if end < 0 {
			end = len(block)
		} else {
			end += start
		}
		line := block[start:end]
		if flat := flattenLine(line); flat != line || changed {
			if !changed {
				b.Grow(len(block))
				b.WriteString(block[:start])
				changed = true
			}
			b.WriteString(flat)
			if end < len(block) {
				b.WriteByte('\n')
			}
		}
		start = end + 1
	}
	if !changed {
		return block
	}
	return b.String()
}

// leadItem is an element of the run a line begins with: a marker of a
// quotation (">") or a list item ("-", "1."), or a run of white space.
type leadItem struct {
	marker string // "" for white space
	anchor string // a page anchor, which takes no room: Body leaves it out
	bytes  int    // of white space
	width  int    // columns of white space
	needed int    // of them, the one a marker needs after it
}

// flattenLine returns line opening at most maxDepth quotations and lists.
// A line's nesting is at most the number of markers it begins with plus
// half its white space before the text (a nested list item is indented at
// least two columns more than its list), not counting the space a marker
// needs. A line over the limit loses the white space beyond it, and the
// marker that would go deeper is escaped, so that it and what follows it
// read as text.
func flattenLine(line string) string {
	if line == "" || !strings.ContainsRune(" \t>-+*0123456789<", rune(line[0])) || isThematicBreak(line) {
		return line
	}
	var items []leadItem
	markers, space := 0, 0 // markers, and columns of white space that count
	col, i := 0, 0
	afterMarker := false
	for i < len(line) {
		if strings.HasPrefix(line[i:], pageOpen) {
			if end := strings.Index(line[i:], pageClose); end >= 0 {
				n := end + len(pageClose)
				items = append(items, leadItem{anchor: line[i : i+n]})
				i += n
				continue
			}
		}
		if c := line[i]; c == ' ' || c == '\t' {
			it := leadItem{}
			if afterMarker {
				it.needed = 1
			}
			afterMarker = false
			start := col
			for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
				if line[i] == '\t' {
					col += 4 - col%4
				} else {
					col++
				}
				it.bytes++
			}
			it.width = col - start
			space += it.width - it.needed
			items = append(items, it)
			continue
		}
		n := markerLen(line[i:])
		if n == 0 {
			break
		}
		items = append(items, leadItem{marker: line[i : i+n]})
		markers++
		col += n
		i += n
		afterMarker = true
	}
	if markers+space/2 <= maxDepth {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + 1)
	room := 2 * max(0, maxDepth-markers) // columns of white space that may stay
	kept := 0
	pos := 0 // where in line the item begins
	for _, it := range items {
		switch {
		case it.marker != "" && kept == maxDepth:
			// Escape its punctuation: "\>", "\-", "12\."
			n := len(it.marker)
			b.WriteString(it.marker[:n-1])
			b.WriteByte('\\')
			b.WriteString(line[pos+n-1:])
			return b.String()
		case it.marker != "":
			b.WriteString(it.marker)
			kept++
			pos += len(it.marker)
		case it.anchor != "":
			b.WriteString(it.anchor)
			pos += len(it.anchor)
		default:
			keep := min(it.width-it.needed, room)
			room -= keep
			b.WriteString(strings.Repeat(" ", it.needed+keep))
			pos += it.bytes
		}
	}
	b.WriteString(line[pos:])
	return b.String()
}

// markerLen is the length of the quotation or list marker s begins with:
// ">", a bullet ("-", "+", "*") or up to nine digits and "." or ")" before
// white space or the end; 0 if there is none.
func markerLen(s string) int {
	n := 0
	switch {
	case s[0] == '>':
		return 1
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	default:
		for n < len(s) && n < 10 && isDigit(s[n]) {
			n++
		}
		if n == 0 || n > 9 || n == len(s) || s[n] != '.' && s[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// isThematicBreak says whether line is a rule: three or more of one of
// "-", "*" and "_", and nothing else but white space.
func isThematicBreak(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if t == "" || !strings.ContainsRune("-*_", rune(t[0])) {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case t[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// indentOf is the columns of white space s begins with.
func indentOf(s string) int {
	col := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col
		}
	}
	return col
}

// guardFence yields the pieces of a fenced code block: each at most
// maxLines lines, maxBlock bytes and maxCodeLine bytes to a line, with the
// block's fences around it. A block within the limits is yielded as it
// was; an unclosed one's pieces are closed.
func guardFence(block string, rep *repairs, yield func(string) bool) bool {
	open, body, _ := strings.Cut(block, "\n")
	if i := strings.LastIndexByte(body, '\n'); i >= 0 && strings.HasPrefix(strings.TrimLeft(body[i+1:], " "), fenceOf(open)) {
		body = body[:i] // the closing fence
	} else if strings.HasPrefix(strings.TrimLeft(body, " "), fenceOf(open)) {
		body = "" // closed at once
	}
	if strings.Count(body, "\n") < maxLines && len(body) <= maxBlock && longestLine(body) <= maxCodeLine {
		return yield(block)
	}
	rep.code = true
	fence := fenceRun(open)
	var piece strings.Builder
	n := 0 // lines in piece
	flush := func() bool {
		s := open + "\n" + piece.String() + "\n" + fence
		piece.Reset()
		n = 0
		return yield(s)
	}
	for line := range strings.SplitSeq(body, "\n") {
		for {
			part := line
			if len(part) > maxCodeLine {
				part = part[:runeStart(line, maxCodeLine)]
			}
			if n == maxLines || n > 0 && piece.Len()+1+len(part) > maxBlock {
				if !flush() {
					return false
				}
			}
			if n > 0 {
				piece.WriteByte('\n')
			}
			piece.WriteString(part)
			n++
			if line = line[len(part):]; line == "" {
				break
			}
		}
	}
	return n == 0 || flush()
}

// fenceRun is the fence an opening fence line opens with, as its closing
// fence: "```", "~~~~".
func fenceRun(open string) string {
	t := strings.TrimLeft(open, " ")
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	return strings.Repeat(" ", len(open)-len(t)) + t[:n]
}

func longestLine(s string) int {
	longest := 0
	for line := range strings.SplitSeq(s, "\n") {
		longest = max(longest, len(line))
	}
	return longest
}

// guardHeading cuts a heading whose title is longer than maxHeading: the
// heading keeps the start of its title, and the rest follows it as a
// paragraph ("" if there is none).
func guardHeading(line string, level int, rep *repairs) (heading, rest string) {
	title := line[level+1:]
	if len(title) <= maxHeading {
		return line, ""
	}
	rep.blocks = true
	cut := strings.LastIndexByte(title[:maxHeading], ' ')
	if cut < maxHeading/2 {
		cut = runeStart(title, maxHeading)
	}
	return line[:level+1] + strings.TrimRight(title[:cut], " "), strings.TrimLeft(title[cut:], " ")
}
