package prep

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"samizdat/corpus"
)

// The tests in this file read the prepared edition as a reader would and
// fail on what a reader would see as damage.

// forbidden lists, per document, text that is furniture of the raw source
// and must not survive anywhere in the edition, whatever the recipe's own
// patterns say.
var forbidden = map[string][]string{
	"revolution-betrayed": {"marxists.org", "Revolution Betrayed: Chapter", "/2000 ", " of 8)", "Back to CHAPTER", "Back to chapter",
		"Back to Intro", "On to CHAPTER", "On to chapter", "On to Appendix", "Marxist writers", "Leon Trotsky's", "where is it going?"},
	"lenins-fight":       {"Digitized by", "Internet Archive", "archive.org", "Lenin’s Fight Against Stalinism ", "NOTES TO PART"},
	"rise-of-stalinism":  {"[Book]"},
	"stalin-fifty-years": {"\u00a0\u00a0"},
	"notes-in-the-margins": {"LONG LIVE PROLETARISM", "Подписка", "Subscribe to", "All Power to Strike Committees",
		"Kotel'nikov"},
}

func parsedDocs(t *testing.T) map[string]*corpus.Document {
	t.Helper()
	out := map[string]*corpus.Document{}
	for id, data := range prepared(t) {
		out[id] = corpus.Parse(id+".md", data)
	}
	return out
}

func recipeByID(id string) Recipe {
	for _, r := range Recipes() {
		if r.Meta.ID == id {
			return r
		}
	}
	panic("no recipe " + id)
}

func TestNoFurniture(t *testing.T) {
	for id, d := range parsedDocs(t) {
		r := recipeByID(id)
		// The recipe's patterns match whole raw lines: no block may still
		// be one.
		for _, b := range d.Blocks {
			text := d.Plain()[d.PlainOffset(b.Start) : d.PlainOffset(b.End-1)+1]
			for _, p := range r.Furniture {
				if p.MatchString(text) {
					t.Errorf("%s: furniture %q remains: %q", id, p, head(text))
				}
			}
		}
		// Furniture joined into a paragraph is found by what it says.
		for _, s := range forbidden[id] {
			if i := strings.Index(d.Plain(), s); i >= 0 {
				t.Errorf("%s: %q remains: %q", id, s, context(d.Plain(), i))
			}
		}
	}
}

func TestHeadingsInOrder(t *testing.T) {
	for id, d := range parsedDocs(t) {
		r := recipeByID(id)
		i := 0
		for _, h := range d.Outline {
			if i < len(r.Headings) && h.Title == TypesetText(r.Headings[i].Title) && h.Level == r.Headings[i].Level {
				i++
			}
		}
		if i < len(r.Headings) {
			t.Errorf("%s: heading %q (level %d) missing from the outline, or out of order",
				id, r.Headings[i].Title, r.Headings[i].Level)
		}
		if len(d.Outline) == 0 {
			t.Errorf("%s: no outline", id)
		}
	}
}

// bodyWords is the multiset of words of the raw source's body: the lines
// between the recipe's Start and End, less what it omits and its
// furniture, with words broken at line ends joined again.
func bodyWords(t *testing.T, r Recipe) map[string]int {
	t.Helper()
	wholeEdition(t)
	raw, err := os.ReadFile(filepath.Join(sourceDir, r.Source))
	if err != nil {
		t.Fatal(err)
	}
	lines := Lines(string(raw))
	if r.Start != nil {
		var ok bool
		if lines, ok = Between(lines, r.Start, r.End); !ok {
			t.Fatalf("%s: Start %q matches no line", r.Source, r.Start)
		}
	}
	if r.Omit != nil {
		if lines, err = r.Omit(lines); err != nil {
			t.Fatalf("%s: %v", r.Source, err)
		}
	}
	lines = DropLines(lines, r.Furniture)
	text := strings.Join(lines, "\n")
	text = regexp.MustCompile(`(\pL)-\n\s*(\pL)`).ReplaceAllString(text, "$1$2")
	return words(text)
}

func words(s string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out[w]++
	}
	return out
}

// TestWordsSurvive compares the words of each raw body with those of the
// edition: at least 99.5% must survive.
func TestWordsSurvive(t *testing.T) {
	for id, d := range parsedDocs(t) {
		r := recipeByID(id)
		raw := bodyWords(t, r)
		got := words(d.Plain())
		total, kept := 0, 0
		type loss struct {
			w string
			n int
		}
		var lost []loss
		for w, n := range raw {
			total += n
			k := min(n, got[w])
			kept += k
			if k < n {
				lost = append(lost, loss{w, n - k})
			}
		}
		sort.Slice(lost, func(i, j int) bool {
			if lost[i].n != lost[j].n {
				return lost[i].n > lost[j].n
			}
			return lost[i].w < lost[j].w
		})
		ratio := float64(kept) / float64(max(total, 1))
		t.Logf("%s: %d of %d body words kept (%.2f%%)", id, kept, total, 100*ratio)
		if ratio < 0.995 {
			var sample []string
			for _, l := range lost[:min(len(lost), 30)] {
				sample = append(sample, fmt.Sprintf("%s×%d", l.w, l.n))
			}
			t.Errorf("%s: only %.2f%% of body words kept; lost: %s", id, 100*ratio, strings.Join(sample, " "))
		}
	}
}

var closing = regexp.MustCompile(`[.!?:;"”’')\]…—–-]$`)

// TestNoBrokenParagraphs fails on a paragraph that ends without closing
// punctuation where the next begins with a lowercase letter: a paragraph a
// page break or a wrap split in two.
func TestNoBrokenParagraphs(t *testing.T) {
	for id, d := range parsedDocs(t) {
		r := recipeByID(id)
		var prev string
		for _, b := range d.Blocks {
			if strings.HasPrefix(d.Body[b.Start:b.End], "#") {
				prev = ""
				continue
			}
			text := d.Plain()[d.PlainOffset(b.Start) : d.PlainOffset(b.End-1)+1]
			first, _ := firstRune(text)
			if prev != "" && !closing.MatchString(prev) && unicode.IsLower(first) && !continues(r, text) {
				t.Errorf("%s: paragraph broken between %q and %q", id, tail(prev), head(text))
			}
			prev = text
		}
	}
}

// listStartRE finds the start of a list: an item, or a numbered point
// written as a paragraph ("4) Gradually…").
var listStartRE = regexp.MustCompile(`^(?:- |[0-9]+\) )`)

// TestNoSentenceSplit fails on a paragraph or list item that ends on a
// word no sentence ends with ("the", "of"), where the next block is not a
// list that goes on from it ("presided over in turn by a" / "- Russian,"),
// or on such a word that begins its sentence ("in theory. The" /
// "- Russian, when away from work…"): a sentence cut in two.
func TestNoSentenceSplit(t *testing.T) {
	for id, d := range parsedDocs(t) {
		var texts []string
		for _, b := range d.Blocks {
			texts = append(texts, d.Plain()[d.PlainOffset(b.Start):d.PlainOffset(b.End-1)+1])
		}
		for i, text := range texts {
			m := endsOnWordRE.FindStringSubmatch(text)
			if m == nil || !openWords[strings.ToLower(m[1])] || strings.HasPrefix(d.Body[d.Blocks[i].Start:], "#") {
				continue
			}
			first, _ := firstRune(m[1])
			if unicode.IsUpper(first) || i+1 == len(texts) || !listStartRE.MatchString(texts[i+1]) {
				next := ""
				if i+1 < len(texts) {
					next = head(texts[i+1])
				}
				t.Errorf("%s: a sentence is cut between %q and %q", id, tail(text), next)
			}
		}
	}
}

func continues(r Recipe, text string) bool {
	for _, c := range r.Continuations {
		if strings.HasPrefix(text, c) {
			return true
		}
	}
	return false
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// TestNoCodeBlocks fails on a line Markdown would read as code: one
// indented, but for a further paragraph of a note, indented four spaces
// after the note's paragraph as Markdown continues a footnote, or fenced.
func TestNoCodeBlocks(t *testing.T) {
	for id, data := range prepared(t) {
		inNote := false
		for i, line := range strings.Split(string(data), "\n") {
			continues := inNote && strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "     ")
			if !continues && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) || strings.HasPrefix(line, "```") {
				t.Errorf("%s.md:%d: would render as code: %q", id, i+1, head(line))
			}
			if line != "" {
				inNote = continues || noteLabelRE.MatchString(line)
			}
		}
	}
}

func TestPagesIncrease(t *testing.T) {
	for id, d := range parsedDocs(t) {
		last := 0
		for _, p := range d.Pages {
			n, err := strconv.Atoi(p.Label)
			if err != nil {
				t.Errorf("%s: page label %q is not a number", id, p.Label)
				continue
			}
			if n <= last {
				t.Errorf("%s: page %d follows page %d", id, n, last)
			}
			last = n
		}
	}
}

func context(s string, i int) string {
	from, to := max(0, i-30), min(len(s), i+50)
	for from > 0 && !utf8Start(s[from]) {
		from--
	}
	for to < len(s) && !utf8Start(s[to]) {
		to++
	}
	return s[from:to]
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

func head(s string) string { return context(s, 0) }

func tail(s string) string {
	if len(s) < 60 {
		return s
	}
	return context(s, len(s)-50)
}
