package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/reader"
	"samizdat/ui/render"
	"samizdat/ui/searchbar"
)

// The benchmarks use the embedded library, glamour's dark style and 256
// colours, as a terminal would see them. A chunk rendered is timed in
// render (BenchmarkRenderChunk), a jump in reader (BenchmarkJump).

func benchDeps(b *testing.B) Deps {
	b.Helper()
	lib, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	d := testDeps(b)
	d.Library = lib
	d.Styles = *colourStyles()
	d.Glamour = render.GlamourStyle(true, true)
	d.Profile = termenv.ANSI256
	d.Start = corpus.Place{Doc: docNamed(b, lib, "revolution-betrayed"), Offset: -1}
	return d
}

// untilScreen runs cmd and what follows until the screen's chunks are all
// rendered, leaving the rendering ahead of need undone.
func untilScreen(b *testing.B, m Model, cmd tea.Cmd) Model {
	m = runUntil(m, cmd, func(m Model) bool { return m.reader.Rendered() })
	if !m.reader.Rendered() {
		b.Fatal("the screen was never rendered")
	}
	return m
}

// runUntil runs cmd and what follows, batches taken apart, until done says
// so or nothing is left to run.
func runUntil(m Model, cmd tea.Cmd, done func(Model) bool) Model {
	for queue := []tea.Cmd{cmd}; len(queue) > 0 && !done(m); queue = queue[1:] {
		if queue[0] == nil {
			continue
		}
		switch msg := queue[0]().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			next, more := m.Update(msg)
			m = next.(Model)
			queue = append(queue, more)
		}
	}
	return m
}

// opened is the reader built from d in a terminal of w by h, its first
// screen rendered.
func opened(b *testing.B, d Deps, w, h int) Model {
	d.Width, d.Height = w, h
	m := New(d)
	return untilScreen(b, m, m.Init())
}

// timeView times drawing m, once its first drawing is done.
func timeView(b *testing.B, m Model) {
	_ = m.View()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkFirstScreen is the reader's part of a cold start at 120x40: the
// model built and the first screen of The Revolution Betrayed rendered.
func BenchmarkFirstScreen(b *testing.B) {
	d := benchDeps(b)
	d.Width, d.Height = 120, 40
	b.ResetTimer()
	for b.Loop() {
		m := New(d)
		m = untilScreen(b, m, m.Init())
		_ = m.View()
	}
}

// BenchmarkJump goes to a chapter of another document at 120x40, nothing
// of it rendered before: from the intent to a rendered screen. Each jump
// is made with a reading pane of its own, whose cache is empty and which
// waits for nothing.
func BenchmarkJump(b *testing.B) {
	d := benchDeps(b)
	m := opened(b, d, 120, 40)
	text := render.NewRenderer(d.Glamour, d.Profile, d.Styles.Text())
	var targets []common.Intent
	for _, doc := range d.Library.Docs {
		for _, h := range doc.Outline {
			if h.Level == 1 {
				targets = append(targets, common.Intent{Do: common.Open, At: corpus.Place{Doc: doc, Offset: h.Offset}})
			}
		}
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		b.StopTimer()
		m.reader = reader.New(m.c, text, d.Styles.reader())
		m.relayout()
		t := targets[n%len(targets)]
		n++
		b.StartTimer()
		next, cmd := m.open(t)
		m = untilScreen(b, next.(Model), cmd)
		_ = m.View()
	}
}

// BenchmarkView draws a full screen at 200x60 from rendered chunks: the
// work of every frame.
func BenchmarkView(b *testing.B) {
	d := benchDeps(b)
	m := opened(b, d, 200, 60)
	timeView(b, m)
}

// withHighlights gives m a thousand highlights, sentences spread evenly
// through the document it shows, every tenth with a note.
func withHighlights(b *testing.B, m *Model) {
	b.Helper()
	d := m.reader.Doc()
	const n = 1000
	step := d.PlainLen() / n
	for i := range n {
		s, e, ok := d.UnitAt(corpus.Sentence, i*step)
		if !ok {
			continue
		}
		comment := ""
		if i%10 == 0 {
			comment = "a note"
		}
		if _, err := m.keep(d, s, e, comment); err != nil {
			b.Fatal(err)
		}
	}
	if got := m.own.set.Len(); got < n*9/10 {
		b.Fatalf("only %d highlights", got)
	}
	m.paintNotes()
}

// BenchmarkViewHighlights is BenchmarkView with a thousand highlights in
// the document shown.
func BenchmarkViewHighlights(b *testing.B) {
	d := benchDeps(b)
	m := opened(b, d, 200, 60)
	withHighlights(b, &m)
	timeView(b, m)
}

// BenchmarkFirstScreenHighlights is BenchmarkFirstScreen with a thousand
// highlights in the document opened, found where their characters show
// as the first screen is drawn.
func BenchmarkFirstScreenHighlights(b *testing.B) {
	d := benchDeps(b)
	d.Width, d.Height = 120, 40
	m := opened(b, d, d.Width, d.Height)
	withHighlights(b, &m)
	set, where := m.own.set, m.own.where
	b.ResetTimer()
	for b.Loop() {
		m := New(d)
		m.own.set, m.own.where = set, where
		m.paintNotes()
		m = untilScreen(b, m, m.Init())
		_ = m.View()
	}
}

// BenchmarkGrowSelection moves a selection's end a sentence on, at
// 200x60 with a thousand highlights: the work of a key in a selection.
func BenchmarkGrowSelection(b *testing.B) {
	d := benchDeps(b)
	m := opened(b, d, 200, 60)
	withHighlights(b, &m)
	next, _ := m.startSelection()
	m = next.(Model)
	b.ResetTimer()
	for b.Loop() {
		next, _ := m.moveSelection(corpus.Sentence, true, m.c.Keys.SentenceForward)
		_ = next.(Model).View()
	}
}

// benchSearchKey types the last letter of a query in the search bar and
// takes it back, each with its search and the frame after it, at 200x60
// with a thousand highlights, a note on each: the work of a key typed in
// the bar, with the notes searched or not.
func benchSearchKey(b *testing.B, withNotes bool) {
	d := benchDeps(b)
	m := opened(b, d, 200, 60)
	withHighlights(b, &m)
	for id, n := range m.own.set.Live() {
		m.own.set.SetComment(n.ID, fmt.Sprintf("Note %d: the zigzags of the bureaucracy, its privileges, and what Lenin feared of it in 1923.", id))
	}
	send := func(msg tea.Msg) {
		next, cmd := m.Update(msg)
		m = next.(Model)
		for _, out := range collect(cmd) {
			if _, ok := out.(searchbar.ResultsMsg); ok {
				next, _ := m.Update(out)
				m = next.(Model)
			}
		}
	}
	send(keyMsg("/"))
	if withNotes {
		send(keyMsg("ctrl+x"))
	}
	for _, r := range "thermido" {
		send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if withNotes != m.search.WithNotes() {
		b.Fatal("the toggle is not as asked")
	}
	b.ResetTimer()
	for b.Loop() {
		send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'r'}})
		_ = m.View()
		send(keyMsg("backspace"))
		_ = m.View()
	}
}

func BenchmarkSearchKey(b *testing.B)          { benchSearchKey(b, false) }
func BenchmarkSearchKeyWithNotes(b *testing.B) { benchSearchKey(b, true) }

// ignoredMsg is a message no part of the reader handles.
type ignoredMsg struct{}

// BenchmarkIgnoredMessage sends the model a message it does not handle,
// as the program does: the cost every message pays before any work, the
// model copied in and boxed on the way out.
func BenchmarkIgnoredMessage(b *testing.B) {
	d := benchDeps(b)
	m := opened(b, d, 120, 40)
	var tm tea.Model = m
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tm, _ = tm.Update(ignoredMsg{})
	}
}
