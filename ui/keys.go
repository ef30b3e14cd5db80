package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/state"
	"samizdat/ui/common"
)

// Where a key goes: handleKey routes it, overlayKey hands it to the box
// open over the text, and the methods here and in the files of each part
// (search.go, select.go, highlights.go, people.go) take it.

// handleKey routes a key: several typed at once are taken one by one;
// force-quit works everywhere; an open overlay takes the rest, then the
// keys of every pane, then the pane with focus.
func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !m.typing() {
		return m.eachRune(msg)
	}
	k := m.c.Keys
	if key.Matches(msg, k.ForceQuit) {
		m.keepDraft()
		return m, tea.Quit
	}
	if m.layout().tooSmall {
		if key.Matches(msg, k.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	if m.pending != noPrefix {
		return m.prefixKey(msg)
	}
	if m.overlay != noOverlay {
		return m.overlayKey(msg)
	}
	if m.sel.on {
		return m.selectKey(msg)
	}
	if next, cmd, ok := m.searchKey(msg); ok {
		return next, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		return m.openHelp()
	case key.Matches(msg, k.GoTo):
		m.overlay = promptOverlay
		open := m.prompt.Open(m.reader.Doc())
		// The people and the index's entries are listed once read.
		warm, _ := m.waitPeople(peopleWait{layer: promptOverlay})
		return m, tea.Batch(open, warm)
	case key.Matches(msg, k.WidenTOC, k.NarrowTOC):
		columns := tocStep
		if key.Matches(msg, k.NarrowTOC) {
			columns = -tocStep
		}
		cmd := m.widenTOC(columns)
		return m, cmd
	case key.Matches(msg, k.ToggleTOC):
		return m, m.toggleTOC()
	case key.Matches(msg, k.SwitchFocus):
		return m, m.switchFocus()
	case m.focus == contentsPane && key.Matches(msg, k.Back):
		return m, m.setFocus(textPane)
	}
	if next, cmd, ok := m.placeKey(msg); ok {
		return next, cmd
	}
	if m.focus == contentsPane {
		in, cmd := updatePart(&m.toc, msg)
		return m.apply(in, cmd)
	}
	in, cmd := updatePart(&m.reader, msg)
	m.afterKey(msg)
	return m.apply(in, cmd)
}

// eachRune handles keys that arrived together (key repeat, fast typing) as
// if they had come one at a time.
func (m Model) eachRune(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	var model tea.Model = m
	for _, r := range msg.Runes {
		var cmd tea.Cmd
		model, cmd = model.(Model).handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return model, tea.Batch(cmds...)
}

// typing says whether the box that is open takes typed text, so that
// letters that arrive together stay together: the go-to prompt, the
// search bar, the editor, the list of people, and the filters of the
// lists of highlights and of places while they are typed.
func (m Model) typing() bool {
	switch m.overlay {
	case promptOverlay, searchOverlay, editorOverlay, peopleOverlay:
		return true
	case annotationsOverlay:
		return m.annos.Filtering()
	case placesOverlay:
		return m.places.Filtering()
	}
	return false
}

// overlayKey hands a key to the box that is open, each box in the order
// of the layers.
func (m Model) overlayKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch m.overlay {
	case helpOverlay:
		return m.helpKey(msg)
	case promptOverlay:
		return m.promptKey(msg)
	case markListOverlay:
		return m.markListKey(msg)
	case noteOverlay:
		return m.noteKey(msg)
	case searchOverlay:
		return m.searchBarKey(msg)
	case editorOverlay:
		return m.editorKey(msg)
	case passageOverlay:
		return m.passageKey(msg)
	case annotationsOverlay:
		return m.annotationsKey(msg)
	case personOverlay:
		return m.personKey(msg)
	case placesOverlay:
		return m.placesKey(msg)
	case peopleOverlay:
		return m.peopleKey(msg)
	}
	return m, nil
}

// closeOrHelp takes the keys the boxes over the text share: back, quit
// and the box's own keys (also) close it; help shows the help in its
// place. It says whether msg was one of them. The go-to prompt, the
// search bar and the list of people, where q and ? are typed, take only
// back.
func (m *Model) closeOrHelp(msg tea.KeyMsg, also ...key.Binding) bool {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back, k.Quit), key.Matches(msg, also...):
		m.overlay = noOverlay
	case key.Matches(msg, k.Help):
		m.showHelp()
	default:
		return false
	}
	return true
}

// promptKey takes a key in the go-to prompt: every key but back is
// typed, or the prompt's.
func (m Model) promptKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.c.Keys.Back) {
		m.overlay = noOverlay
		return m, nil
	}
	in, cmd := updatePart(&m.prompt, msg)
	return m.apply(in, cmd)
}

// helpKey takes a key in the help: back, help and quit close it, the
// rest scroll it.
func (m Model) helpKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.Keys
	if key.Matches(msg, k.Back, k.Help, k.Quit) {
		m.overlay = noOverlay
		return m, nil
	}
	var cmd tea.Cmd
	m.help, cmd = m.help.Update(msg)
	return m, cmd
}

func (m Model) handleMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	m.pending = noPrefix // a mark's name is typed, not clicked
	l := m.layout()
	if l.tooSmall || m.overlay != noOverlay {
		return m, nil
	}
	if msg.Button == tea.MouseButtonLeft || msg.Action != tea.MouseActionPress {
		overTOC := l.tocVisible && msg.X < l.tocWidth && msg.Y < l.bodyHeight
		if !overTOC || m.sel.dragging {
			if next, cmd, ok := m.mouseSelect(msg, l); ok {
				return next, cmd
			}
		}
		if msg.Action != tea.MouseActionPress {
			return m, nil
		}
	}
	overTOC := l.tocVisible && msg.X < l.tocWidth && msg.Y < l.bodyHeight
	n := 0
	switch msg.Button {
	case tea.MouseButtonWheelDown:
		n = 3
	case tea.MouseButtonWheelUp:
		n = -3
	case tea.MouseButtonLeft:
		if overTOC {
			return m.apply(m.toc.Click(msg.Y), nil)
		}
		return m, nil
	default:
		return m, nil
	}
	if overTOC {
		m.toc.Wheel(n)
		return m, nil
	}
	cmd := m.reader.Scroll(n)
	m.afterRead()
	return m, cmd
}

// placeKey handles the keys of places in the text and the contents; ok is
// false for any other key.
func (m Model) placeKey(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	k := m.c.Keys
	inText := m.focus == textPane
	switch {
	case m.reader.Doc() == nil:
		return m, nil, false
	case key.Matches(msg, k.JumpBack, k.JumpForward, k.Marks, k.Highlights, k.People):
	case inText && key.Matches(msg, k.SetMark, k.GoToMark, k.ShowNote, k.FollowNote, k.Cite, k.Select, k.ShowPassage, k.ExportNotes, k.WhoIsThis):
	default:
		return m, nil, false
	}
	m.reader.ClearCount() // a number typed before does not apply to these
	switch {
	case key.Matches(msg, k.JumpBack):
		next, cmd = m.walk(-1)
	case key.Matches(msg, k.JumpForward):
		next, cmd = m.walk(+1)
	case key.Matches(msg, k.Marks):
		next, cmd = m.openMarks()
	case key.Matches(msg, k.Highlights):
		next, cmd = m.openAnnotations()
	case key.Matches(msg, k.SetMark):
		m.pending = setMarkPrefix
		next = m
	case key.Matches(msg, k.GoToMark):
		m.pending = goMarkPrefix
		next = m
	case key.Matches(msg, k.ShowNote):
		next, cmd = m.showNote()
	case key.Matches(msg, k.FollowNote):
		next, cmd = m.followNote(msg)
	case key.Matches(msg, k.WhoIsThis):
		next, cmd = m.whoIsThis(msg)
	case key.Matches(msg, k.People):
		next, cmd = m.openPeople(msg)
	case key.Matches(msg, k.Select):
		next, cmd = m.startSelection()
	case key.Matches(msg, k.ShowPassage):
		next, cmd = m.showPassage()
	case key.Matches(msg, k.ExportNotes):
		next, cmd = m, m.exportNotes()
	default:
		next, cmd = m, m.cite()
	}
	return next, cmd, true
}

// prefix is a key that waits for the next: m and ' wait for a mark's name.
type prefix int

const (
	noPrefix prefix = iota
	setMarkPrefix
	goMarkPrefix
)

// prefixKey takes the key after m or ': the name of a mark, or ' again.
func (m Model) prefixKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	p := m.pending
	m.pending = noPrefix
	if key.Matches(msg, m.c.Keys.Back) {
		return m, nil
	}
	name := ""
	if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && !msg.Alt {
		name = string(msg.Runes)
	}
	if p == goMarkPrefix && key.Matches(msg, m.c.Keys.GoToMark) {
		return m.swapBack()
	}
	if !state.ValidMark(name) {
		first := common.FirstKey(m.c.Keys.SetMark)
		if p == goMarkPrefix {
			first = common.FirstKey(m.c.Keys.GoToMark)
		}
		return m, common.Hint(fmt.Sprintf("%s %s: a mark is named by a letter or a digit.", first, common.KeyName(msg)))
	}
	if p == setMarkPrefix {
		return m.setMark(name)
	}
	return m.goToMark(name)
}

// pendingText is the prefix waiting for its key, or the selection, for
// the status bar.
func (m Model) pendingText() string {
	if m.sel.on {
		return m.selectionText()
	}
	switch m.pending {
	case setMarkPrefix:
		return common.FirstKey(m.c.Keys.SetMark)
	case goMarkPrefix:
		return common.FirstKey(m.c.Keys.GoToMark)
	}
	return ""
}

// markListKey takes a key in the list of marks.
func (m Model) markListKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.closeOrHelp(msg, m.c.Keys.Marks) {
		return m, nil
	}
	in, cmd := updatePart(&m.marks, msg)
	return m.apply(in, cmd)
}

// noteKey takes a key in a note's box: going to the note is a jump that
// Enter on the note comes back from.
func (m Model) noteKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.closeOrHelp(msg) {
		return m, nil
	}
	in, cmd := updatePart(&m.note, msg)
	if in.Do == common.Open {
		m.leaveForNote(in.At.Offset)
	}
	return m.apply(in, cmd)
}

// openHelp shows the help, in place of any other box.
func (m Model) openHelp() (tea.Model, tea.Cmd) {
	m.showHelp()
	return m, nil
}

// showHelp opens the help, in place of any other box.
func (m *Model) showHelp() {
	m.overlay = helpOverlay
	m.help.Open(m.width, m.height)
}
