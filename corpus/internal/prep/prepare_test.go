package prep

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// sourceDir and docsDir are where the raw sources and the committed
// edition live, seen from this package.
const (
	sourceDir = "../../sources"
	docsDir   = "../../docs"
)

var (
	prepareOnce  sync.Once
	preparedDocs map[string][]byte
	prepareErr   error
)

// wholeEdition skips a test that prepares the whole edition, or reads a
// whole source, under -short: such tests take seconds each under the race
// detector, and CI runs them once without it.
func wholeEdition(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("reads the whole edition; runs without -short")
	}
}

// prepared prepares every recipe in memory, once per test binary.
func prepared(t *testing.T) map[string][]byte {
	t.Helper()
	wholeEdition(t)
	prepareOnce.Do(func() {
		preparedDocs = map[string][]byte{}
		for _, r := range Recipes() {
			raw, err := os.ReadFile(filepath.Join(sourceDir, r.Source))
			if err != nil {
				prepareErr = err
				return
			}
			doc, err := Prepare(r, string(raw))
			if err != nil {
				prepareErr = err
				return
			}
			preparedDocs[r.Meta.ID] = doc
		}
	})
	if prepareErr != nil {
		t.Fatal(prepareErr)
	}
	return preparedDocs
}

// TestCommittedDocsMatch fails on any byte of corpus/docs that the
// preparation would not write today: run `go generate ./corpus`.
func TestCommittedDocsMatch(t *testing.T) {
	for id, want := range prepared(t) {
		got, err := os.ReadFile(filepath.Join(docsDir, id+".md"))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./corpus)", id, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: corpus/docs/%s.md differs from what the preparation writes at byte %d (run go generate ./corpus)",
				id, id, firstDiff(got, want))
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
