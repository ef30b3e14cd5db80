package prep

import "fmt"

// MarkHeadings turns paragraphs into blocks, making headings of the
// paragraphs the recipe's headings match. The headings are found in order:
// each is looked for after the one before it, so a title that also occurs
// in the text (a chapter-local contents list, a cross-reference) is taken
// only where the structure puts it. A heading that cannot be found is an
// error naming it.
func MarkHeadings(paras []string, headings []Heading) ([]Block, error) {
	blocks := make([]Block, 0, len(paras)+len(headings))
	h := 0
	for _, p := range paras {
		for h < len(headings) && headings[h].Match.MatchString(p) {
			hd := headings[h]
			h++
			blocks = append(blocks, Block{Kind: HeadingBlock, Level: hd.Level, Anchor: hd.Anchor, Text: hd.Title})
			if !hd.Insert {
				p = ""
				break
			}
		}
		if p != "" {
			blocks = append(blocks, Block{Kind: Para, Text: p})
		}
	}
	if h < len(headings) {
		return nil, fmt.Errorf("heading %q not found: nothing matches %q after %q",
			headings[h].Title, headings[h].Match, previousTitle(headings, h))
	}
	return blocks, nil
}

func previousTitle(headings []Heading, i int) string {
	if i == 0 {
		return "the start"
	}
	return headings[i-1].Title
}
