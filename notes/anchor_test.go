package notes

import (
	"strings"
	"testing"

	"samizdat/corpus"
)

func libOf(docs ...*corpus.Document) *corpus.Library {
	return &corpus.Library{Docs: docs}
}

// keep keeps the first occurrence of words after the text at, in d.
func keep(t testing.TB, s *Set, d *corpus.Document, at, words string) Note {
	t.Helper()
	from := strings.Index(d.Plain(), at)
	if from < 0 {
		t.Fatalf("%q is not in the document", at)
	}
	i := strings.Index(d.Plain()[from:], words)
	if i < 0 {
		t.Fatalf("%q after %q is not in the document", words, at)
	}
	n, err := s.Add(d, from+i, from+i+len(words), "")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLocateInAChangedEdition(t *testing.T) {
	old := parseDoc(t, testDoc)
	s := NewSet()
	s.Now = newClock().now
	regime := keep(t, s, old, "", "pretend not to notice the economic successes")
	friends := keep(t, s, old, "", "The “friends of the Soviet Union” fall into three principal categories — and each")
	second := keep(t, s, old, "Chapter Two", "Facts win out, however, in the end.")
	first := keep(t, s, old, "", "Facts win out, however, in the end.")
	gone := keep(t, s, old, "", "A second time the same words")

	// The corrected edition: a paragraph added before everything, so every
	// passage moved; straight quotes and a dash set close; a word of the
	// second chapter's surroundings corrected; one passage rewritten.
	edited := strings.NewReplacer(
		"# Chapter One\n\n", "# Chapter One\n\nA preface of some length, added to this edition, moves every word after it.\n\n",
		"The “friends of the Soviet Union” fall into three principal categories — and each",
		`The "friends of the Soviet Union" fall into three principal categories—and each`,
		"A second time the same words, in another chapter.", "The same words again, elsewhere in the work.",
	).Replace(testDoc)
	edited = strings.Replace(edited, "# Chapter Two\n\n", "# Chapter Two: Revised\n\n", 1)
	d := parseDoc(t, edited)
	lib := libOf(d)

	got := Resolve(lib, []Note{regime, friends, second, first, gone})
	for i, want := range []string{
		"pretend not to notice the economic successes",
		`The "friends of the Soviet Union" fall into three principal categories—and each`,
		"Facts win out, however, in the end.",
		"Facts win out, however, in the end.",
	} {
		l := got[i]
		if l.Detached || d.PlainRange(l.Start, l.End) != want || !l.Moved() {
			t.Errorf("note %d: detached %v, moved %v, found %q, want %q", i, l.Detached, l.Moved(), d.PlainRange(l.Start, l.End), want)
		}
	}
	if ch := d.Outline[d.SectionAt(got[2].Place().Offset)].Title; ch != "Chapter Two: Revised" {
		t.Errorf("the second chapter's passage was found in %q", ch)
	}
	if ch := d.Outline[d.SectionAt(got[3].Place().Offset)].Title; ch != "Chapter One" {
		t.Errorf("the first chapter's passage was found in %q", ch)
	}
	if l := got[4]; !l.Detached || l.Note.Text != "A second time the same words" || l.Doc != d {
		t.Errorf("a passage rewritten: %+v", l)
	}
	if l := got[4].Place(); l.Offset != -1 || l.Doc != d {
		t.Errorf("a detached note goes to its work's head, not %+v", l)
	}
}

func TestLocateInPlace(t *testing.T) {
	d := parseDoc(t, testDoc)
	s := NewSet()
	n := keep(t, s, d, "", "economic successes")
	l := NewResolver(libOf(d), nil).Locate(n)
	if l.Detached || l.Moved() || l.Start != n.Start || l.DocIndex != 0 {
		t.Errorf("%+v", l)
	}
	if got := d.Body[l.Place().Offset:]; !strings.HasPrefix(got, "economic successes") {
		t.Errorf("goes to %.20q", got)
	}
}

func TestLocateNearestOfTwinPlaces(t *testing.T) {
	// The same sentence three times with the same surroundings: the one
	// nearest where the note was is taken.
	para := "Again and again. The words repeat. Again and again.\n\n"
	doc := "---\nid: twins\n---\n\n" + strings.Repeat(para, 3)
	d := corpus.Parse("twins.md", []byte(doc))
	s := NewSet()
	from := strings.LastIndex(d.Plain(), "The words repeat.")
	n, _ := s.Add(d, from, from+len("The words repeat."), "")
	moved := corpus.Parse("twins.md", []byte("---\nid: twins\n---\n\nA new first line.\n\n"+strings.Repeat(para, 3)))
	l := Resolve(libOf(moved), []Note{n})[0]
	if want := strings.LastIndex(moved.Plain(), "The words repeat."); l.Start != want {
		t.Errorf("found at %d, want the last at %d", l.Start, want)
	}
}

func TestLocateWithoutItsWork(t *testing.T) {
	d := parseDoc(t, testDoc)
	s := NewSet()
	n := keep(t, s, d, "", "economic successes")
	other := corpus.Parse("other.md", []byte("---\nid: other\n---\n\neconomic successes\n"))
	l := Resolve(libOf(other), []Note{n})[0]
	if !l.Detached || l.Doc != nil || l.DocIndex != -1 {
		t.Errorf("a note of a work not in the library: %+v", l)
	}
}

// TestLocateByContextOverDistance: of two places with the passage's words,
// the one whose surroundings are the note's is taken, though a word of
// them was corrected and the other place is now nearer where the note was.
func TestLocateByContextOverDistance(t *testing.T) {
	const head = "---\nid: ctx\n---\n\n"
	first := "The peasants held the land. The words repeat here. Nothing else was said of it.\n\n"
	second := "The workers held the factories. The words repeat here. Their comittees met daily.\n\n"
	old := corpus.Parse("ctx.md", []byte(head+first+second))
	s := NewSet()
	from := strings.LastIndex(old.Plain(), "The words repeat here.")
	n, _ := s.Add(old, from, from+len("The words repeat here."), "")
	// The edition: the second paragraph first, its misspelling corrected,
	// and a long preface that brings the other place near the old offset.
	edited := corpus.Parse("ctx.md", []byte(head+strings.Replace(second, "comittees", "committees", 1)+"A preface.\n\n"+first))
	l := Resolve(libOf(edited), []Note{n})[0]
	want := strings.Index(edited.Plain(), "The words repeat here.")
	other := strings.LastIndex(edited.Plain(), "The words repeat here.")
	if abs(other-n.Start) >= abs(want-n.Start) {
		t.Fatalf("the test needs the other place nearer: %d, %d, %d", n.Start, want, other)
	}
	if l.Detached || l.Start != want {
		t.Errorf("found at %d (detached %v), want %d, not %d", l.Start, l.Detached, want, other)
	}
}

// TestLocateCorrectedWithin: a long passage with a word corrected inside
// it is found by its first and last words; a short one is not guessed at.
func TestLocateCorrectedWithin(t *testing.T) {
	const head = "---\nid: fix\n---\n\n"
	para := "Before it. The bureaucracy, having conquered the party, set about the conquest of the state apparatus, and in the course of a decade it had made itself the master of every lever of power in the land. After it.\n\n"
	old := corpus.Parse("fix.md", []byte(head+para))
	s := NewSet()
	long := keep(t, s, old, "", "The bureaucracy, having conquered the party, set about the conquest of the state apparatus, and in the course of a decade it had made itself the master of every lever of power in the land.")
	short := keep(t, s, old, "", "conquest of the state apparatus")
	edited := corpus.Parse("fix.md", []byte(head+"A new first paragraph.\n\n"+
		strings.NewReplacer("set about the conquest", "set about the subjugation", "state apparatus", "state machine").Replace(para)))
	got := Resolve(libOf(edited), []Note{long, short})
	want := "The bureaucracy, having conquered the party, set about the subjugation of the state machine, and in the course of a decade it had made itself the master of every lever of power in the land."
	if l := got[0]; l.Detached || l.Words() != want {
		t.Errorf("a passage corrected within: detached %v, found %q", l.Detached, l.Words())
	}
	if l := got[1]; !l.Detached || l.Words() != "conquest of the state apparatus" {
		t.Errorf("a short passage rewritten: %+v", l)
	}
}
