package prep

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"samizdat/corpus"
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

func TestTitledHeading(t *testing.T) {
	h := titledHeading(2, `The "great war leader"`)
	if h.Level != 2 || h.Title != `The "great war leader"` || h.Insert {
		t.Fatalf("titledHeading = %+v", h)
	}
	for s, want := range map[string]bool{
		`The "great war leader"`:             true,
		`The "great war leader" was a myth.`: false,
		`In The "great war leader"`:          false,
	} {
		if got := h.Match.MatchString(s); got != want {
			t.Errorf("Match(%q) = %v, want %v", s, got, want)
		}
	}
}

// preparedDocument is r's document as the preparation writes it, read
// back as the corpus package does, for tests of one recipe's output. Every
// recipe is prepared once per test binary (prepared).
func preparedDocument(t *testing.T, r Recipe) *corpus.Document {
	t.Helper()
	out, ok := prepared(t)[r.Meta.ID]
	if !ok {
		t.Fatalf("%s: not a recipe of the edition", r.Meta.ID)
	}
	return corpus.Parse(r.Meta.ID+".md", out)
}

// outlineOf lists a document's headings as "level title".
func outlineOf(d *corpus.Document) []string {
	var out []string
	for _, h := range d.Outline {
		out = append(out, fmt.Sprintf("%d %s", h.Level, h.Title))
	}
	return out
}
