package prep

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestPageBreaksParagraphs(t *testing.T) {
	full := strings.Repeat("x", 40) + " the wrap reaches this far and the line is cut by the"
	pb := PageBreaks{Wrap: 90, Opens: regexp.MustCompile(`^ ?\d\.$`)}
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"a short line ends its paragraph",
			[]string{"It ends here.", "", "Next paragraph."},
			[]string{"It ends here.", "Next paragraph."}},
		{"a full open line goes on across a page break",
			[]string{full, "", "", "page, which put blank lines here."},
			[]string{full + " page, which put blank lines here."}},
		{"a lowercase start goes on after an open short line",
			[]string{"the oath binds himself", "", `"before the eyes of the world."`},
			[]string{`the oath binds himself "before the eyes of the world."`}},
		{"a full line that closes a sentence keeps its break",
			[]string{full + ".", "", "A new paragraph."},
			[]string{full + ".", "A new paragraph."}},
		{"a short heading line keeps its break",
			[]string{"Why Stalin Triumphed", "", "The historians of the Soviet Union"},
			[]string{"Why Stalin Triumphed", "The historians of the Soviet Union"}},
		{"a page that opens a paragraph after a short line breaks it",
			[]string{"the small-farm system.", " The struggle to raise"},
			[]string{"the small-farm system.", "The struggle to raise"}},
		{"a page that opens inside a paragraph joins it",
			[]string{full, " by the workers for a revolution."},
			[]string{full + " by the workers for a revolution."}},
		{"a page that opens in lowercase after an open line is a lacuna, not a paragraph",
			[]string{"Subsequent events", " approximately thus: it is."},
			[]string{"Subsequent events approximately thus: it is."}},
		{"a line Opens matches begins a paragraph, and the title under it joins it",
			[]string{full + " gibberish", " 3.", "The Rehabilitation", "", "The owl of wisdom"},
			[]string{full + " gibberish", "3. The Rehabilitation", "The owl of wisdom"}},
		{"spaces are made single",
			[]string{"two  spaces", " and a lead"},
			[]string{"two spaces and a lead"}},
	}
	for _, tt := range tests {
		got, err := pb.Paragraphs(tt.lines)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestPageBreaksOverrides(t *testing.T) {
	full := strings.Repeat("x", 60) + " and the sentence ends at the end of the line."
	pb := PageBreaks{Wrap: 90, Join: []string{"Consciousness is shaken"}, Break: []string{"THE SOVIET UNION"}}
	lines := []string{full, "", "Consciousness is shaken.", "", full[:len(full)-1] + " a bureaucracy has", "THE SOVIET UNION"}
	got, err := pb.Paragraphs(lines)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{full + " Consciousness is shaken.", full[:len(full)-1] + " a bureaucracy has", "THE SOVIET UNION"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}

	pb.Join = append(pb.Join, "Nowhere in the text")
	if _, err := pb.Paragraphs(lines); err == nil || !strings.Contains(err.Error(), "Nowhere in the text") {
		t.Fatalf("err = %v, want one naming the unused Join", err)
	}
}
