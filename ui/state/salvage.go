package state

import (
	"bytes"
	"encoding/json"
	"time"
)

// salvage reads what it can of a state file that is not JSON as a whole,
// such as one cut short: every library entry, reading and mark written out
// in full before the point where it stops making sense. A file whose
// version is not read before that point, or is not one this code reads,
// gives nothing.
func salvage(data []byte) *State {
	st := New()
	s := salvager{dec: json.NewDecoder(bytes.NewReader(data))}
	version := 0
	s.object(func(key string) bool {
		switch key {
		case "version":
			return s.value(&version) && version >= 1 && version <= Version
		case "libraries":
			if version < 1 {
				return false
			}
			return s.object(func(name string) bool {
				return s.library(st.Library(name))
			})
		}
		return s.skip()
	})
	return st
}

// salvager walks a JSON document token by token, keeping what it can.
type salvager struct {
	dec *json.Decoder
}

// object reads an object, calling field for each key with the decoder at
// its value; it stops at the first thing that cannot be read, or when
// field returns false, and says whether it read the object to its end.
func (s salvager) object(field func(key string) bool) bool {
	if t, err := s.dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for s.dec.More() {
		t, err := s.dec.Token()
		key, ok := t.(string)
		if err != nil || !ok || !field(key) {
			return false
		}
	}
	t, err := s.dec.Token()
	return err == nil && t == json.Delim('}')
}

// value decodes the next value into v.
func (s salvager) value(v any) bool {
	return s.dec.Decode(v) == nil
}

// skip passes over a value not wanted.
func (s salvager) skip() bool {
	var raw json.RawMessage
	return s.value(&raw)
}

// library reads one library's entry into l: its current document, its
// readings and marks as far as they go whole.
func (s salvager) library(l *Library) bool {
	return s.object(func(key string) bool {
		switch key {
		case "current":
			return s.value(&l.Current)
		case "updated":
			var t time.Time
			ok := s.value(&t)
			l.Updated = t
			return ok
		case "rev":
			return s.value(&l.Rev)
		case "readings":
			return s.object(func(id string) bool {
				var r Reading
				if !s.value(&r) {
					return false
				}
				if r.Position.Offset >= 0 {
					l.Readings[id] = r
				}
				return true
			})
		case "marks":
			return s.object(func(name string) bool {
				var mk Mark
				if !s.value(&mk) {
					return false
				}
				if mk.Position.Offset >= 0 && ValidMark(name) {
					l.Marks[name] = mk
				}
				return true
			})
		}
		return s.skip()
	})
}
