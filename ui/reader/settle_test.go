package reader

import (
	"testing"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// A jump near the end of a document whose last chunks take more lines
// than they were estimated to: however the chunks arrive, the top ends
// where the jump put it, or as near as the end allows.
func TestJumpNearTheEndSettles(t *testing.T) {
	for _, order := range []string{"top first", "end first"} {
		t.Run(order, func(t *testing.T) {
			lib := fixtureLibrary(t)
			p := newPane(t, lib, lib.Docs[0], 80, 23)
			beta := docNamed(t, lib, "beta")
			off := beta.Outline[1].Offset // the second essay, near the end
			r := &p.m
			r.open(beta, off) // the commands that would render its chunks are not run
			chunks := r.chunks
			first := corpus.ChunkAt(chunks, off)
			var idx []int
			for i := first; i < len(chunks); i++ {
				idx = append(idx, i)
			}
			if order == "end first" {
				for a, b := 0, len(idx)-1; a < b; a, b = a+1, b-1 {
					idx[a], idx[b] = idx[b], idx[a]
				}
			}
			for _, i := range idx {
				rc, err := r.renderer.Render(beta, chunks, i, r.textWidth)
				if err != nil {
					t.Fatal(err)
				}
				r.rendered(RenderedMsg{doc: beta, chunk: i, width: r.textWidth, gen: r.gen, rendered: rc})
			}
			total := 0
			for i := range chunks {
				total += r.linesOf(i)
			}
			at := r.lineOf(first, mustChunk(t, r, first), off)
			for i := range first {
				at += r.linesOf(i)
			}
			top := r.top.line
			for i := range r.top.chunk {
				top += r.linesOf(i)
			}
			if want := min(at, total-r.height); top != want {
				t.Errorf("the top is at line %d of %d, want %d (the jump's line %d)", top, total, want, at)
			}
		})
	}
}

func mustChunk(t *testing.T, r *Model, i int) *render.Chunk {
	t.Helper()
	rc, ok := r.chunk(i)
	if !ok {
		t.Fatalf("chunk %d is not rendered", i)
	}
	return rc
}
