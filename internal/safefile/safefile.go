// Package safefile writes the files that hold the reader's memory and
// writing (the state file, the notes file) so that they survive a crash,
// a full disk and another reader saving at the same moment: a file is
// replaced whole, under a lock, or not at all, and a bad one is moved
// aside rather than overwritten.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"samizdat/internal/regular"
)

// WriteAtomic writes data to a temporary file beside path, syncs it and
// renames it over path, so that a reader of path sees the old file or the
// new one, never a part of either.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		// Make the rename itself durable; not every file system can.
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// MoveAside renames a bad file out of the way, to the first free name of
// path.bad, path.bad.1, path.bad.2…, and returns the name.
func MoveAside(path string) (string, error) {
	for i := 0; i < 100; i++ {
		aside := path + ".bad"
		if i > 0 {
			aside = fmt.Sprintf("%s.bad.%d", path, i)
		}
		if _, err := os.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
			return aside, os.Rename(path, aside)
		}
	}
	return "", fmt.Errorf("too many bad copies of %s beside it", filepath.Base(path))
}

// RemoveStaleTemps removes the temporary files of saves of path that were
// killed before they renamed theirs. It is called under the lock, when no
// save is writing one; where there is no lock (Locks), only those an hour
// old by the file system's clock are taken as left behind.
func RemoveStaleTemps(path string) {
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
		if !Locks {
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < time.Hour {
				continue
			}
		}
		_ = os.Remove(filepath.Join(dir, e.Name())) // one that cannot be removed is tried again next time
	}
}

// Refusal says why a file was not read at all, if it was refused as no
// file samizdat writes: larger than limit, or not a regular file. A folder
// where the file should be is not refused but an error: moving it aside
// would move what someone put there.
func Refusal(err error, limit int64) string {
	var tooLarge *regular.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		return fmt.Sprintf("was %s, larger than any samizdat writes (%s at most)", Mebibytes(tooLarge.Size), Mebibytes(limit))
	case errors.Is(err, regular.ErrNotRegular) && !isDir(err):
		return "was " + UnwrapPath(err).Error()
	}
	return ""
}

func isDir(err error) bool {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return false
	}
	info, statErr := os.Stat(pe.Path)
	return statErr == nil && info.IsDir()
}

// Mebibytes writes a size for a notice: "8 MiB".
func Mebibytes(n int64) string {
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

// UnwrapPath drops the paths a *PathError or *LinkError repeats: the
// messages name them, sanitised.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// WriteNew writes data to a new file in dir (the system's temporary
// folder if dir is empty) named after pattern, as os.CreateTemp names
// them, and returns its path: a last resort for what could not be saved
// where it belongs.
func WriteNew(dir, pattern string, data []byte) (string, error) {
	out, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	_, err = out.Write(data)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}
