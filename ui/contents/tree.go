package contents

import (
	"samizdat/corpus"
)

// build lists the documents and the headings of those whose text has been
// read (a folder's documents are read after the first screen).
func (t *Model) build() {
	c := t.c
	t.items, t.docItem = t.items[:0], map[*corpus.Document]int{}
	for _, d := range c.Lib.Docs {
		docItem := len(t.items)
		t.docItem[d] = docItem
		t.items = append(t.items, node{doc: d, heading: -1, parent: -1})
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
			t.items = append(t.items, node{doc: d, heading: hi, depth: t.items[parent].depth + 1, parent: parent})
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
	if it := t.items[item]; it.heading < 0 && byline(it.doc) != "" {
		return 2 // title, then author and year
	}
	return 1
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
	if d := t.docItem[doc]; !t.open[d] && t.items[d].children {
		t.open[d] = true // the outline of the document being read
		t.refresh()
	}
	t.reveal(item)
	t.cursor = t.indexOf(item)
	t.scrollToCursor(true)
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
