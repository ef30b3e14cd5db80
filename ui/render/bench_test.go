package render

import (
	"io"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/corpus/corpustest"
)

// BenchmarkRenderChunk renders one chunk of about ChunkSize bytes of The
// Revolution Betrayed at 80 columns, in glamour's dark style and 256
// colours, as a terminal would see it.
func BenchmarkRenderChunk(b *testing.B) {
	lib, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	doc := docNamed(b, lib, "revolution-betrayed")
	r := NewRenderer(GlamourStyle(true, true), termenv.ANSI256, testStyles(true))
	chunks := doc.Chunks(ChunkSize)
	i := len(chunks) / 2
	b.SetBytes(int64(chunks[i].End - chunks[i].Start))
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(doc, chunks, i, 80); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrintBomb prints each Markdown bomb as `read` does on a
// terminal, at 80 columns in 256 colours.
func BenchmarkPrintBomb(b *testing.B) {
	files := corpustest.BombFiles()
	for _, name := range slices.Sorted(maps.Keys(corpustest.Bombs)) {
		b.Run(strings.TrimSuffix(name, ".md"), func(b *testing.B) {
			doc := corpus.Parse(name, files[name])
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Print(io.Discard, doc, 0, len(doc.Body), 80, testStyles(true), styles.DarkStyleConfig, termenv.ANSI256); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPlaceNames places the names of a chunk of The Rise of
// Stalinism that name Stalin, Trotsky or Lenin, among the names of the
// whole document, as the names of people are placed the first time their
// chunk is drawn, at 80 columns: where its characters show, then the
// names on them.
func BenchmarkPlaceNames(b *testing.B) {
	lib, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	doc := docNamed(b, lib, "rise-of-stalinism")
	r := NewRenderer(GlamourStyle(true, true), termenv.ANSI256, testStyles(true))
	chunks := doc.Chunks(ChunkSize)
	i := len(chunks) / 2
	rc, err := r.Render(doc, chunks, i, 80)
	if err != nil {
		b.Fatal(err)
	}
	text := doc.Plain()
	var names []Range
	for at := 0; at < len(text); at++ {
		for _, name := range []string{"Stalin", "Trotsky", "Lenin"} {
			if strings.HasPrefix(text[at:], name) {
				names = append(names, Range{Start: at, End: at + len(name), Kind: Name})
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		MapCells(doc, rc, chunks[i]).Place(names)
	}
	b.ReportMetric(float64(len(names)), "names")
}
