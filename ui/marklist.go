package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/state"
	"samizdat/ui/common"
)

// markListModel is the list of marks over the text: each with its
// document, section, printed page and the words it marks. Enter goes to
// the mark under the cursor, delete-mark deletes it.
type markListModel struct {
	c             *shared
	rows          []markRow
	cursor        int
	offset        int // the first row on screen
	width, height int // the terminal
}

// markRow is a mark as the list shows it.
type markRow struct {
	name    string
	doc     string // the document's short title
	section string
	page    string
	snippet string
}

func newMarkList(c *shared) markListModel {
	return markListModel{c: c}
}

// describeMark is how the list shows mk: its document, and where in it,
// from the text if it has been read, else from what was saved.
func describeMark(mk state.Marked) markRow {
	row := markRow{name: mk.Name, doc: mk.DocID, section: mk.Saved.Anchor, snippet: mk.Saved.Context}
	d := mk.At.Doc
	if d == nil {
		return row
	}
	row.doc = d.ShortTitle()
	if !mk.Located {
		return row
	}
	off := max(mk.At.Offset, 0)
	row.section = ""
	if i := d.SectionAt(off); i >= 0 && mk.At.Offset >= 0 {
		row.section = d.Outline[i].Title
	}
	row.page, _ = d.PageAt(off)
	switch i := d.SectionAt(off); {
	case mk.At.Offset < 0:
		row.snippet = d.Title
	case i >= 0 && d.Outline[i].Offset == off && d.BlockAt(off)+1 < len(d.Blocks):
		// A heading, named already: the words after it.
		from := d.PlainOffset(d.Blocks[d.BlockAt(off)+1].Start)
		row.snippet = d.PlainRange(from, from+160)
	default:
		from := d.PlainOffset(off)
		row.snippet = d.PlainRange(from, from+160)
	}
	return row
}

// Open lists rows, keeping the cursor on the row it was on, or near it.
func (l *markListModel) Open(rows []markRow) {
	l.rows = rows
	l.cursor = min(l.cursor, max(0, len(rows)-1))
	l.scrollToCursor()
}

func (l *markListModel) SetSize(width, height int) {
	l.width, l.height = width, height
	l.scrollToCursor()
}

func (l *markListModel) innerWidth() int { return min(l.width-2, 96) - boxFrameW }

// shown is how many marks the box shows: two lines each.
func (l *markListModel) shown() int {
	return max(1, (l.height-1-boxFrameH-2-2)/2)
}

func (l *markListModel) scrollToCursor() {
	n := l.shown()
	l.offset = min(l.offset, l.cursor)
	if l.cursor >= l.offset+n {
		l.offset = l.cursor - n + 1
	}
	l.offset = max(0, l.offset)
}

// Update takes a key: Enter asks the root to go to the mark under the
// cursor, delete-mark to delete it.
func (l markListModel) Update(msg tea.Msg) (markListModel, tea.Cmd, common.Intent) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return l, nil, common.Intent{}
	}
	k := l.c.Keys
	var in common.Intent
	switch {
	case key.Matches(kmsg, k.Down):
		l.cursor++
	case key.Matches(kmsg, k.Up):
		l.cursor--
	case key.Matches(kmsg, k.PageDown, k.HalfDown):
		l.cursor += l.shown()
	case key.Matches(kmsg, k.PageUp, k.HalfUp):
		l.cursor -= l.shown()
	case key.Matches(kmsg, k.Top):
		l.cursor = 0
	case key.Matches(kmsg, k.Bottom):
		l.cursor = len(l.rows)
	case key.Matches(kmsg, k.Open):
		if len(l.rows) > 0 {
			in = common.Intent{Do: common.GoToMark, Mark: l.rows[l.cursor].name}
		}
	case key.Matches(kmsg, k.DeleteMark):
		if len(l.rows) > 0 {
			in = common.Intent{Do: common.DeleteMark, Mark: l.rows[l.cursor].name}
		}
	default:
		return l, l.c.UnknownKey(kmsg), common.Intent{}
	}
	l.cursor = min(max(l.cursor, 0), max(0, len(l.rows)-1))
	l.scrollToCursor()
	return l, nil, in
}

// View is the box: a mark on two lines, its name, document, section and
// page, then the words it marks.
func (l markListModel) View() string {
	s := l.c.styles
	inner := l.innerWidth()
	if inner <= 8 {
		return ""
	}
	k := l.c.Keys
	lines := []string{s.BoxTitle.Render("Marks")}
	if len(l.rows) == 0 {
		help := "No marks yet."
		if m := common.FirstKey(k.SetMark); m != "" {
			help += " " + m + " and a letter marks the place you are reading."
		}
		for _, w := range strings.Split(ansi.Wrap(help, inner, ""), "\n") {
			lines = append(lines, common.Fit(s.HelpText.Render(w), inner))
		}
	}
	n := l.shown()
	for i := l.offset; i < len(l.rows) && i < l.offset+n; i++ {
		lines = append(lines, l.rowLines(l.rows[i], i == l.cursor, inner)...)
	}
	var hints []string
	for _, h := range []struct {
		b    key.Binding
		what string
	}{{k.Open, "go"}, {k.DeleteMark, "delete"}, {k.Back, "close"}} {
		if first := common.FirstKey(h.b); first != "" {
			hints = append(hints, first+" "+h.what)
		}
	}
	lines = append(lines, boxFoot(s, hints, moreMark(l.offset, n, len(l.rows)), inner))
	return s.Box.Width(inner + 2).Render(strings.Join(lines, "\n"))
}

// rowLines draws one mark: "a  Title › Section    p. 63", then its words.
func (l markListModel) rowLines(r markRow, selected bool, width int) []string {
	s := l.c.styles
	page := ""
	if r.page != "" {
		page = "p. " + r.page
	}
	where := r.doc
	if r.section != "" {
		where += " › " + r.section
	}
	head := r.name + "  "
	room := max(1, width-lipgloss.Width(head)-lipgloss.Width(page)-1)
	where = ansi.Truncate(where, room, "…")
	gap := max(1, width-lipgloss.Width(head)-lipgloss.Width(where)-lipgloss.Width(page))
	snippet := strings.Join(strings.Fields(r.snippet), " ")
	snippet = ansi.Truncate("   "+snippet, width, "…")
	if selected {
		return []string{
			s.PromptSelected.Render(common.Fit(head+where+strings.Repeat(" ", gap)+page, width)),
			s.PromptSelected.Render(common.Fit(snippet, width)),
		}
	}
	return []string{
		common.Fit(s.PromptMatch.Render(r.name)+"  "+s.HelpText.Render(where)+strings.Repeat(" ", gap)+s.PromptDoc.Render(page), width),
		common.Fit(s.PromptDoc.Render(snippet), width),
	}
}
