// Package notes keeps the reader's own highlights and notes: passages of
// a work kept, each with what the reader wrote of it, if anything.
//
// A Set holds them in memory; a File keeps a Set on disk, in one JSON file
// under $XDG_DATA_HOME/samizdat/, with the state file's guarantees: written
// atomically, merged with what another reader saved, a damaged file
// salvaged and moved aside, nothing the reader wrote dropped on a failure.
// A note is anchored by its words as well as by its offsets, so Resolve
// finds it again in a corrected edition, and keeps one it cannot find as
// detached. Markdown and JSON write them out for other programs.
//
// Nothing here draws on a terminal; the package imports no UI code.
package notes

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// Note is a passage the reader kept: a highlight, with a note when
// Comment is not empty.
//
// Start and End are byte offsets of the document's plain text
// (corpus.Document.Plain), as search hits are; Text is the passage as it
// was kept there, and Before and After a little of the text on either
// side, which find it again when an edition moved it.
type Note struct {
	ID      string `json:"id"`
	Doc     string `json:"doc"` // the document's id, as the state file names it
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Before  string `json:"before,omitempty"`
	After   string `json:"after,omitempty"`
	Comment string `json:"note,omitempty"` // what the reader wrote; empty for a plain highlight

	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	// Rev counts the changes: see Supersedes.
	Rev int64 `json:"rev,omitempty"`
	// Deleted makes the note a tombstone, kept so that a merge with a
	// reader that still has the note does not bring it back, and so that
	// the delete can be undone.
	Deleted bool `json:"deleted,omitempty"`
}

// Supersedes says whether n is a later change of the note than o. A
// reader that changes a note gives it one more than the revision it knew,
// so a change made after seeing another wins over it whatever the clocks
// said; only two changes of one revision, made by readers that had not
// seen each other's, are ordered by their times (as the state file orders
// its entries).
func (n Note) Supersedes(o Note) bool {
	if n.Rev != o.Rev {
		return n.Rev > o.Rev
	}
	if !n.Modified.Equal(o.Modified) {
		return n.Modified.After(o.Modified)
	}
	// The same change, or two at the same instant: a delete wins, and then
	// the longer note, so that every reader settles on the same one.
	if n.Deleted != o.Deleted {
		return n.Deleted
	}
	return len(n.Comment) > len(o.Comment) || len(n.Comment) == len(o.Comment) && n.Comment > o.Comment
}

// IsHighlight says whether the note is a highlight without a note.
func (n Note) IsHighlight() bool { return n.Comment == "" }

// newID is a random id of 16 hex digits: two readers adding notes at the
// same moment never give two the same id.
func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
