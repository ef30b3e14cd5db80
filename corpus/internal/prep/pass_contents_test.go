package prep

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestDropContentsLists(t *testing.T) {
	lines := []string{
		"Chapter 3",
		"SOCIALISM AND THE STATE",
		"The transitional regime ",
		"",
		`The "Complete triumph of socialism"`,
		`and the "Reinforcement of the dictatorship" `,
		"",
		"1.",
		"The Transitional Regime",
	}
	lists := []ContentsList{{
		After: regexp.MustCompile(`^SOCIALISM AND THE STATE$`),
		Entries: []string{
			"The Transitional Regime",
			`The "Complete Triumph of Socialism" and the "Reinforcement of the Dictatorship"`,
		},
	}}
	got, err := DropContentsLists(lines, lists)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Chapter 3", "SOCIALISM AND THE STATE", "", "1.", "The Transitional Regime"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestDropContentsListsMissing(t *testing.T) {
	lists := []ContentsList{{After: regexp.MustCompile(`^TITLE$`), Entries: []string{"Money and Plan"}}}
	if _, err := DropContentsLists([]string{"TITLE", "", "1.", "Money and Plan"}, lists); err == nil {
		t.Fatal("a list whose first line is not an entry was accepted")
	}
	if _, err := DropContentsLists([]string{"Money and Plan"}, lists); err == nil || !strings.Contains(err.Error(), "TITLE") {
		t.Fatalf("err = %v, want one naming the missing title", err)
	}
}
