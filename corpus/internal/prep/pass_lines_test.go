package prep

import (
	"reflect"
	"regexp"
	"testing"
)

func TestLines(t *testing.T) {
	got := Lines("one  \r\ntwo\u00a0\n\u00a0 \n three\n")
	want := []string{"one", "two", "", " three"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Lines = %q, want %q", got, want)
	}
}

func TestDropLines(t *testing.T) {
	pats := []*regexp.Regexp{regexp.MustCompile(`^Revolution Betrayed: Chapter \d+$`)}
	got := DropLines([]string{"a", "Revolution Betrayed: Chapter 8", "b"}, pats)
	if want := []string{"a", "b"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("DropLines = %q, want %q", got, want)
	}
}

func TestBetween(t *testing.T) {
	lines := []string{"nav", "nav", "START here", "body", "END", "footer"}
	got, ok := Between(lines, regexp.MustCompile(`^START`), regexp.MustCompile(`^END$`))
	if want := []string{"START here", "body"}; !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("Between = %q, %v; want %q", got, ok, want)
	}
	if _, ok := Between(lines, regexp.MustCompile(`^nothing`), nil); ok {
		t.Fatal("Between found a start that is not there")
	}
}

func TestParagraphs(t *testing.T) {
	got := Paragraphs([]string{"", "a wrapped", " line", "", "", "next"})
	if want := []string{"a wrapped line", "next"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Paragraphs = %q, want %q", got, want)
	}
}
