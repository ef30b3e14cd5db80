package reader

import (
	"strings"
	"testing"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// Every line of text maps to an offset and back to itself: in the panes of
// terminals 44, 80 and 120 columns wide (the last beside the contents).
func TestLinesAndOffsetsRoundTrip(t *testing.T) {
	lib := fixtureLibrary(t)
	for _, width := range []int{44, 80, 84} {
		p := newPane(t, lib, lib.Docs[0], width, 29)
		r := &p.m
		for i := range r.chunks {
			rc, ok := r.chunk(i)
			if !ok {
				t.Fatalf("width %d: chunk %d not rendered", width, i)
			}
			for line, text := range rc.Lines {
				if text == "" {
					continue
				}
				off := r.offsetOf(i, line)
				if off < 0 {
					continue // the document's head
				}
				if back := r.lineOf(i, rc, off); back != line {
					t.Errorf("width %d, chunk %d: line %d (%q) -> offset %d -> line %d", width, i, line, text, off, back)
				}
			}
		}
	}
}

// A chunk rendered for a layout no longer shown (an older generation,
// another width, another document) is neither shown nor cached; one for
// the layout shown is.
func TestStaleRenderResultsAreDropped(t *testing.T) {
	lib := fixtureLibrary(t)
	p := newPane(t, lib, lib.Docs[0], 100, 29)
	r := p.m
	fake := &render.Chunk{Lines: []string{"STALE LINE", ""}, BlockLines: []int{0}}
	tests := []struct {
		name string
		msg  RenderedMsg
	}{
		{"an older layout", RenderedMsg{doc: r.doc, chunk: 0, width: r.textWidth, gen: r.gen - 1, rendered: fake}},
		{"another width", RenderedMsg{doc: r.doc, chunk: 0, width: r.textWidth + 3, gen: r.gen, rendered: fake}},
		{"another document", RenderedMsg{doc: lib.Docs[1], chunk: 0, width: r.textWidth, gen: r.gen, rendered: fake}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p.send(tt.msg)
			if strings.Contains(p.m.View(), "STALE") {
				t.Errorf("a result for %s was shown", tt.name)
			}
			if got, _ := p.m.cache.Peek(render.Key{Doc: tt.msg.doc, Chunk: 0, Width: tt.msg.width}); got == fake {
				t.Errorf("a result for %s was cached", tt.name)
			}
		})
	}
	t.Run("the current layout", func(t *testing.T) {
		p.send(RenderedMsg{doc: r.doc, chunk: 0, width: r.textWidth, gen: r.gen, rendered: fake})
		if !strings.Contains(p.m.View(), "STALE") {
			t.Error("a current result was not shown")
		}
	})
}

// Where the hits of another search, or of this one at another width, show
// in a chunk is dropped: the spans on screen stay, and so does the screen.
func TestStaleSpansAreDropped(t *testing.T) {
	lib := fixtureLibrary(t)
	p := newPane(t, lib, lib.Docs[0], 80, 23)
	ix := corpus.NewIndex(lib)
	res := ix.Search(corpus.Query{Text: "dolore", Doc: -1}, nil)
	other := ix.Search(corpus.Query{Text: "ipsum", Doc: -1}, nil)
	p.run(p.m.SetSearch(res, 0))
	k := p.m.key(p.m.top.chunk)
	if sp := p.m.hl.spans[k]; sp == nil || sp.Results() != res {
		t.Fatal("the hits on screen were not placed")
	}
	rc, _ := p.m.chunk(p.m.top.chunk)
	c := p.m.chunks[p.m.top.chunk]
	for _, tt := range []struct {
		name string
		msg  SpansMsg
	}{
		{"spans of another search", SpansMsg{key: k, res: other, spans: render.FindSpans(other, lib.Docs[0], 0, rc, c)}},
		{"spans at another width", SpansMsg{key: render.Key{Doc: k.Doc, Chunk: k.Chunk, Width: k.Width + 1}, res: res, spans: render.FindSpans(res, lib.Docs[0], 0, rc, c)}},
	} {
		before := p.m.View()
		p.send(tt.msg)
		if got, _ := p.m.Search(); got != res {
			t.Errorf("%s: the text paints %v, want the hits of dolore", tt.name, got.Query)
		}
		if sp := p.m.hl.spans[k]; sp == nil || sp.Results() != res {
			t.Errorf("%s: the spans on screen were replaced", tt.name)
		}
		if p.m.View() != before {
			t.Errorf("%s: the screen changed:\n%s", tt.name, p.m.View())
		}
	}
}
