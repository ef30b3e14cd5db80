//go:build !unix

package regular

import (
	"io/fs"
	"os"
)

// open opens path if it is a regular file when looked at; where a pipe
// cannot be opened without waiting, that look is all there is.
func open(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: notRegular(info.Mode())}
	}
	return os.Open(path)
}
