package state

import (
	"slices"
	"time"

	"samizdat/corpus"
)

// Memory is what the reader remembers between runs, as this run sees it:
// what the state file held (the base), and what this run changed, each
// change stamped with its revision (one more than the revision this run
// knew of the entry) and when it was made, so that a save merged with
// another reader's keeps the later change of each entry, whatever the
// clocks say.
//
// Places are found in the text of this edition lazily, when their
// document is first shown: a folder's documents are read after start.
type Memory struct {
	lib        *corpus.Library
	byID       map[string]*corpus.Document
	base       *Library
	readings   map[string]*reading  // by document id, once shown in this run
	current    string               // the id of the document being read
	currentAt  time.Time            // when this run last read in it; zero if it has not
	currentRev int64                // the revision of that change
	marks      map[string]*liveMark // by name, deleted ones kept as tombstones
	dirty      bool                 // changed since the last snapshot saved
}

// reading is where a document was left, and how far it has been read.
type reading struct {
	off  int // byte offset of Body the reader is at (its anchor); -1 for the head
	read int // the furthest offset read: reached by reading moves, or on a screen dwelt on
	// top and bottom are the screen last recorded: its first offset (-1
	// for the head) and the offset just past its last line; shown is
	// false until there is one.
	top, bottom int
	shown       bool
	// from and to are a stretch read away from what was read, if stretch:
	// begun at a screen dwelt on, counted once long enough (Moved). It is
	// not kept between runs.
	from, to int
	stretch  bool
	found    Found     // how off was found in this edition's text, until it is said
	changed  time.Time // when this run last moved in the document; zero if it has not
	rev      int64     // the revision of that change
}

// NewMemory is the memory of library lib, from what an earlier run saved
// of it (nil for nothing), which is not changed.
func NewMemory(lib *corpus.Library, saved *Library) Memory {
	base := New().Library("")
	if saved != nil {
		base = saved.Clone()
	}
	m := Memory{lib: lib, byID: map[string]*corpus.Document{}, base: base, readings: map[string]*reading{},
		current: base.Current, marks: map[string]*liveMark{}}
	for _, d := range lib.Docs {
		m.byID[d.ID] = d
	}
	for name, sm := range base.Marks {
		m.marks[name] = markFrom(name, sm)
	}
	return m
}

// Current is the document being read, or the one the last run left open;
// nil for none of this library.
func (m *Memory) Current() *corpus.Document {
	return m.byID[m.current]
}

// reading is where d was left, found in its text the first time it is
// asked for; d must have been read.
func (m *Memory) reading(d *corpus.Document) *reading {
	if r, ok := m.readings[d.ID]; ok {
		return r
	}
	r := &reading{off: -1}
	if saved, ok := m.base.Readings[d.ID]; ok {
		var at corpus.Place
		at, r.found = Find(d, saved.Position)
		r.off = at.Offset
		if r.off == 0 {
			r.off = -1 // the start of the text: show the document's head too
		}
		r.read = int(saved.ReadPercent(len(d.Body)) / 100 * float64(len(d.Body)))
	}
	m.readings[d.ID] = r
	return r
}

// Resume is where d, which has been read, was left, and how it was found
// in this edition: the first time it is asked, so that what was not found
// where it was left is said once; Exact after that.
func (m *Memory) Resume(d *corpus.Document) (corpus.Place, Found) {
	r := m.reading(d)
	found := r.found
	r.found = Exact
	return corpus.Place{Doc: d, Offset: r.off}, found
}

// Progress is how far d has been read, in percent, for the contents.
func (m *Memory) Progress(d *corpus.Document) int {
	if r, ok := m.readings[d.ID]; ok {
		if len(d.Body) == 0 {
			return 100
		}
		return min(100, max(0, r.read)*100/len(d.Body))
	}
	if saved, ok := m.base.Readings[d.ID]; ok && d.Loaded() {
		return int(saved.ReadPercent(len(d.Body)))
	}
	if saved, ok := m.base.Readings[d.ID]; ok && saved.ByReading {
		return int(min(100, max(0, saved.Percent)))
	}
	return 0
}

// Move is how the reader came to a screen, which says whether it counts
// as read.
type Move int

const (
	// Settled: the layout settled (a chunk laid out, a resize); no move
	// of the reader's.
	Settled Move = iota
	// Jumped: a jump (the top or the bottom, a section, a percentage, a
	// mark, the contents, a search, the history): a place visited, not
	// read.
	Jumped
	// Read: a reading move (lines, half pages, pages, the wheel). It
	// reads on from a screen that began within what was read to one that
	// follows on from it, so that a reading move far away (10 pages at
	// once) reads nothing.
	Read
	// Dwelt: the screen stayed still long enough to be read. One that
	// follows on from what was read is read; one away from it, where a
	// jump landed, begins a stretch of reading there (stretch).
	Dwelt
)

// stretchScreens is how many screens a stretch of reading away from what
// was read must hold to count: a glance at where a jump landed (the last
// screen after G, a note) is not reading the work to there; reading on
// from it for three screens is.
const stretchScreens = 3

// Moved records the screen: at where the reader is, top and bottom the
// offsets of its first line (-1 for the head) and just past its last. A
// move of the reader's (not a layout settling) is stamped. A reading move
// from what was read, or a screen dwelt on that follows on from it, reads
// as far as its bottom; away from what was read, a screen dwelt on begins
// a stretch, which reading moves extend and which counts once it is
// stretchScreens long.
func (m *Memory) Moved(at corpus.Place, top, bottom int, how Move, now time.Time) {
	d := at.Doc
	r := m.reading(d)
	if how != Settled && (r.off != at.Offset || m.current != d.ID) {
		m.changedReading(d, r, now)
		m.changedCurrent(now)
	}
	r.off = at.Offset
	followsOn := r.shown && top <= r.bottom && bottom >= r.top // the screen overlaps or meets the last
	inStretch := r.stretch && r.from <= r.top && r.top <= r.to
	switch {
	case how == Dwelt && top <= r.read, how == Read && followsOn && r.top <= r.read:
		m.readTo(d, r, bottom, now)
	case how == Dwelt && (!r.stretch || top < r.from || top > r.to):
		r.from, r.to, r.stretch = top, bottom, true
	case how == Read && followsOn && inStretch:
		r.to = max(r.to, bottom)
		if r.to-r.from >= stretchScreens*(bottom-top) {
			m.readTo(d, r, r.to, now)
		}
	}
	r.top, r.bottom, r.shown = top, bottom, true
	m.current = d.ID
}

// readTo reads d as far as off, if that is further than it was read; a
// stretch it reaches is read.
func (m *Memory) readTo(d *corpus.Document, r *reading, off int, now time.Time) {
	if off > r.read {
		r.read = off
		m.changedReading(d, r, now)
	}
	if r.stretch && r.from <= r.read {
		r.stretch = false
	}
}

// changedReading stamps a change of where d is read: a revision after the
// one last saved or seen.
func (m *Memory) changedReading(d *corpus.Document, r *reading, now time.Time) {
	r.changed, r.rev, m.dirty = now, m.base.Readings[d.ID].Rev+1, true
}

// changedCurrent stamps a change of the document being read.
func (m *Memory) changedCurrent(now time.Time) {
	m.currentAt, m.currentRev, m.dirty = now, m.base.Rev+1, true
}

// Visit records that a document was opened at a place as it was asked,
// not as the last run left it: a place to come back to even if the reader
// moves no further.
func (m *Memory) Visit(at corpus.Place, now time.Time) {
	r := m.reading(at.Doc)
	r.off = at.Offset
	m.changedReading(at.Doc, r, now)
	m.current = at.Doc.ID
	m.changedCurrent(now)
}

// SetMark names a place.
func (m *Memory) SetMark(name string, at corpus.Place, now time.Time) {
	var rev int64
	if old, ok := m.marks[name]; ok {
		rev = old.rev
	}
	m.marks[name] = &liveMark{name: name, doc: at.Doc.ID, pos: At(at), off: at.Offset, looked: true,
		updated: now, rev: rev + 1, changed: true}
	m.dirty = true
}

// DeleteMark forgets a mark, leaving a tombstone so that a merge with a
// file that still has it does not bring it back.
func (m *Memory) DeleteMark(name string, now time.Time) {
	mk, ok := m.marks[name]
	if !ok || mk.deleted {
		return
	}
	mk.deleted, mk.updated, mk.changed = true, now, true
	mk.rev++
	m.dirty = true
}

// Marked is a mark as the reader shows it and goes to it.
type Marked struct {
	Name  string
	DocID string // as saved
	// At is where it is: At.Doc is nil for a document not in this
	// library, and At.Offset is where it was found once the document has
	// been read (Located).
	At      corpus.Place
	Located bool
	Found   Found    // how it was found, once Located
	Saved   Position // as saved: the section and words of a mark in a document not yet read
}

// Mark is the live mark of that name, found in its document's text if
// that has been read.
func (m *Memory) Mark(name string) (Marked, bool) {
	mk, ok := m.marks[name]
	if !ok || mk.deleted {
		return Marked{}, false
	}
	return m.marked(mk), true
}

// Marks lists the live marks, as Mark does each, in the order of their
// names: letters, then capitals, then digits, as vim lists them.
func (m *Memory) Marks() []Marked {
	var live []*liveMark
	for _, mk := range m.marks {
		if !mk.deleted {
			live = append(live, mk)
		}
	}
	slices.SortFunc(live, func(a, b *liveMark) int { return markOrder(a.name) - markOrder(b.name) })
	out := make([]Marked, len(live))
	for i, mk := range live {
		out[i] = m.marked(mk)
	}
	return out
}

func (m *Memory) marked(mk *liveMark) Marked {
	d := m.byID[mk.doc]
	out := Marked{Name: mk.name, DocID: mk.doc, At: corpus.Place{Doc: d, Offset: -1}, Saved: mk.pos}
	if d != nil {
		mk.locate(d)
		out.At.Offset, out.Located, out.Found = mk.off, mk.looked, mk.found
	}
	return out
}

// Dirty says whether anything changed since the last snapshot taken to be
// saved.
func (m *Memory) Dirty() bool { return m.dirty }

// Snapshot is what to save: what the file held at start or at the last
// save, with what this run changed over it. Only documents shown in this
// run are looked into, so it reads no text being loaded.
func (m *Memory) Snapshot() *Library {
	s := m.base.Clone()
	for _, d := range m.lib.Docs {
		r, ok := m.readings[d.ID]
		if !ok || r.changed.IsZero() {
			continue
		}
		percent := 100.0
		if len(d.Body) > 0 {
			percent = min(100, float64(r.read)*100/float64(len(d.Body)))
		}
		s.Readings[d.ID] = Reading{Position: At(corpus.Place{Doc: d, Offset: r.off}), Percent: percent, ByReading: true,
			Updated: r.changed, Rev: r.rev}
	}
	if !m.currentAt.IsZero() {
		s.Current, s.Updated, s.Rev = m.current, m.currentAt, m.currentRev
	}
	for name, mk := range m.marks {
		if mk.changed {
			s.Marks[name] = mk.saved()
		}
	}
	return s
}

// ToSave is the snapshot to save now: what is in it counts as saved until
// Unsaved says the save failed.
func (m *Memory) ToSave() *Library {
	m.dirty = false
	return m.Snapshot()
}

// Unsaved says the last snapshot to save was not saved: it is to be saved
// again.
func (m *Memory) Unsaved() { m.dirty = true }

// Adopt takes in what a save found in the file, or a read when there was
// nothing to save: the base of the next snapshot (whose revisions the next
// changes follow), and the marks another reader set or deleted since.
func (m *Memory) Adopt(merged *Library) {
	m.base = merged.Clone()
	for name, sm := range merged.Marks {
		if mine, ok := m.marks[name]; !ok || sm.Supersedes(mine.saved()) {
			m.marks[name] = markFrom(name, sm)
		}
	}
}
