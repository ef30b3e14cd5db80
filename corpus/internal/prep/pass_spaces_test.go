package prep

import "testing"

func TestRespace(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean text unchanged", `He said: "No." (Lenin, p. 3.)`, `He said: "No." (Lenin, p. 3.)`},
		{"run of spaces", "two  spaces   here", "two spaces here"},
		{"non-breaking space inside", "On\u00a0 August 19", "On August 19"},
		{"narrow no-break space", "p.\u202f12", "p. 12"},
		{"ends trimmed", "\u00a0 text \u00a0", "text"},
		{"space before comma", "first , second", "first, second"},
		{"space before semicolon and colon", "a ; b : c", "a; b: c"},
		{"space before question mark at end", "Why ?", "Why?"},
		{"space before full stop and quote", "commit suicide .'In", "commit suicide.'In"},
		{"spaced ellipsis kept", "Production and ...", "Production and ..."},
		{"spaced ellipsis mid-sentence kept", "and ... then", "and ... then"},
		{"dotted ellipsis kept", "my request. . . .’Original", "my request. . . .’Original"},
		{"dotted ellipsis mid-sentence kept", "so on . . . then", "so on . . . then"},
		{"decimal kept", "a .45 calibre", "a .45 calibre"},
		{"space inside brackets", "society. ( Lenin, 8th November 1917 )", "society. (Lenin, 8th November 1917)"},
		{"space inside square brackets", "[ sic ]", "[sic]"},
		{"dash keeps its spaces", "Rabkrin - the Inspectorate", "Rabkrin - the Inspectorate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Respace(tt.in); got != tt.want {
				t.Errorf("Respace(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
