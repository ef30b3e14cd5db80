package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"samizdat/corpus/corpustest"
	"samizdat/state"
)

// runCmd runs the command line with args; stdout is a buffer, so not a
// terminal: output is plain.
func runCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestList(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir()) // nothing read yet
	out, _, code := runCmd(t, "list")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("list printed %d lines:\n%s", len(lines), out)
	}
	if !strings.HasPrefix(lines[0], "1  revolution-betrayed") || !strings.Contains(lines[0], "Leon Trotsky") || !strings.Contains(lines[0], "words") {
		t.Errorf("first line = %q", lines[0])
	}
}

// TestListProgress: list says how far each work was read, as the state
// file keeps it, a figure of an older file counted only as far as where
// the work was left.
func TestListProgress(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	lib := state.New().Library("embedded")
	lib.Readings["lenins-fight"] = state.Reading{Position: state.Position{Offset: 0}, Percent: 100} // G, then back: an old file
	lib.Readings["rise-of-stalinism"] = state.Reading{Position: state.Position{Offset: 0}, Percent: 37.5, ByReading: true}
	if _, _, err := (state.File{Path: filepath.Join(dir, "samizdat", "state.json"), Key: "embedded"}).Save(lib); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "list")
	if code != exitOK || strings.ContainsAny(out, "\x1b") {
		t.Fatalf("exit %d:\n%q", code, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, want := range []string{"words", "words  0% read", "words  37% read", "words", "words"} {
		if !strings.HasSuffix(lines[i], want) {
			t.Errorf("line %d = %q, want it to end %q", i+1, lines[i], want)
		}
	}
}

func TestListSources(t *testing.T) {
	out, _, code := runCmd(t, "list", "--sources")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"1  revolution-betrayed  The Revolution Betrayed\n   author:     Leon Trotsky\n   translator: Max Eastman\n",
		"   editor:     Russell Block\n   publisher:  Pathfinder Press, New York\n   year:       1975\n   source:     The OCR text",
		"SOURCES.md",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("list --sources lacks %q:\n%s", want, out)
		}
	}
	if blocks := strings.Count(out, "\n\n"); blocks != 5 {
		t.Errorf("%d blank lines, want one after each of the five works", blocks)
	}
}

func TestTOCJSON(t *testing.T) {
	out, _, code := runCmd(t, "toc", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var docs []tocJSON
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("%d documents", len(docs))
	}
	for _, d := range docs {
		if d.ID == "" || d.Title == "" || len(d.Headings) < 5 {
			t.Errorf("%+v", d)
		}
		pages := 0
		for _, h := range d.Headings {
			if h.Page != "" {
				pages++
			}
		}
		if (d.ID == "lenins-fight") != (pages > 0) {
			t.Errorf("%s: %d headings with a page", d.ID, pages)
		}
	}
	if !strings.Contains(out, `"title": "Chapter 5: The Soviet Thermidor"`) {
		t.Error("no Chapter 5 in the JSON")
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		args       []string
		code       int
		out, error string
	}{
		{args: []string{"read", "rev#soviet-thermidor"}, out: "Chapter 5: The Soviet Thermidor\n\n1. Why Stalin Triumphed\n"},
		{args: []string{"read", "3", "--plain"}, out: "The Rise of Stalinism\nTed Grant, 1997\n\n"},
		{args: []string{"revolution-betrayed#appendix"}, out: "Appendix: “Socialism in One Country”"},
		{args: []string{"read", "nosuch"}, code: exitUsage, error: `no document "nosuch"`},
		{args: []string{"read", "revolution-betrayd"}, code: exitUsage, error: "did you mean revolution-betrayed?"},
		{args: []string{"read", "rev#thermidor"}, code: exitUsage, error: "ambiguous"},
		{args: []string{"read", "rev#nothing-like-it"}, code: exitUsage, error: `no anchor "nothing-like-it"`},
		{args: []string{"read"}, code: exitUsage, error: "accepts 1 arg"},
		{args: []string{"--no-such-flag"}, code: exitUsage, error: "unknown flag"},
	}
	for _, tt := range tests {
		out, errOut, code := runCmd(t, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.code, errOut)
		}
		if !strings.Contains(out, tt.out) || tt.error != "" && !strings.Contains(errOut, tt.error) {
			t.Errorf("%v: stdout %.200q, stderr %q; want %q, %q", tt.args, out, errOut, tt.out, tt.error)
		}
		if strings.Contains(out, "\x1b") {
			t.Errorf("%v: an escape sequence in plain output", tt.args)
		}
	}
}

func TestSearch(t *testing.T) {
	out, _, code := runCmd(t, "search", "thermidor", "--limit", "2")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "revolution-betrayed#") || !strings.Contains(strings.ToLower(lines[0]), "thermidor") {
		t.Errorf("search printed:\n%s", out)
	}

	out, _, code = runCmd(t, "search", "Dühring", "--json")
	var res searchJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitOK {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if res.Total == 0 || res.Total != len(res.Hits) || res.Hits[0].Doc == "" || res.Hits[0].Section == "" {
		t.Errorf("%+v", res)
	}

	out, _, _ = runCmd(t, "search", "the", "--json", "--limit", "3")
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Hits) != 3 || res.Total < 1000 {
		t.Errorf("--limit 3: %d hits of %d, %v", len(res.Hits), res.Total, err)
	}

	out, _, code = runCmd(t, "search", "socialism in one country", "--doc", "rise")
	if code != exitOK || strings.Contains(out, "revolution-betrayed#") {
		t.Errorf("--doc rise: exit %d\n%s", code, out)
	}

	if out, _, code := runCmd(t, "search", "zzyzzx"); code != exitNotFound || out != "" {
		t.Errorf("no match: exit %d, %q", code, out)
	}
}

func TestCite(t *testing.T) {
	out, _, code := runCmd(t, "cite", "lenins-fight#letter-to-the-congress")
	want := "V. I. Lenin and Leon Trotsky, Lenin’s Fight Against Stalinism, ed. Russell Block"
	if code != exitOK || !strings.HasPrefix(out, want) || !strings.Contains(out, "Letter to the Congress") || !strings.Contains(out, ", p. 63.") {
		t.Errorf("cite: exit %d, %q", code, out)
	}
}

func TestNotATerminal(t *testing.T) {
	_, errOut, code := runCmd(t)
	if code != exitUsage || !strings.Contains(errOut, "not a terminal") {
		t.Errorf("no DOC, piped: exit %d, %q", code, errOut)
	}
	out, _, code := runCmd(t, "rise")
	if code != exitOK || !strings.HasPrefix(out, "The Rise of Stalinism\n") {
		t.Errorf("DOC piped: exit %d, %.80q", code, out)
	}
}

// hostileDir writes the folder of broken and hostile files.
func hostileDir(t *testing.T) string {
	t.Helper()
	dir, outside := t.TempDir(), t.TempDir()
	if err := corpustest.WriteHostile(dir, outside); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestHostileFolder runs every subcommand over the folder of hostile
// files, with colour on and off: nothing panics, nothing the files hold
// reaches the output as a control, what was skipped is said on stderr.
func TestHostileFolder(t *testing.T) {
	dir := hostileDir(t)
	max := fmt.Sprint(corpustest.BigSize - 1)
	commands := [][]string{
		{"list"},
		{"list", "--sources"},
		{"toc"},
		{"toc", "--json"},
		{"read", "escapes"},
		{"read", "escapes", "--plain"},
		{"read", "latin1"},
		{"read", "0-name-title"},
		{"search", "thermidor"},
		{"search", "thermidor", "--json"},
		{"search", "pwned"},
		{"cite", "escapes"},
		{"escapes"},
		{"config"},
	}
	for _, color := range []string{"never", "always"} {
		for _, c := range commands {
			args := append([]string{"--dir", dir, "--max-size", max, "--color", color}, c...)
			out, errOut, code := runCmd(t, args...)
			if code == exitUsage {
				t.Errorf("%v: exit %d: %s", c, code, errOut)
			}
			for _, esc := range corpustest.Escapes {
				if strings.Contains(out, esc) || strings.Contains(errOut, esc) {
					t.Errorf("%v --color %s: %q reached the output", c, color, esc)
				}
			}
			if color == "never" && strings.Contains(out, "\x1b") {
				t.Errorf("%v --color never: an escape sequence in the output", c)
			}
			if c[0] == "list" && (!strings.Contains(errOut, "binary.md: a binary file") || !strings.Contains(errOut, "loop: leads back")) {
				t.Errorf("list: stderr does not say what was skipped:\n%s", errOut)
			}
		}
	}
}

// TestWarnsOnce: what was wrong with a file is said once, however often
// a command reads it.
func TestWarnsOnce(t *testing.T) {
	dir := hostileDir(t)
	_, errOut, _ := runCmd(t, "--dir", dir, "read", "latin1")
	if n := strings.Count(errOut, "latin1.txt: invalid UTF-8"); n != 1 {
		t.Errorf("the warning was said %d times:\n%s", n, errOut)
	}
}

func TestFolderErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file.md")
	os.WriteFile(file, []byte("# x\n"), 0o644)
	for _, tt := range []struct{ dir, want string }{
		{filepath.Join(t.TempDir(), "missing"), "no folder"},
		{file, "is a file, not a folder"},
		{t.TempDir(), "no Markdown or text files"},
	} {
		_, errOut, code := runCmd(t, "--dir", tt.dir, "list")
		if code != exitUsage || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("--dir %s: exit %d, %q; want one line saying %q", tt.dir, code, errOut, tt.want)
		}
	}
	t.Setenv("SAMIZDAT_DIR", filepath.Join(t.TempDir(), "gone"))
	if _, errOut, code := runCmd(t, "list"); code != exitUsage || !strings.Contains(errOut, "no folder") {
		t.Errorf("SAMIZDAT_DIR: exit %d, %q", code, errOut)
	}
}

func TestColorFlag(t *testing.T) {
	if _, errOut, code := runCmd(t, "--color", "sometimes", "list"); code != exitUsage || !strings.Contains(errOut, "--color must be") {
		t.Errorf("bad --color: exit %d, %q", code, errOut)
	}
	out, _, _ := runCmd(t, "--color", "always", "search", "thermidor", "--limit", "1")
	if !strings.Contains(out, "\x1b[") {
		t.Errorf("--color always, piped: no styling in %q", out)
	}
}

func TestCompletion(t *testing.T) {
	out, _, _ := runCmd(t, "__complete", "read", "rev#chapter-5")
	if !strings.HasPrefix(out, "rev#chapter-5-the-soviet-thermidor\tChapter 5: The Soviet Thermidor\n") {
		t.Errorf("anchor completion: %q", out)
	}
	out, _, _ = runCmd(t, "__complete", "read", "le")
	if !strings.HasPrefix(out, "lenins-fight\t") {
		t.Errorf("id completion: %q", out)
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		if out, _, code := runCmd(t, "completion", shell); code != exitOK || len(out) < 100 {
			t.Errorf("completion %s: exit %d, %d bytes", shell, code, len(out))
		}
	}
}

func TestMan(t *testing.T) {
	out, _, code := runCmd(t, "man")
	if code != exitOK || !strings.HasPrefix(out, ".nh\n.TH \"SAMIZDAT\" \"1\"") || !strings.Contains(out, "\n.SS samizdat search\n") {
		t.Errorf("man: exit %d, %.200q", code, out)
	}
}

func TestHelpOfEveryCommand(t *testing.T) {
	for _, c := range []string{"list", "toc", "read", "search", "who", "cite", "config", "man", "completion"} {
		out, _, code := runCmd(t, c, "--help")
		if code != exitOK || !strings.Contains(out, "Usage:") || c != "completion" && !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help: exit %d\n%s", c, code, out)
		}
	}
}

// fullDisk is an output that takes nothing, as /dev/full.
type fullDisk struct{ writes int }

func (f *fullDisk) Write(p []byte) (int, error) {
	f.writes++
	return 0, syscall.ENOSPC
}

// TestWriteErrors: every command whose output cannot be written says so
// and exits 2, having stopped writing at the first failure.
func TestWriteErrors(t *testing.T) {
	for _, args := range [][]string{
		{"list"}, {"toc"}, {"toc", "--json"}, {"read", "rev#soviet-thermidor"}, {"search", "thermidor"},
		{"search", "thermidor", "--json"}, {"who"}, {"who", "zinoviev"}, {"who", "zinoviev", "--json"}, {"cite", "rev"}, {"config"}, {"completion", "bash"}, {"man"}, {"--help"},
		{"rev"}, {"notes", "--format", "json"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out fullDisk
			var errOut bytes.Buffer
			code := run(args, &out, &errOut)
			if code != exitUsage || errOut.String() != "samizdat: could not write the output: no space left on device\n" {
				t.Errorf("exit %d, stderr %q", code, errOut.String())
			}
			if out.writes != 1 {
				t.Errorf("%d writes, want the first only", out.writes)
			}
		})
	}
}

// TestBadSettings: out-of-range flags and shells are usage errors that
// name what is allowed.
func TestBadSettings(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{[]string{"read", "rev", "--width", "-5"}, "samizdat: --width must be between 20 and 500 columns (or 0 for the default), not -5\n"},
		{[]string{"--width", "100000", "rev"}, "samizdat: --width must be between 20 and 500 columns (or 0 for the default), not 100000\n"},
		{[]string{"--max-size", "1e30 GiB", "list"}, "samizdat: --max-size: \"1e30 GiB\" is more than 1 GiB, the largest file that can be read\n"},
		{[]string{"completion", "tcsh"}, "samizdat: no completion for \"tcsh\": the shells are bash, zsh, fish or powershell\n"},
		{[]string{"completion"}, "samizdat: completion needs a shell: bash, zsh, fish or powershell\n"},
		{[]string{"completion", "bash", "zsh"}, "samizdat: completion takes one shell, not 2: bash, zsh, fish or powershell\n"},
		{[]string{"read", "no\x1b]0;title\x07such"}, "samizdat: no document \"no\\x1b]0;title\\asuch\""},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			config := filepath.Join(t.TempDir(), "empty.toml")
			if err := os.WriteFile(config, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			_, errOut, code := runCmd(t, append([]string{"--config", config, "--dir", ""}, tt.args...)...)
			if code != exitUsage || !strings.HasPrefix(errOut, tt.err) || strings.ContainsAny(errOut, "\x1b\x07") {
				t.Errorf("exit %d, stderr %q, want %q", code, errOut, tt.err)
			}
		})
	}
}

// TestConfigPrintsPathsClean: `samizdat config` shows paths from the
// environment with symbols for their controls.
func TestConfigPrintsPathsClean(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", filepath.Join(t.TempDir(), "x\x1b]0;pwned\x07"))
	t.Setenv("SAMIZDAT_DIR", "/books\x1b[2J")
	config := filepath.Join(t.TempDir(), "c\x1b]0;t\x07.toml")
	if err := os.WriteFile(config, []byte("width = 72\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "--config", config, "config")
	if code != exitOK || strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "x␛]0;pwned␇/samizdat/state.json") || !strings.Contains(out, "/books␛[2J") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
