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
