package prep

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// PageBreak stands in a list of lines where a printed page ended and the
// next began: the running head or page number that was there is gone, and
// the paragraph it cut may go on after it.
const PageBreak = "\f"

// Pages says how the page numbers of a printed book show in its text.
//
// Most pages open with a running head that carries the page's number (an
// even page "6 The Book's Title", an odd one "Chapter Title 7"); the page
// begins after it. A page that opens a section has no running head but its
// number alone at its foot, a drop folio; such a page begins where the
// section does, and FolioStarts says where that is.
//
// Page numbers are found in sequence: a head or folio counts only if it
// carries the number the next page must have, so a number that is a line
// of the text (a page reference wrapped onto a line of its own in an
// index) is left alone.
type Pages struct {
	// First and Last are the numbers of the first and last printed pages
	// in the text. Every page between them must be found.
	First, Last int
	// Heads match running heads, whole lines, with the page number in
	// their first group.
	Heads []*regexp.Regexp
	// Folio matches a drop folio, with the page number in its first group.
	Folio *regexp.Regexp
	// FolioStarts gives, for each page that has a drop folio, the line
	// the page begins with: the nearest line before the folio, and after
	// the page before it began, that the pattern matches.
	FolioStarts map[int]*regexp.Regexp
	// GarbledHeads and GarbledFolios give the page numbers of heads and
	// folios the digitisation misread beyond the patterns, by the whole
	// line as the source has it: "The Hifredmanaeys T5" is the head of
	// page 75.
	GarbledHeads, GarbledFolios map[string]int
}

// Mark finds the printed pages in lines. Every running head and folio
// becomes a PageBreak, and the first line of each page is prefixed with its
// page anchor, PageToken. It fails on a page it cannot find, so that a
// change of the patterns cannot silently lose pages.
func (p Pages) Mark(lines []string) ([]string, error) {
	out := append([]string(nil), lines...)
	next := p.First
	begun := -1 // the line the last page found begins with
	for i, l := range lines {
		n, folio, ok := p.number(l)
		if !ok || n != next {
			continue
		}
		out[i] = PageBreak
		at := -1
		if folio {
			start, ok := p.FolioStarts[n]
			if !ok {
				return nil, fmt.Errorf("pages: page %d has a folio but no start", n)
			}
			for j := i - 1; j > begun; j-- {
				if start.MatchString(out[j]) {
					at = j
					break
				}
			}
			if at < 0 {
				return nil, fmt.Errorf("pages: no line matches %q before the folio of page %d", start, n)
			}
		} else {
			for j := i + 1; j < len(out) && at < 0; j++ {
				if out[j] != "" && out[j] != PageBreak {
					at = j
				}
			}
			if at < 0 {
				return nil, fmt.Errorf("pages: page %d has no text after its head", n)
			}
		}
		out[at] = PageToken(strconv.Itoa(n)) + out[at]
		begun = at
		next++
	}
	if next <= p.Last {
		return nil, fmt.Errorf("pages: page %d not found", next)
	}
	return out, nil
}

// number reads the page number of a running head or folio line.
func (p Pages) number(line string) (n int, folio, ok bool) {
	line = strings.TrimSpace(line)
	if n, ok := p.GarbledHeads[line]; ok {
		return n, false, true
	}
	if n, ok := p.GarbledFolios[line]; ok {
		return n, true, true
	}
	for _, h := range p.Heads {
		if m := h.FindStringSubmatch(line); m != nil {
			n, err := strconv.Atoi(m[1])
			return n, false, err == nil
		}
	}
	if p.Folio != nil {
		if m := p.Folio.FindStringSubmatch(line); m != nil {
			n, err := strconv.Atoi(m[1])
			return n, true, err == nil
		}
	}
	return 0, false, false
}

// AnchorsOffHeadings moves the page anchors that begin a paragraph which
// becomes a heading to the start of the first paragraph after it that
// does not: a heading cannot hold an anchor, and the page a heading opens
// begins, for a reader who jumps to it, at its first paragraph.
func AnchorsOffHeadings(paras []string, headings []Heading) []string {
	out := append([]string(nil), paras...)
	carry := ""
	for i, p := range out {
		tok := leadingTokensRE.FindString(p)
		if isHeading(p[len(tok):], headings) {
			carry += tok
			out[i] = p[len(tok):]
			continue
		}
		out[i] = carry + p
		carry = ""
	}
	return out
}

func isHeading(p string, headings []Heading) bool {
	for _, h := range headings {
		if !h.Insert && h.Match.MatchString(p) {
			return true
		}
	}
	return false
}
