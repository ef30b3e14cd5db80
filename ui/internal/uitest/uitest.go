// Package uitest holds what the reader's tests share: the small library
// they read, with parts, chapters, notes and printed pages, in
// ui/testdata/corpus.
package uitest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

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
