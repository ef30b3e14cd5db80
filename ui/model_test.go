package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"samizdat/ui/status"

	tea "github.com/charmbracelet/bubbletea"
)

func TestKeysRouteToFocusedPane(t *testing.T) {
	type state struct {
		top                   topAt
		tocCursor, helpOffset int
		query                 string
	}
	snapshot := func(h *harness) state {
		return state{topOf(h), h.m.toc.Index(), h.m.help.Offset(), h.m.prompt.Value()}
	}
	tests := []struct {
		name   string
		setup  []string
		key    string
		change func(before, after state) bool
	}{
		{"text has focus: j scrolls the text", nil, "j",
			func(b, a state) bool { return a.top != b.top && a.tocCursor == b.tocCursor }},
		{"contents have focus: j moves the cursor", []string{"tab"}, "j",
			func(b, a state) bool { return a.top == b.top && a.tocCursor == b.tocCursor+1 }},
		{"the prompt is open: j is text", []string{"o"}, "j",
			func(b, a state) bool { return a.query == "j" && a.top == b.top && a.tocCursor == b.tocCursor }},
		{"help is open: j scrolls the help", []string{"?"}, "j",
			func(b, a state) bool { return a.helpOffset == b.helpOffset+1 && a.top == b.top }},
		{"help is open: q closes it, not the reader", []string{"?"}, "q",
			func(b, a state) bool { return a.top == b.top }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, testDeps(t), 120, 20)
			h.press(tt.setup...)
			before := snapshot(h)
			h.press(tt.key)
			if after := snapshot(h); !tt.change(before, after) {
				t.Errorf("before %+v, after %+v", before, after)
			}
			if h.quit {
				t.Error("the reader quit")
			}
		})
	}
}

func TestHelpClosesWithItsKeys(t *testing.T) {
	for _, k := range []string{"?", "esc", "q"} {
		h := newHarness(t, testDeps(t), 100, 30)
		h.press("?")
		if h.m.overlay != helpOverlay || !strings.Contains(h.view(), "Keys") {
			t.Fatalf("? did not open the help:\n%s", h.view())
		}
		h.press(k)
		if h.m.overlay != noOverlay || h.quit {
			t.Errorf("%s: overlay %v, quit %v", k, h.m.overlay, h.quit)
		}
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		h := newHarness(t, testDeps(t), 100, 30)
		h.press(k)
		if !h.quit {
			t.Errorf("%s did not quit", k)
		}
	}
	h := newHarness(t, testDeps(t), 100, 30)
	h.press("o", "q")
	if h.quit || h.m.prompt.Value() != "q" {
		t.Error("q in the prompt should be text")
	}
	h.press("ctrl+c")
	if !h.quit {
		t.Error("ctrl+c did not quit from the prompt")
	}
	// The go-to key is vim's ':', and :q quits as it does there; a
	// heading that starts with q is still gone to.
	for _, typed := range []string{"q", "q!", "wq", " q "} {
		h := newHarness(t, testDeps(t), 100, 30)
		h.press(":")
		h.typeText(typed)
		if !strings.Contains(h.view(), "Enter quits the reader") {
			t.Errorf(":%s does not say Enter quits:\n%s", typed, h.view())
		}
		h.press("enter")
		if !h.quit {
			t.Errorf(":%s and Enter did not quit", typed)
		}
	}
	h = newHarness(t, testDeps(t), 100, 30)
	h.press(":")
	h.typeText("qu")
	h.press("enter")
	if h.quit {
		t.Error(":qu and Enter quit")
	}
}

func TestKeysArrivingTogetherAreEachHonoured(t *testing.T) {
	one := newHarness(t, testDeps(t), 100, 30)
	one.press("j", "j", "j")
	together := newHarness(t, testDeps(t), 100, 30)
	together.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if topOf(one) != topOf(together) {
		t.Errorf("jjj at once: top %+v, one by one %+v", topOf(together), topOf(one))
	}
	if strings.Contains(together.view(), "does nothing") {
		t.Error("jjj was taken for an unknown key")
	}
	// A key that opens the prompt makes the rest text.
	together.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jobeta")})
	if got := together.m.prompt.Value(); got != "beta" || together.m.overlay != promptOverlay {
		t.Errorf("prompt holds %q, overlay %v", got, together.m.overlay)
	}
}

func TestResizeKeepsThePlace(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	mid := alpha.Outline[2] // Chapter 2
	d.Start.Doc, d.Start.Offset = alpha, mid.Offset
	h := newHarness(t, d, 120, 20)
	for _, size := range [][2]int{{60, 20}, {45, 12}, {200, 50}, {30, 5}, {81, 24}, {120, 20}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFits(t, h.view(), size[0], size[1])
		if size[0] < minWidth || size[1] < minHeight {
			continue
		}
		if h.m.reader.Here().Offset != mid.Offset || !h.m.reader.Settled() {
			t.Errorf("at %v: anchored at %d (settled %v), want %d", size, h.m.reader.Here().Offset, h.m.reader.Settled(), mid.Offset)
		}
		// At the top, unless the rest of the document is shorter than the
		// screen, which is then full.
		if first := firstTextLine(h, size[0]); !strings.Contains(first, "Chapter 2") && (h.m.reader.Screen().Top >= mid.Offset || !strings.Contains(h.view(), "Chapter 2")) {
			t.Errorf("at %v: first line %q, want the heading of Chapter 2", size, first)
		}
	}
	if first := firstTextLine(h, 120); !strings.Contains(first, "Chapter 2") {
		t.Errorf("back at 120x20: first line %q, want the heading of Chapter 2", first)
	}
	wide := h.m.reader.Measure()
	h.send(tea.WindowSizeMsg{Width: 70, Height: 20})
	if h.m.reader.Measure() == wide {
		t.Error("the text was not re-laid-out for a narrower terminal")
	}
}

// firstTextLine is the top line of the reading pane.
func firstTextLine(h *harness, width int) string {
	line := strings.Split(h.view(), "\n")[0]
	if l := h.m.layout(); l.tocVisible {
		_, line, _ = strings.Cut(line, "│")
	}
	return strings.TrimSpace(line)
}

func TestTooSmallAndBack(t *testing.T) {
	h := newHarness(t, testDeps(t), 100, 30)
	h.send(tea.WindowSizeMsg{Width: 39, Height: 20})
	if v := h.view(); !strings.Contains(v, "needs a") {
		t.Errorf("too small, shows:\n%s", v)
	}
	checkFits(t, h.view(), 39, 20)
	top := topOf(h)
	h.press("j", "G", "t")
	if topOf(h) != top || h.m.focus != textPane {
		t.Error("keys acted on a screen too small to show")
	}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 9})
	if !strings.Contains(h.view(), "needs a") {
		t.Error("9 rows should be too small")
	}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := h.view(); strings.Contains(v, "needs a") || !strings.Contains(v, "The Alpha Book") {
		t.Errorf("did not recover:\n%s", v)
	}
}

func TestContentsOverlayOnNarrowTerminals(t *testing.T) {
	h := newHarness(t, testDeps(t), 80, 24)
	if l := h.m.layout(); l.tocVisible || l.sideBySide {
		t.Fatalf("80 columns: contents shown at start (%+v)", l)
	}
	width := h.m.reader.Measure()
	h.press("t")
	l := h.m.layout()
	if !l.tocVisible || l.sideBySide || h.m.focus != contentsPane {
		t.Fatalf("t on a narrow terminal: %+v, focus %v", l, h.m.focus)
	}
	if h.m.reader.Measure() != width {
		t.Error("the contents squeezed the text instead of covering it")
	}
	if !strings.Contains(h.view(), "Beta Essays") {
		t.Errorf("the contents do not show:\n%s", h.view())
	}
	h.press("esc")
	if h.m.layout().tocVisible || h.m.focus != textPane {
		t.Error("esc did not close the contents")
	}

	wide := newHarness(t, testDeps(t), 120, 24)
	if l := wide.m.layout(); !l.tocVisible || !l.sideBySide {
		t.Errorf("120 columns: %+v, want the contents beside the text", l)
	}
	wide.press("t")
	if wide.m.layout().tocVisible {
		t.Error("t did not hide the contents")
	}
}

func TestStatusBar(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	page2, _ := alpha.PageOffset("2")
	d.Start.Doc, d.Start.Offset = alpha, page2
	h := newHarness(t, d, 120, 20)
	lines := strings.Split(h.view(), "\n")
	status := lines[len(lines)-1]
	for _, want := range []string{"Alpha", "› Chapter 1: The Start", "p. 2", "%", "? help"} {
		if !strings.Contains(status, want) {
			t.Errorf("status bar %q lacks %q", status, want)
		}
	}
	h.press("x")
	lines = strings.Split(h.view(), "\n")
	if status := lines[len(lines)-1]; !strings.Contains(status, "x does nothing here; ? shows the keys") {
		t.Errorf("unknown key: status %q", status)
	}
}

func TestNoticesFade(t *testing.T) {
	d := testDeps(t)
	var timers []tea.Msg
	d.After = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		timers = append(timers, msg)
		return nil
	}
	d.Notices = []string{"config.toml:3: first problem", "config.toml:5: second problem"}
	h := newHarness(t, d, 100, 20)
	bar := func() string {
		lines := strings.Split(h.view(), "\n")
		return lines[len(lines)-1]
	}
	if !strings.Contains(bar(), "first problem") {
		t.Fatalf("status %q", bar())
	}
	fire := func() {
		msg := timers[len(timers)-1]
		h.send(msg)
	}
	fire() // faded
	if !strings.Contains(bar(), "first problem") || !h.m.status.Faded() {
		t.Errorf("after the first timer: %q, faded %v", bar(), h.m.status.Faded())
	}
	fire() // gone: the next one
	if !strings.Contains(bar(), "second problem") {
		t.Errorf("the second notice did not follow: %q", bar())
	}
	fire()
	fire()
	if s := bar(); strings.Contains(s, "problem") || !strings.Contains(s, "Alpha") {
		t.Errorf("the notices did not go: %q", s)
	}
	h.send(status.TimeMsg{}) // a stale timer
}

func TestSectionsAndDocuments(t *testing.T) {
	d := testDeps(t)
	h := newHarness(t, d, 100, 20)
	alpha := h.m.reader.Doc()
	if alpha.ID != "alpha" || h.m.reader.Screen().Top != -1 {
		t.Fatalf("opened %s at %d, want alpha at its head", alpha.ID, h.m.reader.Screen().Top)
	}
	for i, want := range alpha.Outline {
		h.press("]")
		if h.m.reader.Here().Offset != want.Offset {
			t.Fatalf("] #%d: at %d, want %q at %d", i+1, h.m.reader.Here().Offset, want.Title, want.Offset)
		}
		if p := h.m.reader.Screen(); p.Section != i {
			t.Errorf("] #%d: the status bar names section %d", i+1, p.Section)
		}
	}
	h.press("[", "[", "[")
	if want := alpha.Outline[len(alpha.Outline)-4].Offset; h.m.reader.Screen().Top != want {
		t.Errorf("[[[: at %d, want %d", h.m.reader.Screen().Top, want)
	}
	h.press("j", "[")
	if want := alpha.Outline[len(alpha.Outline)-4].Offset; h.m.reader.Screen().Top != want {
		t.Errorf("j[: at %d, want the start of the section, %d", h.m.reader.Screen().Top, want)
	}
	here := h.m.reader.Screen().Top
	h.press("}")
	if h.m.reader.Doc().ID != "beta" {
		t.Fatalf("} opened %s", h.m.reader.Doc().ID)
	}
	h.press("}", "}")
	if h.m.reader.Doc().ID != "gamma" || !strings.Contains(h.view(), "last document") {
		t.Errorf("past the last document: %s", h.m.reader.Doc().ID)
	}
	h.press("{", "{")
	if h.m.reader.Doc().ID != "alpha" || h.m.reader.Screen().Top != here {
		t.Errorf("back in alpha at %d, want %d where it was left", h.m.reader.Screen().Top, here)
	}
}

func TestScrollingAndPercent(t *testing.T) {
	h := newHarness(t, testDeps(t), 100, 20)
	h.press("G")
	bottom := h.m.reader.Screen()
	if bottom.Percent != 100 {
		t.Errorf("G: %d%%", bottom.Percent)
	}
	end := topOf(h)
	h.press("j")
	if after := topOf(h); after != end || h.m.reader.Screen().Percent != 100 {
		t.Errorf("j at the end moved the text: top %+v, was %+v", after, end)
	}
	h.press("g")
	if h.m.reader.Screen().Top != -1 || topOf(h).line != 0 {
		t.Errorf("g: top %+v", topOf(h))
	}
	h.press("5", "0", "%")
	p := h.m.reader.Screen()
	if want := len(h.m.reader.Doc().Body) / 2; p.Top > want || p.Top < want-400 {
		t.Errorf("50%%: top at %d, want the block holding %d", p.Top, want)
	}
	h.press("%")
	if h.m.reader.Screen().Top != -1 {
		t.Error("% without a number should go to the start")
	}
	h.press("space")
	first := topOf(h)
	h.press("b")
	if h.m.reader.Screen().Top != -1 || first.off <= 0 {
		t.Errorf("space then b: %+v then %+v", first, topOf(h))
	}
	h.press("3", "j")
	three := topOf(h)
	h.press("k", "k", "k", "j", "j", "j")
	if topOf(h) != three {
		t.Errorf("3j: %+v, three times j: %+v", three, topOf(h))
	}
}

func TestMouseWheel(t *testing.T) {
	h := newHarness(t, testDeps(t), 120, 20)
	before := topOf(h)
	h.send(tea.MouseMsg{X: 80, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if topOf(h).line != before.line+3 {
		t.Errorf("wheel: %+v to %+v", before, topOf(h))
	}
	cursor := h.m.toc.Index()
	h.send(tea.MouseMsg{X: 3, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if topOf(h).line != before.line+3 {
		t.Error("the wheel over the contents scrolled the text")
	}
	_ = cursor
}

func TestGoToPrompt(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	tests := []struct {
		query   string
		doc     string
		off     func() int
		heading string
	}{
		{"middle", "alpha", func() int { return alpha.Outline[2].Offset }, "Chapter 2"},
		{"third essay", "beta", func() int { return docNamed(t, d.Library, "beta").Outline[2].Offset }, "Third Essay"},
		{"p. 3", "alpha", func() int { off, _ := alpha.PageOffset("3"); return off }, ""},
		{"gamma", "gamma", func() int { return -1 }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			h := newHarness(t, d, 100, 24)
			h.press("o")
			for _, r := range tt.query {
				h.send(keyMsg(string(r)))
			}
			if !strings.Contains(h.view(), "1 of") {
				t.Fatalf("no match listed:\n%s", h.view())
			}
			h.press("enter")
			if h.m.overlay != noOverlay {
				t.Fatal("the prompt stayed open")
			}
			if h.m.reader.Doc().ID != tt.doc || h.m.reader.Here().Offset != tt.off() {
				t.Errorf("went to %s at %d, want %s at %d", h.m.reader.Doc().ID, h.m.reader.Here().Offset, tt.doc, tt.off())
			}
			if tt.heading != "" && !strings.Contains(h.view(), tt.heading) {
				t.Errorf("the heading %q is not on screen:\n%s", tt.heading, h.view())
			}
		})
	}
	// Enter typed before the matches for the last letters came back goes
	// to the best match once they do.
	h := newHarness(t, d, 100, 24)
	h.press("o")
	var filter tea.Cmd
	for _, r := range "third" {
		next, cmd := h.m.Update(keyMsg(string(r))) // the filter commands held back
		h.m = next.(Model)
		filter = cmd
	}
	h.press("enter")
	if h.m.overlay != promptOverlay {
		t.Fatal("enter went somewhere before the matches came")
	}
	h.run(filter) // the last letter's
	if h.m.overlay != noOverlay || h.m.reader.Doc().ID != "beta" {
		t.Errorf("after the matches came: overlay %v, in %s", h.m.overlay, h.m.reader.Doc().ID)
	}

	h = newHarness(t, d, 100, 24)
	h.press("o", "z", "z", "z", "z", "enter")
	if h.m.overlay != promptOverlay || !strings.Contains(h.view(), "Nothing matches") {
		t.Errorf("enter with no match:\n%s", h.view())
	}
	h.press("backspace", "esc")
	if h.m.overlay != noOverlay {
		t.Error("esc did not close the prompt")
	}
}

func TestContentsNavigation(t *testing.T) {
	h := newHarness(t, testDeps(t), 120, 30)
	h.press("tab")
	if h.m.focus != contentsPane {
		t.Fatal("tab did not focus the contents")
	}
	// The cursor starts on the document being read, whose branch is open.
	if doc, heading, _ := h.m.toc.Selected(); doc != h.m.c.Lib.Docs[0] || heading != -1 {
		t.Errorf("cursor on heading %d of %s", heading, docID(doc))
	}
	h.press("j", "l", "j", "enter") // Part One, open it, Chapter 1, read it
	alpha := h.m.reader.Doc()
	if h.m.focus != textPane || h.m.reader.Screen().Top != alpha.Outline[1].Offset {
		t.Errorf("enter on Chapter 1: focus %v, at %d, want %d", h.m.focus, h.m.reader.Screen().Top, alpha.Outline[1].Offset)
	}
	h.press("tab", "h", "h") // to Part One, close it
	if _, heading, open := h.m.toc.Selected(); heading != 0 || open {
		t.Errorf("h h: cursor on heading %d, open %v", heading, open)
	}
	h.press("G", "enter") // the last document
	if h.m.reader.Doc().ID != "gamma" {
		t.Errorf("G enter opened %s", h.m.reader.Doc().ID)
	}
	if !strings.Contains(h.view(), "•") {
		t.Error("the entry being read is not marked")
	}
}

func TestStateCarriesPositions(t *testing.T) {
	d := testDeps(t)
	h := newHarness(t, d, 100, 20)
	h.press("j", "k", "]", "]", "}", "]", "j") // a line read in alpha, then jumps
	s := h.m.Snapshot()
	alpha := d.Library.Docs[0]
	if s.Current != "beta" || s.Readings["alpha"].Position.Offset != alpha.Outline[1].Offset {
		t.Fatalf("snapshot %+v", s)
	}
	if p := s.Readings["alpha"].Percent; p <= 0 || p > 100 {
		t.Errorf("alpha read to %v%%", p)
	}
	d.Saved = s
	saved := s.Readings["beta"]
	again := newHarness(t, d, 100, 20)
	if again.m.reader.Doc().ID != "beta" || again.m.reader.Here().Offset != saved.Position.Offset {
		t.Errorf("reopened %s at %d, want beta at %d", again.m.reader.Doc().ID, again.m.reader.Here().Offset, saved.Position.Offset)
	}
	again.press("G")
	if d.Saved.Readings["beta"] != saved {
		t.Error("the reader changed the state it was given")
	}
	again.press("tab")
	if !strings.Contains(again.view(), "%") {
		t.Error("the contents show no progress")
	}
}

// TestModelCopiesLittle: bubbletea copies the root Model at every message,
// so what is large, the boxes over the text with their styles and keys,
// stays behind the Model's pointer to them (BenchmarkIgnoredMessage).
func TestModelCopiesLittle(t *testing.T) {
	if size := reflect.TypeFor[Model]().Size(); size > 20<<10 {
		t.Errorf("a Model is %d bytes, copied at every message; keep it under %d", size, 20<<10)
	}
}
