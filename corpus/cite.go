package corpus

import (
	"math"
	"strconv"
	"strings"
)

// Cite returns a citation of the place at byte offset off of the body:
// author, title, editor and translator where there are any, publication,
// the section (with the headings above it) and the printed page where the
// document has pages.
//
//	V. I. Lenin and Leon Trotsky, Lenin's Fight Against Stalinism, ed. Russell
//	Block (Pathfinder Press, New York, 1975), Part III: Lenin's Testament —
//	Letter to the Congress, p. 63.
func (d *Document) Cite(off int) string {
	var b strings.Builder
	if d.Author != "" {
		b.WriteString(d.Author + ", ")
	}
	b.WriteString(d.Title)
	if d.Editor != "" {
		b.WriteString(", ed. " + d.Editor)
	}
	if d.Translator != "" {
		b.WriteString(", trans. " + d.Translator)
	}
	var pub []string
	if d.Publisher != "" {
		pub = append(pub, d.Publisher)
	}
	if d.Year != "" {
		pub = append(pub, d.Year)
	}
	if len(pub) > 0 {
		b.WriteString(" (" + strings.Join(pub, ", ") + ")")
	}
	if path := d.SectionPath(off); len(path) > 0 {
		titles := make([]string, len(path))
		for i, h := range path {
			titles[i] = h.Title
		}
		b.WriteString(", " + strings.Join(titles, " — "))
	}
	if p, ok := d.PageAt(off); ok {
		b.WriteString(", p. " + p)
	}
	b.WriteString(".")
	return b.String()
}

// SectionPath is the heading of the section that holds off, preceded by
// the headings it lies under, outermost first.
func (d *Document) SectionPath(off int) []Heading {
	i := d.SectionAt(off)
	if i < 0 {
		return nil
	}
	path := []Heading{d.Outline[i]}
	for j := i - 1; j >= 0; j-- {
		if d.Outline[j].Level < path[0].Level {
			path = append([]Heading{d.Outline[j]}, path...)
		}
	}
	return path
}

// TargetKind says what a go-to target names.
type TargetKind int

const (
	TargetHeading TargetKind = iota // a heading, found by fuzzy match
	TargetPage                      // a printed page
	TargetPercent                   // a share of the document
)

// Target is what the reader typed at a go-to prompt.
type Target struct {
	Kind    TargetKind
	Page    string  // for TargetPage
	Percent float64 // for TargetPercent, 0 to 100
	Text    string  // for TargetHeading: the text to match
}

// ParseTarget reads a go-to prompt: "p37", "p. 37" or "page 37" for a
// printed page, "50%" for a share of the document; anything else names a
// heading.
func ParseTarget(s string) Target {
	t := strings.TrimSpace(s)
	if pct, ok := strings.CutSuffix(t, "%"); ok {
		if v, err := strconv.ParseFloat(strings.TrimSpace(pct), 64); err == nil && v >= 0 && v <= 100 {
			return Target{Kind: TargetPercent, Percent: v}
		}
	}
	lower := strings.ToLower(t)
	for _, prefix := range []string{"page", "pp.", "p.", "p"} {
		rest, ok := strings.CutPrefix(lower, prefix)
		if !ok {
			continue
		}
		rest = strings.TrimSpace(rest)
		if rest != "" && strings.Trim(rest, "0123456789") == "" {
			if n := strings.TrimLeft(rest, "0"); n != "" {
				rest = n
			}
			return Target{Kind: TargetPage, Page: rest}
		}
	}
	return Target{Kind: TargetHeading, Text: t}
}

// Percent is how far through the document offset off of Body is, in
// whole percent rounded down: the share of Body before it. It is the one
// measure of a place as a percentage; PercentOffset is its inverse.
func (d *Document) Percent(off int) int {
	n := len(d.Body)
	if n == 0 || off >= n {
		return 100
	}
	if off <= 0 {
		return 0
	}
	return off * 100 / n
}

// PercentOffset is the body offset a share of the document begins at: the
// first offset that Percent puts at pct or beyond, so that a place found
// by percentage is called that percentage.
func (d *Document) PercentOffset(pct float64) int {
	n := len(d.Body)
	if math.IsNaN(pct) || pct <= 0 {
		return 0
	}
	off := math.Ceil(float64(n) * pct / 100)
	if off >= float64(n) {
		return n
	}
	return int(off)
}
