package state

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// run is one reader of the state file as the reader's memory drives it:
// its own clock, and the library as it last saved or read it; a change is
// stamped one revision past the one it knew.
type run struct {
	t    *testing.T
	file File
	seen *Library
}

// startRun starts a reader whose clock reads *clock, plus skew.
func startRun(t *testing.T, path string, clock *time.Time, skew time.Duration) *run {
	t.Helper()
	f := File{Path: path, Key: "embedded", Now: func() time.Time { return clock.Add(skew) }}
	lib, notice := f.Load()
	if notice != "" {
		t.Fatal(notice)
	}
	return &run{t: t, file: f, seen: lib}
}

// setMark sets a mark at once, as the reader does, and saves.
func (r *run) setMark(name, doc string) {
	r.seen.Marks[name] = Mark{Doc: doc, Updated: r.file.now(), Rev: r.seen.Marks[name].Rev + 1}
	r.save()
}

// deleteMark deletes a mark and saves.
func (r *run) deleteMark(name string) {
	m := r.seen.Marks[name]
	m.Deleted, m.Updated, m.Rev = true, r.file.now(), m.Rev+1
	r.seen.Marks[name] = m
	r.save()
}

// read moves in a document and opens it, saved at the next save.
func (r *run) read(doc string, off int) {
	r.seen.Readings[doc] = Reading{Position: Position{Offset: off}, Updated: r.file.now(), Rev: r.seen.Readings[doc].Rev + 1}
	r.seen.Current, r.seen.Updated, r.seen.Rev = doc, r.file.now(), r.seen.Rev+1
}

func (r *run) save() {
	r.t.Helper()
	merged, notice, err := r.file.Save(r.seen.Clone())
	if err != nil || notice != "" {
		r.t.Fatalf("save: %q, %v", notice, err)
	}
	r.seen = merged
}

// look takes in what other readers saved, as the reader does every 30
// seconds when it has nothing to save.
func (r *run) look() {
	r.t.Helper()
	if lib, ok := r.file.Read(); ok {
		r.seen = lib
	} else if _, err := os.Stat(r.file.Path); err == nil {
		r.t.Fatal("the file could not be read")
	}
}

// onDisk is what the next reader to start finds.
func onDisk(t *testing.T, path string) *Library {
	t.Helper()
	st, notice := Load(path)
	if notice != "" {
		t.Fatal(notice)
	}
	return st.Library("embedded")
}

// TestFutureStampsDoNotWin: a file written when a clock was years ahead
// (before entries had revisions) holds a mark, a position and a current
// document stamped in the future; a reader with a true clock changes all
// three, and its changes are what the file keeps.
func TestFutureStampsDoNotWin(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	future := `{"version":1,"libraries":{"embedded":{"current":"old","updated":"2099-01-01T00:00:00Z",
		"readings":{"x":{"position":{"offset":5},"percent":1,"updated":"2099-01-01T00:00:00Z"}},
		"marks":{"a":{"doc":"old","position":{"offset":5},"updated":"2099-01-01T00:00:00Z"},
		         "b":{"doc":"gone","position":{"offset":5},"updated":"2099-01-01T00:00:00Z","deleted":true}}}}}`
	if err := os.WriteFile(path, []byte(future), 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	clock := now
	r := startRun(t, path, &clock, 0)
	if got := r.seen.Marks["a"].Updated; !got.Equal(now) {
		t.Errorf("a time in the future was read as %v, want now (%v)", got, now)
	}
	clock = clock.Add(time.Minute)
	r.setMark("a", "new")
	r.setMark("b", "revived")
	r.read("x", 99)
	r.save()
	lib := onDisk(t, path)
	if m := lib.Marks["a"]; m.Doc != "new" {
		t.Errorf("mark a = %+v, want the one set today", m)
	}
	if m := lib.Marks["b"]; m.Doc != "revived" || m.Deleted {
		t.Errorf("mark b = %+v, want the one set over the tombstone", m)
	}
	if lib.Readings["x"].Position.Offset != 99 || lib.Current != "x" {
		t.Errorf("position %+v, current %q: want today's", lib.Readings["x"], lib.Current)
	}
	if lib.Updated.After(now.Add(time.Minute)) {
		t.Errorf("the file still holds a time in the future: %v", lib.Updated)
	}
}

// TestSkewedClocks: two readers whose clocks are a year ahead and a year
// behind take turns to change the same mark, position and document, each
// after seeing the other's change: every time, the last change is kept,
// whichever clock stamped it.
func TestSkewedClocks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	ahead := startRun(t, path, &clock, 365*24*time.Hour)
	behind := startRun(t, path, &clock, -365*24*time.Hour)
	turns := []struct {
		who  *run
		name string
	}{{ahead, "ahead"}, {behind, "behind"}, {ahead, "ahead again"}, {behind, "behind again"}}
	for i, turn := range turns {
		clock = clock.Add(time.Minute)
		turn.who.look()
		turn.who.setMark("a", turn.name)
		turn.who.read("x", i+1)
		turn.who.read(turn.name, 0) // the document open: the last one opened
		turn.who.save()
		lib := onDisk(t, path)
		if m := lib.Marks["a"]; m.Doc != turn.name {
			t.Errorf("after %s set it: mark a is %q", turn.name, m.Doc)
		}
		if off := lib.Readings["x"].Position.Offset; off != i+1 {
			t.Errorf("after %s moved: position %d, want %d", turn.name, off, i+1)
		}
		if lib.Current != turn.name {
			t.Errorf("after %s opened a document: current %q", turn.name, lib.Current)
		}
	}
	// The reader behind deletes the mark; the one ahead, having seen
	// that, saves what it holds, and the mark stays deleted.
	clock = clock.Add(time.Minute)
	behind.look()
	behind.deleteMark("a")
	clock = clock.Add(time.Minute)
	ahead.look()
	ahead.save()
	if m := onDisk(t, path).Marks["a"]; !m.Deleted {
		t.Errorf("a mark deleted by the slow clock came back: %+v", m)
	}
}

// TestConcurrentChangesByTime: two changes of one revision, neither made
// after seeing the other, are ordered by their time, as before revisions;
// a reader that saves an old change again does not undo a later one.
func TestConcurrentChangesByTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	first := startRun(t, path, &clock, 0)
	second := startRun(t, path, &clock, 0)
	first.read("x", 1)
	clock = clock.Add(time.Minute)
	second.read("x", 2)
	second.save()
	clock = clock.Add(time.Minute)
	first.save()
	if off := onDisk(t, path).Readings["x"].Position.Offset; off != 2 {
		t.Errorf("position %d, want the later 2", off)
	}
	clock = clock.Add(time.Minute)
	first.save()
	if off := onDisk(t, path).Readings["x"].Position.Offset; off != 2 {
		t.Errorf("after the earlier change was saved again: %d", off)
	}
}

// TestTombstonesKept: a deleted mark is remembered however old its time,
// by any clock, so that a reader holding the mark from before it was
// deleted does not bring it back when it saves.
func TestTombstonesKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	holder := startRun(t, path, &clock, 0)
	holder.setMark("a", "x")
	deleter := startRun(t, path, &clock, -365*24*time.Hour)
	deleter.deleteMark("a")
	clock = clock.AddDate(1, 0, 0)
	holder.save() // holds mark a as it set it
	if m := onDisk(t, path).Marks["a"]; !m.Deleted {
		t.Errorf("a mark deleted a year ago by a clock a year behind came back: %+v", m)
	}
}
