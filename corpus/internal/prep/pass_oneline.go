package prep

import "strings"

// LineParagraphs reads a source that holds one paragraph per line: every
// non-empty line is a paragraph of its own, trimmed of the spaces around
// it (an indent, a trailing non-breaking space). Paragraphs, by contrast,
// joins a run of lines into one paragraph, for hard-wrapped sources.
func LineParagraphs(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
