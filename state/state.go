// Package state keeps what the reader remembers between runs: where each
// document was left and how far it was read, which one was open, and the
// marks.
//
// It lives in one versioned JSON file under $XDG_STATE_HOME/samizdat/,
// written atomically and merged on save, so that two readers open at once
// neither corrupt it nor throw away each other's marks. A file that cannot
// be read never stops the reader: what can be recovered is kept, the bad
// file is moved aside, and the caller gets one notice to show.
package state

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	"samizdat/corpus"
	"samizdat/internal/regular"
	"samizdat/internal/safefile"
)

// Version is the version of the file format this code writes.
const Version = 1

// MaxFileSize is the largest state file read. A reading position or a
// mark takes about 350 bytes of the file, so 8 MiB holds 24,000 of them:
// every document of a dozen folders of 2,000 files opened, and every mark
// set in each, where a reader of the built-in library has a file of a few
// kilobytes. A larger file was not written by samizdat; it is refused
// before it is read, where decoding it could take minutes and gigabytes.
// One at the limit is read in about 0.2 s (BenchmarkLoadLargest). Save
// keeps what it writes under it by forgetting the oldest positions.
const MaxFileSize = 8 << 20

// Position is how the file keeps a place (a corpus.Place: At and Find
// translate). The offset is a byte offset of the document's Markdown body;
// Anchor (the section) and Context (the text found there) let a position
// survive an edition that moved the text.
type Position struct {
	Offset  int    `json:"offset"`
	Anchor  string `json:"anchor,omitempty"`
	Context string `json:"context,omitempty"`
}

// later orders two changes of an entry. Rev counts the changes: a reader
// that changes an entry gives it one more than the revision it knew, so a
// change made after seeing another wins over it whatever the clocks of the
// two readers said. Only two changes of one revision, made by readers that
// had not seen each other's, are ordered by their wall-clock time; a time
// later than now, from a clock that was wrong, is taken as now when read.
func later(rev int64, at time.Time, otherRev int64, otherAt time.Time) bool {
	if rev != otherRev {
		return rev > otherRev
	}
	return at.After(otherAt)
}

// State is the whole file.
type State struct {
	Version   int                 `json:"version"`
	Libraries map[string]*Library `json:"libraries"`
}

// New returns an empty state.
func New() *State {
	return &State{Version: Version, Libraries: map[string]*Library{}}
}

// empty says whether s remembers nothing.
func (s *State) empty() bool {
	for _, l := range s.Libraries {
		if l.Current != "" || len(l.Readings) > 0 || len(l.Marks) > 0 {
			return false
		}
	}
	return true
}

// Library returns what is remembered of the library named key, creating
// it if need be.
func (s *State) Library(key string) *Library {
	lib := s.Libraries[key]
	if lib == nil {
		lib = &Library{}
		s.Libraries[key] = lib
	}
	if lib.Readings == nil {
		lib.Readings = map[string]Reading{}
	}
	if lib.Marks == nil {
		lib.Marks = map[string]Mark{}
	}
	return lib
}

// Load reads the state file at path, as File.Load does, with the time
// now.
func Load(path string) (st *State, notice string) {
	return load(path, time.Now())
}

// load reads the state file at path. A missing file is an empty state.
// A file that is empty, truncated, not JSON, of a later version, too large
// or not a regular file is moved aside (to path.bad, or path.bad.N) and
// whatever could be read from it is kept; notice then says so, in one
// sentence for the status bar. Times later than now are taken as now.
func load(path string, now time.Time) (st *State, notice string) {
	data, err := regular.ReadFile(path, MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), ""
	}
	shown := corpus.SanitizeLine(path)
	if refused := safefile.Refusal(err, MaxFileSize); refused != "" {
		aside, err := safefile.MoveAside(path)
		if err != nil {
			return New(), fmt.Sprintf("The state file %s %s, and could not be moved aside (%v); starting afresh.", shown, refused, safefile.UnwrapPath(err))
		}
		return New(), fmt.Sprintf("The state file %s; started afresh and moved it to %s.", refused, corpus.SanitizeLine(aside))
	}
	if err != nil {
		return New(), fmt.Sprintf("Could not read %s (%v); starting afresh.", shown, safefile.UnwrapPath(err))
	}
	st, problem := decode(data, now)
	if problem == "" {
		return st, ""
	}
	aside, err := safefile.MoveAside(path)
	if err != nil {
		return st, fmt.Sprintf("The state file %s %s, and could not be moved aside (%v).", shown, problem, safefile.UnwrapPath(err))
	}
	kept := "started afresh"
	if !st.empty() {
		kept = "kept what could be read"
	}
	return st, fmt.Sprintf("The state file %s; %s and moved it to %s.", problem, kept, corpus.SanitizeLine(aside))
}

// ValidMark reports whether name can name a mark: one letter or digit.
func ValidMark(name string) bool {
	if len(name) != 1 {
		return false
	}
	c := name[0]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
