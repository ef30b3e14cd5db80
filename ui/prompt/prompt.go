// Package prompt is the go-to prompt: what is typed filters every document
// and every heading of the library, fuzzily, and the people and the
// entries of the printed index the library's people index has; Enter goes
// to the one chosen (a person's box, an entry's pages). A number with % goes to that share of the document being read,
// and "p. 37" to a printed page 37.
package prompt

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
	"samizdat/ui/field"
)

// KeyMap is the keys of the prompt; the others are typed.
type KeyMap struct {
	Next, Prev, Accept key.Binding
	Field              field.KeyMap
}

// NewKeyMap takes the prompt's keys from the reader's.
func NewKeyMap(k keymap.Map) KeyMap {
	return KeyMap{Next: k.Next, Prev: k.Prev, Accept: k.Accept, Field: field.NewKeyMap(k)}
}

// Styles is how the prompt is drawn.
type Styles struct {
	Box      lipgloss.Style // the box, border and all
	Label    lipgloss.Style // before what is typed
	Match    lipgloss.Style // the characters of a match that match
	Selected lipgloss.Style // the match selected
	Quiet    lipgloss.Style // a line that says nothing matches
	Count    lipgloss.Style // the line that counts the matches
	Field    field.Styles
}

// Model is the go-to prompt.
type Model struct {
	KeyMap KeyMap
	Styles Styles

	c             *common.Common
	input         field.Model
	targets       targets
	people        *corpus.People   // the library's people index, once it has been read; nil before or for none
	stale         bool             // documents or the people index were read since targets was listed
	doc           *corpus.Document // the document being read when the prompt opened
	matches       []match
	query         string // what the matches are for
	selected      int
	offset        int
	width, height int  // the terminal
	acceptPending bool // Enter came before the matches for what was typed
}

// New is the prompt, closed.
func New(c *common.Common, styles Styles) Model {
	keys := NewKeyMap(c.Keys)
	return Model{KeyMap: keys, Styles: styles, c: c, input: field.New("a heading, a title, a name, 50% or p. 12", keys.Field, styles.Field)}
}

// MatchesMsg carries the entries that match what was typed, best first.
// Sent by the prompt's filter command; handled by the prompt, which drops
// it unless the query is still the one typed.
type MatchesMsg struct {
	query   string
	matches []match
}

// The box's border and padding, around the text.
const (
	boxFrameW = 4
	boxFrameH = 2
)

// Value is what is typed.
func (g Model) Value() string { return g.input.Value() }

// DocsLoaded makes the prompt list the headings of documents just read
// the next time it opens: not on every batch a folder is read in.
func (g *Model) DocsLoaded() {
	g.stale = true
}

// SetPeople lists the people of p and the entries of its printed index
// too, now that it has been read: at once if the prompt is open, what is
// typed matched again.
func (g *Model) SetPeople(p *corpus.People, open bool) tea.Cmd {
	g.people, g.stale = p, true
	if !open || g.targets == nil {
		return nil
	}
	g.targets, g.stale = listTargets(g.c.Lib, g.people), false
	return g.filter()
}

func (g *Model) SetSize(width, height int) {
	g.width, g.height = width, height
	g.input.SetWidth(max(1, g.innerWidth()-lipgloss.Width(promptLabel)))
	g.scrollToSelected()
}

// Open empties the prompt for document doc, listing everything.
func (g *Model) Open(doc *corpus.Document) tea.Cmd {
	if g.targets == nil || g.stale {
		// When first opened, not at start-up; again once more documents
		// have been read.
		g.targets, g.stale = listTargets(g.c.Lib, g.people), false
	}
	g.doc = doc
	g.input.SetValue("")
	g.selected, g.offset = 0, 0
	g.acceptPending = false
	return g.filter()
}

// Update takes the matches of what was typed, or a key; Enter asks the
// root to go to the match selected.
func (g Model) Update(msg tea.Msg) (Model, tea.Cmd, common.Intent) {
	switch msg := msg.(type) {
	case MatchesMsg:
		if msg.query != g.input.Value() {
			return g, nil, common.Intent{} // typed over since
		}
		g.query, g.matches = msg.query, msg.matches
		g.selected, g.offset = 0, 0
		if g.acceptPending {
			g.acceptPending = false
			cmd, in := g.accept()
			return g, cmd, in
		}
		return g, nil, common.Intent{}
	case tea.KeyMsg:
		return g.handleKey(msg)
	}
	return g, nil, common.Intent{}
}

func (g *Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd, common.Intent) {
	k := g.KeyMap
	switch {
	case key.Matches(msg, k.Next):
		g.selected = min(g.selected+1, max(0, len(g.matches)-1))
		g.scrollToSelected()
		return *g, nil, common.Intent{}
	case key.Matches(msg, k.Prev):
		g.selected = max(g.selected-1, 0)
		g.scrollToSelected()
		return *g, nil, common.Intent{}
	case key.Matches(msg, k.Accept):
		if isQuit(g.input.Value()) {
			return *g, nil, common.Intent{Do: common.Quit}
		}
		if g.query != g.input.Value() {
			g.acceptPending = true // the best match, once it is known
			return *g, nil, common.Intent{}
		}
		cmd, in := g.accept()
		return *g, cmd, in
	}
	if g.input.Edit(msg) {
		g.acceptPending = false
		return *g, g.filter(), common.Intent{}
	}
	return *g, nil, common.Intent{}
}

// isQuit reports whether what is typed is vim's command to quit: the
// prompt opens with ':', so a vim user quits with :q and Enter.
func isQuit(typed string) bool {
	switch strings.TrimPrefix(strings.TrimSpace(typed), ":") {
	case "q", "q!", "qa", "qa!", "wq", "wq!":
		return true
	}
	return false
}

// accept goes to the selected match.
func (g *Model) accept() (tea.Cmd, common.Intent) {
	if g.selected >= len(g.matches) {
		return common.Notice("Nothing matches " + strconv.Quote(g.input.Value()) + "."), common.Intent{}
	}
	return nil, g.matches[g.selected].to
}

// filter matches the query off the UI goroutine.
func (g *Model) filter() tea.Cmd {
	query, ts, lib, doc, first := g.input.Value(), g.targets, g.c.Lib, g.doc, max(g.c.IndexOf(g.doc), 0)
	return func() tea.Msg {
		return MatchesMsg{query: query, matches: findTargets(lib, ts, doc, first, query)}
	}
}

// promptLabel stands before what is typed.
const promptLabel = "Go to › "

func (g *Model) innerWidth() int { return min(g.width-2, 84) - boxFrameW }

// listHeight is how many matches the box shows.
func (g *Model) listHeight() int {
	return max(0, min(12, g.height-2-boxFrameH-2))
}

func (g *Model) scrollToSelected() {
	h := g.listHeight()
	if g.selected < g.offset {
		g.offset = g.selected
	}
	if h > 0 && g.selected >= g.offset+h {
		g.offset = g.selected - h + 1
	}
}

// View is the prompt's box: the input, then the matches.
func (g Model) View() string {
	s := g.Styles
	inner := g.innerWidth()
	if inner <= 4 {
		return ""
	}
	lines := []string{common.Fit(s.Label.Render(promptLabel)+g.input.View(), inner)}
	h := g.listHeight()
	switch {
	case h == 0:
	case isQuit(g.input.Value()):
		lines = append(lines, common.Fit(s.Quiet.Render("Enter quits the reader, as :q does in vim"), inner))
	case len(g.matches) == 0 && g.query == g.input.Value():
		none := "nothing matches"
		if t := corpus.ParseTarget(g.query); t.Kind == corpus.TargetPage {
			none = "no document has a printed page " + t.Page
		}
		lines = append(lines, common.Fit(s.Quiet.Render(none), inner))
	default:
		for i := g.offset; i < len(g.matches) && i < g.offset+h; i++ {
			lines = append(lines, g.matchLine(g.matches[i], i == g.selected, inner))
		}
	}
	for len(lines) < h+1 {
		lines = append(lines, strings.Repeat(" ", inner))
	}
	count := fmt.Sprintf("%d of %d", min(len(g.matches), g.selected+1), len(g.matches))
	if len(g.matches) == 0 {
		count = "0 of 0"
	}
	lines = append(lines, s.Count.Render(common.Fit(count, inner)))
	return s.Box.Width(inner + 2).Render(strings.Join(lines, "\n"))
}

// matchLine draws a match with the characters that matched picked out;
// fuzzy reports them as byte indexes of the text.
func (g Model) matchLine(m match, selected bool, width int) string {
	s := g.Styles
	text := ansi.Truncate(m.text, width-2, "…")
	if selected {
		return s.Selected.Render(common.Fit("› "+text, width))
	}
	var b strings.Builder
	next := 0
	for i, r := range text {
		if next < len(m.indexes) && m.indexes[next] == i {
			next++
			b.WriteString(s.Match.Render(string(r)))
			continue
		}
		b.WriteRune(r)
	}
	return common.Fit("  "+b.String(), width)
}
