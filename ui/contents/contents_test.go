package contents

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
	"samizdat/ui/internal/uitest"
)

func newContents(t *testing.T, width, height int) (Model, *corpus.Library) {
	t.Helper()
	lib := uitest.Library(t)
	c := common.New(common.Common{Lib: lib, Keys: keymap.Default(), MaxWidth: 80, Now: time.Now,
		After: func(time.Duration, tea.Msg) tea.Cmd { return nil }})
	toc := New(c, Styles{})
	toc.SetSize(width, height)
	return toc, lib
}

// heading is the index of the heading of d with this title.
func heading(t *testing.T, d *corpus.Document, title string) int {
	t.Helper()
	for i, h := range d.Outline {
		if h.Title == title {
			return i
		}
	}
	t.Fatalf("%s has no heading %q", d.ID, title)
	return -1
}

// shown is the titles the contents show, one a line.
func shown(toc Model) string { return ansi.Strip(toc.View()) }

// TestFollowOpensTheBranchBeingRead: reading opens the document, part and
// chapter being read; moving on closes them again, unless the reader
// opened them by hand.
func TestFollowOpensTheBranchBeingRead(t *testing.T) {
	toc, lib := newContents(t, 40, 30)
	alpha, beta, gamma := uitest.Doc(t, lib, "alpha"), uitest.Doc(t, lib, "beta"), uitest.Doc(t, lib, "gamma")

	toc.Follow(alpha, heading(t, alpha, "Chapter 2: The Middle"))
	for _, want := range []string{"Part One: Origins", "Chapter 1: The Start", "Chapter 2: The Middle", "A Subsection", "Part Two: Ends"} {
		if !strings.Contains(shown(toc), want) {
			t.Errorf("reading chapter 2 of alpha: %q is not shown\n%s", want, shown(toc))
		}
	}
	if strings.Contains(shown(toc), "Chapter 3: The End") {
		t.Errorf("reading part one: part two is open\n%s", shown(toc))
	}

	toc.Follow(alpha, heading(t, alpha, "Chapter 3: The End"))
	if s := shown(toc); strings.Contains(s, "Chapter 1: The Start") || !strings.Contains(s, "Chapter 3: The End") {
		t.Errorf("reading part two: part one is still open, or part two is not\n%s", s)
	}

	// Beta, opened by the reading, closes once the reading leaves it.
	toc.Follow(beta, heading(t, beta, "Second Essay"))
	if s := shown(toc); strings.Contains(s, "Chapter 3: The End") || !strings.Contains(s, "Second Essay") {
		t.Errorf("reading beta: alpha is still open, or beta is not\n%s", s)
	}
	toc.Follow(gamma, -1)
	if s := shown(toc); strings.Contains(s, "Second Essay") || strings.Contains(s, "Chapter 3: The End") {
		t.Errorf("reading gamma: a branch is still open\n%s", s)
	}

	// Alpha opened by hand stays open, after the reading leaves it too.
	toc.Focus()
	toc.cursor = toc.indexOf(toc.docItem[alpha])
	toc.expand()
	toc.Blur()
	toc.Follow(beta, 0)
	toc.Follow(gamma, -1)
	if s := shown(toc); !strings.Contains(s, "Part One: Origins") || strings.Contains(s, "Second Essay") {
		t.Errorf("alpha, opened by hand, was closed, or beta was not\n%s", s)
	}
	// Closed by hand, it is the reading's again.
	toc.Focus()
	toc.cursor = toc.indexOf(toc.docItem[alpha])
	toc.collapse()
	toc.Blur()
	toc.Follow(alpha, 0)
	toc.Follow(gamma, -1)
	if s := shown(toc); strings.Contains(s, "Part One: Origins") {
		t.Errorf("alpha, closed by hand and opened by reading it, stays open after\n%s", s)
	}
}

// TestFollowKeepsContextAbove: the entry being read is kept in view with
// rows of the list above and below it, not at the screen's edge.
func TestFollowKeepsContextAbove(t *testing.T) {
	const height = 8
	toc, lib := newContents(t, 40, height)
	want := min(followContext, height/4)
	for _, d := range lib.Docs {
		for i := range d.Outline {
			toc.Follow(d, i)
			top := toc.rowTop[toc.cursor]
			above, below := top-toc.offset, toc.offset+height-(top+toc.rowHeight(toc.visible[toc.cursor]))
			if above < 0 || below < 0 {
				t.Fatalf("%s heading %d: off screen (%d above, %d below)", d.ID, i, above, below)
			}
			if above < want && toc.offset > 0 || below < want && toc.offset < toc.rows-height {
				t.Errorf("%s heading %d: %d rows above it and %d below, want %d", d.ID, i, above, below, want)
			}
		}
	}
}

// TestNeedCountsTheLongestTitle: the width the contents need is that of
// the longest entry, drawn whole on one line; narrower, a long title
// wraps onto the lines below, whole, up to three.
func TestNeedCountsTheLongestTitle(t *testing.T) {
	toc, _ := newContents(t, 200, 60)
	for i := range toc.open {
		toc.open[i] = true
	}
	toc.refresh()
	need := toc.Need()
	toc.SetSize(need, 100)
	if s := shown(toc); strings.Contains(s, "…") {
		t.Fatalf("at the width needed, %d, a title is cut:\n%s", need, s)
	}
	oneLine := toc.rows
	toc.SetSize(need-1, 100)
	if s := shown(toc); toc.rows != oneLine+1 || strings.Contains(s, "…") {
		t.Errorf("a column narrower than %d: %d rows, want %d, the longest title wrapped whole\n%s", need, toc.rows, oneLine+1, s)
	}
}

// TestLongTitlesWrap: a title too long for the column goes on under
// itself, between words, up to three lines, and only past them is it cut.
func TestLongTitlesWrap(t *testing.T) {
	for _, tt := range []struct {
		title string
		width int
		want  []string
	}{
		{"Chapter 1: The Start", 20, []string{"Chapter 1: The Start"}},
		{"Chapter 1: The Start", 12, []string{"Chapter 1:", "The Start"}},
		{"Letter to L.B. Kamenev for the Members of the Political Bureau", 20, []string{"Letter to L.B.", "Kamenev for the", "Members of the Poli…"}},
	} {
		got := wrapTitle(tt.title, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q at %d: %q, want %q", tt.title, tt.width, got, tt.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tt.width {
				t.Errorf("%q at %d: %q is wider", tt.title, tt.width, l)
			}
		}
	}
}

// titleWidth counts the columns lipgloss does, whatever the script.
func TestTitleWidth(t *testing.T) {
	for _, title := range []string{
		"Chapter 1: The Start",
		"“Military Communism”, the “New Economic Policy” — and…",
		"Lenin’s Testament",
		"Café résumé",
		"e\u0301 combining",
		"日本語の題",
		"zero\u200bwidth",
		"Эпоха Сталина",
		"",
	} {
		if got, want := titleWidth(title), lipgloss.Width(title); got != want {
			t.Errorf("%q: %d columns, lipgloss says %d", title, got, want)
		}
	}
}
