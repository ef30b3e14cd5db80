package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/state"
)

// statusLine is the last line of the screen.
func statusLine(h *harness) string {
	lines := strings.Split(h.view(), "\n")
	return lines[len(lines)-1]
}

// notices is every message in the status bar's queue, shown or waiting
// (the tests' timers never move them on), one a line.
func notices(h *harness) string {
	return strings.Join(h.m.status.Notices(), "\n")
}

// topLines is the first n lines of the reading pane, without the
// contents beside them, their words joined by spaces.
func topLines(h *harness, n int) string {
	var words []string
	for _, l := range strings.Split(h.view(), "\n")[:n] {
		if h.m.layout().tocVisible {
			_, l, _ = strings.Cut(l, "│")
		}
		words = append(words, strings.Fields(l)...)
	}
	return strings.Join(words, " ")
}

// savedAfter runs a reader over d at w by h, presses keys, and returns
// what it would leave in the state file, as the next run reads it.
func savedAfter(t *testing.T, d Deps, w, h int, keys ...string) *state.Library {
	t.Helper()
	hs := newHarness(t, d, w, h)
	hs.press(keys...)
	path := filepath.Join(t.TempDir(), "state.json")
	if _, _, err := (state.File{Path: path, Key: "embedded"}).Save(hs.m.Snapshot()); err != nil {
		t.Fatal(err)
	}
	st, notice := state.Load(path)
	if notice != "" {
		t.Fatal(notice)
	}
	return st.Library("embedded")
}

// TestResumeAtAnotherWidth: the place is kept as an offset of the text,
// so a reader started at another size opens at the same words.
func TestResumeAtAnotherWidth(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	d.Start.Doc, d.Start.Offset = alpha, alpha.Outline[2].Offset // Chapter 2
	saved := savedAfter(t, d, 120, 30, "j", "j", "j", "j")
	pos := saved.Readings["alpha"].Position
	if saved.Current != "alpha" || pos.Offset <= alpha.Outline[2].Offset || pos.Anchor != "chapter-2-the-middle" {
		t.Fatalf("saved %+v", saved)
	}
	words := strings.Fields(pos.Context)[1:4] // the first may be cut
	for _, size := range [][2]int{{60, 20}, {200, 24}, {45, 12}} {
		d := testDeps(t)
		d.Saved = saved
		h := newHarness(t, d, size[0], size[1])
		if h.m.reader.Doc().ID != "alpha" || h.m.reader.Here().Offset != pos.Offset {
			t.Errorf("at %v: opened %s at %d, want alpha at %d", size, h.m.reader.Doc().ID, h.m.reader.Here().Offset, pos.Offset)
		}
		// The words saved are on the first two lines.
		if top := topLines(h, 2); !strings.Contains(top, strings.Join(words, " ")) {
			t.Errorf("at %v: %q is not at the top: %q", size, words, top)
		}
		if s := statusLine(h); strings.Contains(s, "edition") {
			t.Errorf("at %v: a notice for a place found where it was: %q", size, s)
		}
	}
}

// editedLibrary is the fixture library with alpha's source edited, as a
// new edition of the corpus would change it.
func editedLibrary(t *testing.T, edit func(string) string) *corpus.Library {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"alpha.md", "beta.md", "gamma.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "alpha.md" {
			data = []byte(edit(string(data)))
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	lib, err := corpus.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestResumeInAnotherEdition: a place saved from one edition of the text
// is found in the next by its words, else by its section, else at the
// start, and the status bar says so when it was not found by its words.
// Marks are found the same way.
func TestResumeInAnotherEdition(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	const para = "Duis aute irure dolor"
	off := strings.Index(alpha.Body, para)
	d.Start.Doc, d.Start.Offset = alpha, off
	saved := savedAfter(t, d, 100, 30, "m", "a")
	if saved.Readings["alpha"].Position.Offset != off || saved.Marks["a"].Position.Offset != off {
		t.Fatalf("saved %+v", saved)
	}
	tests := []struct {
		name   string
		edit   func(string) string
		want   string // the text the reader opens at
		notice string
	}{
		{"same edition", func(s string) string { return s }, para, ""},
		{"text moved", func(s string) string {
			return strings.Replace(s, "## Chapter 2", "A paragraph new in this edition.\n\n## Chapter 2", 1)
		}, para, ""},
		{"text rewritten", func(s string) string {
			return strings.Replace(s, "Duis aute irure dolor in reprehenderit", "Words of a new translation", 1)
		}, "## Chapter 2", "at its section, Chapter 2: The Middle"},
		{"section gone", func(s string) string {
			s = strings.Replace(s, "Duis aute irure dolor in reprehenderit", "Words of a new translation", 1)
			return strings.Replace(s, "## Chapter 2: The Middle", "## Chapter Two", 1)
		}, "", "its section are not in this edition; at its start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDeps(t)
			d.Library = editedLibrary(t, tt.edit)
			d.Saved = saved
			h := newHarness(t, d, 100, 30)
			doc := h.m.reader.Doc()
			want := -1
			if tt.want != "" {
				want = strings.Index(doc.Body, tt.want)
			}
			if doc.ID != "alpha" || h.m.reader.Here().Offset != want {
				t.Fatalf("opened %s at %d, want alpha at %d", doc.ID, h.m.reader.Here().Offset, want)
			}
			if s := notices(h); tt.notice != "" && !strings.Contains(s, tt.notice) || tt.notice == "" && strings.Contains(s, "edition") {
				t.Errorf("notices %q, want %q", s, tt.notice)
			}
			h.press("g", "'", "a")
			if h.m.reader.Here().Offset != want {
				t.Errorf("'a went to %d, want %d", h.m.reader.Here().Offset, want)
			}
			if s := notices(h); tt.notice != "" && !strings.Contains(s, "Mark a: the marked text") {
				t.Errorf("'a: notices %q do not say how the mark was found", s)
			}
		})
	}
}

// longFolderDeps builds the reader over a folder of three documents
// long enough to scroll, read when they are needed.
func longFolderDeps(t *testing.T, dir string) Deps {
	t.Helper()
	return folderDepsOf(t, dir, 3, func(i int) string {
		var b strings.Builder
		for p := range 60 {
			fmt.Fprintf(&b, "## Part %d\n\nParagraph %d of document %d, long enough to take a line or two of the screen at any width.\n\n", p, p, i)
		}
		return b.String()
	})
}

// TestResumeInFolder: a folder's documents are read after start, so a
// place in one is found once its text is read: at start for the document
// left open, when it is opened for another.
func TestResumeInFolder(t *testing.T) {
	dir := t.TempDir()
	saved := savedAfter(t, longFolderDeps(t, dir), 100, 30, "}", "5", "0", "%", "}", "2", "0", "%")
	if saved.Current != "d2" || len(saved.Readings) != 2 {
		t.Fatalf("saved %+v", saved)
	}
	d := longFolderDeps(t, dir)
	d.Saved = saved
	m := New(d)
	if d.Library.Docs[1].Loaded() {
		t.Fatal("the test needs d1 unread at start")
	}
	h := &harness{t: t, m: m}
	h.run(m.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if doc := h.m.reader.Doc(); doc.ID != "d2" || h.m.reader.Here().Offset != saved.Readings["d2"].Position.Offset {
		t.Errorf("opened %s at %d, want d2 at %d", doc.ID, h.m.reader.Here().Offset, saved.Readings["d2"].Position.Offset)
	}
	h.press("{")
	if doc := h.m.reader.Doc(); doc.ID != "d1" || h.m.reader.Here().Offset != saved.Readings["d1"].Position.Offset {
		t.Errorf("{ opened %s at %d, want d1 at %d", doc.ID, h.m.reader.Here().Offset, saved.Readings["d1"].Position.Offset)
	}
}

// TestSnapshotCarriesOnlyChanges: what the reader leaves holds what the
// file held, with this run's changes stamped with their time; opening a
// document and reading nothing changes nothing.
func TestSnapshotCarriesOnlyChanges(t *testing.T) {
	d := testDeps(t)
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	d.Now = func() time.Time { return now }
	saved := state.New().Library("embedded")
	saved.Current, saved.Updated = "beta", old
	saved.Readings["beta"] = state.Reading{Position: state.At(corpus.Place{Doc: docNamed(t, d.Library, "beta"), Offset: 0}), Percent: 10, Updated: old}
	saved.Readings["gone"] = state.Reading{Position: state.Position{Offset: 5}, Updated: old}
	saved.Marks["z"] = state.Mark{Doc: "gamma", Updated: old}
	d.Saved = saved

	h := newHarness(t, d, 60, 12)
	if s := h.m.Snapshot(); s.Updated != old || s.Readings["beta"] != saved.Readings["beta"] || s.Readings["gone"] != saved.Readings["gone"] || len(s.Marks) != 1 {
		t.Errorf("nothing read, yet the snapshot changed: %+v", s)
	}
	h.press("]", "]", "m", "q")
	s := h.m.Snapshot()
	if s.Readings["beta"].Updated != now || s.Updated != now || s.Marks["q"].Updated != now || s.Marks["z"].Updated != old {
		t.Errorf("after reading and a mark: %+v", s)
	}
	if _, ok := s.Readings["alpha"]; ok {
		t.Error("a document not opened has a reading")
	}
}
