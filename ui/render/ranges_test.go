package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"samizdat/corpus"
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
					for k, at := range blk.positions() {
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
			if off >= b.from && off < b.from+len(b.plain) {
				blk = b
			}
		}
		at := blk.positions()[off-blk.from]
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

// Names underlined keep every other attribute and colour of the text,
// and nothing else is changed; the words placed are those asked for.
func TestPaintNames(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	plain := alpha.Plain()
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	look := testLook().With(Name, lipgloss256(), DottedUnderline)
	chunks := alpha.Chunks(ChunkSize)
	for _, word := range []string{"Lorem", "eiusmod tempor", "Start", "quotation"} {
		var names []Range
		for i := 0; ; {
			j := strings.Index(plain[i:], word)
			if j < 0 {
				break
			}
			names = append(names, Range{Start: i + j, End: i + j + len(word), Kind: Name})
			i += j + len(word)
		}
		if len(names) == 0 {
			t.Fatalf("alpha never says %q", word)
		}
		var placed []string
		for i := range chunks {
			rc, err := r.Render(alpha, chunks, i, 31)
			if err != nil {
				t.Fatal(err)
			}
			marks := MapCells(alpha, rc, chunks[i]).Place(names)
			for l, line := range rc.Lines {
				painted := PaintLine(line, l, nil, -1, marks, look)
				got, before := cells(painted), cells(line)
				if len(got) != len(before) {
					t.Fatalf("%q: line %q became %q", word, line, painted)
				}
				text := []rune(stripped(line))
				for _, s := range marks.lines[l] {
					placed = append(placed, string(text[s.from:s.to]))
				}
				for c := range got {
					want, in := before[c].st, false
					for _, s := range marks.lines[l] {
						if c >= s.from && c < s.to {
							want.attrs |= 1 << 4
							in = true
						}
					}
					if in && got[c].r == ' ' {
						// A space of no style of its own: underlined
						// with the words around it.
						want = got[c].st
						if want.attrs&(1<<4) == 0 {
							t.Fatalf("%q: the space at cell %d of %q is not underlined", word, c, line)
						}
					}
					if got[c].r != before[c].r || got[c].st != want && !(got[c].r == ' ' && !want.showsOnSpace()) {
						t.Fatalf("%q: cell %d of %q is %v, want %q in %v", word, c, line, got[c], before[c].r, want)
					}
				}
			}
		}
		if joined := strings.Join(placed, " "); strings.Join(strings.Fields(joined), " ") != strings.Join(strings.Fields(strings.Repeat(word+" ", len(names))), " ") {
			t.Errorf("%q: placed %q, want it %d times", word, placed, len(names))
		}
	}
}

// A name under a highlight, a search's match or a spot gives way to it;
// a spot shows over a match, the selection over all.
func TestNameUnderEverything(t *testing.T) {
	segs := flatten([]seg{{from: 0, to: 20, kind: Name}, {from: 2, to: 4, kind: Highlight}, {from: 6, to: 8, kind: Hit},
		{from: 10, to: 12, kind: Spot}, {from: 11, to: 14, kind: CurrentHit}, {from: 13, to: 16, kind: Selection}})
	var got []string
	for _, s := range segs {
		got = append(got, fmt.Sprintf("%d-%d:%d", s.from, s.to, s.kind))
	}
	want := fmt.Sprintf("0-2:%d 2-4:%d 4-6:%d 6-8:%d 8-10:%d 10-12:%d 12-13:%d 13-16:%d 16-20:%d",
		Name, Highlight, Name, Hit, Name, Spot, CurrentHit, Selection, Name)
	if strings.Join(got, " ") != want {
		t.Errorf("flatten = %s, want %s", strings.Join(got, " "), want)
	}
}

// A range of no chunk's text places nothing.
func TestPlaceElsewhere(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	r := NewRenderer(styles.NoTTYStyleConfig, termenv.Ascii, testStyles(false))
	chunks := alpha.Chunks(ChunkSize)
	rc, err := r.Render(alpha, chunks, 0, 40)
	if err != nil {
		t.Fatal(err)
	}
	end := alpha.PlainLen()
	cs := MapCells(alpha, rc, chunks[0])
	for _, rs := range [][]Range{nil, {{Start: end + 10, End: end + 20, Kind: Name}}} {
		if got := cs.Place(rs); len(got.lines) != 0 {
			t.Errorf("%v placed on the first chunk", rs)
		}
	}
}

func lipgloss256() lipgloss.Style {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	return r.NewStyle()
}

// The runs a chunk's cells are kept as say of every byte of its plain
// text what alignBlock found, no more and no less: for every chunk of
// the fixture and, unless short, of the library, at several widths, and
// for text with bytes that are not UTF-8.
func TestCellRuns(t *testing.T) {
	libs := []*corpus.Library{fixtureLibrary(t)}
	if !testing.Short() {
		lib, err := corpus.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		libs = append(libs, lib)
	}
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	for _, lib := range libs {
		for _, doc := range lib.Docs {
			if err := doc.Load(); err != nil {
				t.Fatal(err)
			}
			chunks := doc.Chunks(ChunkSize)
			for _, width := range []int{23, 80} {
				for i := range chunks {
					if lib != libs[0] && i%7 != 0 {
						continue // a seventh of the library is enough
					}
					rc, err := r.Render(doc, chunks, i, width)
					if err != nil {
						t.Fatal(err)
					}
					for _, b := range blockRanges(rc, chunks[i]) {
						blk := doc.Blocks[b.block]
						plain := doc.PlainRange(doc.PlainOffset(blk.Start), doc.PlainOffset(blk.End))
						want := alignBlock(plain, blockText(rc.Lines, b.from, b.to, b.col))
						cb := cellBlock{plain: plain, runs: cellRuns(plain, want)}
						if got := cb.positions(); !slices.Equal(got, want) {
							t.Fatalf("%s, chunk %d, width %d: the runs %v say %v, alignBlock %v", doc.ID, i, width, cb.runs, got, want)
						}
					}
				}
			}
		}
	}
	plain := "a\xffb c\xe2\x80"
	want := []cellAt{{0, 0}, {0, 1}, {0, 2}, nowhere, {0, 4}, {0, 5}, nowhere}
	cb := cellBlock{plain: plain, runs: cellRuns(plain, want)}
	if got := cb.positions(); !slices.Equal(got, want) {
		t.Fatalf("runs of %q say %v, want %v", plain, got, want)
	}
}
