package corpus

import (
	"math"
	"strings"
)

// What a block costs the reading pane to lay out (glamour's rendering and
// the pane's own wrapping), in units of about a fifth of a microsecond, a
// byte of plain prose: blockCost adds up its bytes, its inline markup
// (each character of it may make an element to style; a link, an image, a
// table's cell or HTML cost more than emphasis), its lines (a line that
// begins a list item or a quotation is an element of its own, set in at
// every level) and its words (a long word is wrapped, in a table by
// glamour, which takes the square of its length). The figures are
// measured, rounded up: the estimate errs on the side of cost. A block
// may cost at most maxCost, a few tens of milliseconds.
const (
	maxCost         = 150_000
	markupCost      = 40
	heavyMarkupCost = 128
	lineCost        = 60
	levelCost       = 120 // for each quotation and list a line opens or continues
	wordCostDiv     = 200
	markupInWord    = 3 // bytes a character of markup adds to its word
	// blockOverhead is what a block of any kind costs for being one;
	// codeLineCost what each line of code costs, highlighted.
	blockOverhead = 150
	codeLineCost  = 300
)

// LayoutCost is about what blocks first to last of d cost to lay out
// together, in the units above.
func (d *Document) LayoutCost(first, last int) int {
	total := 0
	for _, b := range d.Blocks[first:last] {
		text := d.Body[b.Start:b.End]
		total += blockOverhead
		if line, _, _ := strings.Cut(text, "\n"); fenceOf(line) != "" {
			total += len(text) + codeLineCost*(strings.Count(text, "\n")+1)
			continue
		}
		_, cost := blockCost(text, math.MaxInt)
		total += cost
	}
	return total
}

// blockCost is what block costs to lay out, and how many of its bytes fit
// within budget: all of them, or those before the byte that goes over.
func blockCost(block string, budget int) (fit, cost int) {
	budget = min(budget, math.MaxInt/(2*wordCostDiv)) // as much as can be weighed without overflowing
	cost = lineCostOf(block)
	word := 0 // the weight of the word so far
	for i := 0; i < len(block); i++ {
		switch kinds[block[i]] {
		case text:
			word++
		case markup:
			cost += markupCost
			word += 1 + markupInWord
		case heavyMarkup:
			cost += heavyMarkupCost
			word += 1 + markupInWord
		case space:
			cost += word * word / wordCostDiv
			word = 0
		case newline:
			cost += word*word/wordCostDiv + lineCostOf(block[i+1:])
			word = 0
		}
		cost++
		if (budget-cost)*wordCostDiv < word*word {
			return i, cost + word*word/wordCostDiv
		}
	}
	return len(block), cost + word*word/wordCostDiv
}

// lineCostOf is what the line s begins with costs for being a line. Its
// nesting counts up to maxDepth: a line deeper is flattened to that before
// it is laid out.
func lineCostOf(s string) int {
	if !mayNest(s) {
		return lineCost
	}
	line, _, _ := strings.Cut(s, "\n")
	return lineCost + levelCost*min(nesting(line), maxDepth)
}

// The kinds of byte blockCost and breakWords tell apart.
const (
	text = iota
	markup
	heavyMarkup
	space
	newline
)

var kinds = func() (k [256]uint8) {
	// An emphasis or code mark, an escape, a reference, a quotation's
	// marker, or the dot of a bare address ("www.example.com") that
	// becomes a link.
	for _, c := range "*_`~\\&>." {
		k[c] = markup
	}
	// A link's or an image's brackets, a table's bar, HTML.
	for _, c := range "[]!|<" {
		k[c] = heavyMarkup
	}
	k[' '], k['\t'], k['\n'] = space, space, newline
	return k
}()
