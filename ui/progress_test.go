package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// shownProgress is the percent the contents show beside the title of the
// work being read; 0 where they show none.
func shownProgress(t *testing.T, h *harness) int {
	t.Helper()
	title := h.m.reader.Doc().Title
	for _, line := range strings.Split(h.view(), "\n") {
		if !strings.Contains(line, title[:min(len(title), 12)]) {
			continue
		}
		if m := regexp.MustCompile(`(\d+)%`).FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			return n
		}
		return 0
	}
	t.Fatalf("the contents do not show %q:\n%s", title, h.view())
	return 0
}

func TestJumpsAreNotReading(t *testing.T) {
	h := newHarness(t, testDeps(t), 120, 20)
	doc := h.m.reader.Doc()
	h.press("G")
	if p := h.m.mem.Progress(doc); p >= 5 || shownProgress(t, h) >= 5 {
		t.Errorf("after G: %d%% read, the contents show %d%%", p, shownProgress(t, h))
	}
	if h.m.reader.Screen().Percent != 100 {
		t.Errorf("the status bar's figure after G is %d%%", h.m.reader.Screen().Percent)
	}
	h.press("g", "g", "4", "space") // four pages at once: a skip, not reading
	if p := h.m.mem.Progress(doc); p != 0 {
		t.Errorf("after 4 space from the top: %d%% read", p)
	}
	h.press("g", "g")
	last := 0
	for i := range 10 {
		h.press("space")
		p := h.m.mem.Progress(doc)
		if p <= last && p < 100 {
			t.Fatalf("page %d read to %d%%, no further than %d%%", i+1, p, last)
		}
		last = p
	}
	if shown := shownProgress(t, h); shown != last || last < 5 {
		t.Errorf("ten pages read to %d%%, the contents show %d%%", last, shown)
	}
	h.press("]", "G", "g", "g")
	if p := h.m.mem.Progress(doc); p != last {
		t.Errorf("jumps changed how far it was read: %d%%, was %d%%", p, last)
	}
}

// TestDwellReads waits on a screen with the timers held back: the screen
// counts as read once its wait is over, unless the reader moved meanwhile;
// away from what was read, only once three screens were read from it.
func TestDwellReads(t *testing.T) {
	d := testDeps(t)
	var waits []dwellMsg
	d.After = func(dur time.Duration, msg tea.Msg) tea.Cmd {
		if w, ok := msg.(dwellMsg); ok && dur == dwellTime {
			waits = append(waits, w)
		}
		return nil
	}
	h := newHarness(t, d, 120, 20)
	doc := h.m.reader.Doc()
	h.send(waits[len(waits)-1]) // the first screen, dwelt on
	if p, want := h.m.mem.Progress(doc), h.m.reader.Screen().Bottom*100/len(doc.Body); p != want || p == 0 {
		t.Fatalf("the first screen dwelt on read to %d%%, want %d%%", p, want)
	}

	// Screens of a few lines, for pages of a small work.
	h = newHarness(t, d, 120, 10)
	percent := func() int { return h.m.reader.Screen().Bottom * 100 / len(doc.Body) }
	h.press("j")
	first := percent()
	h.press("2", "5", "%")
	jumped := waits[len(waits)-1]
	h.press("j")
	h.send(jumped) // the wait begun before j: the screen changed since
	if p := h.m.mem.Progress(doc); p != first {
		t.Errorf("a wait begun before a move read to %d%%, want %d%%", p, first)
	}
	h.send(waits[len(waits)-1])
	if p := h.m.mem.Progress(doc); p != first {
		t.Errorf("a screen dwelt on away from what was read read to %d%%, want %d%%", p, first)
	}
	h.press("space")
	if p := h.m.mem.Progress(doc); p != first {
		t.Errorf("a page on from it read to %d%%, want %d%%", p, first)
	}
	h.press("space") // three screens from where the stretch began
	if p, want := h.m.mem.Progress(doc), percent(); p != want || p <= first {
		t.Errorf("two pages on from it read to %d%%, want %d%%", p, want)
	}
}

// TestDwellNotUnderSearch: a search's preview is no reading, however long
// it shows.
func TestDwellNotUnderSearch(t *testing.T) {
	d := testDeps(t)
	var waits []dwellMsg
	d.After = func(dur time.Duration, msg tea.Msg) tea.Cmd {
		if w, ok := msg.(dwellMsg); ok {
			waits = append(waits, w)
		}
		return nil
	}
	h := newHarness(t, d, 120, 20)
	h.press("/")
	for _, r := range "the" {
		h.press(string(r))
	}
	h.send(waits[len(waits)-1])
	for _, doc := range h.m.c.Lib.Docs {
		if p := h.m.mem.Progress(doc); p != 0 {
			t.Errorf("%s read to %d%% under a search", doc.ID, p)
		}
	}
}
