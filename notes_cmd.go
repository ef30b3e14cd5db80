package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"samizdat/corpus"
	"samizdat/notes"
)

func (a *app) notesCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "notes [DOC[#ANCHOR]]",
		Short: "Print the passages you kept and your notes, as Markdown or JSON",
		Long: `Print the highlights and notes you kept in the reader: of every work that
has any, of DOC, or of the section DOC#ANCHOR names.

As Markdown (the default), each work begins with YAML front matter (title,
author, source), then each passage in reading order as a block quote, its
citation (author, work, section, printed page) and your note: ready for a
notes vault. Passages a corrected edition no longer holds come last, under
Detached, with the words they were kept with.

With --format json, print {"notes":[{"id","doc","title","author","start",
"end","text","note","section","anchor","page","citation","created",
"modified","detached"}]}, where start and end are byte offsets of the
work's plain text ('samizdat read --plain') and note is "" for a highlight.

With nothing kept, Markdown prints nothing and says so on stderr; JSON
prints an empty list.`,
		Example: `  samizdat notes > notes.md
  samizdat notes revolution-betrayed
  samizdat notes rev#soviet-thermidor
  samizdat notes --format json | jq -r '.notes[].citation'`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: a.completeDocs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "markdown" && format != "json" {
				return usageError{fmt.Errorf("--format must be markdown or json, not %q", format)}
			}
			ls, err := a.keptNotes(args)
			if err != nil {
				return err
			}
			if format == "json" {
				return notes.JSON(a.stdout, ls)
			}
			if len(ls) == 0 {
				fmt.Fprintln(a.stderr, nothingKept(args))
				return nil
			}
			return notes.Markdown(a.stdout, ls)
		},
	}
	cmd.Flags().StringVar(&format, "format", "markdown", "markdown or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// keptNotes reads the library's notes from the notes file, without
// changing it, and finds each in the library: all of them, or those of the
// work or section args names.
func (a *app) keptNotes(args []string) ([]notes.Located, error) {
	lib, err := a.libraryForPrinting()
	if err != nil {
		return nil, err
	}
	var only corpus.Place
	if len(args) == 1 {
		if only, err = a.resolve(args[0]); err != nil {
			return nil, err
		}
	}
	p, err := dataPlace()
	if err != nil {
		return nil, usageError{err}
	}
	set, problem := notes.File{Path: p.path, Key: a.libKey}.Peek()
	if problem != "" {
		fmt.Fprintf(a.stderr, "samizdat: the notes file %s %s; printing what could be read (the reader moves it aside when it next starts)\n",
			corpus.SanitizeLine(p.path), problem)
	}
	kept := set.Live()
	if only.Doc != nil {
		kept = set.OfDoc(only.Doc.ID)
	}
	located := notes.NewResolver(lib, nil).Resolve(kept)
	if only.Doc == nil || only.Offset < 0 {
		return located, nil
	}
	// A section: the passages that begin in it; the detached ones of the
	// work have no place, and are left out.
	d := only.Doc
	from, to := d.PlainOffset(only.Offset), d.PlainOffset(d.SectionEnd(d.SectionAt(only.Offset)))
	var in []notes.Located
	for _, l := range located {
		if !l.Detached && l.Start >= from && l.Start < to {
			in = append(in, l)
		}
	}
	return in, nil
}

// nothingKept says that there is nothing to print, and how to keep some.
func nothingKept(args []string) string {
	what := "No passages kept yet"
	if len(args) == 1 {
		what = "No passages kept in " + corpus.SanitizeLine(args[0])
	}
	return what + "; select a passage in the reader to keep it."
}
