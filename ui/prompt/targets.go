package prompt

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/sahilm/fuzzy"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// What the prompt can go to, and what of it matches what was typed.

// target is a place the prompt can go to: a document, a heading, a
// person of the people index or an entry of a printed index.
type target struct {
	doc     *corpus.Document
	heading int            // -1 for the document itself, or a person or an entry
	text    string         // what is matched and shown
	to      *common.Intent // for a person or an entry: what going there asks
}

// targets are what fuzzy matches the query against.
type targets []target

func (t targets) String(i int) string { return t[i].text }
func (t targets) Len() int            { return len(t) }

// match is a target that matches the query, with the characters that
// matched; a target of -1 is the place named by a percent or a page.
type match struct {
	target  int
	indexes []int
	to      common.Intent // going there
	text    string
}

// listTargets lists every document and heading of the library, in order,
// then the people of p and the entries of its printed index, if any.
func listTargets(lib *corpus.Library, p *corpus.People) targets {
	ts := make(targets, 0, len(lib.Docs)*32)
	for _, d := range lib.Docs {
		title := d.Title
		if d.Author != "" {
			title += " — " + d.Author
		}
		ts = append(ts, target{doc: d, heading: -1, text: title})
		if !d.Loaded() {
			continue // its headings are listed once it has been read
		}
		for hi, h := range d.Outline {
			ts = append(ts, target{doc: d, heading: hi, text: d.ShortTitle() + " › " + h.Title})
		}
	}
	return append(ts, peopleTargets(lib, p)...)
}

// peopleTargets lists the people of the library's people index, and the
// entries of its printed index, if it has them: a person's box shows who
// they were, an entry lists its pages.
func peopleTargets(lib *corpus.Library, p *corpus.People) targets {
	if p == nil {
		return nil
	}
	var ts targets
	for i, per := range p.All() {
		text := per.Name
		if per.Dates != "" {
			text += " (" + per.Dates + ")"
		}
		ts = append(ts, target{heading: -1, text: text + " — person", to: &common.Intent{Do: common.ShowPerson, Person: i}})
	}
	ix := p.PrintedIndex()
	if ix == nil || p.Doc(ix.Work) < 0 {
		return ts
	}
	d := lib.Docs[p.Doc(ix.Work)]
	for i, e := range ix.Entries {
		n := len(e.AllRefs())
		if n == 0 {
			continue
		}
		text := e.Term + " — index, " + common.Plural(n, "page", "pages")
		ts = append(ts, target{doc: d, heading: -1, text: text, to: &common.Intent{Do: common.ChoosePage, At: corpus.Place{Doc: d, Offset: -1}, Entry: i}})
	}
	return ts
}

// findTargets lists what query names: a share of document doc ("50%") or
// a printed page ("p37": of doc first, then of every other document read
// that has one so numbered, from the document of index first on), then
// the fuzzy matches among the targets, best first; everything, in order,
// for an empty query.
func findTargets(lib *corpus.Library, ts targets, doc *corpus.Document, first int, query string) []match {
	var out []match
	switch t := corpus.ParseTarget(query); {
	case t.Kind == corpus.TargetPercent && doc != nil:
		off := doc.PercentOffset(t.Percent)
		if t.Percent == 0 {
			off = -1 // the head of the document, title and all
		}
		text := strconv.FormatFloat(t.Percent, 'f', -1, 64) + "% of " + doc.ShortTitle()
		out = append(out, match{target: -1, to: common.Intent{Do: common.Open, At: corpus.Place{Doc: doc, Offset: off}}, text: text})
	case t.Kind == corpus.TargetPage:
		for i := range lib.Docs {
			d := lib.Docs[(first+i)%len(lib.Docs)] // the document being read first
			if !d.Loaded() {
				continue
			}
			if off, ok := d.PageOffset(t.Page); ok {
				out = append(out, match{target: -1, to: common.Intent{Do: common.Open, At: corpus.Place{Doc: d, Offset: off}}, text: fmt.Sprintf("Page %s of %s", t.Page, d.ShortTitle())})
			}
		}
	}
	return append(out, fuzzyTargets(ts, query)...)
}

// fuzzyTargets lists the targets that match query, best first; all of
// them, in order, for an empty query.
func fuzzyTargets(ts targets, query string) []match {
	var out []match
	if strings.TrimSpace(query) == "" {
		for i := range ts {
			out = append(out, targetMatch(ts, i, nil))
		}
		return out
	}
	found := fuzzy.FindFrom(query, ts)
	// Fuzzy scores favour scattered letters too much for titles: what
	// holds the query whole, then every word of it, comes first.
	tiers := make([]int, len(ts))
	q := strings.ToLower(strings.TrimSpace(query))
	words := strings.Fields(q)
	for _, fm := range found {
		t := ts[fm.Index]
		text := strings.ToLower(t.text)
		_, title, _ := strings.Cut(text, " › ")
		whole := t.heading < 0 && t.to == nil // a document: its title and author
		if t.to != nil {
			// A person or an entry: the name or the term, not what is
			// said of it.
			title, _, _ = strings.Cut(text, " — ")
		}
		switch {
		case t.to != nil && t.to.Do == common.ShowPerson && strings.Contains(title, q):
			tiers[fm.Index] = -1 // a name typed is first a person's
		case strings.Contains(title, q) || whole && strings.Contains(text, q):
			tiers[fm.Index] = 0
		case containsAll(text, words):
			tiers[fm.Index] = 1
		default:
			tiers[fm.Index] = 2
		}
	}
	slices.SortStableFunc(found, func(a, b fuzzy.Match) int { return tiers[a.Index] - tiers[b.Index] })
	for _, fm := range found {
		out = append(out, targetMatch(ts, fm.Index, fm.MatchedIndexes))
	}
	return out
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func targetMatch(ts targets, i int, indexes []int) match {
	t := ts[i]
	m := match{target: i, indexes: indexes, text: t.text, to: common.Intent{Do: common.Resume, At: corpus.Place{Doc: t.doc, Offset: -1}}}
	switch {
	case t.to != nil:
		m.to = *t.to
	case t.heading >= 0:
		m.to = common.Intent{Do: common.Open, At: corpus.Place{Doc: t.doc, Offset: t.doc.Outline[t.heading].Offset}}
	}
	return m
}
