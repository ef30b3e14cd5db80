package prep

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestMarkHeadings(t *testing.T) {
	paras := []string{
		"The principal indices", // a chapter-local contents entry: stays text
		"CHAPTER 1",
		"1. The Principal Indices",
		"Owing to the insignificance",
		"Lost title text begins here.",
	}
	hs := []Heading{
		{Match: regexp.MustCompile(`^CHAPTER 1$`), Level: 1, Title: "Chapter 1"},
		{Match: regexp.MustCompile(`(?i)^1\. the principal indices$`), Level: 2, Title: "1. The Principal Indices"},
		{Match: regexp.MustCompile(`^Lost title`), Level: 2, Title: "2. Restored", Insert: true},
	}
	got, err := MarkHeadings(paras, hs)
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{Kind: Para, Text: "The principal indices"},
		{Kind: HeadingBlock, Level: 1, Text: "Chapter 1"},
		{Kind: HeadingBlock, Level: 2, Text: "1. The Principal Indices"},
		{Kind: Para, Text: "Owing to the insignificance"},
		{Kind: HeadingBlock, Level: 2, Text: "2. Restored"},
		{Kind: Para, Text: "Lost title text begins here."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("MarkHeadings =\n%+v\nwant\n%+v", got, want)
	}
}

func TestMarkHeadingsMissing(t *testing.T) {
	hs := []Heading{
		{Match: regexp.MustCompile(`^A$`), Level: 1, Title: "A"},
		{Match: regexp.MustCompile(`^B$`), Level: 1, Title: "B"},
	}
	// B stands before A, so in order it is missing.
	_, err := MarkHeadings([]string{"B", "A"}, hs)
	if err == nil || !strings.Contains(err.Error(), `heading "B" not found`) {
		t.Fatalf("err = %v, want one naming heading B", err)
	}
}
