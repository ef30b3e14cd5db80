package state

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "samizdat", "state.json")
	st := New()
	lib := st.Library("embedded")
	now := time.Now().UTC().Truncate(time.Second)
	lib.Current, lib.Updated = "revolution-betrayed", now
	lib.Readings["revolution-betrayed"] = Reading{Position: Position{Offset: 12345, Anchor: "chapter-5", Context: "The Soviet Thermidor"}, Percent: 37.5, Updated: now}
	lib.Marks["a"] = Mark{Doc: "lenins-fight", Position: Position{Offset: 99}, Updated: now}
	if _, err := Save(path, st); err != nil {
		t.Fatal(err)
	}
	got, notice := Load(path)
	if notice != "" {
		t.Fatalf("notice %q", notice)
	}
	g := got.Library("embedded")
	if g.Current != "revolution-betrayed" || g.Readings["revolution-betrayed"] != lib.Readings["revolution-betrayed"] || g.Marks["a"] != lib.Marks["a"] {
		t.Fatalf("round trip lost something: %+v", g)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("state file mode = %v, %v", info.Mode(), err)
	}
}

func TestLoadBroken(t *testing.T) {
	good := `{"version":1,"libraries":{"embedded":{"current":"x","readings":{"x":{"position":{"offset":5}}},"marks":{}}}}`
	tests := []struct {
		name, content, notice string
		keepsReading          bool
	}{
		{"empty", "", "was empty", false},
		{"truncated", good[:40], "ends too soon", false},
		{"garbage", "\x00\xffnot json at all", "could not be read", false},
		{"future", `{"version":99,"libraries":{}}`, "later version", false},
		{"no version", `{"libraries":{}}`, "had no version", false},
		{"one bad entry", `{"version":1,"libraries":{"embedded":{"readings":{"x":{"position":{"offset":5}},"y":{"position":"what"}},"marks":{"toolong":{"doc":"x","position":{"offset":1}}}}}}`, "had \"position\" in the reading of \"y\" as a string where an object belongs, and one other problem", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			st, notice := Load(path)
			if !strings.Contains(notice, tt.notice) || !strings.Contains(notice, "state.json.bad") {
				t.Errorf("notice = %q, want it to say %q and where the file went", notice, tt.notice)
			}
			if _, err := os.Stat(path + ".bad"); err != nil {
				t.Errorf("bad file not moved aside: %v", err)
			}
			if _, err := os.Stat(path); err == nil {
				t.Error("bad file still in place")
			}
			_, kept := st.Library("embedded").Readings["x"]
			if kept != tt.keepsReading {
				t.Errorf("kept the good reading: %v, want %v", kept, tt.keepsReading)
			}
			// The reader goes on and saves over it.
			if _, err := Save(path, st); err != nil {
				t.Fatal(err)
			}
			if _, notice := Load(path); notice != "" {
				t.Errorf("after saving: %q", notice)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	st, notice := Load(filepath.Join(t.TempDir(), "none", "state.json"))
	if notice != "" || st == nil || len(st.Libraries) != 0 {
		t.Fatalf("missing file: %+v, %q", st, notice)
	}
}

func TestSaveUnwritable(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// A directory that is a file cannot hold the state.
	if _, err := Save(filepath.Join(blocker, "samizdat", "state.json"), New()); err == nil {
		t.Fatal("Save into a file succeeded")
	}
}

// TestTwoWriters has two readers, each loaded before the other saved, set
// marks and save: neither loses the other's marks or newer positions.
func TestTwoWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, _ := Load(path)
	b, _ := Load(path)
	t0 := time.Now()
	a.Library("embedded").Marks["a"] = Mark{Doc: "x", Position: Position{Offset: 1}, Updated: t0}
	a.Library("embedded").Readings["x"] = Reading{Position: Position{Offset: 10}, Updated: t0}
	b.Library("embedded").Marks["b"] = Mark{Doc: "y", Position: Position{Offset: 2}, Updated: t0.Add(time.Second)}
	b.Library("embedded").Readings["x"] = Reading{Position: Position{Offset: 20}, Updated: t0.Add(time.Second)}
	if _, err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	if _, err := Save(path, b); err != nil {
		t.Fatal(err)
	}
	got, _ := Load(path)
	lib := got.Library("embedded")
	if _, ok := lib.Marks["a"]; !ok {
		t.Error("the first writer's mark was lost")
	}
	if _, ok := lib.Marks["b"]; !ok {
		t.Error("the second writer's mark was lost")
	}
	if lib.Readings["x"].Position.Offset != 20 {
		t.Errorf("position = %d, want the newer 20", lib.Readings["x"].Position.Offset)
	}
	// Now a deletes its mark: b's next save must not bring it back.
	a.Library("embedded").Marks["a"] = Mark{Doc: "x", Updated: time.Now(), Deleted: true}
	if _, err := Save(path, a); err != nil {
		t.Fatal(err)
	}
	if _, err := Save(path, b); err != nil {
		t.Fatal(err)
	}
	got, _ = Load(path)
	if m := got.Library("embedded").Marks["a"]; !m.Deleted {
		t.Errorf("a deleted mark came back: %+v", m)
	}
}

// TestConcurrentSaves saves from many goroutines at once: the file stays
// whole and every writer's mark survives.
func TestConcurrentSaves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	var wg sync.WaitGroup
	names := "abcdefghij"
	for i := range len(names) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, _ := Load(path)
			st.Library("embedded").Marks[names[i:i+1]] = Mark{Doc: "x", Updated: time.Now()}
			if _, err := Save(path, st); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	st, notice := Load(path)
	if notice != "" {
		t.Fatalf("notice %q", notice)
	}
	if n := len(st.Library("embedded").Marks); n != len(names) {
		t.Errorf("%d marks survived, want %d", n, len(names))
	}
}

// TestSaveOverBadFile: a file spoilt while the reader runs (filled with
// garbage, emptied, written by a later version) is moved aside when the
// reader next saves, and the save goes on.
func TestSaveOverBadFile(t *testing.T) {
	tests := []struct {
		name, content string
		aside         bool
	}{
		{"garbage", "\x00\xffnot json at all", true},
		{"truncated", `{"version":1,"libraries":{"embedded":{"marks":{`, true},
		{"future", `{"version":99,"libraries":{}}`, true},
		{"empty", "", false}, // nothing in it to keep
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			st := New()
			st.Library("embedded").Marks["a"] = Mark{Doc: "x", Updated: time.Now()}
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			notice, err := Save(path, st)
			if err != nil {
				t.Fatal(err)
			}
			_, statErr := os.Stat(path + ".bad")
			if moved := statErr == nil; moved != tt.aside {
				t.Errorf("moved aside: %v, want %v", moved, tt.aside)
			}
			if tt.aside && !strings.Contains(notice, "state.json.bad") {
				t.Errorf("notice %q does not say where the file went", notice)
			}
			got, notice := Load(path)
			if notice != "" || got.Library("embedded").Marks["a"].Doc != "x" {
				t.Errorf("after the save: %q, %+v", notice, got.Library("embedded"))
			}
		})
	}
}

// TestSaveAfterDelete: a state file deleted while the reader runs is
// written anew at the next save, with everything the reader holds.
func TestSaveAfterDelete(t *testing.T) {
	path := filepath.Join(t.TempDir(), "samizdat", "state.json")
	f := File{Path: path, Key: "embedded"}
	lib := New().Library("embedded")
	lib.Readings["x"] = Reading{Position: Position{Offset: 7}, Updated: time.Now()}
	if _, _, err := f.Save(lib.Clone()); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Dir(path)); err != nil {
		t.Fatal(err)
	}
	merged, notice, err := f.Save(lib.Clone())
	if err != nil || notice != "" {
		t.Fatalf("save after delete: %q, %v", notice, err)
	}
	if merged.Readings["x"].Position.Offset != 7 {
		t.Errorf("merged %+v", merged)
	}
	if got, _ := Load(path); got.Library("embedded").Readings["x"].Position.Offset != 7 {
		t.Error("the file was not written anew")
	}
}

// TestFileSaveKeepsOtherLibraries: saving one library's entry leaves the
// others in the file, and returns the entry merged with what another
// reader saved.
func TestFileSaveKeepsOtherLibraries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	t0 := time.Now()
	folder := File{Path: path, Key: "dir:/books"}
	own := New().Library("")
	own.Marks["f"] = Mark{Doc: "book", Updated: t0}
	if _, _, err := folder.Save(own); err != nil {
		t.Fatal(err)
	}
	emb := File{Path: path, Key: "embedded"}
	other := New().Library("")
	other.Marks["o"] = Mark{Doc: "x", Updated: t0}
	if _, _, err := emb.Save(other); err != nil {
		t.Fatal(err)
	}
	mine := New().Library("")
	mine.Marks["m"] = Mark{Doc: "y", Updated: t0.Add(time.Second)}
	merged, _, err := emb.Save(mine)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := merged.Marks["o"]; !ok {
		t.Error("the other reader's mark is not in the merged entry")
	}
	got, _ := Load(path)
	if _, ok := got.Library("dir:/books").Marks["f"]; !ok {
		t.Error("the folder's entry was lost")
	}
}

func TestSaveUnreadable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	// A directory where the file should be can be neither read nor
	// replaced: the save fails, with the path in the error.
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := Save(path, New()); err == nil || !strings.Contains(err.Error(), "state.json") {
		t.Errorf("save over a directory: %v", err)
	}
}

func TestClone(t *testing.T) {
	l := New().Library("embedded")
	l.Marks["a"] = Mark{Doc: "x"}
	c := l.Clone()
	c.Marks["b"] = Mark{Doc: "y"}
	c.Readings["x"] = Reading{}
	if len(l.Marks) != 1 || len(l.Readings) != 0 {
		t.Error("the clone shares its maps")
	}
}

// BenchmarkSave times a save as the reader makes one every 30 seconds and
// on every mark: lock, read and merge the file, write, sync and rename.
// The library's entry holds five readings and 26 marks, more than most.
func BenchmarkSave(b *testing.B) {
	path := filepath.Join(b.TempDir(), "state.json")
	f := File{Path: path, Key: "embedded"}
	now := time.Now()
	lib := New().Library("")
	for _, id := range []string{"revolution-betrayed", "lenins-fight", "rise-of-stalinism", "stalin-fifty-years", "notes-in-the-margins"} {
		lib.Readings[id] = Reading{Position: Position{Offset: 123456, Anchor: "chapter-5-the-soviet-thermidor", Context: strings.Repeat("x", 48)}, Percent: 42.5, Updated: now}
	}
	for c := 'a'; c <= 'z'; c++ {
		lib.Marks[string(c)] = Mark{Doc: "lenins-fight", Position: Position{Offset: 4242, Anchor: "letter-to-the-congress", Context: strings.Repeat("y", 48)}, Updated: now}
	}
	if _, _, err := f.Save(lib.Clone()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := f.Save(lib.Clone()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFileRead reads another reader's marks without touching the file.
func TestFileRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	f := File{Path: path, Key: "embedded"}
	if _, ok := f.Read(); ok {
		t.Error("read a file that is not there")
	}
	lib := New().Library("")
	lib.Marks["a"] = Mark{Doc: "x", Updated: time.Now()}
	if _, _, err := f.Save(lib); err != nil {
		t.Fatal(err)
	}
	if got, ok := f.Read(); !ok || got.Marks["a"].Doc != "x" {
		t.Errorf("read %+v, %v", got, ok)
	}
	if err := os.WriteFile(path, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.Read(); ok {
		t.Error("read a broken file")
	}
	if data, _ := os.ReadFile(path); string(data) != "{broken" {
		t.Error("Read changed the file")
	}
}

// sampleFile is a state file as Save writes it: two libraries, readings
// and marks.
func sampleFile(t testing.TB) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state.json")
	st := New()
	now := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, key := range []string{"embedded", "dir:/books"} {
		l := st.Library(key)
		l.Current, l.Updated = "lenins-fight", now
		for i, id := range []string{"revolution-betrayed", "lenins-fight", "rise-of-stalinism"} {
			l.Readings[id] = Reading{Position: Position{Offset: 1000 * (i + 1), Anchor: "part-" + id, Context: "Words “quoted” at " + id}, Percent: 12.5, Updated: now}
		}
		for _, name := range []string{"a", "b", "Z"} {
			l.Marks[name] = Mark{Doc: "lenins-fight", Position: Position{Offset: 42, Anchor: "x"}, Updated: now}
		}
	}
	if _, err := Save(path, st); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkSalvaged fails if got holds anything that is not in want as it is.
func checkSalvaged(t testing.TB, got, want *State) {
	t.Helper()
	for key, l := range got.Libraries {
		w := want.Libraries[key]
		if w == nil {
			t.Fatalf("salvaged a library %q that was not there", key)
		}
		if l.Current != "" && l.Current != w.Current {
			t.Errorf("%s: current %q, want %q", key, l.Current, w.Current)
		}
		for id, r := range l.Readings {
			if r != w.Readings[id] {
				t.Errorf("%s: reading %s = %+v, want %+v", key, id, r, w.Readings[id])
			}
		}
		for name, m := range l.Marks {
			if m != w.Marks[name] {
				t.Errorf("%s: mark %s = %+v, want %+v", key, name, m, w.Marks[name])
			}
		}
	}
}

// TestLoadTruncated: a file cut short anywhere keeps every entry written
// out whole before the cut, and nothing else.
func TestLoadTruncated(t *testing.T) {
	data := sampleFile(t)
	whole, problem := decode(data, testNow)
	if problem != "" {
		t.Fatal(problem)
	}
	// The embedded library comes last; its marks follow its readings.
	lastReading := bytes.LastIndex(data, []byte(`"rise-of-stalinism": {`))
	afterReadings := lastReading + bytes.Index(data[lastReading:], []byte(`"marks"`))
	for cut := 0; cut < len(data)-2; cut++ {
		st, problem := decode(data[:cut], testNow)
		if problem == "" {
			t.Fatalf("cut at %d: no problem found", cut)
		}
		checkSalvaged(t, st, whole)
		if cut > afterReadings && len(st.Library("embedded").Readings) != 3 {
			t.Fatalf("cut at %d, after the readings: %d kept", cut, len(st.Library("embedded").Readings))
		}
	}
	// Load says what it kept.
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, data[:len(data)*2/3], 0o600); err != nil {
		t.Fatal(err)
	}
	st, notice := Load(path)
	if !strings.Contains(notice, "ends too soon); kept what could be read") || len(st.Library("dir:/books").Marks) != 3 {
		t.Errorf("notice %q, the first library's marks %+v", notice, st.Library("dir:/books").Marks)
	}
}

// FuzzDecode: whatever the state file holds, reading it neither panics
// nor keeps an entry the reader could not use; a copy of a real file cut
// anywhere yields only entries of that file.
func FuzzDecode(f *testing.F) {
	data := sampleFile(f)
	whole, _ := decode(data, testNow)
	f.Add([]byte(`{"version":1,"libraries":{"embedded":{"readings":{"x":{"position":{"offset":-5}}}}}}`), 0)
	f.Add([]byte("\x00\xff{[["), len(data)/2)
	f.Add([]byte(`{"version":1,"libraries":{"e":{"marks":{"ab":{}}}}}`), len(data)-3)
	f.Add([]byte(`{"version":1,"liBrAries":{"e":{"CURRENT":"x","current":"y","Marks":{"a":{"DOC":"x"}}}}}`), 0)
	f.Fuzz(func(t *testing.T, junk []byte, cut int) {
		st, _ := decode(junk, testNow)
		// A file read whole in one pass reads the same field by field.
		if whole, ok := decodeWhole(junk); ok {
			clampFuture(whole, testNow)
			fields, problem := decodeFields(junk, testNow)
			if problem != "" || !reflect.DeepEqual(whole, fields) {
				t.Fatalf("read whole: %+v\nfield by field: %+v, %q", whole, fields, problem)
			}
		}
		for _, l := range st.Libraries {
			for _, r := range l.Readings {
				if r.Position.Offset < 0 {
					t.Fatalf("a negative offset kept: %+v", r)
				}
			}
			for name := range l.Marks {
				if !ValidMark(name) {
					t.Fatalf("a mark named %q kept", name)
				}
			}
		}
		if cut >= 0 && cut < len(data) {
			got, _ := decode(data[:cut], testNow)
			checkSalvaged(t, got, whole)
		}
	})
}

// testNow is the time the tests decode at: after every time sampleFile
// writes.
var testNow = time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)

func TestRescueIsAStateFile(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "state.json"), Key: "embedded"}
	lib := New().Library("embedded")
	lib.Marks["a"] = Mark{Doc: "lenins-fight", Position: Position{Offset: 99}, Updated: time.Now().UTC().Truncate(time.Second)}
	path, err := f.Rescue(lib, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	back, notice := File{Path: path, Key: "embedded"}.Load()
	if notice != "" || back.Marks["a"] != lib.Marks["a"] {
		t.Errorf("the rescued file read back as %+v (%q)", back.Marks, notice)
	}
}
