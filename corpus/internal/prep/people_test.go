package prep

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"samizdat/corpus"
)

// TestPeopleCommitted fails on any byte of corpus/docs/people.json that
// the preparation would not write today, and on a preparation that writes
// it differently twice.
func TestPeopleCommitted(t *testing.T) {
	docs := prepared(t)
	got, err := People(docs)
	if err != nil {
		t.Fatal(err)
	}
	again, err := People(docs)
	if err != nil || !bytes.Equal(got, again) {
		t.Fatalf("two preparations of the people index differ (%v)", err)
	}
	want, err := os.ReadFile(filepath.Join(docsDir, "people.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("corpus/docs/people.json differs from what the preparation writes at byte %d (run go generate ./corpus)",
			firstDiff(got, want))
	}
}

// TestPeopleAllFound: every person the recipes list is in the index, with
// a note and mentions.
func TestPeopleAllFound(t *testing.T) {
	out, err := People(prepared(t))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := corpus.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	people, err := corpus.NewPeople(lib, out)
	if err != nil {
		t.Fatal(err)
	}
	if people.Len() != len(peopleRecipes) {
		t.Fatalf("%d people, %d in the recipes", people.Len(), len(peopleRecipes))
	}
	for i, p := range people.All() {
		if p.Note == "" || p.Source.Work == "" || len(p.Keys) == 0 {
			t.Errorf("%s: %+v", p.Name, p)
		}
		if len(people.Mentions(i)) == 0 && p.Name != "Eltsin, Viktor Borisovich" {
			t.Errorf("%s: never mentioned", p.Name)
		}
	}
}

// TestPeopleRecipeErrors: what the recipes say and the notes do not
// bear out fails the preparation, saying what.
func TestPeopleRecipeErrors(t *testing.T) {
	docs := prepared(t)
	edit := func(f func([]PersonRecipe) []PersonRecipe) []PersonRecipe {
		return f(slices.Clone(peopleRecipes))
	}
	for _, tt := range []struct {
		name    string
		recipes []PersonRecipe
		want    string
	}{
		{"unknown name", edit(func(rs []PersonRecipe) []PersonRecipe {
			return append(rs, PersonRecipe{Name: "Nobody, Ivan Ivanovich"})
		}), `"Nobody, Ivan Ivanovich" is not in the Biographical Notes`},
		{"a note left out", edit(func(rs []PersonRecipe) []PersonRecipe {
			return slices.DeleteFunc(rs, func(r PersonRecipe) bool { return strings.HasPrefix(r.Name, "Kalinin") })
		}), `the biographical note of "Kalinin, Mikhail Ivanovich" is in no recipe`},
		{"a spelling no work uses", edit(func(rs []PersonRecipe) []PersonRecipe {
			i := slices.IndexFunc(rs, func(r PersonRecipe) bool { return strings.HasPrefix(r.Name, "Zinoviev") })
			rs[i].Also = []string{"Zinovieff"}
			return rs
		}), `the works never name them "Zinovieff"`},
		{"a name gone by unlisted", edit(func(rs []PersonRecipe) []PersonRecipe {
			i := slices.IndexFunc(rs, func(r PersonRecipe) bool { return strings.HasPrefix(r.Name, "Mdivani") })
			rs[i].Also = nil
			return rs
		}), `went by "Budu"`},
		{"no such note", edit(func(rs []PersonRecipe) []PersonRecipe {
			return append(rs, PersonRecipe{Name: "Kornilov, L. G.", Work: "notes-in-the-margins", Note: "99"})
		}), "has no note 99"},
		{"a note about someone else", edit(func(rs []PersonRecipe) []PersonRecipe {
			return append(rs, PersonRecipe{Name: "Kornilov, L. G.", Work: "notes-in-the-margins", Note: "8"})
		}), "does not name Kornilov"},
	} {
		_, err := buildPeople(docs, tt.recipes)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error saying %s", tt.name, err, tt.want)
		}
	}
}

func TestBioHead(t *testing.T) {
	for _, tt := range []struct {
		text                    string
		name, nick, dates, note string
	}{
		{"Zinoviev, Grigory Yevseyevich (1883–1936)—Joined.", "Zinoviev, Grigory Yevseyevich", "", "1883–1936", "Joined."},
		{"Fotieva, Lydia Alexandrovna (1881- )—Member.", "Fotieva, Lydia Alexandrovna", "", "1881- ", "Member."},
		{"Mdivani, Polikarp Gurgenovich (Budu) (1877–1937)—Joined.", "Mdivani, Polikarp Gurgenovich", "Budu", "1877–1937", "Joined."},
		{"Oldenburg, S.S. (d. 1940)—Political.", "Oldenburg, S.S.", "", "d. 1940", "Political."},
		{"Eltsin, Viktor Borisovich—Son of Boris Eltsin.", "Eltsin, Viktor Borisovich", "", "", "Son of Boris Eltsin."},
		{"Kabanidze—L.A. Fotieva (1964), p. 75.", "Kabanidze", "", "", "L.A. Fotieva (1964), p. 75."},
	} {
		m := bioHeadRE.FindStringSubmatch(tt.text)
		if m == nil || m[1] != tt.name || m[2] != tt.nick || m[3] != tt.dates || m[4] != tt.note {
			t.Errorf("%q: %q", tt.text, m)
		}
	}
	if got := normalDates("1881- "); got != "1881–" {
		t.Errorf("normalDates = %q", got)
	}
}

func TestIndexEntry(t *testing.T) {
	ref := func(text string, base, off int) corpus.IndexRef {
		m := indexRefRE.FindStringSubmatch(text)
		return corpus.IndexRef{Page: m[1], Last: m[2], Kind: m[3], Start: base + off, End: base + off + len(text)}
	}
	const base = 1000
	for _, tt := range []struct {
		text string
		want corpus.IndexEntry
	}{
		{"Aristotle, 30, 31", corpus.IndexEntry{Term: "Aristotle", Start: base, End: base + 17,
			Refs: []corpus.IndexRef{ref("30", base, 11), ref("31", base, 15)}}},
		{"Bolshevik Party, see Communist Party of Soviet Union", corpus.IndexEntry{Term: "Bolshevik Party",
			See: []string{"Communist Party of Soviet Union"}, Start: base, End: base + 52}},
		{"Kamenev, L., 19, 151b; Lenin on, 23–24, 133ff", corpus.IndexEntry{Term: "Kamenev, L.", Start: base, End: base + 47,
			Refs: []corpus.IndexRef{ref("19", base, 13), ref("151b", base, 17)},
			Subs: []corpus.IndexEntry{{Term: "Lenin on", Start: base + 23, End: base + 47,
				Refs: []corpus.IndexRef{ref("23–24", base, 33), ref("133ff", base, 42)}}}}},
		{"Fourth International, 7, 28. See also Left Opposition", corpus.IndexEntry{Term: "Fourth International",
			Start: base, End: base + 53, Refs: []corpus.IndexRef{ref("7", base, 22), ref("28", base, 25)},
			See: []string{"Left Opposition"}}},
		{"Lenin, on “Trotskyism,” 56–57", corpus.IndexEntry{Term: "Lenin, on “Trotskyism,”", Start: base, End: base + 35,
			Refs: []corpus.IndexRef{ref("56–57", base, 28)}}},
		{"Commissariat of Foreign Trade, [illegible]", corpus.IndexEntry{Term: "Commissariat of Foreign Trade",
			Start: base, End: base + 42}},
		{"Lenin, V.I., absent from Twelfth Congress, 25; on Kamenev, 23", corpus.IndexEntry{Term: "Lenin, V.I.",
			Start: base, End: base + 61, Subs: []corpus.IndexEntry{
				{Term: "absent from Twelfth Congress", Start: base + 13, End: base + 45, Refs: []corpus.IndexRef{ref("25", base, 43)}},
				{Term: "on Kamenev", Start: base + 47, End: base + 61, Refs: []corpus.IndexRef{ref("23", base, 59)}}}}},
	} {
		got, err := indexEntry(tt.text, base)
		if err != nil {
			t.Errorf("%q: %v", tt.text, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.text, got, tt.want)
		}
	}
	if _, err := indexEntry("17, 20", base); err == nil {
		t.Error("an entry of references alone read without an error")
	}
}
