package state

import (
	"time"

	"samizdat/corpus"
)

// liveMark is a mark as this run knows it: named by a letter or digit,
// found in this edition's text once its document has been read.
type liveMark struct {
	name    string
	doc     string   // document id
	pos     Position // as saved, to find it in this edition
	off     int      // where pos is in this edition, once looked for; -1 for the head
	looked  bool     // off has been looked for
	found   Found
	updated time.Time
	rev     int64 // counts the changes of the mark of this name
	deleted bool
	changed bool // set or deleted in this run: a save must carry it
}

// markFrom is a mark of the file as this run knows it, not yet found.
func markFrom(name string, sm Mark) *liveMark {
	return &liveMark{name: name, doc: sm.Doc, pos: sm.Position, off: -1, updated: sm.Updated, rev: sm.Rev, deleted: sm.Deleted}
}

// saved is the mark as the state file keeps it.
func (mk *liveMark) saved() Mark {
	return Mark{Doc: mk.doc, Position: mk.pos, Updated: mk.updated, Rev: mk.rev, Deleted: mk.deleted}
}

// locate finds a mark in the text of its document d, once, if d has been
// read.
func (mk *liveMark) locate(d *corpus.Document) {
	if mk.looked || !d.Loaded() {
		return
	}
	var at corpus.Place
	at, mk.found = Find(d, mk.pos)
	mk.off = at.Offset
	if mk.off == 0 {
		mk.off = -1
	}
	mk.looked = true
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
