// Package regular reads the files the program is given by path — the
// config file, the state file, a folder's documents — only if they are
// regular files. A path that is, or has just become, a named pipe, a
// device or a folder is refused at once: reading one could wait forever
// for a writer, or never end.
package regular

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is the error for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is the error of ReadFile for a file larger than its limit.
type TooLargeError struct {
	Size int64 // as far as it was read, if the file grew while being read
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("too large (%d bytes)", e.Size)
}

// Open opens path for reading if it is a regular file, following links.
// It does not block on a named pipe that has no writer: the pipe is
// opened without waiting, seen to be one, and closed.
func Open(path string) (*os.File, error) {
	f, err := open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: notRegular(info.Mode())}
	}
	return f, nil
}

// ReadFile reads the regular file at path, if it holds at most limit
// bytes; a larger one is refused with a *TooLargeError, without reading
// more than limit+1 bytes of it.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: info.Size()}}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: int64(len(data))}}
	}
	return data, nil
}

// notRegular says what a path is instead of a regular file.
func notRegular(mode fs.FileMode) error {
	kind := "a special file"
	switch {
	case mode.IsDir():
		kind = "a folder"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%s, %w", kind, ErrNotRegular)
}
