package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// copyToClipboard puts text on the system clipboard with OSC 52, through
// tmux or GNU screen when the reader runs inside one. It writes to the
// terminal while the reader draws on it: an os.File serialises its
// writes, and the renderer writes a frame in one, so the sequence lands
// between two frames, never inside one.
//
// tmux, as it is set up out of the box, lets no program's OSC 52 through
// (set-clipboard external, allow-passthrough off), so inside tmux the text
// is also loaded into tmux's paste buffer, which tmux sends on to the
// terminal's clipboard itself. That is a help, not a condition: the
// sequence was written.
func copyToClipboard(text string) error {
	inTmux := os.Getenv("TMUX") != ""
	_, err := os.Stdout.WriteString(clipboardSequence(text, inTmux, os.Getenv("STY") != ""))
	if err == nil && inTmux {
		tmuxLoadBuffer(text)
	}
	return err
}

// tmuxLoadBuffer loads text into tmux's paste buffer and, with -w (tmux
// 3.2 and later), onto the clipboard of the terminal tmux runs in.
func tmuxLoadBuffer(text string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, args := range [][]string{{"load-buffer", "-w", "-"}, {"load-buffer", "-"}} {
		cmd := exec.CommandContext(ctx, "tmux", args...)
		cmd.Stdin = strings.NewReader(text)
		if err := cmd.Run(); err == nil || ctx.Err() != nil || errors.Is(err, exec.ErrNotFound) {
			return
		}
	}
}

// screenLimit is the longest string GNU screen passes on in one piece.
const screenLimit = 768

// clipboardSequence is the OSC 52 sequence that sets the system clipboard
// to text. Inside tmux it is sent twice: as it is, which tmux takes for its
// own paste buffer and passes to the terminal outside when set-clipboard
// allows; and wrapped in tmux's passthrough, which reaches that terminal
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
