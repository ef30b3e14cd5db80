package corpus

import (
	"sort"
	"strings"
)

// PrintedIndex is a work's printed index of names and subjects, read by
// the preparation: its entries, their sub-entries and their page
// references, each with where it stands in the index's text, so that a
// reader can choose a page number and go to that page.
type PrintedIndex struct {
	Work    string       `json:"work"` // the id of the document it indexes, and that holds it
	Entries []IndexEntry `json:"entries"`
}

// IndexEntry is an entry of a printed index, or a sub-entry of one:
// "Kamenev, L., 19, 20; Lenin on, 23, 55, 65; see also Zinoviev".
type IndexEntry struct {
	// Term is what the entry indexes: "Kamenev, L.", or a sub-entry's
	// "Lenin on".
	Term string     `json:"term"`
	Refs []IndexRef `json:"refs,omitempty"`
	// See names the entries a "see" or "see also" sends the reader to.
	See  []string     `json:"see,omitempty"`
	Subs []IndexEntry `json:"subs,omitempty"`
	// Start and End are the entry's byte range in the work's Plain; a
	// sub-entry's range runs from its term to its last reference.
	Start int `json:"start"`
	End   int `json:"end"`
}

// IndexRef is a page reference of an index entry: "65", "112n", "150b",
// "18–20", "133ff".
type IndexRef struct {
	Page string `json:"page"`           // the printed page it refers to
	Last string `json:"last,omitempty"` // the last page of a range, "20" in "18–20"
	// Kind is "n" for a note on the page, "b" for a biographical note,
	// "ff" for the page and those after it, or "".
	Kind string `json:"kind,omitempty"`
	// Start and End are the reference's byte range in the work's Plain:
	// where the reader sees "150b".
	Start int `json:"start"`
	End   int `json:"end"`
}

// Text is the reference as the index prints it.
func (r IndexRef) Text() string {
	s := r.Page
	if r.Last != "" {
		s += "–" + r.Last
	}
	return s + r.Kind
}

// Heading is the words of an entry's term a reader looks for on its
// pages: the term before its first comma, without quotation marks
// ("Kamenev" of "Kamenev, L."; "Better Fewer, But Better" stays whole
// when quoted).
func (e IndexEntry) Heading() string {
	t := e.Term
	if strings.HasPrefix(t, "“") {
		if end := strings.Index(t[len("“"):], "”"); end >= 0 {
			return strings.TrimRight(t[len("“"):len("“")+end], ",.")
		}
	}
	if i := strings.Index(t, ", "); i > 0 {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// PrintedIndex is the printed index the library's people data carries,
// or nil.
func (p *People) PrintedIndex() *PrintedIndex {
	if p == nil {
		return nil
	}
	return p.index
}

// RefAt finds the page reference whose text holds plain offset off of the
// index's work: the entry (or sub-entry) and the reference. ok is false
// off a reference.
func (ix *PrintedIndex) RefAt(off int) (entry IndexEntry, ref IndexRef, ok bool) {
	if ix == nil {
		return IndexEntry{}, IndexRef{}, false
	}
	es := ix.Entries
	i := sort.Search(len(es), func(i int) bool { return es[i].End > off })
	if i == len(es) || es[i].Start > off {
		return IndexEntry{}, IndexRef{}, false
	}
	e := es[i]
	for _, r := range e.Refs {
		if r.Start <= off && off < r.End {
			return e, r, true
		}
	}
	for _, s := range e.Subs {
		for _, r := range s.Refs {
			if r.Start <= off && off < r.End {
				return s, r, true
			}
		}
	}
	return IndexEntry{}, IndexRef{}, false
}

// AllRefs is every page reference of an entry, its sub-entries' after its
// own.
func (e IndexEntry) AllRefs() []IndexRef {
	refs := append([]IndexRef(nil), e.Refs...)
	for _, s := range e.Subs {
		refs = append(refs, s.Refs...)
	}
	return refs
}

// Match is the entries whose term holds text, folded as a search folds
// (case, accents, quotation marks): those whose term begins with it
// first, then the others, each in the index's order. The go-to prompt
// offers them.
func (ix *PrintedIndex) Match(text string) []IndexEntry {
	q := strings.TrimSpace(Fold(text, true))
	if ix == nil || q == "" {
		return nil
	}
	var prefixed, contained []IndexEntry
	for _, e := range ix.Entries {
		t := Fold(e.Term, true)
		switch {
		case strings.HasPrefix(strings.TrimLeft(t, `"`), q):
			prefixed = append(prefixed, e)
		case strings.Contains(t, q):
			contained = append(contained, e)
		}
	}
	return append(prefixed, contained...)
}

// IndexPerson is the person of the people index an entry of the printed index
// names ("Eltsin, V."), if it names exactly one.
func (p *People) IndexPerson(e IndexEntry) (int, bool) {
	found := p.Lookup(e.Term)
	if len(found) != 1 {
		return 0, false
	}
	return found[0], true
}
