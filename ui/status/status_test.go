package status

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/keymap"
	"samizdat/ui/common"
)

func newBar() Model {
	c := &common.Common{Keys: keymap.Default(), After: func(time.Duration, tea.Msg) tea.Cmd { return nil }}
	return New(c, Styles{})
}

func TestWhatGivesWay(t *testing.T) {
	kept := common.NoticeMsg{Text: "Kept “The historians…” with your note."}
	wrote := common.NoticeMsg{Text: "Wrote the notes to exports/revolution-betrayed.md."}
	failed := common.NoticeMsg{Text: "Could not save the notes.", Error: true}
	cited := common.NoticeMsg{Text: "Leon Trotsky, The Revolution Betrayed, Chapter 5.", Whole: true}
	hint := common.NoticeMsg{Text: "x does nothing here", Hint: true}
	for _, tc := range []struct {
		name  string
		push  []common.NoticeMsg
		shown []string
	}{
		{"a notice gives way to the next key's answer", []common.NoticeMsg{kept, wrote}, []string{wrote.Text}},
		{"a failure is kept for its time", []common.NoticeMsg{failed, wrote}, []string{failed.Text, wrote.Text}},
		{"a citation is kept for its time", []common.NoticeMsg{cited, wrote}, []string{cited.Text, wrote.Text}},
		{"a hint gives way to anything", []common.NoticeMsg{hint, failed}, []string{failed.Text}},
		{"a hint does not push a notice away", []common.NoticeMsg{kept, hint}, []string{kept.Text, hint.Text}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bar := newBar()
			for _, n := range tc.push {
				bar.Push(n)
			}
			got := bar.Notices()
			if len(got) != len(tc.shown) {
				t.Fatalf("notices %q, want %q", got, tc.shown)
			}
			for i := range got {
				if got[i] != tc.shown[i] {
					t.Fatalf("notices %q, want %q", got, tc.shown)
				}
			}
		})
	}
}
