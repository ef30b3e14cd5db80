package corpus

import (
	"sort"
	"strings"
	"unicode"
)

// span is a run of n bytes that Plain, from offset plain, shares with Body,
// from offset body.
type span struct {
	plain, body, n int
}

// addPlain appends the plain text of a block's Markdown text, which starts
// at byte bodyOff of Body, taking out backslash escapes.
func (d *Document) addPlain(plain *strings.Builder, text string, bodyOff int) {
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
			d.addSpan(plain, text, bodyOff)
			return
		}
		d.addSpan(plain, text[:i], bodyOff)
		// Keep the escaped character, drop the backslash.
		d.addSpan(plain, text[i+1:i+2], bodyOff+i+1)
		text = text[i+2:]
		bodyOff += i + 2
	}
}

func (d *Document) addSpan(plain *strings.Builder, text string, bodyOff int) {
	if text == "" {
		return
	}
	if n := len(d.spans); n > 0 {
		last := &d.spans[n-1]
		if last.plain+last.n == plain.Len() && last.body+last.n == bodyOff {
			last.n += len(text)
			plain.WriteString(text)
			return
		}
	}
	d.spans = append(d.spans, span{plain: plain.Len(), body: bodyOff, n: len(text)})
	plain.WriteString(text)
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
// Plain; markup with no plain text maps to the text that follows it.
func (d *Document) PlainOffset(bodyOff int) int {
	i := sort.Search(len(d.spans), func(i int) bool { return d.spans[i].body+d.spans[i].n > bodyOff })
	if i == len(d.spans) {
		return len(d.Plain)
	}
	s := d.spans[i]
	if bodyOff < s.body {
		return s.plain
	}
	return s.plain + bodyOff - s.body
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
