package corpus

import (
	"strings"
	"unicode/utf8"
)

// A reader's own file may be built to cost a Markdown renderer far more
// than its size: quotations and lists nested hundreds deep (each level is
// set in, and past the width the work has no bound), a word of a megabyte
// (glamour wraps a table's words in time that grows with the square of
// their length), thousands of links or list items in one block, a code
// block of a hundred thousand lines. The guards here keep each block
// within what lays out in a few tens of milliseconds, on the Markdown
// itself as it is loaded, so that the reading pane and `read` lay out the
// same bounded blocks: nesting is flattened, long words broken, and blocks
// cut in pieces. A document the guards changed says so in its warnings.

const (
	// maxBlock is the most bytes a block holds.
	maxBlock = 16 << 10
	// maxWord is the longest run of bytes without a space in a block
	// other than code.
	maxWord = 1000
	// maxCodeLines is the most lines of a code block, and maxCodeLine the
	// longest line.
	maxCodeLines = 256
	maxCodeLine  = 4 << 10
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
// maxWord, and at most maxBlock bytes and maxCost (cost.go) to a piece.
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
const (
	cutRoom     = 32
	cutRoomCost = 2 * (markupCost + lineCost + levelCost*maxDepth)
)

// blockCut is where a block must be cut to stay within maxBlock bytes and
// maxCost, or 0 if it may stay whole.
func blockCut(block string) int {
	limit := min(len(block), maxBlock-cutRoom)
	if n, _ := blockCost(block[:limit], maxCost-cutRoomCost); n < limit {
		limit = n
	}
	if limit == len(block) {
		return 0
	}
	return cutBefore(block, limit)
}

// cutBefore is where to cut s before byte limit: at the last line end,
// else the last space, in the second half; else a character boundary.
func cutBefore(s string, limit int) int {
	if i := strings.LastIndexByte(s[:limit], '\n'); i > limit/2 {
		return i
	}
	if i := strings.LastIndexByte(s[:limit], ' '); i > limit/2 {
		return i
	}
	return max(1, runeStart(s, limit))
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
		if kinds[block[i]] >= space {
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

// guardFence yields the pieces of a fenced code block: each at most
// maxCodeLines lines, maxBlock bytes and maxCodeLine bytes to a line, with the
// block's fences around it. A block within the limits is yielded as it
// was; an unclosed one's pieces are closed.
func guardFence(block string, rep *repairs, yield func(string) bool) bool {
	open, body, _ := strings.Cut(block, "\n")
	if i := strings.LastIndexByte(body, '\n'); i >= 0 && strings.HasPrefix(strings.TrimLeft(body[i+1:], " "), fenceOf(open)) {
		body = body[:i] // the closing fence
	} else if strings.HasPrefix(strings.TrimLeft(body, " "), fenceOf(open)) {
		body = "" // closed at once
	}
	if strings.Count(body, "\n") < maxCodeLines && len(body) <= maxBlock && longestLine(body) <= maxCodeLine {
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
			if n == maxCodeLines || n > 0 && piece.Len()+1+len(part) > maxBlock {
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

// guardHeading cuts a heading whose title is longer than maxHeading or
// costs more than a block may: the heading keeps the start of its title,
// and the rest follows it as a paragraph ("" if there is none).
func guardHeading(line string, level int, rep *repairs) (heading, rest string) {
	title := line[level+1:]
	limit := min(len(title), maxHeading)
	if n, _ := blockCost(title[:limit], maxCost-cutRoomCost); n < limit {
		limit = n
	}
	if limit == len(title) {
		return line, ""
	}
	rep.blocks = true
	cut := cutBefore(title, limit)
	return line[:level+1] + strings.TrimRight(title[:cut], " "), strings.TrimLeft(title[cut:], " ")
}
