package prep

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"samizdat/corpus"
)

// The tests in this file read the edition as Markdown parsers do and fail
// on any block that would read as something it is not: text after a page
// anchor read as a list, a heading, a quotation or code; a sentence read
// as a list item; a character of the text read as markup.

// mdBlock is a block of a document as the edition means it to be read.
type mdBlock struct {
	kind   ast.NodeKind // ast.KindHeading, KindList (one item), KindBlockquote, KindParagraph or east.KindFootnote
	level  int          // a heading's level
	paras  int          // a note's paragraphs
	italic bool         // an editor's note
	text   string
}

// meant reads the blocks of Markdown text as the edition writes them:
// blocks separated by blank lines; "#" a heading, "- " a list item, "> "
// a quotation, "*…*" an editor's note, "[^n]: " a note, and a block
// indented four spaces after a note a further paragraph of it.
func meant(blocks []string) []mdBlock {
	var out []mdBlock
	for _, b := range blocks {
		m := mdBlock{kind: ast.KindParagraph, text: b}
		switch {
		case strings.HasPrefix(b, "    ") && len(out) > 0 && out[len(out)-1].kind == east.KindFootnote:
			out[len(out)-1].paras++
			continue
		case strings.HasPrefix(b, "#"):
			m.kind, m.level = ast.KindHeading, len(b)-len(strings.TrimLeft(b, "#"))
		case strings.HasPrefix(b, "- "):
			m.kind = ast.KindList
		case strings.HasPrefix(b, "> "):
			m.kind = ast.KindBlockquote
		case noteLabelRE.MatchString(b):
			m.kind, m.paras = east.KindFootnote, 1
		case strings.HasPrefix(b, "*"):
			m.italic = true
		}
		out = append(out, m)
	}
	return out
}

// readAs checks that the document parsed from src is the blocks want, in
// order, and that no text in them reads as markup. A parser with
// footnotes gathers the notes into one list where the first stands; they
// are read there, in their own order.
func readAs(doc ast.Node, src []byte, want []mdBlock) []string {
	var errs []string
	var text, notes []mdBlock
	for _, w := range want {
		if w.kind == east.KindFootnote {
			notes = append(notes, w)
		} else {
			text = append(text, w)
		}
	}
	next := func(kind ast.NodeKind, n ast.Node) (mdBlock, bool) {
		flow := &text
		if kind == east.KindFootnote {
			flow = &notes
		}
		if len(*flow) == 0 {
			errs = append(errs, fmt.Sprintf("%s after the last block: %.60q", kind, n.Lines().Value(src)))
			return mdBlock{}, false
		}
		w := (*flow)[0]
		*flow = (*flow)[1:]
		if w.kind != kind {
			errs = append(errs, fmt.Sprintf("reads as %s, not %s: %.60q", kind, w.kind, w.text))
			return w, false
		}
		return w, true
	}
	var read func(n ast.Node)
	read = func(n ast.Node) {
		switch n.Kind() {
		case east.KindFootnoteList:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				read(c)
			}
		case ast.KindList:
			if n.(*ast.List).IsOrdered() {
				errs = append(errs, fmt.Sprintf("reads as an ordered list: %.60q", n.FirstChild().FirstChild().Lines().Value(src)))
			}
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				if w, ok := next(ast.KindList, item); ok {
					errs = append(errs, inlineOnly(item, src, w, 1)...)
				}
			}
		case ast.KindHeading:
			if w, ok := next(ast.KindHeading, n); ok {
				if l := n.(*ast.Heading).Level; l != w.level {
					errs = append(errs, fmt.Sprintf("reads as a heading of level %d, not %d: %.60q", l, w.level, w.text))
				}
				errs = append(errs, inlines(n, src, w)...)
			}
		case ast.KindBlockquote:
			if w, ok := next(ast.KindBlockquote, n); ok {
				errs = append(errs, inlineOnly(n, src, w, 1)...)
			}
		case east.KindFootnote:
			if w, ok := next(east.KindFootnote, n); ok {
				errs = append(errs, inlineOnly(n, src, w, w.paras)...)
			}
		case ast.KindParagraph:
			if w, ok := next(ast.KindParagraph, n); ok {
				errs = append(errs, inlines(n, src, w)...)
			}
		default:
			next(n.Kind(), n)
		}
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		read(n)
	}
	for _, flow := range [][]mdBlock{text, notes} {
		if len(flow) > 0 {
			errs = append(errs, fmt.Sprintf("%d blocks, from %.60q, not read", len(flow), flow[0].text))
		}
	}
	return errs
}

// inlineOnly checks that a container holds paras paragraphs of text and
// nothing else.
func inlineOnly(n ast.Node, src []byte, w mdBlock, paras int) []string {
	var errs []string
	got := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindParagraph && c.Kind() != ast.KindTextBlock {
			errs = append(errs, fmt.Sprintf("holds %s: %.60q", c.Kind(), w.text))
			continue
		}
		got++
		errs = append(errs, inlines(c, src, w)...)
	}
	if got != paras {
		errs = append(errs, fmt.Sprintf("holds %d paragraphs, not %d: %.60q", got, paras, w.text))
	}
	return errs
}

// inlines checks that a block holds nothing but text, note markers and
// web addresses; an editor's note all of it in italics.
func inlines(n ast.Node, src []byte, w mdBlock) []string {
	if w.italic {
		if n.FirstChild() == nil || n.FirstChild() != n.LastChild() || n.FirstChild().Kind() != ast.KindEmphasis {
			return []string{fmt.Sprintf("an editor's note not wholly in italics: %.60q", w.text)}
		}
		n = n.FirstChild()
	}
	var errs []string
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		switch c.Kind() {
		case ast.KindText, ast.KindString, ast.KindAutoLink, east.KindFootnoteLink:
			return ast.WalkContinue, nil
		}
		errs = append(errs, fmt.Sprintf("text reads as %s in %.60q", c.Kind(), w.text))
		return ast.WalkSkipChildren, nil
	})
	return errs
}

// TestMarkdownReadsAsWritten parses every document as the reading pane
// does (its body, anchors and note labels taken out, with glamour's
// parser: GitHub's extensions and definition lists) and as a Markdown
// viewer does (the file, with footnotes), and fails on any block that does
// not read as what the edition means it to be.
func TestMarkdownReadsAsWritten(t *testing.T) {
	pane := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser()
	// The footnotes' parsers without their transformer, which would move
	// the notes to the end and drop those that share a label: Lenin's
	// Fight numbers its notes afresh in every part.
	viewer := parser.NewParser(
		parser.WithBlockParsers(append(parser.DefaultBlockParsers(), util.Prioritized(extension.NewFootnoteBlockParser(), 999))...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(), util.Prioritized(extension.NewFootnoteParser(), 101))...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	// A page anchor is a comment, which at the start of a line opens an
	// HTML block in a viewer; the reader takes the anchors out.
	anchors := regexp.MustCompile(`<!--page:[^>]*-->`)
	for id, data := range prepared(t) {
		d := corpus.Parse(id+".md", data)
		var body []string
		for _, b := range d.Blocks {
			body = append(body, d.Body[b.Start:b.End])
		}
		src := []byte(d.Body)
		for _, e := range readAs(pane.Parse(text.NewReader(src)), src, meant(body)) {
			t.Errorf("%s, in the pane: %s", id, e)
		}

		_, file, _ := strings.Cut(string(data), "\n---\n")
		file = anchors.ReplaceAllString(strings.TrimSpace(file), "")
		src = []byte(file)
		for _, e := range readAs(viewer.Parse(text.NewReader(src)), src, meant(strings.Split(file, "\n\n"))) {
			t.Errorf("%s.md: %s", id, e)
		}
	}
}
