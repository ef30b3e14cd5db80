package notes

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"

	"samizdat/corpus"
	"samizdat/internal/lenient"
)

// decode reads what it can of data, note by note: a note that cannot be
// read costs that note, never the rest of the file, and a field of the
// wrong type that a note can do without (its context, times, revision)
// costs only the field. A file cut short keeps every note written out in
// full before the cut. It says what was wrong, if anything. Times later
// than now are taken as now, and text that could reach the terminal as a
// control is made harmless.
func decode(data []byte, now time.Time) (*file, string) {
	if len(data) == 0 {
		return newFile(), "was empty"
	}
	var all *file
	var problem string
	if whole, ok := decodeWhole(data); ok {
		all = whole
	} else if err := lenient.CheckSyntax(data); err != nil {
		all = salvage(data)
		problem = "could not be read (" + lenient.ShortError(err) + ")"
	} else {
		all, problem = decodeFields(data)
	}
	for _, l := range all.Libraries {
		for i := range l.Notes {
			clean(&l.Notes[i], now)
		}
	}
	return all, problem
}

// decodeWhole reads a file with nothing wrong in it, in one pass; ok is
// false if anything is.
func decodeWhole(data []byte) (*file, bool) {
	all := &file{}
	if json.Unmarshal(data, all) != nil || all.Version < 1 || all.Version > Version {
		return nil, false
	}
	if all.Libraries == nil {
		all.Libraries = map[string]*library{}
	}
	for _, l := range all.Libraries {
		if l == nil {
			return nil, false
		}
		for _, n := range l.Notes {
			if !valid(n) {
				return nil, false
			}
		}
	}
	return all, true
}

// valid says whether a note read from a file is one: it has an id, a
// work, and a passage.
func valid(n Note) bool {
	return n.ID != "" && len(n.ID) <= 64 && n.Doc != "" && n.Start >= 0 && n.End > n.Start && n.Text != ""
}

// clean makes a note read from a file safe to show, and takes times later
// than now as now: a clock that was once wrong must not leave notes that
// seem newer than any change made since.
func clean(n *Note, now time.Time) {
	n.ID, n.Doc = corpus.SanitizeLine(n.ID), corpus.SanitizeLine(n.Doc)
	for _, s := range []*string{&n.Text, &n.Before, &n.After, &n.Comment} {
		*s, _, _ = corpus.Sanitize(*s)
	}
	if n.Created.After(now) {
		n.Created = now
	}
	if n.Modified.After(now) {
		n.Modified = now
	}
	if n.Modified.Before(n.Created) {
		n.Modified = n.Created
	}
}

// decodeFields reads a file that is JSON but not all of the right shape,
// field by field.
func decodeFields(data []byte) (*file, string) {
	all, d := newFile(), decoder{}
	libraries, problem := d.Libraries(data, Version, "notes file")
	if problem != "" {
		return all, problem
	}
	for _, key := range slices.Sorted(maps.Keys(libraries)) {
		obj, ok := d.Object(libraries[key], fmt.Sprintf("a library entry (%q)", key))
		if !ok {
			continue
		}
		var raws []json.RawMessage
		d.Field(obj, "notes", &raws, fmt.Sprintf(" in library %q", key))
		l := &library{}
		for _, raw := range raws {
			if n, ok := d.note(raw); ok {
				l.Notes = append(l.Notes, n)
			}
		}
		all.Libraries[key] = l
	}
	return all, d.Summary()
}

// note reads one note. One whose id, work or passage cannot be read is
// dropped; a wrong context, time, revision or deletion costs that field.
func (d *decoder) note(raw json.RawMessage) (Note, bool) {
	obj, ok := d.Object(raw, "a note")
	if !ok {
		return Note{}, false
	}
	var n Note
	for _, f := range []struct {
		name string
		v    any
	}{{"id", &n.ID}, {"doc", &n.Doc}, {"start", &n.Start}, {"end", &n.End}, {"text", &n.Text}} {
		if !d.Field(obj, f.name, f.v, " in a note") {
			return Note{}, false
		}
	}
	if !valid(n) {
		d.Problem("had a note that could not be read (%q)", n.ID)
		return Note{}, false
	}
	where := fmt.Sprintf(" in note %q", n.ID)
	d.Field(obj, "note", &n.Comment, where)
	d.Field(obj, "before", &n.Before, where)
	d.Field(obj, "after", &n.After, where)
	d.Field(obj, "created", &n.Created, where)
	d.Field(obj, "modified", &n.Modified, where)
	d.Field(obj, "rev", &n.Rev, where)
	d.Field(obj, "deleted", &n.Deleted, where)
	return n, true
}

// salvage reads what it can of a file that is not JSON as a whole, such
// as one cut short: every note written out in full before the point where
// it stops making sense. A file whose version is not read before that
// point, or is not one this code reads, gives nothing.
func salvage(data []byte) *file {
	all := newFile()
	dec := json.NewDecoder(bytes.NewReader(data))
	version := 0
	object(dec, func(key string) bool {
		switch key {
		case "version":
			return dec.Decode(&version) == nil && version >= 1 && version <= Version
		case "libraries":
			if version < 1 {
				return false
			}
			return object(dec, func(name string) bool {
				l := &library{}
				all.Libraries[name] = l
				return object(dec, func(key string) bool {
					if key != "notes" {
						var skip json.RawMessage
						return dec.Decode(&skip) == nil
					}
					return array(dec, func() bool {
						var n Note
						if dec.Decode(&n) != nil {
							return false
						}
						if valid(n) {
							l.Notes = append(l.Notes, n)
						}
						return true
					})
				})
			})
		}
		var skip json.RawMessage
		return dec.Decode(&skip) == nil
	})
	return all
}

// object reads an object token by token, calling field for each key with
// the decoder at its value; it stops at the first thing that cannot be
// read, or when field returns false, and says whether it read the object
// to its end.
func object(dec *json.Decoder, field func(key string) bool) bool {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok || !field(key) {
			return false
		}
	}
	t, err := dec.Token()
	return err == nil && t == json.Delim('}')
}

// array reads an array, calling elem with the decoder at each element.
func array(dec *json.Decoder, elem func() bool) bool {
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return false
	}
	for dec.More() {
		if !elem() {
			return false
		}
	}
	t, err := dec.Token()
	return err == nil && t == json.Delim(']')
}

// decoder reads a file field by field, gathering what was wrong.
type decoder struct{ lenient.Decoder }
