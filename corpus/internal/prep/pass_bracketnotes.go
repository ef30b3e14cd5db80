package prep

import "regexp"

var (
	// bracketNoteRE finds a note paragraph written "[12] text".
	bracketNoteRE = regexp.MustCompile(`^\[([0-9]+)\] +`)
	// bracketMarkerRE finds a note marker written "[12]".
	bracketMarkerRE = regexp.MustCompile(`\[([0-9]+)\]`)
)

// BracketNotes turns notes written with bracketed numbers into the
// edition's notes. A paragraph that begins "[12] " is note 12 and begins
// "[^12]: " instead; elsewhere, "[12]" becomes the marker "[^12]" where a
// note 12 exists. A bracketed number with no note of its own ("[1917]")
// stays as it is.
func BracketNotes(paras []string) []string {
	labels := map[string]bool{}
	for _, p := range paras {
		if m := bracketNoteRE.FindStringSubmatch(p); m != nil {
			labels[m[1]] = true
		}
	}
	out := make([]string, len(paras))
	for i, p := range paras {
		label := ""
		if m := bracketNoteRE.FindStringSubmatch(p); m != nil {
			label = "[^" + m[1] + "]: "
			p = p[len(m[0]):]
		}
		p = bracketMarkerRE.ReplaceAllStringFunc(p, func(marker string) string {
			if n := marker[1 : len(marker)-1]; labels[n] {
				return "[^" + n + "]"
			}
			return marker
		})
		out[i] = label + p
	}
	return out
}
