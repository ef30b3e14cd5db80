package state

import (
	"testing"
	"time"

	"samizdat/corpus"
)

// BenchmarkSnapshot times what a save costs the UI goroutine: the state
// to write, built from every work read in this run and 26 marks; the
// writing itself is done off it (BenchmarkSave).
func BenchmarkSnapshot(b *testing.B) {
	lib, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	m := NewMemory(lib, nil)
	now := time.Now()
	for _, d := range lib.Docs {
		m.Moved(corpus.Place{Doc: d, Offset: len(d.Body) / 2}, len(d.Body)/2, len(d.Body)/2+3000, Dwelt, now)
	}
	for c := 'a'; c <= 'z'; c++ {
		d := lib.Docs[int(c)%len(lib.Docs)]
		m.SetMark(string(c), corpus.Place{Doc: d, Offset: len(d.Body) / 3}, now)
	}
	for b.Loop() {
		m.Snapshot()
	}
}

// BenchmarkResume times finding where each work was left, in an edition
// that moved the text (the slow case: the words are looked for in the
// whole text), as the reader does when a work is first shown.
func BenchmarkResume(b *testing.B) {
	lib, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	saved := New().Library("embedded")
	for _, d := range lib.Docs {
		p := At(corpus.Place{Doc: d, Offset: len(d.Body) * 3 / 5})
		p.Offset += 100 // as if the text had moved
		saved.Readings[d.ID] = Reading{Position: p, Percent: 60}
	}
	for b.Loop() {
		m := NewMemory(lib, saved)
		for _, d := range lib.Docs {
			if _, found := m.Resume(d); found != Moved {
				b.Fatalf("%s: found %v", d.ID, found)
			}
		}
	}
}
