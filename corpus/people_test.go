package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fixturePeople is a people index over two small documents.
func fixturePeople(t *testing.T, people []Person, texts ...string) *People {
	t.Helper()
	lib := &Library{}
	for i, text := range texts {
		id := string(rune('a' + i))
		lib.Docs = append(lib.Docs, Parse(id+".md", []byte("---\nid: "+id+"\n---\n"+text)))
	}
	data, err := json.Marshal(PeopleData{People: people})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPeople(lib, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// mentionTexts is each mention as the person's short name and the text it
// covers.
func mentionTexts(p *People, doc int) []string {
	var out []string
	d := p.lib.Docs[doc]
	for _, m := range p.NamesIn(doc, 0, d.PlainLen()) {
		out = append(out, p.Person(m.Person).Short+":"+d.Plain()[m.Start:m.End])
	}
	return out
}

func TestMentions(t *testing.T) {
	people := []Person{
		{Name: "Rykov, Aleksei Ivanovich", Short: "Rykov", Keys: []string{"Rykov"}},
		{Name: "Dzerzhinsky, Feliks", Short: "Dzerzhinsky", Keys: []string{"Dzerzhinsky", "Dzerjinsky"}},
		{Name: "Eltsin, Boris", Short: "Eltsin", Keys: []string{"Boris Eltsin", "B. Eltsin"}},
		{Name: "Eltsin, Viktor", Short: "Eltsin", Keys: []string{"V. Eltsin"}},
		{Name: "Ordzhonikidze, Grigory (Sergo)", Short: "Ordzhonikidze", Keys: []string{"Ordzhonikidze", "Sergo"}},
		// Both claim "Smith": it names neither.
		{Name: "Smith, A.", Short: "Smith", Keys: []string{"Smith", "A. Smith"}},
		{Name: "Smith, B.", Short: "Smith", Keys: []string{"Smith"}},
		{Name: "Dühring, Eugen", Short: "Dühring", Keys: []string{"Dühring"}},
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Rykov and RYKOV; Rykov’s and Rykov's.", []string{"Rykov:Rykov", "Rykov:RYKOV", "Rykov:Rykov", "Rykov:Rykov"}},
		{"Rykova, Rykovites and unrykov are other words.", nil},
		{"Dzerjinsky, or Dzerzhinsky-Stalin.", []string{"Dzerzhinsky:Dzerjinsky", "Dzerzhinsky:Dzerzhinsky"}},
		{"Eltsin alone; B. Eltsin, B.Eltsin, Boris Eltsin and V. Eltsin.", []string{
			"Eltsin:B. Eltsin", "Eltsin:B.Eltsin", "Eltsin:Boris Eltsin", "Eltsin:V. Eltsin"}},
		{"Sergo Ordzhonikidze, then Sergo.", []string{"Ordzhonikidze:Sergo Ordzhonikidze", "Ordzhonikidze:Sergo"}},
		{"Smith said so, and A. Smith agreed.", []string{"Smith:A. Smith"}},
		{"Duhring and DÜHRING", []string{"Dühring:Duhring", "Dühring:DÜHRING"}},
		{"B.\n\nEltsin: a paragraph between.", nil},
	} {
		p := fixturePeople(t, people, tt.text)
		if got := mentionTexts(p, 0); !slices.Equal(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestPeopleLookup(t *testing.T) {
	people := []Person{
		{Name: "Eltsin, Boris Mikhailovich", Short: "Eltsin", Keys: []string{"Boris Eltsin"}},
		{Name: "Eltsin, Viktor Borisovich", Short: "Eltsin", Keys: []string{"V. Eltsin"}},
		{Name: "Zinoviev, Grigory Yevseyevich", Short: "Zinoviev", Keys: []string{"Zinoviev"}, Variants: []string{"Zinoviev’s"}},
		{Name: "Dzerzhinsky, Feliks Edmundovich", Short: "Dzerzhinsky", Keys: []string{"Dzerzhinsky", "Dzerjinsky"}},
	}
	p := fixturePeople(t, people, "No one.")
	for _, tt := range []struct {
		name string
		want []int
	}{
		{"zinoviev", []int{2}},
		{"ZINOVIEV’S", []int{2}},
		{"Zinoviev's", []int{2}},
		{"G. Zinoviev", []int{2}},
		{"G.Y. Zinoviev", []int{2}},
		{"grigory zinoviev", []int{2}},
		{"Zinoviev, Grigory Yevseyevich", []int{2}},
		{"K. Zinoviev", nil},
		{"dzerjinsky", []int{3}},
		{"Eltsin", []int{0, 1}},
		{"v. eltsin", []int{1}},
		{"B. Eltsin", []int{0}},
		{"Viktor Eltsin", []int{1}},
		{"Eltsin, V.", []int{1}},
		{"Zinoviev, G.", []int{2}},
		{"Zinoviev, K.", nil},
		{"stalin", nil},
		{"", nil},
	} {
		if got := p.Lookup(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	if per, ok := p.Find("zinoviev"); !ok || per.Short != "Zinoviev" {
		t.Errorf("Find(zinoviev) = %v, %v", per, ok)
	}
	if _, ok := p.Find("eltsin"); ok {
		t.Error("Find(eltsin) found one of two")
	}
	if got := p.Suggest("zinovjev"); !slices.Equal(got, []string{"Zinoviev"}) {
		t.Errorf("Suggest(zinovjev) = %q", got)
	}
}

func TestNamesInAndAt(t *testing.T) {
	people := []Person{
		{Name: "Kamenev, Lev", Short: "Kamenev", Keys: []string{"Kamenev"}},
		{Name: "Zinoviev, Grigory", Short: "Zinoviev", Keys: []string{"Zinoviev"}},
	}
	text := "Zinoviev and Kamenev opposed it.\n\nLater, far from any name at all."
	p := fixturePeople(t, people, text)
	plain := p.lib.Docs[0].Plain()
	kam := strings.Index(plain, "Kamenev")
	if ms := p.NamesIn(0, kam+2, kam+3); len(ms) != 1 || ms[0].Person != 0 || ms[0].Start != kam {
		t.Errorf("NamesIn inside Kamenev = %+v", ms)
	}
	if ms := p.NamesIn(0, 0, len(plain)); len(ms) != 2 {
		t.Errorf("NamesIn all = %+v", ms)
	}
	for _, tt := range []struct {
		off    int
		person int
		ok     bool
	}{
		{kam, 0, true},
		{kam + len("Kamenev") - 1, 0, true},
		{strings.Index(plain, "and"), 1, true}, // nearer Zinoviev's end than Kamenev's start
		{strings.Index(plain, "opposed"), 0, true},
		{strings.Index(plain, "far"), 0, false}, // no name in that paragraph
	} {
		m, ok := p.At(0, tt.off)
		if ok != tt.ok || ok && m.Person != tt.person {
			t.Errorf("At(%d) = %+v, %v; want person %d, %v", tt.off, m, ok, tt.person, tt.ok)
		}
	}
}

func TestOwnNoteIsNoMention(t *testing.T) {
	text := "Kamenev spoke.\n\nKamenev, Lev (1883–1936)—Joined in 1901. With Zinoviev, Kamenev opposed it.\n\nZinoviev, Grigory—Kamenev's ally."
	lib := &Library{Docs: []*Document{Parse("a.md", []byte("---\nid: a\n---\n"+text))}}
	plain := lib.Docs[0].Plain()
	start := strings.Index(plain, "Kamenev, Lev")
	end := strings.Index(plain, "opposed it.") + len("opposed it.")
	people := []Person{
		{Name: "Kamenev, Lev", Short: "Kamenev", Keys: []string{"Kamenev"}, Source: NoteSource{Work: "a", Start: start, End: end}},
		{Name: "Zinoviev, Grigory", Short: "Zinoviev", Keys: []string{"Zinoviev"}, Source: NoteSource{Work: "a", Start: end + 2, End: len(plain)}},
	}
	data, _ := json.Marshal(PeopleData{People: people})
	p, err := NewPeople(lib, data)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Counts(0); got[0] != 2 {
		t.Errorf("Kamenev: %d mentions, want 2 (the first line, Zinoviev's note)", got[0])
	}
	if got := p.Counts(1); got[0] != 1 {
		t.Errorf("Zinoviev: %d mentions, want 1 (in Kamenev's note)", got[0])
	}
}

func TestBadPeopleData(t *testing.T) {
	lib := &Library{}
	if _, err := NewPeople(lib, []byte("{not json")); err == nil {
		t.Error("broken people.json read without an error")
	}
}

// TestFolderHasNoPeople: a reader's own folder has no people index, and
// asking for it costs nothing and breaks nothing.
func TestFolderHasNoPeople(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n\nZinoviev spoke.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, _, err := LoadDir(dir, DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := lib.People()
	if p != nil || lib.PeopleErr() != nil {
		t.Fatalf("a folder's people = %v, %v", p, lib.PeopleErr())
	}
	if p.Len() != 0 || p.All() != nil || p.Lookup("zinoviev") != nil || p.NamesIn(0, 0, 10) != nil || p.PrintedIndex() != nil ||
		p.Mentions(0) != nil || p.Counts(0) != nil || p.Person(0).Name != "" || p.Doc("a") != -1 || p.Suggest("z") != nil {
		t.Error("a nil People answered something")
	}
	if _, ok := p.At(0, 0); ok {
		t.Error("a nil People found someone")
	}
}

// TestEmbeddedPeopleLazy: loading the edition reads nothing of the people
// index; asking for it does.
func TestEmbeddedPeopleLazy(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if lib.peopleSrc == nil || lib.peopleSrc.people != nil {
		t.Fatal("the people index was read at load, or is missing")
	}
	p := lib.People()
	if err := lib.PeopleErr(); err != nil || p.Len() < 40 {
		t.Fatalf("people: %d, %v", p.Len(), err)
	}
	if p.occ.docs != nil {
		t.Error("mentions were found before they were asked for")
	}
}

func TestEmbeddedKamenev(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := lib.People()
	found := p.Lookup("Kamenev")
	if len(found) != 1 {
		t.Fatalf("Kamenev: %v", found)
	}
	k := found[0]
	per := p.Person(k)
	if per.Source.Work != "lenins-fight" || per.Source.Section != "Biographical Notes" || per.Source.Page != "151" ||
		per.Dates != "1883–1936" || !strings.HasPrefix(per.Note, "Joined Russian Social Democratic Labor Party in 1901.") {
		t.Errorf("Kamenev's entry: %+v", per)
	}
	d := lib.Docs[p.Doc("lenins-fight")]
	if got := d.Plain()[per.Source.Start:per.Source.End]; !strings.HasPrefix(got, "Kamenev, Lev Borisovich (1883–1936)—") {
		t.Errorf("Kamenev's note range holds %.60q", got)
	}
	counts := p.Counts(k)
	for _, id := range []string{"revolution-betrayed", "rise-of-stalinism", "lenins-fight"} {
		if counts[p.Doc(id)] == 0 {
			t.Errorf("no mention of Kamenev in %s", id)
		}
	}
	for _, m := range p.Mentions(k) {
		plain := lib.Docs[m.Doc].Plain()
		if got := Fold(plain[m.Start:m.End], true); got != "kamenev" {
			t.Errorf("%s %d: mention %q", lib.Docs[m.Doc].ID, m.Start, got)
		}
		d := lib.Docs[m.Doc]
		if m.Section != d.SectionAt(d.BodyOffset(m.Start)) || m.Section < 0 {
			t.Errorf("%s %d: section %d", d.ID, m.Start, m.Section)
		}
		if m.Doc == p.Doc("lenins-fight") && m.Start >= per.Source.Start && m.End <= per.Source.End {
			t.Errorf("a mention in Kamenev's own note, at %d", m.Start)
		}
	}
}

// TestEmbeddedPrintedIndex: every page reference of the index of Lenin's
// Fight is where it says it is, and leads to a page of the work.
func TestEmbeddedPrintedIndex(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := lib.People()
	ix := p.PrintedIndex()
	if ix == nil || len(ix.Entries) < 150 {
		t.Fatalf("printed index: %v", ix)
	}
	d := lib.Docs[p.Doc(ix.Work)]
	plain := d.Plain()
	refs := 0
	for _, e := range ix.Entries {
		if !strings.HasPrefix(plain[e.Start:], e.Term) {
			t.Errorf("entry %q: the text at %d is %.30q", e.Term, e.Start, plain[e.Start:])
		}
		for _, r := range e.AllRefs() {
			refs++
			if got := plain[r.Start:r.End]; got != r.Text() {
				t.Errorf("%s: reference %q at %d reads %q", e.Term, r.Text(), r.Start, got)
			}
			if _, ok := d.PageOffset(r.Page); !ok {
				t.Errorf("%s: page %s is not a page of the work", e.Term, r.Page)
			}
			if got, ref, ok := ix.RefAt(r.Start); !ok || ref != r || got.Start > r.Start {
				t.Errorf("RefAt(%d) = %q %v %v", r.Start, got.Term, ref, ok)
			}
		}
	}
	if refs < 500 {
		t.Errorf("only %d page references", refs)
	}
	var kamenev IndexEntry
	for _, e := range ix.Entries {
		if e.Term == "Kamenev, L." {
			kamenev = e
		}
	}
	if kamenev.Heading() != "Kamenev" || !slices.ContainsFunc(kamenev.Refs, func(r IndexRef) bool { return r.Page == "151" && r.Kind == "b" }) ||
		len(kamenev.Subs) == 0 || kamenev.Subs[0].Term != "Lenin on" {
		t.Errorf("Kamenev's entry: %+v", kamenev)
	}
}

func TestIndexHeading(t *testing.T) {
	for _, tt := range []struct{ term, want string }{
		{"Kamenev, L.", "Kamenev"},
		{"“Better Fewer, But Better,” Lenin", "Better Fewer, But Better"},
		{"Brest-Litovsk, Treaty of", "Brest-Litovsk"},
		{"Aristotle", "Aristotle"},
	} {
		if got := (IndexEntry{Term: tt.term}).Heading(); got != tt.want {
			t.Errorf("Heading(%q) = %q, want %q", tt.term, got, tt.want)
		}
	}
}

// peopleData is the embedded library and its people.json, read.
func peopleData(b testing.TB) (*Library, []byte) {
	b.Helper()
	lib, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	data, err := embedded.ReadFile("docs/" + peopleFile)
	if err != nil {
		b.Fatal(err)
	}
	return lib, data
}

// BenchmarkPeopleLoad is what the first use of the people index costs:
// reading people.json.
func BenchmarkPeopleLoad(b *testing.B) {
	lib, data := peopleData(b)
	for b.Loop() {
		if _, err := NewPeople(lib, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPeopleMentions is what the first question of where someone is
// mentioned costs: one pass over the library.
func BenchmarkPeopleMentions(b *testing.B) {
	lib, data := peopleData(b)
	for b.Loop() {
		p, err := NewPeople(lib, data)
		if err != nil {
			b.Fatal(err)
		}
		p.occurrences()
	}
}

// BenchmarkPeopleMemory reports what the people index, its mentions
// found, holds on to, in MiB.
func BenchmarkPeopleMemory(b *testing.B) {
	lib, data := peopleData(b)
	var kept []*People
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		p, err := NewPeople(lib, data)
		if err != nil {
			b.Fatal(err)
		}
		p.occurrences()
		kept = append(kept, p)
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB")
	}
	runtime.KeepAlive(kept)
}

// TestEmbeddedMentionsWholeWords: no mention of anyone begins or ends
// inside a word, and each is one of the person's keys.
func TestEmbeddedMentionsWholeWords(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := lib.People()
	for i, per := range p.All() {
		keys := map[string]bool{}
		for _, k := range per.Keys {
			keys[nameKey(k)] = true
		}
		for _, m := range p.Mentions(i) {
			plain := lib.Docs[m.Doc].Plain()
			before, _ := utf8.DecodeLastRuneInString(plain[:m.Start])
			after, _ := utf8.DecodeRuneInString(plain[m.End:])
			if isLetter(before) || isLetter(after) {
				t.Errorf("%s: mention %q inside a word, in %s at %d", per.Short, plain[max(m.Start-5, 0):m.End+5], lib.Docs[m.Doc].ID, m.Start)
			}
			// A mention may join two keys ("Sergo Ordzhonikidze").
			text := nameKey(plain[m.Start:m.End])
			ok := keys[text]
			for k := range keys {
				ok = ok || strings.HasPrefix(text, k+" ") || strings.HasSuffix(text, " "+k)
			}
			if !ok {
				t.Errorf("%s: mention %q is no key of theirs", per.Short, plain[m.Start:m.End])
			}
		}
	}
}

func TestPrintedIndexMatch(t *testing.T) {
	ix := &PrintedIndex{Entries: []IndexEntry{
		{Term: "Bureaucracy"}, {Term: "“Better Fewer, But Better,” Lenin"}, {Term: "Lenin, V.I."}, {Term: "Lenin’s testament"},
	}}
	terms := func(es []IndexEntry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Term)
		}
		return out
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"lenin", []string{"Lenin, V.I.", "Lenin’s testament", "“Better Fewer, But Better,” Lenin"}},
		{"LENIN'S", []string{"Lenin’s testament"}},
		{"better", []string{"“Better Fewer, But Better,” Lenin"}},
		{"  ", nil},
		{"trotsky", nil},
	} {
		if got := terms(ix.Match(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestIndexPeople: the entries of the printed index with a biographical
// note ("150b") name a person of the index.
func TestIndexPeople(t *testing.T) {
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	p := lib.People()
	n := 0
	for _, e := range p.PrintedIndex().Entries {
		if !slices.ContainsFunc(e.Refs, func(r IndexRef) bool { return r.Kind == "b" }) {
			continue
		}
		n++
		i, ok := p.IndexPerson(e)
		if !ok {
			t.Errorf("%q names no one of the people index (%v)", e.Term, p.Lookup(e.Term))
			continue
		}
		if !strings.HasPrefix(e.Term, p.Person(i).Short) {
			t.Errorf("%q names %s", e.Term, p.Person(i).Name)
		}
	}
	if n < 35 {
		t.Errorf("%d entries with a biographical note", n)
	}
}

// TestPeopleConcurrent: the first questions may come at once, from the
// reader and from work in the background; each gets the whole answer.
func TestPeopleConcurrent(t *testing.T) {
	seq, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	lib, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]int, 4)
	done := make(chan bool)
	for g := range got {
		go func() {
			got[g] = len(lib.People().Mentions(g))
			done <- true
		}()
	}
	for range got {
		<-done
	}
	for g, n := range got {
		if want := len(seq.People().Mentions(g)); n != want || n == 0 {
			t.Errorf("person %d: %d mentions at once, %d alone", g, n, want)
		}
	}
}

// FuzzFindMentions: in any text, a mention found is a whole word (or
// words) of it, never part of a longer one, and mentions come in order
// without overlapping.
func FuzzFindMentions(f *testing.F) {
	lib, data := peopleData(f)
	p, err := NewPeople(lib, data)
	if err != nil {
		f.Fatal(err)
	}
	keys := p.keyTable()
	for _, s := range []string{"Zinoviev’s and Kamenev's", "Rykova and Rykov.", "B.Eltsin, V. Eltsin, Eltsin", "Sergo Ordzhonikidze\n\nSergo", "ÉZINOVIEV zinoviev2 \xff Zinoviev"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, m := range findMentions(text, keys) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention %+v out of order or range (last end %d) in %q", m, last, text)
			}
			before, _ := utf8.DecodeLastRuneInString(text[:m.Start])
			after, _ := utf8.DecodeRuneInString(text[m.End:])
			if m.Start > 0 && isLetter(before) || m.End < len(text) && isLetter(after) {
				t.Fatalf("mention %q is part of a longer word in %q", text[m.Start:m.End], text)
			}
			last = m.End
		}
	})
}
