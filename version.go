package main

import (
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is the release, stamped when one is built:
//
//	go build -ldflags "-X main.version=1.2.0"
//
// Without it the version comes from what Go records in the binary: the
// module's version when it was installed as a module, and the revision of
// the checkout it was built from.
var version string

// buildVersion says which samizdat this is: the release or the module's
// version ("devel" when there is neither), then the revision and its date
// when Go recorded them.
func buildVersion(release string, info *debug.BuildInfo) string {
	v := release
	if v == "" && info != nil && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	if v == "" {
		v = "devel"
	}
	var rev, when string
	modified := false
	if info != nil {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if rev == "" {
		return v
	}
	var details []string
	details = append(details, "revision "+rev[:min(len(rev), 12)])
	if modified {
		details[0] += " with local changes"
	}
	if when != "" {
		details = append(details, when)
	}
	return v + " (" + strings.Join(details, ", ") + ")"
}

// currentVersion is this binary's version, as --version and the version
// command print it.
func currentVersion() string {
	info, _ := debug.ReadBuildInfo()
	return buildVersion(version, info)
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version: the release, or the revision it was built from",
		Long: `Print samizdat's version, as --version does: the release, or the module's
version, then the revision of the source it was built from and that
revision's date, where the build recorded them ("with local changes" when
the checkout had changes not committed). A build of a checkout records the
revision unless -buildvcs=false is set (go env GOFLAGS says).`,
		Example: `  samizdat version
  samizdat --version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := cmd.OutOrStdout().Write([]byte("samizdat " + currentVersion() + "\n"))
			return err
		},
	}
}
