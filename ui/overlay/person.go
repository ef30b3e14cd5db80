package overlay

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"samizdat/ui/common"
	"samizdat/ui/render"
)

// Person shows who someone named in the text was, without moving it: the
// note on them, where the note is from, and how often each work mentions
// them. Over the names on screen, who-is-this shows the next name each
// time it is pressed again; mentions asks the root to list where the
// works mention the person shown.
type Person struct {
	KeyMap KeyMap
	Styles Styles

	c      *common.Common
	box    box // on the text pane; its offset is the first line of the note shown
	people []PersonEntry
	at     int      // the one shown
	lines  []string // the note, wrapped to the box: what scrolls
	below  []string // its source and the counts, under it and always shown
}

// PersonEntry is a person as the box shows them.
type PersonEntry struct {
	Name   string // as the note names them: "Kamenev, Lev Borisovich"
	Dates  string // "1883–1936"; "" when the note gives none
	Note   string
	Source string // where the note is: "Lenin’s Fight Against Stalinism, Biographical Notes, p. 150"
	Counts []WorkCount
}

// WorkCount is how often one work mentions a person.
type WorkCount struct {
	Work string // the work's short title
	N    int
}

// NewPerson is a person's box, showing no one.
func NewPerson(c *common.Common, styles Styles) Person {
	return Person{KeyMap: NewKeyMap(c.Keys), Styles: styles, c: c, box: box{widest: 80}}
}

// Open shows the first of people: the names on screen, in order, or one
// person alone.
func (p *Person) Open(people []PersonEntry) {
	p.people, p.at = people, 0
	p.layout()
}

// At is which of the names has its person shown, counted from 0.
func (p Person) At() int { return p.at }

// Len is how many names the box goes through.
func (p Person) Len() int { return len(p.people) }

// SetSize lays the box out over a text pane width columns wide, on a
// terminal height rows high.
func (p *Person) SetSize(width, height int) {
	p.box.width, p.box.height = width, height
	if len(p.people) > 0 {
		p.layout()
	}
}

// rows is how many lines the box shows: the title and the foot aside,
// in about half the terminal, so that the name it is about shows above
// or below it.
func (p *Person) rows() int {
	room := max(3, p.box.height/2-frameH-2) - len(p.below)
	return max(1, min(len(p.lines), p.spare()-len(p.below), room))
}

// spare is the lines of the terminal the note and what goes under it may
// take: the status bar, the frame, the title and the foot aside, and three
// lines of the text.
func (p *Person) spare() int {
	return p.box.height - 1 - frameH - 2 - 3
}

func (p *Person) layout() {
	p.box.offset = 0
	p.lines, p.below = nil, nil
	w := p.box.innerWidth()
	if w <= 0 || len(p.people) == 0 {
		return
	}
	e := p.people[p.at]
	p.lines = render.WrapText(e.Note, w)
	if e.Source != "" {
		for _, l := range render.WrapText("— "+e.Source, w) {
			p.below = append(p.below, p.Styles.Quiet.Render(l))
		}
	}
	if len(e.Counts) > 0 {
		var parts []string
		total := 0
		for _, c := range e.Counts {
			parts = append(parts, fmt.Sprintf("%s %d", c.Work, c.N))
			total += c.N
		}
		text := "Mentioned " + common.Plural(total, "time", "times") + ": " + strings.Join(parts, " · ")
		p.below = append(p.below, render.WrapText(text, w)...)
	}
	if p.spare()-len(p.below) < min(3, len(p.lines)) {
		// A terminal too low for all of it below the note: it scrolls
		// with the note, and the box fits.
		p.lines, p.below = append(p.lines, p.below...), nil
	}
}

// Update takes a key: who-is-this shows the next name on screen, the
// moving keys scroll; mentions is the root's to handle.
func (p Person) Update(msg tea.Msg) (Person, tea.Cmd) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	k := p.KeyMap
	switch {
	case key.Matches(kmsg, k.WhoIsThis):
		if len(p.people) > 1 {
			p.at = (p.at + 1) % len(p.people)
			p.layout()
		}
	case p.box.scroll(kmsg, k, p.rows(), len(p.lines)):
	default:
		return p, p.c.UnknownKey(kmsg)
	}
	return p, nil
}

// View is the box: the name and dates, the note, its source, the counts,
// and the keys that act on it.
func (p Person) View() string {
	s := p.Styles
	inner := p.box.innerWidth()
	rows := p.rows()
	if inner <= 4 || len(p.people) == 0 {
		return ""
	}
	e := p.people[p.at]
	title := e.Name
	if e.Dates != "" {
		title += " (" + e.Dates + ")"
	}
	if len(p.people) > 1 {
		title += fmt.Sprintf("  (%d of %d on screen)", p.at+1, len(p.people))
	}
	body := []string{s.Title.Render(ansi.Truncate(title, inner, "…"))}
	for _, l := range slices.Concat(p.box.window(p.lines, rows), p.below) {
		body = append(body, common.Fit(s.Text.Render(l), inner))
	}
	k := p.KeyMap
	hs := []keyHint{{k.Mentions, "mentions"}}
	if len(p.people) > 1 {
		hs = append(hs, keyHint{k.WhoIsThis, "next"})
	}
	hs = append(hs, keyHint{k.Back, "close"})
	body = append(body, keyFoot(s, hs, moreMark(p.box.offset, rows, len(p.lines)), inner))
	return frame(s, inner, body)
}
