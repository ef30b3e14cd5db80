package prep

import (
	"reflect"
	"strings"
	"testing"
)

func TestRiseOfStalinismOutline(t *testing.T) {
	d := preparedDocument(t, riseOfStalinism())
	want := []string{
		"1 The Marxist theory of the state",
		"1 The semi-state",
		"1 The old state machine",
		"1 Roots of bureaucracy",
		"1 Lenin’s struggle against Stalin",
		"1 The bureaucratic reaction",
		"1 The United Opposition",
		"1 Why didn’t Trotsky take power?",
		"1 The role of the individual",
		"1 Notes",
	}
	if got := outlineOf(d); !reflect.DeepEqual(got, want) {
		t.Errorf("outline =\n%q\nwant\n%q", got, want)
	}
}

func TestRiseOfStalinismText(t *testing.T) {
	d := preparedDocument(t, riseOfStalinism())
	// The site label and the part's title are not text: the title is in
	// the front matter.
	for _, s := range []string{"[Book]", "2. The Rise of Stalinism"} {
		if strings.Contains(d.Plain(), s) {
			t.Errorf("%q is in the text", s)
		}
	}
	// The dialogue Trotsky reports is quoted, a line to a paragraph.
	if !strings.Contains(d.Body, "\n\n> “Not even approximately?”\n\n> “I don’t know.”\n\n") {
		t.Error("the dialogue in Roots of bureaucracy is not quoted a line to a paragraph")
	}
	if strings.Contains(d.Plain(), "( Lenin") {
		t.Error("the space inside a citation's bracket remains")
	}
	if len(d.Notes) != 2 {
		t.Fatalf("%d notes, want 2", len(d.Notes))
	}
	for _, n := range d.Notes {
		if len(n.Refs) != 1 {
			t.Errorf("note %s has %d markers, want 1", n.Label, len(n.Refs))
		}
	}
}

func TestRiseOfStalinismQuotations(t *testing.T) {
	d := preparedDocument(t, riseOfStalinism())
	checkQuotations(t, d, rsQuotations)
	// A quotation inside Grant's own sentence stays in his paragraph.
	for _, s := range []string{
		"In order that the state shall disappear, “class domination",
		"Lenin’s struggle against Stalin was directly linked",
		"“Sometimes one nation conquers another",
	} {
		if !strings.Contains(d.Body, "\n\n"+s) {
			t.Errorf("the paragraph %q is not Grant's", s)
		}
	}
	// The epigraph after the first heading.
	if !strings.HasPrefix(d.Body, "# The Marxist theory of the state\n\n> We shall now proceed") {
		t.Errorf("the text begins %q, want the epigraph quoted", d.Body[:60])
	}
}
