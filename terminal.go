package main

import (
	"os"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// terminal is the reader's output: the terminal, written to by the
// program's renderer a frame at a time and, between frames, by the
// clipboard, so that a sequence of one never lands inside the other's.
type terminal struct {
	mu sync.Mutex
	f  *os.File
}

func newTerminal(f *os.File) *terminal { return &terminal{f: f} }

func (t *terminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.f.Write(p)
}

func (t *terminal) WriteString(s string) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.f.WriteString(s)
}

// Read, Fd and Close make it a terminal to Bubble Tea, which reads its
// size and sets its modes through Fd.
func (t *terminal) Read(p []byte) (int, error) { return t.f.Read(p) }
func (t *terminal) Fd() uintptr                { return t.f.Fd() }

// Close leaves the terminal open: it outlives the reader.
func (t *terminal) Close() error { return nil }

// copy puts text on the system clipboard with OSC 52, through tmux or
// GNU screen when the reader runs inside one.
func (t *terminal) copy(text string) error {
	_, err := t.WriteString(clipboardSequence(text, os.Getenv("TMUX") != "", os.Getenv("STY") != ""))
	return err
}

// screenLimit is the longest string GNU screen passes on in one piece.
const screenLimit = 768

// clipboardSequence is the OSC 52 sequence that sets the system clipboard
// to text. Inside tmux it is sent twice: as it is, which tmux takes for its
// own paste buffer and passes to the terminal outside when set-clipboard
// is on; and wrapped in tmux's passthrough, which reaches that terminal
// when allow-passthrough is on. Inside GNU screen it is wrapped in screen's
// passthrough, in pieces screen accepts.
func clipboardSequence(text string, tmux, screen bool) string {
	seq := ansi.SetSystemClipboard(text)
	switch {
	case tmux:
		return seq + ansi.TmuxPassthrough(seq)
	case screen:
		return ansi.ScreenPassthrough(seq, screenLimit)
	}
	return seq
}
