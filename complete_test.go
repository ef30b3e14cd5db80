package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// shellDrivers complete a command line as each shell does on Tab, with
// the script `samizdat completion SHELL` prints, and print what would be
// offered, one a line. The line is in $LINE; the words before the cursor,
// as the shell splits them, in the driver's own terms.
var shellDrivers = map[string][]string{
	// bash-completion's functions split the line; the script fills
	// COMPREPLY.
	"bash": {"bash", "--norc", "--noprofile", "-c", `
		. /usr/share/bash-completion/bash_completion || exit 1
		. <(samizdat completion bash) || exit 1
		compopt() { :; } # only works while bash itself completes
		COMP_LINE=$LINE; COMP_POINT=${#LINE}
		read -ra COMP_WORDS <<< "$LINE"
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		__start_samizdat
		printf '%s\n' "${COMPREPLY[@]}"`},
	// Inside zsh's completion system words holds the words as typed and
	// extendedglob is on; _describe is what would add the matches.
	"zsh": {"zsh", "-f", "-c", `
		compdef() { : }
		_describe() { [[ $1 == -V ]] && shift; print -rl -- "${(@P)2}" }
		source <(samizdat completion zsh) || exit 1
		setopt extendedglob
		words=(${(z)LINE}); CURRENT=${#words}
		_samizdat`},
	"fish": {"fish", "--no-config", "-c", `
		samizdat completion fish | source; or exit 1
		complete --do-complete "$LINE"`},
}

// TestCompletionInShells drives each shell's completion script, which
// calls the program back, for a document id and for anchors.
func TestCompletionInShells(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three shells, each running the program; runs without -short")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	if err := os.Symlink(self, filepath.Join(bin, "samizdat")); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		line string
		want map[string]string // by shell: a line among those offered
	}{
		{"samizdat read le", map[string]string{
			"bash": "lenins-fight",
			"zsh":  `lenins-fight:Lenin’s Fight Against Stalinism`,
			"fish": "lenins-fight", // one match: fish's script drops descriptions
		}},
		{"samizdat read rev#chapter-5", map[string]string{
			"bash": "rev#chapter-5-the-soviet-thermidor",
			"zsh":  `rev#chapter-5-the-soviet-thermidor:Chapter 5\: The Soviet Thermidor`,
			"fish": "rev#chapter-5-the-soviet-thermidor",
		}},
		// zsh inserts an anchor with its # escaped; completing goes on
		// from there.
		{`samizdat read rev\#chapter-5`, map[string]string{
			"zsh": `rev#chapter-5-the-soviet-thermidor:Chapter 5\: The Soviet Thermidor`,
		}},
		{"samizdat who ordz", map[string]string{
			"bash": "ordzhonikidze",
			"zsh":  `ordzhonikidze:Ordzhonikidze, Grigory Konstantinovich (1886–1937)`,
			"fish": "ordzhonikidze\tOrdzhonikidze, Grigory Konstantinovich (1886–1937)",
		}},
		{"samizdat cite lenins-fight#letter-to", map[string]string{
			"bash": "lenins-fight#letter-to-the-congress-by-v-i-lenin",
			"zsh":  `lenins-fight#letter-to-the-congress-by-v-i-lenin:Letter to the Congress, by V.I. Lenin`,
			"fish": "lenins-fight#letter-to-the-congress-by-v-i-lenin\tLetter to the Congress, by V.I. Lenin",
		}},
	}
	for shell, driver := range shellDrivers {
		t.Run(shell, func(t *testing.T) {
			if _, err := exec.LookPath(driver[0]); err != nil {
				t.Skipf("%s is not installed", driver[0])
			}
			if shell == "bash" {
				if _, err := os.Stat("/usr/share/bash-completion/bash_completion"); err != nil {
					t.Skip("the bash-completion package is not installed")
				}
			}
			for _, c := range cases {
				want, ok := c.want[shell]
				if !ok {
					continue
				}
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				cmd := exec.CommandContext(ctx, driver[0], driver[1:]...)
				cmd.Env = append(os.Environ(), "SAMIZDAT_TEST_AS_MAIN=1", "LINE="+c.line,
					"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
				var stderr strings.Builder
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				cancel()
				offered := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
				if err != nil || !slices.Contains(offered, want) {
					t.Errorf("%s: %v %s; want %q among:\n%s", c.line, err, stderr.String(), want, out)
				}
				// Only ids, or only that document's anchors.
				prefix, _, _ := strings.Cut(want, "-")
				for _, o := range offered {
					if !strings.HasPrefix(o, prefix) {
						t.Errorf("%s: offered %q", c.line, o)
					}
				}
			}
		})
	}
}

func TestCompletionNeedsAShell(t *testing.T) {
	for _, args := range [][]string{{"completion"}, {"completion", "tcsh"}, {"completion", "bash", "zsh"}} {
		out, errOut, code := runCmd(t, args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "bash, zsh, fish or powershell") {
			t.Errorf("%v: exit %d, stdout %.40q, stderr %q", args, code, out, errOut)
		}
	}
}
