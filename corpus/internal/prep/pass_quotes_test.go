package prep

import (
	"strings"
	"testing"

	"samizdat/corpus"
)

func TestMarkQuotes(t *testing.T) {
	blocks := []Block{
		{Kind: Para, Text: "Lenin wrote me on March 5:"},
		{Kind: Para, Text: "Esteemed Comrade Trotsky:"},
		{Kind: Para, Text: "<!--page:55-->I earnestly ask you."},
		{Kind: Para, Text: "Lenin"},
		{Kind: Para, Text: "Both the content and the tone."},
	}
	got, err := MarkQuotes(blocks, []QuoteRun{{"Esteemed Comrade", 3}})
	if err != nil {
		t.Fatal(err)
	}
	kinds := []BlockKind{Para, Quote, Quote, Quote, Para}
	for i, b := range got {
		if b.Kind != kinds[i] {
			t.Errorf("block %d (%q) is kind %d, want %d", i, b.Text, b.Kind, kinds[i])
		}
	}
	if blocks[1].Kind != Para {
		t.Error("MarkQuotes changed its argument")
	}
	for _, tt := range []struct {
		run  QuoteRun
		want string
	}{
		{QuoteRun{"Nowhere", 1}, "no paragraph"},
		{QuoteRun{"Esteemed Comrade", 9}, "only 4 of its 9"},
		{QuoteRun{"L", 1}, "more than one"},
	} {
		if _, err := MarkQuotes(blocks, []QuoteRun{tt.run}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("MarkQuotes(%v) = %v, want an error with %q", tt.run, err, tt.want)
		}
	}
}

func TestMarkQuotations(t *testing.T) {
	blocks := []Block{
		{Kind: HeadingBlock, Level: 1, Text: "The semi-state"},
		{Kind: Para, Text: "Lenin explained:"},
		{Kind: Para, Text: "A special apparatus is still necessary. (LCW, Vol. 25, p. 468.)"},
		{Kind: Para, Text: "The state is a relic of class society."},
		{Kind: Para, Text: "Kamenev wrote to Stalin:"},
		{Kind: Para, Text: `"Joseph,`},
		{Kind: Para, Text: `<!--page:9-->"I could not reach you by phone.`},
		{Kind: Para, Text: `"L. Kam[enev]"`},
		{Kind: Para, Text: "(Izvestiya, 1989, p. 191.)"},
		{Kind: Para, Text: "These letters were not published."},
		{Kind: HeadingBlock, Level: 1, Text: "Notes"},
		{Kind: Para, Text: "[^1]: Prior to the creation of the USSR. (Ibid.)"},
	}
	got, err := MarkQuotations(blocks, []Quotation{
		{"A special apparatus", "(LCW, Vol. 25, p. 468.)"},
		{`"Joseph,`, "(Izvestiya, 1989, p. 191.)"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range got {
		want := Para
		switch {
		case blocks[i].Kind == HeadingBlock:
			want = HeadingBlock
		case i == 2 || 5 <= i && i <= 8:
			want = Quote
		}
		if b.Kind != want {
			t.Errorf("block %d (%q) is kind %d, want %d", i, b.Text, b.Kind, want)
		}
	}
	if blocks[2].Kind != Para {
		t.Error("MarkQuotations changed its argument")
	}
	for _, tt := range []struct {
		q    Quotation
		want string
	}{
		{Quotation{"Nowhere", "(LCW, Vol. 25, p. 468.)"}, "no paragraph begins so"},
		{Quotation{"A special apparatus", "(LCW, Vol. 26.)"}, `its end "(LCW, Vol. 26.)": no paragraph ends so`},
		{Quotation{"The", "."}, "more than one paragraph begins so"},
		// An end past the quotation's own cannot carry it over a heading
		// or into the notes.
		{Quotation{`"Joseph,`, "(Ibid.)"}, `a block that is not a paragraph of the text falls inside it: "Notes"`},
		{Quotation{"The state is a relic", "is still necessary. (LCW, Vol. 25, p. 468.)"}, "comes before it"},
	} {
		if _, err := MarkQuotations(blocks, []Quotation{tt.q}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("MarkQuotations(%v) = %v, want an error with %q", tt.q, err, tt.want)
		}
	}
	// Two quotations cannot share a paragraph.
	if _, err := MarkQuotations(blocks, []Quotation{
		{"Kamenev wrote", `"Joseph,`},
		{`"Joseph,`, "(Izvestiya, 1989, p. 191.)"},
	}); err == nil {
		t.Error("MarkQuotations let two quotations overlap")
	}
	long := []Block{{Kind: Para, Text: "Start."}}
	for range maxQuotation {
		long = append(long, Block{Kind: Para, Text: "More"})
	}
	long = append(long, Block{Kind: Para, Text: "End."})
	if _, err := MarkQuotations(long, []Quotation{{"Start", "End."}}); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("MarkQuotations let a quotation run on for %d paragraphs: %v", len(long), err)
	}
}

func TestMarkEditorNotes(t *testing.T) {
	blocks := []Block{
		{Kind: HeadingBlock, Level: 1, Text: "Part Two"},
		{Kind: Para, Text: "The second part of the article covers the thirties"},
		{Kind: Para, Text: "The policies of Stalin-Bukharin caused danger."},
	}
	got, err := MarkEditorNotes(blocks, []string{"The second part of"})
	if err != nil {
		t.Fatal(err)
	}
	if got[1].Kind != EditorNote || got[2].Kind != Para {
		t.Errorf("MarkEditorNotes = %+v", got)
	}
	if _, err := MarkEditorNotes(blocks, []string{"The"}); err == nil {
		t.Error("MarkEditorNotes took a start that begins two paragraphs")
	}
}

// checkQuotations fails unless each of qs stands in d as a run of
// quotation blocks from its Start to its End, and no other block of d is
// a quotation.
func checkQuotations(t *testing.T, d *corpus.Document, qs []Quotation) {
	t.Helper()
	var texts []string
	for _, b := range d.Blocks {
		texts = append(texts, d.Plain()[d.PlainOffset(b.Start):d.PlainOffset(b.End-1)+1])
	}
	covered := make([]bool, len(texts))
	for _, q := range qs {
		start, end := "> "+TypesetText(q.Start), TypesetText(q.End)
		i := 0
		for i < len(texts) && !strings.HasPrefix(texts[i], start) {
			i++
		}
		if i == len(texts) {
			t.Errorf("quotation %q is not a quotation", q.Start)
			continue
		}
		for ; i < len(texts) && strings.HasPrefix(texts[i], "> "); i++ {
			covered[i] = true
			if strings.HasSuffix(texts[i], end) {
				break
			}
		}
		if i == len(texts) || !strings.HasSuffix(texts[i], end) {
			t.Errorf("quotation %q does not end with %q", q.Start, q.End)
		}
	}
	for i, text := range texts {
		if strings.HasPrefix(text, "> ") && !covered[i] {
			t.Errorf("%q is quoted but is not one of the quotations", head(text))
		}
	}
}
