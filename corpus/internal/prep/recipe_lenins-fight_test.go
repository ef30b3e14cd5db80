package prep

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

func TestLeninsFightOutline(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	var parts []string
	for _, h := range d.Outline {
		if h.Level == 1 {
			parts = append(parts, h.Title)
		}
	}
	want := []string{
		"Part I: Introduction", "Part II: On Lenin’s Testament", "Part III: Lenin’s Testament",
		"Part IV: The Bureaucracy", "Part V: The Monopoly of Foreign Trade",
		"Part VI: The Nationalities Question", "Biographical Notes", "Index",
	}
	if !reflect.DeepEqual(parts, want) {
		t.Errorf("level 1 headings = %q, want %q", parts, want)
	}
	if n := len(d.Outline); n != len(lfHeadings) {
		t.Errorf("%d headings, want the recipe's %d", n, len(lfHeadings))
	}
}

// Every printed page from 5 to 160 has its anchor, in order.
func TestLeninsFightPages(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	if len(d.Pages) != 156 {
		t.Fatalf("%d pages, want 156", len(d.Pages))
	}
	for i, p := range d.Pages {
		if p.Label != strconv.Itoa(5+i) {
			t.Fatalf("page %d is labelled %q", 5+i, p.Label)
		}
	}
}

// Every note of every part is cited once, before it.
func TestLeninsFightNotes(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	if len(d.Notes) != 48 {
		t.Errorf("%d notes, want 48 (18, 2, 11, 7 and 10 to parts II to VI)", len(d.Notes))
	}
	for _, n := range d.Notes {
		if len(n.Refs) != 1 || n.Refs[0] > n.Offset {
			t.Errorf("note %s at %d is cited at %v", n.Label, n.Offset, n.Refs)
		}
	}
}

func TestLeninsFightText(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	paras := map[string]bool{}
	for _, b := range d.Blocks {
		paras[d.Body[b.Start:b.End]] = true
	}
	for _, p := range []string{
		// A signature stands apart from the letter and from its date.
		"Lenin", "Taken down by L. F.", "December 26, 1922",
		// A title the scan wrapped over two lines is one heading.
		"## Political Report to the Eleventh Party Congress, by V.I. Lenin",
		// An entry of the index the scan cut in three, put together.
		"- Azerbaidzhan, 18, 19, 141, 142, 149n",
		// The date printed above a document's title follows its heading.
		"December 12, 1922",
		"> With the very best comradely greetings,",
		"- Ukrainian,",
	} {
		if !paras[p] {
			t.Errorf("no block %q", p)
		}
	}
	if m := regexp.MustCompile(`\pL- \pL`).FindStringIndex(d.Plain()); m != nil {
		t.Errorf("a word split by a hyphen and a space: %q", context(d.Plain(), m[0]))
	}
	for _, s := range []string{"anticapitalist", "self-determination", "co-operation", "non-Russian"} {
		if !strings.Contains(d.Plain(), s) {
			t.Errorf("no %q", s)
		}
	}
}

func TestMoveLines(t *testing.T) {
	lines := []string{"Azerbaidzhan, 18, 19, ", "149n", "", "141, 142,", "", "Better"}
	got, err := moveLines(lines, []lineMove{{Line: "141, 142,", After: "Azerbaidzhan, 18, 19,"}})
	want := []string{"Azerbaidzhan, 18, 19, ", "141, 142,", "149n", "", "", "Better"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("moveLines = %q, %v; want %q", got, err, want)
	}
	if _, err := moveLines(lines, []lineMove{{Line: "nothing", After: "149n"}}); err == nil {
		t.Error("moveLines found a line that is not there")
	}
}

func TestIndexEntries(t *testing.T) {
	lines := []string{
		"Bolshevik Party, see Communist", "Party of Soviet Union", "",
		"Bolshevism, 35, 41, 148", "",
		"Eastman, M., 7, 61, 150b", "Eltsin, B., 57, 150b", "",
		"Georgia, 16, 18; Trotsky on, 23. See", PageBreak, "<!--page:157-->also Peasantry, Georgian", "",
		"Monopoly of foreign trade, 10, 15; profits from, 117.", "See also Lenin, Stalin, and", "Trotsky", "",
		"Rabkrin, 12-13, 43, 79-", "80, 92; merged with Cen-", "tral Control Commission, 88-", "91, 109",
	}
	got := indexEntries(lines, NewHyphens(nil, nil))
	want := []string{
		"Bolshevik Party, see Communist Party of Soviet Union",
		"Bolshevism, 35, 41, 148",
		"Eastman, M., 7, 61, 150b",
		"Eltsin, B., 57, 150b",
		"Georgia, 16, 18; Trotsky on, 23. See <!--page:157-->also Peasantry, Georgian",
		"Monopoly of foreign trade, 10, 15; profits from, 117. See also Lenin, Stalin, and Trotsky",
		"Rabkrin, 12-13, 43, 79-80, 92; merged with Central Control Commission, 88-91, 109",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("indexEntries =\n%q\nwant\n%q", got, want)
	}
}

var (
	// enumeratorRE is the "1)" of a list, which opens no parenthesis: at
	// the start of a block, or after a colon or semicolon.
	enumeratorRE = regexp.MustCompile(`(?:^|[:;] )\d\) `)
	// dotsRE is a run of dots, spaced or not; an ellipsis is ". . ." or,
	// after a stop, ". . . .".
	dotsRE = regexp.MustCompile(`\.(?: ?\.)+`)
	// quoteRunRE is two quotation marks together; only a single quotation
	// inside a double one ("“‘Trotskyism’", "‘belonging to them’”") may be.
	quoteRunRE = regexp.MustCompile(`[‘’“”]{2,}`)
)

// TestLeninsFightMarks reads the book's punctuation where the OCR broke
// it: in every block a bracket or parenthesis opened is closed, as is a
// double quotation mark (no quotation of the book runs over paragraphs)
// and a single one; no brace or bar stands for a bracket; no two
// quotation marks stand together but a single inside a double; an
// ellipsis is three spaced dots, or four.
func TestLeninsFightMarks(t *testing.T) {
	d := preparedDocument(t, leninsFight())
	for _, b := range d.Blocks {
		text := d.Plain()[d.PlainOffset(b.Start) : d.PlainOffset(b.End-1)+1]
		if i := strings.IndexAny(text, "{}|"); i >= 0 {
			t.Errorf("%q for a bracket: %q", text[i:i+1], context(text, i))
		}
		for _, pair := range []string{"[]", "()", "“”"} {
			if !marksPair(enumeratorRE.ReplaceAllString(text, " "), pair) {
				t.Errorf("%s does not pair up: %q", pair, head(text))
			}
		}
		if !singleQuotesClose(text) {
			t.Errorf("‘ not closed: %q", head(text))
		}
		for _, loc := range quoteRunRE.FindAllStringIndex(text, -1) {
			if run := text[loc[0]:loc[1]]; run != "“‘" && run != "’”" {
				t.Errorf("quotation marks %q: %q", run, context(text, loc[0]))
			}
		}
		for _, loc := range dotsRE.FindAllStringIndex(text, -1) {
			if dots := text[loc[0]:loc[1]]; dots != ". . ." && dots != ". . . ." {
				t.Errorf("ellipsis %q: %q", dots, context(text, loc[0]))
			}
		}
	}
}

// marksPair says whether every opening mark of pair in text is closed
// after it, and no closing mark comes first.
func marksPair(text, pair string) bool {
	marks := []rune(pair)
	depth := 0
	for _, r := range text {
		switch r {
		case marks[0]:
			depth++
		case marks[1]:
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// singleQuotesClose says whether every ‘ in text is followed by a ’ that
// closes a quotation: one not between two letters, as an apostrophe is.
func singleQuotesClose(text string) bool {
	runes := []rune(text)
	open := 0
	for i, r := range runes {
		switch {
		case r == '‘':
			open++
		case r == '’' && open > 0:
			if i > 0 && i+1 < len(runes) && unicode.IsLetter(runes[i-1]) && unicode.IsLetter(runes[i+1]) {
				continue
			}
			open--
		}
	}
	return open == 0
}

func TestMarksPair(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"[a] (b) “c”", true},
		{"Contro] Commission", false},
		{"(a [b) c]", true}, // each pair on its own
		{"“a", false},
	} {
		got := marksPair(tt.text, "[]") && marksPair(tt.text, "()") && marksPair(tt.text, "“”")
		if got != tt.want {
			t.Errorf("marksPair(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if !singleQuotesClose("‘Lenin’s testament’ and Stalin’s") || singleQuotesClose("talk about it ‘among the heads") {
		t.Error("singleQuotesClose")
	}
}
