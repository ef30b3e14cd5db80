package corpus

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unit is a piece of the plain text a selection grows and shrinks by.
type Unit int

const (
	// Word is a run of characters between spaces, with the punctuation
	// that clings to it: a quotation taken word by word keeps its commas
	// and its quotation marks.
	Word Unit = iota
	// Sentence runs to a full stop, a question or an exclamation mark and
	// the quotation marks, brackets and note markers that close it; the
	// full stop of an initial or a common abbreviation ("V. I. Lenin",
	// "Mr.", "p. 63", "etc.") ends none.
	Sentence
	// Paragraph is a block: a paragraph, a heading, an item, a quotation.
	Paragraph
)

// Units lists the units of kind u in text, the plain text of one block,
// as byte ranges [start, end), in order, white space left out.
func Units(u Unit, text string) [][2]int {
	switch u {
	case Word:
		return words(text)
	case Sentence:
		return sentences(text)
	}
	start := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	end := len(strings.TrimRightFunc(text, unicode.IsSpace))
	if start >= end {
		return nil
	}
	return [][2]int{{start, end}}
}

func words(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func sentences(text string) [][2]int {
	var out [][2]int
	start := skipSpace(text, 0)
	for i := start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminator(r) {
			i += size
			continue
		}
		end := i + size
		for end < len(text) {
			q, n := utf8.DecodeRuneInString(text[end:])
			if !isTerminator(q) {
				break
			}
			end += n
		}
		end = skipClosers(text, end)
		next := skipSpace(text, end)
		switch {
		case end == len(text) || next == len(text):
			i = len(text)
		case next == end: // no space after it: "3.5", "U.S.S.R."
			i = end
		case r == '.' && abbreviation(text[:i], text[next:]):
			i = next
		case startsLower(text[next:]):
			i = next
		default:
			out = append(out, [2]int{start, end})
			start, i = next, next
		}
	}
	if end := len(strings.TrimRightFunc(text, unicode.IsSpace)); start < end {
		out = append(out, [2]int{start, end})
	}
	return out
}

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// skipClosers steps over what closes a sentence after its stop: quotation
// marks, brackets, and note markers such as "[12]".
func skipClosers(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case strings.ContainsRune("\"'”’)]»›", r):
			i += n
		case r == '[':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			if j == i+1 || j >= len(text) || text[j] != ']' {
				return i
			}
			i = j + 1
		default:
			return i
		}
	}
	return i
}

func skipSpace(text string, i int) int {
	return len(text) - len(strings.TrimLeftFunc(text[i:], unicode.IsSpace))
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "\"'“‘([«‹"))
	return unicode.IsLower(r)
}

// abbreviations end with a full stop that ends no sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "prof": true,
	"gen": true, "col": true, "lt": true, "capt": true, "comr": true, "hon": true, "messrs": true,
	"vol": true, "vols": true, "p": true, "pp": true, "ch": true, "chap": true, "sec": true, "art": true,
	"ed": true, "eds": true, "trans": true, "etc": true, "cf": true, "viz": true, "vs": true, "al": true,
	"fig": true, "op": true, "cit": true, "loc": true, "approx": true, "esp": true, "ca": true,
	"jan": true, "feb": true, "apr": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// numbered are abbreviations that end no sentence when a number follows:
// "No. 5", "Nos. 3".
var numbered = map[string]bool{"no": true, "nos": true}

// abbreviation says whether the full stop at the end of before closes an
// abbreviation or an initial rather than a sentence; after is the text
// that follows the space after it.
func abbreviation(before, after string) bool {
	w := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
	w = strings.TrimLeft(w, "\"'“‘([«‹")
	if w == "" {
		return false
	}
	if strings.TrimSpace(before) == w && numeral(w) {
		return true // the number of a heading or an item: "2. Comparative Estimate"
	}
	if utf8.RuneCountInString(w) == 1 {
		return unicode.IsLetter([]rune(w)[0]) // an initial: "V. I. Lenin"
	}
	lower := strings.ToLower(w)
	if strings.Contains(w, ".") {
		return lower == w // "e.g.", "i.e."; not "U.S.S.R."
	}
	if numbered[lower] {
		r, _ := utf8.DecodeRuneInString(after)
		return unicode.IsDigit(r)
	}
	return abbreviations[lower]
}

// numeral says whether w, without its stop, is a number in digits or in
// Roman numerals.
func numeral(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" {
		return false
	}
	digits, roman := true, true
	for _, r := range w {
		digits = digits && r >= '0' && r <= '9'
		roman = roman && strings.ContainsRune("IVXLCDM", r)
	}
	return digits || roman
}

// UnitEdge is the nearest edge of a unit of kind u strictly after
// (forward) or before plain offset off of d: the end of a unit if end is
// true, else the start of one. ok is false when there is none that way.
func (d *Document) UnitEdge(u Unit, off int, end, forward bool) (edge int, ok bool) {
	if len(d.Blocks) == 0 {
		return 0, false
	}
	off = min(max(off, 0), d.plainLen)
	b := d.BlockAt(d.BodyOffset(off))
	step := 1
	if !forward {
		step = -1
	}
	for ; b >= 0 && b < len(d.Blocks); b += step {
		from := d.PlainOffset(d.Blocks[b].Start)
		to := d.PlainOffset(d.Blocks[b].End)
		if forward && to <= off || !forward && from >= off {
			continue
		}
		units := Units(u, d.PlainRange(from, to))
		if forward {
			for _, un := range units {
				if e := from + un[edgeIndex(end)]; e > off {
					return e, true
				}
			}
			continue
		}
		for k := len(units) - 1; k >= 0; k-- {
			if e := from + units[k][edgeIndex(end)]; e < off {
				return e, true
			}
		}
	}
	return 0, false
}

func edgeIndex(end bool) int {
	if end {
		return 1
	}
	return 0
}

// UnitAt is the unit of kind u that holds plain offset off of d, or the
// first after it; ok is false when there is none.
func (d *Document) UnitAt(u Unit, off int) (start, end int, ok bool) {
	end, ok = d.UnitEdge(u, off, true, true)
	if !ok {
		return 0, 0, false
	}
	start, found := d.UnitEdge(u, end, false, false)
	if !found {
		start = 0
	}
	return start, end, true
}

// isText says whether block b is text to select: not a heading, and with
// a letter or a digit in it, not a rule such as "* * *".
func (d *Document) isText(b int) bool {
	blk := d.Blocks[b]
	if _, heading := slices.BinarySearchFunc(d.Outline, blk.Start, func(h Heading, off int) int { return h.Offset - off }); heading {
		return false
	}
	return strings.IndexFunc(d.Body[blk.Start:blk.End], isLetter) >= 0
}

// InText says whether plain offset off of d is in a block of text, not a
// heading or a rule.
func (d *Document) InText(off int) bool {
	if len(d.Blocks) == 0 {
		return false
	}
	return d.isText(d.BlockAt(d.BodyOffset(min(max(off, 0), d.plainLen))))
}

// TextUnitAt is the unit of kind u that holds plain offset off of d, or
// the first after it, in a block of text: headings and rules are passed
// over. ok is false when there is none.
func (d *Document) TextUnitAt(u Unit, off int) (start, end int, ok bool) {
	for {
		start, end, ok = d.UnitAt(u, off)
		if !ok || d.InText(start) {
			return start, end, ok
		}
		off = end
	}
}

// TextEdge is UnitEdge passing over the units of headings and rules: the
// nearest edge that way of a unit in a block of text. crossed says
// whether a heading lies between off and the edge: the passage would run
// on into the next section.
func (d *Document) TextEdge(u Unit, off int, end, forward bool) (edge int, crossed, ok bool) {
	edge = off
	for {
		edge, ok = d.UnitEdge(u, edge, end, forward)
		if !ok {
			return 0, false, false
		}
		in := edge // a character of the unit, to ask what block holds it
		if end {
			in = edge - 1
		}
		if d.InText(in) {
			return edge, d.headingBetween(min(off, edge), max(off, edge)), true
		}
	}
}

// headingBetween says whether a heading begins between plain offsets
// from and to of d.
func (d *Document) headingBetween(from, to int) bool {
	i := sort.Search(len(d.Outline), func(i int) bool { return d.PlainOffset(d.Outline[i].Offset) > from })
	return i < len(d.Outline) && d.PlainOffset(d.Outline[i].Offset) < to
}
