package state

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"
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
	if err := checkSyntax(data); err != nil {
		st = salvage(data)
		clampFuture(st, now)
		return st, "could not be read (" + shortJSONError(err) + ")"
	}
	d := decoder{}
	top, ok := members(data)
	if !ok {
		return st, "was not a samizdat state file (not a JSON object)"
	}
	var version int
	var libraries map[string]json.RawMessage
	d.field(top, "version", &version, "")
	d.field(top, "libraries", &libraries, "")
	switch {
	case version > Version:
		return st, fmt.Sprintf("was written by a later version of samizdat (format %d)", version)
	case version < 1:
		return st, "had no version"
	}
	for _, key := range slices.Sorted(maps.Keys(libraries)) {
		d.library(st, key, libraries[key])
	}
	clampFuture(st, now)
	return st, d.summary()
}

// checkSyntax says what makes data not JSON, if anything.
func checkSyntax(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	return json.Unmarshal(data, &v)
}

// member is one key of a JSON object and its value.
type member struct {
	key   string
	value json.RawMessage
}

// members lists the keys of a JSON object in order, or says it is not
// one.
func members(raw json.RawMessage) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var out []member
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return nil, false
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		out = append(out, member{key, value})
	}
	return out, true
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

// decoder gathers what was wrong with a file while reading it.
type decoder struct {
	problems []string
}

func (d *decoder) problem(format string, args ...any) {
	d.problems = append(d.problems, fmt.Sprintf(format, args...))
}

// summary is the first problem, and how many others there were.
func (d *decoder) summary() string {
	switch len(d.problems) {
	case 0:
		return ""
	case 1:
		return d.problems[0]
	case 2:
		return d.problems[0] + ", and one other problem"
	}
	return fmt.Sprintf("%s, and %d other problems", d.problems[0], len(d.problems)-1)
}

// field decodes the value of name in obj, if it is there, into v, and
// says whether it could; what was wrong is a problem, said of where. Keys
// are matched as encoding/json matches them to a struct's fields: in any
// case, the last one there winning.
func (d *decoder) field(obj []member, name string, v any, where string) bool {
	var raw json.RawMessage
	for _, m := range obj {
		if strings.EqualFold(m.key, name) {
			raw = m.value
		}
	}
	if raw == nil {
		return true
	}
	if err := json.Unmarshal(raw, v); err != nil {
		reflect.ValueOf(v).Elem().SetZero() // nothing half read
		d.problem("had %q%s %s", name, where, typeProblem(err))
		return false
	}
	return true
}

// object reads raw as an object, or says what it was instead.
func (d *decoder) object(raw json.RawMessage, what string) ([]member, bool) {
	obj, ok := members(raw)
	if !ok {
		d.problem("had %s that could not be read", what)
	}
	return obj, ok
}

// library reads one library's entry into st, field by field.
func (d *decoder) library(st *State, key string, raw json.RawMessage) {
	obj, ok := d.object(raw, fmt.Sprintf("a library entry (%q)", key))
	if !ok {
		return
	}
	l := st.Library(key)
	d.field(obj, "current", &l.Current, "")
	d.field(obj, "updated", &l.Updated, "")
	d.field(obj, "rev", &l.Rev, "")
	var readings, marks map[string]json.RawMessage
	d.field(obj, "readings", &readings, "")
	d.field(obj, "marks", &marks, "")
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
	obj, ok := d.object(raw, fmt.Sprintf("a reading position (of %q)", id))
	if !ok {
		return Reading{}, false
	}
	var r Reading
	if !d.field(obj, "position", &r.Position, where) {
		return Reading{}, false
	}
	if r.Position.Offset < 0 {
		d.problem("had a reading position that could not be read (of %q)", id)
		return Reading{}, false
	}
	d.field(obj, "percent", &r.Percent, where)
	d.field(obj, "byReading", &r.ByReading, where)
	d.field(obj, "updated", &r.Updated, where)
	d.field(obj, "rev", &r.Rev, where)
	return r, true
}

// mark reads the mark of that name. One whose name, document or position
// cannot be read is dropped; a wrong time or revision costs that field.
func (d *decoder) mark(name string, raw json.RawMessage) (Mark, bool) {
	where := fmt.Sprintf(" in mark %q", name)
	obj, ok := d.object(raw, fmt.Sprintf("a mark (%q)", name))
	if !ok {
		return Mark{}, false
	}
	var m Mark
	if !d.field(obj, "doc", &m.Doc, where) || !d.field(obj, "position", &m.Position, where) ||
		!d.field(obj, "deleted", &m.Deleted, where) {
		return Mark{}, false
	}
	if !ValidMark(name) || m.Position.Offset < 0 {
		d.problem("had a mark that could not be read (%q)", name)
		return Mark{}, false
	}
	d.field(obj, "updated", &m.Updated, where)
	d.field(obj, "rev", &m.Rev, where)
	return m, true
}

// typeProblem says briefly what was wrong with a value.
func typeProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("as %s where %s belongs", article(te.Value), article(jsonKind(te.Type)))
	}
	return "that could not be read"
}

// jsonKind names the JSON value a Go type is read from.
func jsonKind(t reflect.Type) string {
	switch {
	case t == reflect.TypeFor[time.Time]():
		return "time"
	case t.Kind() == reflect.String:
		return "string"
	case t.Kind() == reflect.Bool:
		return "bool"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64:
		return "number"
	case t.Kind() == reflect.Map || t.Kind() == reflect.Struct:
		return "object"
	}
	return t.String()
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

func shortJSONError(err error) string {
	if err.Error() == "unexpected end of JSON input" {
		return "it ends too soon"
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("%v at byte %d", syn, syn.Offset)
	}
	return err.Error()
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
