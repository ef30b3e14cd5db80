package corpus

import (
	"strings"
	"unicode/utf8"
)

// FoldedText is a short text that is not the library's, such as a note
// the reader wrote, folded once to be searched as the library is.
type FoldedText struct {
	src string
	di  *docIndex // its text and marks; no blooms, no document
}

// FoldText folds s for Find.
func FoldText(s string) FoldedText {
	f := folder{lower: true, keep: true, out: make([]byte, 0, len(s))}
	f.fold(s, 0)
	return FoldedText{src: s, di: &docIndex{text: string(f.out), marks: f.marks}}
}

// TextQuery is a query folded once, to be found in many texts.
type TextQuery struct {
	pat, cased string
}

// FoldQuery folds query for FoldedText.Find.
func FoldQuery(query string) TextQuery {
	q := TextQuery{pat: foldQuery(query)}
	if hasUpper(query) {
		q.cased = strings.TrimLeft(Fold(query, false), " ")
	}
	return q
}

// Find is where the first match of q is in the text, found as
// Index.Search finds one in a document (folded, and cased where the query
// has a capital): its byte range in the text as it was given.
func (t FoldedText) Find(q TextQuery) (start, end int, ok bool) {
	if t.di == nil || strings.TrimSpace(q.pat) == "" {
		return 0, 0, false
	}
	text := t.di.text
	for off := 0; off < len(text); {
		j := strings.Index(text[off:], q.pat)
		if j < 0 {
			return 0, 0, false
		}
		at := off + j
		from, to := t.di.srcStart(at), t.srcEnd(at+len(q.pat))
		if q.cased == "" || strings.HasPrefix(strings.TrimLeft(Fold(t.src[from:to], false), " "), q.cased) {
			return from, to, true
		}
		off = at + 1
	}
	return 0, 0, false
}

// srcEnd maps the end of a folded match to the end of the source
// character holding its last byte.
func (t FoldedText) srcEnd(end int) int {
	if end <= 0 {
		return 0
	}
	last := t.di.srcStart(end - 1)
	_, n := utf8.DecodeRuneInString(t.src[last:])
	return min(last+max(n, 1), len(t.src))
}

// TextSnippet is the text around [start, end) of text on one line, as
// Library.Snippet gives a hit's: up to width characters in all, the
// match in the middle where it fits, within its paragraph.
func TextSnippet(text string, start, end, width int) (before, match, after string) {
	if i := strings.LastIndex(text[:start], "\n\n"); i >= 0 {
		text, start, end = text[i+2:], start-i-2, end-i-2
	}
	if i := strings.Index(text[end:], "\n\n"); i >= 0 {
		text = text[:end+i]
	}
	match = oneLine(text[start:end])
	room := max(width-utf8.RuneCountInString(match), 0)
	before = lastRunes(oneLine(text[:start]), room/3)
	after = firstRunes(oneLine(text[end:]), room-utf8.RuneCountInString(before))
	return before, match, after
}
