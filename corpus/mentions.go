package corpus

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Where the people are mentioned is found by words: the plain text is cut
// into words (runs of letters and digits), each folded as a search folds
// it (case, diacritics), and a word that begins a person's key is looked up
// in a map. A key of several words ("B. Eltsin") matches where its words
// follow one another with only spaces and full stops between them, so
// "B.Eltsin" and "B. Eltsin" are one. A name is thus never found inside
// another word ("Rykov" is not in "Rykova"), and a possessive ("Zinoviev’s")
// is the name and an "s" after an apostrophe.

// Mentions is every place the library names person i, in library order.
// The person's own note is not among them.
func (p *People) Mentions(i int) []Mention {
	if p == nil || i < 0 || i >= len(p.people) {
		return nil
	}
	occ := p.occurrences()
	out := make([]Mention, 0, len(occ.byPerson[i]))
	for _, ref := range occ.byPerson[i] {
		out = append(out, occ.docs[ref.doc][ref.k])
	}
	return out
}

// Counts is how many times each document of the library names person i.
func (p *People) Counts(i int) []int {
	if p == nil {
		return nil
	}
	counts := make([]int, len(p.lib.Docs))
	for _, m := range p.Mentions(i) {
		counts[m.Doc]++
	}
	return counts
}

// NamesIn is every mention that overlaps the plain range [from, to) of
// document doc: the known names on a screen of text.
func (p *People) NamesIn(doc, from, to int) []Mention {
	if p == nil {
		return nil
	}
	occ := p.occurrences()
	if doc < 0 || doc >= len(occ.docs) {
		return nil
	}
	ms := occ.docs[doc]
	i := sort.Search(len(ms), func(i int) bool { return ms[i].End > from })
	var out []Mention
	for ; i < len(ms) && ms[i].Start < to; i++ {
		out = append(out, ms[i])
	}
	return out
}

// At is the mention of a person at plain offset off of document doc: the
// one that covers it, else the nearest within the paragraph around it.
func (p *People) At(doc, off int) (Mention, bool) {
	if p == nil || doc < 0 || doc >= len(p.lib.Docs) {
		return Mention{}, false
	}
	if ms := p.NamesIn(doc, off, off+1); len(ms) > 0 {
		return ms[0], true
	}
	d := p.lib.Docs[doc]
	from, to := paragraphAround(d, off)
	best, bestDist := Mention{}, -1
	for _, m := range p.NamesIn(doc, from, to) {
		dist := max(m.Start-off, off-m.End+1)
		if bestDist < 0 || dist < bestDist {
			best, bestDist = m, dist
		}
	}
	return best, bestDist >= 0
}

// paragraphAround is the plain range of the block that holds plain
// offset off.
func paragraphAround(d *Document, off int) (from, to int) {
	if len(d.Blocks) == 0 {
		return 0, d.PlainLen()
	}
	b := d.Blocks[d.BlockAt(d.BodyOffset(off))]
	return d.PlainOffset(b.Start), d.PlainOffset(b.End)
}

// Warm finds every mention now, so that the first question of where
// someone is mentioned does not wait for it: some milliseconds, to be
// spent off the UI goroutine.
func (p *People) Warm() {
	if p != nil {
		p.occurrences()
	}
}

// word is a word of a text: its byte range and folded form.
type word struct {
	start, end int
	folded     string
}

// nameWords yields the words of s.
func nameWords(s string) func(yield func(word) bool) {
	return func(yield func(word) bool) {
		var buf []byte
		for pos := 0; ; {
			start, end, folded, ok := nextWord(s, pos, buf)
			if !ok || !yield(word{start, end, string(folded)}) {
				return
			}
			buf, pos = folded, end
		}
	}
}

// nextWord finds the first word of s at or after pos: its byte range and
// its folded form, written over buf.
func nextWord(s string, pos int, buf []byte) (start, end int, folded []byte, ok bool) {
	for pos < len(s) {
		if c := s[pos]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			pos++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[pos:])
		if isLetter(r) {
			break
		}
		pos += size
	}
	if pos >= len(s) {
		return 0, 0, buf, false
	}
	start = pos
	b := buf[:0]
	for pos < len(s) {
		c := s[pos]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			pos++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[pos:])
		if !isLetter(r) {
			break
		}
		b = append(b, foldRune(r, true)...)
		pos += size
	}
	return start, pos, b, true
}

// asciiWord says which ASCII bytes are letters or digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// keyJoin says whether the text between two words of a key may join them:
// spaces and full stops only ("G.Y. Zinoviev").
func keyJoin(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '.' && r != '\u00a0' {
			return false
		}
	}
	return len(s) <= 3
}

// key is a person's key as the scan matches it: its folded words.
type key struct {
	words  []string
	person int
}

// keyTable maps the first folded word of every key to the keys it begins.
// starts holds a bit for the first two bytes of each such word, so that
// most words of the text are passed over without a look in the map.
type keyTable struct {
	keys   map[string][]key
	starts [1 << 16 / 64]uint64
}

func startBits(w []byte) uint16 {
	if len(w) == 1 {
		return uint16(w[0]) << 8
	}
	return uint16(w[0])<<8 | uint16(w[1])
}

func (t *keyTable) mayStart(w []byte) bool {
	b := startBits(w)
	return t.starts[b/64]&(1<<(b%64)) != 0
}

// occurrences are the mentions of every person, found in one pass.
type occurrences struct {
	docs     [][]Mention // per document, in text order
	byPerson [][]mentionRef
}

// mentionRef is a mention by its place in occurrences.docs.
type mentionRef struct {
	doc, k int32
}

// occurrences finds every mention, on first use.
func (p *People) occurrences() *occurrences {
	p.occOnce.Do(func() {
		keys := p.keyTable()
		p.occ.docs = make([][]Mention, len(p.lib.Docs))
		p.occ.byPerson = make([][]mentionRef, len(p.people))
		for di, d := range p.lib.Docs {
			if d.Load() != nil {
				continue
			}
			ms := findMentions(d.Plain(), keys)
			kept := ms[:0]
			for _, m := range ms {
				m.Doc = di
				m.Section = d.SectionAt(d.BodyOffset(m.Start))
				if !p.ownNote(m) {
					kept = append(kept, m)
				}
			}
			p.occ.docs[di] = kept
			for k, m := range kept {
				p.occ.byPerson[m.Person] = append(p.occ.byPerson[m.Person], mentionRef{int32(di), int32(k)})
			}
		}
	})
	return &p.occ
}

// keyTable is the table of every key, those a word begins longest first.
// A key two people share names neither.
func (p *People) keyTable() *keyTable {
	owners := map[string]int{}
	for i, per := range p.people {
		for _, k := range per.Keys {
			n := nameKey(k)
			if o, ok := owners[n]; ok && o != i {
				owners[n] = -1
				continue
			}
			owners[n] = i
		}
	}
	table := &keyTable{keys: map[string][]key{}}
	for n, person := range owners {
		if person < 0 || n == "" {
			continue
		}
		words := strings.Split(n, " ")
		table.keys[words[0]] = append(table.keys[words[0]], key{words: words, person: person})
		b := startBits([]byte(words[0]))
		table.starts[b/64] |= 1 << (b % 64)
	}
	for _, ks := range table.keys {
		// Longest first; among equals, by words, so the table is the same
		// at every run.
		sortKeys(ks)
	}
	return table
}

func sortKeys(ks []key) {
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && keyBefore(ks[j], ks[j-1]); j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
}

func keyBefore(a, b key) bool {
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	return strings.Join(a.words, " ") < strings.Join(b.words, " ")
}

// findMentions finds the keys in text, left to right, the longest key at
// each word; the words of one mention are not looked at again.
func findMentions(text string, keys *keyTable) []Mention {
	var out []Mention
	var buf, peek []byte
	for pos := 0; ; {
		start, end, folded, ok := nextWord(text, pos, buf)
		if !ok {
			return out
		}
		buf, pos = folded, end
		if !keys.mayStart(folded) {
			continue
		}
		for _, k := range keys.keys[string(folded)] {
			last, ok := matchRest(text, end, k.words[1:], &peek)
			if !ok {
				continue
			}
			pos = last
			if n := len(out); n > 0 && out[n-1].Person == k.person && keyJoin(text[out[n-1].End:start]) {
				// "Sergo Ordzhonikidze": two keys of one person, one
				// mention.
				out[n-1].End = last
				break
			}
			out = append(out, Mention{Person: k.person, Start: start, End: last})
			break
		}
	}
}

// matchRest matches the words of a key after its first, which ended at
// pos; it returns where the last ends.
func matchRest(text string, pos int, rest []string, buf *[]byte) (int, bool) {
	for _, want := range rest {
		start, end, folded, ok := nextWord(text, pos, *buf)
		*buf = folded
		if !ok || string(folded) != want || !keyJoin(text[pos:start]) {
			return 0, false
		}
		pos = end
	}
	return pos, true
}

// ownNote says whether m lies in the note of the person it names.
func (p *People) ownNote(m Mention) bool {
	s := p.people[m.Person].Source
	return p.Doc(s.Work) == m.Doc && m.Start >= s.Start && m.End <= s.End
}
