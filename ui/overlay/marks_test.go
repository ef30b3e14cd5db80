package overlay

import (
	"strings"
	"testing"

	"samizdat/corpus"
)

// A mark's words start at a word, whatever byte of the text it falls on.
func TestMarkWordsStartAtAWord(t *testing.T) {
	d := corpus.Parse("a.md", []byte("# A\n\nThe revolution, “betrayed” by its bureaucracy.\n"))
	plain := d.Plain()
	at := func(s string) int { return strings.Index(plain, s) }
	for _, tt := range []struct {
		from int
		want string
	}{
		{at("revolution"), "revolution, “betrayed”"},
		{at("volution"), "“betrayed” by its"},
		{at(", “betrayed"), "“betrayed” by its"},
		{at("etrayed"), "by its bureaucracy."},
		{at(" bureaucracy"), "bureaucracy."},
	} {
		got := fromWord(d, tt.from, 160)
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("from %q: %q, want it to start %q", plain[tt.from:], got, tt.want)
		}
	}
	if got := fromWord(d, at("The"), 7); got != "The rev" {
		t.Errorf("cut at 7 bytes: %q", got)
	}
}
