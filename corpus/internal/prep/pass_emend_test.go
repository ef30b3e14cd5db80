package prep

import (
	"reflect"
	"regexp"
	"testing"
)

func TestEmend(t *testing.T) {
	paras := []string{"It is o wonder.", "Junk rA7 line", "Whole garbage"}
	got, err := Emend(paras, []Emendation{
		{"It is o wonder", "It is no wonder"},
		{"Junk rA7 line", "Junk " + Lacuna},
		{"Whole garbage", ""},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"It is no wonder.", "Junk […]"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if paras[0] != "It is o wonder." {
		t.Fatal("Emend changed its input")
	}
}

func TestEmendNotOnce(t *testing.T) {
	paras := []string{"of of the", "the end of of it"}
	for _, e := range []Emendation{{"of of", "of"}, {"nowhere", "x"}} {
		if _, err := Emend(paras, []Emendation{e}); err == nil {
			t.Errorf("Emend(%q) found %q other than once, yet did not fail", paras, e.Old)
		}
	}
}

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
