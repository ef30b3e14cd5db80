package keymap

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/agnivade/levenshtein"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Problem is something wrong in a config file's [keys] table: what, and on
// which line (0 when the line is not known).
type Problem struct {
	Line int
	Msg  string
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return p.Msg
}

// Parse reads the [keys] table of a TOML config file and returns the
// default map with the user's bindings applied, and what was wrong. The
// table maps action names to a key or a list of keys:
//
//	[keys]
//	down = ["j", "down"]
//	quit = "x"
//	next-document = []    # unbound
//
// An unknown action, a key that does not parse or a key two actions would
// share is reported with its line, and the actions concerned keep their
// default keys. The rest of the file is not read here.
//
// Whatever the file says, the reader keeps a way out: force-quit keeps
// ctrl+c, so that ctrl+c always quits, and back keeps a key, the only one
// that closes the go-to prompt and the search bar.
func Parse(src []byte) (Map, []Problem) {
	var file map[string]any
	if _, err := toml.Decode(string(src), &file); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return Default(), []Problem{{Line: pe.Position.Line, Msg: pe.Message}}
		}
		return Default(), []Problem{{Msg: err.Error()}}
	}
	v, ok := file["keys"]
	if !ok {
		return Default(), nil
	}
	table, ok := v.(map[string]any)
	if !ok {
		return Default(), []Problem{{keysLine(src), fmt.Sprintf("keys must be a table of actions and their keys ([keys], then down = [\"j\", \"down\"]), not %s; keeping the default keys", describe(v))}}
	}
	return apply(table, keyLines(src))
}

// describe names the kind of a TOML value, for a message.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", v)
	case []any:
		return "a list"
	case bool:
		return "true or false"
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	}
	return fmt.Sprintf("%v", v)
}

// keysLine finds the line where keys is set as a top-level setting; 0 if
// it is not found.
func keysLine(src []byte) int {
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			return 0
		}
		if name, _, ok := strings.Cut(line, "="); ok && strings.Trim(strings.TrimSpace(name), `"'`) == "keys" {
			return n
		}
	}
	return 0
}

type override struct {
	action int // index in actions
	keys   []string
	line   int
}

// apply binds the actions named in table, reporting against lines.
func apply(table map[string]any, lines map[string]int) (Map, []Problem) {
	m := Default()
	var problems []Problem
	var overrides []override
	for name, value := range table {
		line := lines[name]
		i := slices.IndexFunc(actions, func(a struct {
			Action
			field func(*Map) *key.Binding
		}) bool {
			return a.Name == name
		})
		if i < 0 {
			problems = append(problems, Problem{line, fmt.Sprintf("unknown action %q%s", name, suggest(name))})
			continue
		}
		keys, err := keyList(value)
		if err != nil {
			problems = append(problems, Problem{line, fmt.Sprintf("%s: %v; keeping %s", name, err, defaultsOf(i))})
			continue
		}
		if msg := wayOut(i, keys); msg != "" {
			problems = append(problems, Problem{line, fmt.Sprintf("%s; keeping %s", msg, defaultsOf(i))})
			continue
		}
		overrides = append(overrides, override{action: i, keys: keys, line: line})
	}
	slices.SortFunc(overrides, func(a, b override) int { return cmp.Compare(a.line, b.line) })

	// Apply every override, then undo, one at a time and latest line first,
	// those that leave two actions on one key, until none do.
	applied := make(map[int]override)
	for _, o := range overrides {
		applied[o.action] = o
	}
	for {
		bound := bindingsWith(applied)
		c, ok := firstConflict(bound, applied)
		if !ok {
			break
		}
		o := applied[c.undo]
		delete(applied, c.undo)
		problems = append(problems, Problem{o.line, fmt.Sprintf("%q is already bound to %s; %s keeps %s",
			display(c.key), actions[c.other].Name, actions[c.undo].Name, defaultsOf(c.undo))})
	}
	for i, o := range applied {
		set(actions[i].field(&m), actions[i].Action, o.keys)
	}
	slices.SortStableFunc(problems, func(a, b Problem) int { return cmp.Compare(a.Line, b.Line) })
	return m, problems
}

// wayOut says what is wrong with binding action i to keys if that would
// leave the reader without a way out: ctrl+c must stay on force-quit, and
// back must keep a key. Since force-quit is read everywhere, no other
// action can then take ctrl+c.
func wayOut(i int, keys []string) string {
	switch actions[i].Name {
	case "force-quit":
		if !slices.ContainsFunc(keys, func(k string) bool { return canonical(k) == "ctrl+c" }) {
			return `force-quit must keep "ctrl+c", which always quits (add keys beside it: ["ctrl+c", "ctrl+q"])`
		}
	case "back":
		if len(keys) == 0 {
			return "back must have a key: it is the only one that closes the go-to prompt and the search bar"
		}
	}
	return ""
}

// bindingsWith lists the keys of every action with the overrides applied.
func bindingsWith(applied map[int]override) [][]string {
	bound := make([][]string, len(actions))
	for i, a := range actions {
		keys := a.Defaults
		if o, ok := applied[i]; ok {
			keys = o.keys
		}
		for _, k := range keys {
			bound[i] = append(bound[i], canonical(k))
		}
	}
	return bound
}

type conflict struct {
	key         string
	undo, other int // the action to restore, and the one it collided with
}

// firstConflict finds two actions read in one place on one key, at least
// one of them overridden, and picks the override to undo: the one on the
// later line.
func firstConflict(bound [][]string, applied map[int]override) (conflict, bool) {
	var found []conflict
	for i := range actions {
		for j := i + 1; j < len(actions); j++ {
			if actions[i].Contexts&actions[j].Contexts == 0 {
				continue
			}
			oi, iOver := applied[i]
			oj, jOver := applied[j]
			if !iOver && !jOver {
				continue
			}
			for _, k := range bound[i] {
				if !slices.Contains(bound[j], k) {
					continue
				}
				c := conflict{key: k, undo: i, other: j}
				if !iOver || jOver && oj.line >= oi.line {
					c = conflict{key: k, undo: j, other: i}
				}
				found = append(found, c)
				break
			}
		}
	}
	if len(found) == 0 {
		return conflict{}, false
	}
	// Undo the latest line first, so the earlier binding wins.
	return slices.MaxFunc(found, func(a, b conflict) int {
		return cmp.Compare(applied[a.undo].line, applied[b.undo].line)
	}), true
}

// keyList reads a TOML value as a list of key names, checking each.
func keyList(v any) ([]string, error) {
	var raw []any
	switch v := v.(type) {
	case string:
		raw = []any{v}
	case []any:
		raw = v
	default:
		return nil, fmt.Errorf("want a key or a list of keys, like \"j\" or [\"j\", \"down\"], not %v", v)
	}
	keys := make([]string, 0, len(raw))
	for _, r := range raw {
		s, ok := r.(string)
		if !ok {
			return nil, fmt.Errorf("want keys written as strings, not %v", r)
		}
		if err := checkKey(s); err != nil {
			return nil, err
		}
		if !slices.Contains(keys, s) {
			keys = append(keys, s)
		}
	}
	return keys, nil
}

// aliases are names users write for keys the terminal reports otherwise.
var aliases = map[string]string{
	"space":    " ",
	"spacebar": " ",
	"pageup":   "pgup",
	"pagedown": "pgdown",
	"pgdn":     "pgdown",
	"escape":   "esc",
	"return":   "enter",
	"del":      "delete",
	"ins":      "insert",
	"bs":       "backspace",
}

// canonical is the name the terminal reports for key k.
func canonical(k string) string {
	prefix := ""
	rest := k
	if strings.HasPrefix(k, "alt+") && len(k) > len("alt+") {
		prefix, rest = "alt+", k[len("alt+"):]
	}
	if a, ok := aliases[strings.ToLower(rest)]; ok {
		return prefix + a
	}
	return k
}

// named holds every key name the terminal can report that is not a
// printable character.
var named = func() map[string]bool {
	names := map[string]bool{}
	for t := tea.KeyType(-128); t <= 127; t++ {
		if t == tea.KeyRunes {
			continue
		}
		if s := t.String(); s != "" {
			names[s] = true
		}
	}
	return names
}()

// checkKey says whether a key written in a config file is one the terminal
// can report.
func checkKey(k string) error {
	c := canonical(k)
	base := strings.TrimPrefix(c, "alt+")
	if base == "" {
		return fmt.Errorf("%q is not a key", k)
	}
	if named[base] {
		return nil
	}
	if r, size := utf8.DecodeRuneInString(base); size == len(base) && r != utf8.RuneError && unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return nil
	}
	hint := ""
	if s, ok := strings.CutPrefix(strings.ToLower(base), "shift+"); ok && utf8.RuneCountInString(s) == 1 {
		hint = fmt.Sprintf(" (write %q for shift+%s)", strings.ToUpper(s), s)
	} else if strings.HasPrefix(strings.ToLower(base), "ctrl+") || strings.HasPrefix(strings.ToLower(base), "f") {
		hint = " (keys are written like \"ctrl+d\", \"f1\", \"pgdown\", \"space\" or \"G\")"
	}
	return fmt.Errorf("%q is not a key the terminal can send%s", k, hint)
}

// keyLines finds the line of every key of the [keys] table in src.
func keyLines(src []byte) map[string]int {
	lines := map[string]int{}
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			table = strings.TrimSpace(strings.Trim(strings.SplitN(line, "#", 2)[0], "[] \t"))
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		name = strings.TrimSpace(name)
		if table == "" {
			var found bool
			if name, found = strings.CutPrefix(name, "keys."); !found {
				continue
			}
		} else if table != "keys" {
			continue
		}
		if uq, err := strconv.Unquote(name); err == nil {
			name = uq
		} else if len(name) >= 2 && name[0] == '\'' && name[len(name)-1] == '\'' {
			name = name[1 : len(name)-1]
		}
		if _, seen := lines[name]; !seen {
			lines[name] = n
		}
	}
	return lines
}

// defaultsOf describes the default keys of action i.
func defaultsOf(i int) string {
	if len(actions[i].Defaults) == 0 {
		return "no keys"
	}
	return "its default keys (" + strings.Join(actions[i].Defaults, " ") + ")"
}

// suggest names the actions close to a misspelt one, as the tail of a
// message.
func suggest(name string) string {
	var close []string
	for _, a := range actions {
		if strings.Contains(a.Name, name) || strings.Contains(name, a.Name) || levenshtein.ComputeDistance(name, a.Name) <= 2 {
			close = append(close, a.Name)
		}
	}
	if len(close) == 0 {
		return "; see the help screen (?) for the actions"
	}
	if len(close) > 3 {
		close = close[:3]
	}
	return "; did you mean " + strings.Join(close, " or ") + "?"
}
