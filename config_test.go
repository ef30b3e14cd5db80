package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
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
