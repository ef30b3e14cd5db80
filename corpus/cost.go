package corpus

import (
	"math"
	"strings"
)

// What a block costs glamour to lay out, in units of about a quarter of
// a microsecond (a byte of plain prose): blockCost adds up its bytes, its
// inline markup (each character of it may make an element to style), its
// lines (a line that begins a list item or a quotation is an element of
// its own, padded to the width at every level) and its words (wrapping a
// word takes the square of its length, longer for the styles inside it).
// The figures are glamour's own at 80 to 120 columns, rounded up: the
// estimate errs on the side of cost. A block may cost at most maxCost, a
// few tens of milliseconds.
const (
	maxCost      = 150_000
	markupCost   = 32
	lineCost     = 100
	levelCost    = 500 // for each quotation and list a line opens or continues
	wordCostDiv  = 30
	markupInWord = 3 // bytes a character of markup adds to its word
	// blockCostOf a block of any kind, for the lines glamour pads around
	// it; codeLineCost for each line of code, padded and highlighted.
	blockOverhead = 600
	codeLineCost  = 500
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
	space
	newline
)

var kinds = func() (k [256]uint8) {
	// A bracket, an emphasis or code mark, an angle bracket, a table's
	// bar, an escape, a reference, or the dot of a bare address
	// ("www.example.com") that becomes a link.
	for _, c := range "[]*_`<>!|~\\&." {
		k[c] = markup
	}
	k[' '], k['\t'], k['\n'] = space, space, newline
	return k
}()
