package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/ui/common"
)

// helpModel is the help screen: every key of the keymap, grouped by the
// pane it works in, in a box over the reader, in two columns when there is
// room and scrolling when there is not.
type helpModel struct {
	c             *shared
	width, height int // the terminal
	lines         []string
	offset        int
}

func newHelp(c *shared) helpModel {
	return helpModel{c: c}
}

// SetSize lays the help out for a terminal of this size.
func (h *helpModel) SetSize(width, height int) {
	h.width, h.height = width, height
	h.lines = h.layout()
	h.offset = min(h.offset, h.maxOffset())
}

// The box's border and padding, around the text.
const (
	boxFrameW = 4
	boxFrameH = 2
)

// notes follow the keys: what the keymap does not say.
var helpNotes = []string{
	"A number before a move repeats it: 5j, 3 space; before % it is the percent.",
	"The mouse wheel scrolls the text or the contents.",
	"A search ignores case unless you type a capital, and accents, quotes, dashes and line breaks always.",
	"Jumps (g, G, %, { }, the contents, the go-to prompt, marks, notes, a search, n and N) are kept for jump-back; a terminal sends ctrl+i as Tab, so jump-forward is alt+→.",
	"Marks and the place in every document are kept for the next run.",
	"Keys can be changed in the [keys] table of the config file.",
}

// column is one group of the help, as lines.
func (h *helpModel) groups(width int) [][]string {
	s := h.c.styles
	var out [][]string
	keyWidth := 0
	for _, g := range h.c.Keys.Groups() {
		for _, b := range g.Bindings {
			keyWidth = max(keyWidth, lipgloss.Width(b.Help().Key))
		}
	}
	keyWidth = min(keyWidth, maxHelpKeyWidth, width/3)
	for _, g := range h.c.Keys.Groups() {
		lines := []string{s.HelpGroup.Render(ansi.Truncate(g.Title, width, "…"))}
		for _, b := range g.Bindings {
			lines = append(lines, h.row(b, keyWidth, width)...)
		}
		out = append(out, append(lines, ""))
	}
	var notes []string
	for _, n := range helpNotes {
		for l := range strings.SplitSeq(lipgloss.NewStyle().Width(width).Render(n), "\n") {
			notes = append(notes, s.HelpMore.Render(strings.TrimRight(l, " ")))
		}
	}
	return append(out, notes)
}

// maxHelpKeyWidth is the widest the keys' column grows; longer lists of
// keys wrap.
const maxHelpKeyWidth = 20

// row is one binding: its keys, then what it does, each wrapped in its
// column so that nothing is cut.
func (h *helpModel) row(b key.Binding, keyWidth, width int) []string {
	s := h.c.styles
	descWidth := max(1, width-keyWidth-2)
	keys := strings.Split(ansi.Wrap(b.Help().Key, keyWidth, ""), "\n")
	desc := strings.Split(ansi.Wrap(b.Help().Desc, descWidth, ""), "\n")
	lines := make([]string, max(len(keys), len(desc)))
	for i := range lines {
		k, d := "", ""
		if i < len(keys) {
			k = keys[i]
		}
		if i < len(desc) {
			d = desc[i]
		}
		k += strings.Repeat(" ", max(0, keyWidth-lipgloss.Width(k)))
		lines[i] = s.HelpKey.Render(k) + "  " + s.HelpText.Render(d)
	}
	return lines
}

// layout is the box's text: one column, or two side by side.
func (h *helpModel) layout() []string {
	inner := h.innerWidth()
	if inner <= 0 {
		return nil
	}
	colWidth := (inner - 3) / 2
	if colWidth < 40 {
		var lines []string
		for _, g := range h.groups(inner) {
			lines = append(lines, g...)
		}
		return trimBlank(lines)
	}
	groups := h.groups(colWidth)
	total := 0
	for _, g := range groups {
		total += len(g)
	}
	var left, right []string
	for _, g := range groups {
		if len(left) < total/2 && len(left)+len(g)/2 <= total/2 || len(left) == 0 {
			left = append(left, g...)
		} else {
			right = append(right, g...)
		}
	}
	left, right = trimBlank(left), trimBlank(right)
	lines := make([]string, max(len(left), len(right)))
	for i := range lines {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		lines[i] = common.Fit(l, colWidth) + "   " + r
	}
	return lines
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func (h *helpModel) innerWidth() int {
	return min(h.width-2, 124) - boxFrameW
}

// innerHeight is the rows of text the box shows: the title and a line
// below it aside.
func (h *helpModel) innerHeight() int {
	return min(h.height-2, len(h.lines)+2+boxFrameH) - boxFrameH - 2
}

func (h *helpModel) maxOffset() int {
	return max(0, len(h.lines)-h.innerHeight())
}

func (h helpModel) Update(msg tea.Msg) (helpModel, tea.Cmd) {
	msg2, ok := msg.(tea.KeyMsg)
	if !ok {
		return h, nil
	}
	k := h.c.Keys
	page := max(1, h.innerHeight()-1)
	switch {
	case key.Matches(msg2, k.Down):
		h.offset++
	case key.Matches(msg2, k.Up):
		h.offset--
	case key.Matches(msg2, k.PageDown), key.Matches(msg2, k.HalfDown):
		h.offset += page
	case key.Matches(msg2, k.PageUp), key.Matches(msg2, k.HalfUp):
		h.offset -= page
	case key.Matches(msg2, k.Top):
		h.offset = 0
	case key.Matches(msg2, k.Bottom):
		h.offset = h.maxOffset()
	}
	h.offset = min(max(h.offset, 0), h.maxOffset())
	return h, nil
}

// View is the box, as lines no wider than the terminal.
func (h helpModel) View() string {
	s := h.c.styles
	inner := h.innerWidth()
	rows := h.innerHeight()
	if inner <= 0 || rows <= 0 {
		return ""
	}
	title := s.BoxTitle.Render("Keys")
	shown := h.lines[h.offset:min(len(h.lines), h.offset+rows)]
	more := ""
	switch below, above := h.offset+rows < len(h.lines), h.offset > 0; {
	case below && above:
		more = "↕ more"
	case below:
		more = "↓ more"
	case above:
		more = "↑ more"
	}
	close := strings.Fields(h.c.Keys.Back.Help().Key + " " + h.c.Keys.Help.Help().Key)
	hint := "close: " + strings.Join(close, " ")
	if !h.c.Keys.Back.Enabled() && !h.c.Keys.Help.Enabled() {
		hint = ""
	}
	foot := s.HelpMore.Render(ansi.Truncate(hint+strings.Repeat(" ", max(1, inner-lipgloss.Width(hint)-lipgloss.Width(more)))+more, inner, ""))
	body := make([]string, 0, rows+2)
	body = append(body, title)
	for _, l := range shown {
		body = append(body, common.Fit(l, inner))
	}
	for len(body) < rows+1 {
		body = append(body, strings.Repeat(" ", inner))
	}
	body = append(body, foot)
	return s.Box.Width(inner + 2).Render(strings.Join(body, "\n"))
}
