package main

import (
	"fmt"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/term"

	"samizdat/corpus"
	"samizdat/internal/safefile"
	"samizdat/notes"
	"samizdat/state"
	"samizdat/ui"
	"samizdat/ui/render"
)

// tuiOptions is what the command line decides about the reader.
type tuiOptions struct {
	Theme  string // "auto", "dark" or "light"; "" or "auto" leaves it to the config file, then the terminal
	Width  int    // the longest line of text; 0 leaves it to the config file, then the default
	Config string // the config file; "" for $XDG_CONFIG_HOME/samizdat/config.toml
	State  string // the state file; "" for $XDG_STATE_HOME/samizdat/state.json
	Notes  string // the notes file; "" for $XDG_DATA_HOME/samizdat/notes.json
	// Library names the library in the state file: "" for the embedded
	// one, else something that tells a folder of the reader's own apart.
	Library string
	// Settings is the config file as read; nil to read it from Config.
	Settings *config
	NoColor  bool     // no colour, as NO_COLOR or --color never ask
	NoMouse  bool     // leave the mouse to the terminal, for selecting text
	Notices  []string // for the status bar at start, such as files skipped
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

// readingLargeLibrary sets the collector for a folder of the reader's own
// whose files hold size bytes. What stays is about twice the text (the
// text, and its folded copy for searching once a search has been made);
// collecting sooner than Go's default, and harder as the heap nears a
// soft limit of a little over twice the text, keeps the peak near that.
func readingLargeLibrary(size int64) {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(50)
		debug.SetMemoryLimit(size*9/4 + 64<<20)
	}
}

// readingGC is the collector's target while the reader runs. The heap is
// mostly the library and rendered chunks, which stay, and glamour's
// garbage, which does not: a lower target than Go's 100 keeps the peak
// memory low (37 MiB rather than 42 after paging through every document)
// for a little more collecting, off the UI goroutine.
const readingGC = 50

// collectWhileReading is what sets the collector's target for reading,
// once the first screen is drawn: until then, as while the library is
// parsed, collecting would only delay it (the first screen's rendering
// leaves a few megabytes of garbage, which a target of readingGC over a
// heap of 3 MB would collect ten times on the way). A folder's library has
// its own settings (readingLargeLibrary); a GOGC or GOMEMLIMIT set by the
// user is left alone.
func collectWhileReading(libKey string) func() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" || libKey != "embedded" {
		return nil
	}
	return func() {
		debug.SetGCPercent(readingGC)
		debug.SetMemoryLimit(math.MaxInt64)
	}
}

// runTUI runs the full-screen reader over lib, opened at start, or where
// the last run left off when start.Doc is nil.
func runTUI(lib *corpus.Library, start corpus.Place, opts tuiOptions) error {
	cfg := loadConfig(opts.Config)
	if opts.Settings != nil {
		cfg = *opts.Settings
	}
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
		p, err := statePlace()
		if err != nil {
			return fmt.Errorf("cannot keep reading positions and marks: %w", err)
		}
		statePath = p.path
	}
	libKey := opts.Library
	if libKey == "" {
		libKey = "embedded"
	}
	file := state.File{Path: statePath, Key: libKey}
	saved, notice := file.Load()
	notices := append(cfg.problems, opts.Notices...)
	if notice != "" {
		notices = append(notices, notice)
	}

	notesFile, exportDir, problem := notesFileOf(opts.Notes, libKey)
	if problem != "" {
		notices = append(notices, problem)
	}

	look := chooseLook(theme, opts.NoColor)
	// The size is read now so the first screen renders while the program
	// starts; the size message that follows confirms it.
	w, h, _ := term.GetSize(int(os.Stdout.Fd()))
	m := ui.New(ui.Deps{
		Library:    lib,
		Keys:       cfg.keys,
		Styles:     look.styles,
		Glamour:    look.glamour,
		Profile:    look.profile,
		MaxWidth:   width,
		MarkPeople: cfg.markPeople,
		Start:      start,
		Saved:      saved,
		StateFile:  file,
		NotesFile:  notesFile,
		ExportDir:  exportDir,
		Copy:       copyToClipboard,
		Notices:    notices,
		Width:      w,
		Height:     h,
		Started:    collectWhileReading(libKey),
	})
	programOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithFPS(120)}
	if !opts.NoMouse {
		// The wheel scrolls; the terminal's own selection takes shift.
		programOpts = append(programOpts, tea.WithMouseCellMotion())
	}
	p := tea.NewProgram(m, programOpts...)
	stop := quitOnSignals(p)
	final, err := p.Run()
	stop()
	// Whatever stopped the reader, what it leaves is kept.
	if fm, ok := final.(ui.Model); ok {
		if lib := fm.Snapshot(); file.Path != "" {
			if _, _, err := file.Save(lib); err != nil {
				rescueState(file, lib, err)
			}
		}
		if set := fm.Notes(); notesFile.Path != "" && set.Dirty() {
			if _, _, err := notesFile.Save(set); err != nil {
				rescueNotes(notesFile, set, err)
			}
		}
	}
	if err != nil {
		return fmt.Errorf("the reader stopped: %w", err)
	}
	if len(cfg.problems) > 0 {
		fmt.Fprintf(os.Stderr, "samizdat: problems in %s (the defaults were used for them):\n", corpus.SanitizeLine(cfg.path))
		for _, p := range cfg.problems {
			fmt.Fprintf(os.Stderr, "  %s\n", p)
		}
	}
	return nil
}

// notesFileOf is where the reader keeps the highlights and notes of the
// library named key: path, or the notes file's place; and the folder a
// work's notes are written out to, beside it. problem says why there is
// none, for the status bar.
func notesFileOf(path, key string) (notes.File, string, string) {
	if path == "" {
		p, err := dataPlace()
		if err != nil {
			return notes.File{}, "", fmt.Sprintf("Highlights and notes are kept only until you quit: %v.", err)
		}
		path = p.path
	}
	return notes.File{Path: path, Key: key}, filepath.Join(filepath.Dir(path), "exports"), ""
}

// quitOnSignals ends the reader as q does when the terminal hangs up
// (SIGHUP): the terminal is restored and the state saved. Bubble Tea does
// the same for SIGTERM itself (and would wait forever to tell a program
// already ended, were it told twice). stop stops listening.
func quitOnSignals(p *tea.Program) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			p.Quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
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
// and defaults to dark). NO_COLOR keeps bold, italic, faint and reverse but
// no colour.
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
		profile = max(profile, termenv.ANSI) // attributes, no colour
	}
	r.SetColorProfile(profile)
	return look{styles: ui.NewStyles(r, dark, !noColor), glamour: render.GlamourStyle(dark, !noColor), profile: profile}
}

// rescueNotes says that the notes could not be saved at exit, and writes
// them to a file of their own in the temporary folder so that none is
// lost.
func rescueNotes(f notes.File, set *notes.Set, err error) {
	fmt.Fprintf(os.Stderr, "samizdat: could not keep your highlights and notes: %v\n", err)
	rescued, rerr := f.Rescue(set, "")
	if rerr != nil {
		fmt.Fprintf(os.Stderr, "samizdat: nor write them elsewhere (%v); they are lost\n", safefile.UnwrapPath(rerr))
		return
	}
	fmt.Fprintf(os.Stderr, "samizdat: they were written to %s instead; move it to %s once that can be written\n",
		corpus.SanitizeLine(rescued), corpus.SanitizeLine(f.Path))
}

// rescueState says that the reading positions and marks could not be
// saved at exit and, if there are marks, writes them to a file of their
// own in the temporary folder.
func rescueState(f state.File, lib *state.Library, err error) {
	fmt.Fprintf(os.Stderr, "samizdat: could not keep the reading positions and marks: %v\n", err)
	if len(lib.Marks) == 0 {
		return
	}
	rescued, rerr := f.Rescue(lib, "")
	if rerr != nil {
		fmt.Fprintf(os.Stderr, "samizdat: nor write the marks elsewhere (%v)\n", safefile.UnwrapPath(rerr))
		return
	}
	fmt.Fprintf(os.Stderr, "samizdat: the marks were written to %s instead; move it to %s once that can be written\n",
		corpus.SanitizeLine(rescued), corpus.SanitizeLine(f.Path))
}
