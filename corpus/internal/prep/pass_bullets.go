package prep

import (
	"fmt"
	"strings"
)

// bullet is the character a scraped list item begins with.
const bullet = "•"

// MarkBullets makes a list item of every paragraph that begins with a "•"
// bullet, the bullet taken off. A paragraph the source bulleted by
// mistake (the sentence after a list, swept into it by the page's markup)
// is named in notItems by its first words: it stays a paragraph, its
// bullet taken off too. A name that matches no bulleted paragraph is an
// error, so the list cannot drift from the source.
func MarkBullets(blocks []Block, notItems []string) ([]Block, error) {
	used := make([]bool, len(notItems))
	out := make([]Block, len(blocks))
	for i, b := range blocks {
		text, ok := strings.CutPrefix(b.Text, bullet)
		if b.Kind != Para || !ok {
			out[i] = b
			continue
		}
		b.Text = strings.TrimSpace(text)
		b.Kind = ListItem
		if j := indexOfStart(b.Text, notItems); j >= 0 {
			used[j] = true
			b.Kind = Para
		}
		out[i] = b
	}
	if err := firstUnmatched("bulleted paragraph", notItems, used); err != nil {
		return nil, err
	}
	return out, nil
}

// MarkListItems makes list items of the paragraphs that begin with one of
// starts: items whose bullets or numbers the source lost. Each start must
// begin one paragraph, no more, so that a sentence that happens to begin
// like an item is not made one.
func MarkListItems(blocks []Block, starts []string) ([]Block, error) {
	return markParagraphs(blocks, starts, ListItem, "list item")
}

// markParagraphs makes a block of kind of the one paragraph that begins
// with each of starts; what names the kind in an error.
func markParagraphs(blocks []Block, starts []string, kind BlockKind, what string) ([]Block, error) {
	out := append([]Block(nil), blocks...)
	for _, s := range starts {
		at, err := onlyParagraph(out, "begins", func(text string) bool { return strings.HasPrefix(text, s) })
		if err != nil {
			return nil, fmt.Errorf("%s %q: %w", what, s, err)
		}
		out[at].Kind = kind
	}
	return out, nil
}

// indexOfStart is the index of the first of starts that text begins with,
// or -1.
func indexOfStart(text string, starts []string) int {
	for j, s := range starts {
		if strings.HasPrefix(text, s) {
			return j
		}
	}
	return -1
}

// firstUnmatched reports the first of names that matched nothing.
func firstUnmatched(what string, names []string, used []bool) error {
	for j, ok := range used {
		if !ok {
			return fmt.Errorf("no %s begins %q", what, names[j])
		}
	}
	return nil
}
