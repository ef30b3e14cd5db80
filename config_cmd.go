package main

import (
	"fmt"
	"os"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"samizdat/corpus"
	"samizdat/keymap"
)

func (a *app) configCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the configuration in effect, and where each value comes from",
		Long: `Print every setting in effect — theme, width, library, max_size, mouse, mark_people, the keys
the config file changes — with where it came from: a flag, the environment,
the config file (with its line) or the default. Problems in the config file
are listed after.`,
		Example: `  samizdat config
  samizdat --dir ~/notes config`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.printConfig()
		},
	}
}

func (a *app) printConfig() error {
	cfg := a.config()
	fromFile := func(key string) string {
		if line := cfg.lines[key]; line > 0 {
			return fmt.Sprintf("%s:%d", cfg.path, line)
		}
		return cfg.path
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	// Paths come from flags, the environment and the file: shown, they
	// carry no controls.
	row := func(name, value, from string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", name, corpus.SanitizeLine(value), corpus.SanitizeLine(from))
	}

	configFile, configFrom := a.configPath, "--config"
	if configFile == "" {
		p, err := configPlace()
		configFile, configFrom = p.path, p.from
		if err != nil {
			configFile, configFrom = "none", err.Error()
		}
	}
	if _, err := os.Stat(configFile); err != nil && configFile != "none" {
		configFile += " (not there: every setting is a default)"
	}
	row("config file", tildePath(configFile), configFrom)

	switch {
	case a.theme != "auto":
		row("theme", a.theme, "--theme")
	case cfg.theme != "":
		row("theme", cfg.theme, fromFile("theme"))
	default:
		row("theme", "auto", "default (dark unless the terminal says light)")
	}

	switch {
	case a.width > 0:
		row("width", strconv.Itoa(a.width), "--width")
	case cfg.width > 0:
		row("width", strconv.Itoa(cfg.width), fromFile("width"))
	default:
		row("width", "80", "default")
	}

	dir, from := a.folder()
	switch from {
	case "":
		row("library", "the built-in library", "default")
	case "config":
		row("library", dir, fromFile("library"))
	default:
		row("library", dir, from)
	}

	maxSize, from, err := a.sizeCap()
	if err != nil {
		return err
	}
	if from == "config" {
		from = fromFile("max_size")
	}
	row("max_size", byteCount(maxSize), from)

	mouse, from := a.mouseOn()
	if from == "config" {
		from = fromFile("mouse")
	}
	if mouse {
		row("mouse", "true", from+" (the wheel scrolls; shift-drag selects text)")
	} else {
		row("mouse", "false", from+" (the terminal selects text)")
	}

	from = "default"
	if _, set := cfg.lines["mark_people"]; set {
		from = fromFile("mark_people")
	}
	if cfg.markPeople {
		row("mark_people", "true", from+" (the names the notes know are underlined)")
	} else {
		row("mark_people", "false", from+" (true underlines the names the notes know; w says who)")
	}

	row("color", a.color, colorSource(a.color))
	if p, err := statePlace(); err != nil {
		row("state file", "none", err.Error())
	} else {
		row("state file", tildePath(p.path), p.from)
	}
	if p, err := dataPlace(); err != nil {
		row("notes file", "none", err.Error())
	} else {
		row("notes file", tildePath(p.path), p.from)
	}

	defaults, changed := keymap.Default().Table(), 0
	for i, r := range cfg.keys.Table() {
		if r.Keys != defaults[i].Keys {
			keys := r.Keys
			if keys == "" {
				keys = "(none)"
			}
			row("keys."+r.Action, keys, fromFile("keys"))
			changed++
		}
	}
	if changed == 0 {
		row("keys", "the defaults (? in the reader shows them)", "default")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(cfg.problems) > 0 {
		fmt.Fprintln(a.stdout, "\nproblems in the config file (the defaults stand for them):")
		for _, p := range cfg.problems {
			fmt.Fprintln(a.stdout, "  "+p)
		}
	}
	return nil
}

func colorSource(c string) string {
	if c != "auto" {
		return "--color"
	}
	if os.Getenv("NO_COLOR") != "" {
		return "default; NO_COLOR is set, so none"
	}
	return "default: colour on a terminal"
}

func byteCount(n int64) string {
	switch {
	case n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
