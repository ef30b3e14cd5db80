package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAtomicReplacesWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.json")
	for _, data := range []string{"first", "second, longer"} {
		if err := WriteAtomic(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left %d files beside it", len(entries)-1)
	}
}

func TestMoveAsideNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	for i, want := range []string{"f.json.bad", "f.json.bad.1", "f.json.bad.2"} {
		if err := os.WriteFile(path, []byte{byte('a' + i)}, 0o600); err != nil {
			t.Fatal(err)
		}
		aside, err := MoveAside(path)
		if err != nil || filepath.Base(aside) != want {
			t.Fatalf("moved to %s, %v; want %s", aside, err, want)
		}
		if got, _ := os.ReadFile(aside); string(got) != string(rune('a'+i)) {
			t.Errorf("%s holds %q", want, got)
		}
	}
}

func TestRemoveStaleTemps(t *testing.T) {
	if !Locks {
		t.Skip("without locks only old temporary files are removed")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	for _, name := range []string{"f.json.tmp123", "f.json.tmpx", "g.json.tmp1"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	RemoveStaleTemps(path)
	for name, kept := range map[string]bool{"f.json.tmp123": false, "f.json.tmpx": true, "g.json.tmp1": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
}

func TestWriteNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	a, err := WriteNew(dir, "rescue-*.json", []byte("one"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := WriteNew(dir, "rescue-*.json", []byte("two"))
	if err != nil {
		t.Fatal(err)
	}
	if a == b {
		t.Fatalf("both written to %s", a)
	}
	if got, _ := os.ReadFile(a); string(got) != "one" {
		t.Errorf("the first file holds %q", got)
	}
	if _, err := WriteNew(filepath.Join(dir, "missing"), "x-*", nil); err == nil {
		t.Error("no error for a missing folder")
	}
}
