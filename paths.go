package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// Where samizdat keeps its files, found one way on every Unix, macOS
// included, as the XDG base directories say (and as gh and glow do):
//
//	config  $XDG_CONFIG_HOME/samizdat/config.toml, else ~/.config/samizdat/config.toml
//	state   $XDG_STATE_HOME/samizdat/state.json,   else ~/.local/state/samizdat/state.json
//	notes   $XDG_DATA_HOME/samizdat/notes.json,    else ~/.local/share/samizdat/notes.json
//
// The notes are the reader's own writing, data to back up, not state a
// program may forget. A variable that is not an absolute path is ignored,
// as the specification asks. On Windows, which has no such convention, the
// defaults are %AppData% (config, notes) and %LocalAppData% (state).

// place is where a file is, and what decided it, as `samizdat config`
// says it.
type place struct {
	path string
	from string
}

// configPlace is where the config file is looked for when --config does
// not name one.
func configPlace() (place, error) {
	return xdgPlace("XDG_CONFIG_HOME", ".config", "AppData", "config.toml")
}

// statePlace is where the reading positions and marks are kept.
func statePlace() (place, error) {
	return xdgPlace("XDG_STATE_HOME", filepath.Join(".local", "state"), "LocalAppData", "state.json")
}

// dataPlace is where the reader's highlights and notes are kept: their
// file in the data directory.
func dataPlace() (place, error) {
	return xdgPlace("XDG_DATA_HOME", filepath.Join(".local", "share"), "AppData", "notes.json")
}

// xdgPlace is name in samizdat's folder under the directory the variable
// names, else under its default in the home directory (home, on Unix;
// %windowsVar% on Windows).
func xdgPlace(variable, home, windowsVar, name string) (place, error) {
	in := func(dir string) string { return filepath.Join(dir, "samizdat", name) }
	value := os.Getenv(variable)
	if filepath.IsAbs(value) {
		return place{in(value), variable}, nil
	}
	why := variable + " is not set"
	if value != "" {
		why = fmt.Sprintf("%s=%q is not an absolute path, so it is ignored", variable, value)
	}
	if runtime.GOOS == "windows" {
		if dir := os.Getenv(windowsVar); filepath.IsAbs(dir) {
			return place{in(dir), fmt.Sprintf("%%%s%% (%s)", windowsVar, why)}, nil
		}
		return place{}, fmt.Errorf("no folder for samizdat's files: %%%s%% is not set, and %s; set one of them", windowsVar, why)
	}
	dir := os.Getenv("HOME")
	if !filepath.IsAbs(dir) {
		noHome := "HOME is not set"
		if dir != "" {
			noHome = fmt.Sprintf("HOME=%q is not an absolute path", dir)
		}
		return place{}, fmt.Errorf("no home directory: %s, and %s; set one of them", noHome, why)
	}
	return place{in(filepath.Join(dir, home)), fmt.Sprintf("$HOME/%s (%s)", filepath.ToSlash(home), why)}, nil
}
