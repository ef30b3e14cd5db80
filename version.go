package main

import (
	"runtime/debug"
	"strings"
	"time"

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

// build is what this binary knows of where it came from.
type build struct {
	version  string    // the release, or the module's version, or "devel"
	revision string    // the commit built, "" when not recorded
	time     time.Time // the commit's time, zero when not recorded
	modified bool      // the checkout had changes not committed
}

// readBuild reads the version and the revision from the release stamped
// and the build information Go recorded (info may be nil).
func readBuild(release string, info *debug.BuildInfo) build {
	b := build{version: release}
	if b.version == "" && info != nil && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.version = info.Main.Version
	}
	if b.version == "" {
		b.version = "devel"
	}
	if info == nil {
		return b
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.revision = s.Value
		case "vcs.time":
			b.time, _ = time.Parse(time.RFC3339, s.Value)
		case "vcs.modified":
			b.modified = s.Value == "true"
		}
	}
	return b
}

// String is the version, then the revision and its date where Go
// recorded them: "1.2.0 (revision 2f54d8f1c3a2, 2026-12-01T10:27:00Z)".
func (b build) String() string {
	if b.revision == "" {
		return b.version
	}
	details := []string{"revision " + b.revision[:min(len(b.revision), 12)]}
	if b.modified {
		details[0] += " with local changes"
	}
	if !b.time.IsZero() {
		details = append(details, b.time.UTC().Format(time.RFC3339))
	}
	return b.version + " (" + strings.Join(details, ", ") + ")"
}

// thisBuild is this binary's build.
func thisBuild() build {
	info, _ := debug.ReadBuildInfo()
	return readBuild(version, info)
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
			_, err := cmd.OutOrStdout().Write([]byte("samizdat " + thisBuild().String() + "\n"))
			return err
		},
	}
}
