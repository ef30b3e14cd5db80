package main

import (
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
