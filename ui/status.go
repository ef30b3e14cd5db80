package ui

import (
	"fmt"
	"strings"
	"time"

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

// statusModel is the status bar: where the reader is, or for a few
// seconds a message, one at a time in the order they came.
type statusModel struct {
	c     *shared
	width int
	queue []common.NoticeMsg // the first is on show
	id    int                // of the message on show, so stale timers are ignored
	faded bool
}

func newStatus(c *shared) statusModel {
	return statusModel{c: c}
}

func (s *statusModel) SetWidth(w int) { s.width = w }

// push queues a message, and starts its timer if nothing else is shown.
// A message may name what came from outside (a path, a file's title, a
// setting), so it is shown as text, on one line, whatever it holds.
func (s *statusModel) push(n common.NoticeMsg) tea.Cmd {
	n.Text = corpus.SanitizeLine(n.Text)
	if len(s.queue) > 0 && s.queue[len(s.queue)-1] == n {
		return nil // the same again: once is enough
	}
	if last := len(s.queue) - 1; last >= 0 && s.queue[last].Hint {
		s.queue[last] = n // a hint gives way at once
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

func (s *statusModel) show() tea.Cmd {
	s.id++
	s.faded = false
	return s.c.After(noticeShown, statusTimeMsg{id: s.id, stage: 1})
}

func (s statusModel) Update(msg tea.Msg) (statusModel, tea.Cmd) {
	switch msg := msg.(type) {
	case common.NoticeMsg:
		return s, s.push(msg)
	case statusTimeMsg:
		if msg.id != s.id || len(s.queue) == 0 {
			return s, nil
		}
		if msg.stage == 1 {
			s.faded = true
			return s, s.c.After(noticeFaded, statusTimeMsg{id: s.id, stage: 2})
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

// View draws the bar for place p: the document, the section, the page,
// how far, and the key for help, after the count or key prefix being
// typed; a message takes the left part. A message to be shown whole that
// is longer than the bar takes lines above it too: View then returns
// several lines, the bar last.
func (s statusModel) View(p place, count int, pending string) string {
	st := s.c.styles
	var where []string
	if p.match != "" {
		where = append(where, p.match)
	}
	if count > 0 {
		where = append(where, fmt.Sprint(count))
	}
	if pending != "" {
		where = append(where, pending)
	}
	if p.page != "" {
		where = append(where, "p. "+p.page)
	}
	if p.doc != nil {
		where = append(where, fmt.Sprintf("%d%%", p.percent))
	}
	rightView := ""
	if len(where) > 0 {
		rightView = st.StatusPlace.Render(" " + strings.Join(where, "  ") + " ")
	}
	if k := common.FirstKey(s.c.Keys.Help); k != "" {
		rightView += st.StatusHint.Render(" " + k + " help ")
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
	} else if p.doc != nil {
		title := " " + corpus.SanitizeLine(p.doc.ShortTitle())
		section := ""
		if p.section >= 0 {
			section = " › " + corpus.SanitizeLine(p.doc.Outline[p.section].Title)
		}
		title = ansi.Truncate(title, room-1, "…")
		left = st.StatusDoc.Render(title)
		if rest := room - lipgloss.Width(title) - 1; rest > 3 && section != "" {
			left += st.StatusSection.Render(ansi.Truncate(section, rest, "…"))
		}
	}
	gap := max(0, room-lipgloss.Width(left))
	return left + st.Status.Render(strings.Repeat(" ", gap)) + rightView
}

// wholeView draws a long message over lines of its own above the bar, as
// many as it needs up to wholeLines, its end on the bar beside the place.
func (s statusModel) wholeView(n common.NoticeMsg, style lipgloss.Style, rightView string, room int) string {
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
