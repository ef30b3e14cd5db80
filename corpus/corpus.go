// Package corpus owns the documents samizdat reads: the embedded edition
// of five works, or a folder of the reader's own, loaded from any fs.FS.
// For each document it knows the metadata, the Markdown body the reader
// renders, the outline, the printed pages, the notes and the plain text a
// search runs over, and it answers where a byte offset of the body falls:
// in which section, on which page.
//
// Nothing here draws on a terminal; the package imports no UI code.
package corpus

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed docs/*.md docs/people.json
var embedded embed.FS

// Meta is what a document's front matter says of it.
type Meta struct {
	ID         string `yaml:"id"`
	Title      string `yaml:"title"`
	Subtitle   string `yaml:"subtitle"`
	Short      string `yaml:"short"` // a short title for narrow places
	Author     string `yaml:"author"`
	Editor     string `yaml:"editor"`
	Translator string `yaml:"translator"`
	Year       string `yaml:"year"`
	Publisher  string `yaml:"publisher"`
	Source     string `yaml:"source"`
}

// oneLine keeps every field on one line: front matter may hold newlines
// that would break a title bar or a status line.
func (m Meta) oneLine() Meta {
	for _, f := range []*string{&m.ID, &m.Title, &m.Subtitle, &m.Short, &m.Author, &m.Editor,
		&m.Translator, &m.Year, &m.Publisher, &m.Source} {
		*f = SanitizeLine(strings.TrimSpace(*f))
	}
	return m
}

// ShortTitle is the short title, or the title where there is none.
func (m Meta) ShortTitle() string {
	if m.Short != "" {
		return m.Short
	}
	return m.Title
}

// Heading is one entry of a document's outline.
type Heading struct {
	Level  int    // 1 for the largest divisions of the work
	Title  string // as the reader sees it, without Markdown escapes
	Anchor string // unique within the document
	Offset int    // byte offset in Body where the heading's line begins
}

// Page is a printed page: where in Body it begins.
type Page struct {
	Label  string // the number printed on the page
	Offset int
}

// Note is a footnote or endnote and the markers that refer to it.
type Note struct {
	Label  string // "12"
	Refs   []int  // byte offsets in Body of the markers "[12]" that cite it
	Offset int    // byte offset in Body where the note's paragraph begins
	End    int    // byte offset in Body where it ends
}

// Block is a block of Body (a heading, paragraph, list item or quotation)
// with its byte range, the blank line after it excluded. Blocks are where a
// document may be cut into pieces that render alone.
type Block struct {
	Start, End int
}

// Document is one work of the library.
type Document struct {
	Meta
	// Path is the document's file name in the library's file system.
	Path string
	// Warnings say what was wrong with the file and how it is shown.
	Warnings []string
	// Size is the size of a folder's file, in bytes, as it was listed.
	Size int64
	// Body is the Markdown the reader renders: no front matter, no page
	// anchors, note markers written as "[12]".
	Body    string
	Outline []Heading
	Pages   []Page
	Notes   []Note
	Blocks  []Block
	// spans maps Plain to Body: each is a run of bytes the two share.
	spans    []span
	plainLen int
	// lazy reads the text of a folder's document when it is first
	// needed; nil for a document read whole.
	lazy *lazy
}

// Library is the ordered set of documents the reader shows.
type Library struct {
	Docs []*Document
	// peopleSrc reads the people index (people.go); nil where there is
	// none.
	peopleSrc *peopleSource
}

// Embedded loads the edition built into the program.
func Embedded() (*Library, error) {
	sub, err := fs.Sub(embedded, "docs")
	if err != nil {
		return nil, err
	}
	lib, err := load(sub, parseEdition)
	if err != nil {
		return nil, err
	}
	lib.peopleSrc = &peopleSource{fsys: sub}
	return lib, nil
}
