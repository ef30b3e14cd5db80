package prep

import "regexp"

// spacedDashRE finds an em dash with a space on either side of it.
var spacedDashRE = regexp.MustCompile(` *— *`)

// CloseDashes sets every em dash close against the words on both sides,
// as a book prints it: a transcription that spaced some dashes on one side
// only, and joining a line that ends or begins with a dash, leave spaces
// where the printed text has none.
func CloseDashes(paras []string) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = spacedDashRE.ReplaceAllString(p, "—")
	}
	return out
}
