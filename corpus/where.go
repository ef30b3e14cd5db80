package corpus

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
)

// SectionAt is the index in Outline of the heading whose section holds
// byte offset off of Body, or -1 before the first heading.
func (d *Document) SectionAt(off int) int {
	return sort.Search(len(d.Outline), func(i int) bool { return d.Outline[i].Offset > off }) - 1
}

// PageAt is the printed page that holds byte offset off of Body; ok is
// false for a document without pages or before the first page anchor.
func (d *Document) PageAt(off int) (label string, ok bool) {
	i := sort.Search(len(d.Pages), func(i int) bool { return d.Pages[i].Offset > off }) - 1
	if i < 0 {
		return "", false
	}
	return d.Pages[i].Label, true
}

// PageOffset is where printed page label begins in Body.
func (d *Document) PageOffset(label string) (int, bool) {
	for _, p := range d.Pages {
		if p.Label == label {
			return p.Offset, true
		}
	}
	return 0, false
}

// Heading finds the outline entry with the anchor, or the only one whose
// anchor starts with it, or else the only one whose anchor contains it.
func (d *Document) Heading(anchor string) (Heading, error) {
	var prefixed, contained []Heading
	for _, h := range d.Outline {
		if h.Anchor == anchor {
			return h, nil
		}
		if strings.HasPrefix(h.Anchor, anchor) {
			prefixed = append(prefixed, h)
		} else if strings.Contains(h.Anchor, anchor) {
			contained = append(contained, h)
		}
	}
	found := prefixed
	if len(found) == 0 {
		found = contained
	}
	if len(found) == 1 {
		return found[0], nil
	}
	cands := make([]string, 0, len(d.Outline))
	for _, h := range d.Outline {
		cands = append(cands, h.Anchor)
	}
	if len(found) > 1 {
		return Heading{}, fmt.Errorf("%s: anchor %q is ambiguous: %s", d.ID, anchor, listOf(anchorsOf(found)))
	}
	return Heading{}, fmt.Errorf("%s: no anchor %q%s", d.ID, anchor, suggest(anchor, cands))
}

func anchorsOf(hs []Heading) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Anchor
	}
	return out
}

// Find resolves a reference to a document: its id, a prefix of exactly one
// id, or its 1-based number in the library.
func (l *Library) Find(ref string) (*Document, error) {
	if n, err := strconv.Atoi(ref); err == nil {
		if n >= 1 && n <= len(l.Docs) {
			return l.Docs[n-1], nil
		}
		return nil, fmt.Errorf("no document %d: the library has %d", n, len(l.Docs))
	}
	var found []*Document
	for _, d := range l.Docs {
		if d.ID == ref {
			return d, nil
		}
		if strings.HasPrefix(d.ID, ref) {
			found = append(found, d)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	ids := make([]string, 0, len(l.Docs))
	for _, d := range l.Docs {
		ids = append(ids, d.ID)
	}
	if len(found) > 1 {
		amb := make([]string, len(found))
		for i, d := range found {
			amb[i] = d.ID
		}
		return nil, fmt.Errorf("document %q is ambiguous: %s", ref, listOf(amb))
	}
	return nil, fmt.Errorf("no document %q%s", ref, suggest(ref, ids))
}

// Place is a place in the library: a document and a byte offset of its
// Body, or -1 for the document's head, before its text: its title, or the
// document as a whole.
type Place struct {
	Doc    *Document
	Offset int
}

// Block is the index of the block that holds the place.
func (p Place) Block() int {
	return p.Doc.BlockAt(max(p.Offset, 0))
}

// Same says whether two places are in the same block of the same
// document: one place, for a reader going back to it.
func (p Place) Same(o Place) bool {
	if p.Doc == nil || o.Doc == nil {
		return p.Doc == o.Doc
	}
	return p.Doc == o.Doc && p.Block() == o.Block()
}

// Resolve reads "DOC", the document as a whole (its head), or
// "DOC#ANCHOR", the section the anchor names.
func (l *Library) Resolve(ref string) (Place, error) {
	docRef, anchor, hasAnchor := strings.Cut(ref, "#")
	d, err := l.Find(docRef)
	if err != nil {
		return Place{}, err
	}
	if !hasAnchor || anchor == "" {
		return Place{Doc: d, Offset: -1}, nil
	}
	if err := d.Load(); err != nil {
		return Place{}, err
	}
	h, err := d.Heading(anchor)
	if err != nil {
		return Place{}, err
	}
	return Place{Doc: d, Offset: h.Offset}, nil
}

// SectionEnd is where the section that heading i opens ends: at the next
// heading of the same or a higher level, or the end of Body.
func (d *Document) SectionEnd(i int) int {
	for j := i + 1; j < len(d.Outline); j++ {
		if d.Outline[j].Level <= d.Outline[i].Level {
			return d.Outline[j].Offset
		}
	}
	return len(d.Body)
}

// Words counts the words of the document's plain text.
func (d *Document) Words() int {
	return len(strings.Fields(d.Plain()))
}

// suggest names the candidates close to what was asked for, as the tail of
// an error message.
func suggest(ref string, cands []string) string {
	names := closest(ref, cands, 5)
	if len(names) == 0 {
		return ""
	}
	return "; did you mean " + listOf(names) + "?"
}

// closest is up to n of the candidates close to ref, by edit distance or
// because they contain it, the closest first.
func closest(ref string, cands []string, n int) []string {
	type scored struct {
		s string
		d int
	}
	var close []scored
	for _, c := range cands {
		dist := levenshtein.ComputeDistance(ref, c)
		if strings.Contains(c, ref) || dist <= max(2, len(ref)/3) {
			close = append(close, scored{c, dist})
		}
	}
	sort.SliceStable(close, func(i, j int) bool { return close[i].d < close[j].d })
	if len(close) > n {
		close = close[:n]
	}
	names := make([]string, len(close))
	for i, c := range close {
		names[i] = c.s
	}
	return names
}

func listOf(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}
