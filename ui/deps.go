package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/notes"
	"samizdat/state"
)

// DefaultMaxWidth is the longest line of text, in columns, unless the
// user asks for another: a comfortable measure for reading.
const DefaultMaxWidth = 80

// Deps is what the reader is built from: the library and everything its
// parts share, chosen once at start.
type Deps struct {
	Library *corpus.Library
	Keys    keymap.Map
	Styles  Styles
	Glamour gansi.StyleConfig // the glamour style of the text
	Profile termenv.Profile   // the colour profile glamour writes for

	MaxWidth int // longest line of text; 0 for DefaultMaxWidth
	// MarkPeople underlines, quietly, the names of the people the
	// library's people index knows.
	MarkPeople bool
	// Start is where to open: a place, or a document named alone (its
	// head, Offset -1) for where it was left, or a nil Doc for the
	// document Saved says was open, or the first.
	Start   corpus.Place
	Notices []string // shown in the status bar at start, such as config problems

	// Saved is what earlier runs left of this library: where each document
	// was left, which was open, the marks; nil for nothing. It is not
	// changed.
	Saved *state.Library
	// StateFile is where the reader keeps what it would leave, every
	// saveEvery while it runs and as soon as a mark changes; a zero Path
	// for nowhere (the caller saves Snapshot at the end).
	StateFile state.File
	// NotesFile is where the reader's highlights and notes are kept, read
	// at start off the UI goroutine and saved at each change; a zero Path
	// for nowhere (the caller saves Notes at the end). ExportDir is where
	// a work's notes are written out as Markdown.
	NotesFile notes.File
	ExportDir string
	// Copy puts text on the clipboard; nil where there is none.
	Copy func(string) error
	// Now tells the time changes are stamped with; nil for time.Now.
	Now func() time.Time

	// Width and Height are the terminal's size if known before the program
	// starts, so the first screen can be rendered before the size arrives.
	Width, Height int

	// After makes a timer; nil for tea.Tick. Tests replace it.
	After func(time.Duration, tea.Msg) tea.Cmd

	// Started, if set, is called once the first screen of text is drawn
	// (or the reader has pressed a key first), off the UI goroutine: the
	// moment to begin what start-up should not wait for.
	Started func()
}
