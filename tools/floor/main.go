// Command floor is the yardstick for the reader's start-up time: the least
// a Bubble Tea program that links glamour can do, which is to show a static
// screen of text at 120 frames a second. The reader's first screen is
// measured against it, in the same terminal, in the same run.
package main

import (
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
)

// Linked, so its packages' initialisation is paid as the reader pays it.
var _ = glamour.NewTermRenderer

const text = `The bourgeois world at first tried to pretend not to notice the economic
successes of the soviet regime—the experimental proof, that is, of the
practicability of socialist methods.`

type model struct{}

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		return m, tea.Quit
	}
	return m, nil
}

func (model) View() string { return text }

func main() {
	if _, err := tea.NewProgram(model{}, tea.WithAltScreen(), tea.WithFPS(120)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
