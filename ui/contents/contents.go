// Package contents is the table of contents: a tree over the whole
// library, of documents, then their headings by level, with how far each
// document has been read and a mark on the entry being read. Enter (or a
// click) asks to read from the entry under the cursor.
package contents

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
)

// KeyMap is the keys of the contents.
type KeyMap struct {
	Down, Up, HalfDown, HalfUp, PageDown, PageUp, Top, Bottom key.Binding
	Expand, Collapse, Open                                    key.Binding
}

// NewKeyMap takes the contents' keys from the reader's.
func NewKeyMap(k keymap.Map) KeyMap {
	return KeyMap{Down: k.Down, Up: k.Up, HalfDown: k.HalfDown, HalfUp: k.HalfUp, PageDown: k.PageDown, PageUp: k.PageUp,
		Top: k.Top, Bottom: k.Bottom, Expand: k.Expand, Collapse: k.Collapse, Open: k.Open}
}

// Styles is how the contents are drawn.
type Styles struct {
	Doc      lipgloss.Style // a document's title
	DocMeta  lipgloss.Style // its author and year
	Entry    lipgloss.Style // a heading
	Current  lipgloss.Style // the entry being read
	Cursor   lipgloss.Style // the entry under the cursor, while the contents have the focus
	Progress lipgloss.Style // how far a document has been read
	More     lipgloss.Style // that the list goes on below
}

// Model is the table of contents.
type Model struct {
	KeyMap KeyMap
	Styles Styles

	c       *common.Common
	items   []node
	docItem map[*corpus.Document]int // the item of each document
	open    []bool                   // per item: its children are shown
	byHand  []bool                   // per item: opened by the reader, not by following the reading
	need    int                      // the columns the longest entry takes whole
	visible []int                    // the items shown, in order
	rowTop  []int                    // per visible entry: the screen row it starts on, from the top of the list
	rows    int                      // rows of the whole visible list

	cursor   int // index in visible
	count    int // a number typed before a move
	offset   int // first row on screen
	current  int // the item being read
	progress map[*corpus.Document]int

	width, height int
	focused       bool

	// drawn keeps each entry's lines as last drawn: a frame redraws only
	// the entries whose look changed.
	drawn map[int]drawnEntry
}

type drawnEntry struct {
	look  entryLook
	lines []string
}

// entryLook is everything an entry's lines depend on.
type entryLook struct {
	cursor, here, open bool
	progress, width    int
}

// node is a document (heading -1) or one of its headings.
type node struct {
	doc      *corpus.Document
	heading  int
	depth    int
	parent   int // item index; -1 for a document
	children bool
}

// New is the contents of the library, every branch closed.
func New(c *common.Common, styles Styles) Model {
	t := Model{KeyMap: NewKeyMap(c.Keys), Styles: styles, c: c, progress: map[*corpus.Document]int{}, current: -1, drawn: map[int]drawnEntry{}}
	t.build()
	t.open = make([]bool, len(t.items))
	t.byHand = make([]bool, len(t.items))
	t.refresh()
	return t
}

// Need is the width the contents take with no entry cut: the longest
// title, with its indent, marks and a document's progress. Documents not
// yet read count once their headings are listed.
func (t Model) Need() int { return t.need }

func (t *Model) SetSize(width, height int) {
	resized := width != t.width
	t.width, t.height = width, height
	if resized {
		t.refresh() // long titles wrap onto more lines, or fewer
	}
	t.scrollToCursor(false)
}

// Focus gives the contents the keys, the cursor on the entry being read,
// its branch opened and in view.
func (t *Model) Focus() {
	t.focused = true
	t.cursor = t.indexOf(t.current)
	t.reveal(t.current)
	t.cursor = t.indexOf(t.current)
	t.scrollToCursor(true)
}

// Blur takes the keys away: the cursor follows the reading again.
func (t *Model) Blur() { t.focused, t.count = false, 0 }

// Count is the number typed before a move, 0 for none.
func (t Model) Count() int { return t.count }

// SetProgress is how far doc has been read, in percent.
func (t *Model) SetProgress(doc *corpus.Document, percent int) { t.progress[doc] = percent }

// Index is the entry under the cursor, counted from the top of the list
// as it is shown.
func (t Model) Index() int { return t.cursor }

// Selected is the entry under the cursor: a document (heading -1) or one
// of its headings, and whether its branch is open.
func (t Model) Selected() (doc *corpus.Document, heading int, open bool) {
	if len(t.visible) == 0 {
		return nil, -1, false
	}
	i := t.visible[t.cursor]
	return t.items[i].doc, t.items[i].heading, t.open[i]
}

// Current is the entry marked as being read: a document (heading -1) or
// one of its headings; a nil doc for none.
func (t Model) Current() (doc *corpus.Document, heading int) {
	if t.current < 0 {
		return nil, -1
	}
	return t.items[t.current].doc, t.items[t.current].heading
}

// Headings is how many of doc's headings the contents list: none until
// its text has been read.
func (t Model) Headings(doc *corpus.Document) int {
	n := 0
	for _, it := range t.items {
		if it.doc == doc && it.heading >= 0 {
			n++
		}
	}
	return n
}

// Update takes a key; Enter asks the root to open the entry under the
// cursor.
func (t Model) Update(msg tea.Msg) (Model, tea.Cmd, common.Intent) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return t.handleKey(msg)
	}
	return t, nil, common.Intent{}
}

func (t *Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd, common.Intent) {
	k := t.KeyMap
	if len(t.visible) == 0 {
		return *t, nil, common.Intent{}
	}
	if d, ok := common.Digit(msg); ok && !t.c.Bound(msg) {
		t.count = min(t.count*10+d, 100000)
		return *t, nil, common.Intent{}
	}
	n := max(1, t.count)
	t.count = 0
	switch {
	case key.Matches(msg, k.Down):
		t.move(n)
	case key.Matches(msg, k.Up):
		t.move(-n)
	case key.Matches(msg, k.HalfDown):
		t.move(n * max(1, t.height/2))
	case key.Matches(msg, k.HalfUp):
		t.move(-n * max(1, t.height/2))
	case key.Matches(msg, k.PageDown):
		t.move(n * max(1, t.height-1))
	case key.Matches(msg, k.PageUp):
		t.move(-n * max(1, t.height-1))
	case key.Matches(msg, k.Top):
		t.move(-len(t.visible))
	case key.Matches(msg, k.Bottom):
		t.move(len(t.visible))
	case key.Matches(msg, k.Expand):
		t.expand()
	case key.Matches(msg, k.Collapse):
		t.collapse()
	case key.Matches(msg, k.Open):
		return *t, nil, t.openCursor()
	default:
		return *t, t.c.UnknownKey(msg), common.Intent{}
	}
	return *t, nil, common.Intent{}
}

func (t *Model) move(n int) {
	t.cursor = min(max(t.cursor+n, 0), len(t.visible)-1)
	t.scrollToCursor(false)
}

func (t *Model) expand() {
	item := t.visible[t.cursor]
	switch {
	case !t.items[item].children:
	case !t.open[item]:
		t.open[item], t.byHand[item] = true, true
		t.refresh()
	default:
		t.move(1) // to the first child
	}
	t.scrollToCursor(false)
}

func (t *Model) collapse() {
	item := t.visible[t.cursor]
	if t.items[item].children && t.open[item] {
		t.open[item], t.byHand[item] = false, false
		t.refresh()
	} else if p := t.items[item].parent; p >= 0 {
		t.cursor = t.indexOf(p)
	}
	t.scrollToCursor(false)
}

// openCursor asks to read from the entry under the cursor: a heading at
// its start, a document where it was left (its branch opened).
func (t *Model) openCursor() common.Intent {
	item := t.items[t.visible[t.cursor]]
	if item.heading < 0 {
		if i := t.visible[t.cursor]; item.children && !t.open[i] {
			t.open[i], t.byHand[i] = true, true
			t.refresh()
		}
		return common.Intent{Do: common.Resume, At: corpus.Place{Doc: item.doc, Offset: -1}}
	}
	return common.Intent{Do: common.Open, At: corpus.Place{Doc: item.doc, Offset: item.doc.Outline[item.heading].Offset}}
}

// Click opens the entry on screen row y, as Enter would.
func (t *Model) Click(y int) common.Intent {
	row := t.offset + y
	for i := len(t.visible) - 1; i >= 0; i-- {
		if t.rowTop[i] <= row {
			if row < t.rowTop[i]+t.rowHeight(t.visible[i]) {
				t.cursor = i
				return t.openCursor()
			}
			return common.Intent{}
		}
	}
	return common.Intent{}
}

// followContext is how many rows of the list the entry being read keeps
// above and below it, at most, while the contents follow the reading.
const followContext = 3

// Wheel scrolls the list by n rows, the cursor kept on screen.
func (t *Model) Wheel(n int) {
	if len(t.visible) == 0 {
		return
	}
	t.offset = min(max(t.offset+n, 0), max(0, t.rows-t.height))
	for t.cursor > 0 && t.rowTop[t.cursor] >= t.offset+t.height {
		t.cursor--
	}
	for t.cursor < len(t.visible)-1 && t.rowTop[t.cursor] < t.offset {
		t.cursor++
	}
}

// scrollToCursor brings the cursor on screen: at the nearest edge, or a
// third of the way down when jumping, or when following the reading
// would leave it with too little of the list above or below it.
func (t *Model) scrollToCursor(jump bool) {
	if len(t.visible) == 0 || t.height <= 0 {
		return
	}
	top := t.rowTop[t.cursor]
	bottom := top + t.rowHeight(t.visible[t.cursor])
	margin := 0
	if jump {
		margin = min(followContext, t.height/4)
	}
	if top-margin >= t.offset && bottom+margin <= t.offset+t.height {
		return
	}
	switch {
	case jump:
		t.offset = top - t.height/3
	case top < t.offset:
		t.offset = top
	default:
		t.offset = bottom - t.height
	}
	t.offset = min(max(t.offset, 0), max(0, t.rows-t.height))
}
