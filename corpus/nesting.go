package corpus

import "strings"

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
// read as text. A line without a marker opens nothing, and goes no deeper
// than the lines before it that did: however indented, it is left as it
// is.
func flattenLine(line string) string {
	if !mayNest(line) {
		return line
	}
	var items []leadItem
	markers, space := scanLead(line, &items)
	if markers == 0 || markers+space/2 <= maxDepth {
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

// nesting is how many quotations and lists line may open or continue, as
// flattenLine counts them.
func nesting(line string) int {
	if !mayNest(line) {
		return 0
	}
	markers, space := scanLead(line, nil)
	if markers == 0 {
		return 0
	}
	return markers + space/2
}

func mayNest(line string) bool {
	return line != "" && strings.IndexByte(" \t>-+*0123456789<", line[0]) >= 0 && !isThematicBreak(line)
}

// scanLead reads the run line begins with into items (unless nil), and
// counts its markers and the columns of its white space that count
// towards nesting.
func scanLead(line string, items *[]leadItem) (markers, space int) {
	add := func(it leadItem) {
		if items != nil {
			*items = append(*items, it)
		}
	}
	col, i := 0, 0
	afterMarker := false
	for i < len(line) {
		if strings.HasPrefix(line[i:], pageOpen) {
			if end := strings.Index(line[i:], pageClose); end >= 0 {
				n := end + len(pageClose)
				add(leadItem{anchor: line[i : i+n]})
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
			add(it)
			continue
		}
		n := markerLen(line[i:])
		if n == 0 {
			break
		}
		add(leadItem{marker: line[i : i+n]})
		markers++
		col += n
		i += n
		afterMarker = true
	}
	return markers, space
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
