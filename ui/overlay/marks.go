package overlay

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/state"
	"samizdat/ui/common"
)

// Marks is the list of marks over the text: each with its document,
// section, printed page and the words it marks. Enter goes to the mark
// under the cursor, delete-mark deletes it.
type Marks struct {
	KeyMap KeyMap
	Styles Styles

	c      *common.Common
	box    box // its offset is the first mark on screen
	rows   []markRow
	cursor int
}

// markRow is a mark as the list shows it.
type markRow struct {
	name    string
	doc     string // the document's short title
	section string
	page    string
	snippet string
}

// NewMarks is the list of marks, empty.
func NewMarks(c *common.Common, styles Styles) Marks {
	return Marks{KeyMap: NewKeyMap(c.Keys), Styles: styles, c: c, box: box{widest: 96}}
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
		row.snippet = fromWord(d, d.PlainOffset(off), 160)
	}
	return row
}

// fromWord is about n bytes of d's plain text from offset from, starting
// at a word: the rest of a word that from falls inside, and the spaces
// and punctuation before the next, are left out.
func fromWord(d *corpus.Document, from, n int) string {
	text := d.PlainRange(from, from+n+40)
	before, _ := utf8.DecodeLastRuneInString(d.PlainRange(max(0, from-utf8.UTFMax), from))
	if first, _ := utf8.DecodeRuneInString(text); isWordRune(before) && isWordRune(first) {
		text = strings.TrimLeftFunc(text, isWordRune)
	}
	start := strings.IndexFunc(text, isWordRune)
	if start < 0 {
		return strings.TrimSpace(text)
	}
	// An opening quote or bracket stays with its word.
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !strings.ContainsRune("\"'“‘«([", r) {
			break
		}
		start -= size
	}
	text = text[start:]
	if len(text) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	return text
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Open lists marks, keeping the cursor on the mark it was on, or near it.
func (l *Marks) Open(marks []state.Marked) {
	l.rows = make([]markRow, 0, len(marks))
	for _, mk := range marks {
		l.rows = append(l.rows, describeMark(mk))
	}
	l.cursor = min(l.cursor, max(0, len(l.rows)-1))
	l.scrollToCursor()
}

// SetSize lays the list out for a terminal of this size.
func (l *Marks) SetSize(width, height int) {
	l.box.width, l.box.height = width, height
	l.scrollToCursor()
}

// shown is how many marks the box shows: two lines each.
func (l *Marks) shown() int {
	return max(1, (l.box.height-1-frameH-2-2)/2)
}

func (l *Marks) scrollToCursor() { l.box.follow(l.cursor, l.shown()) }

// Update takes a key: Enter asks the root to go to the mark under the
// cursor, delete-mark to delete it.
func (l Marks) Update(msg tea.Msg) (Marks, tea.Cmd, common.Intent) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return l, nil, common.Intent{}
	}
	k := l.KeyMap
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
func (l Marks) View() string {
	s := l.Styles
	inner := l.box.innerWidth()
	if inner <= 8 {
		return ""
	}
	k := l.KeyMap
	lines := []string{s.Title.Render("Marks")}
	if len(l.rows) == 0 {
		help := "No marks yet."
		if m := common.FirstKey(k.SetMark); m != "" {
			help += " " + m + " and a letter marks the place you are reading."
		}
		for _, w := range strings.Split(ansi.Wrap(help, inner, ""), "\n") {
			lines = append(lines, common.Fit(s.Text.Render(w), inner))
		}
	}
	n := l.shown()
	for i := l.box.offset; i < len(l.rows) && i < l.box.offset+n; i++ {
		lines = append(lines, l.rowLines(l.rows[i], i == l.cursor, inner)...)
	}
	hs := []keyHint{{k.Open, "go"}, {k.DeleteMark, "delete"}, {k.Back, "close"}}
	lines = append(lines, keyFoot(s, hs, moreMark(l.box.offset, n, len(l.rows)), inner))
	return frame(s, inner, lines)
}

// rowLines draws one mark: "a  Title › Section    p. 63", then its words.
func (l Marks) rowLines(r markRow, selected bool, width int) []string {
	s := l.Styles
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
			s.Selected.Render(common.Fit(head+where+strings.Repeat(" ", gap)+page, width)),
			s.Selected.Render(common.Fit(snippet, width)),
		}
	}
	return []string{
		common.Fit(s.Name.Render(r.name)+"  "+s.Text.Render(where)+strings.Repeat(" ", gap)+s.Quiet.Render(page), width),
		common.Fit(s.Quiet.Render(snippet), width),
	}
}
