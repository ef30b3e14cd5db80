package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// The root's part of search: opening the search bar, doing what it asks
// (show a hit, close at one, go back), and n and N in the text.

// readerSpot is where the reading pane was, to go back to.
type readerSpot struct {
	doc         *corpus.Document
	top         position
	anchor      int
	stickBottom bool
	width       int // the measure top was laid out at
}

func (r *readerModel) spot() readerSpot {
	return readerSpot{doc: r.doc, top: r.top, anchor: r.anchor, stickBottom: r.stickBottom, width: r.textWidth}
}

// restore goes back to a spot: to the very line if the measure is the
// same, else to the offset it showed.
func (r *readerModel) restore(s readerSpot) tea.Cmd {
	if s.doc == nil {
		return nil
	}
	var cmd tea.Cmd
	if s.doc != r.doc {
		cmd = r.open(s.doc, s.anchor)
	}
	r.leaveHit()
	if s.width == r.textWidth {
		r.top, r.anchor, r.stickBottom = s.top, s.anchor, s.stickBottom
		r.settle()
	} else {
		r.jump(s.anchor)
	}
	return tea.Batch(cmd, r.ensure())
}

// placeOf is a reader's spot as a place of the history of jumps.
func placeOf(s readerSpot) corpus.Place {
	if s.doc == nil {
		return corpus.Place{}
	}
	return corpus.Place{Doc: s.doc, Offset: s.anchor}
}

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
		m.reader.count = 0
		next, cmd = m, m.reader.setSearch(nil, -1)
	default:
		return m, nil, false
	}
	return next, cmd, true
}

// openSearch opens the search bar, to search on from the top of the
// screen, or back from it.
func (m Model) openSearch(backward bool) (Model, tea.Cmd) {
	r := &m.reader
	if r.doc == nil {
		return m, nil
	}
	var cmds []tea.Cmd
	if m.focus == contentsPane {
		cmds = append(cmds, m.setFocus(textPane))
	}
	r.count = 0
	from := 0
	if r.top.off > 0 {
		from = r.doc.PlainOffset(r.top.off)
	}
	before := savedSearch{res: r.hl.res, current: r.hl.current, backward: m.search.last.backward}
	m.overlay = searchOverlay
	cmds = append(cmds, m.search.Open(r.doc, from, backward, r.spot(), before))
	r.hl.covered = m.search.panelHeight()
	return m, tea.Batch(cmds...)
}

// searchBarKey hands a key to the open search bar; esc closes it, back
// where the reader was.
func (m Model) searchBarKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.c.Keys.Back) {
		return m.apply(common.Intent{Do: common.CancelSearch}, nil)
	}
	var cmd tea.Cmd
	var in common.Intent
	m.search, cmd, in = m.search.Update(msg)
	return m.apply(in, cmd)
}

// searchFound hands the hits of a query to the search bar, if it is
// still open.
func (m Model) searchFound(msg searchResultsMsg) (tea.Model, tea.Cmd) {
	if m.overlay != searchOverlay {
		return m, nil
	}
	var cmd tea.Cmd
	var in common.Intent
	m.search, cmd, in = m.search.Update(msg)
	return m.apply(in, cmd)
}

// followSearch does what the search bar asked for: show a hit or where the
// search began, or close the bar at a hit or where it began.
func (m Model) followSearch(in common.Intent) (tea.Model, tea.Cmd) {
	s := &m.search
	r := &m.reader
	switch in.Do {
	case common.ShowHit:
		return m, m.showHitOf(s.res, in.Hit)
	case common.ShowOrigin:
		return m, tea.Batch(r.restore(s.origin), r.setSearch(s.res, -1))
	case common.AcceptHit:
		m.closeSearch()
		show := m.showHitOf(s.res, in.Hit)
		m.jumped(placeOf(s.origin)) // ctrl+o goes back to where the search began
		m.afterMove()
		return m, show
	case common.CancelSearch:
		m.closeSearch()
		back := r.restore(s.origin)
		paint := r.setSearch(s.before.res, s.before.current)
		m.afterLayout() // back where it was: no move
		return m, tea.Batch(back, paint)
	}
	return m, nil
}

// closeSearch closes the bar; a query still being looked for is dropped.
func (m *Model) closeSearch() {
	m.overlay = noOverlay
	m.search.gen++
	m.search.cancel()
	m.reader.hl.covered = 0
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
	opened := doc != m.reader.doc
	if opened {
		cmds = append(cmds, m.reader.open(doc, doc.BodyOffset(h.Start)))
	}
	cmds = append(cmds, m.reader.setSearch(res, i), m.reader.showHit(i, opened))
	return tea.Batch(cmds...)
}

// stepHit goes to the next match (dir 1) or the previous one (-1), the
// other way after a backward search, as many times as the count says: on
// from the current match if it is on screen, else from the top of the
// screen, into the next document and round the end of the library.
func (m Model) stepHit(dir int) (Model, tea.Cmd) {
	r := &m.reader
	n := max(1, r.count)
	r.count = 0
	s := m.search.last
	if r.hl.res != nil {
		s.res, s.current = r.hl.res, r.hl.current
	}
	if s.res == nil {
		hint := "No search yet."
		if k := common.FirstKey(m.c.Keys.Search); k != "" {
			hint = "No search yet: " + k + " searches the library."
		}
		return m, common.Notice(hint)
	}
	total := s.res.Total()
	if total == 0 {
		return m, common.Notice("Nothing matches " + common.Quoted(s.res.Query.Text) + ".")
	}
	if s.backward {
		dir = -dir
	}
	var i int
	switch {
	case s.current >= 0 && s.current < total && r.hitOnScreen(s.res, s.current):
		i = s.current + dir
	case dir > 0:
		i = s.res.Next(m.c.IndexOf(r.doc), r.plainTop())
	default:
		i = s.res.Next(m.c.IndexOf(r.doc), r.plainTop()) - 1
	}
	i += (n - 1) * dir
	var cmds []tea.Cmd
	if i < 0 || i >= total {
		i = (i%total + total) % total
		cmds = append(cmds, common.Notice(wrapNotice(m.c.Lib, s.res, dir)))
	}
	from := m.here()
	h := s.res.Hit(i)
	doc := m.c.Lib.Docs[h.Doc]
	var model tea.Model = m
	opened := doc != r.doc
	if opened {
		var open tea.Cmd
		model, open = m.open(common.Intent{Do: common.Open, At: corpus.Place{Doc: doc, Offset: doc.BodyOffset(h.Start)}})
		cmds = append(cmds, open)
	}
	next := model.(Model)
	cmds = append(cmds, next.reader.setSearch(s.res, i), next.reader.showHit(i, opened))
	if !next.here().Same(from) {
		next.jumped(from) // a step off the screen is a jump, as in vim
	}
	next.afterMove()
	return next, tea.Batch(cmds...)
}

// wrapNotice says a step went round the end of what was searched.
func wrapNotice(lib *corpus.Library, res *corpus.Results, dir int) string {
	what := "the library"
	if d := res.Query.Doc; d >= 0 && d < len(lib.Docs) {
		what = lib.Docs[d].ShortTitle()
	}
	if dir > 0 {
		return "Past the last match in " + what + ": on from the first."
	}
	return "Before the first match in " + what + ": on from the last."
}

// plainTop is the offset of the plain text at the top of the screen.
func (r *readerModel) plainTop() int {
	if r.doc == nil || r.top.off <= 0 {
		return 0
	}
	return r.doc.PlainOffset(r.top.off)
}

// hitOnScreen says whether hit i of res shows on the screen.
func (r *readerModel) hitOnScreen(res *corpus.Results, i int) bool {
	return r.hitAbove(res, i, r.place().bottom)
}

// hitAbove says whether hit i of res is in the document shown, between
// the top of the screen and offset bottom of its Body.
func (r *readerModel) hitAbove(res *corpus.Results, i, bottom int) bool {
	h := res.Hit(i)
	if r.doc == nil || r.c.Lib.Docs[h.Doc] != r.doc {
		return false
	}
	off := r.doc.BodyOffset(h.Start)
	return off >= max(r.top.off, 0) && off < bottom
}

// matchText is the status bar's count of the search's matches: which one
// is current, "match 3 of 41", while it is on the screen, whose bottom is
// offset bottom of Body; how many, "41 matches", when the reader has gone
// elsewhere.
func (r *readerModel) matchText(bottom int) string {
	res := r.hl.res
	switch {
	case res == nil:
		return ""
	case r.hl.current >= 0 && r.hl.current < res.Total() && r.hitAbove(res, r.hl.current, bottom):
		return fmt.Sprintf("match %d of %d", r.hl.current+1, res.Total())
	}
	return common.Plural(res.Total(), "match", "matches")
}

// searchView draws the open search bar: the list of hits over the bottom
// rows of the text, and the line typed in, where the status bar was.
func (m Model) searchView(body []string) string {
	panel := m.search.panel()
	at := len(body) - len(panel)
	for i, line := range panel {
		if at+i >= 0 {
			body[at+i] = line
		}
	}
	return strings.Join(append(body, m.search.bar()), "\n")
}
