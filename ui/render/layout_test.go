package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"samizdat/corpus"
)

// wrapWidths are the measures the wrapping is checked at.
var wrapWidths = []int{40, 57, 72, 80, 100, 120, 200}

// checkGreedy lists how a rendered chunk breaks the rules of the measure:
// a line wider than width; within a block other than a heading or a table,
// a line of bare punctuation, or a line whose first word would have fitted
// at the end of the line above. Punctuation standing alone after a word (a
// spaced dash) goes with it, so a word is taken with it.
func checkGreedy(d *corpus.Document, chunks []corpus.Chunk, i int, rc *Chunk, width int) []string {
	var bad []string
	for n, l := range rc.Lines {
		if w := ansi.StringWidth(l); w > width {
			bad = append(bad, fmt.Sprintf("line %d is %d wide: %q", n, w, ansi.Strip(l)))
		}
	}
	c := chunks[i]
	for b := range rc.BlockLines {
		text := d.Body[d.Blocks[c.First+b].Start:d.Blocks[c.First+b].End]
		if strings.HasPrefix(text, "#") || strings.HasPrefix(text, "|") || strings.TrimSpace(text) == "" {
			continue
		}
		from, to := rc.BlockLines[b], len(rc.Lines)
		if b+1 < len(rc.BlockLines) {
			to = rc.BlockLines[b+1]
		}
		col := rc.BlockCols[b]
		prev := ""
		for n := from; n < to && n < len(rc.Lines); n++ {
			line := strings.TrimRight(ansi.Strip(rc.Lines[n]), " ")
			words := strings.Fields(string([]rune(line)[min(col, len([]rune(line))):]))
			if len(words) == 0 {
				prev = ""
				continue
			}
			if isBare(strings.Join(words, "")) && !isBare(text) {
				bad = append(bad, fmt.Sprintf("line %d is bare punctuation: %q", n, line))
			}
			first := words[0]
			for _, w := range words[1:] {
				if !isBare(w) {
					break
				}
				first += " " + w
			}
			if prev != "" && ansi.StringWidth(prev)+1+ansi.StringWidth(first) <= width {
				bad = append(bad, fmt.Sprintf("line %d: %q would have fitted after %q", n, first, prev))
			}
			prev = line
		}
	}
	return bad
}

// isBare says whether s holds no letter or digit.
func isBare(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// checkPlaces lists the blocks and pages of a rendered chunk that are not
// on the line the chunk says, and the lines that begin with a hash.
func checkPlaces(d *corpus.Document, chunks []corpus.Chunk, i int, rc *Chunk) []string {
	var bad []string
	c := chunks[i]
	for b, line := range rc.BlockLines {
		blk := d.Blocks[c.First+b]
		text := blk.Start + textOffset(d.Body[blk.Start:blk.End])
		words := strings.Fields(d.PlainRange(d.PlainOffset(text), d.PlainOffset(blk.End)))
		if len(words) > 0 && !strings.Contains(ansi.Strip(rc.Lines[line]), first(words[0])) {
			bad = append(bad, fmt.Sprintf("block %d starts on %q, want its first word %q", b, ansi.Strip(rc.Lines[line]), words[0]))
		}
	}
	for p, line := range rc.PageLines {
		page := d.Pages[rc.FirstPage+p]
		at := d.PlainOffset(page.Offset)
		if words := strings.Fields(d.PlainRange(at, min(at+200, d.PlainOffset(len(d.Body))))); len(words) > 0 && !strings.Contains(ansi.Strip(rc.Lines[line]), first(words[0])) {
			bad = append(bad, fmt.Sprintf("page %s on %q, want the word %q", page.Label, ansi.Strip(rc.Lines[line]), words[0]))
		}
	}
	for n, l := range rc.Lines {
		if strings.HasPrefix(strings.TrimSpace(ansi.Strip(l)), "#") {
			bad = append(bad, fmt.Sprintf("line %d begins with a hash: %q", n, ansi.Strip(l)))
		}
	}
	return bad
}

// first is the start of a word that a line may end before the rest of:
// the whole word, or what a cut word keeps on its line.
func first(w string) string {
	r := []rune(w)
	return string(r[:min(len(r), 20)])
}

// Every paragraph, list item, quotation and note of every work is wrapped
// greedily at the measure, at every width; every heading and printed page
// is on the line the pane takes it to; no line begins with a hash.
func TestWrapIsGreedy(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out every chunk of the library at seven widths")
	}
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := NewRenderer(GlamourStyle(true, true), termenv.ANSI256, testStyles(true))
	for _, d := range lib.Docs {
		chunks := d.Chunks(ChunkSize)
		for _, width := range wrapWidths {
			failures := 0
			for i := range chunks {
				rc, err := r.Render(d, chunks, i, width)
				if err != nil {
					t.Fatal(err)
				}
				for _, b := range append(checkGreedy(d, chunks, i, rc, width), checkPlaces(d, chunks, i, rc)...) {
					if failures++; failures <= 3 {
						t.Errorf("%s chunk %d at %d: %s", d.ID, i, width, b)
					}
				}
			}
			if failures > 3 {
				t.Errorf("%s at %d: %d in all", d.ID, width, failures)
			}
		}
	}
}

func TestWrapGlyphs(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  []string
	}{
		{"one two three four", 9, []string{"one two", "three", "four"}},
		{"one two three four", 13, []string{"one two three", "four"}},
		{"  leading and trailing  ", 40, []string{"leading and trailing"}},
		{"a abcdefghij b", 4, []string{"a", "abcd", "efgh", "ij b"}},
		{"the word – and the next", 10, []string{"the word –", "and the", "next"}},
		{"we shall learn. . . .", 16, []string{"we shall", "learn. . . ."}},
		{"five-year plan", 10, []string{"five-year", "plan"}},
		{"Saint-Simon and Fourier, Marxism", 24, []string{"Saint-Simon and Fourier,", "Marxism"}},
		{"", 10, []string{""}},
	}
	for _, tt := range tests {
		got := WrapText(tt.in, tt.width)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("wrap %q at %d: %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

// A style that runs over a break is closed at the end of the line and
// opened again on the next, and markers are where their words went.
func TestWrapKeepsStylesAndMarkers(t *testing.T) {
	next, st := 0, newStyleTable()
	gs := parseLine("plain \x1b[1mbold words\u200b here\x1b[0m after", &next, st)
	var lines []string
	cols := map[int][2]int{}
	for n, line := range wrapGlyphs(gs, 11) {
		lines = append(lines, emit(st, func(m, col int) { cols[m] = [2]int{n, col} }, line))
	}
	want := []string{"plain \x1b[1mbold\x1b[0m", "\x1b[1mwords here\x1b[0m", "after"}
	if fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("lines %q, want %q", lines, want)
	}
	if cols[0] != [2]int{1, 5} {
		t.Errorf("the marker is at %v, want line 1, column 5", cols[0])
	}
}

// A reader's own file: a paragraph wrapped by hand in it, in a quotation
// and a list too, is filled anew at the measure, its hard breaks kept; a
// table keeps within the measure.
func TestOwnFilesWrapAnew(t *testing.T) {
	md := "# A heading\n\nA paragraph that its writer wrapped by hand at a narrow\nmeasure, so that\nevery line is short and ends\nwhere the next word would fit.\n\n" +
		"> A quotation wrapped by hand\n> over three lines of\n> its file.\n\n" +
		"- A list item wrapped\n  by hand as well,\n  over three lines.\n\n" +
		"A line with a hard break  \nafter it.\n\n" +
		"| a column | another column with more words in it |\n|---|---|\n| one | two three four five six seven eight nine ten eleven twelve |\n"
	d := corpus.Parse("own.md", []byte(md))
	r := NewRenderer(GlamourStyle(true, false), termenv.Ascii, testStyles(false))
	chunks := d.Chunks(1) // a chunk a block: the table's alone
	for _, width := range []int{30, 44} {
		var all []string
		for i := range chunks {
			rc, err := r.Render(d, chunks, i, width)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range checkGreedy(d, chunks, i, rc, width) {
				if !strings.Contains(b, `"after"`) { // after the hard break
					t.Errorf("at %d chunk %d: %s", width, i, b)
				}
			}
			all = append(all, rc.Lines...)
		}
		text := strings.Join(all, "\n")
		for _, want := range []string{"A paragraph that its writer", "hard break\nafter it.", "\n  │ A quotation", "eleven"} {
			if !strings.Contains(text, want) {
				t.Errorf("at %d: no %q in\n%s", width, want, text)
			}
		}
		if strings.Count(text, "\n  │ ") < 2 || !regexp.MustCompile(`\n• A list item[^\n]*\n  [a-z]`).MatchString(text) {
			t.Errorf("at %d: the quotation's bar or the list item's indent is not on every line:\n%s", width, text)
		}
	}
}
