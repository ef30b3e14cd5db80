package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestReadBuild(t *testing.T) {
	vcs := func(settings ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(settings); i += 2 {
			out = append(out, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return out
	}
	rev := "2f54d8f1c3a2b4e5f60718293a4b5c6d7e8f9012"
	for _, tt := range []struct {
		name    string
		release string
		info    *debug.BuildInfo
		want    string
	}{
		{"no build information", "", nil, "devel"},
		{"a build outside a checkout", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{"a checkout", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-12-01T10:27:00Z", "vcs.modified", "false")},
			"devel (revision 2f54d8f1c3a2, 2026-12-01T10:27:00Z)"},
		{"a checkout with changes", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-12-01T10:27:00Z", "vcs.modified", "true")},
			"devel (revision 2f54d8f1c3a2 with local changes, 2026-12-01T10:27:00Z)"},
		{"the module's version", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201102700-2f54d8f1c3a2+dirty"},
			Settings: vcs("vcs.revision", rev, "vcs.modified", "true")},
			"v0.0.0-20261201102700-2f54d8f1c3a2+dirty (revision 2f54d8f1c3a2 with local changes)"},
		{"a release wins", "1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.1.0"},
			Settings: vcs("vcs.revision", rev, "vcs.time", "2026-12-01T10:27:00Z")},
			"1.2.0 (revision 2f54d8f1c3a2, 2026-12-01T10:27:00Z)"},
		{"a release without a revision", "1.2.0", &debug.BuildInfo{}, "1.2.0"},
		{"a short revision", "", &debug.BuildInfo{Settings: vcs("vcs.revision", "abc")}, "devel (revision abc)"},
	} {
		if got := readBuild(tt.release, tt.info).String(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	flag, _, code := runCmd(t, "--version")
	if code != exitOK || !strings.HasPrefix(flag, "samizdat ") || strings.Count(flag, "\n") != 1 {
		t.Fatalf("--version: exit %d, %q", code, flag)
	}
	cmd, _, code := runCmd(t, "version")
	if code != exitOK || cmd != flag {
		t.Errorf("version: exit %d, %q; --version said %q", code, cmd, flag)
	}
	if _, _, code := runCmd(t, "version", "extra"); code != exitUsage {
		t.Errorf("version extra: exit %d, want %d", code, exitUsage)
	}
}
