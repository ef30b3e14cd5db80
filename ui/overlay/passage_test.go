package overlay

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"samizdat/corpus"
	"samizdat/notes"
)

// passageOf is a note's box over the first words of the chapter of
// annotatedWork to the end of the next paragraph, with comment.
func passageOf(t *testing.T, comment string, width, height int) Passage {
	t.Helper()
	c, _ := annotated(t)
	d := c.Lib.Docs[0]
	plain := d.Plain()
	start := strings.Index(plain, "Chapter 5")
	end := strings.Index(plain, "hold water.") + len("hold water.")
	n := notes.Note{ID: "x", Doc: d.ID, Start: start, End: end, Text: plain[start:end], Comment: comment,
		Created: time.Now(), Modified: time.Now(), Rev: 1}
	p := NewPassage(c, testStyles())
	p.SetSize(width, height)
	p.Open(notes.Resolve(c.Lib, []notes.Note{n}))
	return p
}

// The passage's paragraphs stay apart, wrapped, and a long one ends in
// "…"; the note under it is all there to read, scrolled if it is long.
func TestPassageParagraphsAndALongNote(t *testing.T) {
	var note []string
	for i := range 30 {
		note = append(note, "Line "+string(rune('A'+i%26))+" of a long note.")
	}
	p := passageOf(t, strings.Join(note, "\n"), 80, 24)
	v := ansi.Strip(p.View())
	if strings.Contains(v, "Thermidor The historians") {
		t.Errorf("the heading and the paragraph run together:\n%s", v)
	}
	if !strings.Contains(v, "│ Chapter 5: The Soviet Thermidor\n") && !strings.Contains(v, "│ Chapter 5: The Soviet Thermidor ") {
		t.Errorf("the heading is not a line of its own:\n%s", v)
	}
	if !strings.Contains(v, "…") {
		t.Errorf("a long passage is not cut with …:\n%s", v)
	}
	// Every line of the note can be scrolled to.
	seen := map[string]bool{}
	for range 60 {
		for _, line := range strings.Split(ansi.Strip(p.View()), "\n") {
			seen[strings.Trim(line, "│ ")] = true
		}
		p, _, _ = p.Update(tea.KeyMsg{Type: tea.KeyDown})
	}
	for _, line := range note {
		if !seen[line] {
			t.Errorf("the note's line %q is never shown", line)
		}
	}
}

func TestQuoted(t *testing.T) {
	text := "A heading\n\nThe first paragraph, long enough to wrap over two lines here.\n\nA third."
	got := quoted(text, 40, 4)
	want := []string{"A heading", "", "The first paragraph, long enough to wrap", "over two lines here.…"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quoted = %q, want %q", got, want)
	}
	if got := quoted("Short.", 40, 4); len(got) != 1 || got[0] != "Short." {
		t.Errorf("a short passage = %q", got)
	}
	if got := quoted(corpus.SanitizeLine("One\x1b[31m red"), 40, 4); strings.Contains(got[0], "\x1b") {
		t.Errorf("an escape sequence is shown: %q", got)
	}
}

func TestPassageView(t *testing.T) {
	p := passageOf(t, "Zigzags, not a line:\nsee chapter 2.\n\nA second paragraph of the note.", 60, 20)
	golden.RequireEqual(t, []byte(p.View()))
}
