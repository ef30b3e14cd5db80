package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// folderDeps builds the reader over a folder of n documents, each with
// two headings, as a reader's own library is read: listed first, each
// document's text read when it is needed.
func folderDeps(t *testing.T, n int) Deps {
	t.Helper()
	return folderDepsOf(t, t.TempDir(), n, func(i int) string {
		return fmt.Sprintf("# Document %d\n\nText %d.\n\n## Part %d\n\nMore.\n", i, i, i)
	})
}

// folderDepsOf writes n documents, the text of each from text, into dir
// and builds the reader over them as a folder library.
func folderDepsOf(t *testing.T, dir string, n int, text func(i int) string) Deps {
	t.Helper()
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%d.md", i)), []byte(text(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib, _, err := corpus.LoadDir(dir, corpus.DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(t)
	d.Library = lib
	return d
}

// TestFolderLoadsAfterTheFirstScreen: the first screen reads only the
// document it shows; the others are read off the UI goroutine after it,
// and their headings join the contents and the go-to prompt as they are.
func TestFolderLoadsAfterTheFirstScreen(t *testing.T) {
	d := folderDeps(t, 3)
	m := New(d)
	lib := d.Library
	if !lib.Docs[0].Loaded() || lib.Docs[1].Loaded() || lib.Docs[2].Loaded() {
		t.Fatal("New read more than the first document")
	}
	for _, doc := range lib.Docs[1:] {
		if m.toc.Headings(doc) > 0 {
			t.Fatal("the contents list headings of a document not yet read")
		}
	}
	h := &harness{t: t, m: m}
	h.run(m.Init())
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	for i, doc := range lib.Docs {
		if !doc.Loaded() {
			t.Errorf("document %d was never read", i)
		}
	}
	headings := 0
	for _, doc := range lib.Docs {
		headings += h.m.toc.Headings(doc)
	}
	if headings != 6 {
		t.Errorf("the contents list %d headings, want 6", headings)
	}
}

// TestOpenWaitsForItsDocument: opening a document not yet read reads it,
// then shows it.
func TestOpenWaitsForItsDocument(t *testing.T) {
	d := folderDeps(t, 2)
	m := New(d)
	next, cmd := m.open(common.Intent{Do: common.Open, At: corpus.Place{Doc: d.Library.Docs[1], Offset: -1}})
	m = next.(Model)
	if m.waiting == nil || m.reader.Doc() == d.Library.Docs[1] {
		t.Fatal("opened a document before its text was read")
	}
	msg := cmd()
	next, _ = m.Update(msg)
	m = next.(Model)
	if m.reader.Doc() != d.Library.Docs[1] || m.waiting != nil {
		t.Fatalf("after reading: showing %v, waiting %v", m.reader.Doc().ID, m.waiting)
	}
}

// TestFolderDocumentReadBeforeTheContents: the contents were listed before
// the first document was read, and a search reads every document; going
// to a section of one lists its headings then.
func TestFolderDocumentReadBeforeTheContents(t *testing.T) {
	for _, n := range []int{1, 3} {
		h := newHarness(t, folderDeps(t, n), 100, 12)
		h.send(keyFor("ctrl+r")) // back from the head of the first: round to the last
		h.typeText("part")
		h.press("enter")
		last := n - 1
		if h.m.reader.Doc() != h.m.c.Lib.Docs[last] {
			t.Fatalf("%d documents: the last hit is not shown", n)
		}
		if doc, heading := h.m.toc.Current(); doc != h.m.c.Lib.Docs[last] || heading != 1 { // its second heading
			t.Errorf("%d documents: the contents mark heading %d of %s, want the second of the last", n, heading, docID(doc))
		}
	}
}

// TestWarnsOnceOfABrokenFile: opening a document whose file held invalid
// UTF-8 says so in the status bar, the first time only.
func TestWarnsOnceOfABrokenFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nText.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("caf\xe9\n"), 0o644)
	lib, _, err := corpus.LoadDir(dir, corpus.DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(t)
	d.Library = lib
	h := newHarness(t, d, 80, 24)
	next, cmd := h.m.open(common.Intent{Do: common.Open, At: corpus.Place{Doc: lib.Docs[1], Offset: -1}})
	h.m = next.(Model)
	h.run(cmd)
	if !strings.Contains(h.view(), "b.txt: invalid UTF-8") {
		t.Fatalf("no warning:\n%s", h.view())
	}
	if cmd := h.m.warn(lib.Docs[1]); cmd != nil {
		t.Error("warned twice")
	}
}

// TestUnreadableFileTriedOnce: a file that vanished, or grew past the
// size cap, after the folder was listed is tried once in the background,
// reported once, and the background reading then stops.
func TestUnreadableFileTriedOnce(t *testing.T) {
	for _, spoil := range []struct {
		name string
		do   func(path string) error
	}{
		{"deleted", os.Remove},
		{"grown past the cap", func(path string) error {
			return os.WriteFile(path, []byte("# Big\n\n"+strings.Repeat("word ", 100)), 0o644)
		}},
	} {
		t.Run(spoil.name, func(t *testing.T) {
			dir := t.TempDir()
			for i := range 3 {
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%d.md", i)), []byte(fmt.Sprintf("# D%d\n\nText.\n", i)), 0o644)
			}
			lib, _, err := corpus.LoadDir(dir, corpus.DirOptions{MaxSize: 100})
			if err != nil || len(lib.Docs) != 3 {
				t.Fatalf("listing: %d documents, %v", len(lib.Docs), err)
			}
			if err := spoil.do(filepath.Join(dir, "d2.md")); err != nil {
				t.Fatal(err)
			}
			d := testDeps(t)
			d.Library = lib
			m := New(d)
			var reported []error
			loads := 0
			for cmd := loadDocs(lib); cmd != nil; cmd = loadDocs(lib) {
				if loads++; loads > 3 {
					t.Fatalf("still loading after %d batches; reported %v", loads, reported)
				}
				msg := cmd().(docsLoadedMsg)
				reported = append(reported, msg.errs...)
				next, _ := m.Update(msg)
				m = next.(Model)
			}
			if loads != 1 || len(reported) != 1 || !strings.Contains(reported[0].Error(), "d2.md") {
				t.Errorf("%d batches, reported %v; want one batch and d2.md once", loads, reported)
			}
			if lib.Docs[2].Loaded() || !lib.Docs[2].Tried() || !lib.Docs[1].Loaded() {
				t.Error("the readable documents were not read, or the unreadable one counts as read")
			}
		})
	}
}
