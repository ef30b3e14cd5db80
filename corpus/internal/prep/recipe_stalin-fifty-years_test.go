package prep

import (
	"reflect"
	"strings"
	"testing"
)

func TestStalinFiftyYearsParts(t *testing.T) {
	d := preparedDocument(t, stalinFiftyYears())
	var parts []string
	sections := map[string]int{}
	part := ""
	for _, h := range d.Outline {
		if h.Level == 1 {
			part = h.Title
			parts = append(parts, part)
			continue
		}
		sections[part]++
	}
	wantParts := []string{
		"Part One",
		"Part Two",
		"Part Three: Stalin and the Second World War",
		"Part Four",
		"Part Five: The role of the individual in history",
	}
	if !reflect.DeepEqual(parts, wantParts) {
		t.Fatalf("parts = %q, want %q", parts, wantParts)
	}
	wantSections := map[string]int{wantParts[0]: 8, wantParts[1]: 8, wantParts[2]: 6, wantParts[3]: 8, wantParts[4]: 6}
	if !reflect.DeepEqual(sections, wantSections) {
		t.Errorf("sections per part = %v, want %v", sections, wantSections)
	}
	// The last part's title is also the title of one of its sections.
	if a := d.Outline[len(d.Outline)-2]; a.Title != "The role of the individual in history" || a.Level != 2 {
		t.Errorf("second-last heading = %d %q", a.Level, a.Title)
	}
}

func TestStalinFiftyYearsText(t *testing.T) {
	d := preparedDocument(t, stalinFiftyYears())
	if n := strings.Count(d.Plain(), "There are still many misconceptions about the Second World War"); n != 1 {
		t.Errorf("Part Three's opening paragraph stands %d times, want once", n)
	}
	if !strings.HasPrefix(d.Plain(), "> “The revolution explodes the social lie.") {
		t.Errorf("the text begins %q, want the epigraph", d.Plain()[:40])
	}
	if !strings.HasSuffix(d.Plain(), "Eppur si muove!—And yet it moves!") {
		t.Errorf("the text ends %q", d.Plain()[len(d.Plain())-40:])
	}
	for _, s := range []string{"suicide.’ In addition", "human beings’ resulted", "On August 19"} {
		if !strings.Contains(d.Plain(), s) {
			t.Errorf("the repair %q is missing", s)
		}
	}
	items := 0
	for _, b := range d.Blocks {
		if strings.HasPrefix(d.Body[b.Start:b.End], "- ") {
			items++
		}
	}
	if items != 4 {
		t.Errorf("%d list items, want Lenin's 4 conditions", items)
	}
}

func TestDropFirstTwin(t *testing.T) {
	paras := []string{"Summary.", "Title", "Summary.", "Text."}
	got, err := dropFirstTwin(paras, "Summary")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Title", "Summary.", "Text."}; !reflect.DeepEqual(got, want) {
		t.Errorf("dropFirstTwin = %q, want %q", got, want)
	}
	if paras[0] != "Summary." {
		t.Error("dropFirstTwin changed its input")
	}
	for _, bad := range [][]string{
		{"Summary.", "Text."},                         // no twin
		{"Summary.", "Summary, longer.", "Text."},     // not identical
		{"Summary.", "Summary.", "Summary.", "Text."}, // more than two
	} {
		if _, err := dropFirstTwin(bad, "Summary"); err == nil {
			t.Errorf("dropFirstTwin(%q) found a twin", bad)
		}
	}
}

func TestStalinFiftyYearsQuotations(t *testing.T) {
	d := preparedDocument(t, stalinFiftyYears())
	checkQuotations(t, d, sfQuotations)
	// A quotation Woods introduces in his own sentence stays in it.
	for _, s := range []string{"Maria Joffe recalls: “The Party gates", "Bukharin later stated: “The confession"} {
		if !strings.Contains(d.Body, "\n\n"+s) {
			t.Errorf("the paragraph %q is not Woods'", s)
		}
	}
	// The editors' introductions open their parts, set apart in italics.
	for _, part := range []string{"# Part Two\n\n*The second part", "# Part Four\n\n*After 1945", "# Part Five: The role of the individual in history\n\n*This is the last part"} {
		if !strings.Contains(d.Body, part) {
			t.Errorf("no editor's note under %q", part[:strings.Index(part, "\n")])
		}
	}
	if n := strings.Count(d.Body, "\n\n*"); n != len(sfEditorNotes) {
		t.Errorf("%d paragraphs in italics, want the %d editor's notes", n, len(sfEditorNotes))
	}
}
