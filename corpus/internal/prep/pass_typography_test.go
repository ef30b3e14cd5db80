package prep

import "testing"

func TestTypesetText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a quotation", `He said "no" to it.`, "He said “no” to it."},
		{"apostrophes", `Lenin's widow didn't, the workers' state`, "Lenin’s widow didn’t, the workers’ state"},
		{"an apostrophe opens a word", `'twas the '30s, rock 'n' roll, 'Tis so`, "’twas the ’30s, rock ’n’ roll, ’Tis so"},
		{"a single quotation", `the 'happy life' of 'Society'.`, "the ‘happy life’ of ‘Society’."},
		{"nested quotations", `"We said 'Trotsky'." And "'Long live!' they cried."`,
			"“We said ‘Trotsky’.” And “‘Long live!’ they cried.”"},
		{"a quotation opens a paragraph and runs on", `"The differentiation of the elite was made. […]`,
			"“The differentiation of the elite was made. […]"},
		{"a quotation closes a paragraph", `hypocrisy, 'Trotsky'." (Quoted in Fainsod, p. 322.)`,
			"hypocrisy, ‘Trotsky’.” (Quoted in Fainsod, p. 322.)"},
		{"after a dash and a bracket", `a "practico" - "the hards" ("the softs")`, "a “practico”—“the hards” (“the softs”)"},
		{"an interrupted quotation", `"I think--" he said.`, "“I think—” he said."},
		{"two single marks for a double", `''while holding,'' he writes.`, "“while holding,” he writes."},
		{"after an ellipsis", `"...and so on..."`, "“…and so on…”"},
		{"between two words, opening", `the word"Trotskyism" was`, "the word“Trotskyism” was"},
		{"between two words, closing", `"Trotskyism"was`, "“Trotskyism”was"},
		{"dashes", `Stalin - the executioner -- who--through it; 1921 -that is`, "Stalin—the executioner—who—through it; 1921—that is"},
		{"a spaced en dash", "forward – slavery, feudalism – has", "forward—slavery, feudalism—has"},
		{"hyphens stay", "a five-year plan, 60- to 80-, the Stalin- Bukharin bloc, (1881- )", "a five-year plan, 60- to 80-, the Stalin- Bukharin bloc, (1881- )"},
		{"ranges", "1917-23, pp. 18-9, (1883-1936), 30-31n", "1917–23, pp. 18–9, (1883–1936), 30–31n"},
		{"no range in a chain or a word", "12-3-1923, T-34, 5-year, 1.5-2", "12-3-1923, T-34, 5-year, 1.5-2"},
		{"ellipses", "the state... And so . . . on. . . . Then", "the state… And so … on…. Then"},
		{"page anchors are read past", `<!--page:33-->"What does it say there?"`, "<!--page:33-->“What does it say there?”"},
		{"a quote after an anchor mid-word", `the "word<!--page:7-->" here`, "the “word<!--page:7-->” here"},
		{"note markers stay", `[^12]: "Quoted"[^3] here--and`, "[^12]: “Quoted”[^3] here—and"},
		{"web addresses stay", `see http://www.marxists.org/a--b's/.../1-2 and 'www.x.org/y'...`, "see http://www.marxists.org/a--b's/.../1-2 and ‘www.x.org/y’…"},
		{"code spans stay", "type `\"a\" -- b` here", "type `\"a\" -- b` here"},
		{"curly marks stay", "“Already” ‘curly’ — and spaced", "“Already” ‘curly’ — and spaced"},
		{"a note of two paragraphs", "[^9]: First.\n\n\"Second,\" it says.", "[^9]: First.\n\n“Second,” it says."},
	}
	for _, tt := range tests {
		if got := TypesetText(tt.in); got != tt.want {
			t.Errorf("%s: TypesetText(%q)\n = %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestTypeset(t *testing.T) {
	blocks := []Block{
		{Kind: HeadingBlock, Level: 2, Text: `The "great war leader"`},
		{Kind: Para, Text: "It's so."},
	}
	got := Typeset(blocks)
	if got[0].Text != "The “great war leader”" || got[1].Text != "It’s so." || got[0].Kind != HeadingBlock {
		t.Errorf("Typeset = %+v", got)
	}
	if blocks[1].Text != "It's so." {
		t.Error("Typeset changed its argument")
	}
}

// FuzzTypesetText checks that typesetting keeps every character that is
// not a mark it sets, and leaves text that holds none of them alone.
func FuzzTypesetText(f *testing.F) {
	for _, s := range []string{`"a" 'b' c--d 1-2 ...`, "<!--page:3-->x", "[^1]: y", "\uE000\uE001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := TypesetText(s)
		if strip(got) != strip(s) {
			t.Errorf("TypesetText(%q) = %q: changed more than the marks", s, got)
		}
	})
}

// strip is s without the characters Typeset may set or take out.
func strip(s string) string {
	var out []rune
	for _, r := range s {
		switch r {
		case '"', '\'', '“', '”', '‘', '’', '-', '–', '—', '.', '…', ' ':
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
