//go:build !unix

package safefile

// Lock is a no-op where advisory file locks are not available; the
// atomic rename still keeps the file whole.
func Lock(string) (func(), error) { return func() {}, nil }

// Locks says that Lock keeps out nothing.
const Locks = false
