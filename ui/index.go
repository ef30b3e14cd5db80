package ui

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/overlay"
	"samizdat/ui/render"
)

// The root's part of a printed index made live: on a screen of the index,
// follow-note lists the entries on screen and their pages, and going to
// one opens that printed page with the entry's words standing out on it
// (a "b" page is a biographical note, an "n" page the notes printed on
// it: the words are found there alike).

// printedIndex is the index of the document shown and the document, if it
// has one; nil if not.
func (m Model) printedIndex() (*corpus.PrintedIndex, *corpus.Document) {
	p := m.people()
	ix := p.PrintedIndex()
	if ix == nil {
		return nil, nil
	}
	i := p.Doc(ix.Work)
	if i < 0 {
		return nil, nil
	}
	return ix, m.c.Lib.Docs[i]
}

// indexOnScreen is the entries of the printed index the screen shows, as
// indexes in its Entries.
func (m Model) indexOnScreen() []int {
	ix, d := m.printedIndex()
	if ix == nil || d != m.reader.Doc() {
		return nil
	}
	sc := m.reader.Screen()
	from, to := d.PlainOffset(max(sc.Top, 0)), d.PlainOffset(max(sc.Bottom, sc.Top+1))
	var out []int
	for i, e := range ix.Entries {
		if e.Start < to && e.End > from && len(e.AllRefs()) > 0 {
			out = append(out, i)
		}
	}
	return out
}

// inIndex says whether the screen shows the section of the printed index.
func (m Model) inIndex() bool {
	ix, d := m.printedIndex()
	if ix == nil || d != m.reader.Doc() || len(ix.Entries) == 0 {
		return false
	}
	sc := m.reader.Screen()
	return sc.Section >= 0 && sc.Section == d.SectionAt(d.BodyOffset(ix.Entries[0].Start))
}

// choosePage lists the pages of entries of the printed index, to go to
// one.
func (m Model) choosePage(entries []int) (tea.Model, tea.Cmd) {
	ix, d := m.printedIndex()
	var rows []overlay.PlaceRow
	m.placeSpots = m.placeSpots[:0]
	add := func(e corpus.IndexEntry, head, find string) {
		if len(e.Refs) == 0 {
			return
		}
		rows = append(rows, overlay.PlaceRow{Head: head})
		m.placeSpots = append(m.placeSpots, placeSpot{})
		for _, r := range e.Refs {
			from, to, ok := pageRange(d, r)
			if !ok {
				continue
			}
			where := d.ShortTitle()
			if s := d.SectionAt(from); s >= 0 {
				where = d.Outline[s].Title
			}
			if r.Kind == "b" {
				// The note on the person, their name standing out.
				if name, ok := m.biography(d, find, from, to); ok {
					rows = append(rows, overlay.PlaceRow{Text: where, Page: r.Text(), At: corpus.Place{Doc: d, Offset: from}})
					m.placeSpots = append(m.placeSpots, placeSpot{doc: d, ranges: []render.Range{name}, page: true})
					continue
				}
			}
			rows = append(rows, overlay.PlaceRow{Text: where, Page: r.Text(), At: corpus.Place{Doc: d, Offset: from}})
			m.placeSpots = append(m.placeSpots, placeSpot{doc: d, find: find, to: to})
		}
	}
	for _, i := range entries {
		e := ix.Entries[i]
		find := e.Heading()
		add(e, e.Term, find)
		for _, s := range e.Subs {
			add(s, e.Term+"; "+s.Term, find)
		}
	}
	title := "Index: the entries on screen"
	if len(entries) == 1 {
		title = "Index: " + ix.Entries[entries[0]].Term
	}
	m.places.SetSize(m.width, m.height)
	m.places.Open(title, rows, 0, "No page of these entries is in this edition.")
	m.overlay = placesOverlay
	return m, nil
}

// biography is the name the note on the person name names opens with,
// if the note begins in d within Body offsets from to to.
func (m Model) biography(d *corpus.Document, name string, from, to int) (words render.Range, ok bool) {
	p := m.people()
	for _, i := range p.Lookup(name) {
		s := p.Person(i).Source
		if p.Doc(s.Work) != m.c.IndexOf(d) {
			continue
		}
		if off := d.BodyOffset(s.Start); off >= from && off < to {
			end := s.Start + len(p.Person(i).Name)
			if d.PlainRange(s.Start, end) != p.Person(i).Name {
				end = s.Start
			}
			return render.Range{Start: s.Start, End: end}, true
		}
	}
	return render.Range{}, false
}

// pageRange is the range of d's Body a page reference covers: its page,
// through the last of a range, and the two after it for "ff".
func pageRange(d *corpus.Document, r corpus.IndexRef) (from, to int, ok bool) {
	i := slices.IndexFunc(d.Pages, func(p corpus.Page) bool { return p.Label == r.Page })
	if i < 0 {
		return 0, 0, false
	}
	last := i
	switch {
	case r.Last != "":
		if j := slices.IndexFunc(d.Pages, func(p corpus.Page) bool { return p.Label == r.Last }); j > i {
			last = j
		}
	case r.Kind == "ff":
		last = min(i+2, len(d.Pages)-1)
	}
	to = len(d.Body)
	if last+1 < len(d.Pages) {
		to = d.Pages[last+1].Offset
	}
	return d.Pages[i].Offset, to, true
}

// findOnPage looks for words on d's Body from from to to, off the UI
// goroutine, as a search would find them but ignoring case: the words of
// an index entry on the page from begins.
func findOnPage(ix *corpus.Index, docIndex int, d *corpus.Document, words string, from, to int) tea.Cmd {
	return func() tea.Msg {
		res := ix.Search(corpus.Query{Text: strings.ToLower(words), Doc: docIndex}, nil)
		first, end := res.Within(docIndex, d.PlainOffset(from), d.PlainOffset(to))
		var ranges []render.Range
		for i := first; i < end; i++ {
			h := res.Hit(i)
			ranges = append(ranges, render.Range{Start: h.Start, End: h.End})
		}
		return indexPageMsg{page: corpus.Place{Doc: d, Offset: from}, ranges: ranges}
	}
}

// foundOnPage goes to the page of an index entry, its words standing out.
func (m Model) foundOnPage(msg indexPageMsg) (tea.Model, tea.Cmd) {
	var said tea.Cmd
	if len(msg.ranges) == 0 {
		said = common.Hint("The entry's words are not on that page; at its start.")
	}
	return m.goToSpot(msg.page, msg.ranges, said)
}

// goToSpot opens at with ranges of its document's plain text standing
// out: at at the top of the screen if the first of them shows there, else
// that brought into view. A printed page opens at its start.
func (m Model) goToSpot(at corpus.Place, ranges []render.Range, said tea.Cmd) (tea.Model, tea.Cmd) {
	m.reader.SetSpot(at.Doc, ranges)
	next, cmd := m.apply(common.Intent{Do: common.Open, At: at}, said)
	if nm, ok := next.(Model); ok {
		cmd = tea.Batch(cmd, nm.reader.RevealSpot())
		next = nm
	}
	return next, cmd
}
