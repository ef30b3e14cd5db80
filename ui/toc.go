package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// tocModel is the table of contents: a tree over the whole library, of
// documents, then their headings by level.
type tocModel struct {
	c       *shared
	items   []tocItem
	docItem map[*corpus.Document]int // the item of each document
	open    []bool                   // per item: its children are shown
	visible []int                    // the items shown, in order
	rowTop  []int                    // per visible entry: the screen row it starts on, from the top of the list
	rows    int                      // rows of the whole visible list

	cursor   int // index in visible
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

// tocItem is a document (heading -1) or one of its headings.
type tocItem struct {
	doc      *corpus.Document
	heading  int
	depth    int
	parent   int // item index; -1 for a document
	children bool
}

func newTOC(c *shared) tocModel {
	t := tocModel{c: c, progress: map[*corpus.Document]int{}, current: -1, drawn: map[int]drawnEntry{}}
	t.build()
	t.open = make([]bool, len(t.items))
	t.refresh()
	return t
}

// build lists the documents and the headings of those whose text has been
// read (a folder's documents are read after the first screen).
func (t *tocModel) build() {
	c := t.c
	t.items, t.docItem = t.items[:0], map[*corpus.Document]int{}
	for _, d := range c.Lib.Docs {
		docItem := len(t.items)
		t.docItem[d] = docItem
		t.items = append(t.items, tocItem{doc: d, heading: -1, parent: -1})
		if !d.Loaded() {
			continue
		}
		var stack []int // items of the open headings, by level
		for hi, h := range d.Outline {
			for len(stack) > 0 && d.Outline[t.items[stack[len(stack)-1]].heading].Level >= h.Level {
				stack = stack[:len(stack)-1]
			}
			parent := docItem
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			t.items[parent].children = true
			stack = append(stack, len(t.items))
			t.items = append(t.items, tocItem{doc: d, heading: hi, depth: t.items[parent].depth + 1, parent: parent})
		}
	}
}

// docsLoaded lists the headings of documents just read, keeping which
// entries are open, the cursor and the entry being read where they were.
func (t *tocModel) docsLoaded() {
	type entry struct {
		doc     *corpus.Document
		heading int
	}
	at := func(i int) entry {
		if i < 0 || i >= len(t.items) {
			return entry{nil, -1}
		}
		return entry{t.items[i].doc, t.items[i].heading}
	}
	open := map[entry]bool{}
	for i, o := range t.open {
		if o {
			open[at(i)] = true
		}
	}
	cursor, current := entry{nil, -1}, at(t.current)
	if len(t.visible) > 0 {
		cursor = at(t.visible[min(t.cursor, len(t.visible)-1)])
	}
	t.build()
	t.open = make([]bool, len(t.items))
	t.current = -1
	for i := range t.items {
		p := at(i)
		t.open[i] = open[p]
		if p == current {
			t.current = i
		}
	}
	t.drawn = map[int]drawnEntry{}
	t.visible = t.visible[:0]
	t.refresh()
	for vi, i := range t.visible {
		if at(i) == cursor {
			t.cursor = vi
		}
	}
	t.scrollToCursor(false)
}

func (t *tocModel) SetSize(width, height int) {
	t.width, t.height = width, height
	t.scrollToCursor(false)
}

func (t *tocModel) Focus() { t.focused = true }
func (t *tocModel) Blur()  { t.focused = false }

// refresh lists the items whose ancestors are all open.
func (t *tocModel) refresh() {
	cur := -1
	if len(t.visible) > 0 {
		cur = t.visible[min(t.cursor, len(t.visible)-1)]
	}
	t.visible = t.visible[:0]
	t.rowTop = t.rowTop[:0]
	row := 0
	for i := 0; i < len(t.items); i++ {
		t.visible = append(t.visible, i)
		t.rowTop = append(t.rowTop, row)
		row += t.rowHeight(i)
		if closed := i; t.items[i].children && !t.open[i] {
			for i+1 < len(t.items) && t.descends(i+1, closed) {
				i++
			}
		}
	}
	t.rows = row
	t.cursor = t.indexOf(cur)
}

func (t *tocModel) rowHeight(item int) int {
	if it := t.items[item]; it.heading < 0 && byline(it.doc) != "" {
		return 2 // title, then author and year
	}
	return 1
}

// descends says whether item a lies under item b.
func (t *tocModel) descends(a, b int) bool {
	for p := t.items[a].parent; p >= 0; p = t.items[p].parent {
		if p == b {
			return true
		}
	}
	return false
}

// indexOf is the visible entry of an item, or of its nearest visible
// ancestor.
func (t *tocModel) indexOf(item int) int {
	for ; item >= 0; item = t.items[item].parent {
		for i, v := range t.visible {
			if v == item {
				return i
			}
		}
	}
	return 0
}

// follow marks the place being read: document doc, heading section (-1
// for none). Unless the reader is moving in the contents, the cursor
// follows it, its branch opened and kept in view.
func (t *tocModel) follow(doc *corpus.Document, section int) {
	item := t.docItem[doc]
	if section >= 0 {
		item += 1 + section
		if item >= len(t.items) || t.items[item].doc != doc || t.items[item].heading != section {
			// Read since the contents were listed (the first document,
			// or one a search read): list its headings now.
			t.docsLoaded()
			item = t.docItem[doc] + 1 + section
		}
	}
	if item == t.current && (t.focused || t.visible[t.cursor] == item) {
		return
	}
	t.current = item
	if t.focused {
		return
	}
	if d := t.docItem[doc]; !t.open[d] && t.items[d].children {
		t.open[d] = true // the outline of the document being read
		t.refresh()
	}
	t.reveal(item)
	t.cursor = t.indexOf(item)
	t.scrollToCursor(true)
}

// reveal opens the branches above an item.
func (t *tocModel) reveal(item int) {
	if item < 0 {
		return
	}
	changed := false
	for p := t.items[item].parent; p >= 0; p = t.items[p].parent {
		if !t.open[p] {
			t.open[p] = true
			changed = true
		}
	}
	if changed {
		t.refresh()
	}
}

// Update takes a key; Enter asks the root to open the entry under the
// cursor.
func (t tocModel) Update(msg tea.Msg) (tocModel, tea.Cmd, common.Intent) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return t.handleKey(msg)
	}
	return t, nil, common.Intent{}
}

func (t *tocModel) handleKey(msg tea.KeyMsg) (tocModel, tea.Cmd, common.Intent) {
	k := t.c.Keys
	if len(t.visible) == 0 {
		return *t, nil, common.Intent{}
	}
	switch {
	case key.Matches(msg, k.Down):
		t.move(1)
	case key.Matches(msg, k.Up):
		t.move(-1)
	case key.Matches(msg, k.HalfDown):
		t.move(max(1, t.height/2))
	case key.Matches(msg, k.HalfUp):
		t.move(-max(1, t.height/2))
	case key.Matches(msg, k.PageDown):
		t.move(max(1, t.height-1))
	case key.Matches(msg, k.PageUp):
		t.move(-max(1, t.height-1))
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

func (t *tocModel) move(n int) {
	t.cursor = min(max(t.cursor+n, 0), len(t.visible)-1)
	t.scrollToCursor(false)
}

func (t *tocModel) expand() {
	item := t.visible[t.cursor]
	switch {
	case !t.items[item].children:
	case !t.open[item]:
		t.open[item] = true
		t.refresh()
	default:
		t.move(1) // to the first child
	}
	t.scrollToCursor(false)
}

func (t *tocModel) collapse() {
	item := t.visible[t.cursor]
	if t.items[item].children && t.open[item] {
		t.open[item] = false
		t.refresh()
	} else if p := t.items[item].parent; p >= 0 {
		t.cursor = t.indexOf(p)
	}
	t.scrollToCursor(false)
}

// openCursor asks to read from the entry under the cursor: a heading at
// its start, a document where it was left (its branch opened).
func (t *tocModel) openCursor() common.Intent {
	item := t.items[t.visible[t.cursor]]
	if item.heading < 0 {
		if i := t.visible[t.cursor]; item.children && !t.open[i] {
			t.open[i] = true
			t.refresh()
		}
		return common.Intent{Do: common.Resume, At: corpus.Place{Doc: item.doc, Offset: -1}}
	}
	return common.Intent{Do: common.Open, At: corpus.Place{Doc: item.doc, Offset: item.doc.Outline[item.heading].Offset}}
}

// click opens the entry on screen row y, as Enter would.
func (t *tocModel) click(y int) common.Intent {
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

// wheel scrolls the list by n rows, the cursor kept on screen.
func (t *tocModel) wheel(n int) {
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
// third of the way down when jumping.
func (t *tocModel) scrollToCursor(jump bool) {
	if len(t.visible) == 0 || t.height <= 0 {
		return
	}
	top := t.rowTop[t.cursor]
	bottom := top + t.rowHeight(t.visible[t.cursor])
	if top >= t.offset && bottom <= t.offset+t.height {
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

func (t tocModel) View() string {
	s := t.c.styles
	lines := make([]string, 0, t.height)
	if len(t.visible) == 0 {
		lines = append(lines, common.Fit(s.TOCMore.Render(" No documents."), t.width))
	}
	first := 0
	for first < len(t.visible)-1 && t.rowTop[first+1] <= t.offset {
		first++
	}
	skip := 0 // rows of the first entry above the screen
	if len(t.visible) > 0 {
		skip = t.offset - t.rowTop[first]
	}
	for i := first; i < len(t.visible) && len(lines) < t.height; i++ {
		for r, line := range t.entry(i) {
			if r < skip {
				continue
			}
			if len(lines) < t.height {
				lines = append(lines, line)
			}
		}
		skip = 0
	}
	for len(lines) < t.height {
		lines = append(lines, strings.Repeat(" ", t.width))
	}
	if t.offset+t.height < t.rows && t.height > 2 {
		lines[len(lines)-1] = common.Fit(s.TOCMore.Render("  ⋯"), t.width)
	}
	return strings.Join(lines, "\n")
}

// entry draws visible entry i: one line for a heading, two for a document.
func (t tocModel) entry(i int) []string {
	item := t.visible[i]
	look := entryLook{
		cursor: t.focused && i == t.cursor,
		here:   item == t.current || !t.open[item] && t.current >= 0 && t.descends(t.current, item),
		open:   t.open[item],
		width:  t.width,
	}
	if t.items[item].heading < 0 {
		look.progress = t.progress[t.items[item].doc]
	}
	if d, ok := t.drawn[item]; ok && d.look == look {
		return d.lines
	}
	lines := t.draw(item, look)
	t.drawn[item] = drawnEntry{look, lines}
	return lines
}

func (t tocModel) draw(item int, look entryLook) []string {
	s := t.c.styles
	it := t.items[item]
	cursor, here := look.cursor, look.here

	mark := " "
	switch {
	case cursor:
		mark = "›"
	case here:
		mark = "•"
	}
	glyph := "  "
	if it.children {
		glyph = "▸ "
		if look.open {
			glyph = "▾ "
		}
	}
	indent := strings.Repeat("  ", it.depth)
	lead := mark + indent + glyph
	room := max(1, look.width-lipgloss.Width(lead))
	d := it.doc

	style := s.TOCEntry
	if here {
		style = s.TOCCurrent
	}
	var lines []string
	if it.heading < 0 {
		style = s.TOCDoc
		if here {
			style = s.TOCCurrent
		}
		progress := ""
		if p := look.progress; p > 0 {
			progress = fmt.Sprintf(" %d%%", p)
		}
		title := ansi.Truncate(d.Title, max(1, room-len(progress)), "…")
		gap := max(0, room-lipgloss.Width(title)-len(progress))
		lines = append(lines, lead+style.Render(title)+strings.Repeat(" ", gap)+s.TOCProgress.Render(progress))
		if by := byline(d); by != "" {
			lines = append(lines, strings.Repeat(" ", lipgloss.Width(lead))+s.TOCDocMeta.Render(ansi.Truncate(by, room, "…")))
		}
	} else {
		title := d.Outline[it.heading].Title
		lines = append(lines, lead+style.Render(ansi.Truncate(title, room, "…")))
	}
	for k, l := range lines {
		l = common.Fit(l, look.width)
		if cursor {
			l = s.TOCCursor.Render(ansi.Strip(l))
		}
		lines[k] = l
	}
	return lines
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// byline is a document's author and year, as the contents show them.
func byline(d *corpus.Document) string {
	return strings.Join(nonEmpty(d.Author, d.Year), ", ")
}
