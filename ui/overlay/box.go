// Package overlay is the boxes drawn over the text: the help (help.go),
// the list of marks (marks.go), a note's box (note.go), the box of a note
// of the reader's own (passage.go), the list of the reader's highlights
// and notes (annotations.go), a person's box (person.go), a list of places
// (places.go: a person's mentions, an index entry's pages) and the list
// of people (people.go). They share one box: a title, lines that scroll
// in it with the moving keys, and a foot that names the keys that act in
// it and says whether there is more above or below (box.go); the lists
// share a filter (filter.go).
package overlay

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/keymap"
	"samizdat/ui/common"
	"samizdat/ui/field"
)

// KeyMap is the keys of the overlays: those that scroll a box, and those
// that act in one and are named in its foot.
type KeyMap struct {
	Down, Up, HalfDown, HalfUp, PageDown, PageUp, Top, Bottom key.Binding

	Open, DeleteMark, SetMark key.Binding // the list of marks
	// The list of highlights, and the keys its filter is typed with.
	EditAnnotation, DeleteAnnotation, UndoDelete, Scope, Order, Filter key.Binding
	Accept, Next, Prev                                                 key.Binding
	Field                                                              field.KeyMap
	FollowNote, ShowNote                                               key.Binding // a note
	WhoIsThis, Mentions                                                key.Binding // a person's box
	FilterPlaces                                                       key.Binding // a list of places
	Sort                                                               key.Binding // the list of people
	Back, Help                                                         key.Binding // close a box
}

// NewKeyMap takes the overlays' keys from the reader's.
func NewKeyMap(k keymap.Map) KeyMap {
	return KeyMap{Down: k.Down, Up: k.Up, HalfDown: k.HalfDown, HalfUp: k.HalfUp, PageDown: k.PageDown, PageUp: k.PageUp,
		Top: k.Top, Bottom: k.Bottom, Open: k.Open, DeleteMark: k.DeleteMark, SetMark: k.SetMark,
		FollowNote: k.FollowNote, ShowNote: k.ShowNote, Back: k.Back, Help: k.Help,
		EditAnnotation: k.EditAnnotation, DeleteAnnotation: k.DeleteAnnotation, UndoDelete: k.UndoDelete,
		Scope: k.AnnotationsScope, Order: k.AnnotationsOrder, Filter: k.FilterAnnotations,
		Accept: k.Accept, Next: k.Next, Prev: k.Prev, Field: field.NewKeyMap(k),
		WhoIsThis: k.WhoIsThis, Mentions: k.Mentions, Sort: k.SortPeople, FilterPlaces: k.FilterPlaces}
}

// Styles is how the overlays are drawn.
type Styles struct {
	Box      lipgloss.Style // the box, border and all
	Title    lipgloss.Style
	Foot     lipgloss.Style // the keys that act, and whether there is more
	Text     lipgloss.Style
	Group    lipgloss.Style // in the help: a group of keys
	Key      lipgloss.Style // in the help: the keys of an action
	Name     lipgloss.Style // in the list of marks: a mark's name
	Quiet    lipgloss.Style // in the list of marks: a mark's words and page
	Selected lipgloss.Style // in the lists of marks, highlights and people: the entry under the cursor
	Field    field.Styles   // in the lists of highlights and people: what is typed
}

// The box's border and padding, around the text.
const (
	frameW = 4
	frameH = 2
)

// box is what the overlays share: its size on the terminal, and the first
// line, or entry, of what scrolls in it.
type box struct {
	width, height int // the terminal
	widest        int // the most columns of text the box takes
	offset        int
}

// innerWidth is the width of the text in the box.
func (b box) innerWidth() int { return min(b.width-2, b.widest) - frameW }

// textRows is how many of n lines a box over the text pane shows: the
// status bar, the frame, the title and the foot aside, and a line of the
// text kept above it and below.
func (b box) textRows(n int) int {
	return max(0, min(n, b.height-1-frameH-2-2))
}

// scroll moves the window of rows lines over total by a moving key: a
// line, a page (all but a line kept), to the top or the bottom. It says
// whether the key was one.
func (b *box) scroll(msg tea.KeyMsg, k KeyMap, rows, total int) bool {
	page := max(1, rows-1)
	switch {
	case key.Matches(msg, k.Down):
		b.offset++
	case key.Matches(msg, k.Up):
		b.offset--
	case key.Matches(msg, k.PageDown, k.HalfDown):
		b.offset += page
	case key.Matches(msg, k.PageUp, k.HalfUp):
		b.offset -= page
	case key.Matches(msg, k.Top):
		b.offset = 0
	case key.Matches(msg, k.Bottom):
		b.offset = total
	default:
		return false
	}
	b.offset = min(max(b.offset, 0), max(0, total-rows))
	return true
}

// follow scrolls a list rows entries high so that the entry under the
// cursor shows, moving it as little as it can.
func (b *box) follow(cursor, rows int) {
	b.offset = min(b.offset, cursor)
	if cursor >= b.offset+rows {
		b.offset = cursor - rows + 1
	}
	b.offset = max(0, b.offset)
}

// window is the part of lines that shows in rows lines of the box, from
// its offset.
func (b box) window(lines []string, rows int) []string {
	return lines[b.offset:min(len(lines), b.offset+rows)]
}

// frame draws the box around lines, which are inner columns wide: the
// title first, the foot last.
func frame(s Styles, inner int, lines []string) string {
	return s.Box.Width(inner + 2).Render(strings.Join(lines, "\n"))
}

// foot is the last line of a box: hint on the left, more on the right,
// width columns in all.
func foot(s Styles, hint, more string, width int) string {
	gap := max(1, width-lipgloss.Width(hint)-lipgloss.Width(more))
	return s.Foot.Render(ansi.Truncate(hint+strings.Repeat(" ", gap)+more, width, ""))
}

// keyHint is a key that acts in a box, and what it does, for the foot.
type keyHint struct {
	key  key.Binding
	what string
}

// keyFoot is the foot of a box that names the keys hs by their first key
// ("enter go"; one with no key bound is left out), as many as fit whole
// beside more.
func keyFoot(s Styles, hs []keyHint, more string, width int) string {
	var keys []string
	for _, h := range hs {
		if first := common.FirstKey(h.key); first != "" {
			keys = append(keys, first+" "+h.what)
		}
	}
	return foot(s, hints(keys, more, width), more, width)
}

// hints joins as many of the keys that act in a box as fit whole beside
// more, in a foot width columns wide.
func hints(keys []string, more string, width int) string {
	room := width - lipgloss.Width(more) - 1
	hint := ""
	for _, h := range keys {
		next := h
		if hint != "" {
			next = hint + " · " + h
		}
		if lipgloss.Width(next) > room {
			break
		}
		hint = next
	}
	return hint
}

// moreMark says whether a list scrolled to offset, showing shown of total
// rows, has more above it, below it, or both.
func moreMark(offset, shown, total int) string {
	switch below, above := offset+shown < total, offset > 0; {
	case below && above:
		return "↕ more"
	case below:
		return "↓ more"
	case above:
		return "↑ more"
	}
	return ""
}
