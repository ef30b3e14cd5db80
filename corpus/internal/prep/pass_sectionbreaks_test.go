package prep

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestMarkSectionBreaks(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{
			name:  "one blank line is a paragraph break",
			lines: []string{"a", "", "b"},
			want:  []string{"a", "", "b"},
		},
		{
			name:  "two blank lines are a section break",
			lines: []string{"a", "", "", "b"},
			want:  []string{"a", "", SectionBreak, "", "b"},
		},
		{
			name:  "a wider gap is one break",
			lines: []string{"a", "", "", "", "b"},
			want:  []string{"a", "", SectionBreak, "", "b"},
		},
		{
			name:  "gaps at the ends break nothing",
			lines: []string{"", "", "a", "", ""},
			want:  []string{"", "", "a", "", ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MarkSectionBreaks(tt.lines, 2); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MarkSectionBreaks(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}

func TestSectionBreaksBecomeHeadings(t *testing.T) {
	lines := MarkSectionBreaks([]string{"First.", "", "", "Second.", "", "", "Third."}, 2)
	paras := LineParagraphs(lines)
	hs := []Heading{
		{Match: regexp.MustCompile(`^First\.$`), Level: 1, Title: "Section 1", Insert: true},
		{Match: SectionBreakRE, Level: 1, Title: "Section 2"},
		{Match: SectionBreakRE, Level: 1, Title: "Section 3"},
	}
	blocks, err := MarkHeadings(paras, hs)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckSectionBreaks(blocks); err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: HeadingBlock, Level: 1, Text: "Section 1"},
		{Kind: Para, Text: "First."},
		{Kind: HeadingBlock, Level: 1, Text: "Section 2"},
		{Kind: Para, Text: "Second."},
		{Kind: HeadingBlock, Level: 1, Text: "Section 3"},
		{Kind: Para, Text: "Third."},
	}
	if !reflect.DeepEqual(blocks, want) {
		t.Fatalf("blocks =\n%+v\nwant\n%+v", blocks, want)
	}

	// A break the recipe has no heading for is an error.
	blocks, err = MarkHeadings(paras, hs[:2])
	if err != nil {
		t.Fatal(err)
	}
	err = CheckSectionBreaks(blocks)
	if err == nil || !strings.Contains(err.Error(), `after "Section 2"`) {
		t.Fatalf("err = %v, want one naming the heading before the unclaimed break", err)
	}
}
