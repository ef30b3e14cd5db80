package prep

import (
	"reflect"
	"strings"
	"testing"
)

func TestMarkBullets(t *testing.T) {
	tests := []struct {
		name     string
		blocks   []Block
		notItems []string
		want     []Block
		err      string
	}{
		{
			name: "bullets become items",
			blocks: []Block{
				{Kind: Para, Text: "The productive forces are composed of;"},
				{Kind: Para, Text: "• the land,"},
				{Kind: Para, Text: "•labour power."},
			},
			want: []Block{
				{Kind: Para, Text: "The productive forces are composed of;"},
				{Kind: ListItem, Text: "the land,"},
				{Kind: ListItem, Text: "labour power."},
			},
		},
		{
			name: "a wrongly bulleted sentence stays a paragraph",
			blocks: []Block{
				{Kind: Para, Text: "• labour power."},
				{Kind: Para, Text: "• Depending on which of the productive forces they possess, people differ."},
			},
			notItems: []string{"Depending on which"},
			want: []Block{
				{Kind: ListItem, Text: "labour power."},
				{Kind: Para, Text: "Depending on which of the productive forces they possess, people differ."},
			},
		},
		{
			name:   "headings and unbulleted text untouched",
			blocks: []Block{{Kind: HeadingBlock, Level: 1, Text: "• odd"}, {Kind: Para, Text: "a • in the middle"}},
			want:   []Block{{Kind: HeadingBlock, Level: 1, Text: "• odd"}, {Kind: Para, Text: "a • in the middle"}},
		},
		{
			name:     "an exception that matches nothing is an error",
			blocks:   []Block{{Kind: Para, Text: "• item"}},
			notItems: []string{"These are the questions"},
			err:      `no bulleted paragraph begins "These are the questions"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MarkBullets(tt.blocks, tt.notItems)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MarkBullets =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestMarkListItems(t *testing.T) {
	blocks := []Block{
		{Kind: Para, Text: "Lenin laid down the four conditions:"},
		{Kind: Para, Text: "Free and democratic elections."},
		{Kind: Para, Text: "No standing army."},
		{Kind: Para, Text: "These principles were contained in the Programme."},
		{Kind: Para, Text: "The Programme was banned."},
	}
	got, err := MarkListItems(blocks, []string{"Free and democratic", "No standing army"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: Para, Text: "Lenin laid down the four conditions:"},
		{Kind: ListItem, Text: "Free and democratic elections."},
		{Kind: ListItem, Text: "No standing army."},
		{Kind: Para, Text: "These principles were contained in the Programme."},
		{Kind: Para, Text: "The Programme was banned."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MarkListItems =\n%+v\nwant\n%+v", got, want)
	}
	for _, tt := range []struct{ start, want string }{
		{"Gradually", `list item "Gradually": no paragraph begins so`},
		// Better Fewer, But Better once had "Russian, when away from
		// work…" made an item of Lenin's list of nationalities.
		{"The", `list item "The": more than one paragraph begins so`},
	} {
		if _, err := MarkListItems(blocks, []string{tt.start}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("MarkListItems(%q): err = %v, want %q", tt.start, err, tt.want)
		}
	}
}
