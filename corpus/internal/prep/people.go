package prep

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"samizdat/corpus"
)

// PersonRecipe is a person of the people index, as the recipes list them:
// a biographical note of Lenin's Fight, or a note of another work that
// says who someone was.
type PersonRecipe struct {
	// Name is the name as the note gives it. For a biographical note it
	// is the note's head before its dates, "Zinoviev, Grigory
	// Yevseyevich", and must begin a note of the Biographical Notes; for
	// another note, it is the name the index shows, surname first.
	Name string
	// Work and Note name the note of another work ("notes-in-the-margins",
	// "2"); empty for a biographical note. Dates are that note's life
	// dates, where it gives them.
	Work, Note, Dates string
	// Also lists other spellings of the surname the works use
	// ("Ordjonikidze") and names the person goes by alone ("Sergo").
	Also []string
	// Keys, when set, replace the surname as what names the person: for
	// a surname two people of the index share, only the forms with
	// initials or given names ("B. Eltsin") are theirs, and the surname
	// alone names neither.
	Keys []string
}

// Short is the surname: the name before its first comma.
func (r PersonRecipe) Short() string {
	s, _, _ := strings.Cut(r.Name, ",")
	return s
}

// keys are what names the person in the works.
func (r PersonRecipe) keys() []string {
	if len(r.Keys) > 0 {
		return append(slices.Clone(r.Keys), r.Also...)
	}
	return append([]string{r.Short()}, r.Also...)
}

// People builds the people index of the edition, people.json, from its
// prepared documents (by id): every person the recipes list, found in
// the notes, with where the works name them; and the printed index of
// Lenin's Fight. It fails on a person the notes do not have, a
// biographical note no recipe lists, a name that names no one, and an
// index entry it cannot read.
func People(docs map[string][]byte) ([]byte, error) {
	return buildPeople(docs, peopleRecipes)
}

func buildPeople(docs map[string][]byte, recipes []PersonRecipe) ([]byte, error) {
	lib := &corpus.Library{}
	byID := map[string]*corpus.Document{}
	for _, r := range Recipes() {
		data, ok := docs[r.Meta.ID]
		if !ok {
			return nil, fmt.Errorf("people: no document %s", r.Meta.ID)
		}
		d := corpus.Parse(r.Meta.ID+".md", data)
		lib.Docs = append(lib.Docs, d)
		byID[d.ID] = d
	}
	lf := byID[peopleBioWork]
	bios, err := biographicalNotes(lf)
	if err != nil {
		return nil, err
	}
	var people []corpus.Person
	for _, r := range recipes {
		p, err := personOf(r, bios, byID)
		if err != nil {
			return nil, err
		}
		people = append(people, p)
	}
	for name := range bios {
		if !slices.ContainsFunc(recipes, func(r PersonRecipe) bool { return r.Work == "" && r.Name == name }) {
			return nil, fmt.Errorf("people: the biographical note of %q is in no recipe", name)
		}
	}
	slices.SortFunc(people, func(a, b corpus.Person) int {
		return cmp.Or(cmp.Compare(corpus.Fold(a.Name, true), corpus.Fold(b.Name, true)), cmp.Compare(a.Name, b.Name))
	})
	index, err := printedIndex(lf)
	if err != nil {
		return nil, err
	}
	data := corpus.PeopleData{People: people, Index: index}
	if err := findVariants(lib, &data); err != nil {
		return nil, err
	}
	return encodePeople(data)
}

// peopleBioWork is the work whose Biographical Notes and index are read.
const peopleBioWork = "lenins-fight"

// bioNote is a note of the Biographical Notes, by the name it begins with.
type bioNote struct {
	name, nick, dates, text string
	source                  corpus.NoteSource
}

// bioHeadRE reads a biographical note's head: the name, a name in
// parentheses the person went by, the dates in parentheses, then a dash
// and the note.
var bioHeadRE = regexp.MustCompile(`^([^(—]+?)(?: \(([^)0-9]+)\))?(?: \(([^)]*[0-9][^)]*)\))?—(.*)$`)

// biographicalNotes reads every note of the Biographical Notes of d.
func biographicalNotes(d *corpus.Document) (map[string]bioNote, error) {
	h, err := d.Heading("biographical-notes")
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	hi := d.SectionAt(h.Offset)
	end := d.SectionEnd(hi)
	notes := map[string]bioNote{}
	for _, b := range d.Blocks {
		if b.Start <= h.Offset || b.Start >= end {
			continue
		}
		from, to, text := blockPlain(d, b.Start, b.End)
		m := bioHeadRE.FindStringSubmatch(text)
		if m == nil {
			return nil, fmt.Errorf("people: %s, Biographical Notes: cannot read the note %q", d.ID, text)
		}
		page, _ := d.PageAt(b.Start)
		notes[m[1]] = bioNote{
			name: m[1], nick: m[2], dates: normalDates(m[3]), text: strings.TrimSpace(m[4]),
			source: corpus.NoteSource{Work: d.ID, Section: h.Title, Anchor: h.Anchor, Page: page, Start: from, End: to},
		}
	}
	if len(notes) == 0 {
		return nil, fmt.Errorf("people: %s: the Biographical Notes hold no note", d.ID)
	}
	return notes, nil
}

// normalDates writes an open range as "1881–": the source's "1881- ".
func normalDates(s string) string {
	s = strings.TrimSpace(s)
	if t, ok := strings.CutSuffix(s, "-"); ok {
		return strings.TrimSpace(t) + "–"
	}
	return s
}

// personOf finds r's note.
func personOf(r PersonRecipe, bios map[string]bioNote, docs map[string]*corpus.Document) (corpus.Person, error) {
	p := corpus.Person{Name: r.Name, Short: r.Short(), Keys: r.keys()}
	if r.Work == "" {
		b, ok := bios[r.Name]
		if !ok {
			return p, fmt.Errorf("people: %q is not in the Biographical Notes of %s", r.Name, peopleBioWork)
		}
		p.Dates, p.Note, p.Source = b.dates, b.text, b.source
		if b.nick != "" && !slices.Contains(r.Also, b.nick) {
			return p, fmt.Errorf("people: %q went by %q: list it in Also", r.Name, b.nick)
		}
		return p, nil
	}
	d, ok := docs[r.Work]
	if !ok {
		return p, fmt.Errorf("people: %q: no work %s", r.Name, r.Work)
	}
	i := slices.IndexFunc(d.Notes, func(n corpus.Note) bool { return n.Label == r.Note })
	if i < 0 {
		return p, fmt.Errorf("people: %q: %s has no note %s", r.Name, r.Work, r.Note)
	}
	n := d.Notes[i]
	from, to, text := blockPlain(d, n.Offset, n.End)
	text = strings.TrimSpace(strings.TrimPrefix(text, "["+n.Label+"]"))
	if !strings.Contains(text, p.Short) {
		return p, fmt.Errorf("people: %q: note %s of %s does not name %s", r.Name, r.Note, r.Work, p.Short)
	}
	if r.Dates != "" && !strings.Contains(text, r.Dates) {
		return p, fmt.Errorf("people: %q: note %s of %s does not give the dates %s", r.Name, r.Note, r.Work, r.Dates)
	}
	h := d.Outline[max(d.SectionAt(n.Offset), 0)]
	page, _ := d.PageAt(n.Offset)
	p.Dates, p.Note = r.Dates, text
	p.Source = corpus.NoteSource{Work: d.ID, Section: h.Title, Anchor: h.Anchor, Page: page, Label: n.Label,
		Start: from, End: to}
	return p, nil
}

// findVariants fills in every person's variants: the forms of the name
// the works use around each mention, with initials or a given name
// before it and a possessive after it. A key that names no one in any
// work fails: the recipe's data is wrong.
func findVariants(lib *corpus.Library, data *corpus.PeopleData) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	people, err := corpus.NewPeople(lib, raw)
	if err != nil {
		return err
	}
	for i := range data.People {
		per := &data.People[i]
		given := givenNames(*per)
		counts := map[string]int{}
		found := map[string]bool{}
		for _, m := range people.Mentions(i) {
			text := lib.Docs[m.Doc].PlainRange(max(m.Start-40, 0), m.End+4)
			at := m.Start - max(m.Start-40, 0)
			form := text[at : at+m.End-m.Start]
			found[" "+nameKey(form)+" "] = true
			if pre := variantPrefix(text[:at], given); pre != "" {
				form = pre + form
			}
			for _, pos := range []string{"’s", "'s"} {
				if strings.HasPrefix(text[at+m.End-m.Start:], pos) {
					form += pos
				}
			}
			counts[form]++
		}
		for _, k := range per.Keys {
			if !keyFound(found, k) {
				return fmt.Errorf("people: %q: the works never name them %q", per.Name, k)
			}
		}
		per.Variants = make([]string, 0, len(counts))
		for f := range counts {
			per.Variants = append(per.Variants, f)
		}
		slices.SortFunc(per.Variants, func(a, b string) int {
			return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
		})
	}
	return nil
}

// keyFound says whether key k is among the words of a mention found: a
// mention may join two keys ("Sergo Ordzhonikidze").
func keyFound(found map[string]bool, k string) bool {
	want := " " + nameKey(k) + " "
	for f := range found {
		if strings.Contains(f, want) {
			return true
		}
	}
	return false
}

// nameKey is a name by its words, folded: "A.P. Smirnov" is "a p smirnov",
// as the people index matches it.
func nameKey(s string) string {
	return strings.Join(nameWordRE.FindAllString(corpus.Fold(s, true), -1), " ")
}

var nameWordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// givenNames are the names that may stand before a person's surname:
// their given names, and the name they went by.
func givenNames(p corpus.Person) []string {
	_, given, _ := strings.Cut(p.Name, ", ")
	var out []string
	for _, g := range strings.Fields(given) {
		g = strings.Trim(g, "()")
		if g != "" && !strings.HasSuffix(g, ".") {
			out = append(out, g)
		}
	}
	return out
}

// initialsRE finds initials just before a name: "G.", "G.Y. ", "A. P. ".
var initialsRE = regexp.MustCompile(`(?:\b\p{Lu}\.[ \x{a0}]?){1,3}$`)

// variantPrefix is what stands before a mention as part of the name:
// initials or a given name, with the space after them; or "".
func variantPrefix(before string, given []string) string {
	if m := initialsRE.FindString(before); m != "" {
		return m
	}
	for _, g := range given {
		if strings.HasSuffix(before, g+" ") {
			if k := len(before) - len(g) - 1; k == 0 || !isWordByte(before[k-1]) {
				return g + " "
			}
		}
	}
	return ""
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// encodePeople writes the people index as JSON, a person or an index entry
// a line, so that a change to the edition shows as a change to a line.
func encodePeople(data corpus.PeopleData) ([]byte, error) {
	var b bytes.Buffer
	line := func(v any, last bool) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(j)
		if !last {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		return nil
	}
	b.WriteString("{\"people\": [\n")
	for i, p := range data.People {
		if err := line(p, i == len(data.People)-1); err != nil {
			return nil, err
		}
	}
	b.WriteString("],\n\"index\": ")
	if data.Index == nil {
		b.WriteString("null}\n")
		return b.Bytes(), nil
	}
	fmt.Fprintf(&b, "{\"work\": %q, \"entries\": [\n", data.Index.Work)
	for i, e := range data.Index.Entries {
		if err := line(e, i == len(data.Index.Entries)-1); err != nil {
			return nil, err
		}
	}
	b.WriteString("]}}\n")
	var check corpus.PeopleData
	if err := json.Unmarshal(b.Bytes(), &check); err != nil {
		return nil, fmt.Errorf("people: the index written does not read back: %w", err)
	}
	return b.Bytes(), nil
}

// blockPlain is the plain text of the body range [start, end) of d, a
// block or a note, and its plain range, without the blank line after it.
func blockPlain(d *corpus.Document, start, end int) (from, to int, text string) {
	from, to = d.PlainOffset(start), d.PlainOffset(end)
	text = strings.TrimRight(d.PlainRange(from, to), "\n")
	return from, from + len(text), text
}
