package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"samizdat/corpus"
	"samizdat/internal/regular"
	"samizdat/keymap"
)

// config is what the config file says, with what was wrong in it.
type config struct {
	path    string // the file read, as people write it (~/.config/...)
	theme   string // "auto", "dark", "light", or "" when not set
	width   int    // 0 when not set
	library string // a folder to read instead of the built-in library; "" when not set
	maxSize int64  // the largest file of a folder read, in bytes; 0 when not set
	mouse   *bool  // whether the reader takes the mouse; nil when not set
	// markPeople is whether the names of people the notes know are
	// underlined in the text.
	markPeople bool
	keys       keymap.Map
	problems   []string // each names the file, by its base name, and the line
	// lines says on which line of the file each setting was found.
	lines map[string]int
}

// The config file, in TOML:
//
//	theme = "dark"      # auto, dark or light; --theme wins
//	width = 90          # the longest line of text; --width wins
//	library = "~/notes" # a folder to read instead; --dir and SAMIZDAT_DIR win
//	max_size = "64 MiB" # the largest file of a folder read; --max-size wins
//	mouse = false       # leave the mouse to the terminal; --mouse and --no-mouse win
//	mark_people = true  # underline the names of people the notes know
//
//	[keys]              # any action of the help screen: a key or a list
//	down = ["j", "down"]
//	quit = "x"
//
// Each setting is read on its own: one of the wrong type or out of range
// is a problem, and the others still apply.

// maxConfigSize is the largest config file read. Every action bound to a
// dozen keys, with a comment on each line, takes under 8 KiB; the cap keeps
// the parser's time and memory small whatever the path names, such as a
// device that never ends.
const maxConfigSize = 64 << 10

// maxConfigDepth is how deeply a config file may nest tables and lists,
// counting each part of a dotted key: the settings need three ([keys], an
// action, its list of keys). The TOML parser's time and memory grow faster
// than the depth (a file 21,000 tables deep takes it over a minute), so a
// deeper file is not parsed.
const maxConfigDepth = 16

// Widths of text a setting or flag may ask for.
const (
	minWidth = 20
	maxWidth = 500
)

// maxSizeCap is the largest max_size: a file is read whole, and one
// larger than this would take gigabytes to read, lay out and search.
const maxSizeCap = 1 << 30

// defaultConfigPath is where configPlace says, read from the environment
// of this run; "" when there is no home directory to look in.
func defaultConfigPath() string {
	p, err := configPlace()
	if err != nil {
		return ""
	}
	return p.path
}

// loadConfig reads the config file at path ("" for the default place). A
// missing file is the defaults; anything wrong is a problem to show, and
// the defaults stand for what was wrong. Problems carry no control
// characters, whatever the file or its name holds.
func loadConfig(path string) config {
	cfg := config{keys: keymap.Default(), lines: map[string]int{}}
	if path == "" {
		path = defaultConfigPath()
	}
	if path == "" {
		return cfg
	}
	src, err := regular.ReadFile(path, maxConfigSize)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg
	}
	cfg.path = tildePath(path)
	name := filepath.Base(path) // the status bar is one line: the full path is printed on exit
	defer func() {
		for i, p := range cfg.problems {
			cfg.problems[i] = corpus.SanitizeLine(p)
		}
	}()
	if err != nil {
		cfg.problems = append(cfg.problems, fmt.Sprintf("%s: %s; using the defaults", name, readProblem(err)))
		return cfg
	}
	if line := tooDeep(src, maxConfigDepth); line > 0 {
		cfg.problems = append(cfg.problems, fmt.Sprintf("%s:%d: tables and lists nested more than %d deep; using the defaults", name, line, maxConfigDepth))
		return cfg
	}
	var f map[string]any
	if _, err := toml.Decode(string(src), &f); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s:%d: %s; using the defaults", name, pe.Position.Line, pe.Message))
		} else {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s: %v; using the defaults", name, err))
		}
		return cfg
	}
	type problem struct {
		line int
		text string
	}
	var problems []problem
	for _, key := range slices.Sorted(maps.Keys(f)) {
		line := settingLine(src, key)
		if msg := cfg.setting(key, f[key]); msg != "" {
			problems = append(problems, problem{line, msg})
			continue
		}
		if key != "keys" {
			cfg.lines[key] = line
		}
	}
	slices.SortStableFunc(problems, func(a, b problem) int { return cmp.Compare(a.line, b.line) })
	for _, p := range problems {
		prefix := name
		if p.line > 0 {
			prefix = fmt.Sprintf("%s:%d", name, p.line)
		}
		cfg.problems = append(cfg.problems, prefix+": "+p.text)
	}
	keys, keyProblems := keymap.Parse(src)
	cfg.keys = keys
	for _, p := range keyProblems {
		if p.Line > 0 {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s:%d: %s", name, p.Line, p.Msg))
		} else {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s: %s", name, p.Msg))
		}
	}
	return cfg
}

// setting takes in one top-level setting of the file, and says what is
// wrong with it, if anything; the [keys] table is keymap's to read.
func (cfg *config) setting(key string, v any) string {
	switch key {
	case "theme":
		s, ok := v.(string)
		switch {
		case !ok:
			return fmt.Sprintf("theme must be \"auto\", \"dark\" or \"light\", not %s", tomlKind(v))
		case s == "auto" || s == "dark" || s == "light":
			cfg.theme = s
			return ""
		}
		return fmt.Sprintf("theme must be auto, dark or light, not %q", s)
	case "width":
		n, ok := v.(int64)
		if !ok {
			return fmt.Sprintf("width must be a number of columns, %d to %d, not %s", minWidth, maxWidth, tomlKind(v))
		}
		if n < minWidth || n > maxWidth {
			return fmt.Sprintf("width must be between %d and %d columns, not %d", minWidth, maxWidth, n)
		}
		cfg.width = int(n)
	case "library":
		s, ok := v.(string)
		if !ok || s == "" {
			return fmt.Sprintf("library must be the path of a folder, written as a string, not %s", tomlKind(v))
		}
		cfg.library = expandHome(s)
	case "max_size":
		var n int64
		var err error
		switch v := v.(type) {
		case string:
			n, err = parseSize(v)
		case int64:
			n, err = checkSize(float64(v), fmt.Sprint(v))
		default:
			return fmt.Sprintf("max_size must be a size such as \"64 MiB\", not %s", tomlKind(v))
		}
		if err != nil {
			return "max_size: " + err.Error()
		}
		cfg.maxSize = n
	case "mouse":
		b, ok := v.(bool)
		if !ok {
			return fmt.Sprintf("mouse must be true or false, not %s", tomlKind(v))
		}
		cfg.mouse = &b
	case "mark_people":
		b, ok := v.(bool)
		if !ok {
			return fmt.Sprintf("mark_people must be true or false, not %s", tomlKind(v))
		}
		cfg.markPeople = b
	case "keys":
	default:
		return fmt.Sprintf("unknown setting %q (there are theme, width, library, max_size, mouse, mark_people and [keys])", key)
	}
	return ""
}

// tomlKind names the kind of a TOML value, for a message.
func tomlKind(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", v)
	case int64, float64:
		return fmt.Sprintf("the number %v", v)
	case bool:
		return fmt.Sprint(v)
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}

// readProblem says why the config file could not be read.
func readProblem(err error) string {
	var tooLarge *regular.TooLargeError
	if errors.As(err, &tooLarge) {
		return fmt.Sprintf("larger than a config file can be (%s; %s at most)", byteCount(tooLarge.Size), byteCount(maxConfigSize))
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// tooDeep returns the line of src where tables and lists first nest more
// than limit deep, or 0 if they never do. Each part of a dotted key, each
// inline table and each list counts, and a table header's depth is where
// the lines after it start. It reads TOML's strings and comments as the
// parser does, and is otherwise only as careful as it must be to count: a
// file it misreads is one the parser then rejects.
func tooDeep(src []byte, limit int) int {
	type open struct {
		bracket byte
		parts   int // the parts of the key outside it
	}
	var (
		line    = 1
		stack   []open
		inValue bool // after a key's '='
		header  bool // in a table header
		base    int  // the depth of the table the lines' keys are in
		parts   int  // dots in the key so far: the tables it opens
		deepest int  // in a header: the depth of its table
	)
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line++
			if len(stack) == 0 {
				inValue, parts = false, 0
			}
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end, lines := skipString(src, i)
			i, line = end, line+lines
		case '.':
			if !inValue {
				parts++
			}
		case '=':
			inValue = true
		case ',':
			if n := len(stack); n > 0 && stack[n-1].bracket == '{' {
				inValue, parts = false, stack[n-1].parts
			}
		case '[', '{':
			if c == '[' && !inValue && len(stack) == 0 {
				header, base, deepest = true, 0, 0
			}
			stack = append(stack, open{c, parts})
			inValue = c == '[' && !header
		case ']', '}':
			if len(stack) == 0 {
				break
			}
			parts = stack[len(stack)-1].parts
			stack = stack[:len(stack)-1]
			inValue = !header
			if header && len(stack) == 0 {
				header, base, parts = false, deepest, 0
			}
		}
		depth := base + len(stack) + parts
		if header {
			deepest = max(deepest, depth)
		}
		if depth > limit {
			return line
		}
	}
	return 0
}

// skipString returns the index of the last byte of the string that opens
// at src[i], and how many newlines it holds.
func skipString(src []byte, i int) (end, lines int) {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q { // """ or '''
		for j := i + 3; j < len(src); j++ {
			switch {
			case src[j] == '\n':
				lines++
			case src[j] == '\\' && q == '"':
				if j+1 < len(src) && src[j+1] == '\n' {
					lines++
				}
				j++
			case src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
				for j+3 < len(src) && src[j+3] == q { // up to two quotes may end the string's text
					j++
				}
				return j + 2, lines
			}
		}
		return len(src) - 1, lines
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\n':
			return j - 1, 0 // a string never spans lines: the parser says so
		case src[j] == '\\' && q == '"':
			j++
		case src[j] == q:
			return j, 0
		}
	}
	return len(src) - 1, 0
}

// settingLine finds the line of a top-level setting, or of a table's
// header; 0 if it is not found.
func settingLine(src []byte, key string) int {
	sc := bufio.NewScanner(bytes.NewReader(src))
	inTable := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			if strings.Trim(strings.Fields(line + " ")[0], "[]") == key {
				return n
			}
			inTable = true
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if ok && !inTable && strings.Trim(strings.TrimSpace(name), `"'`) == key {
			return n
		}
	}
	return 0
}

// tildePath writes a path under the home directory with ~, as people
// write it.
func tildePath(path string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return path
	}
	if rel, err := filepath.Rel(home, path); err == nil && !slices.Contains([]string{"..", "."}, strings.SplitN(rel, string(filepath.Separator), 2)[0]) {
		return filepath.Join("~", rel)
	}
	return path
}

// expandHome reads a leading ~ as the home directory, as a shell would.
func expandHome(path string) string {
	rest, ok := strings.CutPrefix(path, "~")
	if !ok || rest != "" && rest[0] != '/' {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return home + rest
}

// parseSize reads a size as people write it: "64 MiB", "500KB", "2G",
// "1048576" (bytes). Units are powers of 1024. A size must be at least a
// byte and at most maxSizeCap.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	num := strings.TrimRight(t, "kmgibytes ")
	unit := strings.TrimSpace(t[len(num):])
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return 0, fmt.Errorf("%q is not a size (say 64 MiB, 500 KB or a number of bytes)", s)
	}
	mult := map[string]float64{"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
		"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("%q: unknown unit %q (say KB, MB or GB)", s, unit)
	}
	return checkSize(n*mult, s)
}

// checkSize takes a number of bytes if it is a size a folder's files may
// be capped at, and says what is wrong with it if not; s is as written.
func checkSize(n float64, s string) (int64, error) {
	switch {
	case n < 1:
		return 0, fmt.Errorf("%q is less than a byte: a size must be at least 1 byte", s)
	case n > maxSizeCap:
		return 0, fmt.Errorf("%q is more than %s, the largest file that can be read", s, byteCount(maxSizeCap))
	}
	return int64(n), nil
}
