package notes

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"samizdat/corpus"
	"samizdat/internal/regular"
	"samizdat/internal/safefile"
)

// Version is the version of the file format this code writes.
const Version = 1

// MaxFileSize is the largest notes file read or written. A note takes
// some 400 bytes of the file and its passage, so 32 MiB holds tens of
// thousands of them, where a reader who keeps a passage a page keeps a
// few thousand in a library. A larger file was not written by samizdat and
// is refused before it is read; a save that would write one fails, and
// the notes stay in memory.
const MaxFileSize = 32 << 20

// file is the notes file: the notes of each library, by the library's
// key in the state file ("embedded", or "dir:" and a folder's path).
type file struct {
	Version   int                 `json:"version"`
	Libraries map[string]*library `json:"libraries"`
}

// library is one library's entry of the file: its notes and tombstones,
// in the order of their works' ids, their passages and their ids.
type library struct {
	Notes []Note `json:"notes"`
}

// File is where the notes of one library are kept: the notes file, and
// the library's key in it (as in the state file).
type File struct {
	Path string
	Key  string
	// Now tells the time, to take times later than it as it; nil for
	// time.Now.
	Now func() time.Time
}

func (f File) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

// Load reads the library's notes. A missing file is an empty set. A file
// that is empty, cut short, not JSON, of a later version, too large or not
// a regular file is moved aside (to path.bad, or path.bad.N, never over
// another) and every note that could be read from it is kept; notice then
// says so, in one sentence for the status bar. Times later than now are
// taken as now.
func (f File) Load() (s *Set, notice string) {
	all, notice := f.load()
	s = all.set(f.Key)
	s.Now = f.Now
	return s, notice
}

func (f File) load() (*file, string) {
	data, err := regular.ReadFile(f.Path, MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return newFile(), ""
	}
	shown := corpus.SanitizeLine(f.Path)
	if refused := safefile.Refusal(err, MaxFileSize); refused != "" {
		aside, err := safefile.MoveAside(f.Path)
		if err != nil {
			return newFile(), fmt.Sprintf("The notes file %s %s, and could not be moved aside (%v); no notes were read, and none will be saved there.", shown, refused, safefile.UnwrapPath(err))
		}
		return newFile(), fmt.Sprintf("The notes file %s; moved it to %s.", refused, corpus.SanitizeLine(aside))
	}
	if err != nil {
		return newFile(), fmt.Sprintf("Could not read the notes file %s (%v).", shown, safefile.UnwrapPath(err))
	}
	all, problem := decode(data, f.now())
	if problem == "" {
		return all, ""
	}
	return all, f.salvaged(all, problem, shown)
}

// salvaged moves a damaged file aside and writes what could be read of it
// (every library's notes) in its place at once, so that the notes kept do
// not live in memory alone until the next change: a reader who only reads
// and quits keeps them too. It says what it did, for the status bar.
func (f File) salvaged(all *file, problem, shown string) string {
	unlock, err := safefile.Lock(f.Path + ".lock")
	if err != nil {
		return fmt.Sprintf("The notes file %s %s (%v).", shown, problem, safefile.UnwrapPath(err))
	}
	defer unlock()
	aside, err := safefile.MoveAside(f.Path)
	if err != nil {
		return fmt.Sprintf("The notes file %s %s, and could not be moved aside (%v).", shown, problem, safefile.UnwrapPath(err))
	}
	notice := fmt.Sprintf("The notes file %s; %s and moved it to %s.", problem, kept(all), corpus.SanitizeLine(aside))
	if len(all.Libraries) == 0 {
		return notice
	}
	data, err := encode(all, MaxFileSize)
	if err == nil {
		err = safefile.WriteAtomic(f.Path, data)
	}
	if err != nil {
		return notice + fmt.Sprintf(" They could not be written back (%v); they are kept while samizdat runs.", safefile.UnwrapPath(err))
	}
	return notice
}

// kept says how much of a damaged file was kept.
func kept(all *file) string {
	n := 0
	for _, l := range all.Libraries {
		n += len(l.Notes)
	}
	switch n {
	case 0:
		return "nothing in it could be read"
	case 1:
		return "kept the one note that could be read"
	}
	return fmt.Sprintf("kept the %d notes that could be read", n)
}

// Save merges s into the file as the library's notes and writes the
// result atomically: under a lock, it reads what another reader may have
// saved since, keeps the later change of each note (tombstones included),
// writes a temporary file, syncs it and renames it over the old one. s
// becomes the merged set, and is returned. A file that cannot be read
// whole is moved aside first, what could be read of it kept, and notice
// says so. On an error nothing was written and merged is nil: the set the
// reader keeps in memory holds every note, and stays dirty.
func (f File) Save(s *Set) (merged *Set, notice string, err error) {
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o700); err != nil {
		return nil, "", saveError{err}
	}
	unlock, err := safefile.Lock(f.Path + ".lock")
	if err != nil {
		return nil, "", saveError{err}
	}
	defer unlock()
	safefile.RemoveStaleTemps(f.Path)

	all := newFile()
	data, err := regular.ReadFile(f.Path, MaxFileSize)
	problem, salvaged := safefile.Refusal(err, MaxFileSize), "nothing in it could be read"
	switch {
	case problem != "":
	case err == nil:
		var p string
		all, p = decode(data, f.now())
		if len(data) > 0 {
			problem, salvaged = p, kept(all)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, "", saveError{err}
	}
	s.merge(all.set(f.Key))
	all.Libraries[f.Key] = &library{Notes: s.all()}
	if len(all.Libraries[f.Key].Notes) == 0 {
		delete(all.Libraries, f.Key)
	}
	data, err = encode(all, MaxFileSize)
	if err != nil {
		return nil, "", saveError{err}
	}
	if problem != "" {
		aside, err := safefile.MoveAside(f.Path)
		if err != nil {
			return nil, "", saveError{fmt.Errorf("%s %s, and could not be moved aside: %w", f.Path, problem, err)}
		}
		notice = fmt.Sprintf("The notes file %s; %s and moved it to %s.", problem, salvaged, corpus.SanitizeLine(aside))
	}
	if err := safefile.WriteAtomic(f.Path, data); err != nil {
		return nil, notice, saveError{err}
	}
	return s, notice, nil
}

// Rescue writes s, in the notes file's own format, to a new file in dir
// (the system's temporary folder if dir is empty) when it could not be
// saved where it belongs, and returns its path: the last resort at exit,
// so that nothing the reader wrote is lost. Moved to the notes file's
// place (or merged by hand), it is read as any notes file is.
func (f File) Rescue(s *Set, dir string) (string, error) {
	all := newFile()
	all.Libraries[f.Key] = &library{Notes: s.all()}
	data, err := encode(all, MaxFileSize)
	if err != nil {
		return "", err
	}
	return safefile.WriteNew(dir, "samizdat-notes-*.json", data)
}

// Read returns the library's notes as the file holds them, as another
// reader may have saved them, without changing the file; ok is false if
// there is no file or it cannot be read whole (the next Save deals with
// that).
func (f File) Read() (s *Set, ok bool) {
	data, err := regular.ReadFile(f.Path, MaxFileSize)
	if err != nil {
		return nil, false
	}
	all, problem := decode(data, f.now())
	if problem != "" {
		return nil, false
	}
	return all.set(f.Key), true
}

// Stamp tells cheaply whether the notes file changed on disk: its size
// and the time it was last written. The zero Stamp is no file.
type Stamp struct {
	Size    int64
	ModTime int64 // nanoseconds since 1970
}

// Stamp is the file's stamp now: a reader that saw another stamp reads
// the file again (Read) to take in what another reader saved.
func (f File) Stamp() Stamp {
	fi, err := os.Stat(f.Path)
	if err != nil {
		return Stamp{}
	}
	return Stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// Peek reads what can be read of the library's notes without changing
// the file, for a command that prints them: problem says what was wrong
// with the file, if anything (Load moves such a file aside). A missing
// file is an empty set.
func (f File) Peek() (s *Set, problem string) {
	data, err := regular.ReadFile(f.Path, MaxFileSize)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return NewSet(), ""
	case safefile.Refusal(err, MaxFileSize) != "":
		return NewSet(), safefile.Refusal(err, MaxFileSize)
	case err != nil:
		return NewSet(), "could not be read (" + safefile.UnwrapPath(err).Error() + ")"
	}
	all, problem := decode(data, f.now())
	return all.set(f.Key), problem
}

func newFile() *file {
	return &file{Version: Version, Libraries: map[string]*library{}}
}

// set is the library's notes as a Set, the later change of a note kept
// where the file has it twice.
func (all *file) set(key string) *Set {
	s := NewSet()
	if l := all.Libraries[key]; l != nil {
		for _, n := range l.Notes {
			if mine, ok := s.notes[n.ID]; !ok || n.Supersedes(mine) {
				s.notes[n.ID] = n
			}
		}
	}
	return s
}

// all is every note of s, tombstones too, in the order the file keeps
// them.
func (s *Set) all() []Note {
	out := slices.Collect(maps.Values(s.notes))
	slices.SortFunc(out, func(a, b Note) int {
		if c := strings.Compare(a.Doc, b.Doc); c != 0 {
			return c
		}
		return InText(a, b)
	})
	return out
}

// encode writes the file; one larger than limit, the largest notes file
// read, is an error, for the next run could not read it.
func encode(all *file, limit int) ([]byte, error) {
	all.Version = Version
	data, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return nil, err
	}
	data = append(data, '\n')
	if len(data) > limit {
		return nil, fmt.Errorf("the notes would make a file of %s, more than the %s samizdat reads; nothing was written, and every note is kept while samizdat runs", safefile.Mebibytes(int64(len(data))), safefile.Mebibytes(int64(limit)))
	}
	return data, nil
}

// saveError is what went wrong with a save, for the status bar: the paths
// in it, which come from the environment, are shown without controls.
type saveError struct{ err error }

func (e saveError) Error() string { return "save notes: " + corpus.SanitizeLine(e.err.Error()) }

func (e saveError) Unwrap() error { return e.err }
