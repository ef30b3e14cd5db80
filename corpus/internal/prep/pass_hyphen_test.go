package prep

import "testing"

func TestHyphensKeeps(t *testing.T) {
	h := NewHyphens([]string{
		"the right of self-determination of nations",
		"a day-to-day check",
		"the first anticapi-", // a hyphen at a line's end proves nothing
	}, []string{"co-operation"})
	tests := []struct {
		line, next string
		want       bool
	}{
		{"the first anticapi-", "talist revolution", false},
		{"principle of self-", "determination, then", true}, // the text writes it so
		{"a day-", "to-day check", true},
		{"an honest co-", "operation in the higher", true}, // the recipe keeps it
		{"of the non-", "Russian nationalities", true},     // a capital follows
		{"pp. 712-", "18).", true},                         // numbers
		{"“anti-", "party groups", false},
		{"distor-", "tion and falsification", false},
	}
	for _, tt := range tests {
		if got := h.Keeps(tt.line, tt.next); got != tt.want {
			t.Errorf("Keeps(%q, %q) = %v, want %v", tt.line, tt.next, got, tt.want)
		}
	}
}
