package corpus

import (
	"slices"
	"strings"
	"testing"
)

func unitTexts(u Unit, text string) []string {
	var out []string
	for _, r := range Units(u, text) {
		out = append(out, text[r[0]:r[1]])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "One thing. Another thing! A third?", []string{"One thing.", "Another thing!", "A third?"}},
		{"initials", "It was V. I. Lenin who wrote it. Then he left.", []string{"It was V. I. Lenin who wrote it.", "Then he left."}},
		{"titles", "Mr. Smith met Dr. Jones. They spoke.", []string{"Mr. Smith met Dr. Jones.", "They spoke."}},
		{"page", "See p. 63 and pp. 70-71. The rest follows.", []string{"See p. 63 and pp. 70-71.", "The rest follows."}},
		{"etc", "Bread, land, peace, etc. These were the demands.", []string{"Bread, land, peace, etc. These were the demands."}},
		{"eg", "Some words, e.g. Soviet, stay. Others go.", []string{"Some words, e.g. Soviet, stay.", "Others go."}},
		{"quotes close it", `He said, "All power to the Soviets." The crowd cheered.`, []string{`He said, "All power to the Soviets."`, "The crowd cheered."}},
		{"curly quotes", "“Is it so?” he asked. “Yes.” So it was.", []string{"“Is it so?” he asked.", "“Yes.”", "So it was."}},
		{"brackets", "(This is an aside.) Back to the point.", []string{"(This is an aside.)", "Back to the point."}},
		{"note marker", "It was decided.[12] Then came the vote.", []string{"It was decided.[12]", "Then came the vote."}},
		{"lowercase after", "It ended... and then it began again.", []string{"It ended... and then it began again."}},
		{"acronym ends", "The U.S.S.R. The workers' state.", []string{"The U.S.S.R.", "The workers' state."}},
		{"decimal", "It rose 3.5 times. Then fell.", []string{"It rose 3.5 times.", "Then fell."}},
		{"numbered", "See No. 5 in the list. No. That is wrong.", []string{"See No. 5 in the list.", "No.", "That is wrong."}},
		{"numbered heading", "2. Comparative Estimate of These Achievements", []string{"2. Comparative Estimate of These Achievements"}},
		{"roman heading", "IV. The Struggle. It went on.", []string{"IV. The Struggle.", "It went on."}},
		{"a year ends one", "It was 1917. The year of revolution.", []string{"It was 1917.", "The year of revolution."}},
		{"no stop", "A heading without a stop", []string{"A heading without a stop"}},
		{"spaces", "  Leading and trailing.  ", []string{"Leading and trailing."}},
		{"lines", "A line\nand the next. Another\nsentence.", []string{"A line\nand the next.", "Another\nsentence."}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := unitTexts(Sentence, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWordsAndParagraphs(t *testing.T) {
	text := `  "All power," he said —  to them. `
	if got, want := unitTexts(Word, text), []string{`"All`, `power,"`, "he", "said", "—", "to", "them."}; !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
	if got, want := unitTexts(Paragraph, text), []string{`"All power," he said —  to them.`}; !slices.Equal(got, want) {
		t.Errorf("paragraph = %q, want %q", got, want)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("It was V. I. Lenin. “Yes.”[3] (No.) p. 63 etc.")
	f.Add("...!?")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, u := range []Unit{Word, Sentence, Paragraph} {
			last = 0
			for _, r := range Units(u, text) {
				if r[0] < last || r[1] <= r[0] || r[1] > len(text) {
					t.Fatalf("unit %d: range %v after %d in %q", u, r, last, text)
				}
				last = r[1]
			}
		}
	})
}

func TestUnitEdge(t *testing.T) {
	d := Parse("t.md", []byte("---\ntitle: T\n---\n\n# Head\n\nFirst one. Second one.\n\nNext block here. Last.\n"))
	plain := d.Plain()
	at := func(s string) int {
		for i := range len(plain) - len(s) + 1 {
			if plain[i:i+len(s)] == s {
				return i
			}
		}
		t.Fatalf("%q not in %q", s, plain)
		return -1
	}
	tests := []struct {
		name         string
		u            Unit
		from         int
		end, forward bool
		want         int
		ok           bool
	}{
		{"next sentence end", Sentence, at("First"), true, true, at("First one.") + len("First one."), true},
		{"across blocks", Sentence, at("Second one.") + len("Second one."), true, true, at("Next block here.") + len("Next block here."), true},
		{"back to a start", Sentence, at("Next"), false, false, at("Second"), true},
		{"word end", Word, at("block"), true, true, at("block") + len("block"), true},
		{"paragraph start back", Paragraph, at("Last."), false, false, at("Next"), true},
		{"none after", Sentence, len(plain), true, true, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := d.UnitEdge(tt.u, tt.from, tt.end, tt.forward)
			if ok != tt.ok || ok && got != tt.want {
				t.Errorf("UnitEdge = %d %v, want %d %v (plain %q)", got, ok, tt.want, tt.ok, plain)
			}
		})
	}
	if s, e, ok := d.UnitAt(Sentence, at("one. Second")); !ok || plain[s:e] != "First one." {
		t.Errorf("UnitAt = %q", plain[s:e])
	}
}

func TestTextUnits(t *testing.T) {
	d := Parse("t.md", []byte("---\ntitle: T\n---\n\n# Chapter 5: Head\n\n## 1. Why\n\nFirst one. Second one.\n\n\\* \\* \\*\n\nAfter the rule.\n\n## 2. Next\n\nThird one.\n"))
	plain := d.Plain()
	at := func(s string) int {
		i := strings.Index(plain, s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, plain)
		}
		return i
	}
	if s, e, ok := d.TextUnitAt(Sentence, 0); !ok || plain[s:e] != "First one." {
		t.Errorf("TextUnitAt(0) = %q %v, want the first sentence of text", plain[s:e], ok)
	}
	if s, e, ok := d.TextUnitAt(Sentence, at("Second one.")+len("Second one.")); !ok || plain[s:e] != "After the rule." {
		t.Errorf("TextUnitAt after a rule = %q %v", plain[s:e], ok)
	}
	tests := []struct {
		name         string
		u            Unit
		from         int
		end, forward bool
		want         int
		crossed      bool
	}{
		{"within a section", Sentence, at("First"), true, true, at(" Second"), false},
		{"over a rule", Sentence, at(" Second") + len(" Second one."), true, true, at("After the rule.") + len("After the rule."), false},
		{"into the next section", Paragraph, at("After the rule.") + len("After the rule."), true, true, len(plain), true},
		{"back into the last section", Sentence, at("Third"), false, false, at("After"), true},
		{"words over a heading", Word, at("rule.") + len("rule."), true, true, at("Third") + len("Third"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, crossed, ok := d.TextEdge(tt.u, tt.from, tt.end, tt.forward)
			if !ok || got != tt.want || crossed != tt.crossed {
				t.Errorf("TextEdge from %d = %d crossed %v ok %v, want %d crossed %v (plain %q)", tt.from, got, crossed, ok, tt.want, tt.crossed, plain)
			}
		})
	}
}
