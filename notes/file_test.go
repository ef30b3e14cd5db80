package notes

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func testFile(t *testing.T) File {
	return File{Path: filepath.Join(t.TempDir(), "samizdat", "notes.json"), Key: "embedded"}
}

// save saves s as the reader does: a clone, adopted back.
func save(t *testing.T, f File, s *Set) {
	t.Helper()
	merged, notice, err := f.Save(s.Clone())
	if err != nil || notice != "" {
		t.Fatalf("save: %q, %v", notice, err)
	}
	s.Adopt(merged)
}

func TestSaveAndLoad(t *testing.T) {
	d := parseDoc(t, testDoc)
	f := testFile(t)
	s := NewSet()
	s.Now = newClock().now
	a := keep(t, s, d, "", "economic successes")
	b := keep(t, s, d, "", "three principal categories")
	s.SetComment(b.ID, "a note\nof two lines")
	c := keep(t, s, d, "", "A second time")
	s.Delete(c.ID)
	save(t, f, s)
	if s.Dirty() {
		t.Error("dirty after a save")
	}
	got, notice := f.Load()
	if notice != "" {
		t.Fatal(notice)
	}
	if got.Len() != 2 || got.Dirty() {
		t.Fatalf("%d live, dirty %v", got.Len(), got.Dirty())
	}
	for _, want := range []Note{a, b, c} {
		want, _ = s.Get(want.ID)
		n, ok := got.Get(want.ID)
		if !ok || !n.Created.Equal(want.Created) || !n.Modified.Equal(want.Modified) {
			t.Errorf("read back %+v, want %+v", n, want)
		}
		n.Created, n.Modified = want.Created, want.Modified
		if n != want {
			t.Errorf("read back %+v, want %+v", n, want)
		}
	}
	info, err := os.Stat(f.Path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("file: %v, %v", info, err)
	}
	// The file is a library of notes in a stable order.
	data, _ := os.ReadFile(f.Path)
	if !strings.Contains(string(data), `"libraries": {`) || !strings.HasSuffix(string(data), "}\n") {
		t.Errorf("file:\n%s", data)
	}
	if _, ok := (File{Path: f.Path, Key: "dir:/elsewhere"}).Read(); !ok {
		t.Error("another library's notes could not be read")
	}
}

// TestTwoReadersInTurns: two readers of one file, each saving in turn,
// keep every note the other added, changed or deleted.
func TestTwoReadersInTurns(t *testing.T) {
	d := parseDoc(t, testDoc)
	f := testFile(t)
	clock := newClock()
	one, _ := f.Load()
	two, _ := f.Load()
	one.Now, two.Now = clock.now, clock.now

	a := keep(t, one, d, "", "economic successes")
	save(t, f, one)
	b := keep(t, two, d, "", "three principal categories") // two has not seen a
	save(t, f, two)
	if _, ok := two.Get(a.ID); !ok {
		t.Fatal("the second reader's save did not take in the first's note")
	}
	two.SetComment(a.ID, "the second reader's note on the first's highlight")
	two.Delete(b.ID)
	save(t, f, two)
	c := keep(t, one, d, "", "A second time")
	save(t, f, one)

	final, _ := f.Load()
	for _, s := range []*Set{one, final} {
		if n, _ := s.Get(a.ID); n.Comment != "the second reader's note on the first's highlight" {
			t.Errorf("the change of a: %+v", n)
		}
		if n, ok := s.Get(b.ID); !ok || !n.Deleted {
			t.Errorf("the delete of b: %+v", n)
		}
		if _, ok := s.Get(c.ID); !ok || s.Len() != 2 {
			t.Errorf("c: %d live", s.Len())
		}
	}
	// An undo after the other reader saw the delete brings it back for
	// both.
	two.Restore(b.ID)
	save(t, f, two)
	save(t, f, one)
	if n, _ := one.Get(b.ID); n.Deleted {
		t.Error("a restore was lost in the merge")
	}
}

// TestReadersAtOnce: readers adding and saving at the same moment lose
// none of each other's notes.
func TestReadersAtOnce(t *testing.T) {
	d := parseDoc(t, testDoc)
	f := testFile(t)
	const readers, each = 6, 8
	var wg sync.WaitGroup
	errs := make(chan error, readers*each)
	for r := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := NewSet()
			for i := range each {
				if _, err := s.Add(d, r*10+i, r*10+i+5, fmt.Sprintf("reader %d note %d", r, i)); err != nil {
					errs <- err
					return
				}
				merged, notice, err := f.Save(s.Clone())
				if err != nil || notice != "" {
					errs <- fmt.Errorf("save: %q, %v", notice, err)
					return
				}
				s.Adopt(merged)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	s, notice := f.Load()
	if notice != "" || s.Len() != readers*each {
		t.Errorf("%d notes of %d, %q", s.Len(), readers*each, notice)
	}
}

func TestTruncatedFileSalvaged(t *testing.T) {
	d := parseDoc(t, testDoc)
	f := testFile(t)
	s := NewSet()
	s.Now = newClock().now
	for _, words := range []string{"The bourgeois", "economic successes", "three principal"} {
		keep(t, s, d, "", words)
	}
	save(t, f, s)
	data, _ := os.ReadFile(f.Path)
	cut := data[:strings.LastIndex(string(data), `"text"`)]
	if err := os.WriteFile(f.Path, cut, 0o600); err != nil {
		t.Fatal(err)
	}
	got, notice := f.Load()
	if got.Len() != 2 {
		t.Errorf("%d notes salvaged, want 2", got.Len())
	}
	want := "could not be read (it ends too soon); kept the 2 notes that could be read and moved it to " + f.Path + ".bad."
	if !strings.Contains(notice, want) {
		t.Errorf("notice %q, want it to say %q", notice, want)
	}
	if aside, _ := os.ReadFile(f.Path + ".bad"); string(aside) != string(cut) {
		t.Error("the damaged file was not moved aside whole")
	}
	// What was salvaged is written back at once: a reader who changes
	// nothing and quits still finds the two notes next time.
	if again, notice := f.Load(); again.Len() != 2 || notice != "" {
		t.Errorf("after the salvage the file holds %d notes (%q), want 2", again.Len(), notice)
	}
	// The next save writes what was salvaged, and leaves the damaged file.
	got.Add(d, 0, 3, "")
	merged, notice, err := f.Save(got.Clone())
	if err != nil || notice != "" || merged.Len() != 3 {
		t.Fatalf("save after salvage: %d, %q, %v", merged.Len(), notice, err)
	}
	if _, err := os.Stat(f.Path + ".bad"); err != nil {
		t.Error(err)
	}
	// A save that finds the file damaged keeps what it can read of it too,
	// and moves it aside beside the first.
	if err := os.WriteFile(f.Path, []byte(`{"version":1,"libraries":{"embedded":{"notes":[{"id":"x","doc":"d","start":1,"end":2,"text":"t"},`), 0o600); err != nil {
		t.Fatal(err)
	}
	merged, notice, err = f.Save(merged)
	if err != nil || !strings.Contains(notice, "kept the one note") || !strings.Contains(notice, ".bad.1") {
		t.Fatalf("%q, %v", notice, err)
	}
	if _, ok := merged.Get("x"); !ok || merged.Len() != 4 {
		t.Errorf("%d notes after a save over a damaged file", merged.Len())
	}
}

func TestWrongFieldsCostTheirNote(t *testing.T) {
	f := testFile(t)
	os.MkdirAll(filepath.Dir(f.Path), 0o700)
	notes := []string{
		`{"id":"ok","doc":"d","start":1,"end":5,"text":"good","note":"kept"}`,
		`{"id":"badstart","doc":"d","start":"one","end":5,"text":"lost"}`,
		`{"id":"badtime","doc":"d","start":1,"end":5,"text":"kept","created":5,"note":"mine"}`,
		`{"id":"badnote","doc":"d","start":1,"end":5,"text":"kept","note":7,"deleted":"yes"}`,
		`{"id":"noText","doc":"d","start":1,"end":5}`,
		`"not a note"`,
	}
	data := `{"version":1,"libraries":{"embedded":{"notes":[` + strings.Join(notes, ",") + `]},"other":{"notes":{}}}}`
	if err := os.WriteFile(f.Path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	s, notice := f.Load()
	if s.Len() != 3 {
		t.Errorf("%d notes kept, want 3", s.Len())
	}
	if n, _ := s.Get("badtime"); n.Comment != "mine" {
		t.Errorf("a wrong time cost more than itself: %+v", n)
	}
	if n, ok := s.Get("badnote"); !ok || n.Deleted {
		t.Errorf("a note whose deletion cannot be read is kept live: %+v", n)
	}
	if want := `had "start" in a note as a string where a number belongs, and 6 other problems; kept the 3 notes`; !strings.Contains(notice, want) {
		t.Errorf("notice %q, want %q", notice, want)
	}
}

func TestFutureClocks(t *testing.T) {
	d := parseDoc(t, testDoc)
	f := testFile(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	ahead := File{Path: f.Path, Key: f.Key, Now: func() time.Time { return now.AddDate(1, 0, 0) }}
	s := NewSet()
	s.Now = ahead.Now
	n := keep(t, s, d, "", "economic successes")
	save(t, ahead, s)

	// A reader whose clock is right reads the note as made now, and its
	// change wins over the one the clock ahead made, which it saw.
	right := File{Path: f.Path, Key: f.Key, Now: func() time.Time { return now }}
	s2, _ := right.Load()
	s2.Now = right.Now
	got, _ := s2.Get(n.ID)
	if !got.Created.Equal(now) || !got.Modified.Equal(now) {
		t.Errorf("times from a clock ahead: %v %v", got.Created, got.Modified)
	}
	s2.SetComment(n.ID, "later")
	save(t, right, s2)
	save(t, ahead, s)
	if got, _ := s.Get(n.ID); got.Comment != "later" {
		t.Errorf("a later change lost to a clock ahead: %+v", got)
	}
}

func TestFailedSaveKeepsEverything(t *testing.T) {
	d := parseDoc(t, testDoc)
	dir := t.TempDir()
	blocker := filepath.Join(dir, "samizdat")
	os.WriteFile(blocker, []byte("a file where the folder should be"), 0o600)
	f := File{Path: filepath.Join(blocker, "notes.json"), Key: "embedded"}
	s := NewSet()
	n := keep(t, s, d, "", "economic successes")
	merged, _, err := f.Save(s.Clone())
	if err == nil || merged != nil || !strings.HasPrefix(err.Error(), "save notes: ") {
		t.Fatalf("saved into a file: %v", err)
	}
	s.Adopt(merged)
	if _, ok := s.Get(n.ID); !ok || !s.Dirty() {
		t.Error("a failed save lost a note, or left the set clean")
	}
}

func TestRefusedFiles(t *testing.T) {
	for name, data := range map[string]string{
		"later":  `{"version":99,"libraries":{}}`,
		"empty":  ``,
		"array":  `[1,2]`,
		"noVers": `{"libraries":{}}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := testFile(t)
			os.MkdirAll(filepath.Dir(f.Path), 0o700)
			os.WriteFile(f.Path, []byte(data), 0o600)
			s, notice := f.Load()
			if s.Len() != 0 || !strings.Contains(notice, "moved it to") {
				t.Errorf("%d notes, %q", s.Len(), notice)
			}
			if aside, err := os.ReadFile(f.Path + ".bad"); err != nil || string(aside) != data {
				t.Errorf("not moved aside whole: %v", err)
			}
		})
	}
	f := testFile(t)
	os.MkdirAll(filepath.Dir(f.Path), 0o700)
	big := make([]byte, MaxFileSize+1)
	os.WriteFile(f.Path, big, 0o600)
	if _, notice := f.Load(); !strings.Contains(notice, "larger than any samizdat writes") {
		t.Errorf("a file too large: %q", notice)
	}
}

func TestOtherLibrariesKept(t *testing.T) {
	d := parseDoc(t, testDoc)
	f := testFile(t)
	other := File{Path: f.Path, Key: "dir:/home/reader/texts"}
	s := NewSet()
	keep(t, s, d, "", "economic successes")
	save(t, other, s)
	mine := NewSet()
	keep(t, mine, d, "", "three principal")
	save(t, f, mine)
	if mine.Len() != 1 {
		t.Errorf("another library's notes were merged in: %d", mine.Len())
	}
	theirs, _ := other.Load()
	if theirs.Len() != 1 {
		t.Errorf("another library's notes were lost: %d", theirs.Len())
	}
	var all file
	data, _ := os.ReadFile(f.Path)
	if err := json.Unmarshal(data, &all); err != nil || len(all.Libraries) != 2 {
		t.Errorf("%d libraries, %v", len(all.Libraries), err)
	}
}

// A file over the size cap is not written: the next run could not read it.
func TestEncodeKeepsUnderTheCap(t *testing.T) {
	all := newFile()
	all.Libraries["embedded"] = &library{Notes: []Note{{ID: "a", Doc: "d", Start: 0, End: 4, Text: strings.Repeat("word ", 400)}}}
	if _, err := encode(all, 1<<20); err != nil {
		t.Fatal(err)
	}
	_, err := encode(all, 1000)
	if err == nil || !strings.Contains(err.Error(), "nothing was written, and every note is kept") {
		t.Errorf("over the cap: %v", err)
	}
}

// A file's stamp is zero while there is none, and changes when a save
// writes it.
func TestStamp(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "notes.json"), Key: "k"}
	if f.Stamp() != (Stamp{}) {
		t.Fatal("a missing file has a stamp")
	}
	d := parseDoc(t, testDoc)
	s := NewSet()
	keep(t, s, d, "", "Facts win out")
	if _, _, err := f.Save(s); err != nil {
		t.Fatal(err)
	}
	first := f.Stamp()
	if first == (Stamp{}) || first.Size == 0 {
		t.Fatalf("no stamp after a save: %+v", first)
	}
	keep(t, s, d, "", "pretend not to notice")
	if _, _, err := f.Save(s); err != nil {
		t.Fatal(err)
	}
	if f.Stamp() == first {
		t.Error("the stamp did not change with the file")
	}
}

func TestRescueIsANotesFile(t *testing.T) {
	d := parseDoc(t, testDoc)
	f := testFile(t)
	s := NewSet()
	s.Now = newClock().now
	n := keep(t, s, d, "", "economic successes")
	s.SetComment(n.ID, "why it matters")
	keep(t, s, d, "", "three principal")
	path, err := f.Rescue(s, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	back, notice := File{Path: path, Key: f.Key}.Load()
	if notice != "" || back.Len() != 2 {
		t.Fatalf("the rescued file read back as %d notes (%q), want 2", back.Len(), notice)
	}
	if _, err := f.Rescue(s, filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a rescue into a missing folder reported no error")
	}
}
