// Package lenient reads the JSON files that hold the reader's memory (the
// state file, the notes file) as far as they can be read: field by field,
// a value of the wrong type costing that value and never the rest, with a
// short account of what was wrong for the notice the reader sees.
package lenient

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// Member is one key of a JSON object and its value.
type Member struct {
	Key   string
	Value json.RawMessage
}

// Members lists the keys of a JSON object in order, or says it is not
// one.
func Members(raw json.RawMessage) ([]Member, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var out []Member
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
		out = append(out, Member{key, value})
	}
	return out, true
}

// CheckSyntax says what makes data not JSON, if anything.
func CheckSyntax(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	return json.Unmarshal(data, &v)
}

// ShortError says briefly why data is not JSON: where, or that it ends too
// soon.
func ShortError(err error) string {
	if err.Error() == "unexpected end of JSON input" {
		return "it ends too soon"
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("%v at byte %d", syn, syn.Offset)
	}
	return err.Error()
}

// Decoder gathers what was wrong with a file while it is read.
type Decoder struct {
	problems []string
}

// Problem notes one thing that was wrong, written to follow "The file …".
func (d *Decoder) Problem(format string, args ...any) {
	d.problems = append(d.problems, fmt.Sprintf(format, args...))
}

// Summary is the first problem, and how many others there were; empty
// for none.
func (d *Decoder) Summary() string {
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

// Field decodes the value of name in obj, if it is there, into v (a
// pointer), and says whether it could; what was wrong is a problem, said
// of where (" in mark \"a\""). A value that cannot be read leaves v zero,
// nothing half read. Keys are matched as encoding/json matches them to a
// struct's fields: in any case, the last one there winning.
func (d *Decoder) Field(obj []Member, name string, v any, where string) bool {
	var raw json.RawMessage
	for _, m := range obj {
		if strings.EqualFold(m.Key, name) {
			raw = m.Value
		}
	}
	if raw == nil {
		return true
	}
	if err := json.Unmarshal(raw, v); err != nil {
		reflect.ValueOf(v).Elem().SetZero()
		d.Problem("had %q%s %s", name, where, typeProblem(err))
		return false
	}
	return true
}

// Object reads raw as an object; if it is not one, that is a problem,
// said of what ("a mark (\"a\")").
func (d *Decoder) Object(raw json.RawMessage, what string) ([]Member, bool) {
	obj, ok := Members(raw)
	if !ok {
		d.Problem("had %s that could not be read", what)
	}
	return obj, ok
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
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return "array"
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

// Libraries reads the top of one of samizdat's files, {"version": N,
// "libraries": {KEY: …}}, written in a format no later than latest: the
// raw entry of each library, or, when the file is not such an object or
// is of another version, why not (what names the file: "state file").
func (d *Decoder) Libraries(data []byte, latest int, what string) (map[string]json.RawMessage, string) {
	top, ok := Members(data)
	if !ok {
		return nil, "was not a samizdat " + what + " (not a JSON object)"
	}
	var version int
	var libraries map[string]json.RawMessage
	d.Field(top, "version", &version, "")
	d.Field(top, "libraries", &libraries, "")
	switch {
	case version > latest:
		return nil, fmt.Sprintf("was written by a later version of samizdat (format %d)", version)
	case version < 1:
		return nil, "had no version"
	}
	return libraries, ""
}
