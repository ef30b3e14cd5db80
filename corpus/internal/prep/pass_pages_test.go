package prep

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func testPages() Pages {
	return Pages{
		First: 5,
		Last:  9,
		Heads: []*regexp.Regexp{
			regexp.MustCompile(`^(\d+) The Book$`),
			regexp.MustCompile(`^Chapter (\d+)$`),
		},
		Folio:        regexp.MustCompile(`^(\d+)$`),
		FolioStarts:  map[int]*regexp.Regexp{5: regexp.MustCompile(`^Part One$`), 8: regexp.MustCompile(`^Part Two$`)},
		GarbledHeads: map[string]int{"Chaptcr T7": 7},
	}
}

func TestPagesMark(t *testing.T) {
	lines := []string{
		"Part One", "", "first page text", "", "5", "",
		"6 The Book", "", "second page", "",
		"Chaptcr T7", "", "third page", "ends here.", "",
		"Part Two", "", "fourth page", "", "8", "",
		"9 The Book", "", "fifth page, with a line that is", "12", "", // "12" is text
	}
	got, err := testPages().Mark(lines)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"<!--page:5-->Part One", "", "first page text", "", PageBreak, "",
		PageBreak, "", "<!--page:6-->second page", "",
		PageBreak, "", "<!--page:7-->third page", "ends here.", "",
		"<!--page:8-->Part Two", "", "fourth page", "", PageBreak, "",
		PageBreak, "", "<!--page:9-->fifth page, with a line that is", "12", "",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Mark =\n%q\nwant\n%q", got, want)
	}
}

func TestPagesMarkFailsOnALostPage(t *testing.T) {
	lines := []string{"Part One", "text", "5", "6 The Book", "text", "8 The Book", "text"}
	_, err := testPages().Mark(lines)
	if err == nil || !strings.Contains(err.Error(), "page 7 not found") {
		t.Errorf("Mark = %v, want page 7 not found", err)
	}
}

func TestAnchorsOffHeadings(t *testing.T) {
	hs := []Heading{
		{Match: regexp.MustCompile(`^Part Two$`), Level: 1, Title: "Part Two"},
		{Match: regexp.MustCompile(`^Introduction$`), Level: 2, Title: "Introduction"},
	}
	got := AnchorsOffHeadings([]string{"<!--page:8-->Part Two", "Introduction", "The text.", "<!--page:9-->More."}, hs)
	want := []string{"Part Two", "Introduction", "<!--page:8-->The text.", "<!--page:9-->More."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AnchorsOffHeadings = %q, want %q", got, want)
	}
}
