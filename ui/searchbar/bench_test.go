package searchbar

import (
	"fmt"
	"strings"
	"testing"
)

// thousandNotes is a thousand notes of a paragraph's passage and a
// comment of two sentences each.
func thousandNotes() []Note {
	passage := strings.Repeat("The bureaucracy has not in the slightest degree foreseen the results of the development. ", 4)
	ns := make([]Note, 1000)
	for i := range ns {
		ns[i] = Note{ID: fmt.Sprint(i), Doc: i % 5, Start: i * 100, Words: passage,
			Comment: fmt.Sprintf("Note %d: the zigzags of the Dühring school.\nWhat Lenin feared of it in 1923.", i)}
	}
	return ns
}

// BenchmarkFoldNotes is the first search with the notes: each folded.
func BenchmarkFoldNotes(b *testing.B) {
	ns := thousandNotes()
	for b.Loop() {
		foldNotes(ns)
	}
}

// BenchmarkFindInNotes is every later key: the folded notes searched.
func BenchmarkFindInNotes(b *testing.B) {
	ns := thousandNotes()
	folded := foldNotes(ns)
	for _, q := range []string{"thermidor", "Lenin feared", "duhring"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				findInNotes(ns, folded, q, -1)
			}
		})
	}
}
