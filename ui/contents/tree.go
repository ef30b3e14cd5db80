package contents

import (
	"samizdat/corpus"
)

// build lists the documents and the headings of those whose text has been
// read (a folder's documents are read after the first screen).
func (t *Model) build() {
	c := t.c
	t.items, t.docItem = t.items[:0], map[*corpus.Document]int{}
	t.need = 0
	for _, d := range c.Lib.Docs {
		docItem := len(t.items)
		t.docItem[d] = docItem
		t.items = append(t.items, node{doc: d, heading: -1, parent: -1})
		// The mark, the branch's glyph, the title, and " 100%".
		t.need = max(t.need, 1+2+titleWidth(d.Title)+5, 1+2+titleWidth(byline(d)))
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
			depth := t.items[parent].depth + 1
			t.items = append(t.items, node{doc: d, heading: hi, depth: depth, parent: parent})
			t.need = max(t.need, 1+2*depth+2+titleWidth(h.Title))
		}
	}
}

// DocsLoaded lists the headings of documents just read, keeping which
// entries are open, the cursor and the entry being read where they were.
func (t *Model) DocsLoaded() {
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
	open, byHand := map[entry]bool{}, map[entry]bool{}
	for i, o := range t.open {
		if o {
			open[at(i)], byHand[at(i)] = true, t.byHand[i]
		}
	}
	cursor, current := entry{nil, -1}, at(t.current)
	if len(t.visible) > 0 {
		cursor = at(t.visible[min(t.cursor, len(t.visible)-1)])
	}
	t.build()
	t.open = make([]bool, len(t.items))
	t.byHand = make([]bool, len(t.items))
	t.current = -1
	for i := range t.items {
		p := at(i)
		t.open[i], t.byHand[i] = open[p], byHand[p]
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

// refresh lists the items whose ancestors are all open.
func (t *Model) refresh() {
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

func (t *Model) rowHeight(item int) int {
	it := t.items[item]
	if it.heading < 0 || t.width <= 0 {
		if it.heading < 0 && byline(it.doc) != "" {
			return 2 // title, then author and year
		}
		return 1
	}
	// A long title wraps: as draw lays it out.
	room := max(1, t.width-(1+2*it.depth+2))
	return len(wrapTitle(it.doc.Outline[it.heading].Title, room))
}

// descends says whether item a lies under item b.
func (t *Model) descends(a, b int) bool {
	for p := t.items[a].parent; p >= 0; p = t.items[p].parent {
		if p == b {
			return true
		}
	}
	return false
}

// indexOf is the visible entry of an item, or of its nearest visible
// ancestor.
func (t *Model) indexOf(item int) int {
	for ; item >= 0; item = t.items[item].parent {
		for i, v := range t.visible {
			if v == item {
				return i
			}
		}
	}
	return 0
}

// Follow marks the place being read: document doc, heading section (-1
// for none). Unless the reader is moving in the contents, the cursor
// follows it, its branch opened and kept in view.
func (t *Model) Follow(doc *corpus.Document, section int) {
	item := t.docItem[doc]
	if section >= 0 {
		item += 1 + section
		if item >= len(t.items) || t.items[item].doc != doc || t.items[item].heading != section {
			// Read since the contents were listed (the first document,
			// or one a search read): list its headings now.
			t.DocsLoaded()
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
	t.openBranch(item)
	t.cursor = t.indexOf(item)
	t.scrollToCursor(true)
}

// openBranch opens the branch of the entry being read: the document, the
// chapter and the sections above it, and the entry itself, so that what
// comes next in it shows; it closes again every other branch the reading
// opened. Those the reader opened by hand stay open.
func (t *Model) openBranch(item int) {
	keep := map[int]bool{}
	if t.items[item].children {
		keep[item] = true
	}
	for p := t.items[item].parent; p >= 0; p = t.items[p].parent {
		keep[p] = true
	}
	changed := false
	for i := range t.items {
		want := t.byHand[i] || keep[i]
		if t.open[i] != want {
			t.open[i] = want
			changed = true
		}
	}
	if changed {
		t.refresh()
	}
}

// reveal opens the branches above an item.
func (t *Model) reveal(item int) {
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
