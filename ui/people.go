package ui

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
	"samizdat/ui/overlay"
	"samizdat/ui/render"
)

// The root's part of the people index: who a name on screen is (a
// person's box, the next name each time), where the works mention them (a
// list of places, and the place gone to with the name standing out), and
// the list of everyone. The index is read, and every mention found, the
// first time one of these is asked for, off the UI goroutine: the key or
// intent that asked is handled again once it is.

// peopleWait is what waits for the people index: a key, or an intent.
type peopleWait struct {
	key   *tea.KeyMsg
	in    common.Intent
	layer layer // what was open when it came
}

// people is the library's people index, once it has been read and its
// mentions found; nil before, or where there is none.
func (m Model) people() *corpus.People {
	if !m.peopleReady {
		return nil
	}
	return m.c.Lib.People()
}

// warmPeople reads the people index and finds every mention off the UI
// goroutine; with mark, it lists the names to mark in each document too.
func warmPeople(lib *corpus.Library, mark bool) tea.Cmd {
	return func() tea.Msg {
		p := lib.People()
		var names map[*corpus.Document][]render.Range
		if p != nil {
			p.Warm() // the mentions are found on first use
			if mark {
				names = namesByDoc(lib, p)
			}
		}
		return peopleReadyMsg{err: lib.PeopleErr(), names: names}
	}
}

// namesByDoc is every mention of a person in each document of lib, as
// names for the reading pane to mark.
func namesByDoc(lib *corpus.Library, p *corpus.People) map[*corpus.Document][]render.Range {
	out := make(map[*corpus.Document][]render.Range, len(lib.Docs))
	for i, d := range lib.Docs {
		ms := p.NamesIn(i, 0, math.MaxInt)
		if len(ms) == 0 {
			continue
		}
		rs := make([]render.Range, len(ms))
		for k, n := range ms {
			rs[k] = render.Range{Start: n.Start, End: n.End, Kind: render.Name}
		}
		out[d] = rs
	}
	return out
}

// needPeople says whether a key must wait for the people index; if so,
// cmd reads it and brings the key back.
func (m *Model) needPeople(msg tea.KeyMsg) (tea.Cmd, bool) {
	return m.waitPeople(peopleWait{key: &msg, layer: m.overlay})
}

// waitPeople says whether what asked must wait for the people index; if
// so, cmd reads it, and then what asked last is done.
func (m *Model) waitPeople(waited peopleWait) (tea.Cmd, bool) {
	if m.peopleReady {
		return nil, false
	}
	m.peopleThen = waited
	if m.peopleWaiting {
		return nil, true
	}
	m.peopleWaiting = true
	return warmPeople(m.c.Lib, m.markNames), true
}

// peopleRead takes in the people index, read, and handles the key that
// waited for it.
func (m Model) peopleRead(msg peopleReadyMsg) (tea.Model, tea.Cmd) {
	m.peopleWaiting, m.peopleReady = false, true
	var said tea.Cmd
	if msg.err != nil {
		said = common.Failure(msg.err.Error())
	}
	if msg.names != nil {
		m.reader.MarkNames(msg.names)
	}
	said = tea.Batch(said, m.prompt.SetPeople(m.c.Lib.People(), m.overlay == promptOverlay))
	then := m.peopleThen
	m.peopleThen = peopleWait{}
	if then.layer != m.overlay {
		return m, said
	}
	var next tea.Model
	var cmd tea.Cmd
	if then.key != nil {
		next, cmd = m.handleKey(*then.key)
	} else {
		next, cmd = m.apply(then.in, nil)
	}
	return next, tea.Batch(said, cmd)
}

// fromList does what the list of people or the go-to prompt asked: show
// a person, or list the pages of an entry of the printed index.
func (m Model) fromList(in common.Intent) (tea.Model, tea.Cmd) {
	if cmd, wait := m.waitPeople(peopleWait{in: in, layer: m.overlay}); wait {
		return m, cmd
	}
	if in.Do == common.ShowPerson {
		return m.showPerson(in.Person)
	}
	ix, _ := m.printedIndex()
	if ix == nil || in.Entry < 0 || in.Entry >= len(ix.Entries) {
		return m, noPeople()
	}
	return m.choosePage([]int{in.Entry})
}

// noPeople says the library has no people index.
func noPeople() tea.Cmd {
	return common.Hint("No people index for this library.")
}

// whoIsThis shows who the first name on screen is: the names of the
// people the index knows, each once, in the order of the text.
func (m Model) whoIsThis(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if cmd, wait := m.needPeople(msg); wait {
		return m, cmd
	}
	p := m.people()
	if p == nil {
		return m, noPeople()
	}
	d := m.reader.Doc()
	sc := m.reader.Screen()
	from, to := d.PlainOffset(max(sc.Top, 0)), d.PlainOffset(max(sc.Bottom, sc.Top+1))
	names := p.NamesIn(m.c.IndexOf(d), from, to)
	var who []int
	for _, n := range names {
		if !slices.Contains(who, n.Person) {
			who = append(who, n.Person)
		}
	}
	if len(who) == 0 {
		hint := "No name on screen that the notes know."
		if k := common.FirstKey(m.c.Keys.People); k != "" {
			hint += " " + k + " lists everyone they know."
		}
		return m, common.Hint(hint)
	}
	m.who.people, m.who.doc, m.who.names = who, d, names
	return m.openPerson()
}

// showPerson shows person i of the people index alone.
func (m Model) showPerson(i int) (tea.Model, tea.Cmd) {
	p := m.people()
	if p == nil || i < 0 || i >= p.Len() {
		return m, noPeople()
	}
	m.who.people, m.who.doc, m.who.names = []int{i}, nil, nil
	return m.openPerson()
}

// openPerson opens the person's box over m.who.people.
func (m Model) openPerson() (tea.Model, tea.Cmd) {
	p := m.people()
	entries := make([]overlay.PersonEntry, len(m.who.people))
	for k, i := range m.who.people {
		entries[k] = m.personEntry(p, i)
	}
	m.person.SetSize(m.layout().readerWidth, m.height)
	m.person.Open(entries)
	m.overlay = personOverlay
	m.spotPerson()
	return m, nil
}

// personEntry is person i as their box shows them.
func (m Model) personEntry(p *corpus.People, i int) overlay.PersonEntry {
	per := p.Person(i)
	e := overlay.PersonEntry{Name: per.Name, Dates: per.Dates, Note: per.Note, Source: p.Cite(per)}
	for d, n := range p.Counts(i) {
		if n > 0 {
			e.Counts = append(e.Counts, overlay.WorkCount{Work: m.c.Lib.Docs[d].ShortTitle(), N: n})
		}
	}
	return e
}

// spotPerson makes the name of the person the box shows stand out on
// screen, wherever the screen names them.
func (m *Model) spotPerson() {
	if m.who.doc == nil {
		return
	}
	shown := m.who.people[m.person.At()]
	var ranges []render.Range
	for _, n := range m.who.names {
		if n.Person == shown {
			ranges = append(ranges, render.Range{Start: n.Start, End: n.End})
		}
	}
	m.reader.SetSpot(m.who.doc, ranges)
}

// personKey handles a key in a person's box: mentions lists where the
// works mention the person shown, who-is-this the next name.
func (m Model) personKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.c.Keys
	switch {
	case m.closeOrHelp(msg):
		m.reader.SetSpot(nil, nil)
		return m, nil
	case key.Matches(msg, k.People):
		return m.openPeople(msg)
	case key.Matches(msg, k.Mentions):
		return m.openMentions(m.who.people[m.person.At()])
	}
	var cmd tea.Cmd
	m.person, cmd = m.person.Update(msg)
	m.spotPerson()
	return m, cmd
}

// openMentions lists where the works mention person i, by work and
// section, with the words around each, after the note on them; the cursor
// starts at the first mention on screen, if the box was about one.
func (m Model) openMentions(i int) (tea.Model, tea.Cmd) {
	p := m.people()
	per := p.Person(i)
	ms := p.Mentions(i)
	var rows []overlay.PlaceRow
	m.placeSpots = m.placeSpots[:0]
	if d := p.Doc(per.Source.Work); d >= 0 && m.c.Lib.Docs[d].Load() == nil {
		doc, s := m.c.Lib.Docs[d], per.Source
		rows = append(rows, overlay.PlaceRow{Head: "The note: " + doc.ShortTitle() + " › " + s.Section})
		m.placeSpots = append(m.placeSpots, placeSpot{})
		name := min(s.End, s.Start+len(per.Name))
		if doc.PlainRange(s.Start, name) != per.Name {
			name = s.Start // a note that does not open with the name
		}
		rows = append(rows, overlay.PlaceRow{Words: doc.PlainRange(s.Start, name), After: doc.PlainRange(name, min(s.End, name+160)), Page: s.Page, At: corpus.Place{Doc: doc, Offset: doc.BodyOffset(s.Start)}})
		m.placeSpots = append(m.placeSpots, placeSpot{doc: doc, ranges: []render.Range{{Start: s.Start, End: name}}})
	}
	from := -1 // where the screen first names the person, if it does
	for _, n := range m.who.names {
		if n.Person == i {
			from = n.Start
			break
		}
	}
	head := ""
	at := 0
	for _, mn := range ms {
		d := m.c.Lib.Docs[mn.Doc]
		if d.Load() != nil {
			continue
		}
		off := d.BodyOffset(mn.Start)
		h := d.ShortTitle()
		if s := mn.Section; s >= 0 && s < len(d.Outline) {
			h += " › " + d.Outline[s].Title
		}
		if h != head {
			head = h
			rows = append(rows, overlay.PlaceRow{Head: h})
			m.placeSpots = append(m.placeSpots, placeSpot{})
		}
		if d == m.who.doc && from >= 0 && at == 0 && mn.Start >= from {
			at = len(rows) // the cursor starts at the mention on screen
		}
		page, _ := d.PageAt(off)
		before, after := around(d, mn.Start, mn.End)
		rows = append(rows, overlay.PlaceRow{Text: before, Words: d.PlainRange(mn.Start, mn.End), After: after, Page: page, At: corpus.Place{Doc: d, Offset: off}})
		m.placeSpots = append(m.placeSpots, placeSpot{doc: d, ranges: []render.Range{{Start: mn.Start, End: mn.End}}})
	}
	name := per.Short
	if name == "" {
		name = per.Name
	}
	title := name + " — " + common.Plural(len(ms), "mention", "mentions")
	m.places.SetSize(m.width, m.height)
	m.places.Open(title, rows, at, "The works do not mention "+name+" elsewhere.")
	m.overlay = placesOverlay
	return m, nil
}

// around is the words around plain range [start, end) of d: some before,
// from a word, and more after.
func around(d *corpus.Document, start, end int) (before, after string) {
	from := max(0, start-60)
	before = d.PlainRange(from, start)
	if from > 0 {
		if i := strings.IndexAny(before, " \n"); i >= 0 {
			before = before[i+1:]
		}
	}
	return before, d.PlainRange(end, min(d.PlainLen(), end+120))
}

// placeSpot is what stands out at a place of the list of places: ranges
// of a document's plain text, or words to find there first, up to offset
// to of its Body (an index entry's words on its pages).
type placeSpot struct {
	doc    *corpus.Document
	ranges []render.Range
	find   string
	to     int
	page   bool // the place is a printed page, its ranges on it
}

// placesKey handles a key in a list of places: open goes to the place
// under the cursor, as a jump, with its words standing out. While its
// filter is typed, every key is the list's; esc clears the filter before
// it closes the list.
func (m Model) placesKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case m.places.Filtering():
	case key.Matches(msg, m.c.Keys.Back) && m.places.ClearFilter():
		return m, nil
	case m.closeOrHelp(msg):
		m.reader.SetSpot(nil, nil)
		return m, nil
	}
	in, cmd := updatePart(&m.places, msg)
	if in.Do == common.Open {
		if i := m.places.Cursor(); i >= 0 && i < len(m.placeSpots) {
			s := m.placeSpots[i]
			if s.find != "" {
				m.overlay = noOverlay
				return m, tea.Batch(cmd, findOnPage(m.c.Index, m.c.IndexOf(s.doc), s.doc, s.find, in.At.Offset, s.to))
			}
			if s.page {
				return m.goToSpot(in.At, s.ranges, cmd)
			}
			if len(s.ranges) > 0 {
				return m.goToSpot(m.showAbove(in.At), s.ranges, cmd)
			}
			m.reader.SetSpot(nil, nil)
		}
	}
	return m.apply(in, cmd)
}

// showAbove is where to open the text for a place to show with the
// lines before it: the start of its paragraph, unless that is too far up.
func (m Model) showAbove(at corpus.Place) corpus.Place {
	d := at.Doc
	if d == nil || at.Offset < 0 || len(d.Blocks) == 0 {
		return at
	}
	start := d.Blocks[d.BlockAt(at.Offset)].Start
	if at.Offset-start < m.reader.Measure()*max(1, m.reader.Height()/3) {
		at.Offset = start
	}
	return at
}

// openPeople lists everyone the people index knows.
func (m Model) openPeople(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if cmd, wait := m.needPeople(msg); wait {
		return m, cmd
	}
	p := m.people()
	if p == nil || p.Len() == 0 {
		return m, noPeople()
	}
	if m.peopleRows == nil {
		m.peopleRows = make([]overlay.PersonRow, p.Len())
		for i, per := range p.All() {
			m.peopleRows[i] = overlay.NewPersonRow(i, per.Name, shortName(per.Name), per.Dates, len(p.Mentions(i)), append(per.Keys, per.Variants...))
		}
	}
	m.reader.SetSpot(nil, nil)
	m.peopleList.SetSize(m.width, m.height)
	m.peopleList.Open(m.peopleRows)
	m.overlay = peopleOverlay
	return m, nil
}

// shortName is a name with its given names cut to initials:
// "Zinoviev, Grigory Yevseyevich" is "Zinoviev, G. Y.".
func shortName(name string) string {
	surname, given, ok := strings.Cut(name, ", ")
	if !ok {
		return name
	}
	var initials []string
	for _, g := range strings.Fields(given) {
		r := []rune(strings.Trim(g, "."))
		if len(r) == 0 {
			continue
		}
		initials = append(initials, string(r[0])+".")
	}
	return surname + ", " + strings.Join(initials, " ")
}

// peopleKey handles a key in the list of people: accept shows the person
// under the cursor; every key but back is the list's, where names are
// typed.
func (m Model) peopleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.c.Keys.Back) {
		m.overlay = noOverlay
		return m, nil
	}
	in, cmd := updatePart(&m.peopleList, msg)
	return m.apply(in, cmd)
}
