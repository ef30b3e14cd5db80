package prep

import (
	"reflect"
	"testing"
)

func TestBracketNotes(t *testing.T) {
	tests := []struct {
		name        string
		paras, want []string
	}{
		{
			name:  "markers and notes",
			paras: []string{"into Sysyphus[1]? Or Kornilov[2], this", "[1] Sysyphus was a king.", "[2] General L. G. Kornilov."},
			want:  []string{"into Sysyphus[^1]? Or Kornilov[^2], this", "[^1]: Sysyphus was a king.", "[^2]: General L. G. Kornilov."},
		},
		{
			name:  "a bracketed number with no note stays",
			paras: []string{"in [1917] and [1]", "[1] The note."},
			want:  []string{"in [1917] and [^1]", "[^1]: The note."},
		},
		{
			name:  "no notes, nothing changes",
			paras: []string{"St[arik] said [1] and […]"},
			want:  []string{"St[arik] said [1] and […]"},
		},
		{
			name:  "a bracket inside a paragraph does not start a note",
			paras: []string{"Text [3] cited.", "See [3] below."},
			want:  []string{"Text [3] cited.", "See [3] below."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BracketNotes(tt.paras); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("BracketNotes(%q) = %q, want %q", tt.paras, got, tt.want)
			}
		})
	}
}
