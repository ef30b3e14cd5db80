//go:build unix

package regular

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("twelve bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	fileLink := filepath.Join(dir, "file-link")
	if err := os.Symlink(file, fileLink); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		limit      int64
		want       string // the text read, or what the error says
		notRegular bool
		tooLarge   bool
	}{
		{name: "a file", path: file, limit: 12, want: "twelve bytes"},
		{name: "a link to a file", path: fileLink, limit: 100, want: "twelve bytes"},
		{name: "a file over the limit", path: file, limit: 11, want: "too large (12 bytes)", tooLarge: true},
		{name: "a named pipe with no writer", path: fifo, limit: 100, want: "a named pipe, not a regular file", notRegular: true},
		{name: "a link to a named pipe", path: link, limit: 100, want: "a named pipe", notRegular: true},
		{name: "a device that never ends", path: "/dev/zero", limit: 100, want: "a device", notRegular: true},
		{name: "a folder", path: dir, limit: 100, want: "a folder", notRegular: true},
		{name: "nothing there", path: filepath.Join(dir, "none"), limit: 100, want: "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := ReadFile(tt.path, tt.limit)
			if err == nil {
				if string(data) != tt.want {
					t.Errorf("read %q, want %q", data, tt.want)
				}
				return
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to say %q", err, tt.want)
			}
			if got := errors.Is(err, ErrNotRegular); got != tt.notRegular {
				t.Errorf("errors.Is(err, ErrNotRegular) = %v", got)
			}
			var tl *TooLargeError
			if got := errors.As(err, &tl); got != tt.tooLarge {
				t.Errorf("a *TooLargeError: %v", got)
			}
		})
	}
}

// TestOpenPipeWithWriter: a pipe is refused even when something is ready
// to write into it.
func TestOpenPipeWithWriter(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.WriteString("data"); err != nil {
		t.Fatal(err)
	}
	if f, err := Open(fifo); !errors.Is(err, ErrNotRegular) {
		if f != nil {
			f.Close()
		}
		t.Errorf("opened a pipe with a writer: %v", err)
	}
}
