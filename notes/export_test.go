package notes

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"go.yaml.in/yaml/v3"

	"samizdat/corpus"
)

// exported is a library of two works and the notes kept in them: one
// moved by a corrected edition, one detached, one of a work the library
// no longer has.
func exported(t *testing.T) []Located {
	t.Helper()
	d := parseDoc(t, testDoc)
	other := corpus.Parse("other.md", []byte("---\nid: other\ntitle: \"Other: A Work # With Marks\"\nauthor: \"Someone \\\"Quoted\\\"\"\nsource: Transcribed, 2001\n---\n\n# Only\n\n1. A numbered line.\n\n# A heading word\n\nPlain words.\n"))
	s := NewSet()
	clock := newClock()
	s.Now = clock.now
	keep(t, s, other, "", "1. A numbered line.\n\nA heading word")
	a := keep(t, s, d, "Chapter Two", "Facts win out, however, in the end.")
	s.SetComment(a.ID, "The same words as in the first chapter.\n\nA second paragraph of the note.")
	keep(t, s, d, "", "pretend not to notice")
	gone := keep(t, s, d, "", "A second time the same words")
	s.SetComment(gone.ID, "Rewritten since.")
	s.put(Note{ID: "0000000000000001", Doc: "lost-work", Start: 5, End: 9, Text: "lost", Comment: "Its work is gone.",
		Created: clock.now(), Modified: clock.now(), Rev: 1})
	edited := parseDoc(t, strings.Replace(testDoc, "A second time the same words", "Once more the words", 1))
	// Stable ids, for the golden files.
	var ns []Note
	for i, n := range s.Live() {
		n.ID = strings.Repeat(string(rune('a'+i)), 16)
		ns = append(ns, n)
	}
	return Resolve(libOf(edited, other), ns)
}

func TestMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, exported(t)); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
	// Each work's front matter is valid YAML that says what the work is.
	for _, part := range strings.Split(b.String(), "---\n")[1:] {
		if strings.HasPrefix(part, "\n") {
			continue // the text after a block
		}
		var fm map[string]string
		if err := yaml.Unmarshal([]byte(part), &fm); err != nil || fm["title"] == "" {
			t.Errorf("front matter %q: %v, %v", part, fm, err)
		}
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, exported(t)); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
	var out struct {
		Notes []map[string]any `json:"notes"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	for _, n := range out.Notes {
		for _, field := range []string{"id", "doc", "title", "author", "start", "end", "text", "note", "section", "page", "citation", "created", "modified", "detached"} {
			if _, ok := n[field]; !ok {
				t.Errorf("note %v has no %q", n["id"], field)
			}
		}
	}
	var empty bytes.Buffer
	JSON(&empty, nil)
	if empty.String() != "{\n  \"notes\": []\n}\n" {
		t.Errorf("no notes: %q", empty.String())
	}
}

func TestExportIsDeterministic(t *testing.T) {
	ls := exported(t)
	var first bytes.Buffer
	Markdown(&first, ls)
	for range 5 {
		// The same notes in another order write the same.
		for i, j := 0, len(ls)-1; i < j; i, j = i+1, j-1 {
			ls[i], ls[j] = ls[j], ls[i]
		}
		var b bytes.Buffer
		Markdown(&b, ls)
		if b.String() != first.String() {
			t.Fatal("the order of the notes changed the output")
		}
	}
}

// A note keeps its lines and paragraphs as typed, and none of its lines
// can end the quotation, start a heading, a list, a fence or a comment
// that would swallow the rest of the file.
func TestMarkdownNoteLines(t *testing.T) {
	d := parseDoc(t, testDoc)
	s := NewSet()
	s.Now = newClock().now
	n := keep(t, s, d, "Chapter Two", "Facts win out, however, in the end.")
	s.SetComment(n.ID, "First line of the note,\nsecond line of it.\n\n\n"+
		"# not a heading\n> not a quotation\n---\n- not an item\n1. not a list\n"+
		"```\n<!-- not a comment -->\n<b>not bold</b> a < b\n[1]: not a link\n"+
		"ends with a backslash \\\n\x1b[31mno colour\x1b[0m\r\nlast line   ")
	var ns []Note
	for _, n := range s.Live() {
		n.ID = "aaaaaaaaaaaaaaaa"
		ns = append(ns, n)
	}
	var b bytes.Buffer
	if err := Markdown(&b, Resolve(libOf(d), ns)); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
	out := b.String()
	if !strings.Contains(out, "First line of the note,\\\nsecond line of it.\n\n\\# not a heading\\\n") {
		t.Errorf("the note's lines and paragraphs are not kept:\n%s", out)
	}
	note := out[strings.Index(out, "First line"):]
	for _, bad := range []string{"\n#", "\n>", "\n-", "\n1.", "\n```", "\n<", "\n[", "\x1b"} {
		if strings.Contains(note, bad) {
			t.Errorf("the note writes %q unescaped:\n%s", bad, out)
		}
	}
	for _, tag := range []string{"<!--", "<b>", "</b>"} {
		if strings.Contains(strings.ReplaceAll(note, `\`+tag, ""), tag) {
			t.Errorf("the note writes %q unescaped:\n%s", tag, out)
		}
	}
}

func TestEscapeLine(t *testing.T) {
	for in, want := range map[string]string{
		"```go":              "\\```go",
		"<!-- hidden -->":    `\<!-- hidden -->`,
		"a < b and <i>c</i>": `a < b and \<i>c\</i>`,
		"[x]: y":             `\[x]: y`,
		"# not a heading":    `\# not a heading`,
		"12. not a list":     `12\. not a list`,
		"1917 was a year":    "1917 was a year",
		"- a dash":           `\- a dash`,
		"> quoted":           `\> quoted`,
		"   indented":        "indented",
		"plain":              "plain",
	} {
		if got := escapeLine(in); got != want {
			t.Errorf("escapeLine(%q) = %q, want %q", in, got, want)
		}
	}
}
