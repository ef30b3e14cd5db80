package prep

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// rbBlocks builds the blocks of The Revolution Betrayed from its source.
func rbBlocks(t *testing.T) []Block {
	t.Helper()
	wholeEdition(t)
	r := revolutionBetrayed()
	raw, err := os.ReadFile(filepath.Join(sourceDir, r.Source))
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := r.Build(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	return blocks
}

// TestRevolutionBetrayedOutline checks the book's shape: the Introduction,
// eleven chapters in order and the Appendix at level 1, and under each
// chapter its sections numbered from 1 without a gap.
func TestRevolutionBetrayedOutline(t *testing.T) {
	doc := preparedDocument(t, revolutionBetrayed())
	var top []string
	sections := map[string]int{}
	current := ""
	for _, h := range doc.Outline {
		switch h.Level {
		case 1:
			top = append(top, h.Title)
			current = h.Title
		case 2:
			if h.Title == "Postscript" {
				continue
			}
			sections[current]++
			if prefix := fmt.Sprintf("%d. ", sections[current]); !strings.HasPrefix(h.Title, prefix) {
				t.Errorf("%s: section %q, want it numbered %q", current, h.Title, prefix)
			}
		default:
			t.Errorf("heading %q at level %d", h.Title, h.Level)
		}
	}
	if len(top) != 13 || !strings.HasPrefix(top[0], "Introduction: ") || !strings.HasPrefix(top[12], "Appendix: ") {
		t.Fatalf("level-1 headings = %q, want the Introduction, 11 chapters and the Appendix", top)
	}
	for n := 1; n <= 11; n++ {
		if want := fmt.Sprintf("Chapter %d: ", n); !strings.HasPrefix(top[n], want) {
			t.Errorf("level-1 heading %d = %q, want it to begin %q", n, top[n], want)
		}
		if n != 9 && sections[top[n]] < 2 {
			t.Errorf("%s has %d sections", top[n], sections[top[n]])
		}
	}
}

// TestRevolutionBetrayedNoContentsLists requires every chapter to go
// straight from its heading to its first section or its text: the
// chapter-local contents lists are gone.
func TestRevolutionBetrayedNoContentsLists(t *testing.T) {
	blocks := rbBlocks(t)
	for i, b := range blocks[:len(blocks)-1] {
		if b.Kind != HeadingBlock || b.Level != 1 {
			continue
		}
		next := blocks[i+1]
		if next.Kind != HeadingBlock && len(next.Text) < 200 {
			t.Errorf("%s is followed by %q, not by a section or its text", b.Text, next.Text)
		}
	}
}

// rbDamage finds what the printing and the conversion left in the text:
// the converter's garbage, a page-numbered or dated footer, words run
// together with a stop, a spaced dash, a doubled space. (The
// transcription's own slips, a doubled word among them, are the source's
// wording and stay.)
var rbDamage = []*regexp.Regexp{
	regexp.MustCompile(`\brA|\bTto\b|1429|[a-z]\d+[a-z]|\b\w*\d[a-z]{3,}`),
	regexp.MustCompile(`\(\d+ of \d+\)|/2000\b|http`),
	regexp.MustCompile(`[a-z]\.[a-z]{2,}`),
	regexp.MustCompile(` —|— `),
	regexp.MustCompile(`  `),
}

func TestRevolutionBetrayedClean(t *testing.T) {
	blocks := rbBlocks(t)
	seen := map[string]bool{}
	lacunae := 0
	for _, b := range blocks {
		for _, re := range rbDamage {
			if loc := re.FindStringIndex(b.Text); loc != nil {
				t.Errorf("%q (%s) in %q", b.Text[loc[0]:loc[1]], re, context(b.Text, loc[0]))
			}
		}
		if strings.Contains(b.Text, "<!--page:") {
			t.Errorf("page anchor in %q: the source has no printed pages", head(b.Text))
		}
		if first, _ := firstRune(b.Text); unicode.IsLower(first) {
			t.Errorf("paragraph begins in lowercase: %q", head(b.Text))
		}
		if len(b.Text) > 200 {
			if seen[b.Text[:200]] {
				t.Errorf("paragraph printed twice: %q", head(b.Text))
			}
			seen[b.Text[:200]] = true
		}
		lacunae += strings.Count(b.Text, Lacuna)
	}
	declared := 0
	for _, e := range rbFixes {
		declared += strings.Count(e.New, Lacuna)
	}
	if lacunae != declared {
		t.Errorf("%d lacunae marked in the text, %d declared by the fixes", lacunae, declared)
	}
}

// The front matter describes the text of the source: Max Eastman's
// translation as it was published in 1937.
func TestRevolutionBetrayedMeta(t *testing.T) {
	m := revolutionBetrayed().Meta
	if m.Title != "The Revolution Betrayed" || m.Author != "Leon Trotsky" || m.Translator != "Max Eastman" ||
		m.Year != "1937" || !strings.HasPrefix(m.Publisher, "Doubleday, Doran") || m.Short == "" || m.Subtitle == "" {
		t.Fatalf("meta = %+v", m)
	}
}
