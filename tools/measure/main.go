// Command measure times the reader in a real terminal, tmux, against
// less on the raw text and against the floor program, in the same run:
// cold start to the first screen, reopening where the last run left off, a
// jump to a chapter, a resize, a search as it is typed (against less's /),
// and the peak memory after paging through every document.
//
//	go build -o /tmp/samizdat . && go build -o /tmp/floor ./tools/floor
//	go run ./tools/measure -runs 15
//
// Each time is from the moment tmux is told to act to the moment
// capture-pane shows the expected text; polling costs about a millisecond,
// the same for every program measured.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"samizdat/corpus"
	"samizdat/state"
)

const session = "samizdat-measure"

var (
	samizdat = flag.String("samizdat", "/tmp/samizdat", "the reader, built")
	floor    = flag.String("floor", "/tmp/floor", "the floor program, built")
	source   = flag.String("source", "corpus/sources/revolution-betrayed.txt", "the raw text less shows")
	runs     = flag.Int("runs", 15, "runs of each measurement")
	skip     = flag.String("skip", "", "measurements to skip: start, resume, jump, resize, search, memory")
)

func main() {
	flag.Parse()
	lib, err := corpus.Embedded()
	if err != nil {
		fail(err)
	}
	defer tmux("kill-session", "-t", session)
	if !strings.Contains(*skip, "start") {
		start()
	}
	if !strings.Contains(*skip, "resume") {
		resume(lib)
	}
	if !strings.Contains(*skip, "jump") {
		jumps(lib)
	}
	if !strings.Contains(*skip, "resize") {
		resizes()
	}
	if !strings.Contains(*skip, "search") {
		searches()
	}
	if !strings.Contains(*skip, "memory") {
		memory(lib)
	}
}

// start times cold start to the first screen of The Revolution Betrayed
// at 120x40, for less, the floor program and the reader in turn.
func start() {
	const first = "The bourgeois world at first tried"
	programs := []struct{ name, cmd string }{
		{"less", "less " + *source},
		{"floor", *floor},
		{"samizdat", *samizdat + " revolution-betrayed"},
	}
	newSession(120, 40)
	times := map[string][]time.Duration{}
	for range *runs {
		for _, p := range programs {
			state := freshState()
			t0 := time.Now()
			tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+state, p.cmd)
			times[p.name] = append(times[p.name], waitFor(t0, func(s string) bool { return strings.Contains(s, first) }))
		}
	}
	fmt.Println("cold start to the first screen, 120x40:")
	for _, p := range programs {
		report(p.name, times[p.name])
	}
}

// resume times reopening The Revolution Betrayed where the last run left
// it, at 60%, with no argument, against opening it at its head, at 120x40:
// from the start of the program to the words of the place on screen.
func resume(lib *corpus.Library) {
	d, err := lib.Find("revolution-betrayed")
	if err != nil {
		fail(err)
	}
	off := d.PercentOffset(60)
	words := firstWordsAt(d, off)
	const head = "The bourgeois world at first tried"
	newSession(120, 40)
	times := map[string][]time.Duration{}
	for range *runs {
		dir := freshState()
		st := state.New()
		lib := st.Library("embedded")
		now := time.Now()
		lib.Current, lib.Updated = d.ID, now
		lib.Readings[d.ID] = state.Reading{Position: state.At(corpus.Place{Doc: d, Offset: off}), Percent: 60, Updated: now}
		if _, err := state.Save(filepath.Join(dir, "samizdat", "state.json"), st); err != nil {
			fail(err)
		}
		t0 := time.Now()
		tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+dir, *samizdat)
		times["resume"] = append(times["resume"], waitFor(t0, func(s string) bool { return strings.Contains(s, words) }))

		t0 = time.Now()
		tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+freshState(), *samizdat+" "+d.ID)
		times["head"] = append(times["head"], waitFor(t0, func(s string) bool { return strings.Contains(s, head) }))
	}
	fmt.Println("reopen where the last run left off (60% of The Revolution Betrayed), against its head, 120x40:")
	report("resume", times["resume"])
	report("head", times["head"])
}

// firstWordsAt is the start of the block at off, as it shows on screen.
func firstWordsAt(d *corpus.Document, off int) string {
	b := d.Blocks[d.BlockAt(off)]
	text := strings.TrimLeft(d.Body[b.Start:b.End], "#- >")
	f := strings.Fields(markup.Replace(text))
	return strings.Join(f[:min(4, len(f))], " ")
}

// jumps times going to the start of chapters of every document from the
// go-to prompt and from the table of contents: from Enter to the first
// words of the chapter on screen.
func jumps(lib *corpus.Library) {
	type target struct {
		doc, heading int
		words        string
	}
	var targets []target
	for di, d := range lib.Docs {
		for hi, h := range d.Outline {
			if h.Level != 1 || hi%3 != 1 {
				continue
			}
			if w := firstWords(d, h); w != "" {
				targets = append(targets, target{di, hi, w})
			}
		}
	}
	newSession(120, 40)
	state := freshState()
	tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+state, *samizdat+" revolution-betrayed")
	waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "help") })
	var times []time.Duration
	for i := 0; i < *runs && i < len(targets); i++ {
		t := targets[(i*7)%len(targets)]
		d := lib.Docs[t.doc]
		h := d.Outline[t.heading]
		tmux("send-keys", "-t", session, "o")
		tmux("send-keys", "-t", session, "-l", d.ShortTitle()+" "+h.Title)
		waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "1 of ") })
		time.Sleep(50 * time.Millisecond) // the prompt settled: Enter is all that is timed
		t0 := time.Now()
		tmux("send-keys", "-t", session, "Enter")
		times = append(times, waitFor(t0, func(s string) bool { return strings.Contains(s, t.words) }))
	}
	fmt.Println("jump to a chapter not yet shown, from the go-to prompt, 120x40:")
	report("samizdat", times)

	// From the contents: each document opened at its head with }, then
	// Tab, j to a chapter a few down, Enter; Tab, j, Enter again.
	newSession(120, 40)
	state = freshState()
	tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+state, *samizdat+" "+lib.Docs[0].ID)
	waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "help") })
	times = times[:0]
	for di, d := range lib.Docs {
		if di > 0 {
			tmux("send-keys", "-t", session, "}")
			waitFor(time.Now(), func(s string) bool { return strings.Contains(lastLine(s), d.ShortTitle()) })
		}
		for range 3 {
			time.Sleep(100 * time.Millisecond)
			tmux("send-keys", "-t", session, "Tab", "j", "j", "j")
			time.Sleep(150 * time.Millisecond)
			words := cursorWords(d, capture())
			if words == "" || strings.Contains(capture(), words) {
				tmux("send-keys", "-t", session, "Escape")
				continue // a heading with no paragraph after it, or on screen already
			}
			t0 := time.Now()
			tmux("send-keys", "-t", session, "Enter")
			times = append(times, waitFor(t0, func(s string) bool { return strings.Contains(s, words) }))
		}
	}
	fmt.Println("jump to a chapter not yet shown, from the contents, 120x40:")
	report("samizdat", times)
}

// cursorWords finds the heading under the contents' cursor and returns
// the first words of its text.
func cursorWords(d *corpus.Document, screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		i := strings.Index(line, "›")
		if i < 0 || i > 2 {
			continue
		}
		title := strings.TrimSpace(strings.SplitN(line[i+len("›"):], "│", 2)[0])
		title = strings.TrimLeft(title, "▸▾ ")
		title = strings.TrimRight(title, "…")
		for _, h := range d.Outline {
			if title != "" && strings.HasPrefix(h.Title, title) {
				return firstWords(d, h)
			}
		}
	}
	return ""
}

// firstWords is the start of the first paragraph of a section, as it
// shows on screen.
// markup is the Markdown a paragraph's words carry that the screen does
// not show: escapes, and the asterisks of an editor's note in italics.
var markup = strings.NewReplacer(`\`, "", "*", "")

func firstWords(d *corpus.Document, h corpus.Heading) string {
	b := d.BlockAt(h.Offset) + 1
	if b >= len(d.Blocks) {
		return ""
	}
	text := d.Body[d.Blocks[b].Start:d.Blocks[b].End]
	if strings.HasPrefix(text, "#") {
		return ""
	}
	text = strings.TrimPrefix(strings.TrimPrefix(text, "- "), "> ")
	f := strings.Fields(markup.Replace(text))
	if len(f) < 4 {
		return ""
	}
	return strings.Join(f[:4], " ")
}

// resizes times the re-layout after a change of width that changes the
// text's measure, so no rendering of it is cached.
func resizes() {
	newSession(120, 40)
	state := freshState()
	tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+state, *samizdat+" revolution-betrayed")
	waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "help") })
	tmux("send-keys", "-t", session, "-l", "40%")
	time.Sleep(300 * time.Millisecond)
	var times []time.Duration
	for i := range *runs {
		w := 90 + i%19 // the text's measure is w-29 from 90 to 108 columns
		// tmux holds back a resize that follows another within 250 ms.
		time.Sleep(400 * time.Millisecond)
		t0 := time.Now()
		tmux("resize-window", "-t", session, "-x", strconv.Itoa(w), "-y", "40")
		times = append(times, waitFor(t0, func(s string) bool { return laidOut(s, w) }))
	}
	fmt.Println("resize to a new width of text, re-laid-out:")
	report("samizdat", times)
}

// laidOut says whether a screen of width w shows text wrapped for it:
// the status bar ends at the edge, no line of text reaches it, and the
// text pane is full.
func laidOut(screen string, w int) bool {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) < 2 || !strings.HasSuffix(strings.TrimRight(lines[len(lines)-1], " "), "help") {
		return false
	}
	full := 0
	for _, l := range lines[:len(lines)-1] {
		n := len([]rune(strings.TrimRight(l, " ")))
		if n >= w-1 {
			return false
		}
		if _, text, ok := strings.Cut(l, "│"); ok && strings.TrimSpace(text) != "" {
			full++
		}
	}
	return full > len(lines)/2
}

// searches times a search at 120x40, in turn: less, from Enter after
// /Thermidor to the first match highlighted on screen; and the reader's
// search bar, from the last key of a query to the count of its matches on
// screen, the head of the list naming the query it counts. Each query but
// its last character is typed and its hits shown first, so only the last
// key is timed, as in less only Enter is.
func searches() {
	newSession(120, 40)
	var less []time.Duration
	for range *runs {
		tmux("respawn-pane", "-k", "-t", session, "less "+*source)
		waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "The bourgeois world at first tried") })
		tmux("send-keys", "-t", session, "-l", "/Thermidor")
		waitFor(time.Now(), func(s string) bool { return strings.Contains(lastLine(s), "/Thermidor") })
		time.Sleep(50 * time.Millisecond)
		t0 := time.Now()
		tmux("send-keys", "-t", session, "Enter")
		less = append(less, waitFor(t0, func(string) bool { return strings.Contains(captureStyled(), "\x1b[7mThermidor") }))
	}

	queries := []string{"thermidor", "socialism in one country", "duhring"}
	times := map[string][]time.Duration{}
	state := freshState()
	tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+state, *samizdat+" revolution-betrayed")
	waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "help") })
	for range *runs {
		for _, q := range queries {
			head, last := q[:len(q)-1], q[len(q)-1:]
			tmux("send-keys", "-t", session, "/")
			waitFor(time.Now(), func(s string) bool { return strings.Contains(lastLine(s), "Search ›") })
			tmux("send-keys", "-t", session, "-l", head)
			waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "for “"+head+"”") })
			time.Sleep(50 * time.Millisecond)
			t0 := time.Now()
			tmux("send-keys", "-t", session, "-l", last)
			times[q] = append(times[q], waitFor(t0, func(s string) bool { return strings.Contains(s, "for “"+q+"”") }))
			tmux("send-keys", "-t", session, "Escape")
			waitFor(time.Now(), func(s string) bool { return strings.HasSuffix(strings.TrimRight(lastLine(s), " "), "help") })
		}
	}
	fmt.Println("search, 120x40: from the last key to the matches on screen")
	report("less", less)
	for _, q := range queries {
		report(fmt.Sprintf("samizdat %q", q), times[q])
	}
}

// captureStyled is the screen with its styles, as escape sequences.
func captureStyled() string {
	return tmux("capture-pane", "-p", "-e", "-t", session)
}

// memory pages through every document at 200x60 and reads the reader's
// peak resident memory.
func memory(lib *corpus.Library) {
	newSession(200, 60)
	state := freshState()
	tmux("respawn-pane", "-k", "-t", session, "-e", "XDG_STATE_HOME="+state, *samizdat+" "+lib.Docs[0].ID)
	waitFor(time.Now(), func(s string) bool { return strings.Contains(s, "help") })
	pid := readerPID()
	for i := range lib.Docs {
		if i > 0 {
			tmux("send-keys", "-t", session, "}")
		}
		tmux("send-keys", "-t", session, "g")
		for {
			tmux("send-keys", "-t", session, "-N", "10", "Space")
			time.Sleep(40 * time.Millisecond)
			if s := capture(); strings.Contains(lastLine(s), "100%") {
				break
			}
		}
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		fail(err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM") || strings.HasPrefix(l, "VmRSS") || strings.HasPrefix(l, "Rss") {
			fmt.Println("after paging through every document at 200x60:", strings.Join(strings.Fields(l), " "))
		}
	}
	tmux("send-keys", "-t", session, "q")
	time.Sleep(300 * time.Millisecond)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// readerPID finds the reader's process under the pane.
func readerPID() int {
	out := tmux("display-message", "-p", "-t", session, "#{pane_pid}")
	pid, _ := strconv.Atoi(strings.TrimSpace(out))
	for range 3 {
		exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
		if filepath.Base(exe) == filepath.Base(*samizdat) {
			return pid
		}
		children, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
		f := strings.Fields(string(children))
		if len(f) == 0 {
			break
		}
		pid, _ = strconv.Atoi(f[0])
	}
	return pid
}

func newSession(w, h int) {
	tmux("kill-session", "-t", session)
	tmux("new-session", "-d", "-s", session, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "sleep 100000")
	tmux("set-option", "-t", session, "remain-on-exit", "on")
}

func freshState() string {
	dir, err := os.MkdirTemp("", "samizdat-state-")
	if err != nil {
		fail(err)
	}
	return dir
}

func capture() string {
	return tmux("capture-pane", "-p", "-t", session)
}

// waitFor polls the screen until ok, and returns the time since t0.
func waitFor(t0 time.Time, ok func(string) bool) time.Duration {
	for time.Since(t0) < 10*time.Second {
		if ok(capture()) {
			return time.Since(t0)
		}
	}
	fail(fmt.Errorf("timed out; the screen:\n%s", capture()))
	return 0
}

func report(name string, ds []time.Duration) {
	if len(ds) == 0 {
		fmt.Printf("  %-9s no runs\n", name)
		return
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
	fmt.Printf("  %-9s median %s ms  (min %s, max %s, %d runs)\n", name, ms(s[len(s)/2]), ms(s[0]), ms(s[len(s)-1]), len(s))
}

func tmux(args ...string) string {
	out, err := exec.Command("tmux", args...).CombinedOutput()
	if err != nil && args[0] != "kill-session" {
		fail(fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, out))
	}
	return string(out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "measure:", err)
	exec.Command("tmux", "kill-session", "-t", session).Run()
	os.Exit(1)
}
