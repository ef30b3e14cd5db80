package corpus

import (
	"context"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Index searches the plain text of a library. Each document is folded
// (see fold.go) once, the first time a search needs it; a search is then a
// substring scan of the folded text, and a query that extends the previous
// one (the reader typing on) only re-checks the previous hits.
//
// An Index is safe for concurrent use.
type Index struct {
	lib  *Library
	docs []docIndex
}

type docIndex struct {
	once  sync.Once
	text  string // the folded, lowercased plain text
	marks []foldMark
	// blooms holds, per block of the folded text, a bit set of the
	// trigrams in it: a search scans only the blocks that hold every
	// trigram of its query.
	blooms []bloom
}

const (
	// blockSize is how much folded text a bloom summarises.
	blockSize = 64 << 10
	// bloomBits is the size of a block's trigram set (3% of the block):
	// prose holds some 7,000 distinct trigrams in a block, which sets about
	// a third of the bits, so a query of seven trigrams passes a block that
	// lacks it about once in 2,000.
	bloomBits = 1 << 14
)

type bloom [bloomBits / 64]uint64

func trigramBit(a, b, c byte) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77 ^ uint32(c)*0xC2B2AE3D) >> 18
}

// NewIndex returns an index over lib; it folds nothing until asked.
func NewIndex(lib *Library) *Index {
	return &Index{lib: lib, docs: make([]docIndex, len(lib.Docs))}
}

// folded returns document i's folded text, folding it on first use.
func (ix *Index) folded(i int) *docIndex {
	di := &ix.docs[i]
	di.once.Do(func() {
		if ix.lib.Docs[i].Load() != nil {
			return // a document that cannot be read has nothing to find
		}
		d := ix.lib.Docs[i]
		f := folder{lower: true, keep: true, out: make([]byte, 0, d.PlainLen())}
		base := 0
		d.eachPlain(0, d.PlainLen(), func(s string) {
			f.fold(s, base)
			base += len(s)
		})
		di.text = string(f.out)
		di.marks = f.marks
		di.blooms = buildBlooms(di.text)
	})
	return di
}

func buildBlooms(text string) []bloom {
	blooms := make([]bloom, (len(text)+blockSize-1)/blockSize)
	for i := 0; i+2 < len(text); i++ {
		bit := trigramBit(text[i], text[i+1], text[i+2])
		blooms[i/blockSize][bit/64] |= 1 << (bit % 64)
	}
	return blooms
}

// blockMask is the bloom a block and the next must contain between them
// for pat to begin in the first. A pattern longer than a block may span
// more than two, and is looked for without a mask.
func blockMask(pat string) (mask bloom, ok bool) {
	if len(pat) < 3 || len(pat) > blockSize {
		return mask, false
	}
	for i := 0; i+2 < len(pat); i++ {
		bit := trigramBit(pat[i], pat[i+1], pat[i+2])
		mask[bit/64] |= 1 << (bit % 64)
	}
	return mask, true
}

func (b *bloom) holds(mask *bloom) bool {
	for i := range mask {
		if b[i]&mask[i] != mask[i] {
			return false
		}
	}
	return true
}

// Warm folds every document, so that the first search does not pay for it.
func (ix *Index) Warm() {
	for i := range ix.docs {
		ix.folded(i)
	}
}

// Query is what to look for, and where.
type Query struct {
	Text string
	// Doc limits the search to one document (its index in the library);
	// -1 searches them all.
	Doc int
}

// Hit is one match: a byte range of a document's Plain.
type Hit struct {
	Doc        int
	Start, End int
}

// match is a hit as a search finds it: where in the folded text it begins.
type match struct {
	doc  int32
	fold int32
}

// Results are every match of a query, in library order.
type Results struct {
	Query Query
	// Folded is the query as it was matched; CaseSensitive is set when the
	// query has an uppercase letter (smart case).
	Folded        string
	CaseSensitive bool
	// PerDoc counts the hits in each document of the library.
	PerDoc []int

	ix      *Index
	matches []match
}

// Total is the number of matches.
func (r *Results) Total() int { return len(r.matches) }

// Hit returns match i, mapped to the plain text it covers. Hits are mapped
// when asked for, so a query with a hundred thousand matches costs only
// the ones shown.
func (r *Results) Hit(i int) Hit {
	m := r.matches[i]
	di := r.ix.folded(int(m.doc))
	d := r.ix.lib.Docs[m.doc]
	return Hit{
		Doc:   int(m.doc),
		Start: di.srcStart(int(m.fold)),
		End:   di.srcEnd(d, int(m.fold)+len(r.Folded)),
	}
}

// Next is the index of the first hit at or after plain offset off of
// document doc, in library order; Total() when there is none.
func (r *Results) Next(doc, off int) int {
	fold := int32(0)
	if doc >= 0 && doc < len(r.ix.docs) {
		fold = int32(r.ix.folded(doc).foldedOffset(off))
	}
	return sort.Search(len(r.matches), func(i int) bool {
		m := r.matches[i]
		return int(m.doc) > doc || int(m.doc) == doc && m.fold >= fold
	})
}

// Within is the range [first, end) of the hits of document doc that begin
// in its plain text from offset from up to to: the hits of a block, say.
func (r *Results) Within(doc, from, to int) (first, end int) {
	return r.Next(doc, from), r.Next(doc, to)
}

// Search finds every match of q. When prev holds the results of a query
// that q extends (same scope, folded text a prefix of q's), only prev's hits
// are re-checked: typing a longer query narrows, it does not rescan.
func (ix *Index) Search(q Query, prev *Results) *Results {
	res, _ := ix.SearchContext(context.Background(), q, prev)
	return res
}

// SearchContext is Search, given up as soon as ctx is done, when it
// returns nil and ctx's error: a query typed over need not be finished.
// It looks at ctx between documents and between pieces of about a
// megabyte of text.
func (ix *Index) SearchContext(ctx context.Context, q Query, prev *Results) (*Results, error) {
	res := &Results{Query: q, PerDoc: make([]int, len(ix.lib.Docs)), ix: ix}
	res.Folded = foldQuery(q.Text)
	res.CaseSensitive = hasUpper(q.Text)
	if strings.TrimSpace(res.Folded) == "" {
		return res, nil
	}
	var cased string
	if res.CaseSensitive {
		cased = strings.TrimLeft(Fold(q.Text, false), " ")
	}
	if prev != nil && prev.ix == ix && prev.Query.Doc == q.Doc && prev.Folded != "" &&
		strings.HasPrefix(res.Folded, prev.Folded) && (prev.CaseSensitive == res.CaseSensitive || !prev.CaseSensitive) {
		res.matches = ix.narrow(ctx, prev.matches, res.Folded, cased)
	} else {
		res.matches = ix.scanAll(ctx, q.Doc, res.Folded, cased)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, m := range res.matches {
		res.PerDoc[m.doc]++
	}
	return res, nil
}

// unit is a piece of work for a scan: a range of one document's folded
// text.
type unit struct {
	doc        int
	start, end int
}

// scanAll finds pat in every document in scope (doc < 0: all). Documents
// are cut into units of about a megabyte, skipping blocks whose trigrams
// rule the query out; on a library large enough to gain from it, the units
// are scanned in parallel. Once ctx is done it stops, with what it found.
func (ix *Index) scanAll(ctx context.Context, doc int, pat, cased string) []match {
	var units []unit
	size := 0
	mask, useMask := blockMask(pat)
	for i := range ix.docs {
		if doc >= 0 && i != doc {
			continue
		}
		if ctx.Err() != nil {
			return nil
		}
		di := ix.folded(i)
		size += len(di.text)
		units = di.appendUnits(units, i, pat, &mask, useMask)
	}
	workers := min(runtime.GOMAXPROCS(0), len(units))
	if size < 8<<20 || workers < 2 {
		var out []match
		for _, u := range units {
			if ctx.Err() != nil {
				break
			}
			out = ix.scan(out, u, pat, cased)
		}
		return out
	}
	parts := make([][]match, len(units))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				if ctx.Err() == nil {
					parts[k] = ix.scan(nil, units[k], pat, cased)
				}
			}
		}()
	}
	for k := range units {
		next <- k
	}
	close(next)
	wg.Wait()
	var out []match
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// mayBegin says whether a match of the pattern whose mask this is may
// begin in block b: whether b and the next block, where such a match
// ends, hold its trigrams between them.
func (di *docIndex) mayBegin(b int, mask *bloom) bool {
	if b+1 == len(di.blooms) {
		return di.blooms[b].holds(mask)
	}
	this, next := &di.blooms[b], &di.blooms[b+1]
	for i := range mask {
		if (this[i]|next[i])&mask[i] != mask[i] {
			return false
		}
	}
	return true
}

// appendUnits adds the units of document i that may hold pat.
func (di *docIndex) appendUnits(units []unit, i int, pat string, mask *bloom, useMask bool) []unit {
	const unitBlocks = 16 // about a megabyte of text
	if di.blooms == nil || !useMask {
		for start := 0; start < len(di.text); start += unitBlocks * blockSize {
			units = append(units, unit{i, start, min(start+unitBlocks*blockSize, len(di.text))})
		}
		return units
	}
	for b := range di.blooms {
		if !di.mayBegin(b, mask) {
			continue
		}
		start, end := b*blockSize, min((b+1)*blockSize, len(di.text))
		// A match may begin in this block and end in the next.
		end = min(end+len(pat)-1, len(di.text))
		if n := len(units); n > 0 && units[n-1].doc == i && units[n-1].end >= start &&
			units[n-1].end-units[n-1].start < unitBlocks*blockSize {
			units[n-1].end = end
			continue
		}
		units = append(units, unit{i, start, end})
	}
	return units
}

// scan appends the matches of pat that begin in u.
func (ix *Index) scan(out []match, u unit, pat, cased string) []match {
	di := ix.folded(u.doc)
	text := di.text[:u.end]
	rare := rarestByte(pat)
	for off := u.start; off < len(text); {
		j := indexFrom(text[off:], pat, rare)
		if j < 0 {
			break
		}
		start := off + j
		off = start + 1
		if cased == "" || ix.casedMatch(u.doc, di, start, len(pat), cased) {
			out = append(out, match{int32(u.doc), int32(start)})
		}
	}
	return out
}

// indexFrom is strings.Index, but it looks first for pat's rarest byte
// (at rare in pat), which is several times faster than looking for its
// first on prose, where the first letter is often as common as "t".
func indexFrom(text, pat string, rare int) int {
	c := pat[rare]
	for off := rare; off < len(text); {
		j := strings.IndexByte(text[off:], c)
		if j < 0 {
			return -1
		}
		start := off + j - rare
		if start+len(pat) > len(text) {
			return -1
		}
		if text[start:start+len(pat)] == pat {
			return start
		}
		off += j + 1
	}
	return -1
}

// rarestByte is the index in pat of its least frequent byte in English
// prose; bytes of other scripts count as rare.
func rarestByte(pat string) int {
	best, bestFreq := 0, 256
	for i := 0; i < len(pat); i++ {
		f := 0
		if c := pat[i]; c < 0x80 {
			f = int(asciiFreq[c])
		}
		if f < bestFreq {
			best, bestFreq = i, f
		}
	}
	return best
}

// asciiFreq ranks ASCII bytes by how often they occur in English prose:
// the higher, the commoner.
var asciiFreq = func() [128]byte {
	var f [128]byte
	for i := range f {
		f[i] = 10 // punctuation and digits: rare enough
	}
	for rank, c := range " etaoinshrdlcumwfgypbvk,.-'\"xjqz" {
		f[c] = byte(250 - rank*7)
	}
	return f
}()

// narrow keeps the matches of a shorter query that still match pat,
// until ctx is done.
func (ix *Index) narrow(ctx context.Context, prev []match, pat, cased string) []match {
	var out []match
	for k, m := range prev {
		if k%4096 == 0 && ctx.Err() != nil {
			break
		}
		di := ix.folded(int(m.doc))
		if strings.HasPrefix(di.text[m.fold:], pat) &&
			(cased == "" || ix.casedMatch(int(m.doc), di, int(m.fold), len(pat), cased)) {
			out = append(out, m)
		}
	}
	return out
}

// casedMatch checks a match found without case against the query's case.
func (ix *Index) casedMatch(doc int, di *docIndex, start, n int, cased string) bool {
	d := ix.lib.Docs[doc]
	from, to := di.srcStart(start), di.srcEnd(d, start+n)
	return strings.HasPrefix(strings.TrimLeft(Fold(d.PlainRange(from, to), false), " "), cased)
}

// foldQuery folds a query as the text is folded; leading white space is
// dropped so that a query never needs a space before a paragraph.
func foldQuery(q string) string {
	return strings.TrimLeft(Fold(q, true), " ")
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// markAt is the index of the last mark at or before folded offset pos.
func (di *docIndex) markAt(pos int) int {
	return sort.Search(len(di.marks), func(i int) bool { return int(di.marks[i].fold) > pos }) - 1
}

// srcStart maps a folded offset to the plain offset it came from.
func (di *docIndex) srcStart(pos int) int {
	i := di.markAt(pos)
	if i < 0 {
		return 0
	}
	m := di.marks[i]
	if m.exact {
		return int(m.src) + pos - int(m.fold)
	}
	return int(m.src)
}

// srcEnd maps the end of a folded match to the end of the plain text it
// came from: the end of the source character holding its last byte.
func (di *docIndex) srcEnd(d *Document, end int) int {
	if end <= 0 {
		return 0
	}
	last := di.srcStart(end - 1)
	return min(last+d.runeLenAt(last), d.PlainLen())
}

// foldedOffset maps a plain offset to the folded offset of the text there
// (the inverse of srcStart for the start of a character).
func (di *docIndex) foldedOffset(src int) int {
	i := sort.Search(len(di.marks), func(i int) bool { return int(di.marks[i].src) > src }) - 1
	if i < 0 {
		return 0
	}
	m := di.marks[i]
	if m.exact {
		return int(m.fold) + src - int(m.src)
	}
	return int(m.fold)
}

// Snippet is the text around a hit, on one line: up to width characters
// in all, the match in the middle where it fits, within the hit's
// paragraph.
func (l *Library) Snippet(h Hit, width int) (before, match, after string) {
	d := l.Docs[h.Doc]
	// Four bytes a character is room enough for any script.
	from, to := max(0, h.Start-4*width), min(d.PlainLen(), h.End+4*width)
	return TextSnippet(d.PlainRange(from, to), h.Start-from, h.End-from, width)
}

// oneLine collapses every run of white space in s to one space.
func oneLine(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// lastRunes is the end of s in at most n characters, cut at a word
// boundary and marked with an ellipsis where it was cut.
func lastRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return strings.TrimLeft(s, " ")
	}
	r := []rune(s)
	cut := string(r[len(r)-n+1:])
	if i := strings.IndexByte(cut, ' '); i >= 0 && i < len(cut)-1 && r[len(r)-n] != ' ' {
		cut = cut[i+1:]
	}
	return "…" + strings.TrimLeft(cut, " ")
}

// firstRunes is the start of s in at most n characters, cut at a word
// boundary and marked with an ellipsis where it was cut.
func firstRunes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > 0 && r[n-1] != ' ' {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}
