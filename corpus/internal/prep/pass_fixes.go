package prep

import (
	"fmt"
	"strings"
)

// TextFix repairs one spot the scrape damaged that no general pass can
// tell from the author's text: a space displaced past a quotation mark, a
// word glued to one. Old is the damaged text as the source has it, long
// enough to occur once; New is the repair.
type TextFix struct{ Old, New string }

// ApplyTextFixes applies every fix to the paragraphs. Each Old must occur
// exactly once in all of them, so a fix can neither miss nor spread.
func ApplyTextFixes(paras []string, fixes []TextFix) ([]string, error) {
	out := append([]string(nil), paras...)
	for _, f := range fixes {
		n := 0
		for _, p := range out {
			n += strings.Count(p, f.Old)
		}
		if n != 1 {
			return nil, fmt.Errorf("text fix %q occurs %d times, want once", f.Old, n)
		}
		for i, p := range out {
			out[i] = strings.Replace(p, f.Old, f.New, 1)
		}
	}
	return out, nil
}
