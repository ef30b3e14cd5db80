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
