package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// Print lays a document out as the pane does: the title page and the whole
// text for the document, a section alone from its heading, every line
// within the measure.
func TestPrint(t *testing.T) {
	lib := fixtureLibrary(t)
	alpha := docNamed(t, lib, "alpha")
	ch2 := alpha.Outline[2] // Chapter 2: The Middle
	end := alpha.SectionEnd(2)
	tests := []struct {
		name       string
		start, end int
		want, not  []string
	}{
		{"whole", 0, len(alpha.Body), []string{"The Alpha Book", "translated by Tom Turner", "A short preface", "Part One: Origins", "Chapter 3: The End"}, nil},
		{"section", ch2.Offset, end, []string{"Chapter 2: The Middle", "Lorem ipsum", "A Subsection"}, []string{"The Alpha Book", "A short preface", "Part Two"}},
	}
	for _, tt := range tests {
		var b strings.Builder
		if _, err := Print(&b, alpha, tt.start, tt.end, 44, testStyles(false), GlamourStyle(true, false), termenv.Ascii); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, s := range tt.want {
			if !strings.Contains(out, s) {
				t.Errorf("%s: no %q in\n%s", tt.name, s, out)
			}
		}
		for _, s := range tt.not {
			if strings.Contains(out, s) {
				t.Errorf("%s: %q in\n%s", tt.name, s, out)
			}
		}
		if tt.name == "section" && !strings.HasPrefix(strings.TrimSpace(ansi.Strip(out)), "Chapter 2: The Middle") {
			t.Errorf("the section does not begin with its heading:\n%s", out)
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > 44 || strings.HasPrefix(strings.TrimSpace(l), "#") {
				t.Errorf("%s: line %q", tt.name, l)
			}
		}
	}
}
