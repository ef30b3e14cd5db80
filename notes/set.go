package notes

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"samizdat/corpus"
)

// MaxPassage is the longest passage kept, in bytes of plain text: some
// ten thousand words, a long chapter. A longer selection is not a
// quotation, and a file of such would soon be one no reader opens fast.
const MaxPassage = 64 << 10

// contextBytes is about how much text is kept on either side of a passage
// to tell it from another with the same words: some ten words.
const contextBytes = 64

// Set is the reader's notes of one library, in memory: the live ones and
// the tombstones of those deleted. It is not safe for concurrent use; a
// save works on a Clone.
type Set struct {
	notes map[string]Note
	// gen counts the changes made to the set, so that Adopt knows whether
	// anything changed since the Clone that was saved.
	gen   uint64
	saved uint64 // the gen last saved
	// revision counts every change of what the set holds, those adopted
	// from another reader too.
	revision uint64
	// Now tells the time; nil for time.Now.
	Now func() time.Time
}

// NewSet returns an empty set.
func NewSet() *Set {
	return &Set{notes: map[string]Note{}}
}

func (s *Set) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// ErrEmpty is the error of Add for a passage with no words in it.
var ErrEmpty = errors.New("the passage has no words")

// Add keeps the passage [start, end) of d's plain text, with comment as
// its note ("" for a plain highlight), and returns it. White space at
// either end of the passage is left out.
func (s *Set) Add(d *corpus.Document, start, end int, comment string) (Note, error) {
	if err := d.Load(); err != nil {
		return Note{}, err
	}
	n := d.PlainLen()
	start, end = max(0, start), min(end, n)
	if start >= end {
		return Note{}, ErrEmpty
	}
	text := d.PlainRange(start, end)
	// Whole characters only: those an offset cuts are left out.
	lead := 0
	for lead < len(text) && !utf8.RuneStart(text[lead]) {
		lead++
	}
	text, start = text[lead:], start+lead
	last := len(text) - 1
	for last > 0 && !utf8.RuneStart(text[last]) {
		last--
	}
	if last >= 0 && !utf8.FullRuneInString(text[last:]) {
		text = text[:last]
	}
	trimmed := strings.TrimLeft(text, " \t\r\n")
	start += len(text) - len(trimmed)
	text = strings.TrimRight(trimmed, " \t\r\n")
	end = start + len(text)
	switch {
	case text == "":
		return Note{}, ErrEmpty
	case len(text) > MaxPassage:
		return Note{}, fmt.Errorf("the passage is %d KiB, longer than the %d KiB one note can keep", len(text)>>10, MaxPassage>>10)
	}
	now := s.now()
	note := Note{
		ID: newID(), Doc: d.ID, Start: start, End: end, Text: text,
		Before:  lastRunes(d.PlainRange(start-contextBytes-utf8.UTFMax, start), contextBytes),
		After:   firstRunes(d.PlainRange(end, end+contextBytes+utf8.UTFMax), contextBytes),
		Comment: comment, Created: now, Modified: now, Rev: 1,
	}
	s.put(note)
	return note, nil
}

// put stores n as a change of the set.
func (s *Set) put(n Note) {
	s.notes[n.ID] = n
	s.gen++
	s.revision++
}

// Revision counts the changes of what the set holds, made here or taken
// in from another reader by Adopt: what is drawn from the set is stale
// when it has changed.
func (s *Set) Revision() uint64 { return s.revision }

// Get returns the note with the id, live or deleted.
func (s *Set) Get(id string) (Note, bool) {
	n, ok := s.notes[id]
	return n, ok
}

// change applies edit to the live note with the id as one more revision.
func (s *Set) change(id string, live bool, edit func(*Note)) (Note, bool) {
	n, ok := s.notes[id]
	if !ok || n.Deleted == live {
		return Note{}, false
	}
	edit(&n)
	n.Rev++
	n.Modified = s.now()
	if n.Modified.Before(n.Created) {
		n.Modified = n.Created // a clock set back since
	}
	s.put(n)
	return n, true
}

// SetComment replaces the note of a live note; "" makes it a plain
// highlight. ok is false if there is no such live note.
func (s *Set) SetComment(id, comment string) (n Note, ok bool) {
	if cur, found := s.notes[id]; found && !cur.Deleted && cur.Comment == comment {
		return cur, true
	}
	return s.change(id, true, func(n *Note) { n.Comment = comment })
}

// Delete deletes a live note, keeping its tombstone: Restore undoes it.
func (s *Set) Delete(id string) (n Note, ok bool) {
	return s.change(id, true, func(n *Note) { n.Deleted = true })
}

// Restore brings back a deleted note, as it was.
func (s *Set) Restore(id string) (n Note, ok bool) {
	return s.change(id, false, func(n *Note) { n.Deleted = false })
}

// Len is the number of live notes.
func (s *Set) Len() int {
	k := 0
	for _, n := range s.notes {
		if !n.Deleted {
			k++
		}
	}
	return k
}

// Live lists the live notes, newest first.
func (s *Set) Live() []Note {
	var out []Note
	for _, n := range s.notes {
		if !n.Deleted {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, Newest)
	return out
}

// OfDoc lists the live notes of the document with the id, in reading
// order.
func (s *Set) OfDoc(doc string) []Note {
	var out []Note
	for _, n := range s.notes {
		if !n.Deleted && n.Doc == doc {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, InText)
	return out
}

// Newest orders notes newest first, by when they were kept.
func Newest(a, b Note) int {
	if c := b.Created.Compare(a.Created); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// InText orders the notes of one document as their passages come in it.
func InText(a, b Note) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.End, b.End); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// Dirty says whether the set changed since it was loaded or last saved.
func (s *Set) Dirty() bool { return s.gen != s.saved }

// Clone is a copy of s that shares nothing with it: what a save, off the
// reader's goroutine, works on.
func (s *Set) Clone() *Set {
	return &Set{notes: maps.Clone(s.notes), gen: s.gen, saved: s.saved, revision: s.revision, Now: s.Now}
}

// Adopt takes in merged, what a save of a Clone of s wrote (or what
// another reader saved, read from the file): every note there that is a
// later change than s's. Changes made to s since the clone are kept, and
// s stays dirty if there were any.
func (s *Set) Adopt(merged *Set) {
	if merged == nil {
		return // a save that failed
	}
	for id, n := range merged.notes {
		if mine, ok := s.notes[id]; !ok || n.Supersedes(mine) {
			s.notes[id] = n
			s.revision++
		}
	}
	if merged.gen == s.gen {
		s.saved = s.gen
	}
}

// merge folds other into s, keeping the later change of each note.
func (s *Set) merge(other *Set) {
	for id, n := range other.notes {
		if mine, ok := s.notes[id]; !ok || n.Supersedes(mine) {
			s.notes[id] = n
		}
	}
}

// lastRunes is the end of s, at most n bytes, cut at a character.
func lastRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// firstRunes is the start of s, at most n bytes, cut at a character.
func firstRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}
