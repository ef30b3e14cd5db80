package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"samizdat/corpus"
	"samizdat/internal/regular"
	"samizdat/internal/safefile"
)

// Save merges s into the file at path and writes the result atomically,
// as File.Save does, with the time now.
func Save(path string, s *State) (notice string, err error) {
	return save(path, s, time.Now())
}

// save merges s into the file at path and writes the result atomically:
// under a lock, it reads what another reader may have saved since, keeps
// the later change of each entry (position, current document, mark),
// writes a temporary file, syncs it and renames it over the old one. s is
// updated to the merged state. A file that was deleted meanwhile is written
// anew; one that cannot be read is moved aside first, what could be read of
// it kept, and notice says so in a sentence for the status bar. Temporary
// files that an earlier save, killed, left behind are removed.
func save(path string, s *State, now time.Time) (notice string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", saveError{err}
	}
	unlock, err := safefile.Lock(path + ".lock")
	if err != nil {
		return "", saveError{err}
	}
	defer unlock()
	safefile.RemoveStaleTemps(path)

	data, err := regular.ReadFile(path, MaxFileSize)
	problem, kept := safefile.Refusal(err, MaxFileSize), ""
	switch {
	case problem != "":
	case err == nil:
		kept = "kept what could be read and "
		disk, p := decode(data, now)
		merge(s, disk)
		if len(data) > 0 {
			problem = p
		}
	case !errors.Is(err, fs.ErrNotExist):
		return "", saveError{err}
	}
	if problem != "" {
		aside, err := safefile.MoveAside(path)
		if err != nil {
			return "", saveError{fmt.Errorf("%s %s, and could not be moved aside: %w", path, problem, err)}
		}
		notice = fmt.Sprintf("The state file %s; %smoved it to %s.", problem, kept, corpus.SanitizeLine(aside))
	}
	s.Version = Version

	data, err = encode(s, MaxFileSize)
	if err != nil {
		return notice, saveError{err}
	}
	if err := safefile.WriteAtomic(path, data); err != nil {
		return notice, saveError{err}
	}
	return notice, nil
}

// encode writes s as the file holds it. Should it be larger than limit,
// the largest state file read, the oldest reading positions are forgotten
// until it fits: the file must stay one that the next run reads.
func encode(s *State, limit int) ([]byte, error) {
	for {
		data, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return nil, err
		}
		if len(data) < limit || !forgetOldest(s) {
			return append(data, '\n'), nil
		}
	}
}

// forgetOldest forgets the oldest tenth of the reading positions, and says
// whether there were any.
func forgetOldest(s *State) bool {
	type entry struct {
		lib, id string
		at      time.Time
	}
	var all []entry
	for key, l := range s.Libraries {
		for id, r := range l.Readings {
			all = append(all, entry{key, id, r.Updated})
		}
	}
	if len(all) == 0 {
		return false
	}
	slices.SortFunc(all, func(a, b entry) int { return a.at.Compare(b.at) })
	for _, e := range all[:max(1, len(all)/10)] {
		delete(s.Libraries[e.lib].Readings, e.id)
	}
	return true
}

// File is where one library's state is kept: the state file, and the
// library's key in it.
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

// Load reads what the file holds for the library, as the package's Load
// reads the file, and says in a notice what was wrong with the file, if
// anything.
func (f File) Load() (lib *Library, notice string) {
	st, notice := load(f.Path, f.now())
	return st.Library(f.Key), notice
}

// Save merges lib into the file as the library's entry, as Save does, and
// returns what the file now holds for the library. lib itself becomes the
// merged entry.
func (f File) Save(lib *Library) (merged *Library, notice string, err error) {
	st := New()
	st.Libraries[f.Key] = lib
	notice, err = save(f.Path, st, f.now())
	return st.Library(f.Key), notice, err
}

// Rescue writes lib, as a state file holding only it, to a new file in
// dir (the system's temporary folder if dir is empty) when it could not be
// saved where it belongs, and returns its path, so that the marks are not
// lost with the program.
func (f File) Rescue(lib *Library, dir string) (string, error) {
	st := New()
	st.Libraries[f.Key] = lib
	data, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return "", err
	}
	return safefile.WriteNew(dir, "samizdat-state-*.json", append(data, '\n'))
}

// Read returns what the file holds for the library, as another reader
// may have saved it, without changing the file; ok is false if there is
// no file or it cannot be read whole (the next Save deals with that).
func (f File) Read() (lib *Library, ok bool) {
	data, err := regular.ReadFile(f.Path, MaxFileSize)
	if err != nil {
		return nil, false
	}
	st, problem := decode(data, f.now())
	if problem != "" {
		return nil, false
	}
	return st.Library(f.Key), true
}

// merge folds other into s, keeping the later change of each entry.
func merge(s, other *State) {
	for key, o := range other.Libraries {
		l := s.Library(key)
		if later(o.Rev, o.Updated, l.Rev, l.Updated) {
			l.Current, l.Updated, l.Rev = o.Current, o.Updated, o.Rev
		}
		for id, r := range o.Readings {
			if mine, ok := l.Readings[id]; !ok || r.Supersedes(mine) {
				l.Readings[id] = r
			}
		}
		for name, m := range o.Marks {
			if mine, ok := l.Marks[name]; !ok || m.Supersedes(mine) {
				l.Marks[name] = m
			}
		}
	}
}
