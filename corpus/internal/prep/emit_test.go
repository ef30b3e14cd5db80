package prep

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
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEmit(t *testing.T) {
	got := string(Emit(Meta{ID: "x", Title: "T: a title", Author: "A"}, []Block{
		{Kind: HeadingBlock, Level: 1, Text: "Chapter 1"},
		{Kind: Para, Text: "Text."},
		{Kind: ListItem, Text: "item"},
		{Kind: HeadingBlock, Level: 2, Text: "Named", Anchor: "n"},
	}))
	want := "---\nid: x\ntitle: 'T: a title'\nauthor: A\n---\n\n# Chapter 1\n\nText.\n\n- item\n\n## Named {#n}\n"
	if got != want {
		t.Fatalf("Emit =\n%s\nwant\n%s", got, want)
	}
}
