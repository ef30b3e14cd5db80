package render

import "testing"

func TestJoinSoftBreaks(t *testing.T) {
	tests := []struct {
		in, want string
		table    bool
	}{
		{"one\ntwo\nthree", "one two three", false},
		{"hard  \nbreak", "hard  \nbreak", false},
		{"hard\\\nbreak", "hard\\\nbreak", false},
		{"trailing \nspace", "trailing space", false},
		{"> a quotation\n> over lines\nand lazily", "> a quotation over lines and lazily", false},
		{"- an item\n  wrapped\n- another", "- an item wrapped\n- another", false},
		{"1. one\n2. two", "1. one\n2. two", false},
		{"# heading\ntext\nmore", "# heading\ntext more", false},
		{"```\ncode\nmore\n```", "```\ncode\nmore\n```", false},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "| a | b |\n|---|---|\n| 1 | 2 |", true},
		{"one line", "one line", false},
	}
	for _, tt := range tests {
		got, table := joinSoftBreaks(tt.in)
		if got != tt.want || table != tt.table {
			t.Errorf("joinSoftBreaks(%q) = %q, %v; want %q, %v", tt.in, got, table, tt.want, tt.table)
		}
	}
}
