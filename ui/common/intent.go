package common

import "samizdat/corpus"

// Intent is what a part of the reader asks of the root model, returned
// from its Update beside the command. The root applies it at once, before
// the next message, so keys typed after it act on what it did. The zero
// Intent asks nothing.
type Intent struct {
	Do   Action
	At   corpus.Place // for Open, Resume (its document) and Jumped (where the jump left)
	Mark string       // for GoToMark and DeleteMark
	Hit  int          // for ShowHit and AcceptHit: an index in the search bar's results
	// Note is the id of a highlight or note of the reader's own (a
	// notes.Note), for GoToAnnotation, EditAnnotation, DeleteAnnotation
	// and RestoreAnnotation.
	Note string
}

// Action is what an Intent asks for.
type Action int

const (
	None Action = iota

	// Open goes to a place: a jump, recorded in the history of jumps.
	// Asked by the contents, the go-to prompt and a note's box.
	Open
	// Resume opens a document where it was left: a jump. Asked by the
	// contents, the go-to prompt and the reading pane (next document).
	Resume
	// Jumped says the reading pane jumped within its document (top,
	// bottom, a percentage): the root records where it left.
	Jumped

	// GoToMark goes to a mark: a jump. Asked by the list of marks.
	GoToMark
	// DeleteMark deletes a mark. Asked by the list of marks.
	DeleteMark

	// ShowHit shows a hit of the search in the reading pane, the search
	// bar staying open. Asked by the search bar.
	ShowHit
	// ShowOrigin shows where the search began, the bar staying open:
	// there is no hit to show. Asked by the search bar.
	ShowOrigin
	// AcceptHit closes the search bar at a hit: a jump from where the
	// search began. Asked by the search bar.
	AcceptHit
	// CancelSearch closes the search bar, back where the search began.
	// Asked by the search bar.
	CancelSearch

	// GoToAnnotation goes to the passage of a highlight or note, whose
	// place At is: a jump. Asked by the list of highlights.
	GoToAnnotation
	// EditAnnotation opens the editor on the note of a highlight. Asked by
	// the list of highlights.
	EditAnnotation
	// DeleteAnnotation deletes a highlight and its note, as an undoable
	// change. Asked by the list of highlights.
	DeleteAnnotation
	// RestoreAnnotation brings back a highlight deleted. Asked by the list
	// of highlights, to undo a delete.
	RestoreAnnotation

	// Quit ends the reader, as the quit key does. Asked by the go-to
	// prompt, when :q is typed in it as in vim.
	Quit
)
