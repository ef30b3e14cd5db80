package prep

import (
	"strings"
	"testing"
)

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

func TestEmitBlocks(t *testing.T) {
	tests := []struct {
		name  string
		block Block
		want  string
	}{
		{"a paragraph", Block{Kind: Para, Text: "1) The problems."}, `1\) The problems.`},
		{"text after a page anchor starts the line", Block{Kind: Para, Text: "<!--page:79-->1) The problems."}, `<!--page:79-->1\) The problems.`},
		{"after two anchors", Block{Kind: Para, Text: "<!--page:7--><!--page:8--># not a heading"}, `<!--page:7--><!--page:8-->\# not a heading`},
		{"after a note's label", Block{Kind: Para, Text: "[^3]: <!--page:60-->- A dash."}, `[^3]: <!--page:60-->\- A dash.`},
		{"after a note marker the line has begun", Block{Kind: Para, Text: "[^3] - text"}, `[^3] - text`},
		{"a quotation", Block{Kind: Quote, Text: "> Not nested."}, `> \> Not nested.`},
		{"an editor's note", Block{Kind: EditorNote, Text: "The second part covers *this*"}, `*The second part covers \*this\**`},
		{"a note of paragraphs", Block{Kind: Para, Text: "[^10]: The Duma.\n\nBrest-Litovsk.\n\n1917. Kuhlmann."},
			"[^10]: The Duma.\n\n    Brest-Litovsk.\n\n    1917\\. Kuhlmann."},
	}
	for _, tt := range tests {
		got := string(Emit(Meta{ID: "x", Title: "T", Author: "A"}, []Block{tt.block}))
		_, got, _ = strings.Cut(got, "---\n\n")
		if got != tt.want+"\n" {
			t.Errorf("%s: Emit wrote %q, want %q", tt.name, got, tt.want+"\n")
		}
	}
}
