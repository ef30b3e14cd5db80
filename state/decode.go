package state

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"samizdat/internal/lenient"
)

// decode reads what it can of data, field by field: a field of the wrong
// type costs that field (and an entry that is nothing without it, such as
// a mark's position, that entry), never the rest of the file. It says what
// was wrong, if anything. Times later than now are taken as now.
func decode(data []byte, now time.Time) (*State, string) {
	st := New()
	if len(data) == 0 {
		return st, "was empty"
	}
	if whole, ok := decodeWhole(data); ok {
		clampFuture(whole, now)
		return whole, ""
	}
	return decodeFields(data, now)
}

// decodeFields is decode field by field, for a file with something wrong
// in it.
func decodeFields(data []byte, now time.Time) (*State, string) {
	st := New()
	if err := lenient.CheckSyntax(data); err != nil {
		st = salvage(data)
		clampFuture(st, now)
		return st, "could not be read (" + lenient.ShortError(err) + ")"
	}
	d := decoder{}
	libraries, problem := d.Libraries(data, Version, "state file")
	if problem != "" {
		return st, problem
	}
	for _, key := range slices.Sorted(maps.Keys(libraries)) {
		d.library(st, key, libraries[key])
	}
	clampFuture(st, now)
	return st, d.Summary()
}

// decodeWhole reads a file with nothing wrong in it, in one pass; ok is
// false if anything is, and the file is read field by field instead.
func decodeWhole(data []byte) (st *State, ok bool) {
	st = &State{}
	if json.Unmarshal(data, st) != nil || st.Version < 1 || st.Version > Version {
		return nil, false
	}
	if st.Libraries == nil {
		st.Libraries = map[string]*Library{}
	}
	for key, l := range st.Libraries {
		if l == nil {
			return nil, false
		}
		st.Library(key) // makes the maps a file may leave out
		for _, r := range l.Readings {
			if r.Position.Offset < 0 {
				return nil, false
			}
		}
		for name, m := range l.Marks {
			if !ValidMark(name) || m.Position.Offset < 0 {
				return nil, false
			}
		}
	}
	return st, true
}

// library reads one library's entry into st, field by field.
func (d *decoder) library(st *State, key string, raw json.RawMessage) {
	obj, ok := d.Object(raw, fmt.Sprintf("a library entry (%q)", key))
	if !ok {
		return
	}
	l := st.Library(key)
	d.Field(obj, "current", &l.Current, "")
	d.Field(obj, "updated", &l.Updated, "")
	d.Field(obj, "rev", &l.Rev, "")
	var readings, marks map[string]json.RawMessage
	d.Field(obj, "readings", &readings, "")
	d.Field(obj, "marks", &marks, "")
	for _, id := range slices.Sorted(maps.Keys(readings)) {
		if r, ok := d.reading(id, readings[id]); ok {
			l.Readings[id] = r
		}
	}
	for _, name := range slices.Sorted(maps.Keys(marks)) {
		if m, ok := d.mark(name, marks[name]); ok {
			l.Marks[name] = m
		}
	}
}

// reading reads the reading position of document id. One whose position
// cannot be read is dropped; a wrong percent, time or revision, or flag
// of how the percent was counted, costs only that field.
func (d *decoder) reading(id string, raw json.RawMessage) (Reading, bool) {
	where := fmt.Sprintf(" in the reading of %q", id)
	obj, ok := d.Object(raw, fmt.Sprintf("a reading position (of %q)", id))
	if !ok {
		return Reading{}, false
	}
	var r Reading
	if !d.Field(obj, "position", &r.Position, where) {
		return Reading{}, false
	}
	if r.Position.Offset < 0 {
		d.Problem("had a reading position that could not be read (of %q)", id)
		return Reading{}, false
	}
	d.Field(obj, "percent", &r.Percent, where)
	d.Field(obj, "byReading", &r.ByReading, where)
	d.Field(obj, "updated", &r.Updated, where)
	d.Field(obj, "rev", &r.Rev, where)
	return r, true
}

// mark reads the mark of that name. One whose name, document or position
// cannot be read is dropped; a wrong time or revision costs that field.
func (d *decoder) mark(name string, raw json.RawMessage) (Mark, bool) {
	where := fmt.Sprintf(" in mark %q", name)
	obj, ok := d.Object(raw, fmt.Sprintf("a mark (%q)", name))
	if !ok {
		return Mark{}, false
	}
	var m Mark
	if !d.Field(obj, "doc", &m.Doc, where) || !d.Field(obj, "position", &m.Position, where) ||
		!d.Field(obj, "deleted", &m.Deleted, where) {
		return Mark{}, false
	}
	if !ValidMark(name) || m.Position.Offset < 0 {
		d.Problem("had a mark that could not be read (%q)", name)
		return Mark{}, false
	}
	d.Field(obj, "updated", &m.Updated, where)
	d.Field(obj, "rev", &m.Rev, where)
	return m, true
}

// clampFuture takes every time of st later than now as now: a clock that
// was once wrong must not leave entries that seem newer than any change
// made since.
func clampFuture(st *State, now time.Time) {
	clamp := func(t *time.Time) {
		if t.After(now) {
			*t = now
		}
	}
	for _, l := range st.Libraries {
		clamp(&l.Updated)
		for id, r := range l.Readings {
			clamp(&r.Updated)
			l.Readings[id] = r
		}
		for name, m := range l.Marks {
			clamp(&m.Updated)
			l.Marks[name] = m
		}
	}
}

// decoder reads a file field by field, gathering what was wrong.
type decoder struct{ lenient.Decoder }
