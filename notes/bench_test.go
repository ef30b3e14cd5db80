package notes

import (
	"io"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"samizdat/corpus"
)

// thousand is a thousand notes spread over the edition: passages of some
// forty words, every other one with a note of a sentence or two.
func thousand(b *testing.B) (*corpus.Library, *Set) {
	b.Helper()
	lib, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	s := NewSet()
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { at = at.Add(time.Minute); return at }
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 1000 {
		d := lib.Docs[i%len(lib.Docs)]
		start := r.IntN(d.PlainLen() - 300)
		note := ""
		if i%2 == 0 {
			note = "Why this matters: the bureaucracy as a caste, not a class; compare chapter 9.\nAnd a second line."
		}
		if _, err := s.Add(d, start, start+250, note); err != nil {
			b.Fatal(err)
		}
	}
	return lib, s
}

// savedThousand is a thousand notes, saved to a file of their own.
func savedThousand(b *testing.B) (File, *Set) {
	_, s := thousand(b)
	f := File{Path: filepath.Join(b.TempDir(), "notes.json"), Key: "embedded"}
	if _, _, err := f.Save(s.Clone()); err != nil {
		b.Fatal(err)
	}
	return f, s
}

func BenchmarkSave1000(b *testing.B) {
	f, s := savedThousand(b)
	b.ResetTimer()
	for b.Loop() {
		// A save reads and merges what is on disk, then writes it all.
		if _, _, err := f.Save(s.Clone()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoad1000(b *testing.B) {
	f, _ := savedThousand(b)
	b.ResetTimer()
	for b.Loop() {
		if got, notice := f.Load(); got.Len() != 1000 || notice != "" {
			b.Fatal(got.Len(), notice)
		}
	}
}

// BenchmarkResolve1000: every note where it was kept, with the reader's
// search index, which has folded the library already.
func BenchmarkResolve1000(b *testing.B) {
	lib, s := thousand(b)
	ix := corpus.NewIndex(lib)
	ix.Warm()
	ns := s.Live()
	b.ResetTimer()
	for b.Loop() {
		NewResolver(lib, ix).Resolve(ns)
	}
}

// BenchmarkResolveMoved1000: every note moved by an edition, found again
// by its words.
func BenchmarkResolveMoved1000(b *testing.B) {
	lib, s := thousand(b)
	ix := corpus.NewIndex(lib)
	ix.Warm()
	ns := s.Live()
	for i := range ns {
		ns[i].Start += 3
		ns[i].End += 3
	}
	b.ResetTimer()
	for b.Loop() {
		for _, l := range NewResolver(lib, ix).Resolve(ns) {
			if l.Detached {
				b.Fatal("a note moved was not found")
			}
		}
	}
}

func BenchmarkMarkdown1000(b *testing.B) {
	lib, s := thousand(b)
	ls := Resolve(lib, s.Live())
	b.ResetTimer()
	for b.Loop() {
		if err := Markdown(io.Discard, ls); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON1000(b *testing.B) {
	lib, s := thousand(b)
	ls := Resolve(lib, s.Live())
	b.ResetTimer()
	for b.Loop() {
		if err := JSON(io.Discard, ls); err != nil {
			b.Fatal(err)
		}
	}
}
