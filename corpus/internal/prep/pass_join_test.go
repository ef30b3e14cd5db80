package prep

import (
	"reflect"
	"testing"
)

func TestJoinParagraph(t *testing.T) {
	paras := []string{"In theory. The", "<!--page:3-->Russian, when away from work, found solace.", "Russian,"}
	got, err := JoinParagraph(paras, "In theory", "Russian, when away")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"In theory. The <!--page:3-->Russian, when away from work, found solace.", "Russian,"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JoinParagraph = %q, want %q", got, want)
	}
	if paras[0] != "In theory. The" {
		t.Error("JoinParagraph changed its input")
	}
	if _, err := JoinParagraph(paras, "Elsewhere", "Russian, when away"); err == nil {
		t.Error("JoinParagraph joined a paragraph to the wrong one")
	}
}

func TestContinueNote(t *testing.T) {
	paras := []string{"[8] Brezhnev.", "[9] Semichastnii was head.", "This story confirms it.", "[10] Rabkrin."}
	got, err := ContinueNote(paras, "[9] ", "This story")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"[8] Brezhnev.", "[9] Semichastnii was head.\n\nThis story confirms it.", "[10] Rabkrin."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ContinueNote = %q, want %q", got, want)
	}
	if _, err := ContinueNote(paras, "[8] ", "This story"); err == nil {
		t.Error("ContinueNote joined a paragraph to the wrong note")
	}
}
