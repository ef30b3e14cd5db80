package prep

import (
	"reflect"
	"strings"
	"testing"
)

func TestApplyFixes(t *testing.T) {
	paras := []string{"threaten to commit suicide .'In addition,", "as human beings'resulted in"}
	tests := []struct {
		name  string
		fixes []Fix
		want  []string
		err   string
	}{
		{
			name:  "each fix applied once",
			fixes: []Fix{{"suicide .'In", "suicide.' In"}, {"beings'resulted", "beings' resulted"}},
			want:  []string{"threaten to commit suicide.' In addition,", "as human beings' resulted in"},
		},
		{
			name:  "a fix that finds nothing is an error",
			fixes: []Fix{{"no such text", "x"}},
			err:   `"no such text" occurs 0 times`,
		},
		{
			name:  "a fix that would spread is an error",
			fixes: []Fix{{"'", "’"}},
			err:   "occurs 2 times",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ApplyFixes(paras, tt.fixes)
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
				t.Errorf("ApplyFixes = %q, want %q", got, tt.want)
			}
		})
	}
	if paras[0] != "threaten to commit suicide .'In addition," {
		t.Error("ApplyFixes changed its input")
	}
}

// TestApplyFixesEmpties drops what a fix empties, and only that: blank
// lines between paragraphs stay.
func TestApplyFixesEmpties(t *testing.T) {
	lines := []string{"Junk rA7 line", "", "Whole garbage", "kept"}
	got, err := ApplyFixes(lines, []Fix{{"Junk rA7 line", "Junk " + Lacuna}, {"Whole garbage", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Junk […]", "", "kept"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ApplyFixes = %q, want %q", got, want)
	}
}
