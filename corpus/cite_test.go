package corpus

import "testing"

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
	d, err := Parse("lf.md", []byte(citeSample))
	if err != nil {
		t.Fatal(err)
	}
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
	}
	for _, tt := range tests {
		if got := ParseTarget(tt.in); got != tt.want {
			t.Errorf("ParseTarget(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestPercentOffset(t *testing.T) {
	d, err := Parse("lf.md", []byte(citeSample))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.PercentOffset(0); got != 0 {
		t.Errorf("0%% = %d", got)
	}
	last := d.Blocks[len(d.Blocks)-1].Start
	if got := d.PercentOffset(100); got != last {
		t.Errorf("100%% = %d, want %d", got, last)
	}
	if got := d.PercentOffset(50); got != d.Blocks[1].Start && got != d.Blocks[2].Start {
		t.Errorf("50%% = %d, not a block start", got)
	}
}
