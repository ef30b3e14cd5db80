//go:build unix

package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadDirSwappedForPipe: a document that becomes a named pipe after the
// folder was listed is an error of that document, said at once, and the
// rest of the library reads and searches as before; a pipe there at the
// listing is skipped.
func TestLoadDirSwappedForPipe(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.md": "# A\n\nThermidor.\n", "b.md": "# B\n\nThermidor too.\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "listed-as-pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, notices, err := LoadDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(notices) != 1 || notices[0].Path != "listed-as-pipe.md" || !strings.Contains(notices[0].Message, "not a regular file") {
		t.Errorf("notices %v", notices)
	}
	b := filepath.Join(dir, "b.md")
	if err := os.Remove(b); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(b, 0o644); err != nil {
		t.Fatal(err)
	}
	errs := lib.LoadAll()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "b.md: a named pipe, not a regular file") {
		t.Fatalf("errors %v", errs)
	}
	if strings.Contains(errs[0].Error(), dir) {
		t.Errorf("the error repeats the folder's path: %v", errs[0])
	}
	res := NewIndex(lib).Search(Query{Text: "thermidor", Doc: -1}, nil)
	if res.Total() != 1 {
		t.Errorf("%d matches, want the one in a.md", res.Total())
	}
}
