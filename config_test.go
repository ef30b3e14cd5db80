package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/keymap"
)

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name     string
		file     string // "" for no file at all
		theme    string
		width    int
		problems []string // substrings, in order
		quitKey  string   // a key that must quit
	}{
		{name: "no file", quitKey: "q"},
		{name: "settings and keys", file: "theme = \"light\"\nwidth = 90\n[keys]\nquit = \"x\"\n", theme: "light", width: 90, quitKey: "x"},
		{
			name:     "a syntax error keeps every default",
			file:     "theme = \"dark\"\n[keys]\nquit = \n",
			problems: []string{"config.toml:3:"},
			quitKey:  "q",
		},
		{
			name:     "unknown setting, bad theme, bad width",
			file:     "colour = \"red\"\ntheme = \"blue\"\nwidth = 5\n",
			problems: []string{`config.toml:1: unknown setting "colour"`, `config.toml:2: theme must be auto, dark or light, not "blue"`, "config.toml:3: width must be between 20 and 500"},
			quitKey:  "q",
		},
		{
			name:     "bad keys name their lines, the good ones apply",
			file:     "[keys]\nquit = \"x\"\nscrol = \"j\"\ntop = \"x\"\n",
			problems: []string{`config.toml:3: unknown action "scrol"`, `config.toml:4: "x" is already bound to quit`},
			quitKey:  "x",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "config.toml")
			if tt.file != "" {
				if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfg := loadConfig(path)
			if cfg.theme != tt.theme || cfg.width != tt.width {
				t.Errorf("theme %q, width %d; want %q, %d", cfg.theme, cfg.width, tt.theme, tt.width)
			}
			if len(cfg.problems) != len(tt.problems) {
				t.Fatalf("problems %q, want %d", cfg.problems, len(tt.problems))
			}
			for i, p := range cfg.problems {
				if !strings.Contains(p, tt.problems[i]) {
					t.Errorf("problem %q, want it to contain %q", p, tt.problems[i])
				}
			}
			quit := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(tt.quitKey)}
			if !key.Matches(quit, cfg.keys.Quit) {
				t.Errorf("%q does not quit: quit is %v", tt.quitKey, cfg.keys.Quit.Keys())
			}
		})
	}
}

func TestConfigPathFollowsTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	if got, want := defaultConfigPath(), filepath.Join(dir, "samizdat", "config.toml"); got != want {
		t.Errorf("with XDG_CONFIG_HOME: %s, want %s", got, want)
	}
	if err := os.MkdirAll(filepath.Join(dir, "samizdat"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "samizdat", "config.toml"), []byte("width = 77\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg := loadConfig(""); cfg.width != 77 {
		t.Errorf("the file under XDG_CONFIG_HOME was not read: width %d", cfg.width)
	}
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", home)
	if got, want := defaultConfigPath(), filepath.Join(home, ".config", "samizdat", "config.toml"); got != want {
		t.Errorf("without XDG_CONFIG_HOME: %s, want %s", got, want)
	}
}

// TestConfigFieldByField: a setting of the wrong type or out of range is
// a problem named with its line, and costs only itself.
func TestConfigFieldByField(t *testing.T) {
	tests := []struct {
		name, file string
		problem    string // the one problem, whole
		width      int    // every file but one sets width = 90 on its last line
		maxSize    int64
	}{
		{name: "theme a number", file: "theme = 5\n", problem: `config.toml:1: theme must be "auto", "dark" or "light", not the number 5`, width: 90},
		{name: "keys a string", file: "keys = \"q\"\n", problem: `config.toml:1: keys must be a table of actions and their keys ([keys], then down = ["j", "down"]), not the string "q"; keeping the default keys`, width: 90},
		{name: "width a fraction", file: "theme = \"dark\"\n", problem: "config.toml:2: width must be a number of columns, 20 to 500, not the number 90.5"},
		{name: "width a string", file: "", problem: `config.toml:1: width must be a number of columns, 20 to 500, not the string "90"`},
		{name: "library a number", file: "library = 7\n", problem: "config.toml:1: library must be the path of a folder, written as a string, not the number 7", width: 90},
		{name: "max_size beyond any file", file: "max_size = \"1e30 GiB\"\n", problem: `config.toml:1: max_size: "1e30 GiB" is more than 1 GiB, the largest file that can be read`, width: 90},
		{name: "max_size infinite", file: "max_size = \"inf\"\n", problem: `config.toml:1: max_size: "inf" is not a size (say 64 MiB, 500 KB or a number of bytes)`, width: 90},
		{name: "max_size under a byte", file: "max_size = \"0.5\"\n", problem: `config.toml:1: max_size: "0.5" is less than a byte: a size must be at least 1 byte`, width: 90},
		{name: "max_size negative", file: "max_size = -5\n", problem: `config.toml:1: max_size: "-5" is less than a byte: a size must be at least 1 byte`, width: 90},
		{name: "max_size a list", file: "max_size = [1]\n", problem: `config.toml:1: max_size must be a size such as "64 MiB", not a list`, width: 90},
		{name: "max_size in bytes", file: "max_size = 1048576\n", width: 90, maxSize: 1 << 20},
		{name: "max_size at the cap", file: "max_size = \"1 GiB\"\n", width: 90, maxSize: 1 << 30},
		{name: "mouse a string", file: "mouse = \"off\"\n", problem: `config.toml:1: mouse must be true or false, not the string "off"`, width: 90},
		{name: "mark_people a number", file: "mark_people = 1\n", problem: `config.toml:1: mark_people must be true or false, not the number 1`, width: 90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file + "width = 90\n"
			switch tt.name {
			case "width a fraction":
				file = tt.file + "width = 90.5\n"
			case "width a string":
				file = "width = \"90\"\n"
			}
			cfg := loadConfig(writeConfig(t, file))
			var want []string
			if tt.problem != "" {
				want = []string{tt.problem}
			}
			if !slices.Equal(cfg.problems, want) {
				t.Errorf("problems %q\nwant     %q", cfg.problems, want)
			}
			if cfg.width != tt.width || cfg.maxSize != tt.maxSize {
				t.Errorf("width %d, max_size %d; want %d, %d", cfg.width, cfg.maxSize, tt.width, tt.maxSize)
			}
		})
	}
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestConfigStrangeFiles: a config file that is too large, nested too
// deep or not a regular file is not parsed: one problem, the defaults.
func TestConfigStrangeFiles(t *testing.T) {
	tests := []struct {
		name, file, problem string
	}{
		{"over the size cap", "# " + strings.Repeat("x", maxConfigSize) + "\n", "config.toml: larger than a config file can be (65539 bytes; 64 KiB at most); using the defaults"},
		{"50,000 inline tables", "a = " + strings.Repeat("{a=", 50000) + "1" + strings.Repeat("}", 50000), "config.toml: larger than a config file can be"},
		{"inline tables nested under the cap", "width = 90\n\na = " + strings.Repeat("{a=", 5000) + "1" + strings.Repeat("}", 5000), "config.toml:3: tables and lists nested more than 16 deep; using the defaults"},
		{"a table header of 10,000 parts", "[" + strings.Repeat("a.", 10000) + "a]\n", "config.toml:1: tables and lists nested"},
		{"a dotted key of 10,000 parts", strings.Repeat("a.", 10000) + "a = 1\n", "config.toml:1: tables and lists nested"},
		{"lists in lists", "a = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "config.toml:1: tables and lists nested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := loadConfig(writeConfig(t, tt.file))
			if len(cfg.problems) != 1 || !strings.HasPrefix(cfg.problems[0], tt.problem) || cfg.width != 0 {
				t.Errorf("problems %q, width %d; want %q", cfg.problems, cfg.width, tt.problem)
			}
		})
	}
}

// TestConfigPathsShownClean: a config file whose name holds escape
// sequences is named in problems with symbols in their place.
func TestConfigPathsShownClean(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x\x1b]0;pwned\x07.toml")
	if err := os.WriteFile(path, []byte("theme = 5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := loadConfig(path)
	if len(cfg.problems) != 1 || strings.ContainsAny(cfg.problems[0], "\x1b\x07") || !strings.Contains(cfg.problems[0], "x␛]0;pwned␇.toml:1: theme") {
		t.Errorf("problems %q", cfg.problems)
	}
}

// TestTooDeep: the configs people write pass; nesting past the limit is
// found on its line, and strings and comments are not counted.
func TestTooDeep(t *testing.T) {
	readme := "theme = \"dark\"          # auto, dark or light; --theme wins\nwidth = 90\nlibrary = \"~/notes\"\nmax_size = \"64 MiB\"\n\n[keys]\ndown = [\"j\", \"down\"]\nquit = \"x\"\ntop = []\n"
	var every strings.Builder
	every.WriteString("[keys]\n")
	for _, a := range keymap.Actions() {
		fmt.Fprintf(&every, "%s = [%q, %q, \"ctrl+x\"] # the keys of %s.\n", a.Name, "a", "b", a.Name)
	}
	tests := []struct {
		name, src string
		limit     int
		line      int // 0: not too deep
	}{
		{"the README's", readme, 3, 0},
		{"every action rebound", every.String(), 3, 0},
		{"dotted keys", "keys.quit = \"x\"\n", 3, 0},
		{"floats, times and dots in strings", "a = [1.5, 2.5, 1979-05-27T07:32:00.999]\nb = \"a.b.c.d.e\"\n'c.d.e.f' = '''\n.[{.\n'''\n# a.b.c.d.e.f\n", 1, 0},
		{"a header and a key under it", "[a.b]\nc.d = [1]\n", 4, 0},
		{"a header and a key under it, one too deep", "[a.b]\nc.d = [[1]]\n", 4, 2},
		{"array of tables", "[[a.b]]\nc = 1\n", 3, 0},
		{"array of tables, one too deep", "[[a.b]]\nc.d = 1\n", 3, 2},
		{"inline tables", "x = 1\na = {b = {c = 1}, d = 2}\n", 2, 0},
		{"inline tables, dotted inside", "x = 1\na = {b.c = {d = 1}}\n", 2, 2},
		{"lists", "a = [[[1]]]\n", 2, 1},
		{"after a multi-line string", "a = \"\"\"\n\n\"\"\"\nb.c.d = 1\n", 1, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tooDeep([]byte(tt.src), tt.limit); got != tt.line {
				t.Errorf("tooDeep = line %d, want %d", got, tt.line)
			}
		})
	}
}

// FuzzTooDeep: whatever a file holds, if tooDeep passes it and the TOML
// parser reads it, nothing in it nests deeper than the limit.
func FuzzTooDeep(f *testing.F) {
	f.Add("[keys]\ndown = [\"j\", \"down\"]\n")
	f.Add("[[a.b]]\nc.d = {e = [1, {f.g = 2}]}\n")
	f.Add("a.'b.c'.\"d\" = \"\"\"\n[[[\n\"\"\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		const limit = 4
		if tooDeep([]byte(src), limit) > 0 {
			return
		}
		var v map[string]any
		if _, err := toml.Decode(src, &v); err != nil {
			return
		}
		if d := nesting(v); d > limit {
			t.Fatalf("nested %d deep, yet passed", d)
		}
	})
}

// nesting is how many tables and lists are open at the deepest value of v,
// the file's own table not counted.
func nesting(v any) int {
	deepest := 0
	switch v := v.(type) {
	case map[string]any:
		for _, x := range v {
			deepest = max(deepest, nesting(x))
		}
	case []any:
		for _, x := range v {
			deepest = max(deepest, nesting(x))
		}
	case []map[string]any:
		for _, x := range v {
			deepest = max(deepest, nesting(x))
		}
	default:
		return 0
	}
	return deepest + 1
}

// TestMouseSetting: the mouse is taken unless the config file or a flag
// says not, a flag wins over the file, and config says which decided.
func TestMouseSetting(t *testing.T) {
	tests := []struct {
		name           string
		file           string
		mouse, noMouse bool
		on             bool
		from           string
	}{
		{name: "the default", on: true, from: "default"},
		{name: "the file says no", file: "mouse = false\n", on: false, from: "config"},
		{name: "the file says yes", file: "width = 90\nmouse = true\n", on: true, from: "config"},
		{name: "--mouse wins over the file", file: "mouse = false\n", mouse: true, on: true, from: "--mouse"},
		{name: "--no-mouse wins over the file", file: "mouse = true\n", noMouse: true, on: false, from: "--no-mouse"},
		{name: "a wrong value is the default", file: "mouse = 0\n", on: true, from: "default"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &app{configPath: writeConfig(t, tt.file), mouse: tt.mouse, noMouse: tt.noMouse}
			on, from := a.mouseOn()
			if on != tt.on || from != tt.from {
				t.Errorf("mouse %v from %q, want %v from %q", on, from, tt.on, tt.from)
			}
		})
	}
}

// TestMarkPeopleSetting: the names of people are underlined only when the
// config file asks for it.
func TestMarkPeopleSetting(t *testing.T) {
	for _, tt := range []struct {
		file string
		on   bool
	}{{"", false}, {"mark_people = true\n", true}, {"mark_people = false\n", false}, {"mark_people = \"yes\"\n", false}} {
		if cfg := loadConfig(writeConfig(t, tt.file)); cfg.markPeople != tt.on {
			t.Errorf("%q: mark_people %v, want %v", tt.file, cfg.markPeople, tt.on)
		}
	}
}
