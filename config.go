package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"samizdat/keymap"
)

// config is what the config file says, with what was wrong in it.
type config struct {
	path     string // the file read, as people write it (~/.config/...)
	theme    string // "auto", "dark", "light", or "" when not set
	width    int    // 0 when not set
	library  string // a folder to read instead of the built-in library; "" when not set
	maxSize  int64  // the largest file of a folder read, in bytes; 0 when not set
	keys     keymap.Map
	problems []string // each names the file, by its base name, and the line
	// lines says on which line of the file each setting was found.
	lines map[string]int
}

// The config file, in TOML:
//
//	theme = "dark"      # auto, dark or light; --theme wins
//	width = 90          # the longest line of text; --width wins
//	library = "~/notes" # a folder to read instead; --dir and SAMIZDAT_DIR win
//	max_size = "64 MiB" # the largest file of a folder read; --max-size wins
//
//	[keys]              # any action of the help screen: a key or a list
//	down = ["j", "down"]
//	quit = "x"
type configFile struct {
	Theme   string         `toml:"theme"`
	Width   int            `toml:"width"`
	Library string         `toml:"library"`
	MaxSize string         `toml:"max_size"`
	Keys    map[string]any `toml:"keys"`
}

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
// the defaults stand for what was wrong.
func loadConfig(path string) config {
	cfg := config{keys: keymap.Default(), lines: map[string]int{}}
	if path == "" {
		path = defaultConfigPath()
	}
	if path == "" {
		return cfg
	}
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg
	}
	cfg.path = tildePath(path)
	name := filepath.Base(path) // the status bar is one line: the full path is printed on exit
	if err != nil {
		cfg.problems = append(cfg.problems, fmt.Sprintf("%s: %v", name, err))
		return cfg
	}
	var f configFile
	md, err := toml.Decode(string(src), &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s:%d: %s; using the defaults", name, pe.Position.Line, pe.Message))
		} else {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s: %v; using the defaults", name, err))
		}
		return cfg
	}
	problem := func(key, format string, args ...any) {
		prefix := name
		if line := settingLine(src, key); line > 0 {
			prefix = fmt.Sprintf("%s:%d", name, line)
		}
		cfg.problems = append(cfg.problems, prefix+": "+fmt.Sprintf(format, args...))
	}
	for _, k := range md.Undecoded() {
		if len(k) == 1 {
			problem(k[0], "unknown setting %q (there are theme, width, library, max_size and [keys])", k[0])
		}
	}
	switch f.Theme {
	case "", "auto", "dark", "light":
		cfg.theme = f.Theme
	default:
		problem("theme", "theme must be auto, dark or light, not %q", f.Theme)
	}
	switch {
	case f.Width == 0:
	case f.Width < 20 || f.Width > 500:
		problem("width", "width must be between 20 and 500 columns, not %d", f.Width)
	default:
		cfg.width = f.Width
	}
	if f.Library != "" {
		cfg.library = expandHome(f.Library)
	}
	if f.MaxSize != "" {
		if n, err := parseSize(f.MaxSize); err != nil {
			problem("max_size", "max_size: %v", err)
		} else {
			cfg.maxSize = n
		}
	}
	for _, k := range []string{"theme", "width", "library", "max_size"} {
		if md.IsDefined(k) {
			cfg.lines[k] = settingLine(src, k)
		}
	}
	keys, problems := keymap.Parse(src)
	cfg.keys = keys
	for _, p := range problems {
		if p.Line > 0 {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s:%d: %s", name, p.Line, p.Msg))
		} else {
			cfg.problems = append(cfg.problems, fmt.Sprintf("%s: %s", name, p.Msg))
		}
	}
	return cfg
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
// "1048576" (bytes). Units are powers of 1024.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	num := strings.TrimRight(t, "kmgibytes ")
	unit := strings.TrimSpace(t[len(num):])
	n, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (say 64 MiB, 500 KB or a number of bytes)", s)
	}
	mult := map[string]float64{"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
		"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("%q: unknown unit %q (say KB, MB or GB)", s, unit)
	}
	return int64(n * mult), nil
}
