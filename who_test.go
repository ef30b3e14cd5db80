package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestWhoOrdzhonikidze(t *testing.T) {
	out, errOut, code := runCmd(t, "who", "ordzhonikidze")
	if code != exitOK || errOut != "" || strings.Contains(out, "\x1b") {
		t.Fatalf("exit %d, %q:\n%s", code, errOut, out)
	}
	for _, want := range []string{
		"Ordzhonikidze, Grigory Konstantinovich (1886–1937)\n",
		"A close personal friend and political supporter of Stalin.",
		"— from Lenin’s Fight Against Stalinism, Biographical Notes, p. 153\n",
		"Also written: ", "Ordjonikidze",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	works := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		if id, _, ok := strings.Cut(line, "#"); ok && !strings.Contains(id, " ") {
			works[id] = true
		}
	}
	if len(works) < 2 {
		t.Errorf("mentions in %d works: %v", len(works), works)
	}
}

// wholeWords is where any of spellings occurs in text, both lowercased,
// where neither the character before nor the one after is a letter or
// digit: the byte ranges, those that overlap joined ("Sergo Ordzhonikidze"
// holds "Ordzhonikidze").
func wholeWords(text string, spellings []string) [][2]int {
	text = strings.ToLower(text)
	var found [][2]int
	for _, s := range spellings {
		s = strings.ToLower(s)
		for i := 0; s != ""; {
			j := strings.Index(text[i:], s)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(s)
			before, _ := utf8.DecodeLastRuneInString(text[:start])
			after, _ := utf8.DecodeRuneInString(text[end:])
			if !isAlnum(before) && !isAlnum(after) {
				found = append(found, [2]int{start, end})
			}
			i = start + 1
		}
	}
	slices.SortFunc(found, func(a, b [2]int) int { return a[0] - b[0] })
	var out [][2]int
	for _, f := range found {
		if n := len(out); n > 0 && f[0] < out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], f[1])
			continue
		}
		out = append(out, f)
	}
	return out
}

func isAlnum(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// TestWhoCountsMatchPlain: the mentions `who --json` counts in each work
// of the library are the whole-word, case-folded occurrences of the name
// and its other spellings in what `read --plain` prints, less those in
// the person's own note: found by plain string search here, not by the
// index's words and folding.
func TestWhoCountsMatchPlain(t *testing.T) {
	list, _, code := runCmd(t, "list")
	if code != exitOK {
		t.Fatalf("list: exit %d", code)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(list), "\n") {
		if f := strings.Fields(line); len(f) > 1 {
			ids = append(ids, f[1])
		}
	}
	if len(ids) != 5 {
		t.Fatalf("the library lists %d works: %q", len(ids), list)
	}
	texts := map[string]string{}
	for _, id := range ids {
		text, _, code := runCmd(t, "read", id, "--plain")
		if code != exitOK || len(text) < 50000 {
			t.Fatalf("read %s: exit %d, %d bytes", id, code, len(text))
		}
		texts[id] = text
	}
	for _, tt := range []struct {
		name      string
		atLeast   int // mentions
		works     int // with a mention, at least
		spellings int // at least
	}{
		{"zinoviev", 50, 5, 2},
		{"ordzhonikidze", 30, 4, 4},
	} {
		out, _, code := runCmd(t, "who", tt.name, "--json")
		if code != exitOK {
			t.Fatalf("who %s: exit %d", tt.name, code)
		}
		var who whoJSON
		if err := json.Unmarshal([]byte(out), &who); err != nil {
			t.Fatal(err)
		}
		spellings := append([]string{who.Short}, who.Variants...)
		if who.Total != len(who.Mentions) || who.Total < tt.atLeast || len(who.Variants) < tt.spellings {
			t.Fatalf("%s: total %d, %d mentions, spelt %q", tt.name, who.Total, len(who.Mentions), who.Variants)
		}
		sum, works := 0, 0
		for _, id := range ids {
			n := who.Counts[id]
			sum += n
			if n > 0 {
				works++
			}
			text := texts[id]
			want := len(wholeWords(text, spellings))
			if id == who.Source.Work {
				// The paragraph of the note itself.
				start := strings.Index(text, "\n"+who.Name+" (")
				if start < 0 {
					t.Fatalf("no note of %s in %s", who.Name, id)
				}
				note, _, _ := strings.Cut(text[start+1:], "\n")
				want -= len(wholeWords(note, spellings))
			}
			if n != want {
				t.Errorf("%s in %s: who counts %d, read --plain holds %d", tt.name, id, n, want)
			}
		}
		if sum != who.Total || works < tt.works {
			t.Errorf("%s: counts add up to %d, total %d, in %d works", tt.name, sum, who.Total, works)
		}
		for _, m := range who.Mentions {
			if len(wholeWords(m.Snippet, spellings)) == 0 || m.Anchor == "" || m.End <= m.Start {
				t.Errorf("%s: mention %+v", tt.name, m)
			}
		}
	}
}

func TestWhoKamenev(t *testing.T) {
	out, _, code := runCmd(t, "who", "KAMENEV", "--json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var who whoJSON
	if err := json.Unmarshal([]byte(out), &who); err != nil {
		t.Fatal(err)
	}
	if who.Source.Work != "lenins-fight" || who.Source.Section != "Biographical Notes" || who.Source.Page != "151" {
		t.Errorf("source %+v", who.Source)
	}
	for _, id := range []string{"revolution-betrayed", "rise-of-stalinism"} {
		if who.Counts[id] == 0 {
			t.Errorf("no mention of Kamenev in %s: %v", id, who.Counts)
		}
	}
}

func TestWhoOneWork(t *testing.T) {
	out, _, code := runCmd(t, "who", "kabanidze")
	if code != exitOK || !strings.Contains(out, "\nMentioned 3 times in 1 work\n") || !strings.HasPrefix(out, "Kabanidze\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestWhoAmbiguous(t *testing.T) {
	out, errOut, code := runCmd(t, "who", "eltsin")
	if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 ||
		!strings.Contains(errOut, `Eltsin, Boris Mikhailovich (1879–1937?), as "Boris Eltsin"`) ||
		!strings.Contains(errOut, `Eltsin, Viktor Borisovich, as "Viktor Eltsin"`) {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if out, _, code := runCmd(t, "who", "Viktor Eltsin"); code != exitOK || !strings.HasPrefix(out, "Eltsin, Viktor Borisovich\n") {
		t.Errorf("Viktor Eltsin: exit %d\n%s", code, out)
	}
}

func TestWhoUnknown(t *testing.T) {
	out, errOut, code := runCmd(t, "who", "zinovjev")
	if code != exitNotFound || out != "" || errOut != "samizdat: no one called \"zinovjev\"; did you mean Zinoviev?\n" {
		t.Errorf("exit %d, %q, %q", code, out, errOut)
	}
}

func TestWhoEveryone(t *testing.T) {
	out, _, code := runCmd(t, "who")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != exitOK || len(lines) < 45 {
		t.Fatalf("exit %d, %d lines", code, len(lines))
	}
	found := false
	for _, l := range lines {
		if strings.HasPrefix(l, "Zinoviev ") && strings.Contains(l, "Zinoviev, Grigory Yevseyevich (1883–1936)") &&
			strings.Contains(l, "lenins-fight 40") {
			found = true
		}
	}
	if !found {
		t.Errorf("no line of Zinoviev in:\n%s", out)
	}
	out, _, code = runCmd(t, "who", "--json")
	var all []whoListJSON
	if err := json.Unmarshal([]byte(out), &all); err != nil || code != exitOK || len(all) != len(lines) {
		t.Errorf("who --json: exit %d, %v, %d entries", code, err, len(all))
	}
}

// TestWhoFolder: a folder of the reader's own has no people index, and
// who says so.
func TestWhoFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nZinoviev spoke.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"who", "zinoviev"}, {"who"}} {
		out, errOut, code := runCmd(t, append([]string{"--dir", dir}, args...)...)
		if code != exitNotFound || out != "" || !strings.Contains(errOut, "this library has no people index") {
			t.Errorf("%v: exit %d, %q, %q", args, code, out, errOut)
		}
	}
	if out, _, _ := runCmd(t, "--dir", dir, "__complete", "who", "z"); strings.Contains(out, "\t") {
		t.Errorf("completion offers names in a folder: %q", out)
	}
}

func TestWhoCompletion(t *testing.T) {
	for _, tt := range []struct{ typed, want string }{
		{"zin", "zinoviev\tZinoviev, Grigory Yevseyevich (1883–1936)\n"},
		{"Ordz", "Ordzhonikidze\tOrdzhonikidze, Grigory Konstantinovich (1886–1937)\n"},
		{"ordj", "ordjonikidze\tOrdzhonikidze, Grigory Konstantinovich (1886–1937)\n"},
		{"Elts", "Eltsin\t2 people\n"},
	} {
		out, _, _ := runCmd(t, "__complete", "who", tt.typed)
		if !strings.HasPrefix(out, tt.want) {
			t.Errorf("who %s<tab>: %q", tt.typed, out)
		}
	}
}
