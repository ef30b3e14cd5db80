package prep

import (
	"fmt"
	"strings"
)

// QuoteRun is a block quotation that a scan lost the indent of: the start
// of the paragraph it begins with and how many paragraphs it holds (a
// quoted letter's salutation, body and signature are several).
type QuoteRun struct {
	Start      string
	Paragraphs int
}

// MarkQuotes makes quotations of the paragraphs of each run. Each run's
// first paragraph must be the one paragraph that begins with its Start,
// and be followed by the rest of the run's paragraphs, so that a run can
// neither miss nor spread.
func MarkQuotes(blocks []Block, runs []QuoteRun) ([]Block, error) {
	out := append([]Block(nil), blocks...)
	for _, r := range runs {
		at, err := onlyParagraph(out, "begins", func(text string) bool { return strings.HasPrefix(text, r.Start) })
		if err != nil {
			return nil, fmt.Errorf("quotation %q: %w", r.Start, err)
		}
		for i := at; i < at+r.Paragraphs; i++ {
			if i == len(out) || out[i].Kind != Para {
				return nil, fmt.Errorf("quotation %q: only %d of its %d paragraphs follow", r.Start, i-at, r.Paragraphs)
			}
			out[i].Kind = Quote
		}
	}
	return out, nil
}

// Quotation is a passage a work quotes in paragraphs of its own, which the
// edition sets as a block quotation: from the paragraph that begins with
// Start to the paragraph that ends with End, most often the quotation's
// reference ("(LCW, Vol. 25, p. 468.)"). A quotation of one paragraph
// begins and ends in it.
type Quotation struct {
	Start, End string
}

// maxQuotation is the most paragraphs a Quotation may hold: the longest
// the works quote, a dialogue of eight, with room to spare.
const maxQuotation = 12

// MarkQuotations makes block quotations of the paragraphs of each
// quotation. Start must begin one paragraph of the text and End end one,
// no more, and the paragraphs from the one to the other must all be
// paragraphs of the author's text, so that a quotation can neither miss
// nor spread: a heading, a list, a note or another quotation cannot fall
// inside it.
func MarkQuotations(blocks []Block, qs []Quotation) ([]Block, error) {
	out := append([]Block(nil), blocks...)
	for _, q := range qs {
		first, err := onlyParagraph(out, "begins", func(text string) bool { return strings.HasPrefix(text, q.Start) })
		if err != nil {
			return nil, fmt.Errorf("quotation %q: %w", q.Start, err)
		}
		last, err := onlyParagraph(out, "ends", func(text string) bool { return strings.HasSuffix(text, q.End) })
		if err != nil {
			return nil, fmt.Errorf("quotation %q: its end %q: %w", q.Start, q.End, err)
		}
		switch {
		case last < first:
			return nil, fmt.Errorf("quotation %q: its end %q comes before it", q.Start, q.End)
		case last-first >= maxQuotation:
			return nil, fmt.Errorf("quotation %q: %d paragraphs to its end %q, more than %d", q.Start, last-first+1, q.End, maxQuotation)
		}
		for i := first; i <= last; i++ {
			if out[i].Kind != Para || isNote(out[i].Text) {
				return nil, fmt.Errorf("quotation %q: a block that is not a paragraph of the text falls inside it: %.40q", q.Start, out[i].Text)
			}
		}
		for i := first; i <= last; i++ {
			out[i].Kind = Quote
		}
	}
	return out, nil
}

// onlyParagraph is the index of the one paragraph of which is holds, read
// without the page anchors it begins with; verb says, in an error, what
// is looks for ("begins", "ends").
func onlyParagraph(blocks []Block, verb string, is func(text string) bool) (int, error) {
	at := -1
	for i, b := range blocks {
		if b.Kind != Para || !is(bare(b.Text)) {
			continue
		}
		if at >= 0 {
			return -1, fmt.Errorf("more than one paragraph %s so", verb)
		}
		at = i
	}
	if at < 0 {
		return -1, fmt.Errorf("no paragraph %s so", verb)
	}
	return at, nil
}

// isNote reports whether a paragraph is a note's.
func isNote(text string) bool { return noteLabelRE.MatchString(text) }

// MarkEditorNotes makes editor's notes of the paragraphs that begin with
// each of starts: what an editor wrote to introduce a part of a work,
// which the edition sets apart from the author's text. Each start must
// begin one paragraph, no more.
func MarkEditorNotes(blocks []Block, starts []string) ([]Block, error) {
	return markParagraphs(blocks, starts, EditorNote, "editor's note")
}
