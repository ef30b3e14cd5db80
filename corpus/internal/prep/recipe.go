// Package prep turns the raw source texts in corpus/sources into the
// structured Markdown edition in corpus/docs.
//
// Everything that differs between sources lives in a Recipe (one file per
// source, recipe_<id>.go): metadata, furniture patterns, the headings to
// find, hyphen exceptions. The cleaning passes shared by the recipes live in
// files of their own (pass_<name>.go), each with table tests. Prepare runs a
// recipe over its source and returns the bytes of the document; the output
// depends on nothing but the source and the recipe.
package prep

import (
	"fmt"
	"regexp"
)

// Meta is the front matter of a prepared document.
type Meta struct {
	ID         string
	Title      string
	Subtitle   string
	Short      string // short title for narrow places (status bar)
	Author     string
	Editor     string
	Translator string
	Year       string
	Publisher  string
	Source     string // where the raw text was taken from
}

// Heading is a heading a recipe expects to find in its source.
type Heading struct {
	// Match finds the paragraph that becomes this heading (or, with
	// Insert, the paragraph the heading goes before). MarkHeadings looks
	// for it after the previous heading of the recipe.
	Match *regexp.Regexp
	// Level is the Markdown heading level: 1 for the largest divisions
	// of the work (parts, or chapters where there are no parts), 2 and 3
	// below them.
	Level int
	// Title is the heading as the edition shows it, before Prepare sets
	// its quotation marks and dashes with the text's (see Typeset).
	Title string
	// Anchor, when set, overrides the anchor derived from Title.
	Anchor string
	// Insert places the heading before the paragraph Match finds, which
	// stays a paragraph: for a heading the source lost.
	Insert bool
}

// Recipe says how one raw source becomes one document.
type Recipe struct {
	Meta Meta
	// Source is the file name in corpus/sources.
	Source string
	// Build runs the recipe's passes over the raw source and returns the
	// blocks of the document body. It is code because the order of the
	// passes differs between sources; the data it works from stays in the
	// Recipe's other fields or beside it in the recipe's file.
	Build func(raw string) ([]Block, error)
	// Headings lists, in order, every heading the document must have.
	// Prepare fails if the built document lacks one.
	Headings []Heading

	// Start and End bound the work's own text in the raw source: the
	// first line Start matches is the first line of the work, the first
	// line after it that End matches is the first line after the work (nil:
	// to the end). Lines outside are site navigation, library stamps and
	// the like.
	Start, End *regexp.Regexp
	// Furniture matches whole raw lines that are not the work's text (page
	// heads and feet, banners, navigation). Build drops them; the tests
	// require that none survives and leave them out when counting the
	// words the edition must keep.
	Furniture []*regexp.Regexp
	// Omit removes from the raw lines between Start and End, before
	// Furniture is dropped, what else the edition leaves out on purpose: a
	// contents list the table of contents replaces, a passage the printing
	// repeated. Build calls it; the tests call it too, so that what it
	// removes is not counted as lost. Nil omits nothing.
	Omit func(lines []string) ([]string, error)
	// Continuations lists the starts of paragraphs that rightly begin in
	// lowercase after a paragraph without closing punctuation (a quotation
	// introduced by a colon-less line, a list), each with a reason in a
	// comment beside it. The tests accept no other such pair.
	Continuations []string
}

// BlockKind says what a block is.
type BlockKind int

const (
	Para BlockKind = iota
	HeadingBlock
	ListItem   // a bulleted list item
	Quote      // a block quotation
	EditorNote // an editor's note, set apart from the author's text
)

// Block is one block of the prepared document: a paragraph, a heading, a
// list item, a quotation or an editor's note, always a single line of
// text, but for a note of more than one paragraph, which holds them
// separated by NoteBreak.
//
// Text may hold two kinds of token besides the words of the work:
//   - a page anchor, PageToken(n), placed directly before the first word of
//     printed page n;
//   - a note marker "[^n]" where the source has note n, and, at the start
//     of a note's own paragraph, its label "[^n]: ".
type Block struct {
	Kind   BlockKind
	Level  int    // for headings
	Anchor string // for headings: an explicit anchor, if any
	Text   string
}

// PageToken is how a page anchor is written in a prepared document.
func PageToken(page string) string { return "<!--page:" + page + "-->" }

// Prepare runs r over raw and returns the document's Markdown. The
// edition's typography is set last, over every work alike, so that a
// recipe's data (its fixes, headings and quotations) reads as its source
// does.
func Prepare(r Recipe, raw string) ([]byte, error) {
	blocks, err := r.Build(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.Source, err)
	}
	if err := checkHeadings(r, blocks); err != nil {
		return nil, err
	}
	return Emit(typesetMeta(r.Meta), Typeset(blocks)), nil
}

// typesetMeta sets the titles and names of the front matter in the
// edition's typography, as its text is: a title is shown beside its
// headings, and quoted in citations.
func typesetMeta(m Meta) Meta {
	for _, f := range []*string{&m.Title, &m.Subtitle, &m.Short, &m.Author, &m.Editor, &m.Translator, &m.Publisher} {
		*f = TypesetText(*f)
	}
	return m
}

// checkHeadings requires every heading of the recipe, in order, among the
// built blocks.
func checkHeadings(r Recipe, blocks []Block) error {
	i := 0
	for _, b := range blocks {
		if i < len(r.Headings) && b.Kind == HeadingBlock && b.Text == r.Headings[i].Title {
			i++
		}
	}
	if i < len(r.Headings) {
		return fmt.Errorf("%s: heading %q not found (after %d of %d expected headings)",
			r.Source, r.Headings[i].Title, i, len(r.Headings))
	}
	return nil
}
