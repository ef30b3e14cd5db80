package corpus

import (
	"strings"
	"testing"
)

const citeSample = `---
id: lf
title: Lenin's Fight Against Stalinism
author: V. I. Lenin and Leon Trotsky
editor: Russell Block
year: "1975"
publisher: Pathfinder Press, New York
---

# Part III: Lenin's Testament

## Letter to the Congress

I would urge <!--page:63-->strongly that at this Congress a number of changes be made.
`

func TestCite(t *testing.T) {
	d := Parse("lf.md", []byte(citeSample))
	want := "V. I. Lenin and Leon Trotsky, Lenin's Fight Against Stalinism, ed. Russell Block " +
		"(Pathfinder Press, New York, 1975), Part III: Lenin's Testament — Letter to the Congress, p. 63."
	if got := d.Cite(len(d.Body) - 1); got != want {
		t.Errorf("Cite =\n%s\nwant\n%s", got, want)
	}
	want = "V. I. Lenin and Leon Trotsky, Lenin's Fight Against Stalinism, ed. Russell Block " +
		"(Pathfinder Press, New York, 1975), Part III: Lenin's Testament."
	if got := d.Cite(0); got != want {
		t.Errorf("Cite(0) =\n%s\nwant\n%s", got, want)
	}
}

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in   string
		want Target
	}{
		{"p37", Target{Kind: TargetPage, Page: "37"}},
		{"p. 37", Target{Kind: TargetPage, Page: "37"}},
		{"Page 037", Target{Kind: TargetPage, Page: "37"}},
		{"pp. 5", Target{Kind: TargetPage, Page: "5"}},
		{"50%", Target{Kind: TargetPercent, Percent: 50}},
		{" 12.5 % ", Target{Kind: TargetPercent, Percent: 12.5}},
		{"150%", Target{Kind: TargetHeading, Text: "150%"}},
		{"-5%", Target{Kind: TargetHeading, Text: "-5%"}},
		{"planning", Target{Kind: TargetHeading, Text: "planning"}},
		{"p", Target{Kind: TargetHeading, Text: "p"}},
		{"part 3", Target{Kind: TargetHeading, Text: "part 3"}},
		{"", Target{Kind: TargetHeading, Text: ""}},
		{"P37", Target{Kind: TargetPage, Page: "37"}},
		{"p.37", Target{Kind: TargetPage, Page: "37"}},
		{" page  160 ", Target{Kind: TargetPage, Page: "160"}},
		{"p0", Target{Kind: TargetPage, Page: "0"}},
		{"p37a", Target{Kind: TargetHeading, Text: "p37a"}},
		{"pp. 37-38", Target{Kind: TargetHeading, Text: "pp. 37-38"}},
		{"1917", Target{Kind: TargetHeading, Text: "1917"}},
		{"0%", Target{Kind: TargetPercent, Percent: 0}},
		{"100%", Target{Kind: TargetPercent, Percent: 100}},
		{"50 %", Target{Kind: TargetPercent, Percent: 50}},
		{"%", Target{Kind: TargetHeading, Text: "%"}},
		{"half%", Target{Kind: TargetHeading, Text: "half%"}},
	}
	for _, tt := range tests {
		if got := ParseTarget(tt.in); got != tt.want {
			t.Errorf("ParseTarget(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

// TestPercentOffset: a place found by percentage is called that
// percentage, and every offset is at or past the place of its percentage.
func TestPercentOffset(t *testing.T) {
	d := Parse("lf.md", []byte(strings.Repeat(citeSample, 20)))
	n := len(d.Body)
	if n < 200 {
		t.Fatalf("the sample is %d bytes, too short to measure in percent", n)
	}
	if got := d.PercentOffset(0); got != 0 {
		t.Errorf("0%% = %d", got)
	}
	if got := d.PercentOffset(100); got != n {
		t.Errorf("100%% = %d, want the end, %d", got, n)
	}
	for p := range 101 {
		if got := d.Percent(d.PercentOffset(float64(p))); got != p {
			t.Errorf("%d%% is at %d, which Percent calls %d%%", p, d.PercentOffset(float64(p)), got)
		}
	}
	for _, pct := range []float64{12.5, 0.5, 33.3, 99.9} {
		if got, want := d.Percent(d.PercentOffset(pct)), int(pct); got != want {
			t.Errorf("%g%% is called %d%%, want %d%%", pct, got, want)
		}
	}
	for off := range n {
		if p := d.Percent(off); d.PercentOffset(float64(p)) > off {
			t.Errorf("offset %d is called %d%%, which begins after it, at %d", off, p, d.PercentOffset(float64(p)))
		}
	}
}

// FuzzParseTarget: whatever is typed at the prompt, a page is a number
// and a percentage lies between 0 and 100.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"p37", "p. 37", "page 037", "50%", " 12.5 % ", "pp. 5", "planning", "1e2%", "NaN%", "p"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg := ParseTarget(s)
		switch tg.Kind {
		case TargetPage:
			if tg.Page == "" || strings.Trim(tg.Page, "0123456789") != "" {
				t.Errorf("ParseTarget(%q): page %q", s, tg.Page)
			}
		case TargetPercent:
			if !(tg.Percent >= 0 && tg.Percent <= 100) {
				t.Errorf("ParseTarget(%q): %v%%", s, tg.Percent)
			}
		}
	})
}
