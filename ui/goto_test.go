package ui

import (
	"strings"
	"testing"

	"samizdat/corpus"
)

// typeInto opens the go-to prompt and types text into it.
func typeInto(h *harness, text string) {
	h.press("o")
	for _, r := range text {
		h.send(keyMsg(string(r)))
	}
}

// TestGoToPagesAndPercents: a printed page is found in whichever document
// has it, the one being read first; a percentage is of the document being
// read, fractions too.
func TestGoToPagesAndPercents(t *testing.T) {
	d := testDeps(t)
	alpha, beta := docNamed(t, d.Library, "alpha"), docNamed(t, d.Library, "beta")
	d.Start.Doc = beta
	h := newHarness(t, d, 100, 24)
	typeInto(h, "p3")
	if !strings.Contains(h.view(), "Page 3 of Alpha") {
		t.Fatalf("p3 while reading beta:\n%s", h.view())
	}
	h.press("enter")
	page3, _ := alpha.PageOffset("3")
	if doc, off := where(h); doc != "alpha" || off != page3 {
		t.Errorf("p3: at %s %d, want alpha at %d", doc, off, page3)
	}
	h.press("ctrl+o")
	if doc, _ := where(h); doc != "beta" {
		t.Errorf("back from p3: at %s", doc)
	}

	typeInto(h, "page 99")
	if !strings.Contains(h.view(), "no document has a printed page 99") {
		t.Errorf("page 99:\n%s", h.view())
	}
	h.press("esc")

	typeInto(h, "12.5%")
	if !strings.Contains(h.view(), "12.5% of Beta Essays") {
		t.Fatalf("12.5%%:\n%s", h.view())
	}
	h.press("enter")
	if doc, off := where(h); doc != "beta" || off != beta.PercentOffset(12.5) {
		t.Errorf("12.5%%: at %s %d, want %d", doc, off, beta.PercentOffset(12.5))
	}
	typeInto(h, "0%")
	h.press("enter")
	if _, off := where(h); off != -1 {
		t.Errorf("0%%: at %d, want the head", off)
	}
}

// TestGoToPagesInTheLibrary: of the five works only Lenin's Fight has
// printed pages; p37 reaches them from any of them.
func TestGoToPagesInTheLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("opens every work")
	}
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lf := docNamed(t, lib, "lenins-fight")
	want, ok := lf.PageOffset("37")
	if !ok {
		t.Fatal("Lenin's Fight has no page 37")
	}
	for _, doc := range lib.Docs {
		t.Run(doc.ID, func(t *testing.T) {
			d := testDeps(t)
			d.Library = lib
			d.Start.Doc = doc
			h := newHarness(t, d, 120, 40)
			typeInto(h, "p. 37")
			h.press("enter")
			if got, off := where(h); got != "lenins-fight" || off != want {
				t.Errorf("p. 37 from %s: at %s %d, want lenins-fight at %d", doc.ID, got, off, want)
			}
			if !strings.Contains(statusLine(h), "p. 37") {
				t.Errorf("the status bar does not name page 37: %q", statusLine(h))
			}
		})
	}
}
