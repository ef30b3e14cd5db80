package overlay

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/field"
)

// Places is a list of places to go to, under headings: the mentions of a
// person, by work and section, each with the words around it; the pages
// of an index entry. The cursor goes from place to place over the
// headings; open asks the root to go to the place under it. The filter
// keeps the places whose words or heading hold every word typed.
type Places struct {
	KeyMap KeyMap
	Styles Styles

	c         *common.Common
	box       box // its offset is the first of the rows shown on screen
	title     string
	rows      []PlaceRow
	shown     []int  // the rows the filter keeps, in order: indexes in rows
	cursor    int    // an index in shown of a place, unless there is none
	empty     string // what the box says when there is no place
	filter    field.Model
	filtering bool // the filter is being typed: letters are text
}

// PlaceRow is a row of the list: a heading over the places that follow
// it, or a place.
type PlaceRow struct {
	Head  string       // a heading: "The Revolution Betrayed › Chapter 5"; "" for a place
	Text  string       // a place: the words there, or before the words it is about
	Words string       // the words it is about, if any, picked out: a name mentioned
	After string       // the words after them
	Page  string       // the printed page of a place, if any
	At    corpus.Place // where a place is
}

// NewPlaces is a list of places, empty.
func NewPlaces(c *common.Common, styles Styles) Places {
	k := NewKeyMap(c.Keys)
	return Places{KeyMap: k, Styles: styles, c: c, box: box{widest: 100}, filter: field.New("words of a place or its heading", k.Field, styles.Field)}
}

// Open lists rows under title, the cursor on the place at, an index in
// rows (or the first place after it); empty is what the box says when
// there is no place.
func (l *Places) Open(title string, rows []PlaceRow, at int, empty string) {
	l.title, l.rows, l.empty = title, rows, empty
	l.filter.SetValue("")
	l.filtering = false
	l.list()
	l.box.offset = 0
	l.cursor = l.placeFrom(max(at, 0), 1)
	l.scrollToCursor()
}

// list works out the rows the filter keeps: the places that hold every
// word typed, in their text or their heading, and the headings over
// them.
func (l *Places) list() {
	words := filterWords(l.filter.Value())
	l.shown = l.shown[:0:0] // a copy of the list keeps its own
	head, headKept := -1, false
	var headWords string
	for i, r := range l.rows {
		if r.Head != "" {
			head, headKept, headWords = i, false, corpus.Fold(r.Head, true)
			continue
		}
		text := corpus.Fold(r.Text+" "+r.Words+" "+r.After+" "+r.Page, true)
		if !containsAll(text+" "+headWords, words) {
			continue
		}
		if head >= 0 && !headKept {
			l.shown = append(l.shown, head)
			headKept = true
		}
		l.shown = append(l.shown, i)
	}
}

// Cursor is the row under the cursor, an index in the rows listed; -1 if
// there is no place.
func (l Places) Cursor() int {
	if l.cursor < len(l.shown) && l.rows[l.shown[l.cursor]].Head == "" {
		return l.shown[l.cursor]
	}
	return -1
}

// Filtering says whether the filter is being typed: the root then sends
// letters here as text, never as commands.
func (l Places) Filtering() bool { return l.filtering }

// SetSize lays the list out for a terminal of this size.
func (l *Places) SetSize(width, height int) {
	l.box.width, l.box.height = width, height
	l.filter.SetWidth(max(1, l.box.innerWidth()-lipgloss.Width(filterLabel)))
	l.scrollToCursor()
}

// rowsShown is how many rows the box shows: the title, the filter when
// there is one, and the foot aside.
func (l *Places) rowsShown() int {
	n := l.box.height - 1 - frameH - 2 - 2
	if l.filtering || l.filter.Value() != "" {
		n--
	}
	return max(1, n)
}

// placeFrom is the first place from shown row i on in direction dir, or
// the nearest the other way if there is none; len(shown) if there is no
// place.
func (l *Places) placeFrom(i, dir int) int {
	i = min(max(i, 0), len(l.shown)-1)
	for j := i; j >= 0 && j < len(l.shown); j += dir {
		if l.rows[l.shown[j]].Head == "" {
			return j
		}
	}
	for j := i; j >= 0 && j < len(l.shown); j -= dir {
		if l.rows[l.shown[j]].Head == "" {
			return j
		}
	}
	return len(l.shown)
}

// placeAt is the shown row of row i, or of the first row after it the
// filter keeps.
func (l *Places) placeAt(i int) int {
	for j, r := range l.shown {
		if r >= i {
			return j
		}
	}
	return len(l.shown) - 1
}

func (l *Places) scrollToCursor() {
	n := l.rowsShown()
	c := min(l.cursor, max(0, len(l.shown)-1))
	// The heading over the first place shows with it.
	top := c
	if top > 0 && l.rows[l.shown[top-1]].Head != "" {
		top--
	}
	l.box.offset = min(l.box.offset, top)
	if c >= l.box.offset+n {
		l.box.offset = c - n + 1
	}
	l.box.offset = max(0, min(l.box.offset, len(l.shown)-n))
}

// Update takes a key: the moving keys move the cursor from place to
// place; open asks the root to go to the place under it; the filter key
// starts the filter, typed until Enter keeps it or Esc clears it.
func (l Places) Update(msg tea.Msg) (Places, tea.Cmd, common.Intent) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return l, nil, common.Intent{}
	}
	if l.filtering {
		return l.typeFilter(kmsg), nil, common.Intent{}
	}
	k := l.KeyMap
	page := max(1, l.rowsShown()-1)
	switch {
	case key.Matches(kmsg, k.Down):
		l.cursor = l.placeFrom(l.cursor+1, 1)
	case key.Matches(kmsg, k.Up):
		l.cursor = l.placeFrom(l.cursor-1, -1)
	case key.Matches(kmsg, k.PageDown, k.HalfDown):
		l.cursor = l.placeFrom(min(l.cursor+page, len(l.shown)-1), 1)
	case key.Matches(kmsg, k.PageUp, k.HalfUp):
		l.cursor = l.placeFrom(max(l.cursor-page, 0), -1)
	case key.Matches(kmsg, k.Top):
		l.cursor = l.placeFrom(0, 1)
	case key.Matches(kmsg, k.Bottom):
		l.cursor = l.placeFrom(len(l.shown)-1, -1)
	case key.Matches(kmsg, k.Open):
		if i := l.Cursor(); i >= 0 {
			return l, nil, common.Intent{Do: common.Open, At: l.rows[i].At}
		}
		return l, nil, common.Intent{}
	case key.Matches(kmsg, k.FilterPlaces):
		l.filtering = true
	default:
		return l, l.c.UnknownKey(kmsg), common.Intent{}
	}
	l.scrollToCursor()
	return l, nil, common.Intent{}
}

// ClearFilter clears the filter, if there is one, and says whether there
// was: Esc clears it before it closes the list.
func (l *Places) ClearFilter() bool {
	if !l.filtering && l.filter.Value() == "" {
		return false
	}
	l.filtering = false
	l.refilter("")
	return true
}

// typeFilter takes a key while the filter is typed: Enter keeps it, Esc
// clears it, next and previous move the cursor.
func (l Places) typeFilter(msg tea.KeyMsg) Places {
	k := l.KeyMap
	switch {
	case key.Matches(msg, k.Accept):
		l.filtering = false
	case key.Matches(msg, k.Back):
		l.ClearFilter()
	case key.Matches(msg, k.Next):
		l.cursor = l.placeFrom(l.cursor+1, 1)
	case key.Matches(msg, k.Prev):
		l.cursor = l.placeFrom(l.cursor-1, -1)
	default:
		if l.filter.Edit(msg) {
			l.refilter(l.filter.Value())
		}
	}
	l.scrollToCursor()
	return l
}

// refilter keeps the places that match typed, the cursor on the place it
// was on if it is kept, else on the first.
func (l *Places) refilter(typed string) {
	at := l.Cursor()
	l.filter.SetValue(typed)
	l.list()
	l.cursor = l.placeFrom(0, 1)
	if at >= 0 {
		if j := l.placeAt(at); j >= 0 && j < len(l.shown) && l.shown[j] == at {
			l.cursor = j
		}
	}
}

const filterLabel = "Filter › "

// View is the box: the title, the filter, the headings and their places,
// and the keys that act in it.
func (l Places) View() string {
	s := l.Styles
	inner := l.box.innerWidth()
	if inner <= 8 {
		return ""
	}
	lines := []string{s.Title.Render(ansi.Truncate(l.title, inner, "…"))}
	if l.filtering || l.filter.Value() != "" {
		lines = append(lines, common.Fit(s.Quiet.Render(filterLabel)+l.filter.View(), inner))
	}
	switch {
	case len(l.rows) > 0 && len(l.shown) == 0:
		lines = append(lines, common.Fit(s.Quiet.Render("no place matches"), inner))
	case l.Cursor() < 0:
		for _, w := range strings.Split(ansi.Wrap(l.empty, inner, ""), "\n") {
			lines = append(lines, common.Fit(s.Text.Render(w), inner))
		}
	}
	n := l.rowsShown()
	for i := l.box.offset; i < len(l.shown) && i < l.box.offset+n; i++ {
		lines = append(lines, l.rowLine(l.rows[l.shown[i]], i == l.cursor, inner))
	}
	k := l.KeyMap
	hs := []keyHint{{k.Open, "go"}, {k.FilterPlaces, "filter"}, {k.Back, "close"}}
	if l.filtering {
		hs = []keyHint{{k.Accept, "keep"}, {k.Back, "clear"}}
	}
	lines = append(lines, keyFoot(s, hs, moreMark(l.box.offset, n, len(l.shown)), inner))
	return frame(s, inner, lines)
}

// rowLine draws a heading, or a place: its words, and its page on the
// right.
func (l Places) rowLine(r PlaceRow, selected bool, width int) string {
	s := l.Styles
	if r.Head != "" {
		return common.Fit(s.Group.Render(ansi.Truncate(r.Head, width, "…")), width)
	}
	page := ""
	if r.Page != "" {
		page = "p. " + r.Page
	}
	room := max(1, width-2-lipgloss.Width(page)-1)
	before, words, after := squash(r.Text), squash(r.Words), squash(r.After)
	if words == "" {
		before = strings.TrimSpace(before)
	} else {
		// The words it is about show, a few before them.
		before = strings.TrimLeft(before, " ")
		keep := max(0, min(lipgloss.Width(before), room/3))
		if w := lipgloss.Width(before); w > keep {
			cut := ansi.TruncateLeft(before, w-keep+1, "")
			if i := strings.IndexByte(cut, ' '); i >= 0 && i < len(cut)-1 {
				cut = cut[i+1:] // from a word
			}
			before = "…" + cut
		}
	}
	text := ansi.Truncate(before+words+after, room, "…")
	gap := max(1, width-2-lipgloss.Width(text)-lipgloss.Width(page))
	if selected {
		return s.Selected.Render(common.Fit("› "+text+strings.Repeat(" ", gap)+page, width))
	}
	shown := s.Text.Render(text)
	if words != "" && lipgloss.Width(text) > lipgloss.Width(before) {
		w := ansi.Cut(text, lipgloss.Width(before), lipgloss.Width(before)+lipgloss.Width(words))
		shown = s.Text.Render(ansi.Truncate(text, lipgloss.Width(before), "")) + s.Name.Render(w) +
			s.Text.Render(ansi.Cut(text, lipgloss.Width(before)+lipgloss.Width(words), lipgloss.Width(text)))
	}
	return common.Fit("  "+shown+strings.Repeat(" ", gap)+s.Quiet.Render(page), width)
}

// squash is text on one line, each run of white space a single space.
func squash(text string) string {
	var b strings.Builder
	space := false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
