package state

import "samizdat/corpus"

// saveError is what went wrong with a save, for the status bar: the paths
// in it, which come from the environment, are shown without controls.
type saveError struct{ err error }

func (e saveError) Error() string { return "save state: " + corpus.SanitizeLine(e.err.Error()) }

func (e saveError) Unwrap() error { return e.err }
