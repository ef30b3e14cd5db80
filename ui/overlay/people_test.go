package overlay

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
)

// The boxes of the people index are kept as golden files of their views
// (go test ./ui/overlay -update rewrites them), drawn without colour as
// NO_COLOR draws them.

func plainStyles() Styles {
	r := lipgloss.NewRenderer(nil)
	r.SetColorProfile(termenv.Ascii)
	return Styles{Box: r.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1), Title: r.NewStyle(), Foot: r.NewStyle(),
		Text: r.NewStyle(), Group: r.NewStyle(), Name: r.NewStyle(), Quiet: r.NewStyle(), Selected: r.NewStyle()}
}

func plainCommon() *common.Common {
	return &common.Common{Keys: keymap.Default()}
}

func keyOf(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

var kamenev = PersonEntry{
	Name:   "Kamenev, Lev Borisovich",
	Dates:  "1883–1936",
	Note:   "Joined Russian Social Democratic Labor Party in 1901. Head of Bolshevik Duma fraction before World War I. Arrested and exiled to Siberia in November 1914.",
	Source: "Lenin’s Fight Against Stalinism, Biographical Notes, p. 151",
	Counts: []WorkCount{{"Revolution Betrayed", 8}, {"Lenin’s Fight", 47}},
}

func TestPersonView(t *testing.T) {
	zinoviev := PersonEntry{Name: "Zinoviev, Grigory Yevseyevich", Dates: "1883–1936", Note: "President of the Communist International.", Counts: []WorkCount{{"Rise of Stalinism", 30}}}
	p := NewPerson(plainCommon(), plainStyles())
	p.SetSize(80, 24)
	p.Open([]PersonEntry{kamenev, zinoviev})
	first := p.View()
	p, _ = p.Update(keyOf("w"))
	if p.At() != 1 || !strings.Contains(p.View(), "Zinoviev, Grigory Yevseyevich (1883–1936)  (2 of 2 on screen)") {
		t.Errorf("w does not show the next name:\n%s", p.View())
	}
	p, _ = p.Update(keyOf("w"))
	if p.At() != 0 {
		t.Errorf("w after the last name: at %d, want round to 0", p.At())
	}
	golden.RequireEqual(t, []byte(first))
}

// On a low terminal the box fits, whatever the note and its counts: the
// source and the counts scroll with the note.
func TestPersonLow(t *testing.T) {
	long := kamenev
	long.Counts = []WorkCount{{"Revolution Betrayed", 8}, {"Lenin’s Fight", 47}, {"Rise of Stalinism", 24}, {"Stalin: 50 years after", 26}, {"Notes in the Margins", 1}}
	for _, size := range [][2]int{{40, 10}, {50, 12}, {80, 24}, {60, 40}} {
		p := NewPerson(plainCommon(), plainStyles())
		p.SetSize(size[0], size[1])
		p.Open([]PersonEntry{long})
		view := p.View()
		lines := strings.Split(view, "\n")
		if len(lines) > size[1]-1-3 || !strings.HasPrefix(lines[len(lines)-1], "╰") || !strings.Contains(view, "close") {
			t.Errorf("%dx%d: the box takes %d lines:\n%s", size[0], size[1], len(lines), view)
		}
		seen := view
		for range 20 {
			p, _ = p.Update(keyOf("j"))
			seen += p.View()
		}
		for _, want := range []string{"Biographical Notes", "Margins 1"} {
			if !strings.Contains(seen, want) {
				t.Errorf("%dx%d: %q never shows:\n%s", size[0], size[1], want, seen)
			}
		}
	}
}

func TestPlacesView(t *testing.T) {
	d := &corpus.Document{}
	rows := []PlaceRow{
		{Head: "Revolution Betrayed › Chapter 5"},
		{Text: "the triumvirate of Zinoviev and ", Words: "Kamenev", After: ", who had opposed the insurrection in October", Page: "93", At: corpus.Place{Doc: d, Offset: 10}},
		{Text: "a long way before the name, so long that it cannot all show before ", Words: "Kamenev", After: "’s speech", Page: "94", At: corpus.Place{Doc: d, Offset: 20}},
		{Head: "Lenin’s Fight › Index"},
		{Text: "Kamenev, L., 19, 20", Page: "157", At: corpus.Place{Doc: d, Offset: 30}},
	}
	l := NewPlaces(plainCommon(), plainStyles())
	l.SetSize(70, 12)
	l.Open("Kamenev — 3 mentions", rows, 2, "none")
	if l.Cursor() != 2 {
		t.Errorf("opened at row 2: cursor %d", l.Cursor())
	}
	l, _, _ = l.Update(keyOf("j"))
	if l.Cursor() != 4 {
		t.Errorf("j over a heading: cursor %d, want 4", l.Cursor())
	}
	l, _, _ = l.Update(keyOf("j"))
	if l.Cursor() != 4 {
		t.Errorf("j on the last: cursor %d, want 4", l.Cursor())
	}
	var in common.Intent
	l, _, in = l.Update(keyOf("enter"))
	if in.Do != common.Open || in.At.Offset != 30 {
		t.Errorf("enter asks %+v, want to open offset 30", in)
	}
	l, _, _ = l.Update(keyOf("g"))
	golden.RequireEqual(t, []byte(l.View()))
}

func TestPlacesEmpty(t *testing.T) {
	l := NewPlaces(plainCommon(), plainStyles())
	l.SetSize(60, 12)
	l.Open("Avanesov — 0 mentions", nil, 0, "The works do not mention Avanesov elsewhere.")
	_, _, in := l.Update(keyOf("enter"))
	if in.Do != common.None || l.Cursor() != -1 || !strings.Contains(ansi.Strip(l.View()), "do not mention Avanesov") {
		t.Errorf("an empty list: cursor %d, intent %+v:\n%s", l.Cursor(), in, l.View())
	}
}

func TestPeopleView(t *testing.T) {
	rows := []PersonRow{
		NewPersonRow(0, "Bukharin, Nikolai Ivanovich", "Bukharin, N. I.", "1888–1938", 55, nil),
		NewPersonRow(1, "Dzerzhinsky, Feliks Edmundovich", "Dzerzhinsky, F. E.", "1877–1926", 28, []string{"Dzerjinsky"}),
		NewPersonRow(2, "Zinoviev, Grigory Yevseyevich", "Zinoviev, G. Y.", "1883–1936", 96, []string{"Zinovyev"}),
		NewPersonRow(3, "Kabanidze", "", "", 3, nil),
	}
	p := NewPeople(plainCommon(), plainStyles())
	p.SetSize(70, 14)
	p.Open(rows)
	p, _, _ = p.Update(keyOf("ctrl+s"))
	if p.Selected() != 2 {
		t.Errorf("by mentions, the first is %d, want Zinoviev", p.Selected())
	}
	golden.RequireEqual(t, []byte(p.View()))
	// Typed words filter, folded, by any name.
	for _, tt := range []struct {
		typed string
		want  int
	}{{"dzerj", 1}, {"ZIN", 2}, {"nikolai bukh", 0}, {"nobody", -1}} {
		p.Open(rows)
		for _, r := range tt.typed {
			p, _, _ = p.Update(keyOf(string(r)))
		}
		if p.Selected() != tt.want {
			t.Errorf("%q: selected %d, want %d", tt.typed, p.Selected(), tt.want)
		}
	}
	// Still by mentions: the second is Bukharin.
	p.Open(rows)
	p, _, _ = p.Update(keyOf("down"))
	_, _, in := p.Update(keyOf("enter"))
	if in.Do != common.ShowPerson || in.Person != 0 {
		t.Errorf("enter asks %+v, want to show person 0", in)
	}
}

// The filter keeps the places whose words or heading hold every word
// typed, with their headings; esc clears it, and the cursor stays on the
// place it was on.
func TestPlacesFilter(t *testing.T) {
	d := &corpus.Document{}
	rows := []PlaceRow{
		{Head: "Revolution Betrayed › Chapter 5"},
		{Text: "the triumvirate of Zinoviev and ", Words: "Kamenev", Page: "93", At: corpus.Place{Doc: d, Offset: 10}},
		{Text: "the Thermidor of ", Words: "Kamenev", Page: "94", At: corpus.Place{Doc: d, Offset: 20}},
		{Head: "Lenin’s Fight › Index"},
		{Text: "Kamenev, L., 19, 20", Page: "157", At: corpus.Place{Doc: d, Offset: 30}},
	}
	l := NewPlaces(plainCommon(), plainStyles())
	l.SetSize(70, 14)
	l.Open("Kamenev — 3 mentions", rows, 2, "none")
	for _, k := range []string{"/", "t", "h", "e", "r", "m"} {
		l, _, _ = l.Update(keyOf(k))
	}
	view := ansi.Strip(l.View())
	if !l.Filtering() || l.Cursor() != 2 || strings.Contains(view, "triumvirate") || !strings.Contains(view, "Chapter 5") || strings.Contains(view, "Index") {
		t.Errorf("filtered by thermidor: cursor %d:\n%s", l.Cursor(), view)
	}
	// A heading's words keep its places.
	l, _, _ = l.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	for _, k := range []string{"i", "n", "d", "e", "x"} {
		l, _, _ = l.Update(keyOf(k))
	}
	if l.Cursor() != 4 {
		t.Errorf("filtered by index: cursor %d, want 4", l.Cursor())
	}
	l, _, _ = l.Update(keyOf("enter"))
	if l.Filtering() {
		t.Error("enter does not keep the filter")
	}
	_, _, in := l.Update(keyOf("enter"))
	if in.Do != common.Open || in.At.Offset != 30 {
		t.Errorf("enter asks %+v", in)
	}
	if !l.ClearFilter() || l.Cursor() != 4 || !strings.Contains(ansi.Strip(l.View()), "Zinoviev and") {
		t.Errorf("cleared: cursor %d:\n%s", l.Cursor(), l.View())
	}
	if l.ClearFilter() {
		t.Error("a second clear clears something")
	}
}
