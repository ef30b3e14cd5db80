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
	// edition moved them. For a detached note they are the note's offsets,
	// which may mean nothing in Doc.
	Start, End int
	// Detached says the passage's words are no longer in the work: the
	// note is kept, and listed apart, but cannot be drawn or gone to.
	Detached bool
}

// Moved says whether the passage was found elsewhere than it was kept.
func (l Located) Moved() bool {
	return !l.Detached && (l.Start != l.Note.Start || l.End != l.Note.End)
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
// dashes are spaced); of several places, the one whose surroundings are
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
	// The search folds the query as it folds the text, paragraph breaks
	// and all; lowercased, the query's case is not asked for.
	res := r.ix.Search(corpus.Query{Text: strings.ToLower(n.Text), Doc: i}, nil)
	best, bestScore, bestDist := corpus.Hit{}, -1, 0
	for k := range res.Total() {
		h := res.Hit(k)
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
