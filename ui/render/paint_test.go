package render

import (
	"github.com/charmbracelet/lipgloss"

	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"samizdat/corpus"
)

// shownText is the text alignBlock maps to: each character of the lines
// at its cell, a line break between lines.
func shownText(lines []string, col int) []shown {
	return blockText(lines, 0, len(lines), col)
}

// mapped writes, for each non-space character of plain, the character
// the alignment put it on ("." where none), so a table can say it in one
// string.
func mapped(plain string, lines []string, col int) string {
	text := shownText(lines, col)
	at := map[cellAt]rune{}
	for _, s := range text {
		at[s.at] = s.r
	}
	pos := alignBlock(plain, text)
	var b strings.Builder
	for i, r := range plain {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case pos[i] == nowhere:
			b.WriteByte('.')
		default:
			b.WriteRune(at[pos[i]])
		}
	}
	return b.String()
}

func TestAlignBlock(t *testing.T) {
	tests := []struct {
		name  string
		plain string
		lines []string
		col   int
		want  string
	}{
		{"one line", "Lenin's testament", []string{"Lenin's testament"}, 0, "Lenin's testament"},
		{"a wrapped paragraph", "the Soviet Thermidor was", []string{"the Soviet", "Thermidor was"}, 0, "the Soviet Thermidor was"},
		{"a heading's hashes", "Chapter 5", []string{"## Chapter 5"}, 3, "Chapter 5"},
		{"a quotation's bars", "set apart from the text", []string{"│ set apart", "│ from the text"}, 2, "set apart from the text"},
		{"a list item", "Another item at length", []string{"• Another item", "at length"}, 2, "Another item at length"},
		{"styled words", "a bold word", []string{"a \x1b[1mbold\x1b[0m word"}, 0, "a bold word"},
		{"wrapped after a hyphen", "counter-revolution won", []string{"counter-", "revolution won"}, 0, "counter-revolution won"},
		{"wrapped after a spaced dash", "left - right", []string{"left -", "right"}, 0, "left - right"},
		{"a word cut by a hard wrap", "a verylongword here", []string{"a verylo", "ngword here"}, 0, "a verylongword here"},
		{"padding glamour adds", "code here", []string{" code  here "}, 0, "code here"},
		{"markup the rendering drops", "an *emphatic* word", []string{"an emphatic word"}, 0, "an .emphatic. word"},
		{"Russian and accents", "Зиновьев and Dühring", []string{"Зиновьев and", "Dühring"}, 0, "Зиновьев and Dühring"},
		{"nothing rendered", "lost", nil, 0, "...."},
	}
	for _, tt := range tests {
		if got := mapped(tt.plain, tt.lines, tt.col); got != tt.want {
			t.Errorf("%s: mapped %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestAlignBlockCells checks where characters land: the columns count
// characters of the line's text, escapes left out.
func TestAlignBlockCells(t *testing.T) {
	lines := []string{"│ the \x1b[3mSoviet\x1b[0m", "│ Thermidor"}
	plain := "the Soviet Thermidor"
	pos := alignBlock(plain, shownText(lines, 2))
	for _, tt := range []struct {
		off  int
		want cellAt
	}{{0, cellAt{0, 2}}, {4, cellAt{0, 6}}, {9, cellAt{0, 11}}, {11, cellAt{1, 2}}, {19, cellAt{1, 10}}} {
		if pos[tt.off] != tt.want {
			t.Errorf("%q at %d: %v, want %v", plain[tt.off:], tt.off, pos[tt.off], tt.want)
		}
	}
}

func TestFindSpans(t *testing.T) {
	lib := fixtureLibrary(t)
	ix := corpus.NewIndex(lib)
	alpha := docNamed(t, lib, "alpha")
	r := NewRenderer(styles.NoTTYStyleConfig, termenv.Ascii, testStyles(false))
	chunks := alpha.Chunks(ChunkSize)
	tests := []struct {
		query string
		width int
		want  []string // the text painted, line by line, in the order the lines come
	}{
		{"dolore", 76, []string{"dolore", "dolore", "dolore", "dolore", "dolore", "dolore"}}, // doloremque, dolores...
		{"eiusmod tempor", 76, []string{"eiusmod", "tempor"}},
		{"eiusmod tempor", 30, []string{"eiusmod tempor"}},
		{"Lorem", 76, []string{"Lorem"}},
		{"lorem", 76, []string{"Lorem", "lorem", "lorem"}}, // dolorem
		{"LOREM", 76, nil},
		{"quotation from", 40, []string{"quotation from"}},
		{"start", 76, []string{"Start"}}, // in a heading
	}
	for _, tt := range tests {
		res := ix.Search(corpus.Query{Text: tt.query, Doc: -1}, nil)
		var got []string
		for i := range chunks {
			rc, err := r.Render(alpha, chunks, i, tt.width)
			if err != nil {
				t.Fatal(err)
			}
			cs := FindSpans(res, alpha, 0, rc, chunks[i])
			for l, line := range rc.Lines {
				text := []rune(stripped(line))
				for _, seg := range cs.lines[l] {
					got = append(got, string(text[seg.from:seg.to]))
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q at %d: painted %q, want %q", tt.query, tt.width, got, tt.want)
		}
	}
}

func stripped(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			i = escapeEnd(line, i)
			continue
		}
		b.WriteByte(line[i])
		i++
	}
	return b.String()
}

// TestHitsAlignInTheLibrary aligns every block of the embedded library,
// rendered in colour, with its plain text: every character a reader can
// see is found on the cell that shows it. Only the markers of quotations
// and list items, which the rendering draws otherwise, are not. Chunks are
// rendered narrow and wide in turn.
func TestHitsAlignInTheLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole library")
	}
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	for w, width := range []int{23, 76} {
		for _, d := range lib.Docs {
			chunks := d.Chunks(ChunkSize)
			for i := w; i < len(chunks); i += 2 {
				rc, err := r.Render(d, chunks, i, width)
				if err != nil {
					t.Fatal(err)
				}
				for _, b := range blockRanges(rc, chunks[i]) {
					if msg := checkAligned(d, rc, b); msg != "" {
						t.Fatalf("%s at %d, block %d: %s", d.ID, width, b.block, msg)
					}
				}
			}
		}
	}
}

func checkAligned(d *corpus.Document, rc *Chunk, b blockRange) string {
	blk := d.Blocks[b.block]
	plain := d.PlainRange(d.PlainOffset(blk.Start), d.PlainOffset(blk.End))
	text := blockText(rc.Lines, b.from, b.to, b.col)
	at := map[cellAt]rune{}
	for _, s := range text {
		at[s.at] = s.r
	}
	pos := alignBlock(plain, text)
	for i := 0; i < len(plain); {
		p, size := utf8.DecodeRuneInString(plain[i:])
		marker := i == 0 && (p == '>' || p == '-')
		if !unicode.IsSpace(p) && !marker && (pos[i] == nowhere || at[pos[i]] != p) {
			return fmt.Sprintf("%q at %d shows as %q: %q", string(p), i, string(at[pos[i]]), plain[max(0, i-20):min(len(plain), i+20)])
		}
		i += size
	}
	return ""
}

func TestMergeSegs(t *testing.T) {
	got := mergeSegs([]seg{{from: 8, to: 10, first: 3, last: 3}, {from: 0, to: 3, first: 1, last: 1}, {from: 2, to: 5, first: 2, last: 2}})
	want := []seg{{from: 0, to: 5, first: 1, last: 2}, {from: 8, to: 10, first: 3, last: 3}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("mergeSegs = %v, want %v", got, want)
	}
}

func TestPaintLine(t *testing.T) {
	look := plainLook()
	grey := "\x1b[38;5;252m"
	head := "\x1b[1;38;5;228;48;5;63m"
	tests := []struct {
		name    string
		line    string
		segs    []seg
		current int
		want    string
	}{
		{"plain text", "the Soviet Thermidor", []seg{{11, 20, 0, 0, Hit}}, -1,
			"the Soviet \x1b[0m\x1b[4mThermidor\x1b[0m"},
		{"the current match", "the Soviet Thermidor", []seg{{11, 20, 4, 4, Hit}}, 4,
			"the Soviet \x1b[0m\x1b[7mThermidor\x1b[0m"},
		{"styles resume after it", grey + "the Soviet Thermidor was\x1b[0m", []seg{{11, 20, 0, 0, Hit}}, -1,
			grey + "the Soviet \x1b[0m\x1b[4mThermidor\x1b[0m" + grey + " was\x1b[0m"},
		{"a change of style inside is held back", grey + "a \x1b[0m\x1b[3;38;5;252mgreat\x1b[0m" + grey + " fall\x1b[0m", []seg{{2, 10, 0, 0, Hit}}, -1,
			grey + "a \x1b[0m\x1b[4mgreat fa\x1b[0m" + grey + "ll\x1b[0m"},
		{"a heading's colours", head + " Chapter 5: The Soviet Thermidor \x1b[0m", []seg{{23, 32, 1, 1, Hit}}, 1,
			head + " Chapter 5: The Soviet \x1b[0m\x1b[7mThermidor\x1b[0m" + "\x1b[1;38;5;228;48;5;63m" + " \x1b[0m"},
		{"two matches", "ab ab", []seg{{0, 2, 0, 0, Hit}, {3, 5, 1, 1, Hit}}, 1,
			"\x1b[0m\x1b[4mab\x1b[0m \x1b[0m\x1b[7mab\x1b[0m"},
		{"overlapping matches, one current", "aaa", []seg{{0, 3, 0, 1, Hit}}, 1,
			"\x1b[0m\x1b[7maaa\x1b[0m"},
		{"wide and accented characters", "在 Dühring 的", []seg{{2, 9, 0, 0, Hit}}, -1,
			"在 \x1b[0m\x1b[4mDühring\x1b[0m 的"},
		{"past the end", "short", []seg{{3, 9, 0, 0, Hit}}, -1,
			"sho\x1b[0m\x1b[4mrt\x1b[0m"},
		{"no segments", grey + "text\x1b[0m", nil, -1, grey + "text\x1b[0m"},
	}
	for _, tt := range tests {
		got := paintLine(tt.line, tt.segs, tt.current, look)
		if got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestPaintLineKeepsStyles paints matches over glamour's coloured
// rendering and checks, cell by cell, that a painted cell has the look of a
// match and every other cell the style it had.
func TestPaintLineKeepsStyles(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	ix := corpus.NewIndex(lib)
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	look := testLook()
	var matchStyle, currentStyle sgr
	matchStyle.apply(strings.TrimSuffix(strings.TrimPrefix(look.sgr[Hit], "\x1b["), "m"))
	currentStyle.apply(strings.TrimSuffix(strings.TrimPrefix(look.sgr[CurrentHit], "\x1b["), "m"))
	chunks := alpha.Chunks(ChunkSize)
	for _, q := range []string{"the", "Chapter", "quotation from somewhere", "item"} {
		res := ix.Search(corpus.Query{Text: q, Doc: -1}, nil)
		painted := 0
		for i := range chunks {
			rc, err := r.Render(alpha, chunks, i, 31)
			if err != nil {
				t.Fatal(err)
			}
			cs := FindSpans(res, alpha, 0, rc, chunks[i])
			for l, line := range rc.Lines {
				segs := cs.lines[l]
				got := cells(paintLine(line, segs, 0, look))
				before := cells(line)
				if len(got) != len(before) {
					t.Fatalf("%q: line %q became %q", q, line, paintLine(line, segs, 0, look))
				}
				for c := range got {
					want, in := before[c].st, false
					for _, s := range segs {
						if c >= s.from && c < s.to {
							in = true
							want = matchStyle
							if s.first <= 0 && 0 <= s.last {
								want = currentStyle
							}
						}
					}
					if in {
						painted++
					}
					if got[c].r != before[c].r || got[c].st != want && !(got[c].r == ' ' && !want.showsOnSpace()) {
						t.Fatalf("%q: cell %d of %q is %v, want %q in %v", q, c, line, got[c], before[c].r, want)
					}
				}
			}
		}
		if painted == 0 {
			t.Errorf("%q: nothing painted", q)
		}
	}
}

// FuzzPaint aligns any plain text with any rendered lines and paints any
// runs over a line: nothing panics, every position is in the lines, and
// painting a line whose escapes are whole changes no character, only how
// they look.
func FuzzPaint(f *testing.F) {
	f.Add("the Soviet Thermidor", "│ the \x1b[3mSoviet\x1b[0m\n│ Thermidor", 2, 4, 9)
	f.Add("counter-revolution", "counter-\nrevolution", 0, 0, 30)
	f.Add("", "\x1b[38;5;252m\x1b[0m", 5, -3, 2)
	f.Add("a\xffb", "\x1b]8;;x\x07a\x1b[\xffb", 1, 1, 1)
	f.Fuzz(func(t *testing.T, plain, rendered string, col, from, to int) {
		lines := strings.Split(rendered, "\n")
		text := blockText(lines, 0, len(lines), col)
		pos := alignBlock(plain, text)
		if len(pos) != len(plain) {
			t.Fatalf("%d positions for %d bytes", len(pos), len(plain))
		}
		for _, p := range pos {
			if p != nowhere && (p.line < 0 || int(p.line) >= len(lines) || p.col < 0) {
				t.Fatalf("position %v outside %d lines", p, len(lines))
			}
		}
		segs := []seg{{from: from, to: to, first: 0, last: 0}}
		for _, line := range lines {
			painted := paintLine(line, segs, 0, plainLook())
			if wholeEscapes(line) && stripped(painted) != stripped(line) {
				t.Fatalf("painting %q changed its text: %q", line, painted)
			}
		}
	})
}

// wholeEscapes says whether every escape sequence of line ends as it
// should: a CSI in its final byte, a string in its terminator.
func wholeEscapes(line string) bool {
	for i := 0; i < len(line); i++ {
		if line[i] != 0x1b {
			continue
		}
		e := escapeEnd(line, i)
		seq := line[i:e]
		switch {
		case len(seq) < 2:
			return false
		case seq[1] == '[':
			if c := seq[len(seq)-1]; len(seq) < 3 || c < 0x40 || c > 0x7e {
				return false
			}
		case strings.IndexByte("]P_^", seq[1]) >= 0:
			if !strings.HasSuffix(seq, "\x07") && !strings.HasSuffix(seq, "\x1b\\") {
				return false
			}
		}
		i = e - 1
	}
	return true
}

// plainLook paints a match underlined and the current one reversed, as
// without colour.
func plainLook() Look {
	return NewLook(lipgloss.NewStyle(), lipgloss.NewStyle())
}
