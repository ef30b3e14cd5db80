package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"samizdat/corpus"
	"samizdat/state"
	"samizdat/ui"
	"samizdat/ui/render"
)

func (a *app) listCmd() *cobra.Command {
	var sources bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the documents of the library",
		Long: `List the documents of the library: number, id, title, author, year, length in
words, and how far you have read each, as the contents show it. With
--sources, say for each where its text comes from: author, translator,
editor, publisher and the copy it was prepared from.`,
		Example: `  samizdat list
  samizdat list | grep Trotsky
  samizdat list --sources`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.libraryForPrinting()
			if err != nil {
				return err
			}
			if sources {
				return a.printSources(lib)
			}
			saved := a.savedReadings()
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			for i, d := range lib.Docs {
				line := fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t", i+1, d.ID, d.Title, d.Author, d.Year)
				if err := a.load(d); err != nil {
					fmt.Fprintf(a.stderr, "samizdat: %v\n", err)
					line += "unreadable"
				} else {
					line += fmt.Sprintf("%d words", d.Words())
					if r, ok := saved[d.ID]; ok {
						line += fmt.Sprintf("\t%d%% read", int(r.ReadPercent(len(d.Body))))
					}
				}
				fmt.Fprintln(tw, line)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&sources, "sources", false, "say where each text comes from")
	return cmd
}

// savedReadings is what the state file holds of how far each document of
// the library was read, by id; nothing if there is no file, or it cannot
// be read whole (the reader says why, and deals with it: listing changes
// no file).
func (a *app) savedReadings() map[string]state.Reading {
	p, err := statePlace()
	if err != nil {
		return nil
	}
	lib, ok := state.File{Path: p.path, Key: a.libKey}.Read()
	if !ok {
		return nil
	}
	return lib.Readings
}

// printSources writes, for each document, what its front matter says of
// where the text comes from.
func (a *app) printSources(lib *corpus.Library) error {
	for i, d := range lib.Docs {
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		fmt.Fprintf(a.stdout, "%d  %s  %s\n", i+1, d.ID, d.Title)
		if a.load(d) != nil {
			continue // said on stderr
		}
		m := d.Meta
		for _, f := range [][2]string{{"author", m.Author}, {"translator", m.Translator}, {"editor", m.Editor},
			{"publisher", m.Publisher}, {"year", m.Year}, {"source", m.Source}} {
			if f[1] != "" {
				fmt.Fprintf(a.stdout, "   %-11s %s\n", f[0]+":", f[1])
			}
		}
	}
	if a.libKey == "embedded" {
		_, err := fmt.Fprintln(a.stdout, "\nThe texts keep the rights of their authors, translators and publishers;\n"+
			"SOURCES.md, in the release archive and in corpus/ of the source, says what is known of each.")
		return err
	}
	return nil
}

// tocJSON is one document of `toc --json`.
type tocJSON struct {
	ID       string        `json:"id"`
	Title    string        `json:"title"`
	Author   string        `json:"author"`
	Year     string        `json:"year"`
	Headings []headingJSON `json:"headings"`
}

type headingJSON struct {
	Level  int    `json:"level"`
	Title  string `json:"title"`
	Anchor string `json:"anchor"`
	Page   string `json:"page,omitempty"`
}

func (a *app) tocCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "toc [DOC]",
		Short: "Print the table of contents",
		Long: `Print the outline of one document, or of every document: each heading
with its anchor (for 'samizdat read DOC#ANCHOR') and, in a printed book,
the page it begins on.`,
		Example: `  samizdat toc
  samizdat toc lenins-fight
  samizdat toc --json | jq '.[0].headings[].title'`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: a.completeDocIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.libraryForPrinting()
			if err != nil {
				return err
			}
			docs := lib.Docs
			if len(args) == 1 {
				d, err := lib.Find(args[0])
				if err != nil {
					return err
				}
				docs = []*corpus.Document{d}
			}
			for _, d := range docs {
				if err := a.load(d); err != nil {
					return err
				}
			}
			if asJSON {
				return a.printTOCJSON(docs)
			}
			a.printTOC(docs)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) printTOC(docs []*corpus.Document) {
	for i, d := range docs {
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		fmt.Fprintf(a.stdout, "%s — %s\n", d.Title, byline(d.Meta))
		for _, h := range d.Outline {
			line := strings.Repeat("  ", h.Level) + h.Title
			if p, ok := d.PageAt(h.Offset); ok {
				line += "  p. " + p
			}
			fmt.Fprintf(a.stdout, "%s  #%s\n", line, h.Anchor)
		}
	}
}

func (a *app) printTOCJSON(docs []*corpus.Document) error {
	out := make([]tocJSON, 0, len(docs))
	for _, d := range docs {
		t := tocJSON{ID: d.ID, Title: d.Title, Author: d.Author, Year: d.Year, Headings: []headingJSON{}}
		for _, h := range d.Outline {
			hj := headingJSON{Level: h.Level, Title: h.Title, Anchor: h.Anchor}
			if p, ok := d.PageAt(h.Offset); ok {
				hj.Page = p
			}
			t.Headings = append(t.Headings, hj)
		}
		out = append(out, t)
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func (a *app) readCmd() *cobra.Command {
	var plain bool
	cmd := &cobra.Command{
		Use:   "read DOC[#ANCHOR]",
		Short: "Print a document or one section of it",
		Long: `Print a document, or with #ANCHOR one section of it. On a terminal the
text is rendered with styles; with --plain, or when stdout is not a
terminal, it is plain text without escape sequences.`,
		Example: `  samizdat read revolution-betrayed
  samizdat read rev#soviet-thermidor --width 72
  samizdat read 2 --plain > rise-of-stalinism.txt`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: a.completeDocs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := a.resolve(args[0])
			if err != nil {
				return err
			}
			return a.print(p, plain)
		},
	}
	cmd.Flags().BoolVar(&plain, "plain", false, "print plain text, without styles")
	cmd.Flags().IntVar(&a.width, "width", 0, "wrap the text at this many columns (0: the terminal's width, at most 100)")
	return cmd
}

// print writes the document or section at p: rendered when stdout is a
// terminal and plain is not asked for, plain text otherwise.
// resolve finds DOC[#ANCHOR] for a command that prints it, with the
// document's text read.
func (a *app) resolve(ref string) (corpus.Place, error) {
	lib, err := a.libraryForPrinting()
	if err != nil {
		return corpus.Place{}, err
	}
	p, err := lib.Resolve(ref)
	if err != nil {
		return corpus.Place{}, err
	}
	return p, a.load(p.Doc)
}

func (a *app) print(p corpus.Place, plain bool) error {
	d := p.Doc
	if err := a.load(d); err != nil {
		return err
	}
	start, end := 0, len(d.Body)
	if p.Offset >= 0 { // a section
		start = p.Offset
		end = d.SectionEnd(d.SectionAt(p.Offset))
	}
	if plain || !a.styled() {
		if p.Offset < 0 {
			fmt.Fprintf(a.stdout, "%s\n%s\n\n", d.Title, byline(d.Meta))
		}
		text := d.PlainRange(d.PlainOffset(start), d.PlainOffset(end))
		_, err := fmt.Fprintln(a.stdout, strings.TrimRight(text, "\n"))
		return err
	}
	dark := a.theme != "light"
	r := a.lipglossRenderer()
	plainRest, err := render.Print(a.stdout, d, start, end, a.readWidth(), ui.NewStyles(r, dark, true).Text(), render.GlamourStyle(dark, true), r.ColorProfile())
	if plainRest {
		fmt.Fprintf(a.stderr, "samizdat: %s: too costly to lay out with styles; the rest is printed plain\n", d.Path)
	}
	return err
}

// byline says who wrote a work, and when.
func byline(m corpus.Meta) string {
	s := m.Author
	if m.Year != "" {
		s += ", " + m.Year
	}
	return s
}

func (a *app) readWidth() int {
	if a.width > 0 {
		return a.width
	}
	w := 80
	if f, ok := a.stdout.(interface{ Fd() uintptr }); ok {
		if tw, _, err := term.GetSize(int(f.Fd())); err == nil && tw > 0 {
			w = tw
		}
	}
	return min(w, 100)
}

func (a *app) citeCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "cite DOC[#ANCHOR]",
		Short: "Print a citation of a document or section",
		Long: `Print a citation of a document, or of the section ANCHOR names: author,
title, editor and translator where there are any, publication, the section
and, in a printed book, the page the section begins on.`,
		Example: `  samizdat cite lenins-fight#letter-to-the-congress
  samizdat cite rev#soviet-thermidor`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: a.completeDocs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := a.resolve(args[0])
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.stdout, p.Doc.Cite(p.Offset)) // -1: the work as a whole
			return err
		},
	}
}
