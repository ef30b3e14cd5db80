package corpus

import (
	"os"
	"strings"
	"testing"

	"samizdat/corpus/corpustest"
)

// The scale of a large library of the reader's own: 2,000 files of about
// 100 KB, 200 MB in all. Set SAMIZDAT_SCALE_DIR to keep the generated
// folder between runs.
const (
	scaleFiles = 2000
	scaleSize  = 100 << 10
)

func scaleDir(b *testing.B) string {
	b.Helper()
	dir := os.Getenv("SAMIZDAT_SCALE_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	if _, err := os.Stat(dir + "/19/doc-1999.md"); err == nil {
		return dir
	}
	lib, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for _, d := range lib.Docs {
		text.WriteString(d.Plain())
	}
	if err := corpustest.WriteLibrary(dir, scaleFiles, scaleSize, text.String()); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkScaleList lists the large library: what the first screen waits
// for, with the first document read.
func BenchmarkScaleList(b *testing.B) {
	dir := scaleDir(b)
	b.ResetTimer()
	for b.Loop() {
		lib, _, err := LoadDir(dir, DirOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if err := lib.Docs[0].Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScaleLoadAll reads every document of the large library, as the
// reader does in the background after the first screen.
func BenchmarkScaleLoadAll(b *testing.B) {
	dir := scaleDir(b)
	b.ResetTimer()
	for b.Loop() {
		lib, _, err := LoadDir(dir, DirOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if errs := lib.LoadAll(); len(errs) > 0 {
			b.Fatal(errs[0])
		}
	}
}

// BenchmarkScaleSearch is a search keystroke over the large library once
// it is read and folded: a word, then a phrase.
func BenchmarkScaleSearch(b *testing.B) {
	dir := scaleDir(b)
	lib, _, err := LoadDir(dir, DirOptions{})
	if err != nil {
		b.Fatal(err)
	}
	lib.LoadAll()
	ix := NewIndex(lib)
	ix.Warm()
	for _, q := range []string{"thermidor", "socialism in one country"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			var total int
			for b.Loop() {
				total = ix.Search(Query{Text: q, Doc: -1}, nil).Total()
			}
			b.ReportMetric(float64(total), "hits")
		})
	}
}
