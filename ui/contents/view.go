package contents

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// View draws the list at the size set, the entries on screen; an entry
// whose look has not changed is not drawn again.
func (t Model) View() string {
	s := t.Styles
	lines := make([]string, 0, t.height)
	if len(t.visible) == 0 {
		lines = append(lines, common.Fit(s.More.Render(" No documents."), t.width))
	}
	first := 0
	for first < len(t.visible)-1 && t.rowTop[first+1] <= t.offset {
		first++
	}
	skip := 0 // rows of the first entry above the screen
	if len(t.visible) > 0 {
		skip = t.offset - t.rowTop[first]
	}
	for i := first; i < len(t.visible) && len(lines) < t.height; i++ {
		for r, line := range t.entry(i) {
			if r < skip {
				continue
			}
			if len(lines) < t.height {
				lines = append(lines, line)
			}
		}
		skip = 0
	}
	for len(lines) < t.height {
		lines = append(lines, strings.Repeat(" ", t.width))
	}
	if t.offset+t.height < t.rows && t.height > 2 {
		lines[len(lines)-1] = common.Fit(s.More.Render("  ⋯"), t.width)
	}
	return strings.Join(lines, "\n")
}

// entry draws visible entry i: one line for a heading, two for a document.
func (t Model) entry(i int) []string {
	item := t.visible[i]
	look := entryLook{
		cursor: t.focused && i == t.cursor,
		here:   item == t.current || !t.open[item] && t.current >= 0 && t.descends(t.current, item),
		open:   t.open[item],
		width:  t.width,
	}
	if t.items[item].heading < 0 {
		look.progress = t.progress[t.items[item].doc]
	}
	if d, ok := t.drawn[item]; ok && d.look == look {
		return d.lines
	}
	lines := t.draw(item, look)
	t.drawn[item] = drawnEntry{look, lines}
	return lines
}

func (t Model) draw(item int, look entryLook) []string {
	s := t.Styles
	it := t.items[item]
	cursor, here := look.cursor, look.here

	mark := " "
	switch {
	case cursor:
		mark = "›"
	case here:
		mark = "•"
	}
	glyph := "  "
	if it.children {
		glyph = "▸ "
		if look.open {
			glyph = "▾ "
		}
	}
	indent := strings.Repeat("  ", it.depth)
	lead := mark + indent + glyph
	room := max(1, look.width-lipgloss.Width(lead))
	d := it.doc

	style := s.Entry
	if here {
		style = s.Current
	}
	var lines []string
	if it.heading < 0 {
		style = s.Doc
		if here {
			style = s.Current
		}
		progress := ""
		if p := look.progress; p > 0 {
			progress = fmt.Sprintf(" %d%%", p)
		}
		title := ansi.Truncate(d.Title, max(1, room-len(progress)), "…")
		gap := max(0, room-lipgloss.Width(title)-len(progress))
		lines = append(lines, lead+style.Render(title)+strings.Repeat(" ", gap)+s.Progress.Render(progress))
		if by := byline(d); by != "" {
			lines = append(lines, strings.Repeat(" ", lipgloss.Width(lead))+s.DocMeta.Render(ansi.Truncate(by, room, "…")))
		}
	} else {
		for k, l := range wrapTitle(d.Outline[it.heading].Title, room) {
			if k > 0 {
				lead = strings.Repeat(" ", lipgloss.Width(lead))
			}
			lines = append(lines, lead+style.Render(l))
		}
	}
	for k, l := range lines {
		l = common.Fit(l, look.width)
		if cursor {
			l = s.Cursor.Render(ansi.Strip(l))
		}
		lines[k] = l
	}
	return lines
}

// titleWidth is the columns a title takes. Most titles are Latin text
// and the quotes and dashes of typesetting, one column a character,
// counted here at once; any other, lipgloss measures, which costs a
// tenth of the first screen over the whole library.
func titleWidth(title string) int {
	n := 0
	for _, r := range title {
		if r >= 0x300 && (r < 0x2010 || r > 0x2027 && r < 0x2030 || r > 0x205e) {
			return lipgloss.Width(title)
		}
		n++
	}
	return n
}

// titleLines is the most lines a heading's title takes; what does not fit
// in them is cut.
const titleLines = 3

// wrapTitle is a heading's title in lines width columns wide: one if it
// fits, else wrapped between words onto up to titleLines.
func wrapTitle(title string, width int) []string {
	if titleWidth(title) <= width {
		return []string{title}
	}
	var lines []string
	for l := range strings.SplitSeq(ansi.Wordwrap(title, width, ""), "\n") {
		lines = append(lines, ansi.Truncate(strings.TrimSpace(l), width, "…"))
	}
	if len(lines) > titleLines {
		rest := strings.Join(lines[titleLines-1:], " ")
		lines = append(lines[:titleLines-1], ansi.Truncate(rest, width-1, "")+"…")
	}
	return lines
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// byline is a document's author and year, as the contents show them.
func byline(d *corpus.Document) string {
	return strings.Join(nonEmpty(d.Author, d.Year), ", ")
}
