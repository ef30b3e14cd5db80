package state

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"samizdat/internal/safefile"
)

// TestLoadFieldByField: a field of the wrong type costs that field, or the
// one entry it belongs to, and the problem names it; the rest is kept.
func TestLoadFieldByField(t *testing.T) {
	const (
		reading = `"x":{"position":{"offset":5},"percent":50,"updated":"2024-01-01T00:00:00Z"}`
		mark    = `"m":{"doc":"x","position":{"offset":7},"updated":"2024-01-01T00:00:00Z"}`
	)
	file := func(library string) string {
		return `{"version":1,"libraries":{"other":{"current":"y","marks":{` + mark + `}},"embedded":` + library + `}}`
	}
	tests := []struct {
		name, content, problem string
		current                string // what is kept of embedded's current document
		readings, marks        string // the readings and marks kept, by name
	}{
		{
			name:     "current a number",
			content:  file(`{"current":12345,"readings":{` + reading + `},"marks":{` + mark + `}}`),
			problem:  `had "current" as a number where a string belongs`,
			readings: "x", marks: "m",
		},
		{
			name:     "updated not a time",
			content:  file(`{"current":"x","updated":17,"readings":{` + reading + `}}`),
			problem:  `had "updated" that could not be read`,
			current:  "x",
			readings: "x",
		},
		{
			name:    "readings a list",
			content: file(`{"current":"x","readings":[1,2],"marks":{` + mark + `}}`),
			problem: `had "readings" as an array where an object belongs`,
			current: "x",
			marks:   "m",
		},
		{
			name:     "one reading's percent a string",
			content:  file(`{"readings":{` + reading + `,"y":{"position":{"offset":1},"percent":"half"}}}`),
			problem:  `had "percent" in the reading of "y" as a string where a number belongs`,
			readings: "x y",
		},
		{
			name:     "one reading's position a string",
			content:  file(`{"readings":{` + reading + `,"y":{"position":"start"}}}`),
			problem:  `had "position" in the reading of "y" as a string where an object belongs`,
			readings: "x",
		},
		{
			name:    "one mark's document a list",
			content: file(`{"marks":{` + mark + `,"n":{"doc":["x"],"position":{"offset":1}}}}`),
			problem: `had "doc" in mark "n" as an array where a string belongs`,
			marks:   "m",
		},
		{
			name:    "one mark's time a number, another's name too long",
			content: file(`{"marks":{` + mark + `,"n":{"doc":"x","position":{"offset":1},"updated":5},"toolong":{"doc":"x","position":{"offset":1}}}}`),
			problem: `had "updated" in mark "n" that could not be read, and one other problem`,
			marks:   "m n",
		},
		{
			name:    "the library a number",
			content: file(`42`),
			problem: `had a library entry ("embedded") that could not be read`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			st, notice := Load(path)
			want := "The state file " + tt.problem + "; kept what could be read and moved it to " + path + ".bad."
			if notice != want {
				t.Errorf("notice %q\nwant   %q", notice, want)
			}
			lib := st.Library("embedded")
			if lib.Current != tt.current {
				t.Errorf("current %q, want %q", lib.Current, tt.current)
			}
			if got := strings.Join(sortedKeys(lib.Readings), " "); got != tt.readings {
				t.Errorf("readings %q, want %q", got, tt.readings)
			}
			if got := strings.Join(sortedKeys(lib.Marks), " "); got != tt.marks {
				t.Errorf("marks %q, want %q", got, tt.marks)
			}
			if r, ok := lib.Readings["x"]; ok && (r.Position.Offset != 5 || r.Percent != 50) {
				t.Errorf("reading x = %+v", r)
			}
			if other := st.Library("other"); other.Current != "y" || other.Marks["m"].Position.Offset != 7 {
				t.Errorf("the other library was not kept whole: %+v", other)
			}
		})
	}
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// TestLoadNotAStateFile: JSON that is not an object is no state file.
func TestLoadNotAStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(`["version", 1]`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, notice := Load(path)
	if want := "was not a samizdat state file (not a JSON object); started afresh"; !strings.Contains(notice, want) {
		t.Errorf("notice %q, want it to say %q", notice, want)
	}
}

// TestLoadTooLarge: a file larger than any samizdat writes is moved aside
// unread, with a notice; the next save writes a new one.
func TestLoadTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	// Valid JSON, a few bytes over the cap.
	big := append([]byte(`{"version":1,"libraries":{}}`), bytes.Repeat([]byte(" "), MaxFileSize)...)
	if err := os.WriteFile(path, big, 0o600); err != nil {
		t.Fatal(err)
	}
	st, notice := Load(path)
	want := "The state file was 8 MiB, larger than any samizdat writes (8 MiB at most); started afresh and moved it to " + path + ".bad."
	if notice != want {
		t.Errorf("notice %q\nwant   %q", notice, want)
	}
	if info, err := os.Stat(path + ".bad"); err != nil || info.Size() != int64(len(big)) {
		t.Errorf("not moved aside whole: %v", err)
	}
	st.Library("embedded").Marks["a"] = Mark{Doc: "x", Updated: time.Now()}
	if _, err := Save(path, st); err != nil {
		t.Fatal(err)
	}
	// One that grows too large while the reader runs is moved aside at the
	// next save, which keeps the reader's marks.
	if err := os.WriteFile(path, big, 0o600); err != nil {
		t.Fatal(err)
	}
	notice, err := Save(path, st)
	if err != nil || !strings.Contains(notice, "larger than any samizdat writes (8 MiB at most); moved it to "+path+".bad.1.") {
		t.Errorf("save over a large file: %q, %v", notice, err)
	}
	if got, notice := Load(path); notice != "" || got.Library("embedded").Marks["a"].Doc != "x" {
		t.Errorf("after the save: %q, %+v", notice, got.Library("embedded"))
	}
	if lib, ok := (File{Path: path, Key: "embedded"}).Read(); !ok || lib.Marks["a"].Doc != "x" {
		t.Errorf("Read: %+v, %v", lib, ok)
	}
}

// TestEncodeKeepsUnderTheCap: a state that would write a file larger than
// a state file may be forgets its oldest positions, and nothing else.
func TestEncodeKeepsUnderTheCap(t *testing.T) {
	st := New()
	lib := st.Library("embedded")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 1000 {
		lib.Readings[fmt.Sprintf("doc%04d", i)] = Reading{Position: Position{Offset: i, Context: strings.Repeat("w", 48)}, Updated: t0.Add(time.Duration(i) * time.Minute)}
	}
	lib.Marks["a"] = Mark{Doc: "doc0000", Updated: t0}
	whole, err := encode(st, MaxFileSize)
	if err != nil {
		t.Fatal(err)
	}
	limit := len(whole) / 2
	data, err := encode(st, limit)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) >= limit {
		t.Fatalf("%d bytes, over the limit of %d", len(data), limit)
	}
	got, problem := decode(data, time.Now())
	if problem != "" {
		t.Fatal(problem)
	}
	kept := got.Library("embedded")
	if _, ok := kept.Marks["a"]; !ok {
		t.Error("a mark was forgotten")
	}
	if _, ok := kept.Readings["doc0999"]; !ok || len(kept.Readings) < 400 {
		t.Errorf("kept %d readings, the newest: %v", len(kept.Readings), ok)
	}
	// What is kept is the newest: once one is kept, every later one is.
	for i := range 999 {
		_, this := kept.Readings[fmt.Sprintf("doc%04d", i)]
		_, next := kept.Readings[fmt.Sprintf("doc%04d", i+1)]
		if this && !next {
			t.Fatalf("kept doc%04d but forgot the newer doc%04d", i, i+1)
		}
	}
}

// TestStaleTemporaryFiles: the temporary files of saves killed before
// they renamed theirs are removed by the next save; other files are not.
func TestStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	stale := []string{"state.json.tmp123456", "state.json.tmp9"}
	kept := []string{"state.json.tmp", "state.json.tmpnotes", "other.json.tmp123", "state.json.bad"}
	for _, name := range append(stale, kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Save(path, New()); err != nil {
		t.Fatal(err)
	}
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil && safefile.Locks {
			t.Errorf("%s was left behind", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed: %v", name, err)
		}
	}
}

// BenchmarkLoadLargest times reading the largest state file that is read
// at all, one library of reading positions just under MaxFileSize: the
// longest a start can wait on the state file.
func BenchmarkLoadLargest(b *testing.B) {
	path := filepath.Join(b.TempDir(), "state.json")
	st := New()
	lib := st.Library("dir:/home/someone/books")
	now := time.Now()
	add := func(n int) {
		for i := len(lib.Readings); i < n; i++ {
			lib.Readings[fmt.Sprintf("library/part-%d/chapter-%d", i/100, i%100)] = Reading{
				Position: Position{Offset: 123456, Anchor: "chapter-5-the-soviet-thermidor", Context: "The historians of the Soviet Union cannot fail t"},
				Percent:  42.5, Updated: now, Rev: 3}
		}
	}
	add(1000)
	sample, err := encode(st, MaxFileSize)
	if err != nil {
		b.Fatal(err)
	}
	perReading := len(sample) / 1000
	add(MaxFileSize / perReading * 99 / 100)
	data, err := encode(st, MaxFileSize)
	if err != nil || len(data) > MaxFileSize {
		b.Fatalf("%d bytes: %v", len(data), err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, notice := Load(path); notice != "" {
			b.Fatal(notice)
		}
	}
	b.ReportMetric(float64(perReading), "bytes/reading")
	b.ReportMetric(float64(len(data))/(1<<20), "MiB")
}
