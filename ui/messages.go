package ui

import (
	"samizdat/corpus"
	"samizdat/ui/state"
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

// openPlace is an intent, not a message: a place of the library to show.
// The contents (Enter, a click), the go-to prompt (Enter) and the reader
// (next and previous document) leave it in their intent field; the root
// takes it as soon as their Update returns, so keys typed after it apply to
// the new place, in order. Every place opened so is a jump: the root
// records where it left in the history that jump-back walks.
type openPlace struct {
	doc    int    // index in the library
	off    int    // byte offset of the document's Body; -1 for its head
	resume bool   // ignore off: open where the reader last was in the document
	mark   string // ignore off: open at this mark, found once the text is read
}

// markIntent is an intent, not a message: the list of marks (Enter,
// delete-mark) leaves it in its intent field for the root, which goes to
// the mark or deletes it.
type markIntent struct {
	name   string
	delete bool
}

// noticeMsg asks for a transient line in the status bar. Sent by any part;
// handled by the root, which queues it in the status bar.
type noticeMsg struct {
	text    string
	isError bool
	hint    bool // a passing hint, such as a key that does nothing: the next one replaces it
	whole   bool // shown whole, over the last lines of the text if it is longer than the bar (a citation)
}

// statusTimeMsg moves the status bar's message on: faded at stage 1, gone
// at stage 2. Sent by the status bar's timers; handled by the status bar,
// which ignores it if another message has replaced the one it was for.
type statusTimeMsg struct {
	id, stage int
}

// matchesMsg carries the entries that match what was typed in the go-to
// prompt, best first. Sent by the prompt's filter command; handled by the
// prompt, which drops it unless the query is still the one typed.
type matchesMsg struct {
	query   string
	matches []match
}

// docsLoadedMsg says that the text of some documents of a folder has been
// read. Sent by the root's loading command, which reads the library's
// documents a batch at a time after the first screen; handled by the root,
// which lists their headings in the contents and opens a document that was
// waiting to be read.
type docsLoadedMsg struct {
	docs       []int
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

// searchResultsMsg carries the hits of what was typed in the search bar.
// Sent by the search bar's search command; handled by the search bar,
// which drops it unless gen is still the last query it sent.
type searchResultsMsg struct {
	gen     int
	text    string
	results *corpus.Results
}

// hitSpansMsg says where a search's hits show in a rendered chunk. Sent by
// the reader's highlight command; handled by the reader, which drops it
// unless the search, document and width are still the ones it shows.
type hitSpansMsg struct {
	key   chunkKey
	res   *corpus.Results
	spans *chunkSpans
}
