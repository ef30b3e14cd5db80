package render

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestPlaceRanges paints random ranges of a document's plain text at
// several widths and checks, cell by cell, that exactly the characters of
// the ranges are painted, in the look of their kind, however they wrap
// and across the chunks.
func TestPlaceRanges(t *testing.T) {
	lib := fixtureLibrary(t)
	doc := docNamed(t, lib, "alpha")
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	look := testLook().With(Highlight, lipgloss256().Underline(true), "").With(Selection, lipgloss256().Reverse(true), "")
	var hl, sel sgr
	hl.apply(strings.TrimSuffix(strings.TrimPrefix(look.sgr[Highlight], "\x1b["), "m"))
	sel.apply(strings.TrimSuffix(strings.TrimPrefix(look.sgr[Selection], "\x1b["), "m"))
	chunks := doc.Chunks(ChunkSize)
	plain := doc.Plain()
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, width := range []int{17, 31, 60, 100} {
		for range 20 {
			a, b := rnd.IntN(len(plain)), rnd.IntN(len(plain))
			c, d := rnd.IntN(len(plain)), rnd.IntN(len(plain))
			ranges := []Range{{Start: min(a, b), End: max(a, b), Kind: Highlight}, {Start: min(c, d), End: max(c, d), Kind: Selection}}
			if ranges[1].Start < ranges[0].Start {
				ranges[0], ranges[1] = ranges[1], ranges[0]
			}
			for i := range chunks {
				rc, err := r.Render(doc, chunks, i, width)
				if err != nil {
					t.Fatal(err)
				}
				cs := MapCells(doc, rc, chunks[i])
				marks := cs.Place(ranges)
				// What each cell should be: the kind of the range of the
				// plain character it shows, the selection over the rest.
				want := map[cellAt]sgr{}
				for _, blk := range cs.blocks {
					for k, at := range blk.pos {
						off := blk.from + k
						if at == nowhere || !utf8.RuneStart(plain[off]) || unicode.IsSpace(rune(plain[off])) {
							continue
						}
						for _, rg := range ranges {
							if off >= rg.Start && off < rg.End && (rg.Kind == Selection || want[at] != sel) {
								want[at] = map[Kind]sgr{Highlight: hl, Selection: sel}[rg.Kind]
							}
						}
					}
				}
				for l, line := range rc.Lines {
					got := cells(PaintLine(line, l, nil, -1, marks, look))
					before := cells(line)
					if len(got) != len(before) {
						t.Fatalf("width %d: line %q lost characters: %q", width, line, PaintLine(line, l, nil, -1, marks, look))
					}
					for col := range got {
						w, painted := want[cellAt{int32(l), int32(col)}]
						if got[col].r == ' ' || !painted {
							// A space inside a run is painted with it; a
							// character outside every run keeps its style.
							if !painted && got[col].r != ' ' && got[col].st != before[col].st {
								t.Fatalf("width %d, chunk %d, line %d, col %d (%q): painted outside %v: %q", width, i, l, col, got[col].r, ranges, line)
							}
							continue
						}
						if w == hl { // a highlight goes over the text's own style
							w = before[col].st
							w.apply(strings.TrimSuffix(strings.TrimPrefix(look.sgr[Highlight], "\x1b["), "m"))
						}
						if got[col].st != w {
							t.Fatalf("width %d, chunk %d, line %d, col %d (%q): %v, want %v", width, i, l, col, got[col].r, got[col].st, w)
						}
					}
				}
			}
		}
	}
}

func TestFlatten(t *testing.T) {
	got := flatten([]seg{{from: 0, to: 10, kind: Highlight}, {from: 3, to: 5, kind: Hit}, {from: 4, to: 12, kind: Selection}})
	want := []seg{{from: 0, to: 3, kind: Highlight}, {from: 3, to: 4, kind: Hit}, {from: 4, to: 12, kind: Selection}}
	if len(got) != len(want) {
		t.Fatalf("flatten = %v, want %v", got, want)
	}
	for i := range got {
		if got[i].from != want[i].from || got[i].to != want[i].to || got[i].kind != want[i].kind {
			t.Fatalf("flatten = %v, want %v", got, want)
		}
	}
}

// TestCellsAt maps a cell back to the plain text it shows, and a plain
// offset to its line.
func TestCellsAt(t *testing.T) {
	lib := fixtureLibrary(t)
	doc := docNamed(t, lib, "alpha")
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	chunks := doc.Chunks(ChunkSize)
	rc, err := r.Render(doc, chunks, 1, 40)
	if err != nil {
		t.Fatal(err)
	}
	cs := MapCells(doc, rc, chunks[1])
	from, to := cs.Span()
	plain := doc.Plain()
	for off := from; off < to; off++ {
		if unicode.IsSpace(rune(plain[off])) || !utf8.RuneStart(plain[off]) {
			continue
		}
		line, ok := cs.Line(off)
		if !ok {
			continue
		}
		blk := cs.blocks[0]
		for _, b := range cs.blocks {
			if off >= b.from && off < b.from+len(b.pos) {
				blk = b
			}
		}
		at := blk.pos[off-blk.from]
		if at == nowhere {
			continue
		}
		if int(at.line) != line {
			t.Fatalf("Line(%d) = %d, want %d", off, line, at.line)
		}
		if back, ok := cs.At(line, int(at.col)); !ok || back != off {
			t.Fatalf("At(%d, %d) = %d, want %d (%q)", line, at.col, back, off, plain[off:min(off+10, len(plain))])
		}
	}
}

func lipgloss256() lipgloss.Style {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	return r.NewStyle()
}
