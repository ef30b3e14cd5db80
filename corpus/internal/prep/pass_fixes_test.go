package prep

import (
	"reflect"
	"strings"
	"testing"
)

func TestApplyTextFixes(t *testing.T) {
	paras := []string{"threaten to commit suicide .'In addition,", "as human beings'resulted in"}
	tests := []struct {
		name  string
		fixes []TextFix
		want  []string
		err   string
	}{
		{
			name:  "each fix applied once",
			fixes: []TextFix{{"suicide .'In", "suicide.' In"}, {"beings'resulted", "beings' resulted"}},
			want:  []string{"threaten to commit suicide.' In addition,", "as human beings' resulted in"},
		},
		{
			name:  "a fix that finds nothing is an error",
			fixes: []TextFix{{"no such text", "x"}},
			err:   `"no such text" occurs 0 times`,
		},
		{
			name:  "a fix that would spread is an error",
			fixes: []TextFix{{"'", "’"}},
			err:   "occurs 2 times",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ApplyTextFixes(paras, tt.fixes)
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
				t.Errorf("ApplyTextFixes = %q, want %q", got, tt.want)
			}
		})
	}
	if paras[0] != "threaten to commit suicide .'In addition," {
		t.Error("ApplyTextFixes changed its input")
	}
}
