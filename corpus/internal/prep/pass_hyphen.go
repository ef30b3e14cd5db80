package prep

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hyphens decides what becomes of a word a printer broke at the end of a
// line, "distor-" / "tion". Most such hyphens are the printer's and go:
// "distortion". A compound keeps its own: "self-" / "determination" stays
// "self-determination". The text itself is the first witness: a compound
// it writes with a hyphen somewhere inside a line keeps the hyphen where a
// line breaks it too. What the text never shows unbroken, the recipe says.
type Hyphens struct {
	keep map[string]bool // lowercased compounds that keep their hyphen
}

var (
	// compoundRE finds words joined by hyphens: "self-determination",
	// "day-to-day".
	compoundRE = regexp.MustCompile(`[\pL\pN]+(?:-[\pL\pN]+)+`)
	// brokenTailRE finds the part of a broken word that opens the next
	// line, with any hyphens of its own: "tion", "to-day".
	brokenTailRE = regexp.MustCompile(`^[\pL\pN]+(?:-[\pL\pN]+)*`)
	// brokenHeadRE finds the part of a broken word that ends a line,
	// before the line's last hyphen.
	brokenHeadRE = regexp.MustCompile(`[\pL\pN]+-$`)
)

// NewHyphens learns the compounds that lines writes with a hyphen inside a
// line (a hyphen at a line's end proves nothing) and adds keep, the
// compounds the recipe knows to keep their hyphen although the text never
// shows them unbroken ("co-operation" where the text elsewhere prints
// "cooperation", or a compound it breaks every time it uses it).
func NewHyphens(lines []string, keep []string) *Hyphens {
	h := &Hyphens{keep: map[string]bool{}}
	for _, l := range lines {
		l = strings.TrimSuffix(strings.TrimRight(l, " "), "-")
		for _, c := range compoundRE.FindAllString(l, -1) {
			h.keep[strings.ToLower(c)] = true
		}
	}
	for _, k := range keep {
		h.keep[strings.ToLower(k)] = true
	}
	return h
}

// Keeps reports whether a word broken at a line's end keeps its hyphen,
// given the line that ends with the hyphen and the line that goes on. A
// hyphen before a capital or a digit, or after a digit, is always the
// word's own: "non-" / "Russian", "1917-" / "18".
func (h *Hyphens) Keeps(line, next string) bool {
	head := strings.TrimSuffix(brokenHeadRE.FindString(line), "-")
	tail := brokenTailRE.FindString(next)
	if head == "" || tail == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(tail)
	last, _ := utf8.DecodeLastRuneInString(head)
	if unicode.IsUpper(first) || unicode.IsDigit(first) || unicode.IsDigit(last) {
		return true
	}
	return h.keep[strings.ToLower(head+"-"+tail)]
}
