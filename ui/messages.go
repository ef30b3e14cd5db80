package ui

import (
	"samizdat/corpus"
	"samizdat/state"
)

// The messages that pass between the parts of the reader. Each says who
// sends it and who handles it.

// chunkRenderedMsg carries a chunk laid out off the UI goroutine. Sent by
// the reader's render commands; handled by the reader, which drops it
// unless the document, width and layout generation are still the ones it
// shows.
type chunkRenderedMsg struct {
	doc        *corpus.Document
	chunk      int
	width      int
	gen        int
	background bool // rendered ahead of need, not for the screen
	rendered   *renderedChunk
	err        error
}

// statusTimeMsg moves the status bar's message on: faded at stage 1, gone
// at stage 2. Sent by the status bar's timers; handled by the status bar,
// which ignores it if another message has replaced the one it was for.
type statusTimeMsg struct {
	id, stage int
}

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

// hitSpansMsg says where a search's hits show in a rendered chunk. Sent by
// the reader's highlight command; handled by the reader, which drops it
// unless the search, document and width are still the ones it shows.
type hitSpansMsg struct {
	key   chunkKey
	res   *corpus.Results
	spans *chunkSpans
}
