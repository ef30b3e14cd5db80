package ui

import (
	"runtime"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
)

// whoDeps opens The Rise of Stalinism at its first paragraph that names
// Kamenev, at 120x40.
func whoDeps(b *testing.B) Deps {
	d := benchDeps(b)
	rise := docNamed(b, d.Library, "rise-of-stalinism")
	for _, blk := range rise.Blocks {
		if p := rise.PlainRange(rise.PlainOffset(blk.Start), rise.PlainOffset(blk.End)); len(p) > 0 && contains(p, "Kamenev") {
			d.Start = corpus.Place{Doc: rise, Offset: blk.Start}
			break
		}
	}
	d.Width, d.Height = 120, 40
	return d
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// pressWho presses w on m and runs what follows until the box is open.
func pressWho(b *testing.B, m Model) Model {
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("w")})
	m = runUntil(next.(Model), cmd, func(m Model) bool { return m.overlay == personOverlay })
	if m.overlay != personOverlay {
		b.Fatal("w opened no box")
	}
	return m
}

// BenchmarkWhoFirst is the first w of a run: the people index read, every
// mention in the library found, the box opened. Each round reads a
// library of its own.
func BenchmarkWhoFirst(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		lib, err := corpus.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		d := whoDeps(b)
		d.Library = lib
		d.Start.Doc = docNamed(b, lib, "rise-of-stalinism")
		m := New(d)
		m = untilScreen(b, m, m.Init())
		b.StartTimer()
		pressWho(b, m)
	}
}

// BenchmarkWhoAgain is w once the people index is read: the names on
// screen found and the box opened.
func BenchmarkWhoAgain(b *testing.B) {
	d := whoDeps(b)
	m := New(d)
	m = untilScreen(b, m, m.Init())
	m = pressWho(b, m)
	m.overlay = noOverlay
	b.ResetTimer()
	for b.Loop() {
		pressWho(b, m)
	}
}

// BenchmarkViewNamesMarked draws a full screen at 200x60 with the names
// of people underlined, as BenchmarkView does without: the work of every
// frame once the names of the chunks on screen are placed.
func BenchmarkViewNamesMarked(b *testing.B) {
	d := whoDeps(b)
	d.Width, d.Height = 200, 60
	d.MarkPeople = true
	m := New(d)
	// The first screen, then the people index read and the names marked
	// (the start holds that back until the first screen is drawn).
	m = runUntil(m, m.Init(), func(m Model) bool { return m.peopleReady && m.reader.Rendered() })
	if !m.peopleReady {
		b.Fatal("the people index was never read")
	}
	timeView(b, m)
}

// BenchmarkViewSameScreen is BenchmarkView at the same place as
// BenchmarkViewNamesMarked, without the names marked.
func BenchmarkViewSameScreen(b *testing.B) {
	d := whoDeps(b)
	m := opened(b, d, 200, 60)
	timeView(b, m)
}

// BenchmarkFirstScreenNamesMarked is BenchmarkFirstScreen with
// mark_people: what it adds before the first screen. The people index is
// read, and every mention found, once the screen is drawn (BenchmarkWhoFirst
// times that).
func BenchmarkFirstScreenNamesMarked(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		lib, err := corpus.Embedded()
		if err != nil {
			b.Fatal(err)
		}
		d := benchDeps(b)
		d.Library = lib
		d.Start.Doc = docNamed(b, lib, "revolution-betrayed")
		d.Width, d.Height = 120, 40
		d.MarkPeople = true
		b.StartTimer()
		m := New(d)
		m = untilScreen(b, m, m.Init())
		_ = m.View()
	}
}

// BenchmarkPagedHeap pages through the whole of The Revolution Betrayed
// at 200x60, a frame drawn at each page and every chunk rendered that
// the pane asks for, with the names of people marked
// and a thousand highlights, and reports the live heap after it: the
// people index, the mentions, the highlights and what the reading pane
// keeps of the chunks it painted them on.
func BenchmarkPagedHeap(b *testing.B) {
	var heap, pages float64
	for b.Loop() {
		d := benchDeps(b)
		d.Width, d.Height = 200, 60
		d.MarkPeople = true
		m := New(d)
		m = untilScreen(b, m, m.Init())
		next, _ := m.Update(warmPeople(m.c.Lib, true)())
		m = next.(Model)
		withHighlights(b, &m)
		pages = 0
		for last := -2; m.reader.Here().Offset != last; pages++ {
			last = m.reader.Here().Offset
			next, cmd := m.Update(keyMsg("pgdown"))
			m = runUntil(next.(Model), cmd, func(Model) bool { return false })
			_ = m.View()
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = float64(ms.HeapAlloc) / (1 << 20)
		runtime.KeepAlive(m)
	}
	b.ReportMetric(heap, "heap-MiB")
	b.ReportMetric(pages, "pages")
}
