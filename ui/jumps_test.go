package ui

import "testing"

func at(doc, block int) spot { return spot{doc: doc, off: block * 100, block: block} }

func TestJumpListBackAndForward(t *testing.T) {
	var j jumpList
	if _, ok := j.back(at(0, 0)); ok {
		t.Fatal("back with no jumps went somewhere")
	}
	// Jumps from A to B, B to C (another document), C to D.
	a, b, c, d := at(0, 1), at(0, 5), at(1, 2), at(1, 9)
	j.push(a)
	j.push(b)
	j.push(c)
	steps := []struct {
		back bool
		want spot
		ok   bool
	}{
		{true, c, true},
		{true, b, true},
		{true, a, true},
		{true, spot{}, false}, // the oldest
		{false, b, true},
		{false, c, true},
		{false, d, true}, // where the first step back left
		{false, spot{}, false},
	}
	cur := d
	for i, s := range steps {
		var got spot
		var ok bool
		if s.back {
			got, ok = j.back(cur)
		} else {
			got, ok = j.forward(cur)
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
	var j jumpList
	j.push(at(0, 1))
	j.push(at(0, 2))
	j.push(spot{doc: 0, off: 150, block: 1}) // the same paragraph as the first
	if len(j.spots) != 2 || j.spots[1].off != 150 {
		t.Fatalf("spots %+v: the first place should be kept once, latest", j.spots)
	}
	for range maxJumps + 20 {
		j.push(at(1, len(j.spots)+10))
	}
	if len(j.spots) != maxJumps {
		t.Errorf("%d spots kept, want at most %d", len(j.spots), maxJumps)
	}
}

// TestJumpListWalkKeepsWhereReadingGot: reading on from a place walked to
// and walking again remembers where reading got, not where it arrived.
func TestJumpListWalkKeepsWhereReadingGot(t *testing.T) {
	var j jumpList
	j.push(at(0, 1))
	j.push(at(0, 5))
	j.back(at(0, 9))              // to block 5
	j.back(at(0, 6))              // read on to block 6, then back to 1
	got, _ := j.forward(at(0, 1)) // forward returns to 6
	if got != at(0, 6) {
		t.Errorf("forward went to %+v, want where reading got, %+v", got, at(0, 6))
	}
}

// TestJumpListSwap: ” goes to where the last jump left, and ” again
// comes back.
func TestJumpListSwap(t *testing.T) {
	var j jumpList
	if _, ok := j.swap(at(0, 0)); ok {
		t.Fatal("'' with no jump went somewhere")
	}
	a, b := at(0, 1), at(2, 7)
	j.push(a) // jumped from a to b
	got, ok := j.swap(b)
	if !ok || got != a {
		t.Fatalf("'' went to %+v, want %+v", got, a)
	}
	if got, _ := j.swap(a); got != b {
		t.Errorf("'' again went to %+v, want %+v", got, b)
	}
}
