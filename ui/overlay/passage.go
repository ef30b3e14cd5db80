package overlay

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/notes"
	"samizdat/ui/common"
	"samizdat/ui/render"
)

// Passage shows a note of the reader's own over the text without moving
// it: the passage it was kept on, a few lines of it, and what was written;
// the next highlight on screen with a note each time show-own-note is
// pressed again.
type Passage struct {
	KeyMap PassageKeyMap
	Styles Styles

	c     *common.Common
	box   box
	notes []notes.Located // the notes on screen, in reading order
	at    int             // the one shown
	lines []string        // the passage's first lines and the note, wrapped to the box
}

// PassageKeyMap is the keys of a note of the reader's own, shown over the
// text: those that act on it, and those that scroll it.
type PassageKeyMap struct {
	KeyMap
	Edit, Next, Close key.Binding
}

// NewPassageKeyMap takes the keys of a note's box from the reader's.
func NewPassageKeyMap(k keymap.Map) PassageKeyMap {
	return PassageKeyMap{KeyMap: NewKeyMap(k), Edit: k.EditNote, Next: k.ShowPassage, Close: k.CloseNote}
}

// PassageAction is what a key in a note's box asks of the root.
type PassageAction int

const (
	PassageNone  PassageAction = iota // nothing of the root
	PassageEdit                       // edit the note shown
	PassageClose                      // close the box
)

// quotedLines is how many lines of the passage the box shows above the
// note, at most.
const quotedLines = 4

// NewPassage is a note's box, showing none.
func NewPassage(c *common.Common, styles Styles) Passage {
	return Passage{KeyMap: NewPassageKeyMap(c.Keys), Styles: styles, c: c, box: box{widest: 76}}
}

// Open shows the first of ls, the notes of the highlights on screen.
func (p *Passage) Open(ls []notes.Located) {
	p.notes, p.at = ls, 0
	p.layout()
}

// Shown is the note shown; ok is false when there is none.
func (p Passage) Shown() (notes.Located, bool) {
	if p.at >= len(p.notes) {
		return notes.Located{}, false
	}
	return p.notes[p.at], true
}

// Replace puts l in place of the note of the same id, as it was edited.
func (p *Passage) Replace(l notes.Located) {
	for i := range p.notes {
		if p.notes[i].Note.ID == l.Note.ID {
			p.notes[i] = l
		}
	}
	p.layout()
}

// SetSize lays the box out over a text pane width columns wide, on a
// terminal height rows high.
func (p *Passage) SetSize(width, height int) {
	p.box.width, p.box.height = width, height
	p.layout()
}

// rows is how many lines of the passage and the note the box shows.
func (p *Passage) rows() int { return p.box.textRows(len(p.lines)) }

func (p *Passage) layout() {
	p.box.offset = 0
	p.lines = nil
	l, ok := p.Shown()
	w := p.box.innerWidth()
	if !ok || w <= 4 {
		return
	}
	// On a short terminal the passage leaves most of the rows to the note.
	most := min(quotedLines, max(1, p.box.height-1-frameH-4)/3)
	for _, q := range quoted(l.Words(), w-2, most) {
		p.lines = append(p.lines, p.Styles.Quiet.Render(strings.TrimRight("│ "+q, " ")))
	}
	p.lines = append(p.lines, "")
	for _, para := range strings.Split(plainLines(l.Note.Comment), "\n") {
		if para == "" {
			p.lines = append(p.lines, "")
			continue
		}
		for _, line := range render.WrapText(para, w) {
			p.lines = append(p.lines, p.Styles.Text.Render(line))
		}
	}
}

// quoted is the first lines of a passage, wrapped to width, its
// paragraphs apart, at most max of them: the last ends with "…" when
// there is more.
func quoted(text string, width, max int) []string {
	var out []string
	more := false
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		if para == "" {
			continue
		}
		if len(out) > 0 {
			if len(out)+1 >= max {
				more = true
				break
			}
			out = append(out, "")
		}
		lines := render.WrapText(corpus.SanitizeLine(para), width)
		if len(out)+len(lines) > max {
			out, more = append(out, lines[:max-len(out)]...), true
			break
		}
		out = append(out, lines...)
	}
	if more && len(out) > 0 {
		last := &out[len(out)-1]
		*last = ansi.Truncate(*last, width-1, "") + "…"
	}
	return out
}

// plainLines is text as the box shows it: each line plain, without
// escape sequences or control characters.
func plainLines(text string) string {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, l := range lines {
		lines[i] = corpus.SanitizeLine(l)
	}
	return strings.Join(lines, "\n")
}

// Update takes a key: edit-note asks to edit the note shown, show-own-note
// shows the next, close-note closes, the moving keys scroll.
func (p Passage) Update(msg tea.Msg) (Passage, tea.Cmd, PassageAction) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil, PassageNone
	}
	k := p.KeyMap
	switch {
	case key.Matches(kmsg, k.Edit):
		return p, nil, PassageEdit
	case key.Matches(kmsg, k.Close):
		return p, nil, PassageClose
	case key.Matches(kmsg, k.Next):
		if len(p.notes) > 0 {
			p.at = (p.at + 1) % len(p.notes)
			p.layout()
		}
	case p.box.scroll(kmsg, k.KeyMap, p.rows(), len(p.lines)):
	default:
		return p, p.c.UnknownKey(kmsg), PassageNone
	}
	return p, nil, PassageNone
}

// View is the box: where the passage is, its first lines, the note, and
// the keys that act on it.
func (p Passage) View() string {
	s := p.Styles
	inner := p.box.innerWidth()
	l, ok := p.Shown()
	if inner <= 4 || !ok {
		return ""
	}
	title := "Your note"
	if sec, _ := l.Section(); sec != "" {
		title += " · " + corpus.SanitizeLine(sec)
	}
	if pg := l.Page(); pg != "" {
		title += ", p. " + corpus.SanitizeLine(pg)
	}
	if len(p.notes) > 1 {
		title += fmt.Sprintf("  (%d of %d on screen)", p.at+1, len(p.notes))
	}
	rows := p.rows()
	body := []string{s.Title.Render(ansi.Truncate(title, inner, "…"))}
	for _, line := range p.box.window(p.lines, rows) {
		body = append(body, common.Fit(line, inner))
	}
	k := p.KeyMap
	hs := []keyHint{{k.Edit, "edit"}}
	if len(p.notes) > 1 {
		hs = append(hs, keyHint{k.Next, "next"})
	}
	hs = append(hs, keyHint{k.Close, "close"})
	body = append(body, keyFoot(s, hs, moreMark(p.box.offset, rows, len(p.lines)), inner))
	return frame(s, inner, body)
}
