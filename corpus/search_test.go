package corpus

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in    string
		lower bool
		want  string
	}{
		{"Dühring", true, "duhring"},
		{"Dühring", false, "Duhring"},
		{"Thermidor", true, "thermidor"},
		{"Lenin’s ‘testament’", true, "lenin's 'testament'"},
		{"“Left” Opposition", true, `"left" opposition`},
		{"Stalin—the bureaucrat – and − minus", true, "stalin-the bureaucrat-and-minus"},
		{"Stalin - the executioner", true, "stalin-the executioner"},
		{"five-year plan", true, "five-year plan"},
		{"end -\n\nnext", true, "end-\nnext"},
		{"and so on…", true, "and so on..."},
		{"Kotel'nikov", true, "kotel'nikov"},
		{"Зиновьев и Каменев", true, "зиновьев и каменев"},
		{"Rakovsky's", true, "rakovsky's"},
		{"Straße", true, "strasse"},
		{"ﬁnal", true, "final"},
		{"socialism  in\tone\u00a0country", true, "socialism in one country"},
		{"end.\n\nNext", true, "end.\nnext"},
		{"wrapped\nline", true, "wrapped line"},
		{"Ёлка", true, "елка"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in, tt.lower); got != tt.want {
			t.Errorf("Fold(%q, %v) = %q, want %q", tt.in, tt.lower, got, tt.want)
		}
	}
}

func searchLib(t testing.TB) *Library {
	t.Helper()
	a := Parse("a.md", []byte("---\nid: a\ntitle: A\n---\n# The Soviet Thermidor\n\n"+
		"Herr Dühring and the Thermidorians. The “Left” opposition—Trotsky’s—spoke.\n\n"+
		"Socialism in one\\* country… and Herr Duhring again."))
	b := Parse("b.md", []byte("---\nid: b\ntitle: B\n---\nthermidor in lowercase, and socialism in one country."))
	return &Library{Docs: []*Document{a, b}}
}

func TestSearch(t *testing.T) {
	lib := searchLib(t)
	ix := NewIndex(lib)
	tests := []struct {
		query string
		doc   int
		want  []string // the plain text of each hit
	}{
		{"thermidor", -1, []string{"Thermidor", "Thermidor", "thermidor"}},
		{"Thermidor", -1, []string{"Thermidor", "Thermidor"}}, // smart case
		{"duhring", -1, []string{"Dühring", "Duhring"}},
		{"Dühring", -1, []string{"Dühring", "Duhring"}},
		{`"left" opposition`, -1, []string{"“Left” opposition"}},
		{"left opposition", -1, nil},
		{"opposition-trotsky's-spoke", -1, []string{"opposition—Trotsky’s—spoke"}},
		{"opposition - trotsky's - spoke", -1, []string{"opposition—Trotsky’s—spoke"}},
		{"socialism in one country", -1, []string{"socialism in one country"}},
		{"socialism in one*", -1, []string{"Socialism in one*"}},
		{"country...", -1, []string{"country…"}},
		{"country..", -1, []string{"country…"}},
		{"spoke. socialism", -1, nil}, // never across paragraphs
		{"thermidor", 1, []string{"thermidor"}},
		{"   ", -1, nil},
		{"nothing here", -1, nil},
	}
	for _, tt := range tests {
		res := ix.Search(Query{Text: tt.query, Doc: tt.doc}, nil)
		var got []string
		for i := range res.Total() {
			h := res.Hit(i)
			got = append(got, lib.Docs[h.Doc].Plain()[h.Start:h.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
		}
		total := 0
		for _, n := range res.PerDoc {
			total += n
		}
		if total != res.Total() {
			t.Errorf("Search(%q): per-document counts add to %d, total %d", tt.query, total, res.Total())
		}
	}
}

// TestSearchAcrossBlocks: a match that begins in one block of the index
// and ends in the next is found, though the trigrams of its end are not
// in the block it begins in.
func TestSearchAcrossBlocks(t *testing.T) {
	const phrase = "the quick brown fox jumps over the lazy dog"
	filler := strings.Repeat("ab ", (blockSize-20)/3)
	d := Parse("a.md", []byte(filler+phrase+" and more words after it\n"))
	lib := &Library{Docs: []*Document{d}}
	for _, q := range []string{phrase, "the quick brown", "lazy dog"} {
		if n := NewIndex(lib).Search(Query{Text: q, Doc: -1}, nil).Total(); n != 1 {
			t.Errorf("%q: %d hits, want 1", q, n)
		}
	}
}

// TestSearchNarrows checks that typing on gives what a fresh search gives.
func TestSearchNarrows(t *testing.T) {
	lib := searchLib(t)
	ix := NewIndex(lib)
	var prev *Results
	for _, q := range []string{"t", "th", "the", "ther", "therm", "Therm", "Thermidor", "Thermidori"} {
		res := ix.Search(Query{Text: q, Doc: -1}, prev)
		fresh := ix.Search(Query{Text: q, Doc: -1}, nil)
		if !equalHits(hits(res), hits(fresh)) {
			t.Errorf("%q after %q: %v, fresh search %v", q, prev.Query.Text, hits(res), hits(fresh))
		}
		prev = res
	}
}

func TestWithin(t *testing.T) {
	lib := searchLib(t)
	ix := NewIndex(lib)
	res := ix.Search(Query{Text: "thermidor", Doc: -1}, nil)
	a := lib.Docs[0]
	plain := a.Plain()
	para := strings.Index(plain, "Herr Dühring and")
	end := para + strings.Index(plain[para:], "\n\n")
	tests := []struct {
		name            string
		doc, from, to   int
		wantFirst, want int
	}{
		{"the heading", 0, 0, para, 0, 1},
		{"the first paragraph", 0, para, end, 1, 2},
		{"the heading and the paragraph", 0, 0, end, 0, 2},
		{"the last paragraph", 0, end, a.PlainLen(), 2, 2},
		{"the second document", 1, 0, lib.Docs[1].PlainLen(), 2, 3},
		{"nothing", 1, 1, 5, 3, 3},
	}
	for _, tt := range tests {
		first, n := res.Within(tt.doc, tt.from, tt.to)
		if first != tt.wantFirst || n != tt.want {
			t.Errorf("%s: Within(%d, %d, %d) = %d, %d; want %d, %d", tt.name, tt.doc, tt.from, tt.to, first, n, tt.wantFirst, tt.want)
		}
	}
}

func TestSearchContext(t *testing.T) {
	lib := searchLib(t)
	ix := NewIndex(lib)
	ctx, cancel := context.WithCancel(context.Background())
	res, err := ix.SearchContext(ctx, Query{Text: "thermidor", Doc: -1}, nil)
	if err != nil || !equalHits(hits(res), hits(ix.Search(Query{Text: "thermidor", Doc: -1}, nil))) {
		t.Fatalf("a live context: %v, %v", res, err)
	}
	cancel()
	for _, prev := range []*Results{nil, res} {
		if got, err := ix.SearchContext(ctx, Query{Text: "thermidori", Doc: -1}, prev); got != nil || err != context.Canceled {
			t.Errorf("a context done (narrowing %v): %v, %v", prev != nil, got, err)
		}
	}
}

func hits(r *Results) []Hit {
	var out []Hit
	for i := range r.Total() {
		out = append(out, r.Hit(i))
	}
	return out
}

func equalHits(a, b []Hit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSnippet(t *testing.T) {
	lib := searchLib(t)
	ix := NewIndex(lib)
	res := ix.Search(Query{Text: "left", Doc: -1}, nil)
	if res.Total() != 1 {
		t.Fatalf("hits = %v", hits(res))
	}
	before, match, after := lib.Snippet(res.Hit(0), 40)
	if match != "Left" || !strings.HasSuffix(before, "“") || !strings.HasPrefix(after, "” opposition") {
		t.Errorf("Snippet = %q %q %q", before, match, after)
	}
	if n := utf8.RuneCountInString(before + match + after); n > 40 {
		t.Errorf("snippet is %d characters, want at most 40", n)
	}
}

// FuzzSearch checks that every hit covers text whose folded form holds the
// query, and
// that folding never panics.
func FuzzSearch(f *testing.F) {
	f.Add("Herr Dühring — “Left”… Thermidor\n\nnext", "duhring")
	f.Add("a\u00a0 b", "a b")
	f.Add("ﬁne ﬁnish", "fi")
	f.Add("\xff\xfe broken", "broken")
	f.Fuzz(func(t *testing.T, text, query string) {
		d := Parse("f.md", []byte(text))
		lib := &Library{Docs: []*Document{d}}
		res := NewIndex(lib).Search(Query{Text: query, Doc: -1}, nil)
		want := foldQuery(query)
		for _, h := range hits(res) {
			if h.Start < 0 || h.End > len(d.Plain()) || h.Start > h.End {
				t.Fatalf("hit %v outside the text (%d bytes)", h, len(d.Plain()))
			}
			got := strings.TrimLeft(Fold(d.Plain()[h.Start:h.End], true), " ")
			// A match may begin or end inside a character that folds to
			// several (the "i" of "ﬁ"): the hit then covers all of it.
			if !strings.Contains(got, want) {
				t.Fatalf("hit %q folds to %q, query folds to %q", d.Plain()[h.Start:h.End], got, want)
			}
		}
	})
}
