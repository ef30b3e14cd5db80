package prep

import (
	"regexp"
	"strings"
)

var (
	// spaceBeforePunctRE finds a space a scrape put before a comma,
	// semicolon, colon, question or exclamation mark or full stop, where
	// the mark ends a word: before a space, a closing quotation mark or
	// bracket, or the end. A spaced ellipsis (" ..." or ". . .") is left
	// alone: see Respace.
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
	var b strings.Builder
	last := 0
	for _, m := range spaceBeforePunctRE.FindAllStringSubmatchIndex(s, -1) {
		// In a spaced ellipsis, ". . .", the stops are meant to stand
		// apart.
		if s[m[2]] == '.' && (m[0] > 0 && s[m[0]-1] == '.' || strings.HasPrefix(s[m[2]+1:], " .")) {
			continue
		}
		b.WriteString(s[last:m[0]])
		last = m[0] + 1 // drop the space
	}
	b.WriteString(s[last:])
	return spaceInBracketsRE.ReplaceAllString(b.String(), "$1$2")
}

// RespaceAll applies Respace to every paragraph.
func RespaceAll(paras []string) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = Respace(p)
	}
	return out
}
