package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/ui/render"
)

// typeText types each character of text as a key of its own.
func (h *harness) typeText(text string) {
	h.t.Helper()
	for _, r := range text {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// hitText is the plain text of hit i of res.
func hitText(lib *corpus.Library, res *corpus.Results, i int) string {
	h := res.Hit(i)
	return lib.Docs[h.Doc].PlainRange(h.Start, h.End)
}

// typeHeld types a key and runs the command it starts, without sending
// what comes of it: a search's hits, to send later.
func (h *harness) typeHeld(k string) []tea.Msg {
	h.t.Helper()
	next, cmd := h.m.Update(keyMsg(k))
	h.m = next.(Model)
	return collect(cmd)
}

// styleStart is the escape sequence a style writes before the text it
// styles.
func styleStart(st lipgloss.Style) string {
	out := st.Render("x")
	return out[:strings.IndexByte(out, 'x')]
}

// painted is the search the reading pane paints; nil for none.
func painted(h *harness) *corpus.Results {
	res, _ := h.m.reader.Search()
	return res
}

// currentHit is the hit the reading pane shows standing out; -1 for none.
func currentHit(h *harness) int {
	_, i := h.m.reader.Search()
	return i
}

// collect runs cmd and the commands batched with it, and returns their
// messages.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// TestSearchMessagesOfOldQueriesAreDropped: the hits of a query typed
// over, and of one typed before the bar closed, are dropped. (The bar's
// own test drops the hits of a query not yet sent, and the reading pane's
// where the hits of another search, or at another width, show in a chunk.)
func TestSearchMessagesOfOldQueriesAreDropped(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("dolo")
	earlier := h.typeHeld("r") // the hits of dolor, come late
	h.typeText("e")
	res := h.m.search.Results()
	if res == nil || res.Total() == 0 || res.Query.Text != "dolore" {
		t.Fatalf("no hits for dolore: %+v", res)
	}
	t.Run("hits of an earlier query", func(t *testing.T) {
		if len(earlier) == 0 {
			t.Fatal("nothing to send")
		}
		before := h.view()
		for _, msg := range earlier {
			h.send(msg)
		}
		if h.m.search.Results() != res || painted(h) != res {
			t.Errorf("the bar shows %v, the text %v; want the hits of dolore", h.m.search.Results().Query, painted(h).Query)
		}
		if h.view() != before {
			t.Errorf("the screen changed:\n%s", h.view())
		}
	})
	t.Run("hits of the query typed", func(t *testing.T) {
		typed := h.typeHeld("backspace") // dolor again
		for _, msg := range typed {
			h.send(msg)
		}
		now := h.m.search.Results()
		if now == res || now.Query.Text != "dolor" || painted(h) != now {
			t.Error("the hits of the current query were dropped")
		}
	})
	t.Run("hits that come after the bar closed", func(t *testing.T) {
		late := h.typeHeld("s") // dolors
		h.press("esc")
		for _, msg := range late {
			h.send(msg)
		}
		if h.m.overlay != noOverlay || painted(h) != nil {
			t.Errorf("overlay %v, painting %v", h.m.overlay, painted(h))
		}
	})
}

// TestTypingNeverWaits sends keys without running the searches they start,
// then runs the searches in the order they were sent: each key gave up the
// search before it, only the last is shown, and Enter given before it
// waits for it.
func TestTypingNeverWaits(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	var searches []tea.Cmd
	for _, r := range "dolor" {
		next, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		h.m = next.(Model)
		searches = append(searches, cmd)
	}
	next, cmd := h.m.Update(keyMsg("enter"))
	h.m = next.(Model)
	h.run(cmd)
	if h.m.overlay != searchOverlay || !h.m.search.Accepting() {
		t.Fatalf("Enter did not wait for the hits: overlay %v", h.m.overlay)
	}
	// The hits of the earlier queries, had they come, are dropped: the
	// bar's own test sends them.
	for i, c := range searches {
		msg := c()
		if i < len(searches)-1 {
			if msg != nil {
				t.Errorf("the search for %q went on after the next key: %T", "dolor"[:i+1], msg)
			}
			if h.m.search.Results() != nil || h.m.overlay != searchOverlay {
				t.Fatalf("the hits of %q were taken", "dolor"[:i+1])
			}
			continue
		}
		h.send(msg)
	}
	if h.m.overlay != noOverlay || painted(h) == nil || painted(h).Query.Text != "dolor" {
		t.Errorf("after the last hits: overlay %v, painting %v", h.m.overlay, painted(h))
	}
}

func TestSearchBarTakesLettersAsText(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/", "q", "n", "/", "?", "G", "space", "j")
	if h.quit || h.m.overlay != searchOverlay {
		t.Fatalf("quit %v, overlay %v", h.quit, h.m.overlay)
	}
	if got := h.m.search.Value(); got != "qn/?G j" {
		t.Errorf("the bar holds %q", got)
	}
	// Keys that arrive together are text too, the / that opens the bar
	// included.
	h = newHarness(t, testDeps(t), 80, 24)
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j/lorem")})
	if got := h.m.search.Value(); got != "lorem" || h.m.search.Results() == nil || h.m.search.Results().Total() == 0 {
		t.Errorf("the bar holds %q, hits %v", got, h.m.search.Results())
	}
}

func TestSearchStartsWhereTheReaderIs(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	d.Start = corpus.Place{Doc: alpha, Offset: alpha.Outline[3].Offset} // A Subsection
	tests := []struct {
		key  string
		want string // the section of the hit selected first
	}{
		{"/", "A Subsection"},               // the first at or after the top
		{"ctrl+r", "Chapter 2: The Middle"}, // the last before it
	}
	for _, tt := range tests {
		h := newHarness(t, d, 80, 24)
		h.send(keyFor(tt.key))
		h.typeText("dolor")
		s := h.m.search
		hit := s.Results().Hit(s.Selected())
		doc := d.Library.Docs[hit.Doc]
		if got := doc.Outline[doc.SectionAt(doc.BodyOffset(hit.Start))].Title; got != tt.want {
			t.Errorf("%s: the first hit selected is in %q, want %q", tt.key, got, tt.want)
		}
		if !strings.Contains(h.view(), "match ") {
			t.Errorf("%s: no count in the bar:\n%s", tt.key, h.view())
		}
	}
}

// keyFor is keyMsg with the control keys the search uses.
func keyFor(k string) tea.KeyMsg {
	switch k {
	case "ctrl+r":
		return tea.KeyMsg{Type: tea.KeyCtrlR}
	case "ctrl+t":
		return tea.KeyMsg{Type: tea.KeyCtrlT}
	case "ctrl+o":
		return tea.KeyMsg{Type: tea.KeyCtrlO}
	case "alt+p":
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p"), Alt: true}
	case "alt+n":
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n"), Alt: true}
	}
	return keyMsg(k)
}

func TestSearchBarMovesThroughHits(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("dolor")
	lib := h.m.c.Lib
	res := h.m.search.Results()
	first := h.m.search.Selected()
	for _, tt := range []struct {
		key  string
		want int
	}{{"down", first + 1}, {"ctrl+n", first + 2}, {"up", first + 1}, {"ctrl+p", first}} {
		h.press(tt.key)
		if h.m.search.Selected() != tt.want || currentHit(h) != tt.want {
			t.Fatalf("%s: selected %d, the text shows %d; want %d", tt.key, h.m.search.Selected(), currentHit(h), tt.want)
		}
		hit := res.Hit(tt.want)
		if lib.Docs[hit.Doc] != h.m.reader.Doc() || !h.m.reader.HitOnScreen(res, tt.want) {
			t.Errorf("%s: hit %d (%q) is not on screen", tt.key, tt.want, hitText(lib, res, tt.want))
		}
	}
}

func TestSearchEscGoesBack(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("]", "]", "j")
	shown := func() any {
		r := h.m.reader
		return struct {
			here  corpus.Place
			top   topAt
			width int
			view  string
		}{r.Here(), topOf(h), r.Measure(), r.View()}
	}
	before := shown()
	h.press("/")
	h.typeText("essay")
	if h.m.reader.Doc().ID != "beta" {
		t.Fatalf("the first hit is in %s, want beta", h.m.reader.Doc().ID)
	}
	h.press("esc")
	if h.m.overlay != noOverlay || shown() != before {
		t.Errorf("after esc: overlay %v, at %+v; want %+v", h.m.overlay, shown(), before)
	}
	if painted(h) != nil || strings.Contains(h.view(), "match ") {
		t.Error("the cancelled search is painted")
	}
	if beta := docNamed(t, h.m.c.Lib, "beta"); h.m.mem.Progress(beta) > 0 || h.m.mem.Current().ID != "alpha" {
		t.Errorf("a preview counted as reading: beta read %d%%, reading %s", h.m.mem.Progress(beta), h.m.mem.Current().ID)
	}
}

func TestSearchEnterStaysAndRemembers(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("Essay")
	h.press("down", "enter")
	if h.m.overlay != noOverlay || h.m.reader.Doc().ID != "beta" || currentHit(h) != 1 {
		t.Fatalf("after enter: overlay %v, in %s at hit %d", h.m.overlay, h.m.reader.Doc().ID, currentHit(h))
	}
	if h.m.mem.Current().ID != "beta" {
		t.Errorf("the state says %q", h.m.mem.Current().ID)
	}
	if v := h.view(); !strings.Contains(v, "match 2 of 3") || !strings.Contains(v, "Second Essay") {
		t.Errorf("the screen:\n%s", v)
	}
	// The history: up in an empty bar, alt+p and alt+n.
	h.press("/")
	h.typeText("lorem")
	h.press("enter", "/", "up")
	if got := h.m.search.Value(); got != "lorem" {
		t.Errorf("up in an empty bar recalled %q", got)
	}
	h.send(keyFor("alt+p"))
	if got := h.m.search.Value(); got != "Essay" {
		t.Errorf("alt+p recalled %q", got)
	}
	h.send(keyFor("alt+p"))
	if got := h.m.search.Value(); got != "Essay" {
		t.Errorf("alt+p past the oldest recalled %q", got)
	}
	h.send(keyFor("alt+n"))
	h.send(keyFor("alt+n"))
	if got := h.m.search.Value(); got != "" {
		t.Errorf("alt+n past the newest left %q", got)
	}
}

func TestSearchScopeToggle(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("ess")
	all := h.m.search.Results().Total()
	h.send(keyFor("ctrl+t"))
	res := h.m.search.Results()
	if res.Query.Doc != 0 || res.Total() >= all || res.PerDoc[1] != 0 {
		t.Errorf("this document only: %+v, %d hits of %d", res.Query, res.Total(), all)
	}
	if !strings.Contains(h.view(), "in Alpha") {
		t.Errorf("the bar does not say where it looks:\n%s", h.view())
	}
	h.send(keyFor("ctrl+t"))
	if h.m.search.Results().Total() != all {
		t.Errorf("the whole library again: %d hits, want %d", h.m.search.Results().Total(), all)
	}
}

func TestNextAndPreviousMatch(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("dolor")
	h.press("enter")
	res := painted(h)
	total := res.Total()
	start := currentHit(h)
	var docs []string
	for range total {
		h.press("n")
		docs = append(docs, h.m.reader.Doc().ID)
		if !h.m.reader.HitOnScreen(res, currentHit(h)) {
			t.Fatalf("hit %d is not on screen", currentHit(h))
		}
	}
	if currentHit(h) != start {
		t.Errorf("n %d times from hit %d came to %d", total, start, currentHit(h))
	}
	if !strings.Contains(strings.Join(docs, " "), "beta") {
		t.Errorf("n never went on into beta: %v", docs)
	}
	if !strings.Contains(h.view(), "Past the last match") {
		t.Errorf("no notice of going round:\n%s", h.view())
	}
	h.press("N")
	if want := (start - 1 + total) % total; currentHit(h) != want {
		t.Errorf("N went to %d, want %d", currentHit(h), want)
	}
	h.press("3", "n")
	if want := (start + 2) % total; currentHit(h) != want {
		t.Errorf("3n went to %d, want %d", currentHit(h), want)
	}
	// esc clears the painting; n brings it back.
	h.press("esc")
	if painted(h) != nil || strings.Contains(h.view(), "\x1b[4m") {
		t.Error("esc left the hits painted")
	}
	h.press("n")
	if painted(h) != res {
		t.Error("n did not bring the search back")
	}
}

func TestBackwardSearchTurnsN(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("G")
	h.send(keyFor("ctrl+r"))
	h.typeText("dolor")
	h.press("enter")
	at := currentHit(h)
	h.press("n")
	if currentHit(h) != at-1 {
		t.Errorf("n after a backward search went from %d to %d", at, currentHit(h))
	}
	h.press("N")
	if currentHit(h) != at {
		t.Errorf("N after a backward search went to %d, want %d", currentHit(h), at)
	}
}

func TestNextMatchWithoutSearch(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("n")
	if !strings.Contains(h.view(), "No search yet") {
		t.Errorf("the screen:\n%s", h.view())
	}
	h = newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("zzz")
	h.press("enter")
	if !strings.Contains(h.view(), "Nothing matches “zzz”") || h.m.overlay != noOverlay {
		t.Errorf("the screen:\n%s", h.view())
	}
	h.press("n")
	if q := h.m.status.Notices(); len(q) == 0 || !strings.Contains(q[len(q)-1], "Nothing matches") {
		t.Errorf("n after a search that found nothing: %v", q)
	}
}

func TestSearchSurvivesResize(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("sit amet")
	h.press("enter")
	for _, size := range [][2]int{{50, 16}, {40, 10}, {30, 6}, {120, 40}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFits(t, h.view(), size[0], size[1])
		if size[0] < minWidth || size[1] < minHeight {
			continue
		}
		if !h.m.reader.HitOnScreen(painted(h), currentHit(h)) || !strings.Contains(h.view(), "\x1b[7m") {
			t.Errorf("at %v the current hit is not painted on screen:\n%s", size, h.view())
		}
	}
	// With the bar open too.
	h.press("/")
	h.typeText("dolor")
	for _, size := range [][2]int{{40, 10}, {200, 60}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFits(t, h.view(), size[0], size[1])
		if !strings.Contains(h.view(), "\x1b[7m") {
			t.Errorf("at %v with the bar open the current hit is not painted:\n%s", size, h.view())
		}
	}
}

// TestStatusCountsMatches: the status bar says which match is current
// while it is on screen, and how many there are once the reader goes
// elsewhere.
func TestStatusCountsMatches(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("/")
	h.typeText("dolor")
	h.press("enter")
	total := painted(h).Total()
	want := fmt.Sprintf("match %d of %d", currentHit(h)+1, total)
	if !strings.Contains(h.view(), want) {
		t.Errorf("after enter the status bar lacks %q:\n%s", want, h.view())
	}
	h.press("}")
	if v := h.view(); strings.Contains(v, "match ") || !strings.Contains(v, fmt.Sprintf("%d matches", total)) {
		t.Errorf("in another document the status bar says:\n%s", v)
	}
}

// TestSearchGoldenViews keeps views of the search as golden files: a
// phrase the text wraps over two lines, painted on both; the same in
// colour, where the text's styles resume after it; and the open bar, its
// hits grouped by document and section.
func TestSearchGoldenViews(t *testing.T) {
	colour := testDeps(t)
	colour.Styles = *colourStyles()
	colour.Glamour = render.GlamourStyle(true, true)
	colour.Profile = termenv.ANSI256
	tests := []struct {
		name  string
		deps  Deps
		query string
		keys  []string
		want  string // in the view
	}{
		{"wrapped phrase", testDeps(t), "eiusmod tempor", []string{"enter"}, "\x1b[7meiusmod\x1b[0m\n  \x1b[0m\x1b[7mtempor"},
		{"wrapped phrase in colour", colour, "eiusmod tempor", []string{"enter"}, "eiusmod\x1b[0m\x1b[38;5;252m\x1b[0m\n  \x1b[0m" + styleStart(colourStyles().SearchCurrent) + "tempor\x1b[0m\x1b[38;5;252m incididunt"},
		{"bar", testDeps(t), "essay", []string{"down"}, "› "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.deps, 80, 24)
			h.press("/")
			h.typeText(tt.query)
			h.press(tt.keys...)
			if !strings.Contains(h.view(), tt.want) {
				t.Errorf("the view lacks %q:\n%q", tt.want, h.view())
			}
			golden.RequireEqual(t, []byte(h.view()))
		})
	}
}

// TestSearchIsAJump: a search and its steps with n are one jump: ctrl+o
// once goes back to where the search began, and ” goes between there
// and the last hit.
func TestSearchIsAJump(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	h.press("]", "]")
	began := h.m.reader.Here()
	h.press("/")
	h.typeText("dolor")
	h.press("enter")
	if h.m.reader.Here().Same(began) {
		t.Fatal("the first hit is where the search began")
	}
	for range 5 {
		h.press("n")
	}
	lastHit := h.m.reader.Here()
	if lastHit.Same(began) {
		t.Fatal("five steps came back to where the search began")
	}
	h.send(keyFor("ctrl+o"))
	if got := h.m.reader.Here(); !got.Same(began) {
		t.Fatalf("ctrl+o after five n went to %+v, want where the search began, %+v", got, began)
	}
	h.press("alt+right")
	if got := h.m.reader.Here(); !got.Same(lastHit) {
		t.Errorf("forward went to %+v, want the last hit %+v", got, lastHit)
	}
	h.press("'", "'")
	if got := h.m.reader.Here(); !got.Same(began) {
		t.Errorf("'' from the last hit went to %+v, want %+v", got, began)
	}
	h.press("'", "'")
	if got := h.m.reader.Here(); !got.Same(lastHit) {
		t.Errorf("'' again went to %+v, want the last hit %+v", got, lastHit)
	}
}
