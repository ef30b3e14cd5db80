package prep

import "testing"

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
