package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"samizdat/corpus"
)

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

// shells are the shells `completion` writes a script for.
var shells = []string{"bash", "zsh", "fish"}

// completionCmd writes a shell's completion script; the scripts ask the
// program itself (`samizdat __complete`) for ids and anchors.
func (a *app) completionCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish",
		Short: "Print a shell completion script",
		Long: `Print the completion script of a shell: bash, zsh or fish. With it the shell
completes commands, flags, document ids and, after DOC#, the anchors of the
document's sections.`,
		Example: `  source <(samizdat completion bash)
  samizdat completion zsh > "${fpath[1]}/_samizdat"
  samizdat completion fish > ~/.config/fish/completions/samizdat.fish`,
		ValidArgs: shells,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usageError{errors.New("completion needs a shell: bash, zsh or fish")}
			case len(args) > 1:
				return usageError{fmt.Errorf("completion takes one shell, not %d: bash, zsh or fish", len(args))}
			case !slices.Contains(shells, args[0]):
				return usageError{fmt.Errorf("no completion for %q: the shells are bash, zsh and fish", args[0])}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(a.stdout, true)
			case "zsh":
				return root.GenZshCompletion(a.stdout)
			}
			return root.GenFishCompletion(a.stdout, true)
		},
	}
}
