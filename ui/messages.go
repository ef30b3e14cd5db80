package ui

import (
	"samizdat/corpus"
	"samizdat/state"
	"samizdat/ui/render"
)

// The root's messages to itself; those that pass between parts are in
// ui/common. Each says who sends it and who handles it.

// docsLoadedMsg says that the text of some documents of a folder has been
// read. Sent by the root's loading command, which reads the library's
// documents a batch at a time after the first screen; handled by the root,
// which lists their headings in the contents and opens a document that was
// waiting to be read.
type docsLoadedMsg struct {
	docs       []*corpus.Document
	errs       []error
	background bool // from the reading in the background, which goes on
}

// saveTickMsg comes every saveEvery while a state file is kept. Sent by
// the root's timer; handled by the root, which saves if anything changed.
type saveTickMsg struct{}

// savedMsg reports a save of the state file made off the UI goroutine.
// Sent by the root's save command; handled by the root, which takes in
// the marks other readers set meanwhile, or reports the failure once.
type savedMsg struct {
	merged *state.Library // what the file holds now for this library
	notice string         // what was wrong with the file, which was moved aside
	err    error
}

// marksReadMsg carries what the state file holds for this library, read
// when there was nothing to save. Sent by the root's timer command;
// handled by the root, which takes in what other readers saved.
type marksReadMsg struct {
	lib *state.Library
}

// dwellMsg says a screen may have stayed still for dwellTime. Sent by the
// root's timer, started after each move of the reader's; handled by the
// root, which counts the screen as read if no move came since (moves is
// the count of moves when it was started).
type dwellMsg struct {
	moves int
}

// peopleReadyMsg says the library's people index has been read and its
// mentions found, or why it could not be. Sent by warmPeople; handled by
// the root, which then does what waited for it (peopleThen), if nothing
// was opened since.
type peopleReadyMsg struct {
	err   error
	names map[*corpus.Document][]render.Range // the names to mark; nil when they are not marked
}

// indexPageMsg is where an index entry's words are on the pages it
// names. Sent by findOnPage; handled by the root, which goes there.
type indexPageMsg struct {
	page   corpus.Place   // the start of the page
	ranges []render.Range // the words, in plain offsets; none if they are not there
}
