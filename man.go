package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/cpuguy83/go-md2man/v2/md2man"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"samizdat/keymap"
)

// manCmd writes the manual page, samizdat(1): written as Markdown from the
// command definitions (the text --help shows) and the default keymap,
// then turned into roff by go-md2man, as cobra's own generator does.
func (a *app) manCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page, samizdat(1), in roff",
		Long: `Print the manual page, samizdat(1): every command and flag, as --help
shows them, the keys of the reader, the files, the environment, the exit
status and examples.`,
		Example: `  samizdat man | man -l -
  samizdat man > ~/.local/share/man/man1/samizdat.1
  samizdat man | gzip > /usr/local/share/man/man1/samizdat.1.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			page := md2man.Render([]byte(manPage(root, keymap.Default(), thisBuild())))
			_, err := io.WriteString(a.stdout, roffASCII(string(page)))
			return err
		},
	}
}

// manPage is the manual page in the Markdown that go-md2man reads.
func manPage(root *cobra.Command, keys keymap.Map, b build) string {
	var md strings.Builder
	date := ""
	if !b.time.IsZero() {
		date = b.time.UTC().Format("January 2006")
	}
	fmt.Fprintf(&md, "%% %q %q %q %q %q\n\n", "SAMIZDAT", "1", date, "samizdat "+b.version, "User Commands")

	md.WriteString("# NAME\n\nsamizdat - " + strings.ToLower(root.Short[:1]) + root.Short[1:] + "\n\n")

	commands := manCommands(root)
	md.WriteString("# SYNOPSIS\n\n")
	for i, c := range commands {
		if i > 0 {
			md.WriteString("  \n") // a line break
		}
		md.WriteString(synopsis(c))
	}
	md.WriteString("\n\n# DESCRIPTION\n\n" + mdText(root.Long) + "\n\n")

	md.WriteString("# OPTIONS\n\nThese apply to every command:\n\n")
	writeFlags(&md, root.PersistentFlags())
	md.WriteString("These to the reader:\n\n")
	writeFlags(&md, root.LocalNonPersistentFlags())

	md.WriteString("# COMMANDS\n\n")
	for _, c := range commands[1:] {
		md.WriteString("### " + c.CommandPath() + "\n\n")
		md.WriteString(synopsis(c) + "\n\n")
		long := c.Long
		if long == "" {
			long = c.Short + "."
		}
		md.WriteString(mdText(long) + "\n\n")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				fmt.Fprintf(&md, "**%s**\n: %s\n\n", mdText(sub.Name()), mdText(sub.Short))
			}
		}
		writeFlags(&md, c.LocalNonPersistentFlags())
		if c.Example != "" {
			// A paragraph of its own ends the list of flags, which would
			// otherwise take in the examples as part of its last entry.
			md.WriteString("Examples:\n\n```\n" + strings.TrimRight(c.Example, "\n") + "\n```\n\n")
		}
	}

	md.WriteString("# KEYS\n\n")
	md.WriteString(manKeysIntro + "\n\n")
	group := ""
	for _, r := range keys.Table() {
		if r.Group != group {
			group = r.Group
			md.WriteString("### " + mdText(group) + "\n\n")
		}
		names := "(none)"
		if r.Keys != "" {
			var spans []string
			for _, k := range strings.Fields(r.Keys) {
				spans = append(spans, codeSpan(k))
			}
			names = strings.Join(spans, ", ")
		}
		fmt.Fprintf(&md, "%s\n: %s; action **%s**\n\n", names, mdText(r.Help), r.Action)
	}

	md.WriteString(manRest)
	return md.String()
}

// manCommands is the root and the commands a user can run, in the order
// --help lists them.
func manCommands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && c.Name() != "help" {
			out = append(out, c)
		}
	}
	return out
}

// synopsis is a command's usage line: its path in bold, its arguments,
// and its own flags.
func synopsis(c *cobra.Command) string {
	s := "**" + c.CommandPath() + "**"
	if _, args, ok := strings.Cut(c.Use, " "); ok {
		s += " " + mdText(args)
	}
	if c.HasParent() && c.HasAvailableSubCommands() {
		var names []string
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				names = append(names, sub.Name())
			}
		}
		s += " " + strings.Join(names, "|")
	}
	c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		s += " \\[**--" + f.Name + "**"
		if placeholder := flagValue(f); placeholder != "" {
			s += " *" + placeholder + "*"
		}
		s += "\\]"
	})
	return s
}

// writeFlags writes flags as a list of terms.
func writeFlags(md *strings.Builder, flags *pflag.FlagSet) {
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		term := "**--" + f.Name + "**"
		if f.Shorthand != "" {
			term = "**-" + f.Shorthand + "**, " + term
		}
		if placeholder := flagValue(f); placeholder != "" {
			term += " *" + placeholder + "*"
		}
		usage := f.Usage
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			usage += fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintf(md, "%s\n: %s\n\n", term, mdText(usage))
	})
}

// flagValue names what a flag takes, as --help does: "string", "int";
// "" for a switch.
func flagValue(f *pflag.Flag) string {
	name, _ := pflag.UnquoteUsage(f)
	if f.Value.Type() == "bool" {
		return ""
	}
	return name
}

// mdSpecial is what Markdown could read as markup in the commands' plain
// text; the start of a line is handled by mdText.
var mdSpecial = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`)

// mdLineStart is the start of a line that Markdown would read as a
// heading, a quotation, a list item, a definition or a title.
var mdLineStart = regexp.MustCompile(`(?m)^(\s*)([#:%+-]|\d+\.)`)

// mdText escapes plain text for Markdown, so it reads as itself.
func mdText(s string) string {
	return mdLineStart.ReplaceAllString(mdSpecial.Replace(s), `$1\$2`)
}

// roffASCII writes each character beyond ASCII as a roff escape (\[u00FC]),
// so the page reads the same whatever encoding troff assumes.
func roffASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, `\[u%04X]`, r)
	}
	return b.String()
}

// codeSpan writes a key as code, whatever backticks it holds.
func codeSpan(k string) string {
	if strings.Contains(k, "`") {
		return "`` " + k + " ``"
	}
	return "`" + k + "`"
}

const manKeysIntro = `The keys of the reader, as they are unless the config file changes them;
? in the reader shows the keys in effect. After each is what it does and
its action, the name the \[keys\] table of the config file knows it by.
A number typed before a move repeats it (5j); before % it is a
percentage (50%).`

// manRest is what the command definitions do not say: files, environment,
// exit status, examples and the terms of the texts.
const manRest = `# FILES

$XDG_CONFIG_HOME/samizdat/config.toml
: The config file, in TOML: **theme**, **width**, **library**, **max_size**
and a **\[keys\]** table that binds any action named under KEYS to a key or a
list of keys. Without XDG_CONFIG_HOME it is ~/.config/samizdat/config.toml,
on macOS too. **--config** reads another file instead. A setting that is
wrong is reported with its line, and its default used.

$XDG_STATE_HOME/samizdat/state.json
: Where each work was left, which work is open, and the marks, for the
built-in library and each folder read. Without XDG_STATE_HOME it is
~/.local/state/samizdat/state.json. It is written whole or not at all,
under a lock (state.json.lock), merged with what another reader saved; a
file that cannot be read is moved aside to state.json.bad.

$XDG_DATA_HOME/samizdat/notes.json
: The passages you kept and the notes you wrote on them, for each library.
Without XDG_DATA_HOME it is ~/.local/share/samizdat/notes.json. It has the
state file's guarantees: written whole, under a lock, merged with another
reader's; a damaged file is moved aside to notes.json.bad, never
overwritten, and every note that can be read from it is kept.
**samizdat notes** prints them.

An example config file:

` + "```" + `
theme = "dark"
width = 90
library = "~/notes"
max_size = "64 MiB"

[keys]
down = ["j", "down"]
quit = "x"
` + "```" + `

# ENVIRONMENT

SAMIZDAT_DIR
: A folder of Markdown and text files to read instead of the built-in
library; **--dir** wins over it, and it over the config file's **library**.

NO_COLOR
: When set and not empty, no colour: the reader keeps bold and reverse
video, and the commands print plain text. **--color always** wins.

XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME
: Where the config file, the state file and the notes file are, as under
FILES. A value
that is not an absolute path is ignored.

HOME
: The home directory, for the defaults of the three above and for a leading
~ in paths of the config file. With neither HOME nor XDG_STATE_HOME the
reader does not start, and says why.

TERM, COLORTERM
: How many colours the terminal shows.

TMUX, STY
: Inside tmux a citation copied with c also goes into tmux's paste buffer;
inside GNU screen it is passed through to the terminal.

# EXIT STATUS

**0**
: Success.

**1**
: A search found nothing.

**2**
: A usage or input error: an unknown command, flag, document or anchor; a
bad value; a config file named by **--config** that is not there; a folder
that cannot be read; no home directory for the reader's state.

# EXAMPLES

Open the reader where you left it, or a work at a section:

` + "```" + `
samizdat
samizdat rev#soviet-thermidor
` + "```" + `

Read a work in your pager, search the library, cite a section:

` + "```" + `
samizdat read rise --plain | less
samizdat search "socialism in one country" --doc rev
samizdat cite lenins-fight#letter-to-the-congress
` + "```" + `

Print the passages you kept, with their citations and your notes, for a
notes vault, or as JSON for a script:

` + "```" + `
samizdat notes revolution-betrayed > ~/vault/revolution-betrayed.md
samizdat notes --format json | jq -r '.notes[].citation'
` + "```" + `

Read a folder of your own notes, and see what the config says:

` + "```" + `
samizdat --dir ~/notes
samizdat --dir ~/notes config
` + "```" + `

Install the page and the completions for your shell:

` + "```" + `
samizdat man > ~/.local/share/man/man1/samizdat.1
samizdat completion zsh > "${fpath[1]}/_samizdat"
` + "```" + `

# COPYRIGHT

samizdat's code is under the MIT licence. The five works of the built-in
library keep the rights of their authors, translators and publishers;
**samizdat list --sources**, and SOURCES.md beside the program, say where
each text comes from.
`
