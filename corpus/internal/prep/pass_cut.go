package prep

import (
	"fmt"
	"regexp"
)

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
