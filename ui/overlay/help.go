package overlay

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/keymap"
	"samizdat/ui/common"
)

// Help is the help screen: every key of the keymap, grouped by the pane
// it works in, in a box over the reader, in two columns when there is
// room and scrolling when there is not.
type Help struct {
	KeyMap KeyMap
	Styles Styles

	keys  keymap.Map // what the help lists
	box   box
	lines []string
}

// NewHelp is the help of the keys of c.
func NewHelp(c *common.Common, styles Styles) Help {
	return Help{KeyMap: NewKeyMap(c.Keys), Styles: styles, keys: c.Keys, box: box{widest: 124}}
}

// Leave lists no key of group: keys that cannot work in this library.
func (h *Help) Leave(group string) { h.keys = h.keys.Without(group) }

// Open shows the help from its top, laid out for a terminal of this size.
func (h *Help) Open(width, height int) {
	h.box.offset = 0
	h.SetSize(width, height)
}

// SetSize lays the help out for a terminal of this size.
func (h *Help) SetSize(width, height int) {
	h.box.width, h.box.height = width, height
	h.lines = h.layout()
	h.box.offset = min(h.box.offset, h.maxOffset())
}

// Offset is the first line of the help shown.
func (h Help) Offset() int { return h.box.offset }

// notes follow the keys: what the keymap does not say.
var helpNotes = []string{
	"A number before a move repeats it: 5j, 3 space; before % it is the percent.",
	"The mouse wheel scrolls the text or the contents.",
	"A search ignores case unless you type a capital, and accents, quotes, dashes and line breaks always.",
	"Jumps (g, G, %, { }, the contents, the go-to prompt, marks, notes, a search, n and N) are kept for jump-back; a terminal sends ctrl+i as Tab, so jump-forward is alt+→.",
	"Marks and the place in every document are kept for the next run.",
	"Keys can be changed in the [keys] table of the config file.",
}

// groups is each group of the help, as lines width columns wide, then
// the notes.
func (h *Help) groups(width int) [][]string {
	s := h.Styles
	var out [][]string
	keyWidth := 0
	for _, g := range h.keys.Groups() {
		for _, b := range g.Bindings {
			keyWidth = max(keyWidth, lipgloss.Width(b.Help().Key))
		}
	}
	keyWidth = min(keyWidth, maxHelpKeyWidth, width/3)
	for _, g := range h.keys.Groups() {
		lines := []string{s.Group.Render(ansi.Truncate(g.Title, width, "…"))}
		for _, b := range g.Bindings {
			lines = append(lines, h.row(b, keyWidth, width)...)
		}
		out = append(out, append(lines, ""))
	}
	var notes []string
	for _, n := range helpNotes {
		for l := range strings.SplitSeq(lipgloss.NewStyle().Width(width).Render(n), "\n") {
			notes = append(notes, s.Foot.Render(strings.TrimRight(l, " ")))
		}
	}
	return append(out, notes)
}

// maxHelpKeyWidth is the widest the keys' column grows; longer lists of
// keys wrap.
const maxHelpKeyWidth = 20

// row is one binding: its keys, then what it does, each wrapped in its
// column so that nothing is cut.
func (h *Help) row(b key.Binding, keyWidth, width int) []string {
	s := h.Styles
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
		lines[i] = s.Key.Render(k) + "  " + s.Text.Render(d)
	}
	return lines
}

// layout is the box's text: one column, or two side by side.
func (h *Help) layout() []string {
	inner := h.box.innerWidth()
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

// title heads the box, with how to quit, as less puts it first: the
// quit key closes the help, so the way out of the reader from here is
// the key that quits from anywhere.
func (h Help) title(width int) string {
	s := h.Styles
	var ways []string
	if q := h.keys.Quit; q.Enabled() {
		ways = append(ways, q.Help().Key+" once this is closed")
	}
	if f := h.keys.ForceQuit; f.Enabled() {
		ways = append(ways, f.Help().Key+" at once")
	}
	title := s.Title.Render("Keys")
	if len(ways) == 0 {
		return title
	}
	quit := "   quit: " + strings.Join(ways, ", ")
	return title + s.Foot.Render(ansi.Truncate(quit, max(0, width-lipgloss.Width(title)), "…"))
}

// rows is the lines of text the box shows: the title and a line below it
// aside.
func (h *Help) rows() int {
	return min(h.box.height-2, len(h.lines)+2+frameH) - frameH - 2
}

func (h *Help) maxOffset() int {
	return max(0, len(h.lines)-h.rows())
}

// Update scrolls the help with the moving keys.
func (h Help) Update(msg tea.Msg) (Help, tea.Cmd) {
	if kmsg, ok := msg.(tea.KeyMsg); ok {
		h.box.scroll(kmsg, h.KeyMap, h.rows(), len(h.lines))
	}
	return h, nil
}

// View is the box, as lines no wider than the terminal.
func (h Help) View() string {
	s := h.Styles
	inner := h.box.innerWidth()
	rows := h.rows()
	if inner <= 0 || rows <= 0 {
		return ""
	}
	offset := h.box.offset
	body := make([]string, 0, rows+2)
	body = append(body, h.title(inner))
	for _, l := range h.lines[offset:min(len(h.lines), offset+rows)] {
		body = append(body, common.Fit(l, inner))
	}
	for len(body) < rows+1 {
		body = append(body, strings.Repeat(" ", inner))
	}
	close := strings.Fields(h.KeyMap.Back.Help().Key + " " + h.KeyMap.Help.Help().Key)
	hint := "close: " + strings.Join(close, " ")
	if !h.KeyMap.Back.Enabled() && !h.KeyMap.Help.Enabled() {
		hint = ""
	}
	body = append(body, foot(s, hint, moreMark(offset, rows, len(h.lines)), inner))
	return frame(s, inner, body)
}
