// Package ui is samizdat's full-screen reader: a table of contents over
// the library, a reading pane that renders Markdown with glamour a chunk at
// a time off the UI goroutine, a status bar, a help screen, a go-to
// prompt, a list of marks and a note's box. The root Model routes messages
// to them, and keeps the places of the reading (where each work was left,
// the marks, the history of jumps) with the state package.
package ui

import (
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/state"
	"samizdat/ui/common"
	"samizdat/ui/contents"
	"samizdat/ui/overlay"
	"samizdat/ui/prompt"
	"samizdat/ui/searchbar"
)

// The smallest terminal the reader draws in; below it, it says so.
const (
	minWidth  = 40
	minHeight = 10
)

// pane is which pane has the keys.
type pane int

const (
	textPane pane = iota
	contentsPane
)

// layer is what is drawn over the text and takes the keys first, if
// anything.
type layer int

const (
	noOverlay layer = iota
	helpOverlay
	promptOverlay
	markListOverlay
	noteOverlay
	searchOverlay
)

// Model is the root of the reader.
type Model struct {
	c             *shared
	width, height int

	reader readerModel
	toc    contents.Model
	status statusModel
	help   overlay.Help
	prompt prompt.Model
	marks  overlay.Marks
	note   noteModel
	search searchbar.Model

	focus   pane
	showTOC bool // the contents beside the text, on a terminal wide enough
	overlay layer
	init    tea.Cmd

	mem     state.Memory // positions and marks, from earlier runs and this one
	jumps   state.Jumps  // where jumps left, for back and forward
	pending prefix       // m or ' waiting for the name of a mark
	file    state.File   // where mem is saved; no Path: nowhere while running
	// saving is true while a save is on its way, and saveAgain if another
	// is wanted once it is back; saveErr is the last failure, said once.
	saving, saveAgain bool
	saveErr           string
	// waiting is what opens a document whose text is being read, to apply
	// once it is; nil when nothing waits.
	waiting *common.Intent
	// warned are the documents whose file's problems the status bar has
	// told.
	warned map[*corpus.Document]bool
}

// New builds the reader from its dependencies. If the terminal's size is
// given, the first screen starts rendering in Init, before the size
// message arrives.
func New(d Deps) Model {
	styles := d.Styles
	deps := common.Common{Lib: d.Library, Keys: d.Keys, MaxWidth: d.MaxWidth, Now: d.Now, After: d.After, Copy: d.Copy}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.MaxWidth <= 0 {
		deps.MaxWidth = DefaultMaxWidth
	}
	if deps.After == nil {
		deps.After = func(dur time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(dur, func(time.Time) tea.Msg { return msg })
		}
	}
	c := &shared{Common: common.New(deps), styles: &styles}
	m := Model{
		c:      c,
		warned: map[*corpus.Document]bool{},
		reader: newReader(c, newChunkRenderer(d.Glamour, d.Profile, &styles)),
		toc:    contents.New(c.Common, styles.contents()),
		status: newStatus(c),
		help:   overlay.NewHelp(c.Common, styles.overlay()),
		prompt: prompt.New(c.Common, styles.prompt()),
		marks:  overlay.NewMarks(c.Common, styles.overlay()),
		note:   newNoteView(c),
		search: searchbar.New(c.Common, styles.searchbar()),
		mem:    state.NewMemory(d.Library, d.Saved), // the caller's stays as it was
		file:   d.StateFile,
	}
	for _, doc := range d.Library.Docs {
		m.toc.SetProgress(doc, m.mem.Progress(doc))
	}

	var cmds []tea.Cmd
	if len(d.Library.Docs) > 0 {
		doc := m.startDoc(d.Start)
		if err := doc.Load(); err != nil {
			// A folder's file that went away since it was listed.
			d.Notices = append(d.Notices, err.Error())
		}
		at, said := d.Start, tea.Cmd(nil)
		if d.Start.Doc == nil || d.Start.Offset < 0 {
			at, said = m.resume(doc)
		} else {
			m.mem.Visit(at, c.Now())
		}
		m.width, m.height = d.Width, d.Height
		m.showTOC = m.width >= sideBySideWidth
		cmds = append(cmds, m.relayout(), m.reader.open(doc, at.Offset), said, m.warn(doc))
		m.afterLayout()
	}
	for _, n := range d.Notices {
		cmds = append(cmds, m.status.push(common.NoticeMsg{Text: n, Error: true, Whole: true}))
	}
	cmds = append(cmds, loadDocs(c.Lib))
	if m.file.Path != "" {
		cmds = append(cmds, c.After(saveEvery, saveTickMsg{}))
	}
	m.init = tea.Batch(cmds...)
	return m
}

// startDoc is the document the reader opens: the one asked for, or the
// one the last run left open, or the first.
func (m *Model) startDoc(start corpus.Place) *corpus.Document {
	if start.Doc != nil {
		return start.Doc
	}
	if d := m.mem.Current(); d != nil {
		return d
	}
	return m.c.Lib.Docs[0]
}

func (m Model) Init() tea.Cmd { return m.init }

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case chunkRenderedMsg, hitSpansMsg:
		var cmd tea.Cmd
		m.reader, cmd, _ = m.reader.Update(msg)
		m.afterLayout()
		return m, cmd
	case saveTickMsg:
		return m.saveTick()
	case savedMsg:
		return m.saved(msg)
	case marksReadMsg:
		return m.marksRead(msg)
	case common.NoticeMsg, statusTimeMsg:
		var cmd tea.Cmd
		m.status, cmd = m.status.Update(msg)
		return m, cmd
	case docsLoadedMsg:
		return m.docsLoaded(msg)
	case searchbar.ResultsMsg:
		return m.searchFound(msg)
	case prompt.MatchesMsg:
		var cmd tea.Cmd
		var in common.Intent
		m.prompt, cmd, in = m.prompt.Update(msg)
		return m.apply(in, cmd)
	}
	return m, nil
}

func (m Model) resize(width, height int) (Model, tea.Cmd) {
	if m.width == 0 && m.height == 0 {
		m.showTOC = width >= sideBySideWidth
	}
	m.width, m.height = width, height
	cmd := m.relayout()
	m.afterLayout()
	return m, cmd
}

// relayout gives every part its size for the terminal's.
func (m *Model) relayout() tea.Cmd {
	l := m.layout()
	if l.tooSmall {
		return nil
	}
	m.toc.SetSize(l.tocWidth, l.bodyHeight)
	m.status.SetWidth(m.width)
	if m.overlay == helpOverlay { // laid out when opened otherwise
		m.help.SetSize(m.width, m.height)
	}
	m.prompt.SetSize(m.width, m.height)
	m.marks.SetSize(m.width, m.height)
	m.note.SetSize(l.readerWidth, m.height)
	m.search.SetSize(m.width, l.bodyHeight)
	if m.overlay == searchOverlay {
		m.reader.hl.covered = m.search.PanelHeight()
	}
	return m.reader.SetSize(l.readerWidth, l.bodyHeight)
}

// handleKey routes a key: several typed at once are taken one by one;
// force-quit works everywhere; an open overlay takes the rest, then the
// keys of every pane, then the pane with focus.
func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && m.overlay != promptOverlay && m.overlay != searchOverlay {
		return m.eachRune(msg)
	}
	k := m.c.Keys
	if key.Matches(msg, k.ForceQuit) {
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
	switch m.overlay {
	case promptOverlay:
		return m.promptKey(msg)
	case helpOverlay:
		return m.helpKey(msg)
	case markListOverlay:
		return m.markListKey(msg)
	case noteOverlay:
		return m.noteKey(msg)
	case searchOverlay:
		return m.searchBarKey(msg)
	}
	if next, cmd, ok := m.searchKey(msg); ok {
		return next, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.overlay = helpOverlay
		m.help.Open(m.width, m.height)
		return m, nil
	case key.Matches(msg, k.GoTo):
		m.overlay = promptOverlay
		return m, m.prompt.Open(m.reader.doc)
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
	var cmd tea.Cmd
	var in common.Intent
	if m.focus == contentsPane {
		m.toc, cmd, in = m.toc.Update(msg)
		return m.apply(in, cmd)
	}
	m.reader, cmd, in = m.reader.Update(msg)
	m.afterMove()
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

func (m Model) promptKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.c.Keys.Back) {
		m.overlay = noOverlay
		return m, nil
	}
	var cmd tea.Cmd
	var in common.Intent
	m.prompt, cmd, in = m.prompt.Update(msg)
	return m.apply(in, cmd)
}

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
	if l.tooSmall || m.overlay != noOverlay || msg.Action != tea.MouseActionPress {
		return m, nil
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
	m.reader.scroll(n)
	cmd := m.reader.ensure()
	m.afterMove()
	return m, cmd
}

// open shows a place (Open), a document where it was left (Resume), or
// a mark (GoToMark), once the text of its document has been read.
func (m Model) open(in common.Intent) (tea.Model, tea.Cmd) {
	doc := in.At.Doc
	if doc == nil {
		return m, nil
	}
	if !doc.Loaded() {
		m.waiting = &in
		return m, loadDoc(doc)
	}
	m.waiting = nil
	at := in.At
	var cmds []tea.Cmd
	var said tea.Cmd
	switch in.Do {
	case common.GoToMark:
		at, said = m.markPlace(doc, in.Mark)
	case common.Resume:
		at, said = m.resume(doc)
	}
	off := at.Offset
	cmds = append(cmds, said)
	m.overlay = noOverlay
	if m.focus == contentsPane {
		cmds = append(cmds, m.setFocus(textPane))
	}
	if doc == m.reader.doc {
		m.reader.jump(off)
		cmds = append(cmds, m.reader.ensure())
	} else {
		cmds = append(cmds, m.reader.open(doc, off), m.warn(doc))
	}
	m.afterMove()
	return m, tea.Batch(cmds...)
}

// afterMove records where the reader is after a move the reader made: in
// the memory, stamped for the state file, and in the contents' mark and
// progress.
func (m *Model) afterMove() { m.record(true) }

// afterLayout records where the reader is after the layout settled (a
// chunk rendered, a resize): not a move of the reader's, so not stamped.
func (m *Model) afterLayout() { m.record(false) }

func (m *Model) record(byReader bool) {
	r := &m.reader
	if r.doc == nil || r.height <= 0 || m.overlay == searchOverlay { // a search's preview is no move
		return
	}
	p := r.place()
	// The anchor, not the top: at the end of a document they differ, and
	// the anchor puts the same screen back and names the same section.
	m.mem.Moved(corpus.Place{Doc: r.doc, Offset: r.anchor}, p.bottom, byReader, m.c.Now())
	m.toc.SetProgress(r.doc, m.mem.Progress(r.doc))
	m.toc.Follow(r.doc, p.section)
}

// toggleTOC shows or hides the contents: beside the text on a wide
// terminal, over it on a narrow one, where it has the focus while shown.
func (m *Model) toggleTOC() tea.Cmd {
	if m.layout().sideBySide {
		m.showTOC = !m.showTOC
		if m.showTOC {
			return m.setFocus(contentsPane)
		}
		return m.setFocus(textPane)
	}
	if m.focus == contentsPane {
		return m.setFocus(textPane)
	}
	return m.setFocus(contentsPane)
}

// switchFocus moves between contents and text, showing the contents if
// they were hidden.
func (m *Model) switchFocus() tea.Cmd {
	if m.focus == contentsPane {
		return m.setFocus(textPane)
	}
	if m.layout().sideBySide {
		m.showTOC = true
	}
	return m.setFocus(contentsPane)
}

func (m *Model) setFocus(p pane) tea.Cmd {
	m.focus = p
	if p == contentsPane {
		m.toc.Focus()
	} else {
		m.toc.Blur()
	}
	return m.relayout()
}

// loadBatch is how many of a folder's documents are read at a time in the
// background: enough to keep the cores busy, few enough that the contents
// grow as they are read.
const loadBatch = 64

// loadDocs reads the next batch of a folder's documents off the UI
// goroutine; it is nil once every document is read, as the built-in
// library's always are.
func loadDocs(lib *corpus.Library) tea.Cmd {
	for _, d := range lib.Docs {
		if !d.Loaded() {
			return func() tea.Msg {
				loaded, errs := lib.LoadNext(loadBatch)
				docs := make([]*corpus.Document, len(loaded))
				for k, i := range loaded {
					docs[k] = lib.Docs[i]
				}
				return docsLoadedMsg{docs: docs, errs: errs, background: true}
			}
		}
	}
	return nil
}

// loadDoc reads one document now, for the reader waiting to open it.
func loadDoc(doc *corpus.Document) tea.Cmd {
	return func() tea.Msg {
		var errs []error
		if err := doc.Load(); err != nil {
			errs = append(errs, err)
		}
		return docsLoadedMsg{docs: []*corpus.Document{doc}, errs: errs}
	}
}

// docsLoaded lists the headings of documents just read, opens the one the
// reader waits for, and reads on.
func (m Model) docsLoaded(msg docsLoadedMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, err := range msg.errs {
		cmds = append(cmds, m.status.push(common.NoticeMsg{Text: err.Error(), Error: true}))
	}
	m.toc.DocsLoaded()
	m.prompt.DocsLoaded()
	if w := m.waiting; w != nil && slices.Contains(msg.docs, w.At.Doc) {
		m.waiting = nil
		if w.At.Doc.Loaded() {
			next, cmd := m.open(*w)
			m = next.(Model)
			cmds = append(cmds, cmd)
		}
	}
	if msg.background {
		cmds = append(cmds, loadDocs(m.c.Lib))
	}
	return m, tea.Batch(cmds...)
}

// warn says once in the status bar what was wrong with a document's file
// (invalid UTF-8, control characters) and how it is shown.
func (m *Model) warn(doc *corpus.Document) tea.Cmd {
	if len(doc.Warnings) == 0 || m.warned[doc] {
		return nil
	}
	m.warned[doc] = true
	return m.status.push(common.NoticeMsg{Text: doc.Path + ": " + strings.Join(doc.Warnings, "; ")})
}
