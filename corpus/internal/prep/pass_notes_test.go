package prep

import (
	"reflect"
	"strings"
	"testing"
)

func noteTestBlocks() []Block {
	return []Block{
		{Kind: HeadingBlock, Level: 1, Text: "Part II"},
		{Kind: Para, Text: "Lenin’s wife, N. Krupskaya.! As long as there remained a glimmer"},
		{Kind: Para, Text: "the Soviet congress.’ For five months he languishes (1922),9 sitting"},
		{Kind: HeadingBlock, Level: 2, Text: "Notes to Part II"},
		{Kind: Para, Text: "1. According to the version published."},
		{Kind: Para, Text: "2. Lenin made this remark."},
		{Kind: Para, Text: "<!--page:60-->3. The plenum was actually held on October 6."},
		{Kind: Para, Text: "Brest-Litovsk was a town on the Russo-Polish border."},
		{Kind: HeadingBlock, Level: 1, Text: "Part III"},
		{Kind: Para, Text: "Lenin’s “Letter to the Congress”"},
	}
}

func TestMarkNotes(t *testing.T) {
	got, err := MarkNotes(noteTestBlocks(), []NoteSeries{{Text: "Part II", Notes: "Notes to Part II", Marks: []NoteMark{
		{"N. Krupskaya.", "!"},
		{"the Soviet congress.’", ""}, // lost: restored
		{"(1922),", "9"},
	}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: HeadingBlock, Level: 1, Text: "Part II"},
		{Kind: Para, Text: "Lenin’s wife, N. Krupskaya.[^1] As long as there remained a glimmer"},
		{Kind: Para, Text: "the Soviet congress.’[^2] For five months he languishes (1922),[^3] sitting"},
		{Kind: HeadingBlock, Level: 2, Text: "Notes to Part II"},
		{Kind: Para, Text: "[^1]: According to the version published."},
		{Kind: Para, Text: "[^2]: Lenin made this remark."},
		{Kind: Para, Text: "[^3]: <!--page:60-->The plenum was actually held on October 6.\n\nBrest-Litovsk was a town on the Russo-Polish border."},
		{Kind: HeadingBlock, Level: 1, Text: "Part III"},
		{Kind: Para, Text: "Lenin’s “Letter to the Congress”"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MarkNotes =\n%+v\nwant\n%+v", got, want)
	}
}

func TestMarkNotesFails(t *testing.T) {
	tests := []struct {
		name  string
		marks []NoteMark
		want  string
	}{
		{"fewer markers than notes", []NoteMark{{"N. Krupskaya.", "!"}, {"(1922),", "9"}}, "3 notes but 2 markers"},
		{"a marker not found", []NoteMark{{"N. Krupskaya.", "!"}, {"the Soviet congress.", "?"}, {"(1922),", "9"}}, "marker 2"},
		{"markers out of order", []NoteMark{{"(1922),", "9"}, {"N. Krupskaya.", "!"}, {"the Soviet congress.’", ""}}, "marker 2"},
	}
	for _, tt := range tests {
		_, err := MarkNotes(noteTestBlocks(), []NoteSeries{{Text: "Part II", Notes: "Notes to Part II", Marks: tt.marks}})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: MarkNotes = %v, want an error with %q", tt.name, err, tt.want)
		}
	}
	blocks := noteTestBlocks()
	blocks[5].Text = "4. Lenin made this remark."
	_, err := MarkNotes(blocks, []NoteSeries{{Text: "Part II", Notes: "Notes to Part II"}})
	if err == nil || !strings.Contains(err.Error(), "note 4 follows note 1") {
		t.Errorf("MarkNotes with a note out of sequence = %v", err)
	}
}
