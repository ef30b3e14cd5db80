package prep

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestLeninsFightOutline(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	var parts []string
	for _, h := range d.Outline {
		if h.Level == 1 {
			parts = append(parts, h.Title)
		}
	}
	want := []string{
		"Part I: Introduction", "Part II: On Lenin’s Testament", "Part III: Lenin’s Testament",
		"Part IV: The Bureaucracy", "Part V: The Monopoly of Foreign Trade",
		"Part VI: The Nationalities Question", "Biographical Notes", "Index",
	}
	if !reflect.DeepEqual(parts, want) {
		t.Errorf("level 1 headings = %q, want %q", parts, want)
	}
	if n := len(d.Outline); n != len(lfHeadings) {
		t.Errorf("%d headings, want the recipe's %d", n, len(lfHeadings))
	}
}

// Every printed page from 5 to 160 has its anchor, in order.
func TestLeninsFightPages(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	if len(d.Pages) != 156 {
		t.Fatalf("%d pages, want 156", len(d.Pages))
	}
	for i, p := range d.Pages {
		if p.Label != strconv.Itoa(5+i) {
			t.Fatalf("page %d is labelled %q", 5+i, p.Label)
		}
	}
}

// Every note of every part is cited once, before it.
func TestLeninsFightNotes(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	if len(d.Notes) != 48 {
		t.Errorf("%d notes, want 48 (18, 2, 11, 7 and 10 to parts II to VI)", len(d.Notes))
	}
	for _, n := range d.Notes {
		if len(n.Refs) != 1 || n.Refs[0] > n.Offset {
			t.Errorf("note %s at %d is cited at %v", n.Label, n.Offset, n.Refs)
		}
	}
}

func TestLeninsFightText(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	paras := map[string]bool{}
	for _, b := range d.Blocks {
		paras[d.Body[b.Start:b.End]] = true
	}
	for _, p := range []string{
		// A signature stands apart from the letter and from its date.
		"Lenin", "Taken down by L. F.", "December 26, 1922",
		// A title the scan wrapped over two lines is one heading.
		"## Political Report to the Eleventh Party Congress, by V.I. Lenin",
		// An entry of the index the scan cut in three, put together.
		"- Azerbaidzhan, 18, 19, 141, 142, 149n",
		// The date printed above a document's title follows its heading.
		"December 12, 1922",
		"> With the very best comradely greetings,",
		"- Ukrainian,",
	} {
		if !paras[p] {
			t.Errorf("no block %q", p)
		}
	}
	if m := regexp.MustCompile(`\pL- \pL`).FindStringIndex(d.Plain()); m != nil {
		t.Errorf("a word split by a hyphen and a space: %q", context(d.Plain(), m[0]))
	}
	for _, s := range []string{"anticapitalist", "self-determination", "co-operation", "non-Russian"} {
		if !strings.Contains(d.Plain(), s) {
			t.Errorf("no %q", s)
		}
	}
}

func TestMoveLines(t *testing.T) {
	lines := []string{"Azerbaidzhan, 18, 19, ", "149n", "", "141, 142,", "", "Better"}
	got, err := moveLines(lines, []lineMove{{Line: "141, 142,", After: "Azerbaidzhan, 18, 19,"}})
	want := []string{"Azerbaidzhan, 18, 19, ", "141, 142,", "149n", "", "", "Better"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("moveLines = %q, %v; want %q", got, err, want)
	}
	if _, err := moveLines(lines, []lineMove{{Line: "nothing", After: "149n"}}); err == nil {
		t.Error("moveLines found a line that is not there")
	}
}

func TestIndexEntries(t *testing.T) {
	lines := []string{
		"Bolshevik Party, see Communist", "Party of Soviet Union", "",
		"Bolshevism, 35, 41, 148", "",
		"Eastman, M., 7, 61, 150b", "Eltsin, B., 57, 150b", "",
		"Georgia, 16, 18; Trotsky on, 23. See", PageBreak, "<!--page:157-->also Peasantry, Georgian", "",
		"Monopoly of foreign trade, 10, 15; profits from, 117.", "See also Lenin, Stalin, and", "Trotsky", "",
		"Rabkrin, 12-13, 43, 79-", "80, 92; merged with Cen-", "tral Control Commission, 88-", "91, 109",
	}
	got := indexEntries(lines, NewHyphens(nil, nil))
	want := []string{
		"Bolshevik Party, see Communist Party of Soviet Union",
		"Bolshevism, 35, 41, 148",
		"Eastman, M., 7, 61, 150b",
		"Eltsin, B., 57, 150b",
		"Georgia, 16, 18; Trotsky on, 23. See <!--page:157-->also Peasantry, Georgian",
		"Monopoly of foreign trade, 10, 15; profits from, 117. See also Lenin, Stalin, and Trotsky",
		"Rabkrin, 12-13, 43, 79-80, 92; merged with Central Control Commission, 88-91, 109",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("indexEntries =\n%q\nwant\n%q", got, want)
	}
}
