package prep

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PageBreaks joins the hard-wrapped lines of a text printed page by page
// into paragraphs. In such a text a blank line does not always end a
// paragraph: a page break, or a converter's stray gap, puts one inside a
// paragraph and even inside a sentence. And a paragraph break can leave no
// blank line at all, where a page began with a new paragraph: the first
// line of a page is then marked only by a leading space.
//
// The evidence is the wrap. A line that ends a paragraph is short: the next
// word would have fitted on it. A line that is full but ends without
// closing punctuation, or that is followed by a line beginning in
// lowercase, was cut by a page, not by the author. What the evidence cannot
// settle (a full line that ends a sentence, then a blank line, then a
// capital) is taken as the paragraph break it most often is; Join and Break
// correct it where the text says otherwise.
type PageBreaks struct {
	// Wrap is the width, in characters, within which the text's lines
	// wrap: a line is full when it and the next word together are wider.
	// With a proportional font printed to text, use the narrowest width
	// at which full lines are seen to end.
	Wrap int
	// Opens, if set, matches lines that always begin a paragraph, such as
	// a section number standing on a line of its own.
	Opens *regexp.Regexp
	// Join lists the starts of lines that continue the paragraph before
	// them across a blank line the evidence takes for a paragraph break.
	Join []string
	// Break lists the starts of lines that begin a paragraph where the
	// evidence would continue the one before.
	Break []string
}

// closesRE finds closing punctuation at the end of a line: a sentence or
// clause that ends there, perhaps inside quotation marks or brackets.
var closesRE = regexp.MustCompile(`[.?!:;]["'”’)\]]*$`)

// Paragraphs joins lines into paragraphs, each with single spaces between
// its words. It fails on a Join or Break that applies to no line, so that
// a correction which no longer corrects anything does not linger.
func (pb PageBreaks) Paragraphs(lines []string) ([]string, error) {
	usedJoin := make([]bool, len(pb.Join))
	usedBreak := make([]bool, len(pb.Break))
	override := func(list []string, used []bool, line string) bool {
		t := strings.TrimSpace(line)
		for i, s := range list {
			if strings.HasPrefix(t, s) {
				used[i] = true
				return true
			}
		}
		return false
	}

	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(strings.Fields(strings.Join(cur, " ")), " "))
			cur = cur[:0]
		}
	}
	prev := ""     // the last non-blank line
	blank := false // whether blank lines stand between prev and this line
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			blank = prev != ""
			continue
		}
		if prev != "" {
			var join bool
			switch {
			case override(pb.Join, usedJoin, l):
				join = true
			case override(pb.Break, usedBreak, l):
				join = false
			case pb.Opens != nil && pb.Opens.MatchString(l):
				join = false
			case blank:
				join = pb.continuesAcrossGap(prev, l)
			default:
				join = pb.continuesOnNextPage(prev, l)
			}
			if !join {
				flush()
			}
		}
		cur = append(cur, l)
		prev, blank = l, false
	}
	flush()

	for i, u := range usedJoin {
		if !u {
			return nil, fmt.Errorf("page breaks: Join %q applies to no line", pb.Join[i])
		}
	}
	for i, u := range usedBreak {
		if !u {
			return nil, fmt.Errorf("page breaks: Break %q applies to no line", pb.Break[i])
		}
	}
	return out, nil
}

// continuesAcrossGap reports whether next, after blank lines, goes on with
// the paragraph that prev ends: prev does not close, and either it is full
// or next begins in lowercase.
func (pb PageBreaks) continuesAcrossGap(prev, next string) bool {
	if closes(prev) {
		return false
	}
	return pb.full(prev, next) || startsLower(next)
}

// continuesOnNextPage reports whether next, which follows prev with no
// blank line, goes on with its paragraph. It always does unless next opens
// a page (its leading space) after a line that was not full: the page
// break took the paragraph break's blank line with it. A lowercase start
// after an open line is a lacuna, not a new paragraph.
func (pb PageBreaks) continuesOnNextPage(prev, next string) bool {
	if !strings.HasPrefix(next, " ") || pb.full(prev, next) {
		return true
	}
	return !closes(prev) && startsLower(next)
}

// full reports whether prev was filled to the wrap: next's first word
// would not have fitted on it.
func (pb PageBreaks) full(prev, next string) bool {
	word, _, _ := strings.Cut(strings.TrimSpace(next), " ")
	return utf8.RuneCountInString(strings.TrimSpace(prev))+1+utf8.RuneCountInString(word) > pb.Wrap
}

func closes(line string) bool { return closesRE.MatchString(strings.TrimSpace(line)) }

// startsLower reports whether the first letter of line, past any opening
// quotation marks or brackets, is lowercase.
func startsLower(line string) bool {
	for _, r := range line {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}
