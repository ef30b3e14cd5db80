package notes

import (
	"errors"
	"strings"
	"testing"
	"time"

	"samizdat/corpus"
)

// testDoc is a small work with two chapters and printed pages.
const testDoc = `---
id: test-work
title: A Test Work
author: An Author
publisher: A Press, London
year: "1937"
---

# Chapter One

<!--page:12-->The bourgeois world at first tried to pretend not to notice the economic successes of the soviet regime. Facts win out, however, in the end.

The “friends of the Soviet Union” fall into three principal categories — and each has its own.

# Chapter Two

<!--page:13-->Facts win out, however, in the end. A second time the same words, in another chapter.
`

func parseDoc(t testing.TB, text string) *corpus.Document {
	t.Helper()
	return corpus.Parse("test-work.md", []byte(text))
}

// clock is a test's time: each call is a second later.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

func newClock() *clock { return &clock{time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

// span is the plain range of the first occurrence of words in d.
func span(t testing.TB, d *corpus.Document, words string) (int, int) {
	t.Helper()
	i := strings.Index(d.Plain(), words)
	if i < 0 {
		t.Fatalf("%q is not in the document", words)
	}
	return i, i + len(words)
}

func TestAddKeepsPassageAndContext(t *testing.T) {
	d := parseDoc(t, testDoc)
	s := NewSet()
	s.Now = newClock().now
	start, end := span(t, d, "Facts win out")
	n, err := s.Add(d, start-1, end+1, "why")
	if err != nil {
		t.Fatal(err)
	}
	if n.Text != "Facts win out," || n.Start != start || n.End != end+1 {
		t.Errorf("kept %q at [%d,%d), want %q at [%d,%d)", n.Text, n.Start, n.End, "Facts win out,", start, end+1)
	}
	if !strings.HasSuffix(n.Before, "soviet regime. ") || !strings.HasPrefix(n.After, " however") {
		t.Errorf("context %q … %q", n.Before, n.After)
	}
	if n.Doc != "test-work" || n.Comment != "why" || n.Rev != 1 || len(n.ID) != 16 || n.Created.IsZero() {
		t.Errorf("note %+v", n)
	}
	if !s.Dirty() {
		t.Error("a set with a new note is not dirty")
	}
	if _, err := s.Add(d, end, end, ""); !errors.Is(err, ErrEmpty) {
		t.Errorf("an empty passage: %v", err)
	}
	// Offsets inside a character leave it out.
	q := strings.Index(d.Plain(), "“friends")
	if n, err := s.Add(d, q+1, q+len("“friends"), ""); err != nil || n.Text != "friends" || n.Start != q+3 {
		t.Errorf("cut characters: %q at %d, %v", n.Text, n.Start, err)
	}
	if n, err := s.Add(d, q-4, q+2, ""); err != nil || n.Text != "The" {
		t.Errorf("a character cut at the end: %q, %v", n.Text, err)
	}
	if _, err := s.Add(d, -5, 1<<30, ""); err != nil {
		t.Errorf("a passage past the ends is clamped: %v", err)
	}
}

func TestChangesCountRevisions(t *testing.T) {
	d := parseDoc(t, testDoc)
	s := NewSet()
	s.Now = newClock().now
	n, _ := s.Add(d, 0, 10, "")
	if !n.IsHighlight() {
		t.Error("a note without a comment is a highlight")
	}
	n2, ok := s.SetComment(n.ID, "two\nlines")
	if !ok || n2.Rev != 2 || n2.Comment != "two\nlines" || !n2.Modified.After(n.Modified) {
		t.Fatalf("set comment: %+v %v", n2, ok)
	}
	if same, _ := s.SetComment(n.ID, "two\nlines"); same.Rev != 2 {
		t.Error("setting the same comment is a change")
	}
	del, ok := s.Delete(n.ID)
	if !ok || !del.Deleted || del.Rev != 3 || s.Len() != 0 || len(s.Live()) != 0 {
		t.Fatalf("delete: %+v %v, %d live", del, ok, s.Len())
	}
	if _, ok := s.Delete(n.ID); ok {
		t.Error("deleted twice")
	}
	if _, ok := s.SetComment(n.ID, "x"); ok {
		t.Error("a deleted note's comment was set")
	}
	back, ok := s.Restore(n.ID)
	if !ok || back.Deleted || back.Rev != 4 || back.Comment != "two\nlines" || s.Len() != 1 {
		t.Fatalf("restore: %+v %v", back, ok)
	}
	if _, ok := s.Restore(n.ID); ok {
		t.Error("restored a live note")
	}
	if _, ok := s.Delete("nope"); ok {
		t.Error("deleted a note that is not there")
	}
}

func TestListing(t *testing.T) {
	d := parseDoc(t, testDoc)
	s := NewSet()
	s.Now = newClock().now
	from, to := span(t, d, "A second time")
	late, _ := s.Add(d, from, to, "")
	from, to = span(t, d, "The bourgeois world")
	early, _ := s.Add(d, from, to, "")
	other := Note{ID: "x", Doc: "other", Start: 0, End: 1, Text: "x", Created: early.Created.Add(time.Hour), Rev: 1}
	s.put(other)
	live := s.Live()
	if len(live) != 3 || live[0].ID != "x" || live[1].ID != early.ID || live[2].ID != late.ID {
		t.Errorf("newest first: %v", ids(live))
	}
	of := s.OfDoc("test-work")
	if len(of) != 2 || of[0].ID != early.ID || of[1].ID != late.ID {
		t.Errorf("reading order: %v", ids(of))
	}
}

func TestCloneAndAdopt(t *testing.T) {
	d := parseDoc(t, testDoc)
	s := NewSet()
	s.Now = newClock().now
	a, _ := s.Add(d, 0, 10, "")
	snap := s.Clone()
	b, _ := s.Add(d, 20, 30, "") // after the snapshot
	// What the save wrote: the snapshot, and another reader's note.
	theirs := Note{ID: "theirs", Doc: "test-work", Start: 1, End: 2, Text: "h", Rev: 1}
	snap.put(theirs)
	snap.gen-- // put counts a change; this one was the other reader's
	s.Adopt(snap)
	if _, ok := s.Get("theirs"); !ok || s.Revision() != 3 {
		t.Errorf("another reader's note was not adopted as a change: revision %d", s.Revision())
	}
	if _, ok := s.Get(b.ID); !ok {
		t.Error("a note added during the save was lost")
	}
	if !s.Dirty() {
		t.Error("a set changed during its save is clean after it")
	}
	rev := s.Revision()
	snap = s.Clone()
	s.Adopt(snap)
	if s.Revision() != rev {
		t.Error("adopting what the set holds already is a change")
	}
	if s.Dirty() {
		t.Error("a set saved with nothing changed since is dirty")
	}
	// A snapshot's copy is its own.
	snap.Delete(a.ID)
	if n, _ := s.Get(a.ID); n.Deleted {
		t.Error("a clone shares its notes")
	}
}

func TestSupersedes(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	old := Note{ID: "a", Rev: 2, Modified: t0.Add(time.Hour)}
	newer := Note{ID: "a", Rev: 3, Modified: t0} // a clock behind, but it saw rev 2
	if !newer.Supersedes(old) || old.Supersedes(newer) {
		t.Error("a later revision loses to an earlier one with a later clock")
	}
	x := Note{ID: "a", Rev: 3, Modified: t0, Comment: "x"}
	del := Note{ID: "a", Rev: 3, Modified: t0, Deleted: true}
	if !del.Supersedes(x) || x.Supersedes(del) {
		t.Error("two changes at one instant are not ordered the same way by both readers")
	}
	if x.Supersedes(x) {
		t.Error("a note supersedes itself")
	}
}

func ids(ns []Note) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}
