package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manCmd writes the manual page, made from the same definitions as
// --help: samizdat man > samizdat.1 && man ./samizdat.1
func (a *app) manCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff), made from the same text as --help",
		Example: `  samizdat man > samizdat.1 && man ./samizdat.1
  samizdat man | gzip > /usr/local/share/man/man1/samizdat.1.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			root.DisableAutoGenTag = true
			// The root's page, then one for each command, in one file.
			for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
				if !c.IsAvailableCommand() && c != root {
					continue
				}
				header := &doc.GenManHeader{Title: "SAMIZDAT", Section: "1", Source: "samizdat " + currentVersion(), Manual: "User Commands"}
				if err := doc.GenMan(c, header, a.stdout); err != nil {
					return err
				}
			}
			return nil
		},
	}
}
