package corpus

import (
	"fmt"
	"testing"
)

func benchSearch(b *testing.B, lib *Library, query string) {
	ix := NewIndex(lib)
	ix.Warm()
	b.ReportAllocs()
	b.ResetTimer()
	var total int
	for b.Loop() {
		total = ix.Search(Query{Text: query, Doc: -1}, nil).Total()
	}
	b.ReportMetric(float64(total), "hits")
	b.ReportMetric(100*blocksScanned(ix, query), "%blocks")
}

// blocksScanned is the share of the library's blocks whose trigrams do
// not rule query out: what a search scans.
func blocksScanned(ix *Index, query string) float64 {
	mask, ok := blockMask(foldQuery(query))
	all, kept := 0, 0
	for i := range ix.docs {
		di := ix.folded(i)
		for b := range di.blooms {
			all++
			if !ok || di.mayBegin(b, &mask) {
				kept++
			}
		}
	}
	return float64(kept) / float64(max(all, 1))
}

func embeddedLib(b *testing.B) *Library {
	lib, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	return lib
}

func BenchmarkSearchWord(b *testing.B)   { benchSearch(b, embeddedLib(b), "thermidor") }
func BenchmarkSearchPhrase(b *testing.B) { benchSearch(b, embeddedLib(b), "socialism in one country") }
func BenchmarkSearchCased(b *testing.B)  { benchSearch(b, embeddedLib(b), "Stalin") }
func BenchmarkSearchCommon(b *testing.B) { benchSearch(b, embeddedLib(b), "the") }

// BenchmarkSearchTyping types "thermidor" a key at a time, each search
// narrowing the one before, as the search bar does.
func BenchmarkSearchTyping(b *testing.B) { benchTyping(b, embeddedLib(b), "thermidor") }

func benchTyping(b *testing.B, lib *Library, query string) {
	ix := NewIndex(lib)
	ix.Warm()
	b.ReportAllocs()
	for b.Loop() {
		var prev *Results
		for i := 1; i <= len(query); i++ {
			prev = ix.Search(Query{Text: query[:i], Doc: -1}, prev)
		}
	}
}

// BenchmarkSearchLastKey is the search that the last key of "thermidor"
// starts, narrowing the hits of "thermido": what the bar waits for.
func BenchmarkSearchLastKey(b *testing.B)      { benchLastKey(b, embeddedLib(b), "thermidor") }
func BenchmarkSearchLargeLastKey(b *testing.B) { benchLastKey(b, largeLib(b), "thermidor") }

func benchLastKey(b *testing.B, lib *Library, query string) {
	ix := NewIndex(lib)
	ix.Warm()
	prev := ix.Search(Query{Text: query[:len(query)-1], Doc: -1}, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ix.Search(Query{Text: query, Doc: -1}, prev)
	}
}

// largeLib is the embedded library a hundred times over: 500 documents,
// about 130 MB of text.
func largeLib(b *testing.B) *Library {
	base := embeddedLib(b)
	lib := &Library{}
	for i := range 100 {
		for _, d := range base.Docs {
			c := *d
			c.ID = fmt.Sprintf("%s-%d", d.ID, i)
			lib.Docs = append(lib.Docs, &c)
		}
	}
	return lib
}

func BenchmarkSearchLargeWord(b *testing.B)   { benchSearch(b, largeLib(b), "thermidor") }
func BenchmarkSearchLargeCommon(b *testing.B) { benchSearch(b, largeLib(b), "the") }
func BenchmarkSearchLargeRare(b *testing.B)   { benchSearch(b, largeLib(b), "duhring") }
func BenchmarkSearchLargePhrase(b *testing.B) {
	benchSearch(b, largeLib(b), "socialism in one country")
}

// BenchmarkSearchLargeTyping is each key of "thermidor" typed on the
// large library, each search narrowing the hits of the one before, as the
// search bar does when the keys come slower than the searches.
func BenchmarkSearchLargeTyping(b *testing.B) {
	const query = "thermidor"
	ix := NewIndex(largeLib(b))
	ix.Warm()
	var prev *Results
	for i := 1; i <= len(query); i++ {
		before := prev
		b.Run(query[:i], func(b *testing.B) {
			for b.Loop() {
				prev = ix.Search(Query{Text: query[:i], Doc: -1}, before)
			}
			b.ReportMetric(float64(prev.Total()), "hits")
		})
	}
}
