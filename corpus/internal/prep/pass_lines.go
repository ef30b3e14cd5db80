package prep

import (
	"regexp"
	"strings"
)

// Lines splits raw text into lines, normalising what is never content:
// CR line ends, trailing white space, and lines that hold only spaces and
// non-breaking spaces (which become empty).
func Lines(raw string) []string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	raw = strings.ReplaceAll(raw, "\r", "\n")
	lines := strings.Split(strings.TrimSuffix(raw, "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if strings.Trim(l, " \t\u00a0") == "" {
			l = ""
		}
		lines[i] = l
	}
	return lines
}

// DropLines removes every line that one of the patterns matches.
func DropLines(lines []string, patterns []*regexp.Regexp) []string {
	out := lines[:0:0]
	for _, l := range lines {
		if !matchesAny(l, patterns) {
			out = append(out, l)
		}
	}
	return out
}

func matchesAny(s string, patterns []*regexp.Regexp) bool {
	for _, p := range patterns {
		if p.MatchString(s) {
			return true
		}
	}
	return false
}

// Between returns the lines from the first that start matches up to, not
// including, the first after it that end matches (to the last line if end
// is nil or never matches). It reports whether start was found.
func Between(lines []string, start, end *regexp.Regexp) ([]string, bool) {
	from := -1
	for i, l := range lines {
		if start.MatchString(l) {
			from = i
			break
		}
	}
	if from < 0 {
		return nil, false
	}
	to := len(lines)
	if end != nil {
		for i := from + 1; i < len(lines); i++ {
			if end.MatchString(lines[i]) {
				to = i
				break
			}
		}
	}
	return lines[from:to], true
}

// Paragraphs joins hard-wrapped lines into paragraphs: a run of non-empty
// lines is one paragraph, its lines joined with single spaces.
func Paragraphs(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if l == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimSpace(l))
	}
	flush()
	return out
}
