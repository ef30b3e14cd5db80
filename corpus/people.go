package corpus

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// The edition carries a people index, people.json beside its documents,
// written by the preparation: who each person the works name was (from
// the Biographical Notes of Lenin's Fight and the notes of the other
// works that say so), the words that name them, and the printed index of
// Lenin's Fight. It is read the first time it is asked for, never at
// start-up; where each person is mentioned is found the first time that
// is asked for, in one pass over each document.
//
// A folder of the reader's own has no such data: Library.People is nil.

// peopleFile is the name of the people index beside the documents.
const peopleFile = "people.json"

// PeopleData is people.json as the preparation writes it.
type PeopleData struct {
	People []Person      `json:"people"`
	Index  *PrintedIndex `json:"index,omitempty"`
}

// Person is one entry of the people index.
type Person struct {
	// Name is the name as the note gives it, surname first:
	// "Zinoviev, Grigory Yevseyevich".
	Name string `json:"name"`
	// Short is the surname as the works spell it: "Zinoviev".
	Short string `json:"short"`
	// Dates are the life dates the note gives ("1883–1936", "1881–" for
	// one alive when it was written, "d. 1940"), or "".
	Dates string `json:"dates,omitempty"`
	// Keys are what names the person in the text, each a whole word or
	// run of words: the surname and its other spellings ("Dzerzhinsky",
	// "Dzerjinsky"), or, for a surname two people share, the forms with
	// initials or given name ("Boris Eltsin"). Mentions are where a key
	// occurs.
	Keys []string `json:"keys"`
	// Variants are the forms of the name found in the works, as written
	// ("Kamenev", "L.B. Kamenev", "Kamenev’s"), the commonest first.
	Variants []string `json:"variants"`
	// Note is the text of the note that says who the person was.
	Note   string     `json:"note"`
	Source NoteSource `json:"source"`
}

// NoteSource is where a person's note is.
type NoteSource struct {
	Work    string `json:"work"`    // the document's id
	Section string `json:"section"` // the title of the section holding the note
	Anchor  string `json:"anchor"`  // that section's anchor
	Page    string `json:"page,omitempty"`
	Label   string `json:"label,omitempty"` // the note's label, for a footnote
	// Start and End are the note's byte range in the work's Plain. The
	// note is not a mention of the person it is about.
	Start int `json:"start"`
	End   int `json:"end"`
}

// Mention is a place a work names a person: a byte range of a document's
// Plain.
type Mention struct {
	Person     int // the person's index in People.All
	Doc        int // the document's index in the library
	Start, End int
	// Section is the index in the document's Outline of the heading whose
	// section holds the mention, or -1 before the first heading.
	Section int
}

// People is the people index of a library. It is safe for concurrent use.
type People struct {
	lib    *Library
	people []Person
	index  *PrintedIndex
	// byName maps every folded name a reader may ask for (keys, variants,
	// the short and full names) to the people it names.
	byName map[string][]int
	// docs maps the id of each document to its index in the library.
	docs map[string]int

	occOnce sync.Once
	occ     occurrences
}

// peopleSource reads a library's people index, once.
type peopleSource struct {
	fsys   fs.FS
	once   sync.Once
	people *People
	err    error
}

// People is the library's people index, read on first use; nil where the
// library has none (a folder of the reader's own) or it cannot be read
// (see PeopleErr).
func (l *Library) People() *People {
	p, _ := l.loadPeople()
	return p
}

// HasPeople says whether the library comes with a people index, without
// reading it: the embedded library does, a folder of the reader's own
// does not.
func (l *Library) HasPeople() bool { return l.peopleSrc != nil }

// PeopleErr says why the library's people index could not be read; nil
// when it was read or there is none.
func (l *Library) PeopleErr() error {
	_, err := l.loadPeople()
	return err
}

func (l *Library) loadPeople() (*People, error) {
	src := l.peopleSrc
	if src == nil {
		return nil, nil
	}
	src.once.Do(func() {
		data, err := fs.ReadFile(src.fsys, peopleFile)
		if err != nil {
			src.err = fmt.Errorf("load %s: %w", peopleFile, err)
			return
		}
		src.people, src.err = NewPeople(l, data)
	})
	return src.people, src.err
}

// NewPeople reads a people index, people.json as the preparation writes
// it, for the documents of lib.
func NewPeople(lib *Library, data []byte) (*People, error) {
	var pd PeopleData
	if err := json.Unmarshal(data, &pd); err != nil {
		return nil, fmt.Errorf("read %s: %w", peopleFile, err)
	}
	p := &People{lib: lib, people: pd.People, index: pd.Index, byName: map[string][]int{}, docs: map[string]int{}}
	for i, d := range lib.Docs {
		p.docs[d.ID] = i
	}
	for i := range p.people {
		per := &p.people[i]
		// Clipped, so that appending to a Person's slices, which All
		// hands out by value, never writes into the index.
		per.Keys, per.Variants = slices.Clip(per.Keys), slices.Clip(per.Variants)
		for _, n := range per.lookupNames() {
			k := nameKey(n)
			if k == "" || slices.Contains(p.byName[k], i) {
				continue
			}
			p.byName[k] = append(p.byName[k], i)
		}
	}
	return p, nil
}

// lookupNames are the names a reader may ask for the person by.
func (per Person) lookupNames() []string {
	names := append([]string{per.Short, per.Name}, per.Keys...)
	names = append(names, per.Variants...)
	if surname, given, ok := strings.Cut(per.Name, ", "); ok {
		names = append(names, given+" "+surname)
		if first, _, ok := strings.Cut(given, " "); ok {
			names = append(names, first+" "+surname)
		}
	}
	return names
}

// nameKey is a name as it is looked up: its words folded, lowercased and
// joined by single spaces, without a possessive "'s": "G.Y. Zinoviev’s"
// is "g y zinoviev".
func nameKey(s string) string {
	var words []string
	for w := range nameWords(s) {
		words = append(words, w.folded)
	}
	if n := len(words); n > 1 && words[n-1] == "s" {
		words = words[:n-1]
	}
	return strings.Join(words, " ")
}

// All is every person of the index, in the order of their names.
func (p *People) All() []Person {
	if p == nil {
		return nil
	}
	return p.people
}

// Len is the number of people.
func (p *People) Len() int {
	if p == nil {
		return 0
	}
	return len(p.people)
}

// Person is person i of All; the zero Person if there is none.
func (p *People) Person(i int) Person {
	if p == nil || i < 0 || i >= len(p.people) {
		return Person{}
	}
	return p.people[i]
}

// Lookup is every person name names: a key, a variant, the surname or
// the whole name, folded as a search folds ("zinoviev", "G. Y. Zinoviev",
// "Dzerjinsky", "Grigory Zinoviev"). Two people may share a name (the
// Eltsins, father and son). Initials narrow a surname to those whose
// given names they begin: "V. Eltsin", or "Eltsin, V." as the printed
// index writes it.
func (p *People) Lookup(name string) []int {
	if p == nil {
		return nil
	}
	k := nameKey(name)
	if found := p.byName[k]; len(found) > 0 {
		return slices.Clone(found)
	}
	if surname, initials, ok := strings.Cut(name, ","); ok {
		// "Eltsin, B.", as the printed index names people.
		return p.byInitials(strings.Fields(nameKey(initials + " " + surname)))
	}
	return p.byInitials(strings.Fields(k))
}

// byInitials finds the people a name of initials and a surname names
// ("G. Y. Zinoviev", "V. Eltsin"), whether or not the works write it so:
// those of the surname whose given names begin with the initials.
func (p *People) byInitials(words []string) []int {
	n := len(words)
	if n < 2 {
		return nil
	}
	for _, w := range words[:n-1] {
		if utf8.RuneCountInString(w) != 1 {
			return nil
		}
	}
	var out []int
	for _, i := range p.byName[words[n-1]] {
		per := p.people[i]
		if nameKey(per.Short) != words[n-1] {
			continue
		}
		_, given, _ := strings.Cut(per.Name, ", ")
		gw := strings.Fields(nameKey(given))
		if len(gw) < n-1 {
			continue
		}
		ok := true
		for j, w := range words[:n-1] {
			if !strings.HasPrefix(gw[j], w) {
				ok = false
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// Find is the one person name names; ok is false when it names no one or
// more than one (see Lookup).
func (p *People) Find(name string) (Person, bool) {
	found := p.Lookup(name)
	if len(found) != 1 {
		return Person{}, false
	}
	return p.people[found[0]], true
}

// Suggest names the people whose names are close to name, for "did you
// mean": the short names, closest first.
func (p *People) Suggest(name string) []string {
	if p == nil {
		return nil
	}
	key := nameKey(name)
	if key == "" {
		return nil
	}
	seen := map[string]bool{}
	var cands []string
	for _, per := range p.people {
		for _, n := range append([]string{per.Short}, per.Keys...) {
			if k := nameKey(n); !seen[k] {
				seen[k] = true
				cands = append(cands, k)
			}
		}
	}
	close := closest(key, cands, 5)
	out := make([]string, 0, len(close))
	for _, k := range close {
		for _, i := range p.byName[k] {
			if s := p.people[i].Short; !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// Doc is the library index of the document with the id a note source or
// the printed index names, or -1.
func (p *People) Doc(id string) int {
	if p == nil {
		return -1
	}
	if i, ok := p.docs[id]; ok {
		return i
	}
	return -1
}

// Cite says where a person's note is, for a reader: "Lenin's Fight
// Against Stalinism, Biographical Notes, p. 153".
func (p *People) Cite(per Person) string {
	s := per.Source
	title := s.Work
	if i := p.Doc(s.Work); i >= 0 {
		title = p.lib.Docs[i].Title
	}
	out := title + ", " + s.Section
	if s.Label != "" {
		out += ", note " + s.Label
	}
	if s.Page != "" {
		out += ", p. " + s.Page
	}
	return out
}
