package render

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// markdown parses as glamour does, to find what a reader's own file's
// lines mean.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))

// joinSoftBreaks joins the lines of every paragraph of src (and of every
// list item's text) into one, as
// a paragraph is read: the line break, and the indent or quotation marker
// that begins the next line, become a space. A hard break (two spaces or a
// backslash at the end of a line) stays. The pane lays out each line
// glamour renders as a whole, so a paragraph wrapped by hand in its file
// is wrapped anew at the measure. It also says whether src holds a table.
func joinSoftBreaks(src string) (string, bool) {
	b := []byte(src)
	type cut struct{ from, to int }
	var cuts []cut
	table := false
	_ = ast.Walk(markdown.Parser().Parse(text.NewReader(b)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case extast.KindTable:
			table = true
		case ast.KindParagraph, ast.KindTextBlock:
			lines := n.Lines()
			for k := 0; k+1 < lines.Len(); k++ {
				start, end := lines.At(k).Start, lines.At(k).Stop
				for end > start && (b[end-1] == '\n' || b[end-1] == '\r') {
					end--
				}
				if line := b[start:end]; bytes.HasSuffix(line, []byte("  ")) || bytes.HasSuffix(line, []byte(`\`)) {
					continue
				}
				for end > start && (b[end-1] == ' ' || b[end-1] == '\t') {
					end--
				}
				cuts = append(cuts, cut{end, lines.At(k + 1).Start})
			}
		}
		return ast.WalkContinue, nil
	})
	if len(cuts) == 0 {
		return src, table
	}
	var out strings.Builder
	out.Grow(len(src))
	pos := 0
	for _, c := range cuts {
		out.Write(b[pos:c.from])
		out.WriteByte(' ')
		pos = c.to
	}
	out.Write(b[pos:])
	return out.String(), table
}
