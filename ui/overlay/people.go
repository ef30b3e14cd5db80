package overlay

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/field"
)

// People is the list of everyone the library's notes say who they were:
// filtered as the reader types (every word typed, in any of the names,
// accents and case folded), sorted by name or by how often the works
// mention them. Accept asks the root to show the person under the cursor.
type People struct {
	KeyMap KeyMap
	Styles Styles

	c       *common.Common
	box     box // its offset is the first row on screen
	input   field.Model
	all     []PersonRow
	shown   []int // indexes in all that match what is typed, in the order chosen
	byCount bool  // sorted by mentions, most first; else by name
	cursor  int
}

// PersonRow is a person as the list shows them.
type PersonRow struct {
	Name     string // as the note names them: "Zinoviev, Grigory Yevseyevich"
	Short    string // shorter, for the row: "Zinoviev, G. Y."
	Dates    string
	Mentions int
	Person   int    // the person's index, handed back to the root
	words    string // every name, folded, for the filter
}

// NewPeople is the list, empty.
func NewPeople(c *common.Common, styles Styles) People {
	k := NewKeyMap(c.Keys)
	return People{KeyMap: k, Styles: styles, c: c, box: box{widest: 84},
		input: field.New("a name", k.Field, styles.Field)}
}

// NewPersonRow is a row for a person, found by any of names.
func NewPersonRow(person int, name, short, dates string, mentions int, names []string) PersonRow {
	return PersonRow{Name: name, Short: short, Dates: dates, Mentions: mentions, Person: person,
		words: corpus.Fold(name+" "+short+" "+strings.Join(names, " "), true)}
}

// Open lists rows, with nothing typed, the cursor on the first.
func (p *People) Open(rows []PersonRow) {
	p.all = rows
	p.input.SetValue("")
	p.cursor, p.box.offset = 0, 0
	p.filter()
}

// SetSize lays the list out for a terminal of this size.
func (p *People) SetSize(width, height int) {
	p.box.width, p.box.height = width, height
	p.input.SetWidth(max(1, p.box.innerWidth()-lipgloss.Width(peopleLabel)))
	p.scrollToCursor()
}

// Selected is the person under the cursor, -1 for none.
func (p People) Selected() int {
	if p.cursor < len(p.shown) {
		return p.all[p.shown[p.cursor]].Person
	}
	return -1
}

// Value is what is typed.
func (p People) Value() string { return p.input.Value() }

// filter lists the people whose names hold every word typed, in the
// order chosen.
func (p *People) filter() {
	words := filterWords(p.input.Value())
	p.shown = p.shown[:0]
	for i, r := range p.all {
		if containsAll(r.words, words) {
			p.shown = append(p.shown, i)
		}
	}
	if p.byCount {
		slices.SortStableFunc(p.shown, func(a, b int) int { return cmp.Compare(p.all[b].Mentions, p.all[a].Mentions) })
	}
	p.cursor = min(p.cursor, max(0, len(p.shown)-1))
	p.scrollToCursor()
}

// listHeight is how many people the box shows.
func (p *People) listHeight() int {
	return max(1, p.box.height-1-frameH-3-2)
}

func (p *People) scrollToCursor() { p.box.follow(p.cursor, p.listHeight()) }

// Update takes a key: next and previous move the cursor, sort changes
// the order, accept asks the root to show the person under the cursor;
// anything else is typed.
func (p People) Update(msg tea.Msg) (People, tea.Cmd, common.Intent) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil, common.Intent{}
	}
	k := p.KeyMap
	switch {
	case key.Matches(kmsg, k.Next):
		p.cursor = min(p.cursor+1, max(0, len(p.shown)-1))
	case key.Matches(kmsg, k.Prev):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(kmsg, k.PageDown) && kmsg.Type != tea.KeyRunes:
		p.cursor = min(p.cursor+p.listHeight()-1, max(0, len(p.shown)-1))
	case key.Matches(kmsg, k.PageUp) && kmsg.Type != tea.KeyRunes:
		p.cursor = max(p.cursor-p.listHeight()+1, 0)
	case key.Matches(kmsg, k.Sort):
		p.byCount = !p.byCount
		p.cursor, p.box.offset = 0, 0 // the first in the new order
		p.filter()
	case key.Matches(kmsg, k.Accept):
		if who := p.Selected(); who >= 0 {
			return p, nil, common.Intent{Do: common.ShowPerson, Person: who}
		}
		return p, common.Hint("No one matches " + common.Quoted(p.input.Value()) + "."), common.Intent{}
	default:
		if p.input.Edit(kmsg) {
			p.cursor = 0
			p.filter()
		}
		return p, nil, common.Intent{}
	}
	p.scrollToCursor()
	return p, nil, common.Intent{}
}

const peopleLabel = "Who › "

// View is the box: what is typed, the people who match, and a line that
// counts them and says how they are sorted.
func (p People) View() string {
	s := p.Styles
	inner := p.box.innerWidth()
	if inner <= 8 {
		return ""
	}
	lines := []string{common.Fit(s.Title.Render(peopleLabel)+p.input.View(), inner)}
	n := p.listHeight()
	if len(p.shown) == 0 {
		lines = append(lines, common.Fit(s.Quiet.Render("no one matches"), inner))
	}
	for i := p.box.offset; i < len(p.shown) && i < p.box.offset+n; i++ {
		lines = append(lines, p.rowLine(p.all[p.shown[i]], i == p.cursor, inner))
	}
	for len(lines) < n+1 {
		lines = append(lines, strings.Repeat(" ", inner))
	}
	order := "by name"
	if p.byCount {
		order = "by mentions"
	}
	count := fmt.Sprintf("%d of %d, %s", min(len(p.shown), p.cursor+1), len(p.shown), order)
	if k := common.FirstKey(p.KeyMap.Sort); k != "" {
		count += " (" + k + ")"
	}
	hs := []keyHint{{p.KeyMap.Accept, "who"}, {p.KeyMap.Back, "close"}}
	lines = append(lines, keyFoot(s, hs, count, inner))
	return frame(s, inner, lines)
}

// rowLine draws a person: "Zinoviev, G. Y. (1883–1936) — 212 mentions".
func (p People) rowLine(r PersonRow, selected bool, width int) string {
	s := p.Styles
	name := r.Short
	if name == "" {
		name = r.Name
	}
	dates := ""
	if r.Dates != "" {
		dates = " (" + r.Dates + ")"
	}
	count := common.Plural(r.Mentions, "mention", "mentions")
	room := max(1, width-2-lipgloss.Width(count)-3)
	who := ansi.Truncate(name+dates, room, "…")
	gap := max(1, width-2-lipgloss.Width(who)-lipgloss.Width(count))
	if selected {
		return s.Selected.Render(common.Fit("› "+who+strings.Repeat(" ", gap)+count, width))
	}
	return common.Fit("  "+s.Text.Render(who)+strings.Repeat(" ", gap)+s.Quiet.Render(count), width)
}
