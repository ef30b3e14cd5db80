package reader

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
	"samizdat/ui/internal/uitest"
	"samizdat/ui/render"
)

// fixtureLibrary is the tests' small library, shared with the root's.
func fixtureLibrary(t testing.TB) *corpus.Library {
	return uitest.Library(t)
}

func docNamed(t testing.TB, lib *corpus.Library, id string) *corpus.Document {
	return uitest.Doc(t, lib, id)
}

// pane drives the reading pane as the root would, running every command
// that follows a message to the end, inline.
type pane struct {
	t testing.TB
	m Model
}

// newPane is the pane over lib, width by height, showing doc from its
// head, without colour, in glamour's plain style.
func newPane(t testing.TB, lib *corpus.Library, doc *corpus.Document, width, height int) *pane {
	t.Helper()
	c := common.New(common.Common{Lib: lib, Keys: keymap.Default(), MaxWidth: 80, Now: time.Now,
		After: func(time.Duration, tea.Msg) tea.Cmd { return nil }})
	r := render.NewRenderer(render.GlamourStyle(true, false), termenv.Ascii, render.Styles{})
	p := &pane{t: t, m: New(c, r, Styles{})}
	p.run(p.m.SetSize(width, height))
	p.run(p.m.Show(corpus.Place{Doc: doc, Offset: -1}))
	return p
}

// send updates the pane with msg and runs what follows.
func (p *pane) send(msg tea.Msg) {
	p.t.Helper()
	var cmd tea.Cmd
	p.m, cmd, _ = p.m.Update(msg)
	p.run(cmd)
}

// run runs cmd and every command that follows from it.
func (p *pane) run(cmd tea.Cmd) {
	p.t.Helper()
	uitest.Run(p.t, cmd, func(msg tea.Msg) tea.Cmd {
		var more tea.Cmd
		p.m, more, _ = p.m.Update(msg)
		return more
	})
}
