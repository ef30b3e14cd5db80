package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// tombstoneAge is how long a deleted mark is remembered, so that a reader
// started before the deletion does not bring the mark back when it saves.
const tombstoneAge = 30 * 24 * time.Hour

// Save merges s into the file at path and writes the result atomically:
// under a lock, it reads what another reader may have saved since, keeps
// the newer of each entry (position, current document, mark), writes a
// temporary file, syncs it and renames it over the old one. s is updated
// to the merged state. A file that was deleted meanwhile is written anew;
// one that cannot be read is moved aside first, what could be read of it
// kept, and notice says so in a sentence for the status bar.
func Save(path string, s *State) (notice string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("save state: %w", err)
	}
	unlock, err := lock(path + ".lock")
	if err != nil {
		return "", fmt.Errorf("save state: %w", err)
	}
	defer unlock()

	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		disk, problem := decode(data)
		merge(s, disk)
		if problem != "" && len(data) > 0 {
			aside, err := moveAside(path)
			if err != nil {
				return "", fmt.Errorf("save state: %s %s, and could not be moved aside: %w", path, problem, err)
			}
			notice = fmt.Sprintf("The state file %s; kept what could be read and moved it to %s.", problem, aside)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("save state: %w", err)
	}
	prune(s, time.Now())
	s.Version = Version

	data, err = json.MarshalIndent(s, "", "  ")
	if err != nil {
		return notice, fmt.Errorf("save state: %w", err)
	}
	return notice, writeAtomic(path, append(data, '\n'))
}

// File is where one library's state is kept: the state file, and the
// library's key in it.
type File struct {
	Path string
	Key  string
}

// Save merges lib into the file as the library's entry, as Save does, and
// returns what the file now holds for the library. lib itself becomes the
// merged entry.
func (f File) Save(lib *Library) (merged *Library, notice string, err error) {
	st := New()
	st.Libraries[f.Key] = lib
	notice, err = Save(f.Path, st)
	return st.Library(f.Key), notice, err
}

// Read returns what the file holds for the library, as another reader
// may have saved it, without changing the file; ok is false if there is
// no file or it cannot be read whole (the next Save deals with that).
func (f File) Read() (lib *Library, ok bool) {
	data, err := os.ReadFile(f.Path)
	if err != nil {
		return nil, false
	}
	st, problem := decode(data)
	if problem != "" {
		return nil, false
	}
	return st.Library(f.Key), true
}

// merge folds other into s, keeping the newer of each entry.
func merge(s, other *State) {
	for key, o := range other.Libraries {
		l := s.Library(key)
		if o.Updated.After(l.Updated) {
			l.Current, l.Updated = o.Current, o.Updated
		}
		for id, r := range o.Readings {
			if mine, ok := l.Readings[id]; !ok || r.Updated.After(mine.Updated) {
				l.Readings[id] = r
			}
		}
		for name, m := range o.Marks {
			if mine, ok := l.Marks[name]; !ok || m.Updated.After(mine.Updated) {
				l.Marks[name] = m
			}
		}
	}
}

// prune forgets tombstones old enough that no reader can still hold the
// mark they deleted.
func prune(s *State, now time.Time) {
	for _, l := range s.Libraries {
		for name, m := range l.Marks {
			if m.Deleted && now.Sub(m.Updated) > tombstoneAge {
				delete(l.Marks, name)
			}
		}
	}
}

// writeAtomic writes data to a temporary file beside path, syncs it and
// renames it over path, so that a reader of path sees the old file or the
// new one, never a part of either.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("save state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		// Make the rename itself durable; not every file system can.
		_ = d.Sync()
		d.Close()
	}
	return nil
}
