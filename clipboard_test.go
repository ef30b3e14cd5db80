package main

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestClipboardSequence(t *testing.T) {
	text := "Leon Trotsky, The Revolution Betrayed (1936), p. 5."
	osc := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\x07"
	tests := []struct {
		name         string
		tmux, screen bool
		want         string
	}{
		{"a terminal", false, false, osc},
		// As it is, for tmux's set-clipboard, then through to the
		// terminal outside, every ESC doubled.
		{"tmux", true, false, osc + "\x1bPtmux;\x1b" + osc + "\x1b\\"},
		{"screen", false, true, "\x1bP" + osc + "\x1b\\"},
	}
	for _, tt := range tests {
		if got := clipboardSequence(text, tt.tmux, tt.screen); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	// GNU screen passes on strings of 768 bytes at most: a long one goes
	// in pieces.
	long := clipboardSequence(strings.Repeat("x", 1000), false, true)
	if n := strings.Count(long, "\x1bP"); n < 2 {
		t.Errorf("a long sequence for screen went in %d piece", n)
	}
}
