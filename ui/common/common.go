// Package common is what the parts of the reader share: the dependencies
// chosen once at start (Common), what a part asks of the root model
// (Intent), the messages that pass between parts, and small helpers for
// keys and lines of text.
package common

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/keymap"
)

// Common is what every part of the reader is built with. It is made once,
// by ui.New, and never changed after, so the parts share one and a copy
// of a model is a snapshot of it but for what it holds here. What a part
// caches (rendered chunks, note markers) it keeps itself.
type Common struct {
	Lib      *corpus.Library
	Index    *corpus.Index // the library's search index
	Keys     keymap.Map
	MaxWidth int                                  // the longest line of text
	Now      func() time.Time                     // the time changes are stamped with
	After    func(time.Duration, tea.Msg) tea.Cmd // a timer: msg, after a while
	Copy     func(string) error                   // puts text on the clipboard; nil where there is none

	bindings []key.Binding            // every binding of Keys, to tell a known key from an unknown one
	docIndex map[*corpus.Document]int // where each document is in Lib
}

// New completes c: its search index, and what it needs to answer
// IndexOf and Bound.
func New(c Common) *Common {
	c.Index = corpus.NewIndex(c.Lib)
	c.docIndex = make(map[*corpus.Document]int, len(c.Lib.Docs))
	for i, d := range c.Lib.Docs {
		c.docIndex[d] = i
	}
	for _, g := range c.Keys.Groups() {
		c.bindings = append(c.bindings, g.Bindings...)
	}
	return &c
}

// IndexOf is where d is in the library, as the search names documents;
// -1 for none.
func (c *Common) IndexOf(d *corpus.Document) int {
	if i, ok := c.docIndex[d]; ok {
		return i
	}
	return -1
}

// Bound says whether any action has the key.
func (c *Common) Bound(msg tea.KeyMsg) bool {
	return key.Matches(msg, c.bindings...)
}

// UnknownKey tells the reader a key does nothing where it was pressed,
// and where to look.
func (c *Common) UnknownKey(msg tea.KeyMsg) tea.Cmd {
	if msg.Paste || msg.String() == "" {
		return nil
	}
	hint := ""
	if k := FirstKey(c.Keys.Help); k != "" {
		hint = "; " + k + " shows the keys"
	}
	return Hint(fmt.Sprintf("%s does nothing here%s", KeyName(msg), hint))
}

// Digit reads a key as a digit of a count typed before a move.
func Digit(msg tea.KeyMsg) (int, bool) {
	if msg.Type != tea.KeyRunes || len(msg.Runes) != 1 || msg.Alt {
		return 0, false
	}
	r := msg.Runes[0]
	if r < '0' || r > '9' {
		return 0, false
	}
	return int(r - '0'), true
}
