//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// Lock takes an exclusive advisory lock on the file at path, creating it,
// and returns the function that releases it. Another reader saving at the
// same moment waits for it.
func Lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// Locks says that Lock keeps out every other save while it is held.
const Locks = true
