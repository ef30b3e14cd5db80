package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"
)

// Words underlined keep every other attribute and colour of the text,
// and nothing else is changed; the words placed are those asked for.
func TestUnderlineWords(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	plain := alpha.Plain()
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	chunks := alpha.Chunks(ChunkSize)
	for _, word := range []string{"Lorem", "eiusmod tempor", "Start", "quotation"} {
		var words []Words
		for i := 0; ; {
			j := strings.Index(plain[i:], word)
			if j < 0 {
				break
			}
			words = append(words, Words{Start: i + j, End: i + j + len(word)})
			i += j + len(word)
		}
		if len(words) == 0 {
			t.Fatalf("alpha never says %q", word)
		}
		var placed []string
		for i := range chunks {
			rc, err := r.Render(alpha, chunks, i, 31)
			if err != nil {
				t.Fatal(err)
			}
			ws := FindWords(words, alpha, rc, chunks[i])
			for l, line := range rc.Lines {
				got, before := cells(ws.Underline(line, l)), cells(line)
				if len(got) != len(before) {
					t.Fatalf("%q: line %q became %q", word, line, ws.Underline(line, l))
				}
				text := []rune(stripped(line))
				for _, s := range ws.lines[l] {
					placed = append(placed, string(text[s.from:s.to]))
				}
				for c := range got {
					want, in := before[c].st, false
					for _, s := range ws.lines[l] {
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
		if joined := strings.Join(placed, " "); strings.Join(strings.Fields(joined), " ") != strings.Join(strings.Fields(strings.Repeat(word+" ", len(words))), " ") {
			t.Errorf("%q: placed %q, want it %d times", word, placed, len(words))
		}
	}
}

// A range of no chunk's text places nothing.
func TestFindWordsElsewhere(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	r := NewRenderer(styles.NoTTYStyleConfig, termenv.Ascii, testStyles(false))
	chunks := alpha.Chunks(ChunkSize)
	rc, err := r.Render(alpha, chunks, 0, 40)
	if err != nil {
		t.Fatal(err)
	}
	end := alpha.PlainLen()
	for _, ws := range [][]Words{nil, {{Start: end + 10, End: end + 20}}} {
		if got := FindWords(ws, alpha, rc, chunks[0]); !got.Empty() {
			t.Errorf("%v placed on the first chunk", ws)
		}
	}
}
