// Command samizdat is a terminal reader for a library of long texts on the
// Russian revolution and its Stalinist counter-revolution.
//
// main wires things together: the command line, the library, and either the
// full-screen reader or one of the subcommands that print to stdout.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"samizdat/corpus"
)

// Exit statuses, as documented in --help.
const (
	exitOK       = 0
	exitNotFound = 1 // nothing matched
	exitUsage    = 2 // a usage or input error
)

// usageError marks an error the user can fix by asking differently.
type usageError struct{ error }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	out := &output{w: stdout}
	root := newRootCmd(out, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if out.err != nil {
		// Output that did not arrive is a failure, whatever the command
		// thought of its own work: a full disk, a closed file.
		fmt.Fprintln(stderr, "samizdat: could not write the output:", corpus.SanitizeLine(unwrapPath(out.err).Error()))
		return exitUsage
	}
	if err == nil {
		return exitOK
	}
	var nf notFoundError
	if errors.As(err, &nf) {
		return exitNotFound
	}
	fmt.Fprintln(stderr, "samizdat:", corpus.SanitizeLine(err.Error()))
	return exitUsage
}

// output is stdout as the commands write to it: the first write that
// fails is kept, to be reported, and nothing more is written after it.
type output struct {
	w   io.Writer
	err error
}

func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	n, err := o.w.Write(p)
	if err != nil {
		o.err = err
	}
	return n, err
}

// Fd is the descriptor of the file written to, so that it can be asked
// whether it is a terminal; of anything else, one that is not.
func (o *output) Fd() uintptr {
	if f, ok := o.w.(interface{ Fd() uintptr }); ok {
		return f.Fd()
	}
	return ^uintptr(0)
}

// unwrapPath drops the path of a *PathError ("write /dev/stdout"), which
// says nothing the message does not.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// notFoundError is a search or lookup that found nothing: exit status 1,
// with no message beyond what the command printed.
type notFoundError struct{}

func (notFoundError) Error() string { return "nothing found" }

// app is what every command shares.
type app struct {
	stdout, stderr io.Writer
	theme          string
	width          int
	dir            string // --dir
	maxSize        string // --max-size
	color          string // --color: auto, always or never
	configPath     string // --config
	mouse, noMouse bool   // --mouse, --no-mouse

	cfg     *config
	lib     *corpus.Library
	libKey  string          // the library's name in the state file
	notices []corpus.Notice // what was wrong with a folder's files
	warned  map[*corpus.Document]bool
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	a := &app{stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "samizdat [DOC[#ANCHOR]]",
		Short: "A terminal reader for long texts on the Russian revolution",
		Long: `samizdat opens a full-screen reader over its library: a table of contents,
the text, and a search across every work.

DOC is a document's id, a prefix of exactly one id, or its number in
'samizdat list'. ANCHOR names a section, as 'samizdat toc' shows.

With no DOC the reader opens the work you were reading, where you left it
(the first work, the first time); DOC alone opens that work where you left
it. When stdout is not a terminal, 'samizdat DOC' prints the document as
'samizdat read' does.

Exit status: 0 on success, 1 when nothing was found, 2 on a usage or input
error.`,
		Example: `  samizdat                              open the reader
  samizdat revolution-betrayed          open The Revolution Betrayed
  samizdat rev#soviet-thermidor         open it at Chapter 5
  samizdat list                         list the library
  samizdat read rise --plain | less     read a work in your pager`,
		Version:       thisBuild().String(),
		Args:          cobra.MaximumNArgs(1),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.open(args)
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("samizdat {{.Version}}\n")
	root.Flags().StringVar(&a.theme, "theme", "auto", "colour theme: auto, dark or light")
	root.Flags().IntVar(&a.width, "width", 0, "maximum line length of the text (0: the default)")
	root.Flags().BoolVar(&a.mouse, "mouse", false, "take the mouse: the wheel scrolls, and shift-drag selects text (the default)")
	root.Flags().BoolVar(&a.noMouse, "no-mouse", false, "leave the mouse to the terminal, to select text by dragging")
	root.MarkFlagsMutuallyExclusive("mouse", "no-mouse")
	pf := root.PersistentFlags()
	pf.StringVar(&a.dir, "dir", "", "read the Markdown and text files of this folder instead of the built-in library (also SAMIZDAT_DIR)")
	pf.StringVar(&a.maxSize, "max-size", "", "skip files of the folder larger than this (default 64 MiB)")
	pf.StringVar(&a.color, "color", "auto", "colour and styles: auto (on a terminal without NO_COLOR), always or never")
	pf.StringVar(&a.configPath, "config", "", "the config file (default $XDG_CONFIG_HOME/samizdat/config.toml)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageError{err}
	})
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if a.configPath != "" {
			if _, err := os.Stat(a.configPath); errors.Is(err, fs.ErrNotExist) {
				return usageError{fmt.Errorf("--config %s: no such file", a.configPath)}
			}
		}
		switch a.color {
		case "auto", "always", "never":
		default:
			return usageError{fmt.Errorf("--color must be auto, always or never, not %q", a.color)}
		}
		if a.width != 0 && (a.width < minWidth || a.width > maxWidth) {
			return usageError{fmt.Errorf("--width must be between %d and %d columns (or 0 for the default), not %d", minWidth, maxWidth, a.width)}
		}
		if a.maxSize != "" {
			_, _, err := a.sizeCap() // checked whether a folder is read or not
			return err
		}
		return nil
	}
	root.ValidArgsFunction = a.completeDocs
	root.AddCommand(a.listCmd(), a.tocCmd(), a.readCmd(), a.searchCmd(), a.whoCmd(), a.citeCmd(), a.notesCmd(), a.configCmd())
	root.AddCommand(a.manCmd(root), a.versionCmd(), a.completionCmd(root))
	root.CompletionOptions.DisableDefaultCmd = true
	return root
}

// open starts the reader, or prints the document when stdout is not a
// terminal.
func (a *app) open(args []string) error {
	switch a.theme {
	case "auto", "dark", "light":
	default:
		return usageError{fmt.Errorf("--theme must be auto, dark or light, not %q", a.theme)}
	}
	lib, err := a.library()
	if err != nil {
		return err
	}
	var start corpus.Place
	if len(args) == 1 {
		if start, err = lib.Resolve(args[0]); err != nil {
			return err
		}
	}
	if !isTerminal(a.stdout) {
		if len(args) == 0 {
			return usageError{errors.New("stdout is not a terminal: name a document to print it (see samizdat list)")}
		}
		return a.print(start, false)
	}
	a.config()
	mouse, _ := a.mouseOn()
	return runTUI(lib, start, tuiOptions{
		Theme:    a.theme,
		Width:    a.width,
		NoMouse:  !mouse,
		Settings: a.cfg,
		Library:  a.libKey,
		NoColor:  a.color == "never" || a.color == "auto" && os.Getenv("NO_COLOR") != "",
		Notices:  a.noticeSummary(),
	})
}

// mouseOn says whether the reader takes the mouse, and what decided it:
// a flag, the config file, or the default, which is to take it.
func (a *app) mouseOn() (on bool, from string) {
	switch {
	case a.mouse:
		return true, "--mouse"
	case a.noMouse:
		return false, "--no-mouse"
	}
	if m := a.config().mouse; m != nil {
		return *m, "config"
	}
	return true, "default"
}
