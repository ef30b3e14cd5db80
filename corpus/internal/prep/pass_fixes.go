package prep

import (
	"fmt"
	"strings"
)

// Fix is one repair of a spot the digitisation damaged that no general
// pass can tell from the author's text: a space displaced past a quotation
// mark, a scan speck, fragments of the PDF's drawing commands mixed into
// the words, a passage printed twice. Old is the damaged text as the
// source has it, long enough to occur once; New is the repair. Where the
// damage destroyed words that cannot be read in what is left, New marks the
// gap with Lacuna instead of supplying words the source does not have.
type Fix struct {
	Old, New string
}

// Lacuna is how a fix marks words the source lost: an ellipsis in
// brackets, as editors mark a gap in a text.
const Lacuna = "[…]"

// Illegible is how a fix marks what the source has but its digitisation
// garbled past reading, where a guess would be no better than a lacuna.
const Illegible = "[illegible]"

// ApplyFixes applies each fix to the one text (line or paragraph) that
// holds its Old, once, and drops a text that a fix leaves empty. An Old
// found nowhere, or in more than one place, is an error: a fix must say
// exactly what it repairs, so it can neither miss nor spread.
func ApplyFixes(texts []string, fixes []Fix) ([]string, error) {
	out := append([]string(nil), texts...)
	emptied := map[int]bool{}
	for _, f := range fixes {
		at, n := -1, 0
		for i, t := range out {
			if c := strings.Count(t, f.Old); c > 0 {
				at, n = i, n+c
			}
		}
		if n != 1 {
			return nil, fmt.Errorf("fix %q occurs %d times, want once", f.Old, n)
		}
		out[at] = strings.Replace(out[at], f.Old, f.New, 1)
		if strings.TrimSpace(out[at]) == "" {
			emptied[at] = true
		}
	}
	if len(emptied) == 0 {
		return out, nil
	}
	kept := out[:0]
	for i, t := range out {
		if !emptied[i] {
			kept = append(kept, t)
		}
	}
	return kept, nil
}
