package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samizdat/corpus"
	"samizdat/notes"
)

// keepNotes keeps passages of the built-in library, each with its note,
// in a notes file under a new XDG_DATA_HOME.
func keepNotes(t *testing.T, kept map[string][2]string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s := notes.NewSet()
	for words, doc := range kept {
		d, err := lib.Find(doc[0])
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(d.Plain(), words)
		if i < 0 {
			t.Fatalf("%q is not in %s", words, doc[0])
		}
		if _, err := s.Add(d, i, i+len(words), doc[1]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "samizdat", "notes.json")
	if _, _, err := (notes.File{Path: path, Key: "embedded"}).Save(s); err != nil {
		t.Fatal(err)
	}
	return path
}

const (
	thermidor = "The historians of the Soviet Union cannot fail to conclude that the policy of the ruling bureaucracy upon great questions has been a series of contradictory zigzags."
	myths     = "Few myths have been more generally accepted than the view that Stalin and the Soviet bureaucracy were the legitimate heirs to Lenin"
)

func TestNotesMarkdown(t *testing.T) {
	keepNotes(t, map[string][2]string{
		thermidor: {"revolution-betrayed", "Zigzags, not a line.\nSee chapter 2."},
		myths:     {"lenins-fight", ""},
	})
	out, errOut, code := runCmd(t, "notes", "revolution-betrayed")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"---\ntitle: \"The Revolution Betrayed\"\nauthor: \"Leon Trotsky\"\nsource: \"Doubleday, Doran & Co., New York, and Faber & Faber, London, 1937\"\n---\n",
		"\n> " + thermidor + "\n",
		"Chapter 5: The Soviet Thermidor — 1. Why Stalin Triumphed",
		"\nZigzags, not a line.\\\nSee chapter 2.\n", // the note's line break kept
	} {
		if !strings.Contains(out, want) {
			t.Errorf("notes lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Few myths") {
		t.Error("another work's notes were printed")
	}
	out, _, _ = runCmd(t, "notes")
	if i, j := strings.Index(out, "The Revolution Betrayed"), strings.Index(out, "Lenin’s Fight"); i < 0 || j < 0 || i > j {
		t.Errorf("all the works with notes, in library order:\n%s", out)
	}
	if !strings.Contains(out, ", p. 5.") {
		t.Errorf("the citation of a work with pages lacks its page:\n%s", out)
	}
	// A section: its notes only.
	if out, _, code := runCmd(t, "notes", "rev#soviet-thermidor"); code != exitOK || !strings.Contains(out, thermidor) {
		t.Errorf("the section's notes: exit %d\n%s", code, out)
	}
	if out, errOut, code := runCmd(t, "notes", "rev#growth-of-inequality"); code != exitOK || out != "" || !strings.Contains(errOut, "No passages kept in rev#growth-of-inequality") {
		t.Errorf("a section without notes: exit %d, %q, %q", code, out, errOut)
	}
}

func TestNotesJSON(t *testing.T) {
	keepNotes(t, map[string][2]string{thermidor: {"revolution-betrayed", "why"}})
	out, _, code := runCmd(t, "notes", "--format", "json")
	var got struct {
		Notes []struct {
			Doc, Text, Note, Section, Page, Citation string
			Detached                                 bool
		}
	}
	if err := json.Unmarshal([]byte(out), &got); code != exitOK || err != nil || len(got.Notes) != 1 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	n := got.Notes[0]
	if n.Doc != "revolution-betrayed" || n.Text != thermidor || n.Note != "why" || n.Section != "1. Why Stalin Triumphed" || n.Detached ||
		!strings.HasPrefix(n.Citation, "Leon Trotsky, The Revolution Betrayed") {
		t.Errorf("%+v", n)
	}
}

func TestNotesNothingKept(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	out, errOut, code := runCmd(t, "notes")
	if code != exitOK || out != "" || errOut != "No passages kept yet; select a passage in the reader to keep it.\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = runCmd(t, "notes", "--format", "json")
	if code != exitOK || out != "{\n  \"notes\": []\n}\n" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}

func TestNotesUsage(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"notes", "--format", "xml"}, `samizdat: --format must be markdown or json, not "xml"` + "\n"},
		{[]string{"notes", "nope"}, `samizdat: no document "nope"` + "\n"},
		{[]string{"notes", "a", "b"}, "samizdat: accepts at most 1 arg(s), received 2\n"},
	} {
		out, errOut, code := runCmd(t, tt.args...)
		if code != exitUsage || out != "" || errOut != tt.want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tt.args, code, out, errOut)
		}
	}
}

// TestNotesDamagedFile: a damaged file is printed as far as it can be
// read, said on stderr, and left as it is for the reader to deal with.
func TestNotesDamagedFile(t *testing.T) {
	path := keepNotes(t, map[string][2]string{thermidor: {"revolution-betrayed", ""}, myths: {"lenins-fight", ""}})
	data, _ := os.ReadFile(path)
	cut := data[:len(data)-40]
	os.WriteFile(path, cut, 0o600)
	out, errOut, code := runCmd(t, "notes")
	if code != exitOK || !strings.Contains(errOut, "could not be read (it ends too soon); printing what could be read") ||
		strings.Count(out, "\n> ") != 1 {
		t.Errorf("exit %d, stderr %q:\n%s", code, errOut, out)
	}
	if after, _ := os.ReadFile(path); string(after) != string(cut) {
		t.Error("printing the notes changed the file")
	}
}

func TestNotesCompletion(t *testing.T) {
	out, _, _ := runCmd(t, "__complete", "notes", "rev")
	if !strings.Contains(out, "revolution-betrayed\t") {
		t.Errorf("notes does not complete a document:\n%s", out)
	}
	out, _, _ = runCmd(t, "__complete", "notes", "--format", "")
	if !strings.Contains(out, "markdown\njson\n") {
		t.Errorf("--format does not complete:\n%s", out)
	}
}
