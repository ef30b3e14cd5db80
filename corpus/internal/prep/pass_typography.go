package prep

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The edition sets every work in one typography, whatever its source used:
// curly quotation marks and apostrophes (“ ” ‘ ’), the em dash set close
// (—) for a dash, the en dash (–) between the numbers of a range, and the
// ellipsis (…). The web texts and the book printed from web pages write
// straight marks, hyphens for dashes and three full stops; the scanned book
// spaces its full stops. Typeset sets them all alike.

var (
	// keptRE finds what Typeset leaves as it is, and reads past: page
	// anchors, note labels and markers, web addresses, code spans, and
	// the two private-use characters that stand in for these while the
	// rules run (see Typeset).
	keptRE = regexp.MustCompile("<!--page:[^>]*-->|\\[\\^[0-9A-Za-z]+\\]:?|(?:https?://|www\\.)[^\\s\"“”‘’<>]+|`[^`\n]*`|[\uE000\uE001]")
	// urlTailRE finds the punctuation after a web address that belongs
	// to the sentence it stands in rather than to the address.
	urlTailRE = regexp.MustCompile(`[.,;:!?)\]']+$`)
	// stopsRE finds three or more full stops, spaced or not: an ellipsis,
	// with the stop of a sentence it follows.
	stopsRE = regexp.MustCompile(`\.(?: ?\.){2,}`)
	// doubleHyphenRE finds two hyphens written for a dash.
	doubleHyphenRE = regexp.MustCompile(` ?-- ?`)
	// spacedHyphenRE finds a hyphen or en dash with a space on either
	// side of it, written for a dash between words; openHyphenRE a hyphen
	// with a space before it, which is a dash where a word follows it
	// ("1921 -that is").
	spacedHyphenRE = regexp.MustCompile(` [-–] `)
	openHyphenRE   = regexp.MustCompile(` -`)
	// rangeRE finds two numbers joined by a hyphen.
	rangeRE = regexp.MustCompile(`[0-9]+-[0-9]+`)
)

const (
	// anchorMark and wordMark stand in for the kept text while the rules
	// run: a page anchor, which the rules read past as if it were not
	// there, and everything else kept, which they read as a word.
	anchorMark = '\uE000'
	wordMark   = '\uE001'
)

// Typeset sets the text of every block in the edition's typography.
func Typeset(blocks []Block) []Block {
	out := make([]Block, len(blocks))
	for i, b := range blocks {
		b.Text = TypesetText(b.Text)
		out[i] = b
	}
	return out
}

// TypesetText sets one block's text in the edition's typography:
//   - three full stops, spaced or not, become an ellipsis;
//   - a dash written as two hyphens, or as a hyphen or en dash with spaces
//     around it, becomes an em dash set close;
//   - a hyphen between two numbers becomes an en dash ("1917–23"), unless
//     the numbers run on in a chain of hyphens;
//   - straight quotation marks become curly, opening or closing as the
//     characters around them say, and an apostrophe becomes ’ (also at the
//     start of a word that lost its first letters: ’tis, ’30s).
//
// Page anchors, note markers, web addresses and code spans are left as
// they are.
func TypesetText(s string) string {
	var kept []string
	work := keptRE.ReplaceAllStringFunc(s, func(k string) string {
		tail := ""
		if !strings.HasPrefix(k, "`") && (strings.HasPrefix(k, "http") || strings.HasPrefix(k, "www.")) {
			tail = urlTailRE.FindString(k)
			k = k[:len(k)-len(tail)]
		}
		kept = append(kept, k)
		if strings.HasPrefix(k, "<!--page:") {
			return string(anchorMark) + tail
		}
		return string(wordMark) + tail
	})
	work = setEllipses(work)
	work = setDashes(work)
	work = setRanges(work)
	work = curlQuotes(work)
	var b strings.Builder
	for _, r := range work {
		if r == anchorMark || r == wordMark {
			b.WriteString(kept[0])
			kept = kept[1:]
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// setEllipses writes three full stops as an ellipsis; a fourth, the stop
// of the sentence before it, stays a full stop after it.
func setEllipses(s string) string {
	return stopsRE.ReplaceAllStringFunc(s, func(stops string) string {
		return "…" + strings.Repeat(".", strings.Count(stops, ".")-3)
	})
}

// setDashes writes the dashes written with hyphens as em dashes, close
// against the words on both sides.
func setDashes(s string) string {
	s = doubleHyphenRE.ReplaceAllString(s, "—")
	s = replaceBetween(s, spacedHyphenRE, func(before, after rune) bool {
		return before != 0 && !unicode.IsSpace(before) && after != 0 && !unicode.IsSpace(after)
	}, "—")
	return replaceBetween(s, openHyphenRE, func(before, after rune) bool {
		return before != 0 && !unicode.IsSpace(before) && unicode.IsLetter(after)
	}, "—")
}

// replaceBetween replaces with with each match of re for which ok holds
// of the characters either side of it (0 at an end of s).
func replaceBetween(s string, re *regexp.Regexp, ok func(before, after rune) bool, with string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		if !ok(noRune(before), noRune(after)) {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(with)
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// noRune maps utf8.RuneError, which the decoding functions return at the
// end of a string, to 0.
func noRune(r rune) rune {
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// setRanges writes the hyphen between the two numbers of a range as an en
// dash: "1917-23", "pp. 18-9". Numbers in a chain of hyphens (a date
// "12-3-1923") or joined to a word are not a range.
func setRanges(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range rangeRE.FindAllStringIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
		after, _ := utf8.DecodeRuneInString(s[m[1]:])
		if isWordRune(before) || strings.ContainsRune("-–/.", before) || unicode.IsDigit(after) || strings.ContainsRune("-–/", after) {
			continue
		}
		hyphen := m[0] + strings.IndexByte(s[m[0]:m[1]], '-')
		b.WriteString(s[last:hyphen])
		b.WriteString("–")
		last = hyphen + 1
	}
	b.WriteString(s[last:])
	return b.String()
}

// elisions are the words that an apostrophe begins in place of their
// first letters: ’tis, ’em, rock ’n’ roll.
var elisions = []string{"tis", "twas", "twere", "twill", "em", "n"}

// curlQuotes sets the straight quotation marks of s as curly ones. A mark
// opens after a space, a bracket, a dash or another opening mark, and
// before a word; it closes after a word or punctuation. Two straight
// single marks stand for a double one. Where the characters around a
// double mark do not say (a mark between two words, or between two
// spaces), it closes the quotation open before it or else opens one.
func curlQuotes(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	open := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '"' && r != '\'' {
			out = append(out, r)
			continue
		}
		double := r == '"'
		if r == '\'' && i+1 < len(rs) && rs[i+1] == '\'' {
			double = true
			i++
		}
		prev, next := visibleBefore(out), visibleAfter(rs[i+1:])
		if double {
			q := doubleMark(prev, next, open)
			open = q == '“'
			out = append(out, q)
			continue
		}
		out = append(out, singleMark(prev, next, rs[i+1:]))
	}
	return string(out)
}

func doubleMark(prev, next rune, open bool) rune {
	switch {
	case opensAfter(prev) && !closesBefore(next):
		return '“'
	case isDash(prev) && closesBefore(next):
		// An interrupted quotation: “I think—” he said.
		return '”'
	case opensAfter(prev) || isWordRune(next):
		// Between two spaces, or between two words.
		if open {
			return '”'
		}
		return '“'
	}
	return '”'
}

func singleMark(prev, next rune, rest []rune) rune {
	switch {
	case isWordRune(prev) && isWordRune(next):
		return '’' // don't, 1930's
	case !opensAfter(prev), closesBefore(next), unicode.IsDigit(next), elided(rest):
		return '’' // the workers' state, ’30s, ’tis
	}
	return '‘'
}

// elided reports whether rest, the text after an apostrophe that begins a
// word, is one of the elisions.
func elided(rest []rune) bool {
	end := 0
	for end < len(rest) && unicode.IsLetter(rest[end]) {
		end++
	}
	word := strings.ToLower(string(rest[:end]))
	for _, e := range elisions {
		if word == e {
			return true
		}
	}
	return false
}

// opensAfter reports whether a quotation mark after r opens: r is the
// start of the text, a space, an opening bracket or mark, a dash or a
// slash.
func opensAfter(r rune) bool {
	return r == 0 || unicode.IsSpace(r) || strings.ContainsRune("([{“‘/", r) || isDash(r)
}

// closesBefore reports whether a quotation mark before r cannot open:
// r is the end of the text, a space, or punctuation that follows a word.
func closesBefore(r rune) bool {
	return r == 0 || unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}…", r) || isDash(r)
}

func isDash(r rune) bool { return r == '—' || r == '–' || r == '-' }

// isWordRune reports whether r belongs to a word: a letter, a digit, or
// kept text read as a word (a note marker).
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == wordMark }

// visibleBefore is the last rune of rs that is not a page anchor's stand-in,
// or 0.
func visibleBefore(rs []rune) rune {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] != anchorMark {
			return rs[i]
		}
	}
	return 0
}

// visibleAfter is the first rune of rs that is not a page anchor's
// stand-in, or 0.
func visibleAfter(rs []rune) rune {
	for _, r := range rs {
		if r != anchorMark {
			return r
		}
	}
	return 0
}
