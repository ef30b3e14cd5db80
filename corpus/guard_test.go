package corpus

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"samizdat/corpus/corpustest"
)

func TestFlattenLine(t *testing.T) {
	deep := func(unit string, n int) string { return strings.Repeat(unit, n) }
	tests := []struct{ name, in, want string }{
		{"prose", "Plain words.", "Plain words."},
		{"eight quotes", deep("> ", 8) + "x", deep("> ", 8) + "x"},
		{"nine quotes", deep("> ", 9) + "x", deep("> ", 8) + `\> x`},
		{"quotes without spaces", deep(">", 12) + " x", deep(">", 8) + `\>>>> x`},
		{"list markers", deep("- ", 10) + "x", deep("- ", 8) + `\- - x`},
		{"ordered markers", deep("1. ", 9) + "x", deep("1. ", 8) + `1\. x`},
		{"mixed", deep("> - ", 5) + "x", deep("> - ", 4) + `\> - x`},
		{"indented item", deep("  ", 7) + "- x", deep("  ", 7) + "- x"},
		{"too indented", deep("  ", 20) + "- x", deep("  ", 7) + "- x"},
		{"tabs", deep("\t", 9) + "- x", deep(" ", 14) + "- x"},
		{"indented text is no nesting", deep(" ", 40) + "text", deep(" ", 40) + "text"},
		{"code in a list", "    - " + deep(" ", 30) + "code", "    - " + deep(" ", 10) + "code"},
		{"a rule is no list", deep("* ", 12), deep("* ", 12)},
		{"a page anchor takes no room", "<!--page:3-->" + deep("> ", 9) + "x", "<!--page:3-->" + deep("> ", 8) + `\> x`},
		{"a year is no marker", "1917. The year.", "1917. The year."},
		{"stars of emphasis", "*a* *b*", "*a* *b*"},
	}
	for _, tt := range tests {
		got := flattenLine(tt.in)
		if got != tt.want {
			t.Errorf("%s: flattenLine(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if again := flattenLine(got); again != got {
			t.Errorf("%s: flattenLine is not idempotent: %q, then %q", tt.name, got, again)
		}
	}
}

func TestBreakWords(t *testing.T) {
	long := strings.Repeat("a", maxWord)
	tests := []struct{ name, in, want string }{
		{"short", "a few words", "a few words"},
		{"at the limit", long + " x", long + " x"},
		{"one over", long + "b", long + " b"},
		{"twice over", long + long + "b", long + " " + long + " b"},
		{"an escape stays whole", long[1:] + `\*b`, long[1:] + ` \*b`},
		{"characters stay whole", long[1:] + "жb", long[1:] + " жb"},
		{"lines end words", long + "\n" + long, long + "\n" + long},
	}
	for _, tt := range tests {
		if got := breakWords(tt.in); got != tt.want {
			t.Errorf("%s: breakWords gave %d bytes %q…, want %q…", tt.name, len(got), got[max(0, len(got)-12):], tt.want[max(0, len(tt.want)-12):])
		}
	}
}

func TestBlockCut(t *testing.T) {
	var list, deep strings.Builder
	for i := range 1000 {
		list.WriteString("- item\n")
		deep.WriteString(strings.Repeat("  ", i%8) + "- item\n")
	}
	tests := []struct {
		name string
		in   string
		at   byte // what the cut is at: a line end, a space, or 0 for a character
	}{
		{"long prose", strings.Repeat("word ", 5000), ' '},
		{"a long list", list.String(), '\n'},
		{"a deep list", deep.String(), '\n'},
		{"links", strings.Repeat("[a](b) ", 2000), ' '},
		{"brackets", strings.Repeat("[", maxWord), 0},
		{"no space", strings.Repeat("ж", maxBlock), 0},
		{"long words", strings.Repeat(strings.Repeat("y", maxWord)+" ", 30), ' '},
	}
	for _, tt := range tests {
		cut := blockCut(tt.in)
		if cut <= 0 || cut > maxBlock || !utf8.RuneStart(tt.in[cut]) {
			t.Errorf("%s: cut at %d of %d", tt.name, cut, len(tt.in))
			continue
		}
		if tt.at != 0 && tt.in[cut] != tt.at {
			t.Errorf("%s: cut at %q, want %q", tt.name, tt.in[cut], tt.at)
		}
		if _, cost := blockCost(tt.in[:cut], maxCost); cost > maxCost {
			t.Errorf("%s: the piece costs %d", tt.name, cost)
		}
		if _, cost := blockCost(tt.in[:min(len(tt.in), 2*cut)], maxCost); cut < maxBlock/2 && cost <= maxCost/2 {
			t.Errorf("%s: cut at %d, long before the limit (%d for twice as much)", tt.name, cut, cost)
		}
	}
	for _, small := range []string{"a paragraph", strings.Repeat("- item\n", 10), strings.Repeat("word ", 2000)} {
		if cut := blockCut(small); cut != 0 {
			t.Errorf("a small block cut at %d: %.40q", cut, small)
		}
	}
}

func TestBlockCost(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"words", "two words", 9 + lineCost},
		{"markup", "*a*", 3 + 2*markupCost + lineCost + (3+2*markupInWord)*(3+2*markupInWord)/wordCostDiv},
		{"a list item", "- x", 3 + lineCost + levelCost},
		{"two levels", "  - x", 5 + lineCost + 2*levelCost},
		{"two lines", "a\n> b", 5 + 2*lineCost + levelCost + markupCost},
		{"a long word", strings.Repeat("a", 100), 100 + lineCost + 100*100/wordCostDiv},
	}
	for _, tt := range tests {
		if _, got := blockCost(tt.in, 1<<30); got != tt.want {
			t.Errorf("%s: blockCost(%q) = %d, want %d", tt.name, tt.in, got, tt.want)
		}
	}
	if fit, _ := blockCost(strings.Repeat("a", 10_000), maxCost); fit >= 6000 {
		t.Errorf("a word of 10,000 bytes fits %d bytes in the budget", fit)
	}
}

func TestGuardFence(t *testing.T) {
	code := func(n int) string { return strings.TrimSuffix(strings.Repeat("x := 1\n", n), "\n") }
	tests := []struct {
		name   string
		in     string
		pieces int
	}{
		{"short", "```go\n" + code(10) + "\n```", 1},
		{"empty", "```\n```", 1},
		{"unclosed and short", "```\n" + code(10), 1},
		{"long", "```go\n" + code(3*maxCodeLines) + "\n```", 3},
		{"long and unclosed", "~~~~\n" + code(2*maxCodeLines+1), 3},
		{"one long line", "```\n" + strings.Repeat("y", 3*maxCodeLine), 1},
		{"many long lines", "```\n" + strings.Repeat(strings.Repeat("y", maxCodeLine)+"\n", 8), 3},
	}
	for _, tt := range tests {
		var rep repairs
		var got []string
		guardFence(tt.in, &rep, func(s string) bool { got = append(got, s); return true })
		if len(got) != tt.pieces {
			t.Errorf("%s: %d pieces, want %d", tt.name, len(got), tt.pieces)
			continue
		}
		if len(got) == 1 && got[0] != tt.in && !rep.code {
			t.Errorf("%s: changed but not said", tt.name)
		}
		open, _, _ := strings.Cut(tt.in, "\n")
		lines := 0
		for _, p := range got {
			ls := strings.Split(p, "\n")
			if len(got) > 1 && (ls[0] != open || ls[len(ls)-1] != fenceRun(open)) {
				t.Errorf("%s: a piece not fenced as the block: %q … %q", tt.name, ls[0], ls[len(ls)-1])
			}
			if len(ls) > maxCodeLines+2 || len(p) > maxBlock+2*len(open)+2 || longestLine(p) > maxCodeLine {
				t.Errorf("%s: a piece of %d lines, %d bytes", tt.name, len(ls), len(p))
			}
			lines += len(ls) - 2
		}
		if body := strings.Count(tt.in, "\n"); len(got) > 1 && strings.Contains(tt.name, "long line") == false && lines < body-1 {
			t.Errorf("%s: %d lines of code kept of %d", tt.name, lines, body)
		}
	}
}

func TestGuardHeading(t *testing.T) {
	var rep repairs
	short := "## A title"
	if h, rest := guardHeading(short, 2, &rep); h != short || rest != "" || rep.blocks {
		t.Errorf("a short heading: %q, %q", h, rest)
	}
	long := "# " + strings.Repeat("word ", 400)
	h, rest := guardHeading(long, 1, &rep)
	if len(h) > maxHeading+2 || !strings.HasPrefix(long, h) || !strings.HasSuffix(long, rest) || !rep.blocks {
		t.Errorf("a long heading: %d bytes, rest %d bytes", len(h), len(rest))
	}
}

// withinLimits fails t if a block of doc is more than the guards allow.
func withinLimits(t *testing.T, name string, doc *Document) {
	t.Helper()
	for i, b := range doc.Blocks {
		text := doc.Body[b.Start:b.End]
		first, _, _ := strings.Cut(text, "\n")
		if fenceOf(first) != "" {
			if len(text) > maxBlock+2*len(first)+2 || strings.Count(text, "\n") > maxCodeLines+1 || longestLine(text) > maxCodeLine {
				t.Errorf("%s: code block %d: %d bytes, %d lines", name, i, len(text), strings.Count(text, "\n")+1)
			}
			continue
		}
		if _, cost := blockCost(text, 1<<62); len(text) > maxBlock || cost > maxCost {
			t.Errorf("%s: block %d: %d bytes, costs %d", name, i, len(text), cost)
		}
		for _, w := range strings.Fields(text) {
			if len(w) > maxWord {
				t.Errorf("%s: block %d: a word of %d bytes", name, i, len(w))
			}
		}
		for line := range strings.SplitSeq(text, "\n") {
			if flattenLine(line) != line {
				t.Errorf("%s: block %d: nested too deep: %.60q", name, i, line)
			}
		}
	}
}

// TestBombs loads the Markdown bombs: every block within the limits, and
// the document's warnings say what was done.
func TestBombs(t *testing.T) {
	for name, data := range corpustest.BombFiles() {
		doc := Parse(name, data)
		withinLimits(t, name, doc)
		if len(doc.Warnings) == 0 && name != "headings.md" {
			t.Errorf("%s: guarded without a warning", name)
		}
		// Cut where it must be, not everywhere.
		if name != "headings.md" && len(doc.Blocks) > 2+len(data)/64 {
			t.Errorf("%s: %d blocks of %d bytes", name, len(doc.Blocks), len(data))
		}
	}
}

// TestEditionUnguarded: the edition's own documents are within every
// limit, so the guards change nothing in them.
func TestEditionUnguarded(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range lib.Docs {
		data, err := embedded.ReadFile("docs/" + d.Path)
		if err != nil {
			t.Fatal(err)
		}
		if g := Parse(d.Path, data); len(g.Warnings) > 0 || g.Body != d.Body || !slices.Equal(g.Blocks, d.Blocks) {
			t.Errorf("%s: the guards change it: %q", d.ID, g.Warnings)
		}
	}
}

func FuzzGuards(f *testing.F) {
	for _, data := range corpustest.BombFiles() {
		f.Add(data[:min(len(data), 2<<10)]) // the fuzzer grows them
	}
	f.Add([]byte("- > 1. * " + strings.Repeat("\t> ", 20) + "x\n"))
	f.Add([]byte("```\n" + strings.Repeat("long line ", 1000) + "\n"))
	f.Add([]byte("# " + strings.Repeat("h", 3000) + "\n\nTitle\n===\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		withinLimits(t, "fuzz", Parse("f.md", data))
	})
}

func TestLayoutCost(t *testing.T) {
	d := Parse("a.md", []byte("# Title\n\nSome words.\n\n```\ncode\nmore\n```\n"))
	heading := blockOverhead + len("# Title") + lineCost
	words := blockOverhead + len("Some words.") + lineCost + markupCost + (6+markupInWord)*(6+markupInWord)/wordCostDiv // "words." a word of weight 9
	code := blockOverhead + len("```\ncode\nmore\n```") + 4*codeLineCost
	if got, want := d.LayoutCost(0, len(d.Blocks)), heading+words+code; got != want {
		t.Errorf("LayoutCost = %d, want %d", got, want)
	}
	if got := d.LayoutCost(1, 2); got != words {
		t.Errorf("LayoutCost of the paragraph = %d, want %d", got, words)
	}
}
