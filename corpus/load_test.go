package corpus

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

const sample = `---
id: sample
title: A Sample
author: Someone
year: "1936"
---

# Chapter 1: Beginnings {#ch1}

Text with a note[^1] and \*stars\*.

## 1. First section

The page turns <!--page:37-->here, mid-sentence.

- a listed item

> a quotation

# Chapter 1: Beginnings

## Notes

[^1]: The note's text.
`

func TestParse(t *testing.T) {
	d := Parse("sample.md", []byte(sample))
	if d.ID != "sample" || d.Title != "A Sample" || d.Year != "1936" {
		t.Fatalf("meta = %+v", d.Meta)
	}
	wantBody := "# Chapter 1: Beginnings\n\nText with a note[1] and \\*stars\\*.\n\n## 1. First section\n\n" +
		"The page turns here, mid-sentence.\n\n- a listed item\n\n> a quotation\n\n# Chapter 1: Beginnings\n\n## Notes\n\n[1] The note's text."
	if d.Body != wantBody {
		t.Fatalf("Body =\n%q\nwant\n%q", d.Body, wantBody)
	}
	wantPlain := "Chapter 1: Beginnings\n\nText with a note[1] and *stars*.\n\n1. First section\n\n" +
		"The page turns here, mid-sentence.\n\n- a listed item\n\n> a quotation\n\nChapter 1: Beginnings\n\nNotes\n\n[1] The note's text."
	if d.Plain() != wantPlain {
		t.Fatalf("Plain =\n%q\nwant\n%q", d.Plain(), wantPlain)
	}
	anchors := []string{"ch1", "1-first-section", "chapter-1-beginnings", "notes"}
	if len(d.Outline) != len(anchors) {
		t.Fatalf("outline = %+v", d.Outline)
	}
	for i, h := range d.Outline {
		if h.Anchor != anchors[i] {
			t.Errorf("heading %d anchor = %q, want %q", i, h.Anchor, anchors[i])
		}
		if !strings.HasPrefix(d.Body[h.Offset:], strings.Repeat("#", h.Level)+" "+h.Title) {
			t.Errorf("heading %q offset %d points at %q", h.Title, h.Offset, d.Body[h.Offset:h.Offset+20])
		}
	}
	if len(d.Pages) != 1 || d.Pages[0].Label != "37" || !strings.HasPrefix(d.Body[d.Pages[0].Offset:], "here,") {
		t.Fatalf("pages = %+v", d.Pages)
	}
	if len(d.Notes) != 1 || len(d.Notes[0].Refs) != 1 {
		t.Fatalf("notes = %+v", d.Notes)
	}
	n := d.Notes[0]
	if got := d.Body[n.Refs[0] : n.Refs[0]+3]; got != "[1]" {
		t.Errorf("ref points at %q", got)
	}
	if got := d.Body[n.Offset:n.End]; got != "[1] The note's text." {
		t.Errorf("note = %q", got)
	}
	if len(d.Blocks) != 9 {
		t.Errorf("blocks = %d, want 9", len(d.Blocks))
	}
	for _, b := range d.Blocks {
		if strings.Contains(d.Body[b.Start:b.End], "\n") {
			t.Errorf("block %q holds a line break", d.Body[b.Start:b.End])
		}
	}
}

// TestNoteOfParagraphs: an indented block after a note's paragraph is a
// further paragraph of the note, not code; one after anything else is not.
func TestNoteOfParagraphs(t *testing.T) {
	d := Parse("n.md", []byte("Text[^1] and[^2].\n\n[^1]: First.\n\n    Second\n    lines.\n\n\tThird.\n\n[^2]: Other.\n\nAfter.\n\n    Not a note.\n"))
	wantBody := "Text[1] and[2].\n\n[1] First.\n\nSecond\nlines.\n\nThird.\n\n[2] Other.\n\nAfter.\n\n    Not a note."
	if d.Body != wantBody {
		t.Fatalf("Body =\n%q\nwant\n%q", d.Body, wantBody)
	}
	if len(d.Notes) != 2 {
		t.Fatalf("notes = %+v", d.Notes)
	}
	if got := d.Body[d.Notes[0].Offset:d.Notes[0].End]; got != "[1] First.\n\nSecond\nlines.\n\nThird." {
		t.Errorf("note 1 = %q", got)
	}
	if got := d.Body[d.Notes[1].Offset:d.Notes[1].End]; got != "[2] Other." {
		t.Errorf("note 2 = %q", got)
	}
	if len(d.Blocks) != 7 {
		t.Errorf("blocks = %d, want 7", len(d.Blocks))
	}
}

// TestEditorNote: a paragraph in italics is read without its marks.
func TestEditorNote(t *testing.T) {
	d := Parse("e.md", []byte("# Part Two\n\n*The second part covers \\*this\\*.*\n\n*a* and *b*\n\n*not\\*\n\nText.\n"))
	want := "Part Two\n\nThe second part covers *this*.\n\n*a* and *b*\n\n*not*\n\nText."
	if d.Plain() != want {
		t.Errorf("Plain =\n%q\nwant\n%q", d.Plain(), want)
	}
	// Its closing mark maps to the end of its text.
	if b := d.Blocks[1]; d.Plain()[d.PlainOffset(b.Start):d.PlainOffset(b.End-1)] != "The second part covers *this*." {
		t.Errorf("the note's block maps to %q", d.Plain()[d.PlainOffset(b.Start):d.PlainOffset(b.End-1)])
	}
}

// TestPageBeginsWithHeadings: a page anchor at the start of the text
// after a heading puts the heading on that page.
func TestPageBeginsWithHeadings(t *testing.T) {
	d := Parse("p.md", []byte("Text on page four.\n\n# Part II\n\n## Introduction\n\n<!--page:5-->The text of page five.\n"))
	for _, h := range d.Outline {
		if p, ok := d.PageAt(h.Offset); !ok || p != "5" {
			t.Errorf("%q is on page %q, want 5", h.Title, p)
		}
	}
	if p, ok := d.PageAt(0); ok {
		t.Errorf("the first paragraph is on page %q, want none", p)
	}
}

func TestOffsetsRoundTrip(t *testing.T) {
	d := Parse("sample.md", []byte(sample))
	// Every byte of Plain maps to the same byte of Body, and back.
	for p := 0; p < len(d.Plain()); p++ {
		if d.Plain()[p] == '\n' {
			continue
		}
		b := d.BodyOffset(p)
		if d.Body[b] != d.Plain()[p] {
			t.Fatalf("plain %d (%q) maps to body %d (%q)", p, d.Plain()[p], b, d.Body[b])
		}
		if back := d.PlainOffset(b); back != p {
			t.Fatalf("plain %d -> body %d -> plain %d", p, b, back)
		}
	}
	// Markup maps to the text after it.
	if got := d.PlainOffset(0); got != 0 {
		t.Errorf("PlainOffset(0) = %d, want 0 (the heading's text)", got)
	}
}

func TestWhere(t *testing.T) {
	d := Parse("sample.md", []byte(sample))
	first := strings.Index(d.Body, "The page")
	if i := d.SectionAt(first); d.Outline[i].Anchor != "1-first-section" {
		t.Errorf("SectionAt = %q", d.Outline[i].Anchor)
	}
	if i := d.SectionAt(0); i != 0 {
		t.Errorf("SectionAt(0) = %d", i)
	}
	if _, ok := d.PageAt(first); ok {
		t.Error("a page before the first anchor")
	}
	if p, ok := d.PageAt(len(d.Body) - 1); !ok || p != "37" {
		t.Errorf("PageAt(end) = %q, %v", p, ok)
	}
	if end := d.SectionEnd(0); end != d.Outline[2].Offset {
		t.Errorf("SectionEnd(0) = %d, want %d", end, d.Outline[2].Offset)
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Chapter 5: The Soviet Thermidor": "chapter-5-the-soviet-thermidor",
		"Lenin's Testament":               "lenins-testament",
		"Why didn’t Trotsky take power?":  "why-didnt-trotsky-take-power",
		"Dühring — and the “Left”":        "dühring-and-the-left",
		"  ":                              "",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindAndResolve(t *testing.T) {
	lib, err := Load(fstest.MapFS{
		"b.md": {Data: []byte("---\nid: revolution-betrayed\ntitle: RB\nyear: \"1936\"\n---\n# Introduction\n\nText.\n")},
		"a.md": {Data: []byte("---\nid: rise-of-stalinism\ntitle: RS\nyear: \"1997\"\n---\n# The semi-state\n\nText.\n")},
		"c.md": {Data: []byte("---\nid: notes\ntitle: N\n---\nText.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range lib.Docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "revolution-betrayed rise-of-stalinism notes" {
		t.Fatalf("order = %s (by year, undated last)", got)
	}
	tests := []struct {
		ref, id, anchor, err string
	}{
		{ref: "revolution-betrayed", id: "revolution-betrayed"},
		{ref: "rev", id: "revolution-betrayed"},
		{ref: "2", id: "rise-of-stalinism"},
		{ref: "rise#semi", id: "rise-of-stalinism", anchor: "the-semi-state"},
		{ref: "r", err: "ambiguous"},
		{ref: "revolution-betrayd", err: "did you mean revolution-betrayed"},
		{ref: "4", err: "no document 4"},
		{ref: "rev#intro", id: "revolution-betrayed", anchor: "introduction"},
		{ref: "rev#chapter", err: `no anchor "chapter"`},
	}
	for _, tt := range tests {
		p, err := lib.Resolve(tt.ref)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Resolve(%q) err = %v, want %q", tt.ref, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.ref, err)
			continue
		}
		anchor := ""
		if p.Offset >= 0 {
			anchor = p.Doc.Outline[p.Doc.SectionAt(p.Offset)].Anchor
		}
		if p.Doc.ID != tt.id || anchor != tt.anchor {
			t.Errorf("Resolve(%q) = %s at %d (%q)", tt.ref, p.Doc.ID, p.Offset, anchor)
		}
	}
}

func TestEmbedded(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Docs) != 5 {
		t.Fatalf("embedded library has %d documents, want 5", len(lib.Docs))
	}
	for _, d := range lib.Docs {
		if d.Title == "" || d.Author == "" || len(d.Plain()) < 50000 {
			t.Errorf("%s: title %q, author %q, %d bytes of text", d.ID, d.Title, d.Author, len(d.Plain()))
		}
	}
}

func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseOrdinaryMarkdown reads a file written as people write
// Markdown: paragraphs over several lines, a fenced block with a blank line
// in it, setext headings.
func TestParseOrdinaryMarkdown(t *testing.T) {
	d := Parse("notes.md", []byte("My Notes\n========\n\nA paragraph\nwrapped by hand.\n\n```\ncode\n\nmore code\n```\n\nSection\n-------\n- one\n- two\n## Last\ntext\n"))
	var titles []string
	for _, h := range d.Outline {
		titles = append(titles, fmt.Sprintf("%d %s", h.Level, h.Title))
	}
	if got := strings.Join(titles, "|"); got != "1 My Notes|2 Section|2 Last" {
		t.Errorf("outline = %s", got)
	}
	want := "# My Notes\n\nA paragraph\nwrapped by hand.\n\n```\ncode\n\nmore code\n```\n\n## Section\n\n- one\n- two\n\n## Last\n\ntext"
	if d.Body != want {
		t.Errorf("Body =\n%q\nwant\n%q", d.Body, want)
	}
	if len(d.Blocks) != 7 {
		t.Errorf("%d blocks, want 7", len(d.Blocks))
	}
}

// TestLongParagraphIsCut: a paragraph far longer than any a book holds is
// cut into pieces, at spaces where it has them.
func TestLongParagraphIsCut(t *testing.T) {
	words := strings.Repeat("word ", 10000) // 50,000 bytes
	solid := strings.Repeat("ж", 20000)     // 40,000 bytes, no space
	d := Parse("long.md", []byte(words+"\n\n"+solid+"\n"))
	if len(d.Blocks) < 6 {
		t.Fatalf("%d blocks", len(d.Blocks))
	}
	total := 0
	for _, b := range d.Blocks {
		text := d.Body[b.Start:b.End]
		if len(text) > maxBlock || !utf8.ValidString(text) {
			t.Errorf("block of %d bytes, valid UTF-8 %v", len(text), utf8.ValidString(text))
		}
		total += len(strings.Fields(text))
	}
	if want := 10000 + 1; total < want {
		t.Errorf("%d words after cutting, want at least %d", total, want)
	}
}

// TestLineEnds: a file's lines may end in LF, CRLF or CR alone (an old Mac
// file); each reads the same, Markdown or plain text.
func TestLineEnds(t *testing.T) {
	const md = "# Title\n\nA paragraph\nover two lines.\n\n- one\n- two\n"
	const txt = "A text file\nwrapped by hand.\n\nSecond paragraph.\n"
	for _, end := range []string{"\n", "\r\n", "\r"} {
		for _, tt := range []struct {
			name, text, body string
			blocks           int
		}{
			{"a.md", md, "# Title\n\nA paragraph\nover two lines.\n\n- one\n- two", 3},
			{"a.txt", txt, "A text file wrapped by hand.\n\nSecond paragraph.", 2},
		} {
			data := strings.ReplaceAll(tt.text, "\n", end)
			if strings.HasSuffix(tt.name, ".txt") {
				data = textToMarkdown(data)
			}
			d := Parse(tt.name, []byte(data))
			if d.Body != tt.body || len(d.Blocks) != tt.blocks || len(d.Warnings) > 0 {
				t.Errorf("%s with %q line ends: body %q, %d blocks, warnings %q", tt.name, end, d.Body, len(d.Blocks), d.Warnings)
			}
		}
	}
}
