//go:build unix

package state

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStateFileIsAPipe: a state file that is a named pipe is neither
// waited on nor read: Load moves it aside with a notice, Read leaves it,
// and Save moves it aside and writes the reader's state.
func TestStateFileIsAPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	f := File{Path: path, Key: "embedded"}
	if _, ok := f.Read(); ok {
		t.Error("Read read a pipe")
	}
	_, notice := f.Load()
	if want := "The state file was a named pipe, not a regular file; started afresh and moved it to " + path + ".bad."; notice != want {
		t.Errorf("notice %q\nwant   %q", notice, want)
	}
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	lib := New().Library("")
	lib.Marks["a"] = Mark{Doc: "x", Updated: time.Now()}
	_, notice, err := f.Save(lib)
	if err != nil || !strings.Contains(notice, "was a named pipe, not a regular file; moved it to "+path+".bad.1.") {
		t.Errorf("save over a pipe: %q, %v", notice, err)
	}
	if got, notice := f.Load(); notice != "" || got.Marks["a"].Doc != "x" {
		t.Errorf("after the save: %q, %+v", notice, got)
	}
	if info, err := os.Lstat(path + ".bad"); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was not moved aside: %v", err)
	}
}

// TestNoticeSanitisesPaths: a state directory whose name holds escape
// sequences reaches the status bar as symbols, not as controls.
func TestNoticeSanitisesPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x\x1b]0;pwned\x07y")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, notice := Load(path)
	if strings.ContainsAny(notice, "\x1b\x07") || !strings.Contains(notice, "moved it to") {
		t.Errorf("notice %q", notice)
	}
	if err := os.WriteFile(path, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	notice, err := Save(path, New())
	if err != nil || strings.ContainsAny(notice, "\x1b\x07") || !strings.Contains(notice, "moved it to") {
		t.Errorf("save: %q, %v", notice, err)
	}
}
