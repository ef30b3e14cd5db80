package prep

import "fmt"

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
		at := -1
		for i, b := range out {
			if b.Kind == Para && indexOfStart(bare(b.Text), []string{r.Start}) == 0 {
				if at >= 0 {
					return nil, fmt.Errorf("quotation %q: more than one paragraph begins so", r.Start)
				}
				at = i
			}
		}
		if at < 0 {
			return nil, fmt.Errorf("quotation %q: no paragraph begins so", r.Start)
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
