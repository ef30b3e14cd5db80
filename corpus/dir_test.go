package corpus

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/corpus/corpustest"
)

func hostileLib(t *testing.T) (*Library, []Notice) {
	t.Helper()
	dir, outside := t.TempDir(), t.TempDir()
	if err := corpustest.WriteHostile(dir, outside); err != nil {
		t.Fatal(err)
	}
	lib, notices, err := LoadDir(dir, DirOptions{MaxSize: corpustest.BigSize - 1})
	if err != nil {
		t.Fatal(err)
	}
	return lib, notices
}

func TestLoadDirHostile(t *testing.T) {
	lib, notices := hostileLib(t)
	var ids []string
	for _, d := range lib.Docs {
		ids = append(ids, d.ID)
	}
	// Every document is listed, by path; the ones that cannot be used are
	// not.
	want := "0-name-title bad-frontmatter escapes frontmatter good latin1 plain references sub-nested"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("documents = %s\nwant        %s", got, want)
	}
	said := map[string]string{}
	for _, n := range notices {
		said[n.Path] = n.Message
	}
	for path, want := range map[string]string{
		"binary.md":  "binary",
		"empty.md":   "empty",
		"big.txt":    "larger than",
		"loop":       "loop",
		"broken.md":  "broken link",
		"outside.md": "outside the folder",
	} {
		if !strings.Contains(said[path], want) {
			t.Errorf("notice for %s = %q, want it to say %q", path, said[path], want)
		}
	}
	for _, d := range lib.Docs {
		if err := d.Load(); err != nil {
			t.Errorf("%s: %v", d.ID, err)
			continue
		}
		for _, s := range []string{d.Title, d.Author, d.Body, d.Plain()} {
			// As the renderer shows it, its character references decoded.
			if shown := html.UnescapeString(s); strings.ContainsAny(shown, "\x1b\x07\x00\u009b\u009d\u202e") {
				t.Errorf("%s: a control survived: %q", d.ID, shown)
			}
		}
		for _, h := range d.Outline {
			if strings.ContainsAny(h.Title, "\x1b\x07") {
				t.Errorf("%s: a control in heading %q", d.ID, h.Title)
			}
		}
		if strings.ContainsAny(d.Title, "\n\t") {
			t.Errorf("%s: title %q is not one line", d.ID, d.Title)
		}
	}
	latin, _ := lib.Find("latin1")
	if !strings.Contains(latin.Plain(), "caf\ufffd") || len(latin.Warnings) == 0 {
		t.Errorf("invalid UTF-8: %q, warnings %q", latin.Plain(), latin.Warnings)
	}
	plain, _ := lib.Find("plain")
	if !strings.Contains(plain.Body, `A text file wrapped by hand.`) || !strings.Contains(plain.Body, `\*stars\*`) {
		t.Errorf("plain text: %q", plain.Body)
	}
	fm, _ := lib.Find("frontmatter")
	if fm.Title != "Two␊Lines" || fm.Author != "Someone" {
		t.Errorf("front matter: %q by %q", fm.Title, fm.Author)
	}
	refs, _ := lib.Find("references")
	if !strings.Contains(refs.Title, "Refs ␛]0;title␇") || !strings.Contains(refs.Body, "Text ␛]0;PWNED␇ and ␛]52;c;SGFja2Vk␇") {
		t.Errorf("references: %q, %.200q", refs.Title, refs.Body)
	}
	if !strings.Contains(strings.Join(refs.Warnings, "; "), "control characters") {
		t.Errorf("references: warnings %q", refs.Warnings)
	}
	nested, _ := lib.Find("sub-nested")
	if nested.Title != "Nested" {
		t.Errorf("title from the first heading: %q", nested.Title)
	}
}

func TestLoadDirLazy(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, _, err := LoadDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := lib.Docs[0]
	if d.Loaded() || d.Body != "" {
		t.Fatal("the text was read before it was needed")
	}
	if err := d.Load(); err != nil || !d.Loaded() || d.Body != "# A\n\nText." {
		t.Fatalf("Load: %v, body %q", err, d.Body)
	}
	// A file removed after the listing is an error of that document only.
	if err := os.WriteFile(filepath.Join(dir, "b.md"), []byte("# B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, _, _ = LoadDir(dir, DirOptions{})
	os.Remove(filepath.Join(dir, "b.md"))
	if err := lib.Docs[1].Load(); err == nil {
		t.Error("loading a removed file succeeded")
	}
}

func TestLoadDirErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.md")
	os.WriteFile(file, []byte("x"), 0o644)
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	for path, want := range map[string]string{
		filepath.Join(dir, "missing"): "no folder",
		file:                          "is a file, not a folder",
		empty:                         "no Markdown or text files",
	} {
		if _, _, err := LoadDir(path, DirOptions{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("LoadDir(%s) = %v, want %q", path, err, want)
		}
	}
}

func TestIsBinary(t *testing.T) {
	tests := map[string]bool{
		"plain text\n":                         false,
		"caf\xe9 one bad byte in a line":       false,
		"nul\x00":                              true,
		"\x01\x02\x03\x04\x05 mostly controls": true,
		"esc \x1b[31m colour is text":          false,
	}
	for in, want := range tests {
		if got := isBinary([]byte(in)); got != want {
			t.Errorf("isBinary(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzLoadDir(f *testing.F) {
	f.Add([]byte("---\ntitle: x\n---\n# H\n\ntext\n"), "a.md")
	f.Add([]byte("\x00\x01binary"), "b.txt")
	f.Add([]byte("caf\xe9\n\n\x1b]0;t\x07"), "c.txt")
	f.Add([]byte("```\nunclosed fence\n\n"), "d.markdown")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		dir := t.TempDir()
		name = filepath.Base(filepath.Clean("/" + name))
		if name == "/" || name == "." || strings.ContainsAny(name, "\x00") {
			name = "f.md"
		}
		if os.WriteFile(filepath.Join(dir, name), data, 0o644) != nil {
			return
		}
		lib, _, err := LoadDir(dir, DirOptions{MaxSize: 1 << 16})
		if err != nil {
			return
		}
		for _, d := range lib.Docs {
			if d.Load() != nil {
				continue
			}
			for _, s := range []string{d.ID, d.Title, d.Body, d.Plain()} {
				if strings.ContainsAny(s, "\x1b\x07\x00\u009b") {
					t.Fatalf("a control survived in %q", s)
				}
			}
		}
	})
}
