package state

import (
	"testing"

	"samizdat/corpus"
)

func doc(t *testing.T, body string) *corpus.Document {
	t.Helper()
	d := corpus.Parse("d.md", []byte("---\nid: d\ntitle: D\n---\n"+body))
	return d
}

func TestFind(t *testing.T) {
	orig := doc(t, "# One\n\nFirst paragraph of the first section.\n\n# Two\n\nThe sentence the reader stopped at, in section two.\n")
	off := len(orig.Body) - len("The sentence the reader stopped at, in section two.")
	p := At(corpus.Place{Doc: orig, Offset: off})
	if p.Anchor != "two" || p.Context[:12] != "The sentence" {
		t.Fatalf("At = %+v", p)
	}
	tests := []struct {
		name string
		body string
		want Found
		text string // what the found offset points at
	}{
		{"same edition", "# One\n\nFirst paragraph of the first section.\n\n# Two\n\nThe sentence the reader stopped at, in section two.\n", Exact, "The sentence"},
		{"text moved", "# One\n\nA new paragraph.\n\nFirst paragraph of the first section.\n\n# Two\n\nThe sentence the reader stopped at, in section two.\n", Moved, "The sentence"},
		{"text rewritten", "# One\n\nFirst.\n\n# Two\n\nAll new words here.\n", Section, "# Two"},
		{"section gone", "# Only\n\nNothing the same.\n", Start, "# Only"},
	}
	for _, tt := range tests {
		d := doc(t, tt.body)
		at, how := Find(d, p)
		got := at.Offset
		if at.Doc != d || how != tt.want {
			t.Errorf("%s: found %v, want %v", tt.name, how, tt.want)
		}
		if got < 0 || got > len(d.Body) || d.Body[got:got+len(tt.text)] != tt.text {
			t.Errorf("%s: offset %d points at %q", tt.name, got, d.Body[got:])
		}
	}
}

func TestAtClamps(t *testing.T) {
	d := doc(t, "Dühring.\n")
	for _, off := range []int{-5, 2, 1000} {
		p := At(corpus.Place{Doc: d, Offset: off})
		if p.Offset < 0 || p.Offset > len(d.Body) {
			t.Errorf("At(%d) = %d", off, p.Offset)
		}
	}
	// Offset 2 is inside "ü": the position moves to its start.
	if p := At(corpus.Place{Doc: d, Offset: 2}); p.Offset != 1 {
		t.Errorf("At(2) = %d, want 1", p.Offset)
	}
}
