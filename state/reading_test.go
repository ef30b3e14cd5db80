package state

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"samizdat/corpus"
)

// screen is one screen recorded: how the reader came to it, its top and
// its bottom.
type screen struct {
	how         Move
	top, bottom int
}

func TestReadOnlyByReading(t *testing.T) {
	d := doc(t, strings.Repeat("A line of the text.\n\n", 200))
	n := len(d.Body)
	for _, tt := range []struct {
		name    string
		screens []screen
		want    int // the furthest offset read
	}{
		{"the first screen, shown", []screen{{Settled, -1, 100}}, 0},
		{"reading from the start", []screen{{Settled, -1, 100}, {Read, 90, 190}, {Read, 180, 280}}, 280},
		{"a jump to the end", []screen{{Settled, -1, 100}, {Jumped, n - 100, n}}, 0},
		{"reading on after a jump", []screen{{Settled, -1, 100}, {Jumped, 500, 600}, {Read, 510, 610}, {Read, 600, 700}}, 0},
		{"back from a jump, reading on", []screen{{Settled, -1, 100}, {Read, 90, 190}, {Jumped, 500, 600}, {Jumped, 90, 190}, {Read, 180, 280}}, 280},
		{"ten pages at once", []screen{{Settled, -1, 100}, {Read, 900, 1000}}, 0},
		{"reading back", []screen{{Settled, -1, 100}, {Read, 90, 190}, {Read, 0, 100}}, 190},
		{"the layout settling", []screen{{Settled, -1, 100}, {Settled, -1, 300}}, 0},
		{"the first screen, dwelt on", []screen{{Settled, -1, 100}, {Dwelt, -1, 100}}, 100},
		{"the screen after what was read, dwelt on", []screen{{Settled, -1, 100}, {Read, 90, 190}, {Jumped, 190, 290}, {Dwelt, 190, 290}}, 290},
		{"a screen dwelt on behind what was read", []screen{{Settled, -1, 100}, {Read, 90, 190}, {Read, 180, 280}, {Jumped, 0, 100}, {Dwelt, 0, 100}}, 280},
		{"the last screen dwelt on after G", []screen{{Settled, -1, 100}, {Jumped, n - 100, n}, {Dwelt, n - 100, n}}, 0},
		{"a screen dwelt on after a jump", []screen{{Jumped, 500, 600}, {Dwelt, 500, 600}}, 0},
		{"two screens read on from it", []screen{{Jumped, 500, 600}, {Dwelt, 500, 600}, {Read, 590, 690}, {Read, 680, 780}}, 0},
		{"three screens read on from it", []screen{{Jumped, 500, 600}, {Dwelt, 500, 600}, {Read, 590, 690}, {Read, 680, 780}, {Read, 770, 870}}, 870},
		{"then reading on", []screen{{Jumped, 500, 600}, {Dwelt, 500, 600}, {Read, 590, 690}, {Read, 680, 780}, {Read, 770, 870}, {Read, 860, 960}}, 960},
		{"reading on without a dwell", []screen{{Jumped, 500, 600}, {Read, 590, 690}, {Read, 680, 780}, {Read, 770, 870}}, 0},
		{"a stretch left by a jump", []screen{{Jumped, 500, 600}, {Dwelt, 500, 600}, {Read, 590, 690}, {Jumped, 2000, 2100}, {Read, 2090, 2190}, {Read, 2180, 2280}}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMemory(&corpus.Library{Docs: []*corpus.Document{d}}, nil)
			now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			for _, s := range tt.screens {
				m.Moved(corpus.Place{Doc: d, Offset: s.top}, s.top, s.bottom, s.how, now)
			}
			if got := m.reading(d).read; got != tt.want {
				t.Errorf("read to %d, want %d", got, tt.want)
			}
			if got, want := m.Progress(d), tt.want*100/n; got != want {
				t.Errorf("progress %d%%, want %d%%", got, want)
			}
			saved := m.Snapshot().Readings[d.ID]
			if tt.want > 0 && (!saved.ByReading || int(saved.ReadPercent(n)) != tt.want*100/n) {
				t.Errorf("saved %+v, want %d%% by reading", saved, tt.want*100/n)
			}
		})
	}
}

func TestReadPercentOfOldFiles(t *testing.T) {
	const n = 1000
	for _, tt := range []struct {
		name string
		r    Reading
		want float64
	}{
		{"a jump to the end, left at the start", Reading{Position: Position{Offset: 0}, Percent: 100}, 0},
		{"read on, left where it was read to", Reading{Position: Position{Offset: 400}, Percent: 43}, 40},
		{"read to the end, left there", Reading{Position: Position{Offset: 1000}, Percent: 100}, 100},
		{"left further than it was read", Reading{Position: Position{Offset: 900}, Percent: 20}, 20},
		{"a position past the end of this edition", Reading{Position: Position{Offset: 5000}, Percent: 60}, 60},
		{"counted by reading", Reading{Position: Position{Offset: 0}, Percent: 80, ByReading: true}, 80},
		{"out of range", Reading{Position: Position{Offset: 0}, Percent: 180, ByReading: true}, 100},
	} {
		if got := tt.r.ReadPercent(n); got != tt.want {
			t.Errorf("%s: %v%%, want %v%%", tt.name, got, tt.want)
		}
	}
}

// TestOldFileMigrates loads a file written before reading was told from
// jumping: a work visited at its end and left at its start shows nothing
// read, one read to where it was left keeps that, and what is saved
// again is counted by reading.
func TestOldFileMigrates(t *testing.T) {
	d := doc(t, strings.Repeat("A line of the text.\n\n", 100))
	e := corpus.Parse("e.md", []byte("---\nid: e\ntitle: E\n---\n"+strings.Repeat("Another line.\n\n", 100)))
	half := len(e.Body) / 2
	old := `{"version": 1, "libraries": {"embedded": {"current": "e", "readings": {
		"d": {"position": {"offset": 0}, "percent": 100, "updated": "2025-01-01T00:00:00Z"},
		"e": {"position": {"offset": ` + strconv.Itoa(half) + `}, "percent": 55, "updated": "2025-01-01T00:00:00Z"}}}}}`
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	saved, notice := File{Path: path, Key: "embedded"}.Load()
	if notice != "" {
		t.Fatal(notice)
	}
	m := NewMemory(&corpus.Library{Docs: []*corpus.Document{d, e}}, saved)
	if got := m.Progress(d); got != 0 {
		t.Errorf("a work jumped through shows %d%% read", got)
	}
	if got, want := m.Progress(e), half*100/len(e.Body); got != want {
		t.Errorf("a work read to where it was left shows %d%%, want %d%%", got, want)
	}
	m.Resume(e)
	m.Moved(corpus.Place{Doc: e, Offset: half}, half, half+100, Settled, time.Now())
	m.Moved(corpus.Place{Doc: e, Offset: half + 90}, half+90, half+190, Read, time.Now())
	r := m.Snapshot().Readings["e"]
	if !r.ByReading || int(r.Percent) != (half+190)*100/len(e.Body) {
		t.Errorf("saved again as %+v", r)
	}
}

func TestByReadingFieldByField(t *testing.T) {
	data := `{"version": 1, "libraries": {"embedded": {"current": 7, "readings": {
		"d": {"position": {"offset": 3}, "percent": 12, "byReading": true}}}}}`
	st, problem := decode([]byte(data), time.Now())
	if problem == "" {
		t.Fatal("a wrong current was not said")
	}
	if r := st.Library("embedded").Readings["d"]; !r.ByReading || r.Percent != 12 {
		t.Errorf("read %+v", r)
	}
}
