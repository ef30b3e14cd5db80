package main

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"samizdat/corpus"
)

func TestPlaces(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the defaults on Windows are %AppData% and %LocalAppData%")
	}
	for _, tt := range []struct {
		name                string
		home, config, state string // "" unsets the variable
		wantConfig          string // the path, or the error
		wantState           string
		wantFrom            string // where the config file's place came from
	}{
		{"the defaults", "/home/r", "", "", "/home/r/.config/samizdat/config.toml", "/home/r/.local/state/samizdat/state.json",
			"$HOME/.config (XDG_CONFIG_HOME is not set)"},
		{"the variables", "/home/r", "/cfg", "/st", "/cfg/samizdat/config.toml", "/st/samizdat/state.json", "XDG_CONFIG_HOME"},
		{"the variables without a home", "", "/cfg", "/st", "/cfg/samizdat/config.toml", "/st/samizdat/state.json", "XDG_CONFIG_HOME"},
		{"relative variables are ignored", "/home/r", "cfg", "st", "/home/r/.config/samizdat/config.toml",
			"/home/r/.local/state/samizdat/state.json", `$HOME/.config (XDG_CONFIG_HOME="cfg" is not an absolute path, so it is ignored)`},
		{"no home", "", "", "", "no home directory: HOME is not set, and XDG_CONFIG_HOME is not set; set one of them",
			"no home directory: HOME is not set, and XDG_STATE_HOME is not set; set one of them", ""},
		{"a relative home", "home", "", "/st", `no home directory: HOME="home" is not an absolute path, and XDG_CONFIG_HOME is not set; set one of them`,
			"/st/samizdat/state.json", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			setenv(t, "HOME", tt.home)
			setenv(t, "XDG_CONFIG_HOME", tt.config)
			setenv(t, "XDG_STATE_HOME", tt.state)
			got := func(p place, err error) string {
				if err != nil {
					return err.Error()
				}
				return p.path
			}
			if c := got(configPlace()); c != tt.wantConfig {
				t.Errorf("config: %s, want %s", c, tt.wantConfig)
			}
			if s := got(statePlace()); s != tt.wantState {
				t.Errorf("state: %s, want %s", s, tt.wantState)
			}
			setenv(t, "XDG_DATA_HOME", tt.state)
			wantNotes := strings.Replace(strings.Replace(tt.wantState, "XDG_STATE_HOME", "XDG_DATA_HOME", 1), "state.json", "notes.json", 1)
			wantNotes = strings.Replace(wantNotes, ".local/state", ".local/share", 1)
			if n := got(dataPlace()); n != wantNotes {
				t.Errorf("notes: %s, want %s", n, wantNotes)
			}
			if p, err := configPlace(); err == nil && p.from != tt.wantFrom {
				t.Errorf("config from %q, want %q", p.from, tt.wantFrom)
			}
		})
	}
}

// setenv sets a variable for the test, or unsets it when value is "".
func setenv(t *testing.T, name, value string) {
	t.Setenv(name, value) // restores the old value after the test
	if value == "" {
		os.Unsetenv(name)
	}
}

func TestMissingConfigFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.toml")
	for _, args := range [][]string{{"config"}, {"list"}, {"read", "rev"}} {
		out, errOut, code := runCmd(t, append([]string{"--config", missing}, args...)...)
		if code != exitUsage || out != "" || errOut != "samizdat: --config "+missing+": no such file\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func TestConfigNamesItsPlaces(t *testing.T) {
	home := t.TempDir()
	setenv(t, "HOME", home)
	setenv(t, "XDG_CONFIG_HOME", "")
	setenv(t, "XDG_STATE_HOME", filepath.Join(home, "st"))
	setenv(t, "XDG_DATA_HOME", "")
	file := filepath.Join(t.TempDir(), "other.toml")
	if err := os.WriteFile(file, []byte("width = 66\nmouse = false\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "--config", file, "config")
	for _, want := range []string{
		`(?m)^config file +` + regexp.QuoteMeta(file) + ` +--config$`,
		`(?m)^width +66 +` + regexp.QuoteMeta(file) + `:1$`,
		`(?m)^mouse +false +` + regexp.QuoteMeta(file) + `:2 \(the terminal selects text\)$`,
		`(?m)^state file +~/st/samizdat/state.json +XDG_STATE_HOME$`,
		`(?m)^notes file +~/.local/share/samizdat/notes.json +\$HOME/.local/share \(XDG_DATA_HOME is not set\)$`,
	} {
		if code != exitOK || !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("exit %d; config does not match %s:\n%s", code, want, out)
		}
	}
	out, _, _ = runCmd(t, "config")
	if want := "config file  ~/.config/samizdat/config.toml (not there: every setting is a default)  $HOME/.config (XDG_CONFIG_HOME is not set)\n"; !strings.Contains(out, want) {
		t.Errorf("config lacks %q:\n%s", want, out)
	}
	setenv(t, "HOME", "")
	out, _, _ = runCmd(t, "config")
	if want := "no home directory: HOME is not set, and XDG_CONFIG_HOME is not set; set one of them"; !strings.Contains(out, want) {
		t.Errorf("config without a home lacks %q:\n%s", want, out)
	}
}

func TestReaderWithoutAHome(t *testing.T) {
	setenv(t, "HOME", "")
	setenv(t, "XDG_STATE_HOME", "")
	err := runTUI(nil, corpus.Place{}, tuiOptions{})
	if err == nil || !strings.Contains(err.Error(), "no home directory: HOME is not set, and XDG_STATE_HOME is not set") {
		t.Errorf("runTUI without a home: %v", err)
	}
}
