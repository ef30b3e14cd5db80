package reader

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
	"samizdat/ui/render"
)

// untilScreen runs cmd and what follows until the screen's chunks are all
// rendered, leaving the rendering ahead of need undone.
func untilScreen(b *testing.B, m Model, cmd tea.Cmd) Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 && !m.Rendered() {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			var more tea.Cmd
			m, more, _ = m.Update(msg)
			queue = append(queue, more)
		}
	}
	if !m.Rendered() {
		b.Fatal("the screen was never rendered")
	}
	return m
}

// BenchmarkJump goes to a chapter of the embedded library, nothing of it
// rendered before, in the pane of a terminal of 120x40 (84x39 beside the
// contents), in glamour's dark style and 256 colours: from the jump to a
// rendered screen. The root's part of a jump (the memory of positions, the
// contents following) is not in it.
func BenchmarkJump(b *testing.B) {
	lib, err := corpus.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	c := common.New(common.Common{Lib: lib, Keys: keymap.Default(), MaxWidth: 80, Now: time.Now,
		After: func(time.Duration, tea.Msg) tea.Cmd { return nil }})
	lr := lipgloss.NewRenderer(nil)
	lr.SetColorProfile(termenv.ANSI256)
	text := render.Styles{Quiet: lr.NewStyle().Foreground(lipgloss.Color("246")), Rule: lr.NewStyle().Foreground(lipgloss.Color("243"))}
	m := New(c, render.NewRenderer(render.GlamourStyle(true, true), termenv.ANSI256, text), Styles{})
	m.SetSize(84, 39)
	m = untilScreen(b, m, m.Show(corpus.Place{Doc: docNamed(b, lib, "revolution-betrayed"), Offset: -1}))
	var targets []corpus.Place
	for _, doc := range lib.Docs {
		for _, h := range doc.Outline {
			if h.Level == 1 {
				targets = append(targets, corpus.Place{Doc: doc, Offset: h.Offset})
			}
		}
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		b.StopTimer()
		m.cache = render.NewCache(cacheBytes)
		m.relayout() // what was in flight when the last screen was done is not coming
		t := targets[n%len(targets)]
		n++
		b.StartTimer()
		m = untilScreen(b, m, m.Show(t))
		_ = m.View()
	}
}
