package prep

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestNotesInTheMarginsOutline(t *testing.T) {
	d := preparedDocument(t, notesInTheMargins())
	var want []string
	for i := 1; i <= 12; i++ {
		want = append(want, "1 Section "+strconv.Itoa(i))
		if i == 3 {
			want = append(want, "2 The Nature of Classes in Society")
		}
	}
	want = append(want, "1 Notes")
	if got := outlineOf(d); !reflect.DeepEqual(got, want) {
		t.Errorf("outline =\n%q\nwant\n%q", got, want)
	}
}

// The essay sends the reader back to "section four" for the questions
// Lenin left: the numbering is right if that list is in Section 4.
func TestNotesInTheMarginsSectionFourHoldsLeninsQuestions(t *testing.T) {
	d := preparedDocument(t, notesInTheMargins())
	if !strings.Contains(d.Plain(), "posed in section four") {
		t.Fatal("the cross-reference to section four is gone")
	}
	var items []string
	section := ""
	for _, b := range d.Blocks {
		text := d.Body[b.Start:b.End]
		if strings.HasPrefix(text, "# ") {
			section = strings.TrimPrefix(text, "# ")
		}
		if item, ok := strings.CutPrefix(text, "- "); ok && section == "Section 4" {
			items = append(items, item)
		}
	}
	if len(items) != 10 || items[0] != "The danger of splits in the party." {
		t.Errorf("Section 4 holds the list items %q; want Lenin's 10 questions", items)
	}
	if strings.Contains(d.Body, "•") {
		t.Error("a bullet character remains")
	}
}

func TestNotesInTheMarginsNotes(t *testing.T) {
	d := preparedDocument(t, notesInTheMargins())
	if len(d.Notes) != 10 {
		t.Fatalf("%d notes, want 10", len(d.Notes))
	}
	for i, n := range d.Notes {
		if n.Label != strconv.Itoa(i+1) || len(n.Refs) != 1 {
			t.Errorf("note %d: label %q with %d markers, want label %d with 1", i+1, n.Label, len(n.Refs), i+1)
		}
	}
	// Note 9 ran on into a second paragraph in the source.
	if n := d.Notes[8]; !strings.Contains(d.Body[n.Offset:n.End], "This story clearly confirms") {
		t.Errorf("note 9 lacks its second paragraph: %q", d.Body[n.Offset:n.End])
	}
}
