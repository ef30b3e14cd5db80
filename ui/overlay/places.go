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
)

// Places is a list of places to go to, under headings: the mentions of a
// person, by work and section, each with the words around it; the pages
// of an index entry. The cursor goes from place to place over the
// headings; open asks the root to go to the place under it.
type Places struct {
	KeyMap KeyMap
	Styles Styles

	c      *common.Common
	box    box // its offset is the first row on screen
	title  string
	rows   []PlaceRow
	cursor int    // a row that is a place, unless there is none
	empty  string // what the box says when there is no place
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
	return Places{KeyMap: NewKeyMap(c.Keys), Styles: styles, c: c, box: box{widest: 100}}
}

// Open lists rows under title, the cursor on the place at, an index in
// rows (or the first place after it); empty is what the box says when
// there is no place.
func (l *Places) Open(title string, rows []PlaceRow, at int, empty string) {
	l.title, l.rows, l.empty = title, rows, empty
	l.box.offset = 0
	l.cursor = l.placeFrom(max(at, 0), 1)
	l.scrollToCursor()
}

// Cursor is the row under the cursor, an index in the rows listed; -1 if
// there is no place.
func (l Places) Cursor() int {
	if l.cursor < len(l.rows) && l.rows[l.cursor].Head == "" {
		return l.cursor
	}
	return -1
}

// SetSize lays the list out for a terminal of this size.
func (l *Places) SetSize(width, height int) {
	l.box.width, l.box.height = width, height
	l.scrollToCursor()
}

// shown is how many rows the box shows.
func (l *Places) shown() int {
	return max(1, l.box.height-1-frameH-2-2)
}

// placeFrom is the first place from row i on in direction dir, or the
// nearest the other way if there is none; len(rows) if there is no place.
func (l *Places) placeFrom(i, dir int) int {
	i = min(max(i, 0), len(l.rows)-1)
	for j := i; j >= 0 && j < len(l.rows); j += dir {
		if l.rows[j].Head == "" {
			return j
		}
	}
	for j := i; j >= 0 && j < len(l.rows); j -= dir {
		if l.rows[j].Head == "" {
			return j
		}
	}
	return len(l.rows)
}

func (l *Places) scrollToCursor() {
	n := l.shown()
	c := min(l.cursor, max(0, len(l.rows)-1))
	// The heading over the first place shows with it.
	top := c
	if top > 0 && l.rows[top-1].Head != "" {
		top--
	}
	l.box.offset = min(l.box.offset, top)
	if c >= l.box.offset+n {
		l.box.offset = c - n + 1
	}
	l.box.offset = max(0, min(l.box.offset, len(l.rows)-n))
}

// Update takes a key: the moving keys move the cursor from place to
// place; open asks the root to go to the place under it.
func (l Places) Update(msg tea.Msg) (Places, tea.Cmd, common.Intent) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return l, nil, common.Intent{}
	}
	k := l.KeyMap
	page := max(1, l.shown()-1)
	switch {
	case key.Matches(kmsg, k.Down):
		l.cursor = l.placeFrom(l.cursor+1, 1)
	case key.Matches(kmsg, k.Up):
		l.cursor = l.placeFrom(l.cursor-1, -1)
	case key.Matches(kmsg, k.PageDown, k.HalfDown):
		l.cursor = l.placeFrom(min(l.cursor+page, len(l.rows)-1), 1)
	case key.Matches(kmsg, k.PageUp, k.HalfUp):
		l.cursor = l.placeFrom(max(l.cursor-page, 0), -1)
	case key.Matches(kmsg, k.Top):
		l.cursor = l.placeFrom(0, 1)
	case key.Matches(kmsg, k.Bottom):
		l.cursor = l.placeFrom(len(l.rows)-1, -1)
	case key.Matches(kmsg, k.Open):
		if i := l.Cursor(); i >= 0 {
			return l, nil, common.Intent{Do: common.Open, At: l.rows[i].At}
		}
		return l, nil, common.Intent{}
	default:
		return l, l.c.UnknownKey(kmsg), common.Intent{}
	}
	l.scrollToCursor()
	return l, nil, common.Intent{}
}

// View is the box: the title, the headings and their places, and the keys
// that act in it.
func (l Places) View() string {
	s := l.Styles
	inner := l.box.innerWidth()
	if inner <= 8 {
		return ""
	}
	lines := []string{s.Title.Render(ansi.Truncate(l.title, inner, "…"))}
	if l.Cursor() < 0 {
		for _, w := range strings.Split(ansi.Wrap(l.empty, inner, ""), "\n") {
			lines = append(lines, common.Fit(s.Text.Render(w), inner))
		}
	}
	n := l.shown()
	for i := l.box.offset; i < len(l.rows) && i < l.box.offset+n; i++ {
		lines = append(lines, l.rowLine(l.rows[i], i == l.cursor, inner))
	}
	var keys []string
	k := l.KeyMap
	for _, h := range []struct {
		b    key.Binding
		what string
	}{{k.Open, "go"}, {k.Back, "close"}} {
		if first := common.FirstKey(h.b); first != "" {
			keys = append(keys, first+" "+h.what)
		}
	}
	more := moreMark(l.box.offset, n, len(l.rows))
	lines = append(lines, foot(s, hints(keys, more, inner), more, inner))
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
