package overlay

import (
	"cmp"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/notes"
	"samizdat/ui/common"
	"samizdat/ui/field"
)

// Annotations is the list of the reader's highlights and notes over the
// text: of the whole library or of the work being read, newest first or
// in reading order, filtered by what is typed after the filter key. Each
// shows its work, section and printed page, the first words of the
// passage and of the note; one whose passage an edition no longer holds
// is marked detached. Enter asks the root to go to the passage; keys ask
// to edit the note and to delete, and undo brings back the last deleted
// while the list is open.
type Annotations struct {
	KeyMap KeyMap
	Styles Styles

	c        *common.Common
	box      box // its offset is the first entry on screen
	all      []annotationRow
	shown    []int // the entries listed, as indexes of all, in order
	cursor   int   // an index of shown
	doc      string
	workOnly bool // only the work being read
	inText   bool // in reading order, else newest first

	filter    field.Model
	filtering bool              // the filter has the keys: letters are text
	deleted   []annotationRow   // the deletes undo brings back, the last last
	folded    map[string]string // what the filter matches, by id
}

// annotationRow is a highlight as the list shows it.
type annotationRow struct {
	l        notes.Located
	work     string // the work's short title, or its id
	section  string
	page     string
	passage  string // on one line
	note     string // on one line
	docIndex int    // the work's place in the library; -1 for none
}

// NewAnnotations is the list, empty.
func NewAnnotations(c *common.Common, styles Styles) Annotations {
	k := NewKeyMap(c.Keys)
	return Annotations{KeyMap: k, Styles: styles, c: c, box: box{widest: 104},
		filter: field.New("words of a passage, a note or a work", k.Field, styles.Field)}
}

// Open lists ls, the reader's notes as found in the library, with the
// cursor on the first: doc is the work being read, which the scope key
// limits the list to. The filter is cleared, and so is what undo could
// bring back.
func (l *Annotations) Open(ls []notes.Located, doc *corpus.Document) {
	l.doc = ""
	if doc != nil {
		l.doc = doc.ID
	}
	l.deleted, l.filtering, l.cursor, l.box.offset = nil, false, 0, 0
	l.filter.SetValue("")
	l.SetAnnotations(ls)
}

// SetAnnotations lists ls instead, as they are after a change made while
// the list is open (a note edited), keeping the cursor on the entry it
// was on, and what undo can bring back that is still deleted.
func (l *Annotations) SetAnnotations(ls []notes.Located) {
	at, _ := l.Selected()
	l.all = make([]annotationRow, 0, len(ls))
	l.folded = make(map[string]string, len(ls))
	live := make(map[string]bool, len(ls))
	for _, x := range ls {
		l.all = append(l.all, describeAnnotation(x))
		live[x.Note.ID] = true
	}
	l.deleted = slices.DeleteFunc(l.deleted, func(r annotationRow) bool { return live[r.l.Note.ID] })
	l.list(at.Note.ID)
}

// describeAnnotation is how the list shows a note.
func describeAnnotation(x notes.Located) annotationRow {
	r := annotationRow{l: x, work: x.Note.Doc, docIndex: x.DocIndex,
		passage: oneLine(x.Note.Text), note: oneLine(x.Note.Comment)}
	if x.Doc == nil {
		return r
	}
	r.work = x.Doc.ShortTitle()
	if !x.Detached {
		r.section, _ = x.Section()
		r.page = x.Page()
	}
	return r
}

// oneLine is text on one line, its white space runs made single spaces.
func oneLine(s string) string {
	return corpus.SanitizeLine(strings.Join(strings.Fields(s), " "))
}

// Selected is the entry under the cursor; ok is false if the list shows
// none.
func (l *Annotations) Selected() (x notes.Located, ok bool) {
	if l.cursor < 0 || l.cursor >= len(l.shown) {
		return notes.Located{}, false
	}
	return l.all[l.shown[l.cursor]].l, true
}

// ClearFilter clears a filter kept after it was typed and lists all
// again; it says whether there was one to clear.
func (l *Annotations) ClearFilter() bool {
	if l.filter.Value() == "" {
		return false
	}
	sel, _ := l.Selected()
	l.filtering = false
	l.filter.SetValue("")
	l.list(sel.Note.ID)
	l.scrollToCursor()
	return true
}

// Filtering says whether the filter is being typed: the root then sends
// letters here as text, never as commands.
func (l Annotations) Filtering() bool { return l.filtering }

// list works out the entries shown, in order, with the cursor on the
// entry with the id if it is among them.
func (l *Annotations) list(id string) {
	words := filterWords(l.filter.Value())
	l.shown = nil // a copy of the list keeps its own
	for i, r := range l.all {
		if l.workOnly && r.l.Note.Doc != l.doc {
			continue
		}
		if len(words) > 0 && !l.matches(r, words) {
			continue
		}
		l.shown = append(l.shown, i)
	}
	slices.SortFunc(l.shown, func(i, j int) int {
		a, b := l.all[i], l.all[j]
		if !l.inText {
			return notes.Newest(a.l.Note, b.l.Note)
		}
		return inReadingOrder(a, b)
	})
	l.cursor = min(l.cursor, max(0, len(l.shown)-1))
	for k, i := range l.shown {
		if id != "" && l.all[i].l.Note.ID == id {
			l.cursor = k
		}
	}
	l.scrollToCursor()
}

// inReadingOrder orders entries as the library orders its works, and each
// work's as its passages come, the detached last; works the library lacks
// come after, by id.
func inReadingOrder(a, b annotationRow) int {
	ai, bi := a.docIndex, b.docIndex
	if ai < 0 {
		ai = int(^uint(0) >> 1)
	}
	if bi < 0 {
		bi = int(^uint(0) >> 1)
	}
	detached := func(r annotationRow) int {
		if r.l.Detached {
			return 1
		}
		return 0
	}
	return cmp.Or(cmp.Compare(ai, bi), strings.Compare(a.l.Note.Doc, b.l.Note.Doc),
		cmp.Compare(detached(a), detached(b)), cmp.Compare(a.l.Start, b.l.Start), strings.Compare(a.l.Note.ID, b.l.Note.ID))
}

// matches says whether every word of the filter, folded, is in the
// entry's work, section, passage or note, folded as a search folds: case,
// accents, quotes and dashes forgiven.
func (l *Annotations) matches(r annotationRow, words []string) bool {
	hay, ok := l.folded[r.l.Note.ID]
	if !ok {
		hay = corpus.Fold(strings.Join([]string{r.work, r.section, r.passage, r.note}, " \n "), true)
		l.folded[r.l.Note.ID] = hay
	}
	return containsAll(hay, words)
}

// SetSize lays the list out for a terminal of this size.
func (l *Annotations) SetSize(width, height int) {
	l.box.width, l.box.height = width, height
	l.filter.SetWidth(max(1, l.box.innerWidth()-2))
	l.scrollToCursor()
}

// rowsShown is how many entries the box shows: two lines each, under the
// title and the filter's line.
func (l *Annotations) rowsShown() int {
	return max(1, (l.box.height-1-frameH-2-3)/2)
}

func (l *Annotations) scrollToCursor() { l.box.follow(l.cursor, l.rowsShown()) }

// Update takes a key. While the filter is typed, letters are text, Enter
// keeps the filter and Esc clears it; otherwise Enter asks the root to go
// to the passage under the cursor, and the list's keys ask to edit, delete
// or bring back.
func (l Annotations) Update(msg tea.Msg) (Annotations, tea.Cmd, common.Intent) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return l, nil, common.Intent{}
	}
	if l.filtering {
		return l.typeFilter(kmsg)
	}
	k := l.KeyMap
	var in common.Intent
	var cmd tea.Cmd
	sel, has := l.Selected()
	switch {
	case key.Matches(kmsg, k.Down):
		l.cursor++
	case key.Matches(kmsg, k.Up):
		l.cursor--
	case key.Matches(kmsg, k.PageDown):
		l.cursor += l.rowsShown()
	case key.Matches(kmsg, k.PageUp):
		l.cursor -= l.rowsShown()
	case key.Matches(kmsg, k.Top):
		l.cursor = 0
	case key.Matches(kmsg, k.Bottom):
		l.cursor = len(l.shown)
	case key.Matches(kmsg, k.Open):
		in, cmd = l.goTo(sel, has)
	case key.Matches(kmsg, k.EditAnnotation):
		if has {
			in = common.Intent{Do: common.EditAnnotation, Note: sel.Note.ID}
		}
	case key.Matches(kmsg, k.DeleteAnnotation):
		if has {
			in = l.delete()
		}
	case key.Matches(kmsg, k.UndoDelete):
		in, cmd = l.undo()
	case key.Matches(kmsg, k.Scope):
		l.workOnly = !l.workOnly
		l.list(sel.Note.ID)
	case key.Matches(kmsg, k.Order):
		l.inText = !l.inText
		l.list(sel.Note.ID)
	case key.Matches(kmsg, k.Filter):
		l.filtering = true
	default:
		return l, l.c.UnknownKey(kmsg), common.Intent{}
	}
	l.cursor = min(max(l.cursor, 0), max(0, len(l.shown)-1))
	l.scrollToCursor()
	return l, cmd, in
}

// typeFilter takes a key while the filter is typed.
func (l Annotations) typeFilter(msg tea.KeyMsg) (Annotations, tea.Cmd, common.Intent) {
	k := l.KeyMap
	sel, _ := l.Selected()
	switch {
	case key.Matches(msg, k.Accept):
		l.filtering = false
	case key.Matches(msg, k.Back):
		l.filtering = false
		l.filter.SetValue("")
		l.list(sel.Note.ID)
	case key.Matches(msg, k.Next):
		l.cursor = min(l.cursor+1, max(0, len(l.shown)-1))
		l.scrollToCursor()
	case key.Matches(msg, k.Prev):
		l.cursor = max(l.cursor-1, 0)
		l.scrollToCursor()
	default:
		if l.filter.Edit(msg) {
			l.cursor = 0
			l.list("")
		}
	}
	return l, nil, common.Intent{}
}

// goTo asks to go to the passage x, if it is still in its work.
func (l *Annotations) goTo(x notes.Located, ok bool) (common.Intent, tea.Cmd) {
	switch {
	case !ok:
		return common.Intent{}, nil
	case x.Doc == nil:
		return common.Intent{}, common.Hint("Its work " + common.Quoted(corpus.SanitizeLine(x.Note.Doc)) + " is not in this library.")
	case x.Detached:
		return common.Intent{}, common.Hint("Its words are no longer in this edition of the work.")
	}
	return common.Intent{Do: common.GoToAnnotation, At: x.Place(), Note: x.Note.ID}, nil
}

// delete takes the entry under the cursor out of the list, where undo can
// bring it back, and asks the root to delete it.
func (l *Annotations) delete() common.Intent {
	i := l.shown[l.cursor]
	r := l.all[i]
	l.deleted = append(slices.Clip(l.deleted), r)
	l.all = slices.Concat(l.all[:i], l.all[i+1:])
	l.list("")
	return common.Intent{Do: common.DeleteAnnotation, Note: r.l.Note.ID}
}

// undo brings back the last entry deleted while the list is open, and
// asks the root to restore it.
func (l *Annotations) undo() (common.Intent, tea.Cmd) {
	n := len(l.deleted)
	if n == 0 {
		return common.Intent{}, common.Hint("Nothing deleted to bring back.")
	}
	r := l.deleted[n-1]
	l.deleted = l.deleted[:n-1]
	l.all = append(slices.Clip(l.all), r)
	l.list(r.l.Note.ID)
	return common.Intent{Do: common.RestoreAnnotation, Note: r.l.Note.ID}, nil
}

// View is the box: its title, the filter, then each entry on two lines,
// its work, section and page, then the first words of its passage and of
// its note.
func (l Annotations) View() string {
	s := l.Styles
	inner := l.box.innerWidth()
	if inner <= 8 {
		return ""
	}
	lines := []string{common.Fit(s.Title.Render(ansi.Truncate(l.title(), inner, "…")), inner)}
	switch {
	case l.filtering:
		lines = append(lines, common.Fit(s.Name.Render("/ ")+l.filter.View(), inner))
	case l.filter.Value() != "":
		lines = append(lines, common.Fit(s.Quiet.Render("/ "+ansi.Truncate(l.filter.Value(), inner-2, "…")), inner))
	default:
		lines = append(lines, "")
	}
	if len(l.shown) == 0 {
		for _, w := range strings.Split(ansi.Wrap(l.empty(), inner, ""), "\n") {
			lines = append(lines, common.Fit(s.Text.Render(w), inner))
		}
	}
	n := l.rowsShown()
	for i := l.box.offset; i < len(l.shown) && i < l.box.offset+n; i++ {
		lines = append(lines, l.rowLines(l.all[l.shown[i]], i == l.cursor, inner)...)
	}
	lines = append(lines, keyFoot(s, l.keyHints(), moreMark(l.box.offset, n, len(l.shown)), inner))
	return frame(s, inner, lines)
}

// title says what is listed, how many and in what order.
func (l Annotations) title() string {
	scope := "the library"
	if l.workOnly {
		scope = "this work"
	}
	order := "newest first"
	if l.inText {
		order = "in reading order"
	}
	return "Highlights and notes of " + scope + " · " + common.Plural(len(l.shown), "entry", "entries") + " · " + order
}

// empty says why the list shows nothing.
func (l Annotations) empty() string {
	scope := ""
	if first := common.FirstKey(l.KeyMap.Scope); first != "" && l.workOnly {
		scope = " " + first + " shows the whole library."
	}
	switch {
	case l.filter.Value() != "":
		return "Nothing kept matches " + common.Quoted(l.filter.Value()) + "." + scope
	case l.workOnly:
		return "Nothing kept in this work yet." + scope
	}
	return "Nothing kept yet: select a passage in the text to keep it as a highlight, with a note or without."
}

// keyHints is the keys that act, for the foot.
func (l Annotations) keyHints() []keyHint {
	k := l.KeyMap
	if l.filtering {
		return []keyHint{{k.Accept, "keep filter"}, {k.Back, "clear filter"}, {k.Next, "next"}}
	}
	hs := []keyHint{{k.Open, "go"}, {k.EditAnnotation, "note"}, {k.DeleteAnnotation, "delete"}}
	if len(l.deleted) > 0 {
		hs = append(hs, keyHint{k.UndoDelete, "undo"})
	}
	back := keyHint{k.Back, "close"}
	if l.filter.Value() != "" {
		back.what = "clear filter"
	}
	return append(hs, keyHint{k.Filter, "filter"}, keyHint{k.Scope, "work/all"}, keyHint{k.Order, "order"}, back)
}

// rowLines draws one entry: "Work › Section    p. 63", then the first
// words of the passage and, after a pen, of the note.
func (l Annotations) rowLines(r annotationRow, selected bool, width int) []string {
	s := l.Styles
	right := ""
	switch {
	case r.l.Detached:
		right = "detached"
	case r.page != "":
		right = "p. " + r.page
	}
	where := r.work
	if r.section != "" {
		where += " › " + r.section
	}
	room := max(1, width-lipgloss.Width(right)-1)
	where = ansi.Truncate(where, room, "…")
	gap := max(1, width-lipgloss.Width(where)-lipgloss.Width(right))

	words := "   “" + r.passage + "”"
	if r.note != "" {
		note := "  ✎ " + r.note
		share := max(width/2, width-lipgloss.Width(note))
		words = ansi.Truncate(words, share, "…”") + note
	}
	words = ansi.Truncate(words, width, "…")
	if selected {
		return []string{
			s.Selected.Render(common.Fit(where+strings.Repeat(" ", gap)+right, width)),
			s.Selected.Render(common.Fit(words, width)),
		}
	}
	return []string{
		common.Fit(s.Name.Render(where)+strings.Repeat(" ", gap)+s.Quiet.Render(right), width),
		common.Fit(s.Text.Render(words), width),
	}
}
