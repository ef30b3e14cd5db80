package ui

import (
	"strings"
	"testing"

	"samizdat/corpus"
)

// TestCountsRepeatMoves: a number before a move in the text repeats it.
func TestCountsRepeatMoves(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	if len(alpha.Outline) < 4 {
		t.Fatalf("alpha has %d headings, want 4 or more", len(alpha.Outline))
	}
	d.Start.Doc, d.Start.Offset = alpha, -1
	h := newHarness(t, d, 80, 24)
	h.press("3", "]")
	if _, off := where(h); off != alpha.Outline[2].Offset {
		t.Errorf("3] from the head: at %d, want the third heading at %d", off, alpha.Outline[2].Offset)
	}
	h.press("2", "[")
	if _, off := where(h); off != alpha.Outline[0].Offset {
		t.Errorf("2[ from the third heading: at %d, want the first at %d", off, alpha.Outline[0].Offset)
	}
	h.press("1", "0", "0", "]")
	if _, off := where(h); off != alpha.Outline[len(alpha.Outline)-1].Offset {
		t.Errorf("100]: at %d, want the last heading", off)
	}
	h.press("9", "9", "[")
	if _, off := where(h); off != -1 {
		t.Errorf("99[: at %d, want the head", off)
	}
	h.press("2", "}")
	if doc, _ := where(h); doc != d.Library.Docs[2].ID {
		t.Errorf("2} from the first document: in %s, want %s", doc, d.Library.Docs[2].ID)
	}
	h.press("5", "{")
	if doc, _ := where(h); doc != d.Library.Docs[0].ID {
		t.Errorf("5{ from the third document: in %s, want the first, %s", doc, d.Library.Docs[0].ID)
	}
	top := h.m.reader.TopLine()
	h.press("6", "j")
	if got := h.m.reader.TopLine(); got != top+6 {
		t.Errorf("6j: top line %d, want %d", got, top+6)
	}
	h.press("/")
	h.typeText("dolor")
	h.press("enter")
	start, total := currentHit(h), painted(h).Total()
	h.press("5", "n")
	if want := (start + 5) % total; currentHit(h) != want {
		t.Errorf("5n from hit %d went to %d, want %d", start, currentHit(h), want)
	}
}

// TestCountsInTheContents: a number before a move in the contents repeats
// it, and the status bar shows it while it is typed.
func TestCountsInTheContents(t *testing.T) {
	d := testDeps(t)
	alpha := docNamed(t, d.Library, "alpha")
	d.Start.Doc, d.Start.Offset = alpha, -1
	h := newHarness(t, d, 100, 30)
	h.press("tab", "g")
	for range 12 { // open every branch
		h.press("l", "j")
	}
	h.press("G")
	last := h.m.toc.Index()
	if last < 7 {
		t.Fatalf("the contents show %d entries, too few to count in", last+1)
	}
	h.press("g", "6")
	if !strings.Contains(statusLine(h), " 6 ") {
		t.Errorf("the count is not in the status bar: %q", statusLine(h))
	}
	h.press("j")
	if got := h.m.toc.Index(); got != 6 {
		t.Errorf("6j in the contents: at entry %d, want 6", got)
	}
	if strings.Contains(notices(h), "does nothing") {
		t.Errorf("6j in the contents: %q", notices(h))
	}
	h.press("4", "k")
	if got := h.m.toc.Index(); got != 2 {
		t.Errorf("4k in the contents: at entry %d, want 2", got)
	}
	h.press("j")
	if got := h.m.toc.Index(); got != 3 {
		t.Errorf("j after 4k: at entry %d, want 3", got)
	}
}

// TestPercentIsWhatTheStatusBarSays: a go-to by percentage, with % or at
// the prompt, lands where the status bar then says that percentage, in
// every work of the library.
func TestPercentIsWhatTheStatusBarSays(t *testing.T) {
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range lib.Docs {
		t.Run(doc.ID, func(t *testing.T) {
			d := testDeps(t)
			d.Library = lib
			d.Start.Doc, d.Start.Offset = doc, -1
			h := newHarness(t, d, 100, 30)
			for _, p := range []string{"1", "13", "50", "77", "90"} {
				h.press(strings.Split(p, "")...)
				h.press("%")
				if got := percentShown(h); got != p+"%" {
					t.Errorf("%s%%: the status bar says %s", p, got)
				}
			}
			typeInto(h, "12.5%")
			h.press("enter")
			if got := percentShown(h); got != "12%" {
				t.Errorf("12.5%% at the prompt: the status bar says %s, want 12%%", got)
			}
			h.press("G")
			if got := percentShown(h); got != "100%" {
				t.Errorf("at the end the status bar says %s", got)
			}
		})
	}
}

// percentShown is the percentage in the status bar.
func percentShown(h *harness) string {
	for _, f := range strings.Fields(statusLine(h)) {
		if strings.HasSuffix(f, "%") {
			return f
		}
	}
	return ""
}
