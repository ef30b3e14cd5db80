package prep

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"samizdat/corpus"
)

// The printed index of Lenin's Fight is a list, an entry an item:
//
//	- Kamenev, L., 19, 20, 151b; Lenin on, 23, 55, 65; on monopoly of foreign trade, 123
//	- Bolshevik Party, see Communist Party of Soviet Union
//	- Fourth International, 7, 28. See also International Left Opposition and Left Opposition
//
// The term, then its page references; after each semicolon a sub-entry,
// its words then its references; "see" and "see also" send the reader to
// other entries. A reference is a page, a range of pages ("18–20"), a page
// and those after it ("133ff"), a note on the page ("112n") or a
// biographical note ("150b"). Where the scan could not be read the edition
// says "[illegible]", which is no reference.

// indexRefRE reads a page reference.
var indexRefRE = regexp.MustCompile(`^([0-9]+)(?:–([0-9]+))?(n|b|ff)?$`)

// indexSeeRE finds where a "see" or "see also" begins in a part of an entry.
var indexSeeRE = regexp.MustCompile(`(?:^|, |\. |; )[Ss]ee (?:also )?`)

// indexInitialsRE reads a term that is a name with initials, "Lenin, V.I.",
// and what follows it.
var indexInitialsRE = regexp.MustCompile(`^([^,]+, (?:\p{Lu}\.)+), (.+)$`)

const illegible = "[illegible]"

// printedIndex reads the printed index of d: the list items of its
// section "Index".
func printedIndex(d *corpus.Document) (*corpus.PrintedIndex, error) {
	h, err := d.Heading("index")
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	end := d.SectionEnd(d.SectionAt(h.Offset))
	ix := &corpus.PrintedIndex{Work: d.ID}
	for _, b := range d.Blocks {
		if b.Start <= h.Offset || b.Start >= end || !strings.HasPrefix(d.Body[b.Start:], "- ") {
			continue
		}
		from, _, text := blockPlain(d, b.Start, b.End)
		e, err := indexEntry(strings.TrimPrefix(text, "- "), from+len("- "))
		if err != nil {
			return nil, fmt.Errorf("people: %s, index: %w", d.ID, err)
		}
		ix.Entries = append(ix.Entries, e)
	}
	if len(ix.Entries) == 0 {
		return nil, fmt.Errorf("people: %s: the index has no entry", d.ID)
	}
	return ix, nil
}

// indexEntry reads the text of an entry, which begins at plain offset
// base.
func indexEntry(text string, base int) (corpus.IndexEntry, error) {
	parts := splitAt(text, "; ")
	var e corpus.IndexEntry
	for i, p := range parts {
		sub, err := indexPart(p.s, base+p.off)
		if err != nil {
			return e, fmt.Errorf("%q: %w", text, err)
		}
		switch {
		case i == 0:
			e = sub
		case sub.Term == "" && len(sub.Refs) == 0:
			// "; see also X" of the entry itself.
			e.See = append(e.See, sub.See...)
		default:
			// "…; text of, 63–68. See also X" sends from the entry.
			e.See = append(e.See, sub.See...)
			sub.See = nil
			e.Subs = append(e.Subs, sub)
		}
	}
	// "Lenin, V.I., absent from Twelfth Congress, 25; …": the name is
	// the entry, what follows it its first sub-entry.
	if m := indexInitialsRE.FindStringSubmatch(e.Term); m != nil {
		first := corpus.IndexEntry{Term: m[2], Refs: e.Refs, See: e.See, Start: e.Start + len(m[1]) + 2, End: e.End}
		e = corpus.IndexEntry{Term: m[1], Start: e.Start, Subs: append([]corpus.IndexEntry{first}, e.Subs...)}
	}
	e.Start, e.End = base, base+len(text)
	if e.Term == "" {
		return e, fmt.Errorf("%q: no term", text)
	}
	return e, nil
}

// piece is a piece of a text and its offset in it.
type piece struct {
	s   string
	off int
}

// splitAt cuts s at every sep.
func splitAt(s, sep string) []piece {
	var out []piece
	off := 0
	for {
		i := strings.Index(s[off:], sep)
		if i < 0 {
			return append(out, piece{s[off:], off})
		}
		out = append(out, piece{s[off : off+i], off})
		off += i + len(sep)
	}
}

// indexPart reads a part of an entry: a term, its references and what it
// sends the reader to. It begins at plain offset base.
func indexPart(s string, base int) (corpus.IndexEntry, error) {
	e := corpus.IndexEntry{Start: base, End: base + len(s)}
	if loc := indexSeeRE.FindStringIndex(s); loc != nil {
		e.See = append(e.See, strings.TrimSuffix(strings.TrimSpace(s[loc[1]:]), "."))
		s = s[:loc[0]]
	}
	// The references are the words at the end that read as references,
	// each after a comma: after the term's last word, or inside the
	// closing quotation mark of a title (“On ‘Trotskyism,’ 56–57”).
	term := s
	var refs []corpus.IndexRef
	for {
		i := strings.LastIndexByte(term, ' ')
		if i < 1 {
			break
		}
		tok, before := term[i+1:], term[:i]
		if !indexRefRE.MatchString(tok) && tok != illegible {
			break
		}
		switch {
		case strings.HasSuffix(before, ","):
			term = before[:len(before)-1]
		case strings.HasSuffix(before, ",”"):
			term = before // the title as printed, its comma and all
		default:
			i = -1
		}
		if i < 0 {
			break
		}
		if m := indexRefRE.FindStringSubmatch(tok); m != nil {
			refs = append(refs, corpus.IndexRef{Page: m[1], Last: m[2], Kind: m[3],
				Start: base + i + 1, End: base + i + 1 + len(tok)})
		}
	}
	slices.Reverse(refs)
	e.Term, e.Refs = term, refs
	if indexRefRE.MatchString(term) {
		return e, fmt.Errorf("references with no term")
	}
	if len(e.Refs) > 0 {
		e.End = e.Refs[len(e.Refs)-1].End
	}
	return e, nil
}
