package prep

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestWorkLines(t *testing.T) {
	r := Recipe{
		Start:     regexp.MustCompile(`^I must say`),
		End:       regexp.MustCompile(`^\s*\| Stachkom`),
		Furniture: []*regexp.Regexp{regexp.MustCompile(`^Page \d+$`)},
	}
	raw := "LONG LIVE PROLETARISM!\nI must say at once.\nPage 2\nMore.\n    | Stachkom of Samara |\n"
	got, err := workLines(r, raw)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"I must say at once.", "More."}; !reflect.DeepEqual(got, want) {
		t.Errorf("workLines = %q, want %q", got, want)
	}
	if _, err := workLines(r, "nothing here\n"); err == nil || !strings.Contains(err.Error(), "I must say") {
		t.Errorf("err = %v, want one naming Start", err)
	}
}
