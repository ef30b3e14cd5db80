package prep

import (
	"fmt"
	"regexp"
	"strings"
)

// ContentsList is a chapter-local table of contents: the list of a
// chapter's section titles that a source prints under the chapter's title.
// The edition's outline takes its place.
type ContentsList struct {
	// After matches the line the list follows (the chapter's title, or
	// where the title was lost, whatever line stands in its place).
	After *regexp.Regexp
	// Entries are the titles the list is made of. Its lines must be these
	// titles or pieces of them (a title may wrap, or be cut at a page
	// break); letter case, spacing and quotation marks do not matter.
	Entries []string
}

// DropContentsLists removes each list, in order: after the line its After
// matches (looked for after the previous list), the run of blank lines and
// lines that are pieces of its entries. The run becomes one blank line, so
// that what stood on either side of it is not joined. A list of which no
// line is found is an error: the source is not what the recipe says.
func DropContentsLists(lines []string, lists []ContentsList) ([]string, error) {
	out := make([]string, 0, len(lines))
	i := 0
	for _, cl := range lists {
		for i < len(lines) && !cl.After.MatchString(lines[i]) {
			out = append(out, lines[i])
			i++
		}
		if i == len(lines) {
			return nil, fmt.Errorf("contents list: no line matches %q", cl.After)
		}
		out = append(out, lines[i])
		i++
		found := false
		for i < len(lines) {
			t := foldEntry(lines[i])
			if t != "" && !isEntryPiece(t, cl.Entries) {
				break
			}
			found = found || t != ""
			i++
		}
		if !found {
			return nil, fmt.Errorf("contents list: no entry follows the line %q matches", cl.After)
		}
		out = append(out, "")
	}
	return append(out, lines[i:]...), nil
}

func isEntryPiece(folded string, entries []string) bool {
	for _, e := range entries {
		if strings.Contains(foldEntry(e), folded) {
			return true
		}
	}
	return false
}

// foldEntry reduces a title to what a list and a heading of the same
// title share: lowercase words without quotation marks, single-spaced.
func foldEntry(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer(`"`, "", "“", "", "”", "", "‘", "'", "’", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
