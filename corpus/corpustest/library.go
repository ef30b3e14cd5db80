package corpustest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// WriteLibrary writes a generated library of files Markdown documents of
// about size bytes each into dir, in folders of a hundred, from the words
// of text: headings, paragraphs of varied length and, now and then, a
// list. The same arguments write the same bytes.
func WriteLibrary(dir string, files, size int, text string) error {
	words := strings.Fields(text)
	if len(words) == 0 {
		return fmt.Errorf("no words to write with")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for f := range files {
		b.Reset()
		fmt.Fprintf(&b, "---\ntitle: Generated document %d\nauthor: Writer %d\nyear: %d\n---\n\n", f, f%37, 1900+f%120)
		section := 0
		for b.Len() < size {
			if section == 0 || rng.IntN(12) == 0 {
				section++
				fmt.Fprintf(&b, "# Chapter %d: %s %s\n\n", section, words[rng.IntN(len(words))], words[rng.IntN(len(words))])
			}
			n := 40 + rng.IntN(160)
			start := rng.IntN(len(words) - n)
			if rng.IntN(20) == 0 {
				for _, w := range words[start : start+n/10] {
					b.WriteString("- " + w + "\n")
				}
				b.WriteString("\n")
				continue
			}
			b.WriteString(strings.Join(words[start:start+n], " "))
			b.WriteString("\n\n")
		}
		path := filepath.Join(dir, fmt.Sprintf("%02d", f/100), fmt.Sprintf("doc-%04d.md", f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
