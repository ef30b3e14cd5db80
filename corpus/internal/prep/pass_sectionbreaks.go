package prep

import (
	"fmt"
	"regexp"
)

// SectionBreak is the line MarkSectionBreaks puts where a source breaks
// sections by a wider gap of blank lines than it puts between paragraphs.
// The paragraph passes keep it as a paragraph of its own, and a recipe's
// heading for the section that follows (a section whose title was lost)
// matches it with SectionBreakRE, so the heading takes its place. It holds
// a NUL, which no source text does.
const SectionBreak = "\x00section break\x00"

// SectionBreakRE matches the SectionBreak paragraph, for a Heading's Match.
var SectionBreakRE = regexp.MustCompile(`^` + regexp.QuoteMeta(SectionBreak) + `$`)

// MarkSectionBreaks replaces every run of at least gap empty lines with a
// SectionBreak line set off by empty lines. A gap at the very start or end
// of lines breaks nothing and is left as it is.
func MarkSectionBreaks(lines []string, gap int) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		if lines[i] != "" {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j] == "" {
			j++
		}
		if j-i >= gap && i > 0 && j < len(lines) {
			out = append(out, "", SectionBreak, "")
		} else {
			out = append(out, lines[i:j]...)
		}
		i = j
	}
	return out
}

// CheckSectionBreaks fails on a section break that no heading of the
// recipe took: the recipe and the source disagree on the sections.
func CheckSectionBreaks(blocks []Block) error {
	after := "the start"
	for _, b := range blocks {
		if b.Text == SectionBreak {
			return fmt.Errorf("a section break after %q has no heading in the recipe", after)
		}
		if b.Kind == HeadingBlock {
			after = b.Text
		}
	}
	return nil
}
