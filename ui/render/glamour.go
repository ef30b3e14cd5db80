package render

import (
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
)

// GlamourStyle is the style glamour sets the text in, for a dark or light
// terminal, or without colour: a book's. Headings have no hashes: a part
// or chapter is bold (the pane centres it and rules it off), a section
// bold, a subsection italic (both centred too), anything smaller bold
// italic.
// A quotation is set off by a thin bar, a list by bullets; emphasis is
// italic, strong emphasis bold. Code and tables keep glamour's own style.
// Without colour, weight, slant and indent carry it all.
func GlamourStyle(dark, color bool) gansi.StyleConfig {
	base, text, heading, quiet := styles.DarkStyleConfig, "252", "255", "246"
	if !dark {
		base, text, heading, quiet = styles.LightStyleConfig, "234", "232", "242"
	}
	colour := func(c string) *string {
		if !color {
			return nil
		}
		return &c
	}
	if !color {
		base = styles.NoTTYStyleConfig
	}
	yes, no := true, false
	zero, one, two := uint(0), uint(1), uint(2)
	bar := "  │ "
	s := base
	s.Document = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Color: colour(text)}, Margin: &zero}
	s.Paragraph = gansi.StyleBlock{}
	s.BlockQuote = gansi.StyleBlock{Indent: &one, IndentToken: &bar}
	s.List = gansi.StyleList{LevelIndent: 2}
	s.Item = gansi.StylePrimitive{BlockPrefix: "• "}
	s.Enumeration = gansi.StylePrimitive{BlockPrefix: ". "}
	s.Heading = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{BlockSuffix: "\n", Color: colour(heading), Bold: &yes}}
	s.H1 = gansi.StyleBlock{}
	s.H2 = gansi.StyleBlock{}
	s.H3 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Bold: &no, Italic: &yes}}
	s.H4 = gansi.StyleBlock{StylePrimitive: gansi.StylePrimitive{Italic: &yes}}
	s.H5 = s.H4
	s.H6 = s.H4
	s.Text = gansi.StylePrimitive{}
	s.Emph = gansi.StylePrimitive{Italic: &yes}
	s.Strong = gansi.StylePrimitive{Bold: &yes}
	s.Strikethrough = gansi.StylePrimitive{CrossedOut: &yes}
	s.HorizontalRule = gansi.StylePrimitive{Color: colour(quiet), Format: "\n────────\n"}
	s.Link = gansi.StylePrimitive{Color: colour(quiet), Underline: &yes}
	s.LinkText = gansi.StylePrimitive{Underline: &yes}
	s.CodeBlock.Margin = &two
	return s
}
