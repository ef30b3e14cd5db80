package prep

import (
	"reflect"
	"testing"
)

func TestLineParagraphs(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"every line a paragraph", []string{"Joseph,", "Tonight T. phoned me."}, []string{"Joseph,", "Tonight T. phoned me."}},
		{"blank lines dropped", []string{"", "one", "", "", "two", ""}, []string{"one", "two"}},
		{"indent and trailing space trimmed", []string{"    indented\u00a0", "  • item"}, []string{"indented", "• item"}},
		{"nothing", []string{"", "\u00a0"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LineParagraphs(tt.lines); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("LineParagraphs(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}
