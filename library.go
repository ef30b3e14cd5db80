package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"samizdat/corpus"
)

// config reads the config file once.
func (a *app) config() config {
	if a.cfg == nil {
		cfg := loadConfig(a.configPath)
		a.cfg = &cfg
	}
	return *a.cfg
}

// folder is the reader's own folder to read, if one is asked for, and
// what asked: --dir, then SAMIZDAT_DIR, then the config file.
func (a *app) folder() (dir, from string) {
	switch {
	case a.dir != "":
		return a.dir, "--dir"
	case os.Getenv("SAMIZDAT_DIR") != "":
		return os.Getenv("SAMIZDAT_DIR"), "SAMIZDAT_DIR"
	case a.config().library != "":
		return a.config().library, "config"
	}
	return "", ""
}

// sizeCap is the largest file of a folder read, and what set it.
func (a *app) sizeCap() (int64, string, error) {
	if a.maxSize != "" {
		n, err := parseSize(a.maxSize)
		if err != nil {
			return 0, "", usageError{fmt.Errorf("--max-size: %w", err)}
		}
		return n, "--max-size", nil
	}
	if n := a.config().maxSize; n > 0 {
		return n, "config", nil
	}
	return corpus.DefaultMaxSize, "default", nil
}

// library loads the library once: a folder of the reader's own if one is
// asked for, else the one built in. What was wrong with a folder's files
// is printed to stderr by the commands that print, and shown in the
// reader's status bar.
func (a *app) library() (*corpus.Library, error) {
	if a.lib != nil {
		return a.lib, nil
	}
	dir, _ := a.folder()
	if dir == "" {
		lib, err := corpus.Embedded()
		if err != nil {
			return nil, fmt.Errorf("load the library: %w", err)
		}
		a.lib, a.libKey = lib, "embedded"
		return lib, nil
	}
	maxSize, _, err := a.sizeCap()
	if err != nil {
		return nil, err
	}
	lib, notices, err := corpus.LoadDir(dir, corpus.DirOptions{MaxSize: maxSize})
	a.notices = notices
	if err != nil {
		a.printNotices()
		return nil, usageError{err}
	}
	var size int64
	for _, d := range lib.Docs {
		size += d.Size
	}
	readingLargeLibrary(size)
	real, err := filepath.Abs(dir)
	if err != nil {
		real = dir
	}
	if r, err := filepath.EvalSymlinks(real); err == nil {
		real = r
	}
	a.lib, a.libKey = lib, "dir:"+real
	return lib, nil
}

// libraryForPrinting is library for the commands that print: what was
// wrong with a folder's files goes to stderr first.
func (a *app) libraryForPrinting() (*corpus.Library, error) {
	lib, err := a.library()
	if err == nil {
		a.printNotices()
	}
	return lib, err
}

// load reads a folder's document when a command first needs its text.
// What was wrong with the file is said on stderr, once.
func (a *app) load(d *corpus.Document) error {
	if err := d.Load(); err != nil {
		return usageError{err}
	}
	if a.warned[d] {
		return nil
	}
	if a.warned == nil {
		a.warned = map[*corpus.Document]bool{}
	}
	a.warned[d] = true
	for _, w := range d.Warnings {
		fmt.Fprintf(a.stderr, "samizdat: %s: %s\n", d.Path, w)
	}
	return nil
}

// printNotices says on stderr what was wrong with the folder's files.
func (a *app) printNotices() {
	for _, n := range a.notices {
		fmt.Fprintf(a.stderr, "samizdat: %s\n", n)
	}
}

// noticeSummary says in one line for the status bar what was skipped.
func (a *app) noticeSummary() []string {
	switch len(a.notices) {
	case 0:
		return nil
	case 1:
		return []string{a.notices[0].String()}
	}
	return []string{fmt.Sprintf("%d files of the folder were skipped or repaired; samizdat list prints why", len(a.notices))}
}

// styled says whether output is rendered with colour and styles.
func (a *app) styled() bool {
	switch a.color {
	case "always":
		return true
	case "never":
		return false
	}
	return isTerminal(a.stdout) && os.Getenv("NO_COLOR") == ""
}

// lipglossRenderer styles the output of the commands that print, with
// colour as --color says, whatever stdout is.
func (a *app) lipglossRenderer() *lipgloss.Renderer {
	w := a.stdout
	if o, ok := w.(*output); ok {
		w = o.w // the terminal itself, for its colours
	}
	r := lipgloss.NewRenderer(w)
	if a.styled() {
		if r.ColorProfile() == termenv.Ascii {
			r.SetColorProfile(termenv.ANSI256)
		}
	} else {
		r.SetColorProfile(termenv.Ascii)
	}
	return r
}
