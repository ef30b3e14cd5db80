package corpus

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"1917. The year", `1917\. The year`},
		{"- a dash", `\- a dash`},
		{"# not a heading", `\# not a heading`},
		{"> not a quote", `\> not a quote`},
		{"a *star* and _under_", `a \*star\* and \_under\_`},
		{"x < y & z", `x \< y & z`},
		{"&amp; stays text", `\&amp; stays text`},
		{`back\slash`, `back\\slash`},
		{"[a](b)", `\[a\](b)`},
		{"note[^3] here", "note[^3] here"},
		{"[^3]: The note.", "[^3]: The note."},
		{"end of page <!--page:37-->next", "end of page <!--page:37-->next"},
		{"in 1917. Then", "in 1917. Then"},
	}
	for _, tt := range tests {
		if got := EscapeMarkdown(tt.in); got != tt.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
