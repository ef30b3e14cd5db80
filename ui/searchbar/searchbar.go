// Package searchbar is the search bar, at the bottom of the screen: what is
// typed is looked for in the whole library, or in the document being
// read, at every key, off the UI goroutine (corpus.Index does the
// searching). Above it the hits are listed under their document and
// section, each with the words around it; the one selected is shown in the
// reading pane. It starts at the first hit after where the reader was
// (before it, searching backward).
package searchbar

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
	"samizdat/ui/field"
)

// KeyMap is the keys of the search bar; the others are typed.
type KeyMap struct {
	Accept, Next, Prev, HistoryPrev, HistoryNext, Scope, Notes key.Binding
	Field                                                      field.KeyMap
}

// NewKeyMap takes the search bar's keys from the reader's.
func NewKeyMap(k keymap.Map) KeyMap {
	return KeyMap{Accept: k.Accept, Next: k.Next, Prev: k.Prev, HistoryPrev: k.HistoryPrev, HistoryNext: k.HistoryNext,
		Scope: k.SearchScope, Notes: k.SearchNotes, Field: field.NewKeyMap(k)}
}

// Styles is how the search bar and its list of hits are drawn.
type Styles struct {
	Label    lipgloss.Style // before what is typed
	Quiet    lipgloss.Style // hints, a section's title
	Rule     lipgloss.Style // the line over the list
	Head     lipgloss.Style // the count of the hits on it
	Doc      lipgloss.Style // a document's title
	DocCount lipgloss.Style // and its count
	Match    lipgloss.Style // the words of a hit that match
	Selected lipgloss.Style // the hit selected
	Field    field.Styles
}

// Model is the search bar.
type Model struct {
	KeyMap KeyMap
	Styles Styles

	c        *common.Common
	input    field.Model
	backward bool // the search goes back from where the reader was
	thisDoc  bool // only the document being read
	// withNotes is whether the reader's own notes are searched too: the
	// notes handed to the bar, folded once (nil until the first search
	// with them), and notesGen counts the notes handed.
	withNotes bool
	notes     []Note
	folded    []foldedNote
	notesGen  int
	doc       *corpus.Document // the document being read when the bar opened
	from      int              // where the reader was in it: an offset of its plain text
	before    Painted          // the search the reader showed when the bar opened
	last      Painted          // the last search closed at a hit, for n and N

	gen      int             // counts the queries sent: a result for an older one is dropped
	stop     func()          // gives up the search in flight, which a newer query makes useless
	res      *corpus.Results // the hits of text; nil for none
	noteHits []NoteHit       // the notes that match, listed before the text's hits
	text     string          // what res is for
	selected int             // the hit selected: a note's (< len(noteHits)), else the text's after them
	wrapped  bool            // no hit follows where the reader was: the first is selected (the last, backward)
	top      int             // the first hit the list shows
	rows     []searchRow

	history []string // queries searched for this session, oldest first
	recall  int      // the entry of history in the bar; len(history) for none

	acceptPending bool // Enter came before the hits of what was typed
	width, height int  // the terminal's width, and the height of the text pane
}

// Painted is a search as the reading pane paints it: its hits, the one
// that stands out (-1 for none), and whether it went back from where it
// began, which turns n and N round.
type Painted struct {
	Results  *corpus.Results
	Current  int
	Backward bool
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

// New is the search bar, closed.
func New(c *common.Common, styles Styles) Model {
	keys := NewKeyMap(c.Keys)
	return Model{KeyMap: keys, Styles: styles, c: c, input: field.New("words to find", keys.Field, styles.Field)}
}

// ResultsMsg carries the hits of what was typed. Sent by the bar's search
// command; handled by the bar, which drops it unless gen is still the
// last query it sent.
type ResultsMsg struct {
	gen      int
	text     string
	results  *corpus.Results
	noteHits []NoteHit
	folded   []foldedNote // the notes of notesGen, folded for the first time
	notesGen int
}

// Open empties the bar for a search from offset from of the plain text of
// document doc, forward or backward; before is the search the reading
// pane paints, to paint again if the bar is closed with nothing chosen. It
// returns the command that folds the library for search, the first time.
func (s *Model) Open(doc *corpus.Document, from int, backward bool, before Painted) tea.Cmd {
	s.doc, s.from, s.backward = doc, from, backward
	s.before = before
	s.input.SetValue("")
	s.gen++
	s.res, s.text, s.rows, s.noteHits = nil, "", nil, nil
	s.selected, s.top, s.wrapped = 0, 0, false
	s.recall = len(s.history)
	s.acceptPending = false
	ix := s.c.Index
	return func() tea.Msg {
		ix.Warm()
		return nil
	}
}

// Close gives up the query in flight: its hits, if they come, are
// dropped.
func (s *Model) Close() {
	s.gen++
	s.cancel()
}

// Results is the hits of what is typed, once they have come; nil for
// none.
func (s Model) Results() *corpus.Results { return s.res }

// Selected is the hit of the text selected, an index in Results; -1
// when a note of the reader's is.
func (s Model) Selected() int {
	if s.selected < len(s.noteHits) {
		return -1
	}
	return s.selected - len(s.noteHits)
}

// Value is what is typed.
func (s Model) Value() string { return s.input.Value() }

// Accepting says whether Enter came before the hits of what was typed:
// the bar closes at the hit selected once they come.
func (s Model) Accepting() bool { return s.acceptPending }

// History is the queries searched for, oldest first.
func (s Model) History() []string { return s.history }

// Before is the search the reading pane painted when the bar opened.
func (s Model) Before() Painted { return s.before }

// Last is the last search closed at a hit, which n and N go on with.
func (s Model) Last() Painted { return s.last }

// SetSize lays the bar out for a terminal width wide whose text pane is
// height rows.
func (s *Model) SetSize(width, height int) {
	s.width, s.height = width, height
	s.layoutRows(false)
}

// PanelHeight is the most rows of the text pane the list of hits covers:
// its head and the hits. Fewer hits take fewer.
func (s Model) PanelHeight() int {
	if s.height < 4 {
		return 0
	}
	return min(max(4, s.height*2/5), 16, s.height-3)
}

// listHeight is the rows of hits.
func (s *Model) listHeight() int {
	return max(0, s.PanelHeight()-1)
}

// Update takes the hits of what was typed, or a key. It asks the root to
// show the hit selected in the reading pane, or to close the bar.
func (s Model) Update(msg tea.Msg) (Model, tea.Cmd, common.Intent) {
	switch msg := msg.(type) {
	case ResultsMsg:
		cmd, in := s.found(msg)
		return s, cmd, in
	case tea.KeyMsg:
		return s.handleKey(msg)
	}
	return s, nil, common.Intent{}
}

// found takes in the hits of a query, unless another has been sent since.
func (s *Model) found(msg ResultsMsg) (tea.Cmd, common.Intent) {
	if msg.gen != s.gen {
		return nil, common.Intent{}
	}
	s.res, s.text, s.noteHits = msg.results, msg.text, msg.noteHits
	if msg.folded != nil && msg.notesGen == s.notesGen {
		s.folded = msg.folded
	}
	s.selectNearest()
	if s.acceptPending {
		s.acceptPending = false
		return s.accept()
	}
	return nil, s.preview()
}

// selectNearest selects the first hit after where the reader was, or the
// last before it searching backward, going round the end if there is none.
func (s *Model) selectNearest() {
	s.wrapped = false
	n := 0
	if s.res != nil {
		n = s.res.Total()
	}
	if n == 0 { // the first note that matches, if one does
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
	s.selected = len(s.noteHits) + i
	s.layoutRows(true)
}

// preview asks the reading pane to show the selected hit, or where the
// reader was if there is none.
func (s *Model) preview() common.Intent {
	if n, _, ok := s.selectedNote(); ok {
		return common.Intent{Do: common.ShowHit, Note: n.ID, At: s.notePlace(n)}
	}
	if s.res == nil || s.res.Total() == 0 {
		return common.Intent{Do: common.ShowOrigin}
	}
	return common.Intent{Do: common.ShowHit, Hit: s.Selected()}
}

// notePlace is where a note's passage begins.
func (s *Model) notePlace(n Note) corpus.Place {
	d := s.c.Lib.Docs[n.Doc]
	return corpus.Place{Doc: d, Offset: d.BodyOffset(n.Start)}
}

func (s *Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd, common.Intent) {
	k := s.KeyMap
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
	case key.Matches(msg, k.Scope):
		s.thisDoc = !s.thisDoc
		cmd, in = s.search()
	case key.Matches(msg, k.Notes):
		s.withNotes = !s.withNotes
		cmd, in = s.search()
	case s.input.Edit(msg):
		s.recall = len(s.history)
		s.acceptPending = false
		cmd, in = s.search()
	}
	return *s, cmd, in
}

// move selects the hit n after the one selected (before, for n < 0).
func (s *Model) move(n int) common.Intent {
	if s.count() == 0 || s.text != s.input.Value() {
		return common.Intent{}
	}
	i := min(max(s.selected+n, 0), s.count()-1)
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
func (s *Model) recallAt(i int) (tea.Cmd, common.Intent) {
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
func (s *Model) remember(q string) {
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
func (s *Model) scope() int {
	if s.thisDoc {
		return s.c.IndexOf(s.doc)
	}
	return -1
}

// search looks for what is typed off the UI goroutine, narrowing the last
// hits if the query extends theirs. Nothing typed finds nothing, at once.
func (s *Model) search() (tea.Cmd, common.Intent) {
	s.gen++
	s.cancel()
	text := s.input.Value()
	if strings.TrimSpace(text) == "" {
		s.res, s.text, s.noteHits = nil, text, nil
		s.selectNearest()
		return nil, s.preview()
	}
	ctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	gen, q, prev, ix := s.gen, corpus.Query{Text: text, Doc: s.scope()}, s.res, s.c.Index
	withNotes, notes, folded, notesGen := s.withNotes, s.notes, s.folded, s.notesGen
	return func() tea.Msg {
		res, err := ix.SearchContext(ctx, q, prev)
		if err != nil {
			return nil // given up for a newer query
		}
		msg := ResultsMsg{gen: gen, text: text, results: res}
		if withNotes {
			if folded == nil {
				folded = foldNotes(notes)
				msg.folded, msg.notesGen = folded, notesGen
			}
			msg.noteHits = findInNotes(notes, folded, text, q.Doc)
			if ctx.Err() != nil {
				return nil // given up for a newer query
			}
		}
		return msg
	}, common.Intent{}
}

// cancel gives up the search in flight, if any.
func (s *Model) cancel() {
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
}

// accept closes the bar at the selected hit, which n and N go on from;
// with nothing found, it closes it where the reader was, and says so.
func (s *Model) accept() (tea.Cmd, common.Intent) {
	q := s.input.Value()
	s.remember(q)
	if strings.TrimSpace(q) == "" {
		return nil, common.Intent{Do: common.CancelSearch}
	}
	if s.count() == 0 {
		if s.res != nil {
			s.last = Painted{Results: s.res, Current: -1, Backward: s.backward} // n says it finds nothing
		}
		return common.Notice(fmt.Sprintf("Nothing matches %s%s.", common.Quoted(q), s.where())), common.Intent{Do: common.CancelSearch}
	}
	if n, _, ok := s.selectedNote(); ok {
		// n goes on with the text's matches from the passage.
		s.last = Painted{Results: s.res, Current: -1, Backward: s.backward}
		return nil, common.Intent{Do: common.AcceptHit, Note: n.ID, At: s.notePlace(n)}
	}
	s.last = Painted{Results: s.res, Current: s.Selected(), Backward: s.backward}
	in := common.Intent{Do: common.AcceptHit, Hit: s.Selected()}
	if s.wrapped {
		dir := 1
		if s.backward {
			dir = -1
		}
		return common.Notice(WrapNotice(s.c.Lib, s.res, dir)), in
	}
	return nil, in
}

// where says where the search looked, after "matches X".
func (s *Model) where() string {
	if s.thisDoc && s.doc != nil {
		return " in " + s.doc.ShortTitle()
	}
	return ""
}

// WrapNotice says a step went round the end of what was searched,
// forward (dir 1) or back (-1).
func WrapNotice(lib *corpus.Library, res *corpus.Results, dir int) string {
	what := "the library"
	if d := res.Query.Doc; d >= 0 && d < len(lib.Docs) {
		what = lib.Docs[d].ShortTitle()
	}
	if dir > 0 {
		return "Past the last match in " + what + ": on from the first."
	}
	return "Before the first match in " + what + ": on from the last."
}
