package ui

import (
	"cmp"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/searchbar"
)

// The root's part of search: opening the search bar, doing what it asks
// (show a hit, close at one, go back), and n and N in the text.

// searchKey handles the keys of search outside the bar: / and its
// backward twin anywhere, n, N and esc in the text. ok is false for any
// other key.
func (m Model) searchKey(msg tea.KeyMsg) (next Model, cmd tea.Cmd, ok bool) {
	k := m.c.Keys
	inText := m.focus == textPane
	switch {
	case key.Matches(msg, k.Search):
		next, cmd = m.openSearch(false)
	case key.Matches(msg, k.SearchBack):
		next, cmd = m.openSearch(true)
	case inText && key.Matches(msg, k.NextHit):
		next, cmd = m.stepHit(1)
	case inText && key.Matches(msg, k.PrevHit):
		next, cmd = m.stepHit(-1)
	case inText && key.Matches(msg, k.ClearSearch):
		m.reader.ClearCount()
		m.reader.SetSpot(nil, nil) // and a name or an entry's words gone to
		next, cmd = m, m.reader.SetSearch(nil, -1)
	default:
		return m, nil, false
	}
	return next, cmd, true
}

// openSearch opens the search bar, to search on from the top of the
// screen, or back from it.
func (m Model) openSearch(backward bool) (Model, tea.Cmd) {
	r := &m.reader
	doc := r.Doc()
	if doc == nil {
		return m, nil
	}
	var cmds []tea.Cmd
	if m.focus == contentsPane {
		cmds = append(cmds, m.setFocus(textPane))
	}
	r.ClearCount()
	res, current := r.Search()
	before := searchbar.Painted{Results: res, Current: current, Backward: m.search.Last().Backward}
	m.overlay = searchOverlay
	r.SetOrigin()
	m.searchNotes()
	cmds = append(cmds, m.search.Open(doc, r.PlainTop(), backward, before))
	r.SetCovered(m.search.PanelHeight())
	return m, tea.Batch(cmds...)
}

// searchBarKey hands a key to the open search bar; esc closes it, back
// where the reader was.
func (m Model) searchBarKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.c.Keys.Back) {
		return m.apply(common.Intent{Do: common.CancelSearch}, nil)
	}
	in, cmd := updatePart(&m.search, msg)
	return m.apply(in, cmd)
}

// searchFound hands the hits of a query to the search bar, if it is
// still open.
func (m Model) searchFound(msg searchbar.ResultsMsg) (tea.Model, tea.Cmd) {
	if m.overlay != searchOverlay {
		return m, nil
	}
	in, cmd := updatePart(&m.search, msg)
	return m.apply(in, cmd)
}

// followSearch does what the search bar asked for: show a hit or where the
// search began, or close the bar at a hit or where it began.
func (m Model) followSearch(in common.Intent) (tea.Model, tea.Cmd) {
	res := m.search.Results()
	r := &m.reader
	if in.Note != "" { // a note of the reader's, not a match in the text
		return m.followNoteHit(in, res)
	}
	switch in.Do {
	case common.ShowHit:
		return m, m.showHitOf(res, in.Hit)
	case common.ShowOrigin:
		return m, tea.Batch(r.ToOrigin(), r.SetSearch(res, -1))
	case common.AcceptHit:
		m.closeSearch()
		show := m.showHitOf(res, in.Hit)
		if o := r.Origin(); o.Doc != nil {
			m.jumps.Begin(o) // ctrl+o goes back to where the search began
		}
		m.afterMove()
		return m, show
	case common.CancelSearch:
		m.closeSearch()
		back := r.ToOrigin()
		before := m.search.Before()
		paint := r.SetSearch(before.Results, before.Current)
		m.afterLayout() // back where it was: no move
		return m, tea.Batch(back, paint)
	}
	return m, nil
}

// closeSearch closes the bar; a query still being looked for is dropped.
func (m *Model) closeSearch() {
	m.overlay = noOverlay
	m.search.Close()
	m.reader.SetCovered(0)
}

// showHitOf shows hit i of res in the reading pane, opening its document
// if another is shown, and paints the hits.
func (m *Model) showHitOf(res *corpus.Results, i int) tea.Cmd {
	if res == nil || i < 0 || i >= res.Total() {
		return nil
	}
	h := res.Hit(i)
	doc := m.c.Lib.Docs[h.Doc]
	var cmds []tea.Cmd
	opened := doc != m.reader.Doc()
	if opened {
		cmds = append(cmds, m.reader.Show(corpus.Place{Doc: doc, Offset: doc.BodyOffset(h.Start)}))
	}
	cmds = append(cmds, m.reader.SetSearch(res, i), m.reader.ShowHit(i, opened))
	return tea.Batch(cmds...)
}

// stepHit goes to the next match (dir 1) or the previous one (-1), the
// other way after a backward search, as many times as the count says: on
// from the current match if it is on screen, else from the top of the
// screen, into the next document and round the end of the library. The
// steps after a search are part of its jump: ctrl+o goes back to where
// the search began.
func (m Model) stepHit(dir int) (Model, tea.Cmd) {
	r := &m.reader
	n := max(1, r.Count())
	r.ClearCount()
	s := m.search.Last()
	if res, current := r.Search(); res != nil {
		s.Results, s.Current = res, current
	}
	if s.Results == nil {
		hint := "No search yet."
		if k := common.FirstKey(m.c.Keys.Search); k != "" {
			hint = "No search yet: " + k + " searches the library."
		}
		return m, common.Notice(hint)
	}
	total := s.Results.Total()
	if total == 0 {
		return m, common.Notice("Nothing matches " + common.Quoted(s.Results.Query.Text) + ".")
	}
	if s.Backward {
		dir = -dir
	}
	var i int
	switch {
	case s.Current >= 0 && s.Current < total && r.HitOnScreen(s.Results, s.Current):
		i = s.Current + dir
	case dir > 0:
		i = s.Results.Next(m.c.IndexOf(r.Doc()), r.PlainTop())
	default:
		i = s.Results.Next(m.c.IndexOf(r.Doc()), r.PlainTop()) - 1
	}
	i += (n - 1) * dir
	var cmds []tea.Cmd
	if i < 0 || i >= total {
		i = (i%total + total) % total
		cmds = append(cmds, common.Notice(searchbar.WrapNotice(m.c.Lib, s.Results, dir)))
	}
	from := m.reader.Here()
	h := s.Results.Hit(i)
	doc := m.c.Lib.Docs[h.Doc]
	var model tea.Model = m
	opened := doc != r.Doc()
	if opened {
		var open tea.Cmd
		model, open = m.open(common.Intent{Do: common.Open, At: corpus.Place{Doc: doc, Offset: doc.BodyOffset(h.Start)}})
		cmds = append(cmds, open)
	}
	next := model.(Model)
	cmds = append(cmds, next.reader.SetSearch(s.Results, i), next.reader.ShowHit(i, opened))
	if !next.reader.Here().Same(from) && from.Doc != nil {
		next.jumps.Step(from) // a search and its steps are one jump
	}
	next.afterMove()
	return next, tea.Batch(cmds...)
}

// searchNotes gives the search bar the reader's notes found in the
// library, in reading order, when they changed since it was last given
// them.
func (m *Model) searchNotes() {
	rev := m.own.set.Revision()
	if m.own.searched && rev == m.own.searchedRev {
		return
	}
	m.own.searched, m.own.searchedRev = true, rev
	ls := m.located()
	ns := make([]searchbar.Note, 0, len(ls))
	for _, l := range ls {
		if l.Detached || l.Doc == nil || l.DocIndex < 0 {
			continue
		}
		ns = append(ns, searchbar.Note{ID: l.Note.ID, Doc: l.DocIndex, Start: l.Start, Comment: l.Note.Comment, Words: l.Words()})
	}
	slices.SortFunc(ns, func(a, b searchbar.Note) int { return cmp.Or(cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Start, b.Start)) })
	m.search.SetNotes(ns)
}

// followNoteHit shows the passage of a note the search found, the bar
// staying open, or closes the bar there: a jump from where the search
// began. The text's matches stay painted, none of them current.
func (m Model) followNoteHit(in common.Intent, res *corpus.Results) (tea.Model, tea.Cmd) {
	r := &m.reader
	at := in.At
	if at.Doc == nil {
		return m, nil
	}
	// The passage's paragraph from its start, for the words before it.
	at.Offset = at.Doc.Blocks[at.Doc.BlockAt(at.Offset)].Start
	if in.Do == common.AcceptHit {
		m.closeSearch()
		if o := r.Origin(); o.Doc != nil {
			m.jumps.Begin(o) // ctrl+o goes back to where the search began
		}
	}
	show := r.Show(at)
	paint := r.SetSearch(res, -1)
	if in.Do == common.AcceptHit {
		m.afterMove()
	}
	return m, tea.Batch(show, paint)
}
