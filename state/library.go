package state

import (
	"maps"
	"time"
)

// Library is what is remembered of one library (the embedded one, or a
// folder of the reader's own).
type Library struct {
	Current  string             `json:"current,omitempty"` // id of the open document
	Updated  time.Time          `json:"updated"`           // when Current was set
	Rev      int64              `json:"rev,omitempty"`     // the revision of Current
	Readings map[string]Reading `json:"readings"`
	Marks    map[string]Mark    `json:"marks"`
}

// Clone is a copy of l that shares nothing with it.
func (l *Library) Clone() *Library {
	c := &Library{Current: l.Current, Updated: l.Updated, Rev: l.Rev,
		Readings: make(map[string]Reading, len(l.Readings)), Marks: make(map[string]Mark, len(l.Marks))}
	maps.Copy(c.Readings, l.Readings)
	maps.Copy(c.Marks, l.Marks)
	return c
}
