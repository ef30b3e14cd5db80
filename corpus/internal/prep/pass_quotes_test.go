package prep

import (
	"strings"
	"testing"
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
