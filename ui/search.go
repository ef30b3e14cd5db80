package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/field"
)

// searchModel is the search bar, at the bottom of the screen: what is
// typed is looked for in the whole library, or in the document being
// read, at every key, off the UI goroutine. Above it the hits are listed
// under their document and section, each with the words around it; the
// one selected is shown in the reading pane. It starts at the first hit
// after where the reader was (before it, searching backward).
type searchModel struct {
	c        *shared
	input    field.Model
	backward bool             // the search goes back from where the reader was
	thisDoc  bool             // only the document being read
	doc      *corpus.Document // the document being read when the bar opened
	from     int              // where the reader was in it: an offset of its plain text
	origin   readerSpot
	before   savedSearch // the search the reader showed when the bar opened
	last     savedSearch // the last search closed at a hit, for n and N

	gen      int             // counts the queries sent: a result for an older one is dropped
	stop     func()          // gives up the search in flight, which a newer query makes useless
	res      *corpus.Results // the hits of text; nil for none
	text     string          // what res is for
	selected int             // the hit selected, an index in res
	wrapped  bool            // no hit follows where the reader was: the first is selected (the last, backward)
	top      int             // the first hit the list shows
	rows     []searchRow

	history []string // queries searched for this session, oldest first
	recall  int      // the entry of history in the bar; len(history) for none

	acceptPending bool // Enter came before the hits of what was typed
	width, height int  // the terminal's width, and the height of the text pane
}

// savedSearch is a search as the reading pane shows it.
type savedSearch struct {
	res      *corpus.Results
	current  int
	backward bool
}

// rowKind is what a line of the list shows.
type rowKind int

const (
	docRow rowKind = iota
	sectionRow
	hitRow
)

type searchRow struct {
	kind                 rowKind
	hit                  int    // for a hit
	count                int    // for a document: its hits
	title                string // of a document or section
	before, match, after string // a hit's snippet
}

// labels stand before what is typed.
const (
	searchLabel     = "Search › "
	searchBackLabel = "Search back › "
)

func newSearch(c *shared) searchModel {
	return searchModel{c: c, input: field.New("words to find", field.NewKeyMap(c.Keys), c.styles.field())}
}

// Open empties the bar for a search from offset from of the plain text of
// document doc. It returns the command that folds the library for search,
// the first time.
func (s *searchModel) Open(doc *corpus.Document, from int, backward bool, origin readerSpot, before savedSearch) tea.Cmd {
	s.doc, s.from, s.backward = doc, from, backward
	s.origin, s.before = origin, before
	s.input.SetValue("")
	s.gen++
	s.res, s.text, s.rows = nil, "", nil
	s.selected, s.top, s.wrapped = 0, 0, false
	s.recall = len(s.history)
	s.acceptPending = false
	ix := s.c.Index
	return func() tea.Msg {
		ix.Warm()
		return nil
	}
}

// SetSize lays the bar out for a terminal width wide whose text pane is
// height rows.
func (s *searchModel) SetSize(width, height int) {
	s.width, s.height = width, height
	s.layoutRows(false)
}

// panelHeight is the rows of the text pane the list of hits covers: its
// head and the hits.
func (s *searchModel) panelHeight() int {
	if s.height < 4 {
		return 0
	}
	return min(max(4, s.height*2/5), 16, s.height-3)
}

// listHeight is the rows of hits.
func (s *searchModel) listHeight() int {
	return max(0, s.panelHeight()-1)
}

// Update takes the hits of what was typed, or a key. It asks the root to
// show the hit selected in the reading pane, or to close the bar.
func (s searchModel) Update(msg tea.Msg) (searchModel, tea.Cmd, common.Intent) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		cmd, in := s.found(msg)
		return s, cmd, in
	case tea.KeyMsg:
		return s.handleKey(msg)
	}
	return s, nil, common.Intent{}
}

// found takes in the hits of a query, unless another has been sent since.
func (s *searchModel) found(msg searchResultsMsg) (tea.Cmd, common.Intent) {
	if msg.gen != s.gen {
		return nil, common.Intent{}
	}
	s.res, s.text = msg.results, msg.text
	s.selectNearest()
	if s.acceptPending {
		s.acceptPending = false
		return s.accept()
	}
	return nil, s.preview()
}

// selectNearest selects the first hit after where the reader was, or the
// last before it searching backward, going round the end if there is none.
func (s *searchModel) selectNearest() {
	s.wrapped = false
	n := 0
	if s.res != nil {
		n = s.res.Total()
	}
	if n == 0 {
		s.selected, s.top = 0, 0
		s.layoutRows(true)
		return
	}
	i := s.res.Next(s.c.IndexOf(s.doc), s.from)
	if s.backward {
		i--
	}
	switch {
	case i >= n:
		i, s.wrapped = 0, true
	case i < 0:
		i, s.wrapped = n-1, true
	}
	s.selected = i
	s.layoutRows(true)
}

// preview asks the reading pane to show the selected hit, or where the
// reader was if there is none.
func (s *searchModel) preview() common.Intent {
	if s.res == nil || s.res.Total() == 0 {
		return common.Intent{Do: common.ShowOrigin}
	}
	return common.Intent{Do: common.ShowHit, Hit: s.selected}
}

func (s *searchModel) handleKey(msg tea.KeyMsg) (searchModel, tea.Cmd, common.Intent) {
	k := s.c.Keys
	var cmd tea.Cmd
	var in common.Intent
	switch {
	case key.Matches(msg, k.Accept):
		if s.text != s.input.Value() {
			s.acceptPending = true // the first hit, once it is known
			break
		}
		cmd, in = s.accept()
	case key.Matches(msg, k.Prev) && s.input.Value() == "":
		cmd, in = s.recallAt(len(s.history) - 1)
	case key.Matches(msg, k.Next):
		in = s.move(1)
	case key.Matches(msg, k.Prev):
		in = s.move(-1)
	case key.Matches(msg, k.HistoryPrev):
		cmd, in = s.recallAt(s.recall - 1)
	case key.Matches(msg, k.HistoryNext):
		cmd, in = s.recallAt(s.recall + 1)
	case key.Matches(msg, k.SearchScope):
		s.thisDoc = !s.thisDoc
		cmd, in = s.search()
	case s.input.Edit(msg):
		s.recall = len(s.history)
		s.acceptPending = false
		cmd, in = s.search()
	}
	return *s, cmd, in
}

// move selects the hit n after the one selected (before, for n < 0).
func (s *searchModel) move(n int) common.Intent {
	if s.res == nil || s.res.Total() == 0 || s.text != s.input.Value() {
		return common.Intent{}
	}
	i := min(max(s.selected+n, 0), s.res.Total()-1)
	if i == s.selected {
		return common.Intent{}
	}
	s.selected = i
	s.wrapped = false
	s.layoutRows(false)
	return s.preview()
}

// recallAt puts entry i of the history in the bar; past the newest, the
// bar is emptied.
func (s *searchModel) recallAt(i int) (tea.Cmd, common.Intent) {
	if len(s.history) == 0 || i < 0 || i == s.recall || i > len(s.history) {
		return nil, common.Intent{}
	}
	s.recall = min(i, len(s.history))
	s.input.SetValue("")
	if s.recall < len(s.history) {
		s.input.SetValue(s.history[s.recall])
	}
	s.acceptPending = false
	return s.search()
}

// remember keeps a query in the history, once, as the newest.
func (s *searchModel) remember(q string) {
	if strings.TrimSpace(q) == "" {
		return
	}
	s.history = slices.DeleteFunc(s.history, func(h string) bool { return h == q })
	s.history = append(s.history, q)
	const keep = 100
	if len(s.history) > keep {
		s.history = s.history[len(s.history)-keep:]
	}
}

// scope is the index of the document searched, or -1 for the library.
func (s *searchModel) scope() int {
	if s.thisDoc {
		return s.c.IndexOf(s.doc)
	}
	return -1
}

// search looks for what is typed off the UI goroutine, narrowing the last
// hits if the query extends theirs. Nothing typed finds nothing, at once.
func (s *searchModel) search() (tea.Cmd, common.Intent) {
	s.gen++
	s.cancel()
	text := s.input.Value()
	if strings.TrimSpace(text) == "" {
		s.res, s.text = nil, text
		s.selectNearest()
		return nil, s.preview()
	}
	ctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	gen, q, prev, ix := s.gen, corpus.Query{Text: text, Doc: s.scope()}, s.res, s.c.Index
	return func() tea.Msg {
		res, err := ix.SearchContext(ctx, q, prev)
		if err != nil {
			return nil // given up for a newer query
		}
		return searchResultsMsg{gen: gen, text: text, results: res}
	}, common.Intent{}
}

// cancel gives up the search in flight, if any.
func (s *searchModel) cancel() {
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
}

// accept closes the bar at the selected hit, which n and N go on from;
// with nothing found, it closes it where the reader was, and says so.
func (s *searchModel) accept() (tea.Cmd, common.Intent) {
	q := s.input.Value()
	s.remember(q)
	if strings.TrimSpace(q) == "" {
		return nil, common.Intent{Do: common.CancelSearch}
	}
	if s.res == nil || s.res.Total() == 0 {
		if s.res != nil {
			s.last = savedSearch{res: s.res, current: -1, backward: s.backward} // n says it finds nothing
		}
		return common.Notice(fmt.Sprintf("Nothing matches %s%s.", common.Quoted(q), s.where())), common.Intent{Do: common.CancelSearch}
	}
	s.last = savedSearch{res: s.res, current: s.selected, backward: s.backward}
	in := common.Intent{Do: common.AcceptHit, Hit: s.selected}
	if s.wrapped {
		dir := 1
		if s.backward {
			dir = -1
		}
		return common.Notice(wrapNotice(s.c.Lib, s.res, dir)), in
	}
	return nil, in
}

// where says where the search looked, after "matches X".
func (s *searchModel) where() string {
	if s.thisDoc && s.doc != nil {
		return " in " + s.doc.ShortTitle()
	}
	return ""
}

// layoutRows lays out the list around the selected hit. When the
// selection jumped (new hits), it is put a third of the way down.
func (s *searchModel) layoutRows(jumped bool) {
	h := s.listHeight()
	s.rows = nil
	if s.res == nil || s.res.Total() == 0 || h <= 0 {
		return
	}
	if jumped {
		s.top = max(0, s.selected-h/3)
	}
	s.top = min(s.top, s.selected)
	for {
		rows, last := s.buildRows(s.top, h)
		if s.selected <= last || s.top >= s.selected {
			s.rows = rows
			return
		}
		s.top++
	}
}

// buildRows lists the hits from first on in h rows, a document's title
// before its first hit and a section's before its first, and returns the
// last hit listed. The first hit listed has its document and section over
// it, so the list always says where its hits are.
func (s *searchModel) buildRows(first, h int) (rows []searchRow, last int) {
	lib := s.c.Lib
	headings := h >= 4 // room for a title, a section and a hit, and one more
	lastDoc, lastSection := -1, -2
	last = first - 1
	snippetWidth := max(8, s.width-8)
	for i := first; i < s.res.Total() && len(rows) < h; i++ {
		hit := s.res.Hit(i)
		d := lib.Docs[hit.Doc]
		section := d.SectionAt(d.BodyOffset(hit.Start))
		if headings && hit.Doc != lastDoc {
			rows = append(rows, searchRow{kind: docRow, count: s.res.PerDoc[hit.Doc], title: d.ShortTitle()})
			lastDoc, lastSection = hit.Doc, -2
		}
		// A hit in a heading stands for its section itself.
		if headings && section != lastSection && section >= 0 && !inHeading(d, section, hit) {
			rows = append(rows, searchRow{kind: sectionRow, title: d.Outline[section].Title})
		}
		lastSection = section
		if len(rows) >= h {
			break
		}
		before, match, after := lib.Snippet(hit, snippetWidth)
		rows = append(rows, searchRow{kind: hitRow, hit: i, before: before, match: match, after: after})
		last = i
	}
	return rows, last
}

// inHeading says whether hit is in the heading of section.
func inHeading(d *corpus.Document, section int, hit corpus.Hit) bool {
	h := d.Outline[section]
	return d.BodyOffset(hit.Start) < d.Blocks[d.BlockAt(h.Offset)].End
}

// panel is the list of hits, as lines the terminal's width: a head that
// counts them, per document, then the hits.
func (s searchModel) panel() []string {
	h := s.panelHeight()
	if h == 0 {
		return nil
	}
	st := s.c.styles
	lines := make([]string, 0, h)
	lines = append(lines, s.head())
	switch {
	case strings.TrimSpace(s.input.Value()) == "":
		hint := "  Type to search every document."
		if k := common.FirstKey(s.c.Keys.SearchScope); k != "" {
			hint = "  Type to search every document; " + k + " searches only this one."
		}
		lines = append(lines, common.Fit(st.PromptDoc.Render(hint), s.width))
	case s.res != nil && s.res.Total() == 0 && s.text == s.input.Value():
		lines = append(lines, common.Fit(st.PromptDoc.Render("  Nothing matches "+common.Quoted(s.text)+s.where()+"."), s.width))
	default:
		for _, row := range s.rows {
			lines = append(lines, s.drawRow(row))
		}
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", s.width))
	}
	return lines[:h]
}

// head is the top line of the panel: how many hits, for what, and how
// many in each document.
func (s searchModel) head() string {
	st := s.c.styles
	var text string
	if s.res != nil && strings.TrimSpace(s.text) != "" {
		n := s.res.Total()
		text = fmt.Sprintf("%s for %s", common.Plural(n, "match", "matches"), common.Quoted(s.text))
		if s.thisDoc {
			text += s.where()
		} else if n > 0 {
			var per []string
			for i, c := range s.res.PerDoc {
				if c > 0 {
					per = append(per, fmt.Sprintf("%s %d", s.c.Lib.Docs[i].ShortTitle(), c))
				}
			}
			text += ": " + strings.Join(per, " · ")
		}
	}
	rule := st.Border.Render("──")
	if text == "" {
		return st.Border.Render(strings.Repeat("─", s.width))
	}
	text = " " + ansi.Truncate(text, max(0, s.width-6), "…") + " "
	rest := max(0, s.width-lipgloss.Width(text)-2)
	return rule + st.BoxTitle.Render(text) + st.Border.Render(strings.Repeat("─", rest))
}

func (s searchModel) drawRow(row searchRow) string {
	st := s.c.styles
	switch row.kind {
	case docRow:
		count := fmt.Sprint(row.count)
		title := ansi.Truncate(row.title, max(0, s.width-len(count)-4), "…")
		gap := max(1, s.width-2-lipgloss.Width(title)-len(count))
		return common.Fit(" "+st.TOCDoc.Render(title)+strings.Repeat(" ", gap)+st.TOCDocMeta.Render(count), s.width)
	case sectionRow:
		return common.Fit(st.PromptDoc.Render("   "+ansi.Truncate(row.title, max(0, s.width-4), "…")), s.width)
	}
	if row.hit == s.selected {
		sel := st.PromptSelected
		return sel.Render(" ›   ") + sel.Render(row.before) + sel.Bold(true).Underline(true).Render(row.match) +
			sel.Render(common.Fit(row.after, max(0, s.width-5-lipgloss.Width(row.before+row.match))))
	}
	return common.Fit("     "+row.before+st.PromptMatch.Render(row.match)+row.after, s.width)
}

// bar is the line the query is typed in: the label, the query, and which
// hit is selected of how many.
func (s searchModel) bar() string {
	st := s.c.styles
	label := searchLabel
	if s.backward {
		label = searchBackLabel
	}
	right := s.barRight(s.width - lipgloss.Width(label) - minQueryWidth)
	s.input.SetWidth(max(1, s.width-lipgloss.Width(label)-lipgloss.Width(right)-1))
	left := st.PromptLabel.Render(label) + s.input.View()
	gap := max(1, s.width-lipgloss.Width(left)-lipgloss.Width(right))
	return common.Fit(left+strings.Repeat(" ", gap)+right, s.width)
}

// minQueryWidth is the least room the bar leaves for the query.
const minQueryWidth = 16

// barRight is the end of the bar's line, in room columns at most: the hit
// selected, and the key that changes where the search looks, as much of it
// as fits.
func (s searchModel) barRight(room int) string {
	st := s.c.styles
	var parts []string
	if s.res != nil && s.res.Total() > 0 && s.text == s.input.Value() {
		parts = append(parts, fmt.Sprintf("match %d of %d", s.selected+1, s.res.Total()))
	}
	scope := "whole library"
	if !s.thisDoc {
		scope = "this document only"
	}
	if k := common.FirstKey(s.c.Keys.SearchScope); k != "" {
		parts = append(parts, st.PromptDoc.Render(k+" "+scope))
	}
	for len(parts) > 0 && lipgloss.Width(strings.Join(parts, "  "))+1 > room {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, "  ")
}
