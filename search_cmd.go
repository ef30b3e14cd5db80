package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"samizdat/corpus"
)

// searchJSON is the output of `search --json`.
type searchJSON struct {
	Query string    `json:"query"`
	Total int       `json:"total"`
	Hits  []hitJSON `json:"hits"`
}

type hitJSON struct {
	Doc     string `json:"doc"`
	Anchor  string `json:"anchor"`
	Section string `json:"section"`
	Offset  int    `json:"offset"`
	Snippet string `json:"snippet"`
}

func (a *app) searchCmd() *cobra.Command {
	var (
		docRef string
		limit  int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search the library",
		Long: `Search every document, or one, and print each match as DOC#ANCHOR: snippet,
grouped by document in library order.

Matching forgives case (unless QUERY has an uppercase letter), accents
(duhring finds Dühring), curly quotes, dashes and the ellipsis, and how the
text breaks into lines.

With --json, print {"query","total","hits":[{"doc","anchor","section",
"offset","snippet"}]}, where offset is the match's byte offset in the
document's Markdown body and total counts every match, however few hits
--limit lets through.

Exit status 1 when nothing matches.`,
		Example: `  samizdat search thermidor
  samizdat search "socialism in one country" --doc rev
  samizdat search duhring --json | jq .total`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, err := a.libraryForPrinting()
			if err != nil {
				return err
			}
			q := corpus.Query{Text: args[0], Doc: -1}
			if docRef != "" {
				d, err := lib.Find(docRef)
				if err != nil {
					return err
				}
				q.Doc = docIndex(lib, d)
			}
			if limit < 0 {
				return usageError{fmt.Errorf("--limit must be 0 (no limit) or more, not %d", limit)}
			}
			// A folder's documents are read now; one that cannot be (gone,
			// or a pipe since the listing) is said, and not searched.
			for _, err := range lib.LoadAll() {
				fmt.Fprintf(a.stderr, "samizdat: %v\n", err)
			}
			res := corpus.NewIndex(lib).Search(q, nil)
			n := res.Total()
			if limit > 0 {
				n = min(n, limit)
			}
			if asJSON {
				err = a.printHitsJSON(lib, res, n)
			} else {
				a.printHits(lib, res, n)
			}
			if err == nil && res.Total() == 0 {
				return notFoundError{}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&docRef, "doc", "", "search only this document")
	_ = cmd.RegisterFlagCompletionFunc("doc", a.completeDocIDs)
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most N hits (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func docIndex(lib *corpus.Library, d *corpus.Document) int {
	for i, x := range lib.Docs {
		if x == d {
			return i
		}
	}
	return -1
}

// hitPlace names the section that holds a hit: its anchor and title.
func hitPlace(d *corpus.Document, h corpus.Hit) (anchor, section string, bodyOff int) {
	bodyOff = d.BodyOffset(h.Start)
	if i := d.SectionAt(bodyOff); i >= 0 {
		return d.Outline[i].Anchor, d.Outline[i].Title, bodyOff
	}
	return "", "", bodyOff
}

const snippetWidth = 72

func (a *app) printHits(lib *corpus.Library, res *corpus.Results, n int) {
	color := a.styled()
	r := a.lipglossRenderer()
	docStyle := r.NewStyle().Bold(true)
	matchStyle := r.NewStyle().Reverse(true)
	lastDoc := -1
	for i := range n {
		h := res.Hit(i)
		d := lib.Docs[h.Doc]
		if color && h.Doc != lastDoc {
			if lastDoc >= 0 {
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintln(a.stdout, docStyle.Render(fmt.Sprintf("%s (%d)", d.Title, res.PerDoc[h.Doc])))
			lastDoc = h.Doc
		}
		anchor, _, _ := hitPlace(d, h)
		before, match, after := lib.Snippet(h, snippetWidth)
		if color {
			match = matchStyle.Render(match)
		}
		fmt.Fprintf(a.stdout, "%s#%s: %s%s%s\n", d.ID, anchor, before, match, after)
	}
	if color && n < res.Total() {
		fmt.Fprintf(a.stdout, "\n%d more of %d; --limit 0 shows them all\n", res.Total()-n, res.Total())
	}
}

func (a *app) printHitsJSON(lib *corpus.Library, res *corpus.Results, n int) error {
	out := searchJSON{Query: res.Query.Text, Total: res.Total(), Hits: make([]hitJSON, 0, n)}
	for i := range n {
		h := res.Hit(i)
		d := lib.Docs[h.Doc]
		anchor, section, off := hitPlace(d, h)
		before, match, after := lib.Snippet(h, snippetWidth)
		out.Hits = append(out.Hits, hitJSON{Doc: d.ID, Anchor: anchor, Section: section, Offset: off, Snippet: before + match + after})
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
