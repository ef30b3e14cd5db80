package searchbar

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
)

// newBar is the bar over the fixture library, open in its first document,
// at 80 columns over a text pane of 23 rows.
func newBar(t *testing.T) (Model, *common.Common) {
	t.Helper()
	lib, err := corpus.Load(os.DirFS("../testdata/corpus"))
	if err != nil {
		t.Fatal(err)
	}
	c := common.New(common.Common{Lib: lib, Keys: keymap.Default(), MaxWidth: 80, Now: time.Now,
		After: func(time.Duration, tea.Msg) tea.Cmd { return nil }})
	b := New(c, Styles{})
	b.SetSize(80, 23)
	b.Open(lib.Docs[0], 0, false, Painted{Current: -1})
	return b, c
}

// typeKeys types each character of text, and returns the command each
// started.
func typeKeys(b *Model, text string) []tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range text {
		var cmd tea.Cmd
		*b, cmd, _ = b.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		cmds = append(cmds, cmd)
	}
	return cmds
}

// TestOldResultsAreDropped: the hits of a query typed over, of one not yet
// sent, and of one sent before the bar closed, are dropped; those of the
// query typed are taken, and shown.
func TestOldResultsAreDropped(t *testing.T) {
	b, c := newBar(t)
	cmds := typeKeys(&b, "dolore")
	msg, ok := cmds[len(cmds)-1]().(ResultsMsg)
	if !ok {
		t.Fatal("no hits for dolore")
	}
	b, _, _ = b.Update(msg)
	res := b.Results()
	if res == nil || res.Total() == 0 {
		t.Fatalf("no hits for dolore: %+v", res)
	}
	other := c.Index.Search(corpus.Query{Text: "ipsum", Doc: -1}, nil)
	for _, tt := range []struct {
		name string
		msg  ResultsMsg
	}{
		{"hits of an earlier query", ResultsMsg{gen: b.gen - 1, text: "dolor", results: other}},
		{"hits of a query not yet sent", ResultsMsg{gen: b.gen + 1, text: "dolorem", results: other}},
	} {
		before := b.View()
		next, _, in := b.Update(tt.msg)
		if next.Results() != res || in.Do != common.None || next.View() != before {
			t.Errorf("%s: the bar shows %v and asks %v", tt.name, next.Results().Query, in)
		}
	}
	next, _, in := b.Update(ResultsMsg{gen: b.gen, text: "dolore", results: other})
	if next.Results() != other || in.Do != common.ShowHit {
		t.Errorf("the hits of the query typed: the bar shows %v and asks %v", next.Results().Query, in)
	}
	gen := b.gen
	b.Close()
	if next, _, in := b.Update(ResultsMsg{gen: gen, text: "dolore", results: other}); next.Results() != res || in.Do != common.None {
		t.Errorf("hits after the bar closed: the bar shows %v and asks %v", next.Results().Query, in)
	}
}

// TestEnterWaitsForTheHits: Enter typed before the hits of what was typed
// waits for them; the hits of the earlier queries, had they come, are not
// taken; the last close the bar at the first hit.
func TestEnterWaitsForTheHits(t *testing.T) {
	b, c := newBar(t)
	cmds := typeKeys(&b, "dolor")
	var in common.Intent
	b, _, in = b.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if !b.Accepting() || in.Do != common.None {
		t.Fatalf("Enter did not wait for the hits: %v", in)
	}
	for i := range len(cmds) - 1 {
		q := "dolor"[:i+1]
		b, _, in = b.Update(ResultsMsg{gen: b.gen - len(cmds) + 1 + i, text: q, results: c.Index.Search(corpus.Query{Text: q, Doc: -1}, nil)})
		if b.Results() != nil || !b.Accepting() || in.Do != common.None {
			t.Fatalf("the hits of %q were taken", q)
		}
	}
	b, _, in = b.Update(cmds[len(cmds)-1]())
	if in.Do != common.AcceptHit || in.Hit != b.Selected() || b.Last().Results != b.Results() {
		t.Errorf("after the last hits: asks %v; n goes on with %v", in, b.Last())
	}
}

// TestOneHitTakesFewRows: the list of hits takes the rows it needs, so
// that one hit leaves no empty rows over the text.
func TestOneHitTakesFewRows(t *testing.T) {
	b, _ := newBar(t)
	if got := len(b.panel()); got != 2 {
		t.Errorf("nothing typed: %d rows, want the head and the hint", got)
	}
	cmds := typeKeys(&b, "accusamus")
	b, _, _ = b.Update(cmds[len(cmds)-1]())
	if b.Results().Total() != 1 {
		t.Fatalf("accusamus: %d hits, want 1", b.Results().Total())
	}
	panel := b.panel()
	if len(panel) != 4 { // the head, the document, the section and the hit
		t.Errorf("one hit: %d rows\n%s", len(panel), strings.Join(panel, "\n"))
	}
	for _, line := range panel {
		if strings.TrimSpace(line) == "" {
			t.Errorf("one hit leaves an empty row:\n%s", strings.Join(panel, "\n"))
		}
	}
	if len(panel) > b.PanelHeight() {
		t.Errorf("%d rows, more than the %d the bar may cover", len(panel), b.PanelHeight())
	}
}

// TestScopeIsShown: searching only the document being read stays so for
// the next search, and the bar says so each time.
func TestScopeIsShown(t *testing.T) {
	b, c := newBar(t)
	title := c.Lib.Docs[0].ShortTitle()
	if strings.Contains(b.View(), "Search in") {
		t.Fatalf("the whole library, shown as one document:\n%s", b.View())
	}
	b, _, _ = b.Update(tea.KeyMsg{Type: tea.KeyCtrlT})
	for _, when := range []string{"after ctrl+t", "the next search"} {
		view := b.View()
		if !strings.Contains(view, "Search in "+title+" › ") || !strings.Contains(view, "Type to search in "+title+" only") {
			t.Errorf("%s: the bar does not say it searches %s only:\n%s", when, title, view)
		}
		b.Close()
		b.Open(c.Lib.Docs[0], 0, false, Painted{Current: -1})
	}
	b, _, _ = b.Update(tea.KeyMsg{Type: tea.KeyCtrlT})
	if strings.Contains(b.View(), "Search in") {
		t.Errorf("ctrl+t again: still one document:\n%s", b.View())
	}
}

func TestFindInNotes(t *testing.T) {
	ns := []Note{
		{ID: "a", Doc: 0, Comment: "The Dühring of it", Words: "first passage"},
		{ID: "b", Doc: 1, Comment: "", Words: "a passage about Duhring"},
		{ID: "c", Doc: 1, Comment: "nothing", Words: "nothing"},
	}
	folded := foldNotes(ns)
	hits := findInNotes(ns, folded, "duhring", -1)
	if len(hits) != 2 || !hits[0].InComment || ns[hits[0].Note].Comment[hits[0].Start:hits[0].End] != "Dühring" ||
		hits[1].InComment || ns[hits[1].Note].Words[hits[1].Start:hits[1].End] != "Duhring" {
		t.Errorf("findInNotes = %+v", hits)
	}
	if hits := findInNotes(ns, folded, "duhring", 1); len(hits) != 1 || hits[0].Note != 1 {
		t.Errorf("in one work: %+v", hits)
	}
	if hits := findInNotes(ns, folded, "  ", -1); hits != nil {
		t.Errorf("nothing typed: %+v", hits)
	}
}
