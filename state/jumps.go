package state

import "samizdat/corpus"

// maxJumps bounds the history, as vim's jump list is bounded.
const maxJumps = 100

// Jumps is the history of jumps, as vim keeps it: every jump records the
// place it left; back walks towards older places, forward towards newer
// ones, across documents. A new jump while walking is recorded at the end,
// and the places walked stay in the list. Two places in the same block
// count as one (corpus.Place.Same). last is where the latest jump (or
// walk) left, for ” to return to. An excursion (a search and its steps
// from hit to hit) is one jump: it records where it began, and its later
// steps nothing.
type Jumps struct {
	places    []corpus.Place
	at        int // the place being walked; len(places) when not walking
	last      corpus.Place
	hasLast   bool
	excursion bool // the latest jump began an excursion, which goes on
}

// Push records a jump that leaves from: an earlier record of the same
// place is dropped, so that walking back visits each place once.
func (j *Jumps) Push(from corpus.Place) {
	j.places = j.without(from)
	j.places = append(j.places, from)
	if len(j.places) > maxJumps {
		j.places = j.places[len(j.places)-maxJumps:]
	}
	j.at = len(j.places)
	j.last, j.hasLast = from, true
	j.excursion = false
}

// Begin records a jump that begins an excursion from from: a search
// going to its first hit.
func (j *Jumps) Begin(from corpus.Place) {
	j.Push(from)
	j.excursion = true
}

// Step records a step of an excursion that left from: nothing if the
// excursion goes on, as no other jump or walk has come since it began;
// else a new one begins there.
func (j *Jumps) Step(from corpus.Place) {
	if j.excursion && j.at == len(j.places) {
		return
	}
	j.Begin(from)
}

func (j *Jumps) without(p corpus.Place) []corpus.Place {
	out := j.places[:0]
	for _, x := range j.places {
		if !x.Same(p) {
			out = append(out, x)
		}
	}
	return out
}

// Back is the place to go back to from cur, if there is an older one. The
// first step back records cur, so that forward can return to it; a step
// back after reading on from a place walked to keeps where reading got.
func (j *Jumps) Back(cur corpus.Place) (corpus.Place, bool) {
	if j.at >= len(j.places) {
		if len(j.places) == 0 {
			return corpus.Place{}, false
		}
		j.Push(cur)
		j.at = len(j.places) - 1
	} else {
		j.places[j.at] = cur
	}
	if j.at == 0 {
		return corpus.Place{}, false
	}
	j.at--
	j.last, j.hasLast = cur, true
	j.excursion = false
	return j.places[j.at], true
}

// Forward is the place to go forward to from cur, if Back has been used.
func (j *Jumps) Forward(cur corpus.Place) (corpus.Place, bool) {
	if j.at+1 >= len(j.places) {
		return corpus.Place{}, false
	}
	j.places[j.at] = cur
	j.at++
	j.last, j.hasLast = cur, true
	j.excursion = false
	return j.places[j.at], true
}

// Last is where the latest jump or walk left, if there has been one.
func (j *Jumps) Last() (corpus.Place, bool) { return j.last, j.hasLast }

// Swap is where ” goes from cur: the place the latest jump left. Going
// there is a jump too, so ” again comes back.
func (j *Jumps) Swap(cur corpus.Place) (corpus.Place, bool) {
	if !j.hasLast {
		return corpus.Place{}, false
	}
	to := j.last
	j.Push(cur)
	return to, true
}
