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
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"time"
)

// Version is the version of the file format this code writes.
const Version = 1

// Position is a place in a document's text. The offset is a byte offset
// of the document's Markdown body; Anchor (the section) and Context (the
// text found there) let a position survive an edition that moved the text.
type Position struct {
	Offset  int    `json:"offset"`
	Anchor  string `json:"anchor,omitempty"`
	Context string `json:"context,omitempty"`
}

// Reading is what is remembered of one document.
type Reading struct {
	Position Position  `json:"position"`
	Percent  float64   `json:"percent"` // how far through the document, 0 to 100
	Updated  time.Time `json:"updated"`
}

// Mark is a place the reader marked with a letter. A deleted mark is kept
// as a tombstone until it is older than every reader's copy, so that a
// merge does not bring it back.
type Mark struct {
	Doc      string    `json:"doc"`
	Position Position  `json:"position"`
	Updated  time.Time `json:"updated"`
	Deleted  bool      `json:"deleted,omitempty"`
}

// Library is what is remembered of one library (the embedded one, or a
// folder of the reader's own).
type Library struct {
	Current  string             `json:"current,omitempty"` // id of the open document
	Updated  time.Time          `json:"updated"`           // when Current was set
	Readings map[string]Reading `json:"readings"`
	Marks    map[string]Mark    `json:"marks"`
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

// Clone is a copy of l that shares nothing with it.
func (l *Library) Clone() *Library {
	c := &Library{Current: l.Current, Updated: l.Updated,
		Readings: make(map[string]Reading, len(l.Readings)), Marks: make(map[string]Mark, len(l.Marks))}
	maps.Copy(c.Readings, l.Readings)
	maps.Copy(c.Marks, l.Marks)
	return c
}

// Load reads the state file at path. A missing file is an empty state.
// A file that is empty, truncated, not JSON or of a later version is moved
// aside (to path.bad, or path.bad.N) and whatever could be read from it is
// kept; notice then says so, in one sentence for the status bar.
func Load(path string) (st *State, notice string) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return New(), ""
	}
	if err != nil {
		return New(), fmt.Sprintf("Could not read %s (%v); starting afresh.", path, err)
	}
	st, problem := decode(data)
	if problem == "" {
		return st, ""
	}
	aside, err := moveAside(path)
	if err != nil {
		return st, fmt.Sprintf("The state file %s %s, and could not be moved aside (%v).", path, problem, err)
	}
	kept := "started afresh"
	if !st.empty() {
		kept = "kept what could be read"
	}
	return st, fmt.Sprintf("The state file %s; %s and moved it to %s.", problem, kept, aside)
}

// decode reads what it can of data, entry by entry, and says what was
// wrong with it, if anything.
func decode(data []byte) (*State, string) {
	st := New()
	if len(data) == 0 {
		return st, "was empty"
	}
	var raw struct {
		Version   int                        `json:"version"`
		Libraries map[string]json.RawMessage `json:"libraries"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return salvage(data), "could not be read (" + shortJSONError(err) + ")"
	}
	if raw.Version > Version {
		return st, fmt.Sprintf("was written by a later version of samizdat (format %d)", raw.Version)
	}
	if raw.Version < 1 {
		return st, "had no version"
	}
	problem := ""
	for key, msg := range raw.Libraries {
		var lib struct {
			Current  string                     `json:"current"`
			Updated  time.Time                  `json:"updated"`
			Readings map[string]json.RawMessage `json:"readings"`
			Marks    map[string]json.RawMessage `json:"marks"`
		}
		if err := json.Unmarshal(msg, &lib); err != nil {
			problem = "had a library entry that could not be read"
			continue
		}
		l := st.Library(key)
		l.Current, l.Updated = lib.Current, lib.Updated
		for id, m := range lib.Readings {
			var r Reading
			if err := json.Unmarshal(m, &r); err != nil || r.Position.Offset < 0 {
				problem = "had a reading position that could not be read"
				continue
			}
			l.Readings[id] = r
		}
		for name, m := range lib.Marks {
			var mk Mark
			if err := json.Unmarshal(m, &mk); err != nil || mk.Position.Offset < 0 || !ValidMark(name) {
				problem = "had a mark that could not be read"
				continue
			}
			l.Marks[name] = mk
		}
	}
	return st, problem
}

func shortJSONError(err error) string {
	if err.Error() == "unexpected end of JSON input" {
		return "it ends too soon"
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("%v at byte %d", syn, syn.Offset)
	}
	return err.Error()
}

// ValidMark reports whether name can name a mark: one letter or digit.
func ValidMark(name string) bool {
	if len(name) != 1 {
		return false
	}
	c := name[0]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// moveAside renames a bad state file out of the way, to the first free
// name of path.bad, path.bad.1, path.bad.2…
func moveAside(path string) (string, error) {
	for i := 0; i < 100; i++ {
		aside := path + ".bad"
		if i > 0 {
			aside = fmt.Sprintf("%s.bad.%d", path, i)
		}
		if _, err := os.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
			return aside, os.Rename(path, aside)
		}
	}
	return "", errors.New("too many bad state files beside it")
}
