package ui

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"samizdat/state"
)

// The flows run the reader as a program, at 80x24, over the fixture
// corpus, and keep the last screen of each as a golden file
// (go test ./ui -run Flow -update rewrites them).

// flow is a running program and what it has written so far.
type flow struct {
	t    *testing.T
	tm   *teatest.TestModel
	out  bytes.Buffer
	mark int // where the output that follows the last keys begins
}

func startFlow(t *testing.T, d Deps) *flow {
	t.Helper()
	f := &flow{t: t, tm: teatest.NewTestModel(t, New(d), teatest.WithInitialTermSize(80, 24))}
	f.waitFor("? help")
	return f
}

// waitFor reads the program's output until every text has appeared in it
// since the last keys were sent.
func (f *flow) waitFor(texts ...string) {
	f.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := io.Copy(&f.out, f.tm.Output()); err != nil {
			f.t.Fatal(err)
		}
		all := true
		for _, s := range texts {
			all = all && strings.Contains(f.out.String()[f.mark:], s)
		}
		if all {
			return
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("waited for %q; the output since the keys:\n%s", texts, f.out.String()[f.mark:])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (f *flow) keys(keys ...string) {
	io.Copy(&f.out, f.tm.Output())
	f.mark = f.out.Len()
	for _, k := range keys {
		f.tm.Send(keyMsg(k))
	}
}

// finish quits and compares the last screen with the golden file.
func (f *flow) finish() Model {
	f.t.Helper()
	m := f.end()
	golden.RequireEqual(f.t, []byte(m.View()))
	return m
}

// end quits and returns the model as it was left.
func (f *flow) end() Model {
	f.t.Helper()
	f.keys("ctrl+c")
	return f.tm.FinalModel(f.t, teatest.WithFinalTimeout(5*time.Second)).(Model)
}

func TestFlowOpen(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.waitFor("The Alpha Book", "Part One")
	m := f.finish()
	if m.reader.Doc().ID != "alpha" {
		t.Errorf("opened %s", m.reader.Doc().ID)
	}
}

func TestFlowContents(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.keys("t")
	f.waitFor("Beta Essays", "Gamma Notes")
	f.keys("j", "l", "j", "j") // Part One, open it, Chapter 1, Chapter 2
	f.keys("enter")
	f.waitFor("Lorem ipsum dolor", "› Chapter 2")
	m := f.finish()
	if want := m.reader.Doc().Outline[2].Offset; m.reader.Here().Offset != want {
		t.Errorf("at %d, want Chapter 2 at %d", m.reader.Here().Offset, want)
	}
}

func TestFlowGoTo(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.keys("o")
	f.waitFor("Go to")
	f.mark = f.out.Len()
	f.tm.Type("second")
	f.waitFor("Beta Essays › Second Essay")
	f.keys("enter")
	// The section's text, then the end of the one above it, rendered a
	// moment later, before the screen is compared.
	f.waitFor("Itaque earum rerum", "Temporibus autem")
	m := f.finish()
	if m.reader.Doc().ID != "beta" {
		t.Errorf("went to %s", m.reader.Doc().ID)
	}
}

func TestFlowNextDocument(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.keys("}")
	f.waitFor("Beta Essays", "Bo Essayist", "Nam libero tempore")
	f.keys("}")
	f.waitFor("Gamma Notes", "The third and last paragraph.")
	f.keys("{", "{")
	f.waitFor("The Alpha Book")
	f.keys("]", "]")
	f.waitFor("Chapter 1: The Start")
	m := f.finish()
	if m.reader.Doc().ID != "alpha" {
		t.Errorf("at %s", m.reader.Doc().ID)
	}
}

func TestFlowHelp(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.keys("?")
	f.waitFor("Keys", "down a line")
	f.keys("G")
	f.waitFor("↑ more")
	f.finish()
}

func TestFlowQuit(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.keys("j", "q")
	f.tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

func TestFlowResize(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.tm.Send(tea.WindowSizeMsg{Width: 30, Height: 8})
	f.waitFor("needs a")
	f.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	f.waitFor("The Alpha Book")
	f.finish()
}

// TestFlowSearch types a query into the search bar, moves through its
// hits, stays at one with Enter, steps on and back with n and N, and
// clears the painting with esc.
func TestFlowSearch(t *testing.T) {
	f := startFlow(t, testDeps(t))
	f.keys("/")
	f.waitFor("Search ›")
	f.mark = f.out.Len()
	f.tm.Type("dolore")
	f.waitFor("matches for “dolore”", "match 1 of 7")
	f.keys("down")
	f.waitFor("match 2 of 7")
	f.keys("enter")
	f.waitFor("Alpha › Chapter 2: The Middle", "match 2 of 7")
	f.keys("n")
	f.waitFor("match 3 of 7")
	f.keys("n")
	f.waitFor("match 4 of 7")
	f.keys("N")
	f.waitFor("match 3 of 7")
	f.keys("esc")
	f.waitFor("? help")
	m := f.end()
	if painted, _ := m.reader.Search(); painted != nil || m.search.Last().Results == nil || m.search.Last().Results.Total() != 7 {
		t.Errorf("after esc: painting %v, last search %v", painted, m.search.Last().Results)
	}
	if h := m.search.History(); len(h) != 1 || h[0] != "dolore" {
		t.Errorf("history %q", h)
	}
}

// TestFlowReadingState reads, marks, quits, starts again where it left
// off, returns to the mark, goes back and forward, opens a note and
// copies a citation.
func TestFlowReadingState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "samizdat", "state.json")
	file := state.File{Path: path, Key: "embedded"}
	d := testDeps(t)
	d.StateFile = file
	alpha := docNamed(t, d.Library, "alpha")

	f := startFlow(t, d)
	f.keys("]", "]") // Chapter 1
	f.waitFor("Chapter 1: The Start")
	f.keys("m", "a")
	f.waitFor("Mark a set: Alpha › Chapter 1: The Start.")
	f.keys("]", "]", "]") // on to Part Two, reading there
	f.waitFor("Part Two: Ends")
	f.keys("q")
	first := f.tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if _, _, err := file.Save(first.Snapshot()); err != nil { // as the program does on quitting
		t.Fatal(err)
	}
	left := first.reader.Here().Offset

	saved, notice := state.Load(path)
	if notice != "" {
		t.Fatal(notice)
	}
	d.Saved = saved.Library("embedded")
	var mu sync.Mutex
	var copied []string
	d.Copy = func(s string) error {
		mu.Lock()
		defer mu.Unlock()
		copied = append(copied, s)
		return nil
	}
	f = startFlow(t, d)
	f.waitFor("Part Two: Ends")
	f.keys("'", "a")
	f.waitFor("Alpha › Chapter 1: The Start")
	f.keys("ctrl+o")
	f.waitFor("Alpha › Part Two: Ends")
	f.keys("alt+right")
	f.waitFor("Alpha › Chapter 1: The Start")
	f.keys("*")
	f.waitFor("Note 1", "The note to the first chapter")
	f.keys("esc", "c")
	f.waitFor("Copied: Ada Writer, The Alpha Book")
	m := f.finish()
	if m.reader.Doc() != alpha || m.reader.Here().Offset != alpha.Outline[1].Offset {
		t.Errorf("ended at %s %d, want Chapter 1 at %d", m.reader.Doc().ID, m.reader.Here().Offset, alpha.Outline[1].Offset)
	}
	if left != alpha.Outline[4].Offset {
		t.Errorf("the first run left at %d, want Part Two at %d", left, alpha.Outline[4].Offset)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(copied) != 1 || copied[0] != alpha.Cite(alpha.Outline[1].Offset) {
		t.Errorf("copied %q", copied)
	}
}
