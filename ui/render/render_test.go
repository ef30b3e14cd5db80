package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/ui/internal/uitest"
)

// fixtureLibrary is the tests' small library, shared with the reader's.
func fixtureLibrary(t testing.TB) *corpus.Library {
	return uitest.Library(t)
}

func docNamed(t testing.TB, lib *corpus.Library, id string) *corpus.Document {
	return uitest.Doc(t, lib, id)
}

// testStyles is what the text is set in besides glamour's style, as a
// dark theme sets it: in 256 colours, or without colour.
func testStyles(colour bool) Styles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	fg := func(c string) lipgloss.TerminalColor { return lipgloss.NoColor{} }
	if colour {
		r.SetColorProfile(termenv.ANSI256)
		fg = func(c string) lipgloss.TerminalColor { return lipgloss.Color(c) }
	}
	st := r.NewStyle
	return Styles{
		Title:     st().Bold(true).Foreground(fg("255")),
		Subtitle:  st().Italic(true).Foreground(fg("252")),
		Byline:    st().Foreground(fg("252")),
		Meta:      st().Italic(true).Foreground(fg("246")),
		TitleRule: st().Foreground(fg("243")),
		Quiet:     st().Foreground(fg("246")).Faint(!colour),
		Rule:      st().Foreground(fg("243")),
	}
}

// testLook is how a dark theme paints the hits of a search, in 256
// colours.
func testLook() Look {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.ANSI256)
	return NewLook(r.NewStyle().Background(lipgloss.Color("58")).Foreground(lipgloss.Color("230")),
		r.NewStyle().Background(lipgloss.Color("214")).Foreground(lipgloss.Color("16")).Bold(true))
}

// cell is a character as it shows: the rune and its style, or no style for
// a space that cannot be seen.
type cell struct {
	r  rune
	st sgr
}

func cells(line string) []cell {
	var out []cell
	var cur sgr
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			end := escapeEnd(line, i)
			if seq := line[i:end]; len(seq) > 2 && seq[1] == '[' && seq[len(seq)-1] == 'm' {
				cur.apply(seq[2 : len(seq)-1])
			}
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		c := cell{r, cur}
		if r == ' ' && !cur.showsOnSpace() {
			c.st = sgr{}
		}
		out = append(out, c)
	}
	for len(out) > 0 && out[len(out)-1] == (cell{' ', sgr{}}) {
		out = out[:len(out)-1]
	}
	return out
}

func TestCompactLineKeepsWhatShows(t *testing.T) {
	lib := fixtureLibrary(t)
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(styles.DarkStyleConfig), glamour.WithWordWrap(50), glamour.WithColorProfile(termenv.ANSI256))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range lib.Docs {
		out, err := tr.Render(d.Body)
		if err != nil {
			t.Fatal(err)
		}
		before, after := 0, 0
		for raw := range strings.SplitSeq(out, "\n") {
			got, _ := compactLine(raw)
			if fmt.Sprint(cells(got)) != fmt.Sprint(cells(raw)) {
				t.Fatalf("%s: line changed:\n raw %q\n got %q", d.ID, raw, got)
			}
			before += len(raw)
			after += len(got)
		}
		if after*3 > before {
			t.Errorf("%s: compacted to %d of %d bytes, want a third at most", d.ID, after, before)
		}
	}
}

func TestCompactLine(t *testing.T) {
	tests := []struct {
		in, want string
		markers  int
	}{
		{"plain text   ", "plain text", 0},
		{"\x1b[38;5;252mone\x1b[0m\x1b[38;5;252m two\x1b[0m\x1b[38;5;252m \x1b[0m", "\x1b[38;5;252mone two\x1b[0m", 0},
		{"\x1b[1;48;5;63m Title \x1b[0m   ", "\x1b[1;48;5;63m Title \x1b[0m", 0},
		{"a\u200bb \u200bc", "ab c", 2},
		{"\x1b[38;5;0mblack\x1b[0m", "\x1b[38;5;0mblack\x1b[0m", 0},
		{"\x1b]8;;http://x\x07link\x1b]8;;\x07", "link", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		got, n := compactLine(tt.in)
		if got != tt.want || n != tt.markers {
			t.Errorf("compactLine(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.markers)
		}
	}
}

// The markers that give each block and page its line must not change what
// glamour makes of the Markdown: with and without them, it renders the same
// lines, and every marker written comes out, in order.
func TestMarkersChangeNoLine(t *testing.T) {
	docs := fixtureLibrary(t).Docs
	if lib, err := corpus.Embedded(); err == nil && !testing.Short() {
		docs = append(docs, lib.Docs...)
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(GlamourStyle(true, false)), glamour.WithWordWrap(0), glamour.WithColorProfile(termenv.Ascii))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		chunks := d.Chunks(ChunkSize)
		step := max(1, len(chunks)/25) // a sample of each embedded document
		for i := 0; i < len(chunks); i += step {
			src, marks := chunkSource(d, chunks, i)
			with, err := tr.Render(src)
			if err != nil {
				t.Fatal(err)
			}
			without, err := tr.Render(strings.ReplaceAll(src, string(marker), ""))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(with, string(marker)); got != len(marks.owners) {
				t.Errorf("%s chunk %d: %d markers rendered, %d written", d.ID, i, got, len(marks.owners))
			}
			a, b := strings.Split(with, "\n"), strings.Split(without, "\n")
			if len(a) != len(b) {
				t.Errorf("%s chunk %d: %d lines with markers, %d without", d.ID, i, len(a), len(b))
				continue
			}
			for k := range a {
				la, _ := compactLine(a[k])
				lb, _ := compactLine(b[k])
				if la != lb {
					t.Errorf("%s chunk %d: line %d is %q with markers, %q without", d.ID, i, k, la, lb)
					break
				}
			}
		}
	}
}

func TestRenderChunkPlacesHeadingsAndPages(t *testing.T) {
	lib := fixtureLibrary(t)
	d := lib.Docs[0] // alpha
	r := NewRenderer(GlamourStyle(true, false), termenv.Ascii, testStyles(false))
	chunks := d.Chunks(ChunkSize)
	for _, width := range []int{20, 36, 57, 80} {
		for i := range chunks {
			rc, err := r.Render(d, chunks, i, width)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range rc.Lines {
				if w := lipgloss.Width(l); w > width {
					t.Errorf("chunk %d at %d: line %q is %d wide", i, width, l, w)
				}
			}
			for b, line := range rc.BlockLines {
				blk := d.Blocks[chunks[i].First+b]
				words := strings.Fields(d.Body[blk.Start+textOffset(d.Body[blk.Start:blk.End]) : blk.End])
				if !strings.Contains(rc.Lines[line], words[0]) {
					t.Errorf("chunk %d at %d: block %d starts on %q, want its first word %q", i, width, b, rc.Lines[line], words[0])
				}
			}
			for p, line := range rc.PageLines {
				page := d.Pages[rc.FirstPage+p]
				word := strings.Fields(d.Body[page.Offset:])[0]
				if !strings.Contains(rc.Lines[line], word) {
					t.Errorf("chunk %d at %d: page %s on %q, want the word %q", i, width, page.Label, rc.Lines[line], word)
				}
			}
		}
	}
	rc, err := r.Render(d, chunks, 0, 40)
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rc.Lines[:rc.BlockLines[0]], "\n")
	for _, s := range []string{"The Alpha Book", "A Study in Beginnings", "Ada Writer", "translated by Tom Turner", "1921"} {
		if !strings.Contains(head, s) {
			t.Errorf("title page lacks %q:\n%s", s, head)
		}
	}
}

func TestChunkCacheBound(t *testing.T) {
	c := NewCache(100)
	d := &corpus.Document{}
	for i := range 10 {
		c.Put(Key{d, i, 80}, &Chunk{size: 30})
		if i == 5 {
			c.Touch(Key{d, 7, 80}) // not there: no effect
		}
	}
	if c.size > 100 || c.Len() != 3 {
		t.Errorf("size %d, %d entries; want at most 100 bytes in 3", c.size, c.Len())
	}
	if _, ok := c.Peek(Key{d, 9, 80}); !ok {
		t.Error("the newest chunk was dropped")
	}
	c.Touch(Key{d, 7, 80})
	c.Put(Key{d, 10, 80}, &Chunk{size: 30})
	if _, ok := c.Peek(Key{d, 7, 80}); !ok {
		t.Error("a chunk just used was dropped before older ones")
	}
	c.Put(Key{d, 11, 80}, &Chunk{size: 500})
	if c.Len() != 1 {
		t.Errorf("a chunk bigger than the bound should stay alone, have %d", c.Len())
	}
}
