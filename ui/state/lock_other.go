//go:build !unix

package state

// lock is a no-op where advisory file locks are not available; the
// atomic rename still keeps the file whole.
func lock(string) (func(), error) { return func() {}, nil }

// locks says that lock keeps out nothing.
const locks = false
