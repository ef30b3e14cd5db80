package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/corpus/corpustest"
)

func TestCompactLineLetsOnlyStylesThrough(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"style", "\x1b[1;38;5;63mbold\x1b[0m", "\x1b[1;38;5;63mbold\x1b[0m"},
		{"window title", "a\x1b]0;pwned\x07b", "ab"},
		{"title ended by ST", "a\x1b]2;pwned\x1b\\b", "ab"},
		{"clipboard", "a\x1b]52;c;SGFja2Vk\x07b", "ab"},
		{"hyperlink", "\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"DCS", "a\x1bP+q544e\x1b\\b", "ab"},
		{"APC", "a\x1b_apc\x1b\\b", "ab"},
		{"PM and SOS", "a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", "abc"},
		{"unterminated string", "a\x1b]0;to the end", "a"},
		{"clear screen", "a\x1b[2J\x1b[Hb", "ab"},
		{"private mode", "a\x1b[?1049hb", "ab"},
		{"not quite a style", "a\x1b[?31mb\x1b[ 4mc", "abc"},
		{"reset", "a\x1bcb", "ab"},
		{"lone ESC", "a\x1b", "a"},
		{"ESC before a letter of another script", "a\x1bжb", "aжb"},
		{"C0 controls", "a\x07b\x08c\rd", "a␇b␈c␍d"},
		{"DEL", "a\x7fb", "a␡b"},
		{"C1 CSI", "a\u009b2Jb", "a\ufffd2Jb"},
		{"C1 OSC", "a\u009d0;t\u009cb", "a\ufffd0;t\ufffdb"},
		{"reordering", "abc\u202edef\u2066", "abc\ufffddef\ufffd"},
		{"invalid UTF-8", "a\x9b2Jb", "a\ufffd2Jb"},
		{"tabs", "a\tb\tc", "a       b       c"},
		{"tab in a style that shows spaces", "\x1b[48;5;1ma\tb", "\x1b[48;5;1ma       b\x1b[0m"},
	}
	for _, tt := range tests {
		got, _ := compactLine(tt.in)
		if got != tt.want {
			t.Errorf("%s: compactLine(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if u := corpustest.Unsafe(got); u != "" {
			t.Errorf("%s: %s reaches the terminal", tt.name, u)
		}
	}
}

// FuzzRenderSafe renders any document as the reading pane does, its
// chunks at any width, and requires that nothing but text and styles
// reaches the terminal.
func FuzzRenderSafe(f *testing.F) {
	for _, doc := range corpustest.HostileMarkdown() {
		f.Add(doc, uint8(40))
	}
	f.Add(corpustest.References, uint8(80))
	for name, data := range corpustest.BombFiles() {
		if name == "quotes.md" || name == "list-line.md" {
			f.Add(string(data[:min(len(data), 4<<10)]), uint8(30))
		}
	}
	r := NewRenderer(styles.DarkStyleConfig, termenv.ANSI256, testStyles(true))
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		width := 8 + int(w)%120
		doc := corpus.Parse("f.md", []byte(text))
		chunks := doc.Chunks(ChunkSize)
		for i := range min(len(chunks), 4) {
			rc, err := r.Render(doc, chunks, i, width)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range rc.Lines {
				if u := corpustest.Unsafe(line); u != "" {
					t.Fatalf("width %d, chunk %d: %s reaches the terminal", width, i, u)
				}
			}
		}
	})
}

// FuzzPrintSafe prints any document as `read` does on a terminal, and
// requires that nothing but text and styles reaches it.
func FuzzPrintSafe(f *testing.F) {
	f.Add(corpustest.References, uint8(80))
	for _, doc := range corpustest.HostileMarkdown()[:4] {
		f.Add(doc, uint8(40))
	}
	// Past the budget: the rest is plain, its tabs expanded too.
	f.Add("x\ty\n\n"+strings.Repeat("[", 20_000)+"\n\na\tb\n", uint8(60))
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		doc := corpus.Parse("f.md", []byte(text))
		var out strings.Builder
		if _, err := Print(&out, doc, 0, len(doc.Body), 10+int(w)%110, testStyles(true), styles.DarkStyleConfig, termenv.ANSI256); err != nil {
			t.Fatal(err)
		}
		if u := corpustest.Unsafe(out.String()); u != "" {
			t.Fatalf("%s reaches the terminal", u)
		}
	})
}
