package state

import (
	"fmt"
	"strings"
	"testing"

	"samizdat/corpus"
)

// jumpDocs are three documents of many paragraphs, one a block.
var jumpDocs = func() [3]*corpus.Document {
	var b strings.Builder
	for i := range maxJumps + 40 {
		fmt.Fprintf(&b, "Paragraph %d, a few words long.\n\n", i)
	}
	return [3]*corpus.Document{corpus.Parse("a.md", []byte(b.String())), corpus.Parse("b.md", []byte(b.String())), corpus.Parse("c.md", []byte(b.String()))}
}()

// at is the start of a block of one of jumpDocs.
func at(doc, block int) corpus.Place {
	d := jumpDocs[doc]
	return corpus.Place{Doc: d, Offset: d.Blocks[block].Start}
}

func TestJumpListBackAndForward(t *testing.T) {
	var j Jumps
	if _, ok := j.Back(at(0, 0)); ok {
		t.Fatal("back with no jumps went somewhere")
	}
	// Jumps from A to B, B to C (another document), C to D.
	a, b, c, d := at(0, 1), at(0, 5), at(1, 2), at(1, 9)
	j.Push(a)
	j.Push(b)
	j.Push(c)
	steps := []struct {
		back bool
		want corpus.Place
		ok   bool
	}{
		{true, c, true},
		{true, b, true},
		{true, a, true},
		{true, corpus.Place{}, false}, // the oldest
		{false, b, true},
		{false, c, true},
		{false, d, true}, // where the first step back left
		{false, corpus.Place{}, false},
	}
	cur := d
	for i, s := range steps {
		var got corpus.Place
		var ok bool
		if s.back {
			got, ok = j.Back(cur)
		} else {
			got, ok = j.Forward(cur)
		}
		if ok != s.ok || ok && got != s.want {
			t.Fatalf("step %d (back %v): %+v %v, want %+v %v", i, s.back, got, ok, s.want, s.ok)
		}
		if ok {
			cur = got
		}
	}
}

func TestJumpListDropsRepeats(t *testing.T) {
	var j Jumps
	j.Push(at(0, 1))
	j.Push(at(0, 2))
	inside := at(0, 1)
	inside.Offset += 5
	j.Push(inside) // the same paragraph as the first
	if len(j.places) != 2 || j.places[1] != inside {
		t.Fatalf("places %+v: the first place should be kept once, latest", j.places)
	}
	for range maxJumps + 20 {
		j.Push(at(1, len(j.places)+10))
	}
	if len(j.places) != maxJumps {
		t.Errorf("%d places kept, want at most %d", len(j.places), maxJumps)
	}
}

// TestJumpListWalkKeepsWhereReadingGot: reading on from a place walked to
// and walking again remembers where reading got, not where it arrived.
func TestJumpListWalkKeepsWhereReadingGot(t *testing.T) {
	var j Jumps
	j.Push(at(0, 1))
	j.Push(at(0, 5))
	j.Back(at(0, 9))              // to block 5
	j.Back(at(0, 6))              // read on to block 6, then back to 1
	got, _ := j.Forward(at(0, 1)) // forward returns to 6
	if got != at(0, 6) {
		t.Errorf("forward went to %+v, want where reading got, %+v", got, at(0, 6))
	}
}

// TestJumpListSwap: ” goes to where the last jump left, and ” again
// comes back.
func TestJumpListSwap(t *testing.T) {
	var j Jumps
	if _, ok := j.Swap(at(0, 0)); ok {
		t.Fatal("'' with no jump went somewhere")
	}
	a, b := at(0, 1), at(2, 7)
	j.Push(a) // jumped from a to b
	got, ok := j.Swap(b)
	if !ok || got != a {
		t.Fatalf("'' went to %+v, want %+v", got, a)
	}
	if got, _ := j.Swap(a); got != b {
		t.Errorf("'' again went to %+v, want %+v", got, b)
	}
}

// TestJumpListExcursion: a search and its steps are one jump, back to
// where the search began, and ” goes between there and the last hit; a
// jump or a walk ends the excursion.
func TestJumpListExcursion(t *testing.T) {
	var j Jumps
	before, origin := at(0, 1), at(0, 4)
	j.Push(before) // jumped from before to origin
	j.Begin(origin)
	hits := []corpus.Place{at(0, 20), at(0, 40), at(1, 3), at(1, 30), at(2, 8)}
	for i := range len(hits) - 1 {
		j.Step(hits[i]) // stepped on from hit i
	}
	last := hits[len(hits)-1]
	if got, ok := j.Back(last); !ok || got != origin {
		t.Fatalf("back after the steps went to %+v, want where the search began, %+v", got, origin)
	}
	if got, ok := j.Back(origin); !ok || got != before {
		t.Errorf("back again went to %+v, want %+v", got, before)
	}

	j = Jumps{}
	j.Begin(origin)
	j.Step(hits[0])
	j.Step(hits[1])
	if got, _ := j.Swap(hits[2]); got != origin {
		t.Fatalf("'' after the steps went to %+v, want %+v", got, origin)
	}
	if got, _ := j.Swap(origin); got != hits[2] {
		t.Errorf("'' again went to %+v, want the last hit %+v", got, hits[2])
	}
	// '' was a jump: a step now begins another excursion.
	j.Step(hits[2])
	if got, _ := j.Back(hits[3]); got != hits[2] {
		t.Errorf("back after a step that followed '' went to %+v, want %+v", got, hits[2])
	}
}
