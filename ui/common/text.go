package common

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Fit pads or cuts a line to exactly width columns.
func Fit(line string, width int) string {
	w := lipgloss.Width(line)
	if w > width {
		return ansi.Truncate(line, width, "")
	}
	return line + strings.Repeat(" ", width-w)
}

// Plural counts n things: "1 match", "3 matches".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Quoted is what was typed, in quotation marks.
func Quoted(q string) string { return "“" + q + "”" }
