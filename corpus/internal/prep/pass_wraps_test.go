package prep

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestWrapsParagraphs(t *testing.T) {
	full := "a line of text set to the full measure of the page, and it"
	w := Wraps{
		Measure: 60,
		Short:   40,
		Hyphens: NewHyphens(nil, nil),
		Keep:    []*regexp.Regexp{regexp.MustCompile(`^Political Report to the Eleventh Party Congress$`), regexp.MustCompile(`^Part I INTRODUCTION$`)},
	}
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"hyphen and dash", []string{"the first anticapi-", "talist revolution—", "the October one."},
			[]string{"the first anticapitalist revolution—the October one."}},
		{"a paragraph goes on across a page", []string{full, PageBreak, "<!--page:7-->goes on to the end."},
			[]string{full + " <!--page:7-->goes on to the end."}},
		{"a word broken across a page", []string{"this is a line with a broken distor-", PageBreak, "<!--page:7-->tion in it."},
			[]string{"this is a line with a broken <!--page:7-->distortion in it."}},
		{"a full line that closes goes on across a page", []string{full + ".", PageBreak, "<!--page:7-->Then more, on a line that is full too, as lines are", "in a paragraph."},
			[]string{full + ". <!--page:7-->Then more, on a line that is full too, as lines are in a paragraph."}},
		{"a short line that closes ends the paragraph", []string{full, "ends here.", PageBreak, "<!--page:7-->Then more."},
			[]string{full + " ends here.", "<!--page:7-->Then more."}},
		{"a gap that is not a page ends a paragraph", []string{full + ".", "", "", "Then more."},
			[]string{full + ".", "Then more."}},
		{"a stray gap in a sentence", []string{"the legitimate heirs to", "", "", "Lenin and the party. The", "", "reason is"},
			[]string{"the legitimate heirs to Lenin and the party. The reason is"}},
		{"a lowercase start goes on", []string{full + ",", "", "and so on."},
			[]string{full + ", and so on."}},
		{"signatures stand apart", []string{full, "ends here.", "Lenin", "Taken down by M.V.", "December 26, 1922"},
			[]string{full + " ends here.", "Lenin", "Taken down by M.V.", "December 26, 1922"}},
		{"a heading after a page is not joined", []string{full, PageBreak, "Letter to the congress", "", "I want."},
			[]string{full, "Letter to the congress", "I want."}},
		{"a wrapped title is kept", []string{"Political Report to the", "Eleventh Party Congress", "", "The state capitalism."},
			[]string{"Political Report to the Eleventh Party Congress", "The state capitalism."}},
		{"a title wrapped across a gap is kept", []string{"Part I", "", "", "INTRODUCTION", "", "", "Few myths."},
			[]string{"Part I INTRODUCTION", "Few myths."}},
	}
	for _, tt := range tests {
		got, err := w.Paragraphs(tt.lines)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestWrapsBreaks(t *testing.T) {
	w := Wraps{Measure: 60, Short: 40, Hyphens: NewHyphens(nil, nil), Breaks: []string{"Ukrainian,"}}
	got, err := w.Paragraphs([]string{"in turn by a", "", "Russian,", "", "Ukrainian,"})
	if want := []string{"in turn by a Russian,", "Ukrainian,"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs = %q, %v; want %q", got, err, want)
	}
}

func TestWrapsFailsOnAnUnusedBreak(t *testing.T) {
	w := Wraps{Measure: 60, Short: 40, Hyphens: NewHyphens(nil, nil), Breaks: []string{"Nowhere"}}
	if _, err := w.Paragraphs([]string{"text"}); err == nil || !strings.Contains(err.Error(), "Nowhere") {
		t.Errorf("Paragraphs = %v, want an error naming the unused break", err)
	}
}
