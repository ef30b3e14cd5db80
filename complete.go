package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"samizdat/corpus"
)

// completionCmd writes a shell's completion script. The scripts ask the
// program itself what to complete (cobra's __complete), so they offer the
// library's ids and, after a #, the document's anchors.
func (a *app) completionCmd(root *cobra.Command) *cobra.Command {
	scripts := map[string]func(io.Writer) error{
		"bash":       func(w io.Writer) error { return root.GenBashCompletionV2(w, true) },
		"zsh":        func(w io.Writer) error { return zshCompletion(root, w) },
		"fish":       func(w io.Writer) error { return root.GenFishCompletion(w, true) },
		"powershell": func(w io.Writer) error { return root.GenPowerShellCompletionWithDesc(w) },
	}
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell's completion script: commands, flags, ids and anchors",
		Long: `Print the completion script for a shell. It completes commands, flags,
the library's document ids and, after DOC#, the document's anchors, and the
names 'samizdat who' knows.

bash needs the bash-completion package (version 2). zsh needs compinit in
~/.zshrc; anchors are offered with the # escaped (rev\#soviet-thermidor), so
they work under extendedglob.`,
		Example: `  samizdat completion bash > ~/.local/share/bash-completion/completions/samizdat
  samizdat completion zsh > "${fpath[1]}/_samizdat"
  samizdat completion fish > ~/.config/fish/completions/samizdat.fish`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args: func(cmd *cobra.Command, args []string) error {
			const shells = "bash, zsh, fish or powershell"
			switch {
			case len(args) == 0:
				return usageError{errors.New("completion needs a shell: " + shells)}
			case len(args) > 1:
				return usageError{fmt.Errorf("completion takes one shell, not %d: %s", len(args), shells)}
			case scripts[args[0]] == nil:
				return usageError{fmt.Errorf("no completion for %q: the shells are %s", args[0], shells)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return scripts[args[0]](a.stdout)
		},
	}
}

// zshCompletion is cobra's zsh script, changed so that a # survives:
// the script hands the words typed to the program through eval, and
// zsh's completion runs with extendedglob, where an unquoted # is a glob
// operator and rev#soviet drops out of the words as a pattern that matches
// no file. Each # is escaped (once, even if typed escaped) before the eval.
func zshCompletion(root *cobra.Command, w io.Writer) error {
	var script bytes.Buffer
	if err := root.GenZshCompletion(&script); err != nil {
		return err
	}
	const request = `requestComp="${words[1]} __complete ${words[2,-1]}"`
	const escaped = `requestComp="${words[1]} __complete ${${words[2,-1]//\\\#/#}//\#/\\#}"`
	if !bytes.Contains(script.Bytes(), []byte(request)) {
		return fmt.Errorf("zsh completion: cobra's script no longer holds %s", request)
	}
	_, err := w.Write(bytes.Replace(script.Bytes(), []byte(request), []byte(escaped), 1))
	return err
}

// completeDocs completes a DOC[#ANCHOR] argument: the ids of the library,
// and once an id and a # are typed, that document's anchors. Shell
// completion scripts come from `samizdat completion bash|zsh|fish`.
func (a *app) completeDocs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return a.docCompletions(toComplete, true), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

// completeDocIDs completes a document id alone, as --doc takes it.
func (a *app) completeDocIDs(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return a.docCompletions(toComplete, false), cobra.ShellCompDirectiveNoFileComp
}

func (a *app) docCompletions(toComplete string, anchors bool) []string {
	lib, err := a.library()
	if err != nil {
		return nil
	}
	ref, anchor, hasAnchor := strings.Cut(toComplete, "#")
	if !hasAnchor || !anchors {
		var out []string
		for _, d := range lib.Docs {
			if strings.HasPrefix(d.ID, ref) {
				out = append(out, d.ID+"\t"+d.Title)
			}
		}
		return out
	}
	d, err := lib.Find(ref)
	if err != nil || d.Load() != nil {
		return nil
	}
	var out []string
	for _, h := range d.Outline {
		if strings.HasPrefix(h.Anchor, anchor) {
			out = append(out, ref+"#"+h.Anchor+"\t"+corpus.SanitizeLine(h.Title))
		}
	}
	return out
}

// completePeople completes NAME: the surnames of the index, in the case
// the reader began typing them.
func (a *app) completePeople(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	lib, err := a.library()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	people := lib.People()
	var out []string
	seen := map[string]bool{}
	typed := strings.ToLower(toComplete)
	for _, p := range people.All() {
		for _, name := range completableNames(p) {
			folded := strings.ToLower(name)
			if seen[folded] || !strings.HasPrefix(folded, typed) || len(toComplete) > len(name) {
				continue
			}
			seen[folded] = true
			desc := withDates(p)
			if n := len(people.Lookup(name)); n > 1 {
				desc = fmt.Sprintf("%d people", n)
			}
			out = append(out, toComplete+name[len(toComplete):]+"\t"+corpus.SanitizeLine(desc))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completableNames are the names of p a shell completes: the surname, then
// the other spellings of it the works use that are one word and no
// possessive (Ordjonikidze, Sergo).
func completableNames(p corpus.Person) []string {
	names := []string{p.Short}
	for _, v := range p.Variants {
		if strings.ContainsAny(v, " .") || strings.HasSuffix(v, "’s") || strings.HasSuffix(v, "'s") ||
			strings.EqualFold(v, p.Short) || slices.Contains(names, v) {
			continue
		}
		names = append(names, v)
	}
	return names
}
