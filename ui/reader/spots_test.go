package reader

import (
	"strings"
	"testing"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// wordAt is the plain range of the first word of d at or after plain
// offset from.
func wordAt(t *testing.T, d *corpus.Document, word string, from int) render.Range {
	t.Helper()
	i := strings.Index(d.Plain()[from:], word)
	if i < 0 {
		t.Fatalf("%s has no %q after %d", d.ID, word, from)
	}
	return render.Range{Start: from + i, End: from + i + len(word)}
}

// The names and the spot are painted with the highlights, each kind in
// its look: a name underlined quietly under a highlight that covers it,
// the spot over both, only in its own document.
func TestSpotsPainted(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha, beta := docNamed(t, lib, "alpha"), docNamed(t, lib, "beta")
	p := newPane(t, lib, alpha, 60, 20)
	plain := p.m.View()
	word := wordAt(t, alpha, "preface", 0)
	name := word
	name.Kind = render.Name
	p.m.MarkNames(map[*corpus.Document][]render.Range{alpha: {name}})
	if v := p.m.View(); !strings.Contains(v, render.DottedUnderline+"preface") {
		t.Fatalf("the name is not underlined:\n%q", v)
	}
	kept := word
	kept.Kind = render.Highlight
	p.m.SetHighlights(map[*corpus.Document][]render.Range{alpha: {kept}})
	if v := p.m.View(); strings.Contains(v, render.DottedUnderline+"preface") || !strings.Contains(v, "\x1b[4mpreface") {
		t.Errorf("the highlight does not cover the name:\n%q", v)
	}
	p.m.SetSpot(beta, []render.Range{word})
	if v := p.m.View(); strings.Contains(v, "\x1b[7m") {
		t.Errorf("a spot of another document is painted:\n%q", v)
	}
	if _, ok := p.m.SpotRow(); ok {
		t.Error("a spot of another document has a row")
	}
	p.m.SetSpot(alpha, []render.Range{word})
	if v := p.m.View(); !strings.Contains(v, "\x1b[7mpreface") {
		t.Errorf("the spot does not stand out:\n%q", v)
	}
	if _, ok := p.m.SpotRow(); !ok {
		t.Error("the spot on screen has no row")
	}
	p.m.SetSpot(nil, nil)
	p.m.SetHighlights(nil)
	p.m.MarkNames(nil)
	if v := p.m.View(); v != plain {
		t.Errorf("with nothing painted the screen is not as it was:\n%q\nwant\n%q", v, plain)
	}
}

// RevealSpot leaves the screen where it is when the spot shows there, and
// brings it into view, near the foot, when it is further down.
func TestRevealSpot(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	const height = 12
	p := newPane(t, lib, alpha, 60, height)
	top := p.m.Here()
	p.m.SetSpot(alpha, []render.Range{wordAt(t, alpha, "preface", 0)})
	p.run(p.m.RevealSpot())
	if p.m.Here() != top {
		t.Errorf("a spot on screen moved the screen from %d to %d", top.Offset, p.m.Here().Offset)
	}
	far := wordAt(t, alpha, "Nemo", 0)
	p.m.SetSpot(alpha, []render.Range{far})
	if _, ok := p.m.SpotRow(); ok {
		t.Fatal("the far word is on screen already")
	}
	p.run(p.m.RevealSpot())
	row, ok := p.m.SpotRow()
	if !ok || row != height-1-min(2, height/4) {
		t.Errorf("the far word is on row %d (%v):\n%s", row, ok, p.m.View())
	}
}

// Where a chunk's characters show is found with its rendering, off the UI
// goroutine, once the document has ranges to paint; not before.
func TestCellsFoundWithTheRendering(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	p := newPane(t, lib, alpha, 60, 20)
	last := len(p.m.chunks) - 1
	if msg, ok := p.m.request(last, false)().(RenderedMsg); !ok || msg.rendered == nil || msg.cells != nil {
		t.Fatalf("with nothing to paint: %T, cells %v", msg, msg.cells)
	}
	name := wordAt(t, alpha, "Nemo", 0)
	name.Kind = render.Name
	p.m.MarkNames(map[*corpus.Document][]render.Range{alpha: {name}})
	delete(p.m.inflight, last)
	msg, ok := p.m.request(last, false)().(RenderedMsg)
	if !ok || msg.cells == nil {
		t.Fatalf("with names to paint, no cells: %T", msg)
	}
	from, to := msg.cells.Span()
	if name.Start < from || name.Start >= to {
		t.Fatalf("the last chunk spans %d–%d, the name is at %d", from, to, name.Start)
	}
	p.send(msg)
	if p.m.ps.cells[p.m.key(last)] != msg.cells {
		t.Error("the cells that came with the rendering are not kept")
	}
}
