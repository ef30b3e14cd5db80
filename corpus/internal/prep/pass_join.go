package prep

import (
	"fmt"
	"strings"
)

// NoteBreak separates the paragraphs of a note of more than one in its
// block's Text. Emit writes the paragraphs after the first indented, as
// Markdown continues a footnote.
const NoteBreak = "\n\n"

// JoinParagraph joins the paragraph that begins with next to the one
// before it, which must begin with first: a paragraph that a break in the
// source cut in two.
func JoinParagraph(paras []string, first, next string) ([]string, error) {
	return joinAfter(paras, first, next, " ")
}

// ContinueNote makes the paragraph that begins with next a further
// paragraph of the note before it, which must begin with first.
func ContinueNote(paras []string, first, next string) ([]string, error) {
	return joinAfter(paras, first, next, NoteBreak)
}

func joinAfter(paras []string, first, next, sep string) ([]string, error) {
	for i := 1; i < len(paras); i++ {
		if strings.HasPrefix(bare(paras[i]), next) && strings.HasPrefix(bare(paras[i-1]), first) {
			out := append([]string(nil), paras[:i-1]...)
			out = append(out, paras[i-1]+sep+paras[i])
			return append(out, paras[i+1:]...), nil
		}
	}
	return nil, fmt.Errorf("no paragraph beginning %q follows one beginning %q", next, first)
}
