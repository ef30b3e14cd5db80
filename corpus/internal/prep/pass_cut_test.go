package prep

import (
	"reflect"
	"regexp"
	"testing"
)

func TestCutLines(t *testing.T) {
	lines := []string{"a", "To say that", "b", "but as ordinary parvenus!", "To say that", "c"}
	cut := Cut{From: regexp.MustCompile(`^To say that`), Through: regexp.MustCompile(`parvenus!$`)}
	got, err := CutLines(lines, []Cut{cut})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a", "To say that", "c"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if _, err := CutLines([]string{"a"}, []Cut{cut}); err == nil {
		t.Fatal("a cut that finds nothing did not fail")
	}
}
