package main

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"samizdat/keymap"
)

func TestManPage(t *testing.T) {
	page, _, code := runCmd(t, "man")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, section := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "KEYS",
		"FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "COPYRIGHT"} {
		if !strings.Contains(page, "\n.SH "+section+"\n") {
			t.Errorf("no section %s", section)
		}
	}
	if n := strings.Count(page, "\n.TH "); n != 1 {
		t.Errorf("%d .TH lines: one page, not several", n)
	}
	for _, c := range []string{"list", "toc", "read", "search", "cite", "config", "completion", "man", "version"} {
		if !strings.Contains(page, "\n.SS samizdat "+c+"\n") {
			t.Errorf("command %s is missing", c)
		}
	}
	// Every action, with its keys, as the config file names them.
	for _, r := range keymap.Default().Table() {
		if !strings.Contains(page, "action \\fB"+r.Action+"\\fP") {
			t.Errorf("action %s is missing", r.Action)
		}
	}
	for _, want := range []string{
		`\fBj\fR, \fBdown\fR, \fBe\fR`, // the keys of down
		"$XDG_CONFIG_HOME/samizdat/config.toml", "$XDG_STATE_HOME/samizdat/state.json",
		"SAMIZDAT_DIR", "NO_COLOR", "XDG_CONFIG_HOME, XDG_STATE_HOME",
		`Dühring`[:0] + `D\[u00FC]hring`, // beyond ASCII, escaped
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if i := strings.IndexFunc(page, func(r rune) bool { return r > 0x7e || r < ' ' && r != '\n' && r != '\t' }); i >= 0 {
		t.Errorf("a character beyond ASCII: %q", page[i:min(i+20, len(page))])
	}
	if regexp.MustCompile(`samizdat-\w+\(1\)`).MatchString(page) {
		t.Error("the page names pages that do not exist")
	}
}

// TestManPageRenders runs the page through groff, as man does, with every
// warning on: there must be none.
func TestManPageRenders(t *testing.T) {
	if _, err := exec.LookPath("groff"); err != nil {
		t.Skip("groff is not installed")
	}
	page, _, _ := runCmd(t, "man")
	cmd := exec.Command("groff", "-ww", "-t", "-man", "-Tutf8", "-rLL=80n")
	cmd.Stdin = strings.NewReader(page)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("groff: %v\n%s", err, stderr.String())
	}
	text := regexp.MustCompile("\x1b\\[[0-9;]*m|.\b").ReplaceAllString(out.String(), "")
	for _, want := range []string{"KEYS", "FILES", "j, down, e, ctrl+e, ctrl+n", "down a line; action down"} {
		if !strings.Contains(text, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
}
