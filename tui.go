package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"samizdat/corpus"
	"samizdat/ui"
)

// tuiOptions is what the command line decides about the reader.
type tuiOptions struct {
	Theme  string // "auto", "dark" or "light"; "" or "auto" leaves it to the config file, then the terminal
	Width  int    // the longest line of text; 0 leaves it to the config file, then the default
	Config string // the config file; "" for $XDG_CONFIG_HOME/samizdat/config.toml
	State  string // where reading positions are kept; "" for $XDG_STATE_HOME/samizdat/state.json
}

// The library is parsed before the reader starts: a few megabytes that
// are kept or dropped together, so collecting garbage while that happens is
// work wasted on the way to the first screen (about 5 ms of a 60 ms start
// here). The collector waits until the heap reaches startHeapLimit, or until
// runTUI sets it for reading; other commands finish well within the limit.
// A GOGC or GOMEMLIMIT set by the user is left alone.
const startHeapLimit = 64 << 20

func init() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(startHeapLimit)
	}
}

// readingGC is the collector's target while the reader runs. The heap is
// mostly the library and rendered chunks, which stay, and glamour's
// garbage, which does not: a lower target than Go's 100 keeps the peak
// memory low (37 MiB rather than 42 after paging through every document)
// for a little more collecting, off the UI goroutine.
const readingGC = 50

// runTUI runs the full-screen reader over lib, opened at start, or where
// the last run left off when start.Doc is nil.
func runTUI(lib *corpus.Library, start corpus.Place, opts tuiOptions) error {
	cfg := loadConfig(opts.Config)
	theme := opts.Theme
	if theme == "" || theme == "auto" {
		theme = cfg.theme
	}
	width := opts.Width
	if width == 0 {
		width = cfg.width
	}
	statePath := opts.State
	if statePath == "" {
		statePath = defaultStatePath()
	}
	state, err := loadState(statePath)
	notices := cfg.problems
	if err != nil {
		notices = append(notices, fmt.Sprintf("%v; starting with no reading positions", err))
	}

	look := chooseLook(theme, os.Getenv("NO_COLOR") != "")
	// The size is read now so the first screen renders while the program
	// starts; the size message that follows confirms it.
	w, h, _ := term.GetSize(int(os.Stdout.Fd()))
	m := ui.New(ui.Deps{
		Library:  lib,
		Keys:     cfg.keys,
		Styles:   look.styles,
		Glamour:  look.glamour,
		Profile:  look.profile,
		MaxWidth: width,
		Start:    start,
		State:    state,
		Notices:  notices,
		Width:    w,
		Height:   h,
	})
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithFPS(120))
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(readingGC)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	final, err := p.Run()
	if err != nil {
		return fmt.Errorf("the reader stopped: %w", err)
	}
	if len(cfg.problems) > 0 {
		fmt.Fprintf(os.Stderr, "samizdat: problems in %s (the defaults were used for them):\n", cfg.path)
		for _, p := range cfg.problems {
			fmt.Fprintf(os.Stderr, "  %s\n", p)
		}
	}
	if fm, ok := final.(ui.Model); ok && statePath != "" {
		if err := saveState(statePath, fm.State()); err != nil {
			fmt.Fprintf(os.Stderr, "samizdat: could not keep the reading positions: %v\n", err)
		}
	}
	return nil
}

// look is how the reader draws: its styles, glamour's style, and the
// colour profile glamour writes for.
type look struct {
	styles  ui.Styles
	glamour gansi.StyleConfig
	profile termenv.Profile
}

// chooseLook picks dark or light once, without waiting on the terminal:
// the colour profile comes from the environment (TERM, COLORTERM), and
// "auto" takes lipgloss's answer, which Bubble Tea's package initialisation
// has already asked for and cached (in tmux and screen it reads COLORFGBG
// and defaults to dark). NO_COLOR keeps bold and reverse but no colour,
// and glamour's plain style.
func chooseLook(theme string, noColor bool) look {
	profile := termenv.NewOutput(os.Stdout).ColorProfile()
	dark := true
	switch theme {
	case "light":
		dark = false
	case "dark":
	default:
		dark = lipgloss.HasDarkBackground()
	}
	r := lipgloss.NewRenderer(os.Stdout)
	r.SetHasDarkBackground(dark)
	if noColor {
		r.SetColorProfile(max(profile, termenv.ANSI)) // attributes, no colour
		return look{styles: ui.NewStyles(r, dark, false), glamour: styles.NoTTYStyleConfig, profile: termenv.Ascii}
	}
	r.SetColorProfile(profile)
	g := styles.DarkStyleConfig
	if !dark {
		g = styles.LightStyleConfig
	}
	return look{styles: ui.NewStyles(r, dark, true), glamour: g, profile: profile}
}

// defaultStatePath is $XDG_STATE_HOME/samizdat/state.json, or
// ~/.local/state/samizdat/state.json.
func defaultStatePath() string {
	if dir := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "samizdat", "state.json")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".local", "state", "samizdat", "state.json")
}

// loadState reads the reading positions a previous run kept; none is no
// error, a broken file is.
func loadState(path string) (ui.State, error) {
	var s ui.State
	if path == "" {
		return s, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read %s: %w", tildePath(path), err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return ui.State{}, fmt.Errorf("%s is not readable: %w", tildePath(path), err)
	}
	return s, nil
}

// saveState writes the reading positions through a temporary file, so a
// crash never leaves half a file.
func saveState(path string, s ui.State) error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".state-*.json")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
