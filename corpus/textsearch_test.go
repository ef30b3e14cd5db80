package corpus

import "testing"

func TestFoldedTextFind(t *testing.T) {
	tests := []struct {
		text, query, want string
	}{
		{"The Dühring of the bureaucracy", "duhring", "Dühring"},
		{"Stalin’s victory — in one line", "stalin's victory - in", "Stalin’s victory — in"},
		{"first line\nsecond  line", "line second", "line\nsecond"},
		{"the soviet, then the Soviet", "Soviet", "Soviet"}, // a capital asks for its case
		{"nothing here", "absent", ""},
		{"", "x", ""},
		{"some words", "   ", ""},
	}
	for _, tt := range tests {
		s, e, ok := FoldText(tt.text).Find(FoldQuery(tt.query))
		got := ""
		if ok {
			got = tt.text[s:e]
		}
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Find(%q) in %q = %q %v, want %q", tt.query, tt.text, got, ok, tt.want)
		}
	}
	if s, _, _ := FoldText("the soviet, then the Soviet").Find(FoldQuery("Soviet")); s != 21 {
		t.Errorf("a cased query matched at %d, not at the capital", s)
	}
}

func TestTextSnippet(t *testing.T) {
	text := "A first paragraph.\n\nBefore the words that match and after them.\n\nAnother."
	start := len("A first paragraph.\n\nBefore the ")
	before, match, after := TextSnippet(text, start, start+len("words"), 60)
	if before != "Before the " || match != "words" || after != " that match and after them." {
		t.Errorf("TextSnippet = %q %q %q", before, match, after)
	}
}

func FuzzFoldedTextFind(f *testing.F) {
	f.Add("The Dühring — “quoted”\n\nnext", "duhring")
	f.Fuzz(func(t *testing.T, text, query string) {
		s, e, ok := FoldText(text).Find(FoldQuery(query))
		if ok && (s < 0 || e > len(text) || s > e) {
			t.Fatalf("Find(%q) in %q = [%d, %d)", query, text, s, e)
		}
	})
}
