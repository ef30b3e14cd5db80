package prep

import (
	"fmt"
	"regexp"
	"strings"
)

// Emendation is one repair of the words of a source: a misreading, a
// garbled run, a doubled or broken word. Old is the text as the source has
// it once its lines are joined into paragraphs; New is what the edition
// prints instead. Where the source lost words, New restores only those
// that can be read in what is left or that the sense leaves in no doubt,
// and marks the rest of the gap with Lacuna.
type Emendation struct {
	Old, New string
}

// Lacuna is how an emendation marks words the source lost: an ellipsis in
// brackets, as editors mark a gap in a text.
const Lacuna = "[…]"

// Emend applies each emendation to the one paragraph that holds its Old
// text, once, and drops a paragraph an emendation leaves empty. An Old
// found in no paragraph, or in more than one place, is an error: an
// emendation must say exactly what it repairs.
func Emend(paras []string, es []Emendation) ([]string, error) {
	out := append([]string(nil), paras...)
	for _, e := range es {
		at, n := -1, 0
		for i, p := range out {
			if c := strings.Count(p, e.Old); c > 0 {
				at, n = i, n+c
			}
		}
		if n != 1 {
			return nil, fmt.Errorf("emendation %q: found %d times, want once", e.Old, n)
		}
		out[at] = strings.Replace(out[at], e.Old, e.New, 1)
	}
	kept := out[:0]
	for _, p := range out {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return kept, nil
}

// Cut is a run of lines a source holds that are not the work's text where
// they stand, such as a block the printing repeated: from the first line
// From matches through the first line after it that Through matches.
type Cut struct {
	From, Through *regexp.Regexp
}

// CutLines removes each cut's run of lines. A cut that finds no run is an
// error.
func CutLines(lines []string, cuts []Cut) ([]string, error) {
	out := lines
	for _, c := range cuts {
		from := -1
		for i, l := range out {
			if c.From.MatchString(l) {
				from = i
				break
			}
		}
		through := -1
		for i := from + 1; from >= 0 && i < len(out); i++ {
			if c.Through.MatchString(out[i]) {
				through = i
				break
			}
		}
		if through < 0 {
			return nil, fmt.Errorf("cut: no run from %q through %q", c.From, c.Through)
		}
		out = append(append([]string(nil), out[:from]...), out[through+1:]...)
	}
	return out, nil
}
