package corpustest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Bombs are small Markdown files that cost a renderer far more than their
// size: deep nesting, delimiters that never close, blocks without end. By
// name, with what each holds.
var Bombs = map[string]string{
	"quotes.md":     "block quotes nested 80 deep, in 250 bytes",
	"quote-line.md": "10,000 '>' on one line",
	"word.md":       "one word of a megabyte",
	"emphasis.md":   "20,000 '*a **': emphasis that never closes",
	"fence.md":      "a code fence left open over 100,000 lines",
	"headings.md":   "100,000 headings",
	"table.md":      "a table of 2,000 columns",
	"lists.md":      "lists nested 1,000 deep, by indentation",
	"list-line.md":  "10,000 list markers on one line",
	"links.md":      "20,000 '[' that never close, and links nested in links",
}

// BombFiles returns the bombs' contents by name.
func BombFiles() map[string][]byte {
	var lists strings.Builder
	for i := range 1000 {
		lists.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	var table strings.Builder
	for row := range 4 {
		for col := range 2000 {
			if row == 1 {
				table.WriteString("|---")
			} else {
				fmt.Fprintf(&table, "| c%d ", col)
			}
		}
		table.WriteString("|\n")
	}
	var headings strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&headings, "# H%d\n", i)
	}
	return map[string][]byte{
		"quotes.md":     []byte("# Quotes\n\nQuoted:\n" + strings.Repeat("> ", 80) + "deep\n" + strings.Repeat(">", 40) + " x\n"),
		"quote-line.md": []byte("# Quote line\n\n" + strings.Repeat(">", 10_000) + " x\n"),
		"word.md":       []byte("# Word\n\n" + strings.Repeat("a", 1<<20) + "\n"),
		"emphasis.md":   []byte("# Emphasis\n\n" + strings.Repeat("*a **", 20_000) + "\n"),
		"fence.md":      []byte("# Fence\n\n```\n" + strings.Repeat("x := 1\n", 100_000)),
		"headings.md":   []byte(headings.String()),
		"table.md":      []byte("# Table\n\n" + table.String()),
		"lists.md":      []byte("# Lists\n\n" + lists.String()),
		"list-line.md":  []byte("# List line\n\n" + strings.Repeat("- ", 10_000) + "x\n"),
		"links.md":      []byte("# Links\n\n" + strings.Repeat("[", 20_000) + "\n\n" + strings.Repeat("[a ", 2_000) + strings.Repeat("](b)", 2_000) + "\n"),
	}
}

// WriteBombs writes the bombs into dir.
func WriteBombs(dir string) error {
	for name, data := range BombFiles() {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
