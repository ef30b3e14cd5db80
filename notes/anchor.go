package notes

import (
	"strings"

	"samizdat/corpus"
)

// Located is a note as it is found in the library now.
type Located struct {
	Note Note
	// Doc is the note's work, nil when the library has no work of that id;
	// DocIndex is its index in the library, -1 then.
	Doc      *corpus.Document
	DocIndex int
	// Start and End are where the passage is now, in Doc's plain text:
	// the note's own offsets, or where its words were found again after an
	// edition moved or corrected them (Words are the words there now). For
	// a detached note they are the note's offsets, which may mean nothing
	// in Doc.
	Start, End int
	// Detached says the passage's words are no longer in the work: the
	// note is kept, and listed apart, but cannot be drawn or gone to.
	Detached bool
}

// Moved says whether the passage was found elsewhere than it was kept.
func (l Located) Moved() bool {
	return !l.Detached && (l.Start != l.Note.Start || l.End != l.Note.End)
}

// Words are the passage's words as the edition has them now; a detached
// note's, as they were kept.
func (l Located) Words() string {
	if l.Doc == nil || l.Detached {
		return l.Note.Text
	}
	return l.Doc.PlainRange(l.Start, l.End)
}

// Place is where the passage begins, for going there: a place of its
// work's body. A detached note's is the head of its work.
func (l Located) Place() corpus.Place {
	if l.Doc == nil || l.Detached {
		return corpus.Place{Doc: l.Doc, Offset: -1}
	}
	return corpus.Place{Doc: l.Doc, Offset: l.Doc.BodyOffset(l.Start)}
}

// Resolver finds notes in a library.
type Resolver struct {
	lib  *corpus.Library
	ix   *corpus.Index
	docs map[string]int
}

// NewResolver returns a resolver for notes of lib. ix is the library's
// search index, whose folded text it shares; nil makes one of its own.
func NewResolver(lib *corpus.Library, ix *corpus.Index) *Resolver {
	if ix == nil {
		ix = corpus.NewIndex(lib)
	}
	r := &Resolver{lib: lib, ix: ix, docs: make(map[string]int, len(lib.Docs))}
	for i, d := range lib.Docs {
		if _, dup := r.docs[d.ID]; !dup {
			r.docs[d.ID] = i
		}
	}
	return r
}

// Resolve locates each of ns in lib, as a Resolver does.
func Resolve(lib *corpus.Library, ns []Note) []Located {
	return NewResolver(lib, nil).Resolve(ns)
}

// Resolve locates each of ns, in the same order.
func (r *Resolver) Resolve(ns []Note) []Located {
	out := make([]Located, len(ns))
	for i, n := range ns {
		out[i] = r.Locate(n)
	}
	return out
}

// Locate finds a note's passage. Where its words still are at its offsets,
// it is there. Otherwise its words are looked for in the work as a search
// looks (forgiving case, diacritics, curly or straight quotes and how
// dashes are spaced); failing that, a long passage whose words were
// corrected within is found by its first and last words, about as far
// apart as they were. Of several places, the one whose surroundings are
// most like the note's context is taken, then the one nearest where it
// was. A passage found nowhere is detached.
func (r *Resolver) Locate(n Note) Located {
	l := Located{Note: n, DocIndex: -1, Start: n.Start, End: n.End, Detached: true}
	i, ok := r.docs[n.Doc]
	if !ok {
		return l
	}
	d := r.lib.Docs[i]
	l.Doc, l.DocIndex = d, i
	if d.Load() != nil {
		return l
	}
	if n.Start >= 0 && n.Start < n.End && n.End <= d.PlainLen() && d.PlainRange(n.Start, n.End) == n.Text {
		l.Detached = false
		return l
	}
	if strings.TrimSpace(n.Text) == "" {
		return l
	}
	places := r.find(i, n.Text)
	if len(places) == 0 {
		places = r.findEnds(i, n.Text)
	}
	best, bestScore, bestDist := corpus.Hit{}, -1, 0
	for _, h := range places {
		score := contextScore(d, h, n)
		dist := abs(h.Start - n.Start)
		if score > bestScore || score == bestScore && dist < bestDist {
			best, bestScore, bestDist = h, score, dist
		}
	}
	if bestScore < 0 {
		return l
	}
	l.Start, l.End, l.Detached = best.Start, best.End, false
	return l
}

// find is every place of document i that has the words.
func (r *Resolver) find(i int, words string) []corpus.Hit {
	// The search folds the query as it folds the text, paragraph breaks
	// and all; lowercased, the query's case is not asked for.
	res := r.ix.Search(corpus.Query{Text: strings.ToLower(words), Doc: i}, nil)
	out := make([]corpus.Hit, res.Total())
	for k := range out {
		out[k] = res.Hit(k)
	}
	return out
}

// endWords is how many words at either end of a passage findEnds looks
// for: enough to be found in few places, few enough to be left whole by
// a correction within.
const endWords = 6

// findEnds finds a passage whose words were changed within: every place
// where its first words are followed by its last, the two about as far
// apart as they were (a quarter more or less). A passage too short to
// have ends apart is not looked for so.
func (r *Resolver) findEnds(i int, text string) []corpus.Hit {
	words := strings.Fields(text)
	if len(words) < 3*endWords {
		return nil
	}
	head := strings.Join(words[:endWords], " ")
	tail := strings.Join(words[len(words)-endWords:], " ")
	starts, ends := r.find(i, head), r.find(i, tail)
	lo, hi := len(text)*3/4, len(text)*5/4
	var out []corpus.Hit
	for _, s := range starts {
		for _, e := range ends {
			if e.Start >= s.End && e.End-s.Start >= lo && e.End-s.Start <= hi {
				out = append(out, corpus.Hit{Doc: s.Doc, Start: s.Start, End: e.End})
			}
		}
	}
	return out
}

// contextScore is how much of the note's context, folded, the text
// around hit h has: the bytes it shares before the hit, read backwards,
// and after it.
func contextScore(d *corpus.Document, h corpus.Hit, n Note) int {
	slack := 2 * contextBytes
	before := corpus.Fold(d.PlainRange(h.Start-len(n.Before)-slack, h.Start), true)
	after := corpus.Fold(d.PlainRange(h.End, h.End+len(n.After)+slack), true)
	return commonSuffix(strings.TrimRight(before, " "), strings.TrimRight(corpus.Fold(n.Before, true), " ")) +
		commonPrefix(strings.TrimLeft(after, " "), strings.TrimLeft(corpus.Fold(n.After, true), " "))
}

func commonPrefix(a, b string) int {
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	return k
}

func commonSuffix(a, b string) int {
	k := 0
	for k < len(a) && k < len(b) && a[len(a)-1-k] == b[len(b)-1-k] {
		k++
	}
	return k
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
