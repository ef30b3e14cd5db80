package common

import tea "github.com/charmbracelet/bubbletea"

// The messages that pass from one part of the reader to another. Each
// says who sends it and who handles it; a part's messages to itself (a
// chunk rendered, a search's hits) are its own.

// NoticeMsg asks for a transient line in the status bar. Sent by any part;
// handled by the root, which queues it in the status bar.
type NoticeMsg struct {
	Text  string
	Error bool
	Hint  bool // a passing hint, such as a key that does nothing: the next one replaces it
	Whole bool // shown whole, over the last lines of the text if it is longer than the bar (a citation)
}

// Notice says something in the status bar.
func Notice(text string) tea.Cmd {
	return func() tea.Msg { return NoticeMsg{Text: text} }
}

// Failure says what went wrong, in the status bar.
func Failure(text string) tea.Cmd {
	return func() tea.Msg { return NoticeMsg{Text: text, Error: true} }
}

// Hint says something in passing: the next message replaces it.
func Hint(text string) tea.Cmd {
	return func() tea.Msg { return NoticeMsg{Text: text, Hint: true} }
}

// WholeNotice says something however long, over the last lines of the
// text if it is longer than the bar.
func WholeNotice(text string) tea.Cmd {
	return func() tea.Msg { return NoticeMsg{Text: text, Whole: true} }
}
