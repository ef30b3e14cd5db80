package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"samizdat/corpus"
)

// The who command: who someone named in the works was, from the people
// index, and where the works mention them; with no name, everyone it
// knows.

// whoJSON is the output of `who NAME --json`.
type whoJSON struct {
	Name     string         `json:"name"`
	Short    string         `json:"short"`
	Dates    string         `json:"dates"`
	Variants []string       `json:"variants"`
	Note     string         `json:"note"`
	Source   whoSourceJSON  `json:"source"`
	Total    int            `json:"total"`
	Counts   map[string]int `json:"counts"`
	Mentions []mentionJSON  `json:"mentions"`
}

type whoSourceJSON struct {
	Work    string `json:"work"`
	Title   string `json:"title"`
	Section string `json:"section"`
	Anchor  string `json:"anchor"`
	Page    string `json:"page"`
	Note    string `json:"note"` // the note's label, for a footnote
}

type mentionJSON struct {
	Work    string `json:"work"`
	Anchor  string `json:"anchor"`
	Section string `json:"section"`
	Page    string `json:"page"`
	Start   int    `json:"start"` // byte offsets in the document's plain text
	End     int    `json:"end"`
	Offset  int    `json:"offset"` // byte offset in its Markdown body
	Snippet string `json:"snippet"`
}

// whoListJSON is an entry of `who --json` with no NAME.
type whoListJSON struct {
	Name   string         `json:"name"`
	Short  string         `json:"short"`
	Dates  string         `json:"dates"`
	Total  int            `json:"total"`
	Counts map[string]int `json:"counts"`
}

func (a *app) whoCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "who [NAME]",
		Short: "Say who someone the works name was, and where they are mentioned",
		Long: `Print who a person was, as a note of the library says (the Biographical
Notes of Lenin's Fight, or a note of another work), where that note is, and
every place the works mention them, grouped by work, as DOC#ANCHOR, the
page where the work has pages, and the words around.

NAME is a surname, a fuller name or another spelling the works use
(zinoviev, "G. Zinoviev", Ordjonikidze), matched whatever its case and
accents. Where two people share it (the Eltsins) both are listed, with how
to name each. With no NAME, list everyone and how often they are mentioned.

A mention is a whole word (Rykov is not in Rykova); a person's own note is
not one of their mentions. Where a surname is shared, only a form that says
which person is meant (Boris Eltsin) is counted.

With --json, print {"name","short","dates","variants","note","source":{"work",
"title","section","anchor","page","note"},"total","counts":{DOC: n},
"mentions":[{"work","anchor","section","page","start","end","offset",
"snippet"}]}, where start and end are byte offsets in the document's plain
text (read --plain) and offset in its Markdown body; with no NAME, a list of
{"name","short","dates","total","counts"}.

Exit status 1 when no one has the name, or the library has no people index
(a folder of your own); 2 when it names more than one person.`,
		Example: `  samizdat who ordzhonikidze
  samizdat who "G. Zinoviev" --json | jq .counts
  samizdat who`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: a.completePeople,
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.libraryForPrinting()
			if err != nil {
				return err
			}
			people := lib.People()
			if err := lib.PeopleErr(); err != nil {
				return err
			}
			if people.Len() == 0 {
				fmt.Fprintln(a.stderr, "samizdat: this library has no people index; only the built-in library has one")
				return notFoundError{}
			}
			if len(args) == 0 {
				if asJSON {
					return a.printPeopleJSON(lib, people)
				}
				return a.printPeople(lib, people)
			}
			i, err := a.whoIs(people, args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return a.printWhoJSON(lib, people, i)
			}
			return a.printWho(lib, people, i)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// whoIs finds the one person name names. No one: a "did you mean" on
// stderr and exit status 1. More than one: a usage error that lists them
// and how to ask for each.
func (a *app) whoIs(people *corpus.People, name string) (int, error) {
	found := people.Lookup(name)
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		msg := fmt.Sprintf("no one called %q", name)
		if s := people.Suggest(name); len(s) > 0 {
			msg += "; did you mean " + orList(s) + "?"
		}
		fmt.Fprintln(a.stderr, "samizdat:", corpus.SanitizeLine(msg))
		return 0, notFoundError{}
	}
	asks := make([]string, len(found))
	for k, i := range found {
		p := people.Person(i)
		asks[k] = fmt.Sprintf("%s, as %q", withDates(p), askFor(p))
	}
	return 0, usageError{fmt.Errorf("%q names %d people: %s; ask for one by that name", name, len(found), orList(asks))}
}

// askFor is a name that asks for p alone: the given name and the surname,
// or the name as the note gives it.
func askFor(p corpus.Person) string {
	surname, given, ok := strings.Cut(p.Name, ", ")
	if !ok {
		return p.Name
	}
	first, _, _ := strings.Cut(given, " ")
	return first + " " + surname
}

func withDates(p corpus.Person) string {
	if p.Dates == "" {
		return p.Name
	}
	return p.Name + " (" + p.Dates + ")"
}

func orList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// printPeople lists everyone, with the number of mentions in all and in
// each work.
func (a *app) printPeople(lib *corpus.Library, people *corpus.People) error {
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	for i, p := range people.All() {
		counts := people.Counts(i)
		total := 0
		var per []string
		for d, n := range counts {
			total += n
			if n > 0 {
				per = append(per, fmt.Sprintf("%s %d", lib.Docs[d].ID, n))
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", p.Short, withDates(p), total, strings.Join(per, ", "))
	}
	return tw.Flush()
}

func (a *app) printPeopleJSON(lib *corpus.Library, people *corpus.People) error {
	out := make([]whoListJSON, 0, people.Len())
	for i, p := range people.All() {
		e := whoListJSON{Name: p.Name, Short: p.Short, Dates: p.Dates, Counts: countsByID(lib, people.Counts(i))}
		for _, n := range e.Counts {
			e.Total += n
		}
		out = append(out, e)
	}
	return a.encodeJSON(out)
}

func countsByID(lib *corpus.Library, counts []int) map[string]int {
	out := make(map[string]int, len(counts))
	for d, n := range counts {
		out[lib.Docs[d].ID] = n
	}
	return out
}

// printWho prints who person i was and where the works mention them.
func (a *app) printWho(lib *corpus.Library, people *corpus.People, i int) error {
	p := people.Person(i)
	color := a.styled()
	r := a.lipglossRenderer()
	bold := r.NewStyle().Bold(true)
	matchStyle := r.NewStyle().Reverse(true)
	note := p.Note
	if color {
		note = ansi.Wordwrap(note, snippetWidth+8, "")
	}
	fmt.Fprintln(a.stdout, bold.Render(withDates(p)))
	fmt.Fprintln(a.stdout, note)
	fmt.Fprintln(a.stdout, "— from "+people.Cite(p))
	if others := otherForms(p); len(others) > 0 {
		fmt.Fprintln(a.stdout, "Also written: "+strings.Join(others, ", "))
	}
	mentions := people.Mentions(i)
	counts := people.Counts(i)
	works := 0
	for _, n := range counts {
		if n > 0 {
			works++
		}
	}
	if len(mentions) == 0 {
		fmt.Fprintln(a.stdout, "\nNo work names them elsewhere.")
		return nil
	}
	fmt.Fprintf(a.stdout, "\n%s\n", bold.Render(fmt.Sprintf("Mentioned %s in %s", plural(len(mentions), "time"), plural(works, "work"))))
	last := -1
	for _, m := range mentions {
		d := lib.Docs[m.Doc]
		if m.Doc != last {
			fmt.Fprintf(a.stdout, "\n%s\n", bold.Render(fmt.Sprintf("%s (%d)", d.Title, counts[m.Doc])))
			last = m.Doc
		}
		h := corpus.Hit{Doc: m.Doc, Start: m.Start, End: m.End}
		anchor, _, off := hitPlace(d, h)
		before, match, after := lib.Snippet(h, snippetWidth)
		if color {
			match = matchStyle.Render(match)
		}
		where := d.ID + "#" + anchor
		if page, ok := d.PageAt(off); ok {
			where += ", p. " + page
		}
		fmt.Fprintf(a.stdout, "%s: %s%s%s\n", where, before, match, after)
	}
	return nil
}

// otherForms are the forms the works write a name in besides the
// surname alone.
func otherForms(p corpus.Person) []string {
	var out []string
	for _, v := range p.Variants {
		if v != p.Short {
			out = append(out, v)
		}
	}
	return out
}

// plural counts n of what: "once", "3 times", "1 work", "2 works".
func plural(n int, what string) string {
	switch {
	case what == "time" && n == 1:
		return "once"
	case n == 1:
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func (a *app) printWhoJSON(lib *corpus.Library, people *corpus.People, i int) error {
	p := people.Person(i)
	src := whoSourceJSON{Work: p.Source.Work, Section: p.Source.Section, Anchor: p.Source.Anchor,
		Page: p.Source.Page, Note: p.Source.Label}
	if d := people.Doc(p.Source.Work); d >= 0 {
		src.Title = lib.Docs[d].Title
	}
	out := whoJSON{Name: p.Name, Short: p.Short, Dates: p.Dates, Variants: p.Variants, Note: p.Note, Source: src,
		Counts: countsByID(lib, people.Counts(i)), Mentions: []mentionJSON{}}
	for _, m := range people.Mentions(i) {
		d := lib.Docs[m.Doc]
		h := corpus.Hit{Doc: m.Doc, Start: m.Start, End: m.End}
		anchor, section, off := hitPlace(d, h)
		page, _ := d.PageAt(off)
		before, match, after := lib.Snippet(h, snippetWidth)
		out.Mentions = append(out.Mentions, mentionJSON{Work: d.ID, Anchor: anchor, Section: section, Page: page,
			Start: m.Start, End: m.End, Offset: off, Snippet: before + match + after})
	}
	out.Total = len(out.Mentions)
	return a.encodeJSON(out)
}

func (a *app) encodeJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
