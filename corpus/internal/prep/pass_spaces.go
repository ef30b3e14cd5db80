package prep

import (
	"regexp"
	"strings"
)

var (
	// spaceBeforePunctRE finds a space a scrape put before a comma,
	// semicolon, colon, question or exclamation mark or full stop, where
	// the mark ends a word: before a space, a closing quotation mark or
	// bracket, or the end. A spaced ellipsis (" ...") is left alone: its
	// first stop is followed by another.
	spaceBeforePunctRE = regexp.MustCompile(` ([,;:!?.])($|[ "'”’)\]])`)
	// spaceInBracketsRE finds a space just inside a bracket: "( Lenin".
	spaceInBracketsRE = regexp.MustCompile(`([(\[]) | ([)\]])`)
)

// Respace normalises the spaces of one paragraph: non-breaking and other
// fixed-width spaces become plain ones, a run of spaces becomes one, the
// ends are trimmed, and a space the scrape put before closing
// punctuation or just inside a bracket is taken out. It changes nothing
// but spaces.
func Respace(s string) string {
	// strings.Fields splits at every Unicode space, non-breaking ones
	// included.
	s = strings.Join(strings.Fields(s), " ")
	s = spaceBeforePunctRE.ReplaceAllString(s, "$1$2")
	return spaceInBracketsRE.ReplaceAllString(s, "$1$2")
}

// RespaceAll applies Respace to every paragraph.
func RespaceAll(paras []string) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = Respace(p)
	}
	return out
}
