package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/keymap"
)

// libraryDeps is testDeps over the embedded library, opened at start.
func libraryDeps(t *testing.T, doc string, off int) Deps {
	t.Helper()
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(t)
	d.Library = lib
	if doc != "" {
		d.Start = corpus.Place{Doc: docNamed(t, lib, doc), Offset: off}
	}
	return d
}

// firstBlockNaming is the start of the first paragraph of doc that names
// name, whole.
func firstBlockNaming(t *testing.T, d *corpus.Document, name string) int {
	t.Helper()
	for _, b := range d.Blocks {
		if strings.Contains(d.PlainRange(d.PlainOffset(b.Start), d.PlainOffset(b.End)), name) {
			return b.Start
		}
	}
	t.Fatalf("%s never names %s", d.ID, name)
	return 0
}

// kamenevDeps is libraryDeps opened at the first paragraph of The Rise of
// Stalinism that names Kamenev.
func kamenevDeps(t *testing.T) Deps {
	t.Helper()
	d := libraryDeps(t, "rise-of-stalinism", 0)
	d.Start.Offset = firstBlockNaming(t, d.Start.Doc, "Kamenev")
	return d
}

// mentionsOnScreen is the reader at 100x30 on that paragraph, the list of
// the mentions of the first person named on screen open.
func mentionsOnScreen(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, kamenevDeps(t), 100, 30)
	h.press("w", "enter")
	if h.m.overlay != placesOverlay {
		t.Fatalf("w and enter list no mentions: %q", statusLine(h))
	}
	return h
}

// On a screen of The Rise of Stalinism that names Kamenev, w shows his
// note from Lenin's Fight; the mentions reach The Revolution Betrayed;
// Enter goes there with his name standing out, and ctrl+o comes back.
func TestWhoIsKamenev(t *testing.T) {
	if testing.Short() {
		t.Skip("finds every mention in the library")
	}
	d := kamenevDeps(t)
	rise := d.Start.Doc
	h := newHarness(t, d, 100, 30)
	// w goes through the names on screen to Kamenev's.
	for range 20 {
		h.press("w")
		if h.m.overlay != personOverlay {
			t.Fatalf("w shows no one: %q", statusLine(h))
		}
		if strings.Contains(h.view(), "Kamenev, Lev") {
			break
		}
	}
	view := h.view()
	for _, want := range []string{"Kamenev, Lev", "Lenin’s Fight Against Stalinism, Biographical Notes, p. 151", "Revolution Betrayed 8"} {
		if !strings.Contains(strings.Join(strings.Fields(view), " "), want) {
			t.Errorf("the box lacks %q:\n%s", want, view)
		}
	}
	if doc, ranges := h.m.reader.Spot(); doc != rise || len(ranges) == 0 || !strings.Contains(rise.PlainRange(ranges[0].Start, ranges[0].End), "Kamenev") {
		t.Errorf("the name on screen does not stand out: %v %v", docID(doc), ranges)
	}
	from := h.m.reader.Here()

	h.press("enter")
	if h.m.overlay != placesOverlay {
		t.Fatalf("enter lists no mentions: %q", statusLine(h))
	}
	if !strings.Contains(h.view(), "Kamenev) taking up their cause") {
		t.Errorf("the list does not open at the mention on screen:\n%s", h.view())
	}
	betrayed := docNamed(t, d.Library, "revolution-betrayed")
	h.press("g")
	// The note on him comes first.
	if v := h.view(); !strings.Contains(v, "The note: Lenin’s Fight › Biographical Notes") || !strings.Contains(v, "› Kamenev, Lev Borisovich (1883–1936)") {
		t.Errorf("the note is not first:\n%s", v)
	}
	// The filter keeps The Revolution Betrayed's; esc clears it, and the
	// cursor stays.
	h.press("/")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("revolution betrayed"), Paste: true})
	h.press("enter", "j", "esc")
	if h.m.overlay != placesOverlay {
		t.Fatal("esc with a filter closes the list")
	}
	i := h.m.places.Cursor()
	if i < 0 || h.m.placeSpots[i].doc != betrayed {
		t.Fatal("the mentions never reach The Revolution Betrayed")
	}
	want := h.m.placeSpots[i].ranges[0]
	h.press("enter")
	if h.m.overlay != noOverlay || h.m.reader.Doc() != betrayed {
		t.Fatalf("enter on a mention: in %s, overlay %d", docID(h.m.reader.Doc()), h.m.overlay)
	}
	sc := h.m.reader.Screen()
	if off := betrayed.BodyOffset(want.Start); off < sc.Top || off >= sc.Bottom {
		t.Errorf("the mention at %d is not on screen %d–%d", off, sc.Top, sc.Bottom)
	}
	if doc, ranges := h.m.reader.Spot(); doc != betrayed || len(ranges) != 1 || ranges[0].Start != want.Start || ranges[0].End != want.End {
		t.Errorf("the mention does not stand out: %s %v, want %v", docID(doc), ranges, want)
	}
	if _, shown := h.m.reader.SpotRow(); !shown {
		t.Errorf("the mention is not on screen:\n%s", h.view())
	}
	h.press("ctrl+o")
	if got := h.m.reader.Here(); got != from {
		t.Errorf("ctrl+o: at %s %d, want %s %d", docID(got.Doc), got.Offset, docID(from.Doc), from.Offset)
	}
}

// Every mention of Kamenev in The Revolution Betrayed gone to from the
// list shows on screen, standing out, wherever it is in its paragraph:
// one near the end of a long paragraph is brought into view.
func TestMentionsShow(t *testing.T) {
	if testing.Short() {
		t.Skip("finds every mention in the library")
	}
	d := kamenevDeps(t)
	h := newHarness(t, d, 80, 24)
	betrayed := docNamed(t, d.Library, "revolution-betrayed")
	for k := 1; k <= 8; k++ {
		h.press("w", "w", "enter", "g")
		for range k {
			h.press("j")
		}
		s := h.m.placeSpots[h.m.places.Cursor()]
		if s.doc != betrayed {
			t.Fatalf("row %d of the mentions is in %s", k, docID(s.doc))
		}
		h.press("enter")
		if row, shown := h.m.reader.SpotRow(); !shown || !strings.Contains(h.view(), "\x1b[7mKamenev") {
			t.Errorf("row %d: the mention at %d is not on screen (row %d):\n%s", k, s.ranges[0].Start, row, h.view())
		}
		h.press("ctrl+o")
	}
}

// The help, opened from the list of a person's mentions, takes the name's
// standing out away with the list, as esc does and as it does from the
// person's box.
func TestHelpFromMentionsLeavesNoName(t *testing.T) {
	if testing.Short() {
		t.Skip("finds every mention in the library")
	}
	h := mentionsOnScreen(t)
	if doc, _ := h.m.reader.Spot(); doc == nil {
		t.Fatal("the name on screen does not stand out under the list")
	}
	h.press("?")
	if h.m.overlay != helpOverlay {
		t.Fatalf("? opens no help: overlay %d", h.m.overlay)
	}
	if doc, ranges := h.m.reader.Spot(); doc != nil || len(ranges) > 0 {
		t.Errorf("the name still stands out under the help: %s %v", docID(doc), ranges)
	}
}

// The list of a person's mentions takes typed text while its filter is
// typed, and only then.
func TestMentionsFilterTakesText(t *testing.T) {
	if testing.Short() {
		t.Skip("finds every mention in the library")
	}
	filterTakesText(t, mentionsOnScreen(t), "esc")
}

// indexDeps is libraryDeps opened at the printed index of Lenin's Fight.
func indexDeps(t *testing.T) Deps {
	t.Helper()
	d := libraryDeps(t, "lenins-fight", 0)
	ix, err := d.Start.Doc.Heading("index")
	if err != nil {
		t.Fatal(err)
	}
	d.Start.Offset = ix.Offset
	return d
}

// In the index of Lenin's Fight, follow-note lists the entries on screen
// and their pages; going to a page puts the entry's words on screen,
// standing out, and ctrl+o comes back.
func TestIndexPages(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the people index")
	}
	d := indexDeps(t)
	lf := d.Start.Doc
	h := newHarness(t, d, 100, 30)
	from := h.m.reader.Here()
	h.press("enter")
	if h.m.overlay != placesOverlay {
		t.Fatalf("enter on the index lists no pages: %q", statusLine(h))
	}
	view := h.view()
	if !strings.Contains(view, "All-Russia Central Executive Committee") || !strings.Contains(view, "p. 82") {
		t.Fatalf("the first entry and its page are not listed:\n%s", view)
	}
	// Avanesov's pages: the fifth is his biographical note, 150b.
	for range 40 {
		if i := h.m.places.Cursor(); i >= 0 && h.m.placeSpots[i].find == "Avanesov" {
			break
		}
		h.press("j")
	}
	h.press("j", "j", "j", "j")
	if !strings.Contains(h.view(), "› Biographical Notes") {
		t.Fatalf("the cursor is not on the page of the biographical note:\n%s", h.view())
	}
	h.press("enter")
	if h.m.overlay != noOverlay {
		t.Fatalf("enter on a page: overlay %d", h.m.overlay)
	}
	doc, ranges := h.m.reader.Spot()
	if doc != lf || len(ranges) == 0 {
		t.Fatalf("no words stand out: %s %v", docID(doc), ranges)
	}
	// A "b" page is the note on him, his name standing out.
	if got := lf.PlainRange(ranges[0].Start, ranges[0].End); got != "Avanesov, Varlaam Aleksandrovich" {
		t.Errorf("the words standing out are %q", got)
	}
	sc := h.m.reader.Screen()
	if page, _ := lf.PageAt(lf.BodyOffset(ranges[0].Start)); page != "150" {
		t.Errorf("the words are on page %s, want 150", page)
	}
	if off := lf.BodyOffset(ranges[0].Start); off < sc.Top || off >= sc.Bottom {
		t.Errorf("the words at %d are not on screen %d–%d", off, sc.Top, sc.Bottom)
	}
	h.press("ctrl+o")
	if got := h.m.reader.Here(); got != from {
		t.Errorf("ctrl+o: at %d, want %d", got.Offset, from.Offset)
	}
}

// Going to a page of an entry of the printed index arrives at the top of
// that page, as a reader of a printed index expects, and the status bar
// names it; where the entry's words are further down than the screen
// reaches, they are brought into view, near its foot.
func TestIndexPageAtItsTop(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the people index")
	}
	d := indexDeps(t)
	lf := d.Start.Doc
	const height = 16
	h := newHarness(t, d, 100, height)
	from := h.m.reader.Here()
	atTop, below := 0, 0
	for k := 0; k < 40 && (atTop < 3 || below < 1); k++ {
		h.press("enter")
		if h.m.overlay != placesOverlay {
			t.Fatalf("enter on the index lists no pages: %q", statusLine(h))
		}
		for range k {
			h.press("j")
		}
		i := h.m.places.Cursor()
		if i < 0 || i >= len(h.m.placeSpots) || h.m.placeSpots[i].doc == nil {
			break // past the last page listed
		}
		h.press("enter")
		doc, ranges := h.m.reader.Spot()
		if h.m.overlay != noOverlay || doc != lf {
			t.Fatalf("row %d: overlay %d, spot in %s", k, h.m.overlay, docID(doc))
		}
		if len(ranges) == 0 {
			h.press("ctrl+o")
			continue // the words are not on that page
		}
		words := lf.BodyOffset(ranges[0].Start)
		page, _ := lf.PageAt(words)
		start, _ := lf.PageOffset(page)
		if sc := h.m.reader.Screen(); sc.Page != page || !strings.Contains(statusLine(h), "p. "+page) {
			t.Errorf("row %d: the words are on p. %s, the status bar says %q", k, page, statusLine(h))
		}
		row, shown := h.m.reader.SpotRow()
		if !shown {
			t.Errorf("row %d: the words of p. %s are not on screen", k, page)
		}
		switch top := h.m.reader.Here().Offset; {
		case top == start:
			atTop++
		case top > start && row >= height/2:
			below++ // the page's start would have left them off the screen
		default:
			t.Errorf("row %d: p. %s begins at %d, the screen at %d, the words on row %d", k, page, start, top, row)
		}
		h.press("ctrl+o")
		if got := h.m.reader.Here(); got != from {
			t.Fatalf("ctrl+o: at %d, want %d", got.Offset, from.Offset)
		}
	}
	if atTop == 0 || below == 0 {
		t.Errorf("%d pages opened at their top, %d with their words further down: want some of each", atTop, below)
	}
}

// The go-to prompt finds an entry of the printed index, whose pages it
// lists, and a person, whose box it opens.
func TestGoToFindsPeopleAndEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the people index")
	}
	h := newHarness(t, libraryDeps(t, "revolution-betrayed", -1), 100, 30)
	h.press("o")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("bureaucracy index"), Paste: true})
	if !strings.Contains(h.view(), "Bureaucracy — index, ") {
		t.Fatalf("the prompt does not list the entry:\n%s", h.view())
	}
	h.press("enter")
	if h.m.overlay != placesOverlay || !strings.Contains(h.view(), "Index: Bureaucracy") {
		t.Fatalf("enter does not list the entry's pages:\n%s", h.view())
	}
	h.press("esc", "o")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ordzhonikidze"), Paste: true})
	h.press("enter")
	if h.m.overlay != personOverlay || !strings.Contains(h.view(), "Ordzhonikidze, Grigory") {
		t.Fatalf("enter does not show the person:\n%s", h.view())
	}
}

// A library without a people index (a folder of the reader's own): w and
// W say so, and open nothing; Enter on a screen without a note says that.
func TestNoPeopleIndex(t *testing.T) {
	h := newHarness(t, testDeps(t), 100, 20)
	for _, k := range []string{"w", "W"} {
		h.press(k)
		if h.m.overlay != noOverlay {
			t.Fatalf("%s opened overlay %d", k, h.m.overlay)
		}
		if got := statusLine(h); !strings.Contains(got, "No people index for this library.") {
			t.Errorf("%s: status %q", k, got)
		}
	}
	h.press("enter")
	if h.m.overlay != noOverlay || !strings.Contains(statusLine(h), "No note marker on screen.") {
		t.Errorf("enter: overlay %d, status %q", h.m.overlay, statusLine(h))
	}
	// The go-to prompt lists headings, and no people.
	h.press("o", "a")
	if v := h.view(); !strings.Contains(v, "Alpha") || strings.Contains(v, "— person") || strings.Contains(v, "— index") {
		t.Errorf("the prompt:\n%s", v)
	}
	checkFits(t, h.view(), 100, 20)
}

// The help lists the keys of the people index where the library has one,
// and not in a folder of the reader's own, where they cannot work.
func TestHelpPeopleKeys(t *testing.T) {
	for _, tt := range []struct {
		d    Deps
		want bool
	}{{testDeps(t), false}, {libraryDeps(t, "", 0), true}} {
		h := newHarness(t, tt.d, 200, 120)
		h.press("?")
		v := h.view()
		if !strings.Contains(v, "next section") {
			t.Fatalf("the help does not show all at once:\n%s", v)
		}
		if got := strings.Contains(v, "People and the index") && strings.Contains(v, "who is this"); got != tt.want {
			t.Errorf("people index %v: the help lists its keys %v", tt.want, got)
		}
	}
}

// With mark_people, the names the notes know are underlined once the
// people index is read; without it, none is.
func TestNamesMarked(t *testing.T) {
	if testing.Short() {
		t.Skip("finds every mention in the library")
	}
	for _, on := range []bool{false, true} {
		d := kamenevDeps(t)
		d.MarkPeople = on
		h := newHarness(t, d, 100, 30)
		if got := strings.Contains(h.view(), "\x1b[4m\x1b[4:4mKamenev\x1b[0m"); got != on {
			t.Errorf("mark_people %v: Kamenev underlined %v:\n%q", on, got, h.view())
		}
	}
}

// The keys of the people index are the config file's to change.
func TestPeopleKeysRebound(t *testing.T) {
	keys, problems := keymap.Parse([]byte("[keys]\nwho-is-this = \"i\"\npeople = \"I\"\n"))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	d := testDeps(t)
	d.Keys = keys
	h := newHarness(t, d, 100, 20)
	for _, k := range []string{"i", "I"} {
		h.press(k)
		if got := statusLine(h); !strings.Contains(got, "No people index") {
			t.Errorf("%s: status %q", k, got)
		}
	}
	h.press("w")
	if got := statusLine(h); !strings.Contains(got, "w does nothing here") {
		t.Errorf("w, no longer bound: status %q", got)
	}
}
