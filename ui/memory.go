package ui

import (
	"slices"
	"time"

	"samizdat/corpus"
	"samizdat/ui/state"
)

// memory is what the reader remembers between runs, as this run sees it:
// what the state file held (base), and what this run changed, each change
// stamped with its revision (one more than the revision this run knew of
// the entry) and when it was made, so that a save merged with another
// reader's keeps the later change of each entry, whatever the clocks say.
//
// Positions are found in the text of this edition lazily, when their
// document is first shown: a folder's documents are read after start.
type memory struct {
	base       *state.Library
	readings   map[string]*reading // by document id, once shown in this run
	current    string              // the document being read
	currentAt  time.Time           // when this run last read in it; zero if it has not
	currentRev int64               // the revision of that change
	marks      map[string]*mark    // by name, deleted ones kept as tombstones
	dirty      bool                // changed since the last snapshot
}

// reading is where a document was left.
type reading struct {
	off     int         // byte offset of Body the reader is at (its anchor); -1 for the head
	read    int         // the furthest offset that reached the bottom of the screen
	found   state.Found // how off was found in this edition's text
	changed time.Time   // when this run last moved in the document; zero if it has not
	rev     int64       // the revision of that change
}

// mark is a place named by a letter or digit.
type mark struct {
	name    string
	doc     string         // document id
	pos     state.Position // as saved, to find it in this edition
	off     int            // where pos is in this edition, once looked for; -1 for the head
	looked  bool           // off has been looked for
	found   state.Found
	updated time.Time
	rev     int64 // counts the changes of the mark of this name
	deleted bool
	changed bool // set or deleted in this run: a save must carry it
}

func newMemory(saved *state.Library) memory {
	base := state.New().Library("")
	if saved != nil {
		base = saved.Clone()
	}
	m := memory{base: base, readings: map[string]*reading{}, current: base.Current, marks: map[string]*mark{}}
	for name, sm := range base.Marks {
		m.marks[name] = markFrom(name, sm)
	}
	return m
}

func markFrom(name string, sm state.Mark) *mark {
	return &mark{name: name, doc: sm.Doc, pos: sm.Position, off: -1, updated: sm.Updated, rev: sm.Rev, deleted: sm.Deleted}
}

// saved is the mark as the state file keeps it.
func (mk *mark) saved() state.Mark {
	return state.Mark{Doc: mk.doc, Position: mk.pos, Updated: mk.updated, Rev: mk.rev, Deleted: mk.deleted}
}

// reading is where d was left, found in its text the first time it is
// asked for; d must have been read.
func (m *memory) reading(d *corpus.Document) *reading {
	if r, ok := m.readings[d.ID]; ok {
		return r
	}
	r := &reading{off: -1}
	if saved, ok := m.base.Readings[d.ID]; ok {
		r.off, r.found = state.Find(d, saved.Position)
		if r.off == 0 {
			r.off = -1 // the start of the text: show the document's head too
		}
		r.read = max(int(saved.Percent/100*float64(len(d.Body))), r.off)
	}
	m.readings[d.ID] = r
	return r
}

// progress is how far d has been read, in percent, for the contents.
func (m *memory) progress(d *corpus.Document) int {
	if r, ok := m.readings[d.ID]; ok {
		return percentOf(r.read, d)
	}
	if saved, ok := m.base.Readings[d.ID]; ok {
		return min(100, max(0, int(saved.Percent)))
	}
	return 0
}

// moved records the place on screen: off where the reader is, bottom just
// past the last line. A move the reader made (not a layout settling) is stamped.
func (m *memory) moved(d *corpus.Document, off, bottom int, byReader bool, now time.Time) {
	r := m.reading(d)
	if byReader && (r.off != off || m.current != d.ID) {
		m.changedReading(d, r, now)
		m.changedCurrent(now)
	}
	r.off = off
	if bottom > r.read {
		r.read = bottom
		if byReader {
			m.changedReading(d, r, now)
		}
	}
	m.current = d.ID
}

// changedReading stamps a change of where d is read: a revision after the
// one last saved or seen.
func (m *memory) changedReading(d *corpus.Document, r *reading, now time.Time) {
	r.changed, r.rev, m.dirty = now, m.base.Readings[d.ID].Rev+1, true
}

// changedCurrent stamps a change of the document being read.
func (m *memory) changedCurrent(now time.Time) {
	m.currentAt, m.currentRev, m.dirty = now, m.base.Rev+1, true
}

// visit records that d was opened at off as it was asked, not as the
// last run left it: a place to come back to even if the reader moves no
// further.
func (m *memory) visit(d *corpus.Document, off int, now time.Time) {
	r := m.reading(d)
	r.off = off
	m.changedReading(d, r, now)
	m.current = d.ID
	m.changedCurrent(now)
}

// setMark names the place at off (-1 for the head) of d.
func (m *memory) setMark(name string, d *corpus.Document, off int, now time.Time) {
	var rev int64
	if old, ok := m.marks[name]; ok {
		rev = old.rev
	}
	m.marks[name] = &mark{name: name, doc: d.ID, pos: state.At(d, max(off, 0)), off: off, looked: true,
		updated: now, rev: rev + 1, changed: true}
	m.dirty = true
}

// deleteMark forgets a mark, leaving a tombstone so that a merge with a
// file that still has it does not bring it back.
func (m *memory) deleteMark(name string, now time.Time) {
	mk, ok := m.marks[name]
	if !ok || mk.deleted {
		return
	}
	mk.deleted, mk.updated, mk.changed = true, now, true
	mk.rev++
	m.dirty = true
}

// mark is the live mark of that name, found in d's text if d is its
// document and has been read.
func (m *memory) mark(name string) (*mark, bool) {
	mk, ok := m.marks[name]
	if !ok || mk.deleted {
		return nil, false
	}
	return mk, true
}

// locate finds a mark in the text of its document d, once.
func (mk *mark) locate(d *corpus.Document) {
	if mk.looked || !d.Loaded() {
		return
	}
	mk.off, mk.found = state.Find(d, mk.pos)
	if mk.off == 0 {
		mk.off = -1
	}
	mk.looked = true
}

// liveMarks lists the marks not deleted, in the order of their names:
// letters, then capitals, then digits, as vim lists them.
func (m *memory) liveMarks() []*mark {
	var out []*mark
	for _, mk := range m.marks {
		if !mk.deleted {
			out = append(out, mk)
		}
	}
	slices.SortFunc(out, func(a, b *mark) int { return markOrder(a.name) - markOrder(b.name) })
	return out
}

func markOrder(name string) int {
	c := int(name[0])
	switch {
	case 'a' <= c && c <= 'z':
		return c
	case 'A' <= c && c <= 'Z':
		return 1000 + c
	}
	return 2000 + c
}

// snapshot is what to save: what the file held at start or at the last
// save, with what this run changed over it. Only documents shown in this
// run are looked into, so it reads no text being loaded.
func (m *memory) snapshot(lib *corpus.Library) *state.Library {
	s := m.base.Clone()
	for _, d := range lib.Docs {
		r, ok := m.readings[d.ID]
		if !ok || r.changed.IsZero() {
			continue
		}
		percent := 100.0
		if len(d.Body) > 0 {
			percent = min(100, float64(r.read)*100/float64(len(d.Body)))
		}
		s.Readings[d.ID] = state.Reading{Position: state.At(d, max(r.off, 0)), Percent: percent, Updated: r.changed, Rev: r.rev}
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

// adopt takes in what a save found in the file, or a read when there was
// nothing to save: the base of the next snapshot (whose revisions the next
// changes follow), and the marks another reader set or deleted since.
func (m *memory) adopt(merged *state.Library) {
	m.base = merged.Clone()
	m.adoptMarks(merged)
}

// adoptMarks takes in the marks of lib changed later than this run's.
func (m *memory) adoptMarks(lib *state.Library) {
	for name, sm := range lib.Marks {
		if mine, ok := m.marks[name]; !ok || sm.Supersedes(mine.saved()) {
			m.marks[name] = markFrom(name, sm)
		}
	}
}
