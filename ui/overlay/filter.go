package overlay

import (
	"strings"

	"samizdat/corpus"
)

// The filter the lists of people, places and highlights share: every
// word typed must be in an entry, case, accents, quotes and dashes
// forgiven as a search forgives them.

// filterWords is what was typed, folded, as the words an entry must hold.
func filterWords(typed string) []string {
	return strings.Fields(corpus.Fold(typed, true))
}

// containsAll says whether folded text s holds every one of words.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
