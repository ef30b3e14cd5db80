package prep

import "fmt"

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
