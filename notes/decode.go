package notes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"samizdat/corpus"
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
	} else if err := checkSyntax(data); err != nil {
		all = salvage(data)
		problem = "could not be read (" + shortJSONError(err) + ")"
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
	top, ok := members(data)
	if !ok {
		return all, "was not a samizdat notes file (not a JSON object)"
	}
	var version int
	var libraries map[string]json.RawMessage
	d.field(top, "version", &version, "")
	d.field(top, "libraries", &libraries, "")
	switch {
	case version > Version:
		return all, fmt.Sprintf("was written by a later version of samizdat (format %d)", version)
	case version < 1:
		return all, "had no version"
	}
	for _, key := range slices.Sorted(maps.Keys(libraries)) {
		obj, ok := d.object(libraries[key], fmt.Sprintf("a library entry (%q)", key))
		if !ok {
			continue
		}
		var raws []json.RawMessage
		d.field(obj, "notes", &raws, fmt.Sprintf(" in library %q", key))
		l := &library{}
		for _, raw := range raws {
			if n, ok := d.note(raw); ok {
				l.Notes = append(l.Notes, n)
			}
		}
		all.Libraries[key] = l
	}
	return all, d.summary()
}

// note reads one note. One whose id, work or passage cannot be read is
// dropped; a wrong context, time, revision or deletion costs that field.
func (d *decoder) note(raw json.RawMessage) (Note, bool) {
	obj, ok := d.object(raw, "a note")
	if !ok {
		return Note{}, false
	}
	var n Note
	for _, f := range []struct {
		name string
		v    any
	}{{"id", &n.ID}, {"doc", &n.Doc}, {"start", &n.Start}, {"end", &n.End}, {"text", &n.Text}} {
		if !d.field(obj, f.name, f.v, " in a note") {
			return Note{}, false
		}
	}
	if !valid(n) {
		d.problem("had a note that could not be read (%q)", n.ID)
		return Note{}, false
	}
	where := fmt.Sprintf(" in note %q", n.ID)
	d.field(obj, "note", &n.Comment, where)
	d.field(obj, "before", &n.Before, where)
	d.field(obj, "after", &n.After, where)
	d.field(obj, "created", &n.Created, where)
	d.field(obj, "modified", &n.Modified, where)
	d.field(obj, "rev", &n.Rev, where)
	d.field(obj, "deleted", &n.Deleted, where)
	return n, true
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

// field decodes the value of name in obj, if it is there, into v, and
// says whether it could; what was wrong is a problem, said of where. Keys
// are matched as encoding/json matches them: in any case, the last one
// winning.
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

// typeProblem says briefly what was wrong with a value.
func typeProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("as %s where %s belongs", article(te.Value), article(kindOf(te.Type.Kind().String())))
	}
	return "that could not be read"
}

// kindOf names the JSON value a Go kind is read from.
func kindOf(kind string) string {
	switch {
	case kind == "string", kind == "bool":
		return kind
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "float"):
		return "number"
	case kind == "slice":
		return "array"
	}
	return "object"
}

func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

func checkSyntax(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	return json.Unmarshal(data, &v)
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
