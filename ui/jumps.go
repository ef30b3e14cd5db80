package ui

// spot is a place the reader was: a document of the library and the offset
// of its Body at the top of the screen (-1 for its head), with the block
// that holds it, by which two spots on the same paragraph count as one.
type spot struct {
	doc, off, block int
}

func (s spot) same(o spot) bool { return s.doc == o.doc && s.block == o.block }

// maxJumps bounds the history, as vim's jump list is bounded.
const maxJumps = 100

// jumpList is the history of jumps, as vim keeps it: every jump records
// the place it left; back walks towards older places, forward towards
// newer ones, across documents. A new jump while walking is recorded at
// the end, and the places walked stay in the list. last is where the
// latest jump (or walk) left, for ” to return to.
type jumpList struct {
	spots   []spot
	at      int // the spot being walked; len(spots) when not walking
	last    spot
	hasLast bool
}

// push records a jump that leaves from: an earlier record of the same
// place is dropped, so that walking back visits each place once.
func (j *jumpList) push(from spot) {
	j.spots = j.without(from)
	j.spots = append(j.spots, from)
	if len(j.spots) > maxJumps {
		j.spots = j.spots[len(j.spots)-maxJumps:]
	}
	j.at = len(j.spots)
	j.last, j.hasLast = from, true
}

func (j *jumpList) without(s spot) []spot {
	out := j.spots[:0]
	for _, x := range j.spots {
		if !x.same(s) {
			out = append(out, x)
		}
	}
	return out
}

// back is the place to go back to from cur, if there is an older one. The
// first step back records cur, so that forward can return to it; a step
// back after reading on from a place walked to keeps where reading got.
func (j *jumpList) back(cur spot) (spot, bool) {
	if j.at >= len(j.spots) {
		if len(j.spots) == 0 {
			return spot{}, false
		}
		j.push(cur)
		j.at = len(j.spots) - 1
	} else {
		j.spots[j.at] = cur
	}
	if j.at == 0 {
		return spot{}, false
	}
	j.at--
	j.last, j.hasLast = cur, true
	return j.spots[j.at], true
}

// forward is the place to go forward to from cur, if back has been used.
func (j *jumpList) forward(cur spot) (spot, bool) {
	if j.at+1 >= len(j.spots) {
		return spot{}, false
	}
	j.spots[j.at] = cur
	j.at++
	j.last, j.hasLast = cur, true
	return j.spots[j.at], true
}

// swap is where ” goes from cur: the place the latest jump left. Going
// there is a jump too, so ” again comes back.
func (j *jumpList) swap(cur spot) (spot, bool) {
	if !j.hasLast {
		return spot{}, false
	}
	to := j.last
	j.push(cur)
	return to, true
}
