package prep

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Wraps joins the hard-wrapped lines of a scanned book into paragraphs.
//
// Blank lines part the paragraphs, but not only them: a page break (a
// PageBreak line) falls anywhere, and the scan leaves stray gaps inside
// paragraphs too. Short lines are the converse: signatures, dates and
// addresses stand on lines of their own with no blank line between them,
// and each is a paragraph.
//
// The evidence is the wrap. A line that ends without closing punctuation
// on a hyphen, a dash or a word like "the", or a line followed by one that
// begins in lowercase, was cut by the printer or the scan, not by the
// author: the paragraph goes on across any gap. Across a page break a
// paragraph also goes on from a line that is full (the next word would not
// have fitted on it), unless what follows is a run of short lines, a
// heading or a signature. A line shorter than any full line ends its
// paragraph, unless Keep says that it and the short lines after it, even
// across a gap, are one title wrapped over lines.
type Wraps struct {
	// Measure is the width of a full line, in characters: a line is full
	// when it and the next word together would be wider.
	Measure int
	// Short is the length under which a line cannot be full.
	Short int
	// Hyphens decides the hyphens at line ends.
	Hyphens *Hyphens
	// Keep matches runs of short lines, joined with single spaces, that
	// are one paragraph: a title wrapped over lines.
	Keep []*regexp.Regexp
	// Breaks lists the starts of lines that begin a paragraph where the
	// evidence would go on with the one before: a page that begins with
	// a paragraph after a line that happens to be full.
	Breaks []string
}

var (
	// leadingTokensRE finds the page anchors a line begins with.
	leadingTokensRE = regexp.MustCompile(`^(?:<!--page:[^>]*-->)+`)
	// endsClosedRE finds closing punctuation at the end of a line, perhaps
	// inside quotation marks or brackets.
	endsClosedRE = regexp.MustCompile(`[.!?:;…][”’"')\]]*$`)
	// endsBrokenRE finds a line that ends inside a word or at a dash.
	endsBrokenRE = regexp.MustCompile(`(?:[\pL\pN]-|—)$`)
	// endsOnWordRE finds the last word of a line that ends on a word.
	endsOnWordRE = regexp.MustCompile(`(?:^|\s)(\pL+)$`)
)

// openWords are words no paragraph ends with: a line that ends with one
// goes on.
var openWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true,
	"of": true, "to": true, "in": true, "on": true, "at": true, "by": true, "for": true,
	"from": true, "with": true, "into": true, "as": true, "than": true, "that": true,
	"which": true, "whose": true, "who": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "my": true, "your": true, "this": true, "these": true, "those": true,
}

// wrapGroup is a run of lines with no blank line between them.
type wrapGroup struct {
	lines     []string
	afterPage bool // a page break, not only blank lines, stands before it
}

// Paragraphs joins lines into paragraphs. It fails on a Break that begins
// no line, so that a correction which no longer corrects anything does not
// linger.
func (w Wraps) Paragraphs(lines []string) ([]string, error) {
	for _, b := range w.Breaks {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(bare(l), b) }) {
			return nil, fmt.Errorf("wraps: no line begins %q", b)
		}
	}
	var groups []wrapGroup
	var cur wrapGroup
	page := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" || l == PageBreak {
			if len(cur.lines) > 0 {
				groups = append(groups, cur)
				cur = wrapGroup{}
			}
			page = page || l == PageBreak
			continue
		}
		if len(cur.lines) == 0 {
			cur.afterPage = page
			page = false
		}
		cur.lines = append(cur.lines, strings.TrimSpace(l))
	}
	if len(cur.lines) > 0 {
		groups = append(groups, cur)
	}

	var merged []wrapGroup
	for _, g := range groups {
		if n := len(merged); n > 0 && w.goesOn(merged[n-1], g) {
			merged[n-1].lines = append(merged[n-1].lines, g.lines...)
			continue
		}
		merged = append(merged, g)
	}

	var out []string
	for _, g := range merged {
		for _, p := range w.split(g.lines) {
			out = append(out, w.join(p))
		}
	}
	return out, nil
}

// goesOn reports whether group next goes on with the paragraph that prev
// ends.
func (w Wraps) goesOn(prev, next wrapGroup) bool {
	last := bare(prev.lines[len(prev.lines)-1])
	first := bare(next.lines[0])
	if w.breaks(first) {
		return false
	}
	if endsBrokenRE.MatchString(last) || endsOpen(last) {
		return true
	}
	if w.allShort(prev.lines) && w.allShort(next.lines) && w.kept(slices.Concat(prev.lines, next.lines)) {
		return true
	}
	closed := endsClosedRE.MatchString(last)
	if startsLower(first) && !closed {
		return true
	}
	if !next.afterPage || w.allShort(prev.lines) {
		return false
	}
	if w.allShort(next.lines) && !startsLower(first) {
		return false
	}
	return !closed || w.full(prev.lines, first)
}

// split cuts the lines of a group where short lines end paragraphs.
func (w Wraps) split(lines []string) [][]string {
	var out [][]string
	var cur []string
	for i := 0; i < len(lines); i++ {
		if len(cur) == 0 && w.short(lines[i]) {
			if j := w.keptRun(lines, i); j > i {
				out = append(out, lines[i:j+1])
				i = j
				continue
			}
		}
		if len(cur) > 0 && w.breaks(bare(lines[i])) {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, lines[i])
		if l := bare(lines[i]); w.short(l) && !endsBrokenRE.MatchString(l) && !endsOpen(l) {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// keptRun returns the last line of the longest run of short lines from i
// that Keep matches as one paragraph, or i.
func (w Wraps) keptRun(lines []string, i int) int {
	end := i
	for end+1 < len(lines) && w.short(lines[end+1]) {
		end++
	}
	for j := end; j > i; j-- {
		if w.kept(lines[i : j+1]) {
			return j
		}
	}
	return i
}

// breaks reports whether line must begin a paragraph.
func (w Wraps) breaks(line string) bool {
	return indexOfStart(line, w.Breaks) >= 0
}

// kept reports whether Keep matches lines joined as one paragraph.
func (w Wraps) kept(lines []string) bool {
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = bare(l)
	}
	return matchesAny(strings.Join(parts, " "), w.Keep)
}

// join joins the lines of one paragraph, mending words broken at line
// ends. A page anchor at the start of a line whose first word goes on
// from the line before is moved to the start of the whole word.
func (w Wraps) join(lines []string) string {
	acc := lines[0]
	for _, next := range lines[1:] {
		tok := leadingTokensRE.FindString(next)
		rest := next[len(tok):]
		switch {
		case endsBrokenRE.MatchString(acc) && strings.HasSuffix(acc, "-"):
			if !w.Hyphens.Keeps(acc, rest) {
				acc = strings.TrimSuffix(acc, "-")
			}
			if tok != "" {
				cut := strings.LastIndexAny(acc, " ") + 1
				acc = acc[:cut] + tok + acc[cut:]
			}
			acc += rest
		case strings.HasSuffix(acc, "—"):
			acc += tok + rest
		default:
			acc += " " + tok + rest
		}
	}
	return strings.Join(strings.Fields(acc), " ")
}

func (w Wraps) short(line string) bool {
	return utf8.RuneCountInString(bare(line)) < w.Short
}

func (w Wraps) allShort(lines []string) bool {
	for _, l := range lines {
		if !w.short(l) {
			return false
		}
	}
	return true
}

// full reports whether the last of lines was filled to the measure: the
// first word of next would not have fitted on it. Where lines hold others
// wider than the measure (a note, set smaller), their width is the
// measure.
func (w Wraps) full(lines []string, next string) bool {
	measure := w.Measure
	for _, l := range lines[:len(lines)-1] {
		measure = max(measure, utf8.RuneCountInString(bare(l)))
	}
	word, _, _ := strings.Cut(next, " ")
	last := bare(lines[len(lines)-1])
	return utf8.RuneCountInString(last)+1+utf8.RuneCountInString(word) > measure
}

// bare is a line without the page anchors it begins with.
func bare(line string) string {
	return strings.TrimSpace(leadingTokensRE.ReplaceAllString(line, ""))
}

// endsOpen reports whether line ends with a word no paragraph ends with.
func endsOpen(line string) bool {
	m := endsOnWordRE.FindStringSubmatch(line)
	return m != nil && openWords[strings.ToLower(m[1])]
}
