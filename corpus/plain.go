package corpus

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a run of n bytes that Plain, from offset plain, shares with Body,
// from offset body.
type span struct {
	plain, body, n int
}

// addPlain appends the plain text of a block's Markdown text, which starts
// at byte bodyOff of Body, taking out backslash escapes.
func (d *Document) addPlain(text string, bodyOff int) {
	for {
		i := strings.IndexByte(text, '\\')
		for i >= 0 && (i+1 >= len(text) || !isASCIIPunct(text[i+1])) {
			j := strings.IndexByte(text[i+1:], '\\')
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			d.addSpan(text, bodyOff)
			return
		}
		d.addSpan(text[:i], bodyOff)
		// Keep the escaped character, drop the backslash.
		d.addSpan(text[i+1:i+2], bodyOff+i+1)
		text = text[i+2:]
		bodyOff += i + 2
	}
}

func (d *Document) addSpan(text string, bodyOff int) {
	if text == "" {
		return
	}
	if n := len(d.spans); n > 0 {
		last := &d.spans[n-1]
		if last.plain+last.n == d.plainLen && last.body+last.n == bodyOff {
			last.n += len(text)
			d.plainLen += len(text)
			return
		}
	}
	d.spans = append(d.spans, span{plain: d.plainLen, body: bodyOff, n: len(text)})
	d.plainLen += len(text)
}

// The plain text is not kept: every byte of it is a byte of Body (a span)
// or of the blank line between two blocks, so it is written out from Body
// when it is asked for, and a large library holds its text once.

// Plain is the text a reader sees, without Markdown: what a search runs
// over and what `read --plain` prints, blocks separated by blank lines.
// PlainOffset and BodyOffset map between its offsets and Body's.
func (d *Document) Plain() string { return d.PlainRange(0, d.plainLen) }

// PlainLen is the length of Plain.
func (d *Document) PlainLen() int { return d.plainLen }

// PlainRange is Plain()[from:to], written out from Body.
func (d *Document) PlainRange(from, to int) string {
	from, to = max(from, 0), min(to, d.plainLen)
	if from >= to {
		return ""
	}
	var b strings.Builder
	b.Grow(to - from)
	d.eachPlain(from, to, func(s string) { b.WriteString(s) })
	return b.String()
}

// eachPlain calls yield with the pieces of Plain()[from:to], in order.
func (d *Document) eachPlain(from, to int, yield func(string)) {
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].plain+d.spans[i].n > from })
	pos := from
	for ; pos < to && i < len(d.spans); i++ {
		s := d.spans[i]
		if s.plain > pos {
			// The blank line between two blocks.
			yieldNewlines(min(s.plain, to)-pos, yield)
			pos = min(s.plain, to)
		}
		if pos >= to {
			break
		}
		end := min(s.plain+s.n, to)
		yield(d.Body[s.body+pos-s.plain : s.body+end-s.plain])
		pos = end
	}
	if pos < to {
		yieldNewlines(to-pos, yield)
	}
}

// yieldNewlines yields n newlines: the separators between blocks, more
// than two where a block has no plain text (an empty heading).
func yieldNewlines(n int, yield func(string)) {
	const newlines = "\n\n\n\n\n\n\n\n"
	for ; n > len(newlines); n -= len(newlines) {
		yield(newlines)
	}
	yield(newlines[:n])
}

// runeLenAt is the length in bytes of the character at offset p of Plain.
func (d *Document) runeLenAt(p int) int {
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].plain+d.spans[i].n > p })
	if i == len(d.spans) || p < d.spans[i].plain {
		return 1 // a newline between blocks
	}
	s := d.spans[i]
	_, size := utf8.DecodeRuneInString(d.Body[s.body+p-s.plain : s.body+s.n])
	return size
}

// BodyOffset maps a byte offset of Plain to the offset of the same text in
// Body. An offset between spans (the break between two blocks) maps to the
// start of the next block.
func (d *Document) BodyOffset(plainOff int) int {
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].plain+d.spans[i].n > plainOff })
	if i == len(d.spans) {
		return len(d.Body)
	}
	s := d.spans[i]
	if plainOff < s.plain {
		return s.body
	}
	return s.body + plainOff - s.plain
}

// PlainOffset maps a byte offset of Body to the offset of the same text in
// Plain; markup with no plain text maps to the text that follows it, and
// the markup that closes a block (the mark that ends a paragraph in
// italics) to the block's end.
func (d *Document) PlainOffset(bodyOff int) int {
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].body+d.spans[i].n > bodyOff })
	if i < len(d.spans) && bodyOff >= d.spans[i].body {
		s := d.spans[i]
		return s.plain + bodyOff - s.body
	}
	// Markup, between span i-1 and span i: the closing mark of a block
	// whose text ends before it.
	if i > 0 && len(d.Blocks) > 0 {
		b := d.Blocks[d.BlockAt(bodyOff)]
		p := d.spans[i-1]
		if bodyOff < b.End && p.body >= b.Start && (i == len(d.spans) || d.spans[i].body >= b.End) {
			return p.plain + p.n
		}
	}
	if i == len(d.spans) {
		return d.plainLen
	}
	return d.spans[i].plain
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// unescape takes the backslashes out of Markdown backslash escapes.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
