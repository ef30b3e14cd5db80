// Package status is the status bar: where the reader is (the document, the
// section, the page, how far), or for a few seconds a message, one at a
// time in the order they came.
package status

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// How long a message stays in the status bar, then how long it shows faded.
const (
	noticeShown = 3 * time.Second
	noticeFaded = 1500 * time.Millisecond
)

// KeyMap is the keys the bar names: the one for help.
type KeyMap struct {
	Help key.Binding
}

// Styles is how the bar is drawn.
type Styles struct {
	Bar     lipgloss.Style // the bar, where nothing else is
	Doc     lipgloss.Style // the document's title
	Section lipgloss.Style // the section's
	Place   lipgloss.Style // the page, how far, which match
	Hint    lipgloss.Style // the key for help
	Notice  lipgloss.Style // a message
	Error   lipgloss.Style // a message of something that went wrong
	Faded   lipgloss.Style // a message about to go
}

// Model is the status bar.
type Model struct {
	KeyMap KeyMap
	Styles Styles

	after func(time.Duration, tea.Msg) tea.Cmd
	width int
	queue []common.NoticeMsg // the first is on show
	id    int                // of the message on show, so stale timers are ignored
	faded bool
}

// New is the bar, with no message.
func New(c *common.Common, styles Styles) Model {
	return Model{KeyMap: KeyMap{Help: c.Keys.Help}, Styles: styles, after: c.After}
}

// TimeMsg moves the bar's message on: faded at stage 1, gone at stage 2.
// Sent by the bar's timers; handled by the bar, which ignores it if
// another message has replaced the one it was for.
type TimeMsg struct {
	id, stage int
}

// SetWidth is the terminal's width, which the bar takes.
func (s *Model) SetWidth(w int) { s.width = w }

// Notices is the messages shown and waiting, the one shown first.
func (s Model) Notices() []string {
	out := make([]string, len(s.queue))
	for i, n := range s.queue {
		out[i] = n.Text
	}
	return out
}

// Faded says whether the message shown is fading, about to go.
func (s Model) Faded() bool { return s.faded }

// Push queues a message, and starts its timer if nothing else is shown.
// A message may name what came from outside (a path, a file's title, a
// setting), so it is shown as text, on one line, whatever it holds.
func (s *Model) Push(n common.NoticeMsg) tea.Cmd {
	n.Text = corpus.SanitizeLine(n.Text)
	if len(s.queue) > 0 && s.queue[len(s.queue)-1] == n {
		return nil // the same again: once is enough
	}
	if last := len(s.queue) - 1; last >= 0 && givesWay(s.queue[last], n) {
		s.queue[last] = n
		if last == 0 {
			return s.show()
		}
		return nil
	}
	s.queue = append(s.queue, n)
	if len(s.queue) > 1 {
		return nil
	}
	return s.show()
}

// givesWay says whether message on, the last shown or waiting, is replaced
// at once by next rather than kept for its time: a hint gives way to
// anything, and a passing notice — one that answered a key, neither a
// failure nor shown whole as a citation or start-up's problems are — to
// the answer of the reader's next key.
func givesWay(on, next common.NoticeMsg) bool {
	return on.Hint || !next.Hint && !on.Error && !on.Whole
}

func (s *Model) show() tea.Cmd {
	s.id++
	s.faded = false
	return s.after(noticeShown, TimeMsg{id: s.id, stage: 1})
}

func (s Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.NoticeMsg:
		return s, s.Push(msg)
	case TimeMsg:
		if msg.id != s.id || len(s.queue) == 0 {
			return s, nil
		}
		if msg.stage == 1 {
			s.faded = true
			return s, s.after(noticeFaded, TimeMsg{id: s.id, stage: 2})
		}
		s.queue = s.queue[1:]
		s.faded = false
		if len(s.queue) > 0 {
			return s, s.show()
		}
	}
	return s, nil
}

// wholeLines is the most lines a message shown whole takes, the bar's
// own included.
const wholeLines = 4

// View draws the bar for what the screen shows, p: the document, the
// section, the page, how far, and the key for help, after the count or key
// prefix being typed; a message takes the left part. A message to be
// shown whole that is longer than the bar takes lines above it too: View
// then returns several lines, the bar last.
func (s Model) View(p common.Screen, count int, pending string) string {
	st := s.Styles
	var where []string
	if p.Match != "" {
		where = append(where, p.Match)
	}
	if count > 0 {
		where = append(where, fmt.Sprint(count))
	}
	if pending != "" {
		where = append(where, pending)
	}
	if p.Page != "" {
		where = append(where, "p. "+p.Page)
	}
	if p.Doc != nil {
		where = append(where, fmt.Sprintf("%d%%", p.Percent))
	}
	rightView := ""
	if len(where) > 0 {
		rightView = st.Place.Render(" " + strings.Join(where, "  ") + " ")
	}
	if k := common.FirstKey(s.KeyMap.Help); k != "" {
		rightView += st.Hint.Render(" " + k + " help ")
	}
	room := s.width - lipgloss.Width(rightView)
	if room < 8 { // too narrow for both: the place alone
		return common.Fit(ansi.Truncate(rightView, s.width, ""), s.width)
	}

	var left string
	if len(s.queue) > 0 {
		n := s.queue[0]
		style := st.Notice
		switch {
		case s.faded:
			style = st.Faded
		case n.Error:
			style = st.Error
		}
		if n.Whole && ansi.StringWidth(n.Text) > room-2 {
			return s.wholeView(n, style, rightView, room)
		}
		left = style.Render(" " + ansi.Truncate(n.Text, room-2, "…") + " ")
	} else if p.Doc != nil {
		title := " " + corpus.SanitizeLine(p.Doc.ShortTitle())
		section := ""
		if p.Section >= 0 {
			section = " › " + corpus.SanitizeLine(p.Doc.Outline[p.Section].Title)
		}
		title = ansi.Truncate(title, room-1, "…")
		left = st.Doc.Render(title)
		if rest := room - lipgloss.Width(title) - 1; rest > 3 && section != "" {
			left += st.Section.Render(ansi.Truncate(section, rest, "…"))
		}
	}
	gap := max(0, room-lipgloss.Width(left))
	return left + st.Bar.Render(strings.Repeat(" ", gap)) + rightView
}

// wholeView draws a long message over lines of its own above the bar, as
// many as it needs up to wholeLines, its end on the bar beside the place.
func (s Model) wholeView(n common.NoticeMsg, style lipgloss.Style, rightView string, room int) string {
	wrapped := strings.Split(ansi.Wrap(n.Text, s.width-2, ""), "\n")
	last := ""
	if k := len(wrapped); k > 1 && ansi.StringWidth(wrapped[k-1]) <= room-2 {
		last, wrapped = wrapped[k-1], wrapped[:k-1]
	}
	if len(wrapped) > wholeLines-1 {
		wrapped = wrapped[:wholeLines-1]
		wrapped[len(wrapped)-1] = ansi.Truncate(wrapped[len(wrapped)-1]+" …", s.width-2, "…")
	}
	lines := make([]string, 0, len(wrapped)+1)
	for _, w := range wrapped {
		lines = append(lines, style.Render(common.Fit(" "+w, s.width)))
	}
	bar := style.Render(common.Fit(" "+last, room))
	return strings.Join(append(lines, bar+rightView), "\n")
}
