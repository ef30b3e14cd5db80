// Package uitest holds what the reader's tests share: the small library
// they read, with parts, chapters, notes and printed pages, in
// ui/testdata/corpus.
package uitest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
)

// Library loads the tests' small library, failing the test if it cannot be
// read.
func Library(t testing.TB) *corpus.Library {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("uitest: cannot tell where the test library is")
	}
	lib, err := corpus.Load(os.DirFS(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "corpus")))
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// Doc is the document of lib with this id, failing the test if there is
// none.
func Doc(t testing.TB, lib *corpus.Library, id string) *corpus.Document {
	t.Helper()
	d, err := lib.Find(id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Run runs cmd and every command that follows from it, as Bubble Tea
// would but one at a time and in order: each message a command returns
// goes to deliver (the model under test), whose command is run in turn.
// Batches are taken apart; a test whose commands never settle fails.
func Run(t testing.TB, cmd tea.Cmd, deliver func(tea.Msg) tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 100000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			queue = append(queue, deliver(msg))
		}
	}
}
