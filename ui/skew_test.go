package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/state"
)

// skewedDeps is saveDeps for a reader whose clock is off by skew, in the
// reader and in its state file alike, started from what the file holds.
func skewedDeps(t *testing.T, path string, timers *[]tea.Msg, skew time.Duration) Deps {
	d := saveDeps(t, path, timers)
	clock := time.Now().Add(skew)
	d.Now = func() time.Time {
		clock = clock.Add(time.Second)
		return clock
	}
	d.StateFile.Now = d.Now
	saved, notice := d.StateFile.Load()
	if notice != "" {
		t.Fatal(notice)
	}
	d.Saved = saved
	return d
}

// markOnDisk is the document of a mark as the next reader finds it.
func markOnDisk(t *testing.T, path, name string) string {
	t.Helper()
	st, notice := state.Load(path)
	if notice != "" {
		t.Fatal(notice)
	}
	m := st.Library("embedded").Marks[name]
	if m.Deleted {
		return "(deleted)"
	}
	return m.Doc
}

// TestSkewedReaders: a state file written when a clock was decades ahead,
// and two readers whose clocks are a year ahead and a year behind: each
// mark set, and each document opened, after seeing the other's, is what
// the file keeps.
func TestSkewedReaders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	future := `{"version":1,"libraries":{"embedded":{"current":"gamma","updated":"2099-01-01T00:00:00Z",
		"readings":{},"marks":{"a":{"doc":"gamma","position":{"offset":0},"updated":"2099-01-01T00:00:00Z"}}}}}`
	if err := os.WriteFile(path, []byte(future), 0o600); err != nil {
		t.Fatal(err)
	}
	var ta, tb []tea.Msg
	ahead := newHarness(t, skewedDeps(t, path, &ta, 365*24*time.Hour), 100, 20)
	behind := newHarness(t, skewedDeps(t, path, &tb, -365*24*time.Hour), 100, 20)

	ahead.press("{") // to beta
	ahead.press("m", "a")
	if got := markOnDisk(t, path, "a"); got != "beta" {
		t.Fatalf("the mark set over one stamped in 2099 is %q, want beta", got)
	}
	tick(behind, &tb) // takes in the mark
	if mk, ok := behind.m.mem.Mark("a"); !ok || mk.DocID != "beta" {
		t.Errorf("the reader behind does not see the mark: %+v", mk)
	}
	behind.press("{", "{") // to alpha
	behind.press("m", "a")
	if got := markOnDisk(t, path, "a"); got != "alpha" {
		t.Errorf("the mark set by the clock behind is %q, want alpha", got)
	}
	if st, _ := state.Load(path); st.Library("embedded").Current != "alpha" {
		t.Errorf("current %q, want alpha, opened last", st.Library("embedded").Current)
	}
	tick(ahead, &ta)
	ahead.press("}", "}", "m", "a")
	if got := markOnDisk(t, path, "a"); got != "gamma" {
		t.Errorf("the mark set again ahead is %q, want gamma", got)
	}
	tick(behind, &tb)
	behind.press("M", "D", "q")
	if got := markOnDisk(t, path, "a"); got != "(deleted)" {
		t.Errorf("the mark deleted behind is %q", got)
	}
	tick(ahead, &ta)
	if _, ok := ahead.m.mem.Mark("a"); ok {
		t.Error("the reader ahead still has the deleted mark")
	}
	// The document opened last, by either, is the one the next run opens.
	behind.press("}")
	if _, _, err := (state.File{Path: path, Key: "embedded"}).Save(behind.m.Snapshot()); err != nil {
		t.Fatal(err)
	}
	st, _ := state.Load(path)
	if cur := st.Library("embedded").Current; cur != behind.m.reader.Doc().ID {
		t.Errorf("current %q, want %q, opened last", cur, behind.m.reader.Doc().ID)
	}
}
