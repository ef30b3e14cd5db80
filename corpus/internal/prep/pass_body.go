package prep

import (
	"fmt"
	"regexp"
)

// workLines returns the lines of the work's own text in raw: those between
// the recipe's Start and End, without its furniture. It is the text the
// tests count the surviving words of.
func workLines(r Recipe, raw string) ([]string, error) {
	lines := Lines(raw)
	if r.Start != nil {
		var ok bool
		if lines, ok = Between(lines, r.Start, r.End); !ok {
			return nil, fmt.Errorf("no line matches Start %q", r.Start)
		}
	}
	return DropLines(lines, r.Furniture), nil
}

// titledHeading is a heading that stands in the source as a paragraph of
// its own, exactly as titled.
func titledHeading(level int, title string) Heading {
	return Heading{Match: regexp.MustCompile(`^` + regexp.QuoteMeta(title) + `$`), Level: level, Title: title}
}
