// Package ui is samizdat's full-screen reader. Its parts are packages of
// their own: the reading pane (reader), the layout of the text (render),
// the table of contents (contents), the search bar (searchbar), the go-to
// prompt (prompt), the status bar (status), the line things are typed
// into (field), the box a note of the reader's own is written in
// (editor), and the boxes over the text (overlay): the help, the list of
// marks, a note's box, the reader's own note on a passage (Passage) and
// the list of their highlights and notes (Annotations), a person's box,
// the list of people and a list of places.
//
// The root Model here routes messages (model.go) and keys (keys.go) to
// them, lays them out (layout.go) and draws them (view.go), does what
// they ask (common.Intent, intents.go), and keeps the places of the
// reading (where each work was left, the marks, the history of jumps)
// with the state package (persist.go). Selecting a passage is select.go;
// what a selection becomes, a highlight or a note of the reader's own, is
// highlights.go, which reads them from the notes file (package notes) and
// saves them there; notesync.go takes in what another reader saved
// meanwhile. The people index (corpus.People) is read off the UI
// goroutine the first time it is asked for (people.go); the printed
// index's pages are index.go.
package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/notes"
	"samizdat/state"
	"samizdat/ui/common"
	"samizdat/ui/contents"
	"samizdat/ui/editor"
	"samizdat/ui/overlay"
	"samizdat/ui/prompt"
	"samizdat/ui/reader"
	"samizdat/ui/render"
	"samizdat/ui/searchbar"
	"samizdat/ui/status"
)

// pane is which pane has the keys.
type pane int

const (
	textPane pane = iota
	contentsPane
)

// layer is what is drawn over the text and takes the keys first, if
// anything. View (view.go), overlayKey (keys.go) and relayout (layout.go)
// take them in this order.
type layer int

const (
	noOverlay          layer = iota // the text alone
	helpOverlay                     // the keys, by group (overlay.Help)
	promptOverlay                   // go to a work, section, page or person (prompt)
	markListOverlay                 // the marks (overlay.Marks)
	noteOverlay                     // a note of the text's own, at the foot (overlay.Note)
	searchOverlay                   // the search bar and its hits (searchbar)
	editorOverlay                   // a note of the reader's own being written (editor)
	passageOverlay                  // a note of the reader's own shown (overlay.Passage)
	annotationsOverlay              // the reader's highlights and notes (overlay.Annotations)
	personOverlay                   // who a name on screen is (overlay.Person)
	placesOverlay                   // a person's mentions, or an index entry's pages (overlay.Places)
	peopleOverlay                   // everyone the people index knows (overlay.People)
)

// Model is the root of the reader.
type Model struct {
	c             *common.Common // shared with every part, never changed
	styles        *Styles
	width, height int

	reader reader.Model
	toc    contents.Model
	status status.Model

	*boxes // the boxes over the text, held apart

	own ownNotes  // the reader's highlights and notes (highlights.go, notesync.go)
	sel selection // the passage being selected (select.go)

	focus   pane
	showTOC bool // the contents beside the text, on a terminal wide enough
	overlay layer
	init    tea.Cmd
	// tocNeed is the width the contents' titles need, as the layout last
	// took it; tocWiden is the columns the reader added to the width
	// chosen (fewer than none: took away).
	tocNeed, tocWiden int

	mem     state.Memory // positions and marks, from earlier runs and this one
	jumps   state.Jumps  // where jumps left, for back and forward
	moves   int          // the reader's moves so far, to tell a screen dwelt on
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
	// noteFrom is where the latest jump to a note left, and the note's
	// offset: Enter on that note comes back there, if no other jump came
	// since.
	noteFrom struct {
		note int
		at   corpus.Place
	}

	// peopleReady is true once the people index has been read and its
	// mentions found (people.go), peopleWaiting while that is under way.
	peopleReady, peopleWaiting bool
	peopleThen                 peopleWait // what waits for it
	markNames                  bool       // underline the names of people in the text
	// later is the work of a start held back until the first screen is
	// drawn or the reader acts, so as not to take the processor from it:
	// the notes file read, the people index.
	later []tea.Cmd
	// who is what the person's box goes through: the people named on
	// screen, in order, and where doc names them; one person and no doc
	// for a person chosen from a list.
	who struct {
		people []int
		doc    *corpus.Document
		names  []corpus.Mention
	}
	placeSpots []placeSpot         // what stands out at each row of the list of places
	peopleRows []overlay.PersonRow // the list of people, made once
}

// boxes are the boxes over the text, in the order of the layers. Each
// carries its own Styles and KeyMap, some ten kilobytes, and bubbletea
// copies the root Model at every message: the Model holds them by a
// pointer, made once in New, so that a key or a tick copies a few
// kilobytes, not a hundred. A copy of the Model therefore shares its
// boxes with the Model it was copied from. Only the Model's Update, and
// the methods it calls on the Model it goes on with, change them; an
// earlier copy is not to be used again once a later one has changed
// them, which bubbletea, discarding the old Model, never does. A new box
// goes here, not in Model (TestModelCopiesLittle).
type boxes struct {
	help       overlay.Help
	prompt     prompt.Model
	marks      overlay.Marks
	note       overlay.Note
	search     searchbar.Model
	editor     editor.Model        // a note of the reader's own, being written
	passage    overlay.Passage     // a note of the reader's own, shown
	annos      overlay.Annotations // the list of the reader's highlights and notes
	person     overlay.Person
	places     overlay.Places
	peopleList overlay.People
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
	c := common.New(deps)
	m := Model{
		c:      c,
		styles: &styles,
		warned: map[*corpus.Document]bool{},
		reader: reader.New(c, render.NewRenderer(d.Glamour, d.Profile, styles.Text()), styles.reader()),
		toc:    contents.New(c, styles.contents()),
		status: status.New(c, styles.status()),
		boxes: &boxes{
			help:       overlay.NewHelp(c, styles.overlay()),
			prompt:     prompt.New(c, styles.prompt()),
			marks:      overlay.NewMarks(c, styles.overlay()),
			note:       overlay.NewNote(c, styles.overlay()),
			search:     searchbar.New(c, styles.searchbar()),
			editor:     editor.New(c, styles.editor()),
			passage:    overlay.NewPassage(c, styles.overlay()),
			annos:      overlay.NewAnnotations(c, styles.overlay()),
			person:     overlay.NewPerson(c, styles.overlay()),
			places:     overlay.NewPlaces(c, styles.overlay()),
			peopleList: overlay.NewPeople(c, styles.overlay()),
		},
		own:  ownNotes{set: notes.NewSet(), file: d.NotesFile, where: map[string]notes.Located{}, exportDir: d.ExportDir},
		mem:  state.NewMemory(d.Library, d.Saved), // the caller's stays as it was
		file: d.StateFile,
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
		cmds = append(cmds, m.relayout(), m.reader.Show(corpus.Place{Doc: doc, Offset: at.Offset}), said, m.warn(doc))
		m.afterLayout()
		cmds = append(cmds, c.After(dwellTime, dwellMsg{moves: m.moves}))
	}
	for _, n := range d.Notices {
		cmds = append(cmds, m.status.Push(common.NoticeMsg{Text: n, Error: true, Whole: true}))
	}
	cmds = append(cmds, loadDocs(c.Lib))
	if m.own.file.Path != "" {
		m.later = append(m.later, loadNotes(m.own.file, c.Lib, c.Index))
		cmds = append(cmds, c.After(notesEvery, notesTickMsg{}))
	}
	if !d.Library.HasPeople() {
		m.help.Leave(keymap.GroupPeople) // w and W only say there is none
	}
	if d.MarkPeople {
		// The names are marked once the people index is read.
		m.markNames = true
		warm, _ := m.waitPeople(peopleWait{layer: noOverlay})
		m.later = append(m.later, warm)
	}
	if m.file.Path != "" {
		cmds = append(cmds, c.After(saveEvery, saveTickMsg{}))
	}
	if started := d.Started; started != nil {
		m.later = append(m.later, func() tea.Msg { started(); return nil })
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

// Init starts what New set going: the first screen's rendering, the
// notices for the status bar, the reading of a folder's documents, the
// timer of the saves.
func (m Model) Init() tea.Cmd { return m.init }

// Update routes a message to the method that handles it, and after a move
// of the reader's starts the wait for a dwell.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.route(msg)
	if n, ok := next.(Model); ok {
		if dwell := n.dwellAfter(m.moves); dwell != nil {
			cmd = tea.Batch(cmd, dwell)
		}
		if n.later != nil && (n.reader.Rendered() || isInput(msg)) {
			cmd = tea.Batch(cmd, tea.Batch(n.later...))
			n.later = nil
			next = n
		}
	}
	return next, cmd
}

// isInput says whether msg is the reader's doing.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyMsg, tea.MouseMsg:
		return true
	}
	return false
}

// route hands a message to the method that handles it.
func (m Model) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case reader.RenderedMsg, reader.SpansMsg:
		return m.laidOut(msg)
	case common.NoticeMsg, status.TimeMsg:
		return m.statusMsg(msg)
	case prompt.MatchesMsg:
		return m.matched(msg)
	case searchbar.ResultsMsg:
		return m.searchFound(msg)
	case docsLoadedMsg:
		return m.docsLoaded(msg)
	case saveTickMsg:
		return m.saveTick()
	case savedMsg:
		return m.saved(msg)
	case marksReadMsg:
		return m.marksRead(msg)
	case dwellMsg:
		return m.dwelt(msg)
	case notesLoadedMsg:
		return m.notesLoaded(msg)
	case notesSavedMsg:
		return m.notesSaved(msg)
	case peopleReadyMsg:
		return m.peopleRead(msg)
	case indexPageMsg:
		return m.foundOnPage(msg)
	case dragScrollMsg:
		return m.dragScroll(msg)
	case notesTickMsg:
		return m.notesTick()
	case notesReadMsg:
		return m.notesRead(msg)
	}
	return m, nil
}

// laidOut hands the reading pane a chunk it laid out, or where a search's
// hits show in one: the layout settles, which is no move of the reader's.
func (m Model) laidOut(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.reader, cmd, _ = m.reader.Update(msg)
	m.afterLayout()
	return m, cmd
}

// statusMsg hands the status bar a message to show, or its timer.
func (m Model) statusMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.status, cmd = m.status.Update(msg)
	return m, cmd
}

// matched hands the go-to prompt what matches what was typed; it may go
// there at once, if Enter came first.
func (m Model) matched(msg prompt.MatchesMsg) (tea.Model, tea.Cmd) {
	in, cmd := updatePart(&m.prompt, msg)
	return m.apply(in, cmd)
}

// Snapshot is what the reader leaves for the next run: where each document
// was left, which one was open, and the marks, for the state file.
func (m Model) Snapshot() *state.Library {
	return m.mem.Snapshot()
}
