package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"samizdat/corpus"
	"samizdat/internal/regular"
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
	unlock, err := lock(path + ".lock")
	if err != nil {
		return "", saveError{err}
	}
	defer unlock()
	removeStaleTemps(path)

	data, err := regular.ReadFile(path, MaxFileSize)
	problem, kept := refusal(err), ""
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
		aside, err := moveAside(path)
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
	return notice, writeAtomic(path, data)
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

// removeStaleTemps removes the temporary files of saves that were killed
// before they renamed theirs: under the lock no save is writing one. Where
// there is no lock, only those an hour old by the file system's clock are
// taken as left behind.
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), filepath.Base(path)+".tmp"
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" || !e.Type().IsRegular() {
			continue
		}
		if !locks {
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < time.Hour {
				continue
			}
		}
		_ = os.Remove(filepath.Join(dir, e.Name())) // one that cannot be removed is tried again next time
	}
}

// writeAtomic writes data to a temporary file beside path, syncs it and
// renames it over path, so that a reader of path sees the old file or the
// new one, never a part of either.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return saveError{err}
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return saveError{err}
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return saveError{err}
	}
	if err := tmp.Close(); err != nil {
		return saveError{err}
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return saveError{err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return saveError{err}
	}
	if d, err := os.Open(dir); err == nil {
		// Make the rename itself durable; not every file system can.
		_ = d.Sync()
		d.Close()
	}
	return nil
}
