package prep

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The word list and the reviewed list the dictionary test reads the
// edition against: testdata/scowl/README says where the word list comes
// from, testdata/reviewed-words.txt what the reviewed list holds.
const (
	wordListFile = "testdata/scowl/words.txt"
	reviewedFile = "testdata/reviewed-words.txt"
)

// TestDictionary reads every work of the edition against an English word
// list. A word the list lacks must be on the reviewed list of the names,
// foreign words and the sources' own spellings the edition keeps;
// anything else is a misreading for the recipe to correct, or a word to
// review and add. An entry of the reviewed list that no work has any more
// must go, so that the list says what the edition holds.
func TestDictionary(t *testing.T) {
	words := readLexicon(t, wordListFile)
	reviewed := readLexicon(t, reviewedFile)
	used := map[string]bool{}
	docs := parsedDocs(t)
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		for _, nw := range nonWords(docs[id].Plain(), words) {
			if entry, ok := reviewed.find(nw.word); ok {
				used[entry] = true
				continue
			}
			t.Errorf("%s: %q (%d×) is not in the word list nor on the reviewed list: %q",
				id, nw.word, nw.count, nw.context)
		}
	}
	for _, entry := range reviewed.entries {
		if !used[entry] {
			t.Errorf("%s: %q is in no work: take it off the list", reviewedFile, entry)
		}
	}
}

// lexicon is a list of words, looked up as a spelling checker does: a word
// matches an entry as it is, or, capitalized or in capitals, the entry in
// lowercase or capitalized ("The" matches "the", "NATO" "Nato"); a
// lowercase word matches only a lowercase entry ("lt" is not "Lt").
type lexicon struct {
	entries []string
	set     map[string]bool
}

// readLexicon reads a list of words, one a line; a line that begins with
// "#" is a comment. A single lowercase letter other than "a" is left out:
// the word list has every letter as a word, but in running text a lone
// letter is most often a word the digitisation broke ("t he", "o wonder"),
// and the reviewed list names the few that are not.
func readLexicon(t *testing.T, path string) lexicon {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l := lexicon{set: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w := normalApostrophes(line)
		if len(w) == 1 && w != "a" && unicode.IsLower(rune(w[0])) && !strings.HasPrefix(path, "testdata/reviewed") {
			continue
		}
		if l.set[w] {
			t.Errorf("%s: %q is listed twice", path, w)
		}
		l.entries = append(l.entries, w)
		l.set[w] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return l
}

// find returns the entry w matches, if any.
func (l lexicon) find(w string) (string, bool) {
	w = normalApostrophes(w)
	candidates := []string{w}
	if lower := strings.ToLower(w); lower != w {
		r := []rune(lower)
		r[0] = unicode.ToUpper(r[0])
		candidates = append(candidates, lower, string(r))
	}
	for _, c := range candidates {
		if l.set[c] {
			return c, true
		}
	}
	return "", false
}

// normalApostrophes writes a typographic apostrophe as a straight one, as
// the word list does.
func normalApostrophes(w string) string { return strings.ReplaceAll(w, "’", "'") }

var (
	// wordRE finds the words of a text: letters and digits, joined by
	// apostrophes and hyphens.
	wordRE = regexp.MustCompile(`[\pL\pN]+(?:['’-][\pL\pN]+)*`)
	// suppliedRE finds letters an editor supplied inside a word in square
	// brackets ("Kam[enev]", "expendi[tures of]", "[the si]tuation"),
	// which are read as part of it.
	suppliedRE = regexp.MustCompile(`(\pL)\[(\pL[^\]\[]*)\]|\[([^\]\[]*\pL)\](\pL)`)
	// numberRE is a number as the works write one: 1930s, 2nd, 19th, and
	// in an index 111n (a note), 150b (a biographical note), 74ff.
	numberRE = regexp.MustCompile(`^\d+(?:st|nd|rd|th|s|n|b|ff)?$`)
	// runRE cuts a word that mixes letters and digits into its letters and
	// its numbers ("Rbs85" into "Rbs" and "85").
	runRE = regexp.MustCompile(`\pL+(?:['’]\pL+)*|\pN+\pL*`)
)

// nonWord is a word of a text that the word list lacks.
type nonWord struct {
	word    string
	count   int
	context string // around its first occurrence
}

// nonWords returns, in order of first occurrence, the words of text that
// words lacks. A hyphenated compound is read as a whole, or else part by
// part ("co-operation", "Brest-Litovsk"); a possessive is read without
// its "’s"; a number must be written as numberRE says.
func nonWords(text string, words lexicon) []nonWord {
	text = suppliedRE.ReplaceAllString(text, "$1$2$3$4")
	var out []nonWord
	at := map[string]int{}
	add := func(w string, pos int) {
		if i, ok := at[w]; ok {
			out[i].count++
			return
		}
		at[w] = len(out)
		out = append(out, nonWord{word: w, count: 1, context: context(text, pos)})
	}
	for _, loc := range wordRE.FindAllStringIndex(text, -1) {
		token := text[loc[0]:loc[1]]
		if _, ok := words.find(token); ok || letterMark(text, loc[0], loc[1]) {
			continue
		}
		for _, part := range strings.Split(token, "-") {
			for _, run := range runRE.FindAllString(stripPossessive(part), -1) {
				run = stripPossessive(run)
				if unicode.IsDigit([]rune(run)[0]) {
					if !numberRE.MatchString(run) {
						add(run, loc[0])
					}
					continue
				}
				if _, ok := words.find(run); !ok {
					add(run, loc[0])
				}
			}
		}
	}
	return out
}

// letterMark says whether text[from:to] is a letter that marks rather
// than spells: an initial or abbreviation, followed by a stop ("p.",
// "i.e.", "J."), or an item of a list in parentheses ("(c)").
func letterMark(text string, from, to int) bool {
	if utf8.RuneCountInString(text[from:to]) != 1 || to == len(text) {
		return false
	}
	return text[to] == '.' || from > 0 && text[from-1] == '(' && text[to] == ')'
}

// stripPossessive returns w without a final "’s" or "'s".
func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s", "’S", "'S"} {
		if base, ok := strings.CutSuffix(w, s); ok && base != "" {
			return base
		}
	}
	return w
}

func TestNonWords(t *testing.T) {
	words := lexicon{set: map[string]bool{}}
	for _, w := range []string{"the", "operation", "Lenin", "testament", "Lt", "don't", "a", "is", "word", "in", "page", "he"} {
		words.set[w] = true
	}
	tests := []struct {
		text string
		want []string
	}{
		{"The testament", nil},
		{"Lenin’s testament", nil},
		{"in the 1950’s", nil},
		{"don’t", nil},
		{"THE TESTAMENT", nil},
		{"lt is", []string{"lt"}},
		{"co-operation", []string{"co"}},
		{"individualgae", []string{"individualgae"}},
		{"Kam[enev] is", []string{"Kamenev"}},
		{"the word[12] is a word", nil},
		{"Lenin’s[6] testament", nil},
		{"page 111n, 150b, 74ff, 1930s, 2nd", nil},
		{"page 11ln, 1lin, llln", []string{"11ln", "1lin", "llln"}},
		{"Rbs85.9", []string{"Rbs"}},
		{"the the natioi:al", []string{"natioi", "al"}},
		{"page 12, p. 5, i.e. (c) the t he", []string{"t"}},
	}
	for _, tt := range tests {
		var got []string
		for _, nw := range nonWords(tt.text, words) {
			got = append(got, nw.word)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("nonWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLexiconFind(t *testing.T) {
	l := lexicon{set: map[string]bool{"the": true, "Nato": true, "NEP": true, "o'clock": true}}
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"the", true}, {"The", true}, {"THE", true},
		{"Nato", true}, {"NATO", true}, {"nato", false},
		{"NEP", true}, {"Nep", false},
		{"o’clock", true},
	} {
		if _, ok := l.find(tt.word); ok != tt.want {
			t.Errorf("find(%q) = %v, want %v", tt.word, ok, tt.want)
		}
	}
}

// The word list must be what testdata/scowl/README says: one word a line,
// sorted, no possessives.
func TestWordList(t *testing.T) {
	data, err := os.ReadFile(wordListFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) < 50000 {
		t.Fatalf("%s has %d words", wordListFile, len(lines))
	}
	for i, w := range lines {
		if w == "" || strings.ContainsAny(w, " \t") || strings.HasSuffix(w, "'s") {
			t.Fatalf("%s:%d: %q", wordListFile, i+1, w)
		}
		if i > 0 && lines[i-1] >= w {
			t.Fatalf("%s:%d: %q is out of order", wordListFile, i+1, w)
		}
	}
}
